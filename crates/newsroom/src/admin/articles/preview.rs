//! Live preview through the reading site's own article template (entity notes, embeds and
//! all), for saved articles and for the unsaved text in the editor.

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::Form;
use chrono::Utc;
use http::HeaderValue;
use http::header::{CONTENT_SECURITY_POLICY, X_FRAME_OPTIONS};
use newsdesk_core::{Article, ArticleStatus, ValidationError};
use newsdesk_site::public::article::render_article_html;
use newsdesk_site::{AppState, HttpError};

use crate::actions::articles;
use crate::admin::articles::form::ArticleForm;
use crate::admin::render::AdminResult;
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// The saved article as readers would see it.
pub async fn saved(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let article = articles::get(&state, &staff.actor, id).await?;
    let html = render_article_html(&state, &article, true).await?;
    Ok(framable(html))
}

/// The editor's unsaved text (posted by the Preview button into the preview frame, or into
/// a new tab without JavaScript). Nothing is written.
pub async fn unsaved(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<ArticleForm>,
) -> AdminResult {
    can(&staff.actor, Action::ViewNewsroom, Resource::None)?;
    // The rule saving applies: text over the limits is refused, never rendered.
    let body = form.body.replace("\r\n", "\n");
    if let Some(problem) = newsdesk_core::body::limits::body_problem(&body) {
        return Err(HttpError::Invalid(ValidationError::single("body", problem)).into());
    }
    let saved = match form.id.trim().parse::<i64>() {
        Ok(id) => Some(articles::get(&state, &staff.actor, id).await?),
        Err(_) => None,
    };
    if saved.is_none()
        && state
            .store()
            .get_edition(form.edition.trim())
            .await
            .is_err()
    {
        return Err(HttpError::Invalid(ValidationError::single(
            "edition",
            "choose the edition to preview in",
        ))
        .into());
    }
    let article = unsaved_article(&form, saved, staff.actor.account_id);
    let html = render_article_html(&state, &article, true).await?;
    Ok(framable(html))
}

/// The article the form describes, over the saved one when there is one. Fields that do
/// not parse are left as saved: a preview shows text, it does not validate.
fn unsaved_article(form: &ArticleForm, saved: Option<Article>, me: Option<i64>) -> Article {
    let now = Utc::now();
    let mut a = saved.unwrap_or_else(|| Article {
        id: 0,
        edition: form.edition.trim().to_owned(),
        translation_group: None,
        slug: String::new(),
        old_slugs: Vec::new(),
        headline: String::new(),
        lead: String::new(),
        body: String::new(),
        hero_photo_id: None,
        section_id: None,
        tag_ids: Vec::new(),
        author_ids: Vec::new(),
        status: ArticleStatus::Draft,
        published_at: None,
        first_published_at: None,
        updated_at: now,
        created_at: now,
        in_newsfeed: true,
        breaking: false,
        important: false,
        seo_title: String::new(),
        meta_description: String::new(),
        social_photo_id: None,
        version: 0,
        created_by: me,
    });
    let mut ignored = Vec::new();
    a.headline = form.headline.trim().to_owned();
    a.lead = form.lead.trim().to_owned();
    a.body = form.body.replace("\r\n", "\n");
    a.hero_photo_id =
        crate::admin::forms::optional_id(&form.hero_photo_id, "hero_photo_id", &mut ignored);
    a.section_id = crate::admin::forms::optional_id(&form.section_id, "section_id", &mut ignored);
    a.tag_ids = crate::admin::forms::ids(&form.tag_ids, "tag_ids", &mut ignored);
    a.author_ids = crate::admin::forms::ids(&form.author_ids, "author_ids", &mut ignored);
    a.breaking = crate::admin::forms::checkbox(&form.breaking);
    a.important = crate::admin::forms::checkbox(&form.important);
    a.seo_title = form.seo_title.trim().to_owned();
    a.meta_description = form.meta_description.trim().to_owned();
    a.social_photo_id =
        crate::admin::forms::optional_id(&form.social_photo_id, "social_photo_id", &mut ignored);
    if !form.slug.trim().is_empty() {
        a.slug = form.slug.trim().to_owned();
    }
    a.updated_at = now;
    a
}

/// The reading site forbids framing; the preview is framed by the editor (same origin).
fn framable(html: String) -> Response {
    let mut response = Html(html).into_response();
    let csp =
        newsdesk_site::security::CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&csp) {
        headers.insert(CONTENT_SECURITY_POLICY, v);
    }
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));
    response
}
