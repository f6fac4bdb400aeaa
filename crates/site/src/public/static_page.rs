//! Static pages (About, Contact, Privacy…): `/{edition}/pages/{slug}`, in the site's
//! chrome, and the footer's list of them on every page of the edition.
//!
//! The footer's list is a shared fragment tagged `edition:{code}`, and a page write is a
//! taxonomy change of its edition (see `newsdesk_store::static_pages`), so a saved title
//! reaches every cached page of the edition at once. A page is tagged with the key of
//! every edition: its hreflang alternates name the editions that have the same slug.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use newsdesk_core::body::{self, RenderedNote};
use newsdesk_core::slug::is_valid_slug;
use newsdesk_store::StoreError;
use newsdesk_store::static_pages::StaticPage;
use serde::Serialize;

use super::context::{self, Chrome, EditionCtx, Keys};
use super::error_page::or_error_page;
use super::page;
use crate::cache::keys;
use crate::error::HttpError;
use crate::head::HeadMeta;
use crate::i18n::LocalTime;
use crate::state::AppState;

/// The `<meta name="description">` is cut at about this many characters.
const DESCRIPTION_CHARS: usize = 200;

/// One link of the footer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FooterLink {
    pub slug: String,
    pub title: String,
    pub href: String,
}

/// The page's address.
pub fn path(edition: &str, slug: &str) -> String {
    format!("/{edition}/pages/{slug}")
}

/// The edition's pages in footer order, shared by every page of the edition until a page
/// of the edition (or anything else of it) changes.
pub async fn footer_links(
    state: &AppState,
    code: &str,
) -> Result<Arc<Vec<FooterLink>>, StoreError> {
    state
        .cache()
        .fragment(&format!("pages:{code}"), &[keys::edition(code)], || async {
            let pages = state.store().list_static_pages(Some(code)).await?;
            Ok(pages
                .into_iter()
                .map(|p| FooterLink {
                    href: path(code, &p.slug),
                    slug: p.slug,
                    title: p.title,
                })
                .collect())
        })
        .await
}

#[derive(Serialize)]
struct PageView {
    #[serde(flatten)]
    chrome: Chrome,
    page: Shown,
}

#[derive(Serialize)]
struct Shown {
    title: String,
    /// Sanitised by `newsdesk_core::body::render`.
    body_html: String,
    notes: Vec<RenderedNote>,
    updated: LocalTime,
}

pub async fn show(
    State(state): State<AppState>,
    Path((code, slug)): Path<(String, String)>,
) -> Response {
    let result = render(&state, &code, &slug).await;
    or_error_page(&state, Some(&code), result).await
}

async fn render(state: &AppState, code: &str, slug: &str) -> Result<Response, HttpError> {
    let ctx = EditionCtx::load(state, code).await?;
    // No page can have this address: no query needed to know.
    if !is_valid_slug(slug) {
        return Err(HttpError::NotFound);
    }
    let page = state.store().static_page(code, slug).await?;
    let mut keys = Keys::for_edition(code);
    for e in ctx.editions.iter() {
        keys.add(keys::edition(&e.code));
    }
    let (body_html, notes) = render_body(state, &ctx, &page, &mut keys).await?;

    let canonical = EditionCtx::absolute(state, &path(code, slug));
    let mut head = HeadMeta::new(canonical);
    let summary = description(&body_html);
    crate::head::listing_head(
        &mut head,
        &state.config().base_url,
        &state.config().site_name,
        &ctx.edition,
        &format!("{} | {}", page.title, state.config().site_name),
        &summary,
    );
    head.description = summary;
    alternates(state, &ctx, slug, &mut head).await?;

    let mut chrome = ctx.chrome(state, &page.title, head, Vec::new());
    chrome.nav_current = format!("page:{slug}");
    let view = PageView {
        chrome,
        page: Shown {
            title: page.title,
            body_html,
            notes,
            updated: state
                .i18n()
                .local_time(ctx.lang(), ctx.edition.tz(), page.updated_at),
        },
    };
    page::render(state, "static_page.html", &view, keys)
}

/// The body through the article renderer, with the photos and article cards it embeds and
/// the edition's entity notes (the law that asks for a note does not spare these pages).
async fn render_body(
    state: &AppState,
    ctx: &EditionCtx,
    page: &StaticPage,
    keys: &mut Keys,
) -> Result<(String, Vec<RenderedNote>), HttpError> {
    let store = state.store();
    let refs = body::embeds(&page.body);
    let (articles, entity_notes) = futures::try_join!(
        async {
            if refs.articles.is_empty() {
                Ok(Vec::new())
            } else {
                store.get_articles(&refs.articles).await
            }
        },
        context::entity_notes(state, ctx.code()),
    )?;
    let mut photo_ids = refs.photos.clone();
    photo_ids.extend(articles.iter().filter_map(|a| a.hero_photo_id));
    let photos: HashMap<i64, newsdesk_core::Photo> = if photo_ids.is_empty() {
        HashMap::new()
    } else {
        store
            .get_photos(&photo_ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let render_ctx = super::article_view::body_context(
        state,
        ctx.lang(),
        ctx.edition.tz(),
        &articles
            .iter()
            .map(newsdesk_store::ArticleSummary::from)
            .collect::<Vec<_>>(),
        &photos,
        &refs,
        entity_notes,
        keys,
    );
    let rendered = state.bodies().render(page.body.clone(), render_ctx).await?;
    Ok((rendered.html, rendered.notes))
}

/// hreflang alternates: the editions with a page of the same slug (their footers say).
async fn alternates(
    state: &AppState,
    ctx: &EditionCtx,
    slug: &str,
    head: &mut HeadMeta,
) -> Result<(), HttpError> {
    let lists =
        futures::future::try_join_all(ctx.editions.iter().map(|e| footer_links(state, &e.code)))
            .await?;
    let having: Vec<&newsdesk_core::Edition> = ctx
        .editions
        .iter()
        .zip(&lists)
        .filter(|(_, links)| links.iter().any(|l| l.slug == slug))
        .map(|(e, _)| e)
        .collect();
    if having.len() < 2 {
        return Ok(());
    }
    for e in &having {
        head.alternate_language(&e.code, EditionCtx::absolute(state, &path(&e.code, slug)));
    }
    if let Some(default) = having.iter().find(|e| e.is_default) {
        head.alternate_language(
            "x-default",
            EditionCtx::absolute(state, &path(&default.code, slug)),
        );
    }
    Ok(())
}

/// The first paragraph of the rendered body as plain text, cut at a word.
fn description(html: &str) -> String {
    let Some(start) = html.find("<p>") else {
        return String::new();
    };
    let rest = &html[start + 3..];
    let inner = rest.split("</p>").next().unwrap_or_default();
    let mut text = String::with_capacity(inner.len());
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    // The template escapes it again: undo the renderer's escaping first.
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_is_the_first_paragraph_in_plain_text() {
        let html =
            "<h2>Who</h2><p>We are <a href=\"/x\">Newsdesk</a> &amp; friends.</p><p>More.</p>";
        assert_eq!(description(html), "We are Newsdesk & friends.");
        assert_eq!(description("<ul><li>x</li></ul>"), "");
        let long = format!("<p>{}</p>", "word ".repeat(100));
        let cut = description(&long);
        assert!(
            cut.ends_with("word…") && cut.chars().count() <= DESCRIPTION_CHARS + 1,
            "{cut}"
        );
    }
}
