//! The editor's "Search and social" fieldset: the SEO title, meta description and social
//! image, with a preview of the search result and the share card they make. The page is
//! rendered with the preview filled in (so it reads without JavaScript);
//! `static/search-preview.js` redraws it as the fields change, cutting text by the same
//! rule as [`clip`].

use minijinja::{Value, context};
use newsdesk_core::article::{MAX_META_DESCRIPTION, MAX_SEO_TITLE};
use newsdesk_core::{Article, Photo};
use newsdesk_site::{AppState, HttpError};

use crate::admin::articles::form::ArticleForm;
use crate::admin::search::thumbnail;

/// About what a results page shows of a title before cutting it (it measures pixels).
pub const SHOWN_TITLE: usize = 60;
/// About what a results page shows of a description.
pub const SHOWN_DESCRIPTION: usize = 155;

/// `text` cut to at most `max` characters, at a word boundary when one is near, with "…"
/// when anything was cut.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    // A word boundary in the last fifth keeps the cut readable; further back, cut the word.
    let keep = match cut.rfind(char::is_whitespace) {
        Some(at) if cut[..at].chars().count() * 5 >= max * 4 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("{}…", keep.trim_end())
}

pub async fn context(
    state: &AppState,
    form: &ArticleForm,
    article: Option<&Article>,
    hero: Option<&Photo>,
) -> Result<Value, HttpError> {
    let social = match form.social_photo_id.trim().parse::<i64>() {
        Ok(id) => state.store().get_photo(id).await.ok(),
        Err(_) => None,
    };
    let config = state.config();
    let site_name = config.site_name.clone();
    let title = if form.seo_title.trim().is_empty() {
        form.headline.trim()
    } else {
        form.seo_title.trim()
    };
    let description = if form.meta_description.trim().is_empty() {
        form.lead.trim()
    } else {
        form.meta_description.trim()
    };
    let domain = domain(&config.base_url);
    // Results pages show the address as crumbs: host › edition › … .
    let path = article.map_or_else(|| format!("/{}", form.edition), Article::path);
    let crumbs = std::iter::once(domain.clone())
        .chain(path.split('/').filter(|s| !s.is_empty()).map(str::to_owned))
        .collect::<Vec<_>>()
        .join(" › ");
    let image = social.as_ref().or(hero).map(thumbnail);
    Ok(context! {
        site_name => &site_name,
        domain => domain,
        crumbs => crumbs,
        result_title => clip(&format!("{title} | {site_name}"), SHOWN_TITLE),
        result_description => clip(description, SHOWN_DESCRIPTION),
        card_title => title,
        card_description => clip(description, SHOWN_DESCRIPTION),
        image => image,
        social => social.as_ref().map(Value::from_serialize),
        social_thumb => social.as_ref().map(thumbnail),
        limits => context! {
            seo_title => MAX_SEO_TITLE,
            meta_description => MAX_META_DESCRIPTION,
            title_shown => SHOWN_TITLE,
            description_shown => SHOWN_DESCRIPTION,
        },
    })
}

/// The host of the site's public address, as share cards print it.
fn domain(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| base_url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_and_long_text_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(
            clip("  Storm closes the coast road ", 60),
            "Storm closes the coast road"
        );
        let long = "Parliament passes the budget after an all-night session of debate";
        let cut = clip(long, 60);
        assert_eq!(
            cut,
            "Parliament passes the budget after an all-night session of…"
        );
        assert!(cut.chars().count() <= 60);
        // No space near the end: the word itself is cut.
        assert_eq!(clip(&"x".repeat(70), 10), format!("{}…", "x".repeat(9)));
        // Characters, not bytes: Arabic and Cyrillic are cut at the same length.
        assert_eq!(clip(&"я".repeat(61), 60).chars().count(), 60);
    }

    #[test]
    fn the_domain_is_the_host() {
        assert_eq!(domain("https://news.example:8443/"), "news.example");
        assert_eq!(domain("not a url"), "not a url");
    }
}
