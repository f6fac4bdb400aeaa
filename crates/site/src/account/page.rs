//! The account pages' one template and what fills it.

use axum::response::{Html, IntoResponse, Response};
use http::header::{CACHE_CONTROL, RETRY_AFTER, SET_COOKIE};
use http::{HeaderMap, HeaderValue, StatusCode};
use newsdesk_auth::cookies;
use newsdesk_auth::token::{constant_time_eq, random_token};
use serde::Serialize;

use crate::error::HttpError;
use crate::head::HeadMeta;
use crate::public::context::{Chrome, EditionCtx};
use crate::state::AppState;

/// Everything `account.html` shows. Built with [`AccountPage::new`] and the `with_*`
/// methods, then [`AccountPage::respond`].
#[derive(Debug, Serialize)]
pub struct AccountPage {
    #[serde(flatten)]
    chrome: Chrome,
    heading: String,
    notice: Option<String>,
    error: Option<String>,
    paragraphs: Vec<String>,
    forms: Vec<Form>,
    buttons: Vec<Button>,
    links: Vec<Link>,
    #[serde(skip)]
    status: StatusCode,
    #[serde(skip)]
    cookies: Vec<HeaderValue>,
    #[serde(skip)]
    retry_after: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct Form {
    /// A heading above the form, for pages with several.
    pub heading: Option<String>,
    pub action: String,
    pub csrf: String,
    pub next: String,
    pub submit: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Serialize)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
    pub autocomplete: &'static str,
    pub maxlength: usize,
    pub hint: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Button {
    pub action: String,
    pub csrf: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub href: String,
    pub text: String,
}

impl AccountPage {
    /// A page of `ctx`'s edition headed `heading_key` (a UI string).
    pub fn new(state: &AppState, ctx: &EditionCtx, heading_key: &str) -> Self {
        let heading = ctx.t(state, heading_key);
        let head = HeadMeta {
            noindex: true,
            ..HeadMeta::default()
        };
        Self {
            chrome: ctx.chrome(state, &heading, head, Vec::new()),
            heading,
            notice: None,
            error: None,
            paragraphs: Vec::new(),
            forms: Vec::new(),
            buttons: Vec::new(),
            links: Vec::new(),
            status: StatusCode::OK,
            cookies: Vec::new(),
            retry_after: None,
        }
    }

    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    pub fn notice(mut self, text: String) -> Self {
        self.notice = Some(text);
        self
    }

    pub fn error(mut self, text: String) -> Self {
        self.error = Some(text);
        self
    }

    pub fn paragraph(mut self, text: String) -> Self {
        self.paragraphs.push(text);
        self
    }

    pub fn form(mut self, form: Form) -> Self {
        self.forms.push(form);
        self
    }

    pub fn button(mut self, action: String, csrf: &str, text: String) -> Self {
        self.buttons.push(Button {
            action,
            csrf: csrf.to_owned(),
            text,
        });
        self
    }

    pub fn link(mut self, href: String, text: String) -> Self {
        self.links.push(Link { href, text });
        self
    }

    pub fn cookie(mut self, cookie: Option<HeaderValue>) -> Self {
        self.cookies.extend(cookie);
        self
    }

    /// A 429 that says when to come back.
    pub fn retry_after(mut self, wait: std::time::Duration) -> Self {
        self.status = StatusCode::TOO_MANY_REQUESTS;
        self.retry_after = Some(wait.as_secs().max(1));
        self
    }

    pub fn respond(self, state: &AppState) -> Result<Response, HttpError> {
        let html = state.templates().render("account.html", &self)?;
        let mut response = (self.status, Html(html)).into_response();
        let headers = response.headers_mut();
        // Per reader, often with a CSRF token in it: never in a shared cache.
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        for cookie in self.cookies {
            headers.append(SET_COOKIE, cookie);
        }
        if let Some(secs) = self.retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        Ok(response)
    }
}

/// A field of a form, labelled with UI string `label_key`.
pub fn field(
    state: &AppState,
    ctx: &EditionCtx,
    name: &'static str,
    kind: &'static str,
    value: &str,
    autocomplete: &'static str,
) -> Field {
    let maxlength = match kind {
        "password" => 256,
        "email" => 254,
        _ => 120,
    };
    Field {
        name,
        label: ctx.t(state, &format!("account-field-{name}")),
        kind,
        value: value.to_owned(),
        autocomplete,
        maxlength,
        hint: match name {
            "password" if autocomplete == "new-password" => {
                Some(ctx.t(state, "account-field-password-hint"))
            }
            _ => None,
        },
    }
}

/// The CSRF token for a form shown to someone not logged in: the `nd_csrf` double-submit
/// cookie's, or a new one and the cookie to set.
pub fn presession_token(state: &AppState, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookies::read(headers, cookies::PRESESSION_COOKIE) {
        Some(token) => (token, None),
        None => {
            let token = random_token(32);
            let cookie = cookies::presession_cookie(&token, state.config().secure_cookies);
            (token, cookie)
        }
    }
}

/// Whether a form posted without a session carries the token of its `nd_csrf` cookie.
pub fn presession_ok(headers: &HeaderMap, submitted: &str) -> bool {
    cookies::read(headers, cookies::PRESESSION_COOKIE)
        .is_some_and(|c| !submitted.is_empty() && constant_time_eq(&c, submitted))
}

/// The refusal of a form whose CSRF token does not match: the reader reloads and retries.
pub fn expired_form() -> HttpError {
    HttpError::Forbidden("the form expired; reload the page and try again".to_owned())
}
