//! The newsroom's own template environment (templates embedded in the binary) and the
//! HTML error page. Pages render through [`page`], which adds what the layout needs.

use std::sync::LazyLock;

use axum::response::{Html, IntoResponse, Response};
use http::StatusCode;
use minijinja::{Environment, Value, context};
use newsdesk_site::HttpError;
use newsdesk_store::StoreError;

use crate::auth::Staff;
use crate::policy::{Action, Resource, allowed};

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// Every admin template, compiled into the binary.
const TEMPLATES: &[(&str, &str)] = templates![
    "admin/base.html",
    "admin/macros.html",
    "admin/error.html",
    "admin/login.html",
    "admin/password.html",
    "admin/dashboard.html",
    "admin/articles/list.html",
    "admin/articles/edit.html",
    "admin/articles/autosave_notice.html",
    "admin/articles/search_social.html",
    "admin/articles/publish_check.html",
    "admin/articles/publish_dialog.html",
    "admin/articles/revisions.html",
    "admin/articles/compare.html",
    "admin/sections.html",
    "admin/section_edit.html",
    "admin/tags.html",
    "admin/tag_edit.html",
    "admin/authors.html",
    "admin/author_fields.html",
    "admin/author_edit.html",
    "admin/entities.html",
    "admin/entity_fields.html",
    "admin/entity_edit.html",
    "admin/staff.html",
    "admin/tokens.html",
    "admin/audit.html",
    "admin/jobs.html",
    "admin/editions.html",
    "admin/comments.html",
    "admin/moderation.html",
    "admin/newsfeed.html",
    "admin/newsfeed_edit.html",
    "admin/chats.html",
    "admin/chat_room.html",
    "admin/newsletters_macros.html",
    "admin/newsletters.html",
    "admin/newsletters_preview.html",
    "admin/newsletters_alert.html",
    "admin/newsletters_issue.html",
    "admin/pages/list.html",
    "admin/pages/edit.html",
];

static ENV: LazyLock<Result<Environment<'static>, String>> =
    LazyLock::new(|| build().map_err(|e| format!("{e:#}")));

fn build() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    // A missing optional value (no errors, no notice) renders as nothing instead of failing.
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    // The article body's limit, stated next to the field and checked as it is typed
    // (admin.js); the server's check is `body::limits::body_problem`.
    let max_body = newsdesk_core::article::MAX_BODY;
    env.add_global("max_body", max_body);
    env.add_global("max_body_text", thousands(max_body));
    env.add_filter("datetime", crate::admin::time::datetime);
    env.add_filter("local_input", crate::admin::time::local_input);
    Ok(env)
}

/// `200000` → `200,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Renders `name` with `ctx`; a template error is a logged 500.
pub fn render(name: &str, ctx: Value) -> Result<String, HttpError> {
    let env = ENV
        .as_ref()
        .map_err(|e| HttpError::internal(anyhow::anyhow!("admin templates: {e}")))?;
    env.get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| HttpError::internal(anyhow::anyhow!("rendering {name}: {e:#}")))
}

/// `(name, source)` of every admin template (tests check their links and form targets).
pub fn sources() -> &'static [(&'static str, &'static str)] {
    TEMPLATES
}

/// Fails when a template does not compile: run by a test so a typo never ships.
pub fn check_templates() -> Result<usize, String> {
    ENV.as_ref().map(|_| TEMPLATES.len()).map_err(Clone::clone)
}

/// What the layout needs on every logged-in page: who is there and which links to show.
pub fn layout(staff: &Staff) -> Value {
    let a = &staff.actor;
    context! {
        me => Value::from_serialize(a),
        csrf => staff.csrf.clone(),
        can => context! {
            taxonomy => allowed(a, Action::ManageTaxonomy, Resource::None),
            authors => allowed(a, Action::ManageAuthors, Resource::None),
            entities => allowed(a, Action::ManageEntities, Resource::None),
            pages => allowed(a, Action::ManagePages, Resource::None),
            staff => allowed(a, Action::ManageStaff, Resource::None),
            tokens => allowed(a, Action::ManageTokens, Resource::None),
            audit => allowed(a, Action::ViewAudit, Resource::None),
            settings => allowed(a, Action::ManageSettings, Resource::None),
            jobs => allowed(a, Action::ManageJobs, Resource::None),
            media => allowed(a, Action::UploadMedia, Resource::None),
            articles => allowed(a, Action::ViewNewsroom, Resource::None),
            moderate => allowed(a, Action::Moderate, Resource::None),
            newsfeed => allowed(a, Action::WriteNewsfeed, Resource::None),
            newsletters => allowed(a, Action::ManageNewsletters, Resource::None),
        },
    }
}

/// A logged-in page: `ctx` merged over [`layout`].
pub fn page(staff: &Staff, name: &str, ctx: Value) -> Result<Response, AdminError> {
    page_with_status(StatusCode::OK, staff, name, ctx)
}

pub fn page_with_status(
    status: StatusCode,
    staff: &Staff,
    name: &str,
    ctx: Value,
) -> Result<Response, AdminError> {
    let html = render(name, context! { ..ctx, ..layout(staff) })?;
    Ok((status, Html(html)).into_response())
}

/// An admin handler's error, rendered as a page (JSON errors are plain [`HttpError`]s).
#[derive(Debug)]
pub struct AdminError(pub HttpError);

pub type AdminResult = Result<Response, AdminError>;

impl From<HttpError> for AdminError {
    fn from(err: HttpError) -> Self {
        AdminError(err)
    }
}

impl From<newsdesk_app::Error> for AdminError {
    fn from(err: newsdesk_app::Error) -> Self {
        AdminError(err.into())
    }
}

impl From<newsdesk_auth::Error> for AdminError {
    fn from(err: newsdesk_auth::Error) -> Self {
        AdminError(err.into())
    }
}

impl From<StoreError> for AdminError {
    fn from(err: StoreError) -> Self {
        AdminError(err.into())
    }
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        let err = self.0;
        err.log();
        let status = err.status();
        let fields: Vec<(String, String)> = match &err {
            HttpError::Invalid(v) => v
                .errors
                .iter()
                .map(|e| (e.field.to_owned(), e.message.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let ctx = context! {
            status => status.as_u16(),
            title => status.canonical_reason().unwrap_or("Error"),
            message => err.public_message(),
            fields => fields,
        };
        match render("admin/error.html", ctx) {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, err.public_message()).into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn limits_are_stated_with_thousands_separators() {
        assert_eq!(super::thousands(200_000), "200,000");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000), "1,000");
    }

    #[test]
    fn every_admin_template_compiles() {
        assert_eq!(super::check_templates().map(|n| n > 15), Ok(true));
    }
}
