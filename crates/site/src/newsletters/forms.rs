//! The reader's side: the subscribe page (the footer's form leads to it), the confirmation
//! link, and unsubscribing (a page with a button, and RFC 8058's one-click POST).
//!
//! Subscribing never tells whether the address was subscribed already: every valid
//! request gets the same "check your inbox" page, and only the address's owner learns
//! more, by the confirmation link. A logged-in reader with a confirmed account subscribing
//! their own address is confirmed at once (the account already proved the address).

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::Form;
use http::header::{CACHE_CONTROL, SET_COOKIE};
use http::{HeaderMap, HeaderValue, StatusCode};
use newsdesk_app::newsletters::links;
use newsdesk_auth::{ClientIp, ReaderLimits};
use newsdesk_core::account::normalize_email;
use newsdesk_store::StoreError;
use newsdesk_store::newsletters::{Subscriber, valid_list};
use serde::{Deserialize, Serialize};

use super::compose;
use crate::account::page::{expired_form, presession_ok, presession_token};
use crate::error::HttpError;
use crate::i18n::{args, isolate};
use crate::public::context::EditionCtx;
use crate::public::error_page::or_error_page;
use crate::state::AppState;

/// The subscribe page's query: the footer's form fills it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubscribeQuery {
    pub email: String,
    pub lists: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubscribeForm {
    pub email: String,
    pub lists: Vec<String>,
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LinkQuery {
    pub s: i64,
    pub e: i64,
    pub t: String,
}

#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Debug, Serialize)]
struct Page {
    #[serde(flatten)]
    chrome: crate::public::context::Chrome,
    heading: String,
    paragraphs: Vec<String>,
    error: Option<String>,
    /// The subscribe form, when shown.
    form: Option<FormView>,
    /// A one-button form (unsubscribe).
    button: Option<ButtonView>,
    link: Option<ButtonView>,
}

#[derive(Debug, Serialize)]
struct FormView {
    action: String,
    csrf: String,
    email: String,
    email_label: String,
    choices: Vec<Choice>,
    submit: String,
    privacy: String,
}

#[derive(Debug, Serialize)]
struct ButtonView {
    action: String,
    text: String,
}

fn respond(
    state: &AppState,
    page: &Page,
    status: StatusCode,
    cookie: Option<HeaderValue>,
) -> Result<Response, HttpError> {
    let html = state.templates().render("newsletters.html", page)?;
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Some(cookie) = cookie {
        headers.append(SET_COOKIE, cookie);
    }
    Ok(response)
}

fn page(state: &AppState, ctx: &EditionCtx, heading_key: &str) -> Page {
    let heading = ctx.t(state, heading_key);
    let head = crate::head::HeadMeta {
        noindex: true,
        ..crate::head::HeadMeta::default()
    };
    Page {
        chrome: ctx.chrome(state, &heading, head, Vec::new()),
        heading,
        paragraphs: Vec::new(),
        error: None,
        form: None,
        button: None,
        link: None,
    }
}

/// Every list a reader of `ctx`'s edition may choose: the digest, breaking news, and one
/// per section.
pub fn lists_of(ctx: &EditionCtx) -> Vec<String> {
    let mut lists = vec!["digest".to_owned(), "breaking".to_owned()];
    lists.extend(ctx.sections.iter().map(|s| format!("section:{}", s.slug)));
    lists
}

fn form_view(
    state: &AppState,
    ctx: &EditionCtx,
    csrf: &str,
    email: &str,
    chosen: &[String],
) -> FormView {
    // Nothing chosen yet (a first visit): the digest and breaking news, as most readers want.
    let defaults = ["digest".to_owned(), "breaking".to_owned()];
    let chosen: &[String] = if chosen.is_empty() { &defaults } else { chosen };
    FormView {
        action: format!("/{}/newsletters", ctx.edition.code),
        csrf: csrf.to_owned(),
        email: email.to_owned(),
        email_label: ctx.t(state, "newsletter-form-email"),
        choices: lists_of(ctx)
            .into_iter()
            .map(|value| Choice {
                label: compose::list_name(state, ctx, &value),
                checked: chosen.contains(&value),
                value,
            })
            .collect(),
        submit: ctx.t(state, "newsletter-form-submit"),
        privacy: ctx.t(state, "newsletter-form-privacy"),
    }
}

/// `GET /{edition}/newsletters`: the form, filled from the footer's.
pub async fn show(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<SubscribeQuery>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let (csrf, cookie) = presession_token(&state, &headers);
        let email = if q.email.is_empty() {
            crate::account::reader(&state, &headers)
                .await?
                .map(|found| found.account.email)
                .unwrap_or_default()
        } else {
            q.email.chars().take(254).collect()
        };
        let mut p = page(&state, &ctx, "newsletter-form-title");
        p.paragraphs.push(ctx.t(&state, "newsletter-form-intro"));
        p.form = Some(form_view(&state, &ctx, &csrf, &email, &q.lists));
        respond(&state, &p, StatusCode::OK, cookie)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// `POST /{edition}/newsletters`: records the sign-up and sends the confirmation link.
pub async fn submit(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<SubscribeForm>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        if !presession_ok(&headers, &form.csrf) {
            return Err(expired_form());
        }
        let offered = lists_of(&ctx);
        let mut lists: Vec<String> = form
            .lists
            .iter()
            .filter(|l| valid_list(l) && offered.contains(l))
            .cloned()
            .collect();
        lists.sort();
        lists.dedup();
        let refuse = |key: &str| {
            let mut p = page(&state, &ctx, "newsletter-form-title");
            p.error = Some(ctx.t(&state, key));
            p.form = Some(form_view(&state, &ctx, &form.csrf, &form.email, &lists));
            respond(&state, &p, StatusCode::UNPROCESSABLE_ENTITY, None)
        };
        let Ok(email) = normalize_email(&form.email) else {
            return refuse("newsletter-error-email");
        };
        if lists.is_empty() {
            return refuse("newsletter-error-lists");
        }
        if let Err(wait) = limits.email_links.check(ip, Some(&email)) {
            let mut p = page(&state, &ctx, "newsletter-form-title");
            p.error = Some(ctx.t(&state, "account-error-too-many"));
            p.form = Some(form_view(&state, &ctx, &form.csrf, &form.email, &lists));
            let mut response = respond(&state, &p, StatusCode::TOO_MANY_REQUESTS, None)?;
            response.headers_mut().insert(
                http::header::RETRY_AFTER,
                HeaderValue::from(wait.as_secs().max(1)),
            );
            return Ok(response);
        }
        let reader = crate::account::reader(&state, &headers).await?;
        let own_confirmed = reader.as_ref().is_some_and(|found| {
            found.account.email == email && found.account.email_confirmed_at.is_some()
        });
        let account_id = reader.as_ref().map(|found| found.account.id);
        let subscriber = state
            .store()
            .sign_up(&code, &email, &lists, account_id.filter(|_| own_confirmed))
            .await?;
        if own_confirmed {
            let subscriber = state.store().confirm_subscriber(subscriber.id).await?;
            return confirmed_page(&state, &ctx, &subscriber);
        }
        send_confirmation(&state, &ctx, &subscriber).await?;
        let mut p = page(&state, &ctx, "newsletter-check-title");
        p.paragraphs.push(state.i18n().get(
            ctx.lang(),
            "newsletter-check-body",
            Some(&args(&[("email", isolate(&email))])),
        ));
        respond(&state, &p, StatusCode::OK, None)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

async fn send_confirmation(
    state: &AppState,
    ctx: &EditionCtx,
    subscriber: &Subscriber,
) -> Result<(), HttpError> {
    let app = state.app();
    let query = links::confirm_query(app.store(), subscriber.id, &subscriber.email).await?;
    let url = format!(
        "{}/{}/newsletters/confirm?{query}",
        state.config().base_url.trim_end_matches('/'),
        ctx.edition.code
    );
    let composed = compose::confirm(state, ctx, &url, &subscriber.pending_lists)?;
    let email = newsdesk_mail::Email {
        to: subscriber.email.clone(),
        subject: composed.subject,
        text: composed.text,
        html: composed.html,
        headers: vec![("Content-Language".to_owned(), ctx.edition.code.clone())],
    };
    newsdesk_app::mail::send(app, email).await?;
    state.store().note_confirmation_sent(subscriber.id).await?;
    Ok(())
}

fn confirmed_page(
    state: &AppState,
    ctx: &EditionCtx,
    subscriber: &Subscriber,
) -> Result<Response, HttpError> {
    let mut p = page(state, ctx, "newsletter-confirmed-title");
    p.paragraphs.push(state.i18n().get(
        ctx.lang(),
        "newsletter-confirmed-body",
        Some(&args(&[
            ("email", isolate(&subscriber.email)),
            ("lists", compose::list_names(state, ctx, &subscriber.lists)),
        ])),
    ));
    respond(state, &p, StatusCode::OK, None)
}

fn invalid_link(state: &AppState, ctx: &EditionCtx) -> Result<Response, HttpError> {
    let mut p = page(state, ctx, "newsletter-form-title");
    p.error = Some(ctx.t(state, "newsletter-link-invalid"));
    p.link = Some(ButtonView {
        action: format!("/{}/newsletters", ctx.edition.code),
        text: ctx.t(state, "newsletter-form-submit"),
    });
    respond(state, &p, StatusCode::BAD_REQUEST, None)
}

/// `GET /{edition}/newsletters/confirm?s=&e=&t=`: the double opt-in's second step.
pub async fn confirm(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<LinkQuery>,
) -> Response {
    let result = async {
        let ctx = EditionCtx::load(&state, &code).await?;
        let subscriber = match state.store().subscriber(q.s).await {
            Ok(s) if s.edition == code => s,
            Ok(_) | Err(StoreError::NotFound) => return invalid_link(&state, &ctx),
            Err(err) => return Err(err.into()),
        };
        if !links::confirm_valid(state.store(), subscriber.id, &subscriber.email, q.e, &q.t).await?
        {
            return invalid_link(&state, &ctx);
        }
        let subscriber = state.store().confirm_subscriber(subscriber.id).await?;
        confirmed_page(&state, &ctx, &subscriber)
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// The subscriber a signed unsubscribe link names, or None.
async fn unsubscriber(state: &AppState, q: &LinkQuery) -> Result<Option<Subscriber>, HttpError> {
    let subscriber = match state.store().subscriber(q.s).await {
        Ok(s) => s,
        Err(StoreError::NotFound) => return Ok(None),
        Err(err) => return Err(err.into()),
    };
    let valid =
        links::unsubscribe_valid(state.store(), subscriber.id, &subscriber.email, &q.t).await?;
    Ok(valid.then_some(subscriber))
}

async fn default_ctx(state: &AppState) -> Result<EditionCtx, HttpError> {
    let editions = state.store().list_editions().await?;
    let code = editions
        .iter()
        .find(|e| e.is_default)
        .or_else(|| editions.first())
        .map(|e| e.code.clone())
        .ok_or(HttpError::NotFound)?;
    EditionCtx::load(state, &code).await
}

/// `GET /newsletters/unsubscribe?s=&t=`: a page with one button. Opening the link alone
/// changes nothing: mail scanners open every link of a message.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    Query(q): Query<LinkQuery>,
) -> Response {
    let result = async {
        let Some(subscriber) = unsubscriber(&state, &q).await? else {
            let ctx = default_ctx(&state).await?;
            return invalid_link(&state, &ctx);
        };
        let ctx = EditionCtx::load(&state, &subscriber.edition).await?;
        let mut p = page(&state, &ctx, "newsletter-unsubscribe-title");
        p.paragraphs.push(state.i18n().get(
            ctx.lang(),
            "newsletter-unsubscribe-question",
            Some(&args(&[
                ("email", isolate(&subscriber.email)),
                ("site", state.config().site_name.clone()),
            ])),
        ));
        p.button = Some(ButtonView {
            action: format!("/newsletters/unsubscribe?s={}&t={}", subscriber.id, q.t),
            text: ctx.t(&state, "newsletter-unsubscribe-button"),
        });
        respond(&state, &p, StatusCode::OK, None)
    }
    .await;
    or_error_page(&state, None, result).await
}

/// `POST /newsletters/unsubscribe?s=&t=`: the page's button, and the one-click POST a mail
/// client sends (`List-Unsubscribe=One-Click`, RFC 8058) without cookies. The signed link
/// is the authority, which is why this form needs no CSRF token: nobody can forge it.
pub async fn unsubscribe(State(state): State<AppState>, Query(q): Query<LinkQuery>) -> Response {
    let result = async {
        let Some(subscriber) = unsubscriber(&state, &q).await? else {
            let ctx = default_ctx(&state).await?;
            return invalid_link(&state, &ctx);
        };
        let subscriber = state.store().unsubscribe(subscriber.id).await?;
        let ctx = EditionCtx::load(&state, &subscriber.edition).await?;
        let mut p = page(&state, &ctx, "newsletter-unsubscribed-title");
        p.paragraphs.push(state.i18n().get(
            ctx.lang(),
            "newsletter-unsubscribed-body",
            Some(&args(&[
                ("email", isolate(&subscriber.email)),
                ("site", state.config().site_name.clone()),
            ])),
        ));
        respond(&state, &p, StatusCode::OK, None)
    }
    .await;
    or_error_page(&state, None, result).await
}

/// The newsletters part of the reader's account page: what the address receives in each
/// edition, and the way to the form (where a confirmed account subscribes at once).
pub(crate) fn account_section(
    state: &AppState,
    ctx: &EditionCtx,
    page: crate::account::page::AccountPage,
    email: &str,
    subscriptions: &[Subscriber],
) -> crate::account::page::AccountPage {
    let mut page = page.paragraph(ctx.t(state, "newsletter-account-title"));
    let mut any = false;
    for s in subscriptions.iter().filter(|s| !s.lists.is_empty()) {
        any = true;
        let lists = compose::list_names(state, ctx, &s.lists);
        let edition = ctx
            .editions
            .iter()
            .find(|e| e.code == s.edition)
            .map_or(s.edition.clone(), |e| e.name.clone());
        page = page.paragraph(format!("{edition}: {lists}"));
    }
    if !any {
        page = page.paragraph(ctx.t(state, "newsletter-account-none"));
    }
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("email", email)
        .finish();
    page.link(
        format!("/{}/newsletters?{query}", ctx.edition.code),
        ctx.t(state, "newsletter-form-title"),
    )
}
