//! Static pages (editors): About, Contact, Privacy… of each edition, read at
//! `/{edition}/pages/{slug}` and linked from the footer of every page of the edition.
//!
//! The six standard pages are listed for every edition, written or not; any other slug
//! makes a page of its own (a careers page, an advertising page). A page's slug is its
//! address and is fixed once written: to move one, write the new page and delete the old.

mod edit;

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use minijinja::{Value, context};
use newsdesk_core::Edition;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::static_pages::{PageInput, PageSummary, STANDARD_SLUGS};
use serde::{Deserialize, Serialize};

pub use edit::{create, delete, edit_form, save};

use crate::admin::forms::{Done, error_map};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// The newsroom's names of the standard pages (the readers' titles are each edition's own).
const STANDARD_NAMES: [(&str, &str); 6] = [
    ("about", "About"),
    ("contact", "Contact"),
    ("editorial-standards", "Editorial standards"),
    ("corrections", "Corrections policy"),
    ("privacy", "Privacy policy"),
    ("terms", "Terms of use"),
];

fn standard_name(slug: &str) -> Option<&'static str> {
    STANDARD_NAMES
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, name)| *name)
}

/// The page form, as posted.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PageForm {
    pub edition: String,
    pub slug: String,
    pub title: String,
    pub body: String,
    /// The version the form was made from (empty for a new page).
    pub version: String,
}

impl PageForm {
    fn input(&self) -> PageInput {
        PageInput {
            edition: self.edition.trim().to_owned(),
            slug: self.slug.trim().to_owned(),
            title: self.title.trim().to_owned(),
            // Browsers send a textarea's line breaks as CRLF.
            body: self.body.replace("\r\n", "\n"),
        }
    }
}

/// One line of the list: a page, or a standard page the edition lacks.
#[derive(Debug, Serialize)]
struct Row {
    slug: String,
    /// The newsroom's name for a standard page.
    kind: Option<&'static str>,
    /// What readers see in the footer; `None` while the page is not written.
    title: Option<String>,
    updated_at: Option<DateTime<Utc>>,
    updated_by_name: Option<String>,
}

#[derive(Debug, Serialize)]
struct EditionPages {
    edition: Edition,
    rows: Vec<Row>,
    missing: usize,
}

fn rows_of(pages: &[&PageSummary]) -> (Vec<Row>, usize) {
    let mut rows = Vec::new();
    let mut missing = 0;
    for slug in STANDARD_SLUGS {
        let page = pages.iter().find(|p| p.slug == slug);
        missing += usize::from(page.is_none());
        rows.push(Row {
            slug: slug.to_owned(),
            kind: standard_name(slug),
            title: page.map(|p| p.title.clone()),
            updated_at: page.map(|p| p.updated_at),
            updated_by_name: page.and_then(|p| p.updated_by_name.clone()),
        });
    }
    rows.extend(
        pages
            .iter()
            .filter(|p| standard_name(&p.slug).is_none())
            .map(|p| Row {
                slug: p.slug.clone(),
                kind: None,
                title: Some(p.title.clone()),
                updated_at: Some(p.updated_at),
                updated_by_name: p.updated_by_name.clone(),
            }),
    );
    (rows, missing)
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&staff.actor, Action::ManagePages, Resource::None)?;
    let store = state.store();
    let (editions, pages) = tokio::try_join!(store.list_editions(), store.list_static_pages(None))?;
    let mut by_edition: BTreeMap<&str, Vec<&PageSummary>> = BTreeMap::new();
    for page in &pages {
        by_edition.entry(&page.edition).or_default().push(page);
    }
    let sections: Vec<EditionPages> = editions
        .into_iter()
        .map(|edition| {
            let (rows, missing) = rows_of(
                by_edition
                    .get(edition.code.as_str())
                    .map_or(&[], Vec::as_slice),
            );
            EditionPages {
                edition,
                rows,
                missing,
            }
        })
        .collect();
    let ctx = context! {
        nav => "pages",
        editions => Value::from_serialize(&sections),
        notice => done.notice(),
    };
    page_with_status(http::StatusCode::OK, &staff, "admin/pages/list.html", ctx)
}

/// `?edition=…&slug=…` of the "write this page" links.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    pub edition: String,
    pub slug: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<NewQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManagePages, Resource::None)?;
    let form = PageForm {
        edition: q.edition,
        slug: q.slug,
        ..PageForm::default()
    };
    new_page(&state, &staff, form, None).await
}

/// The form for a page not written yet, with `err`'s messages when a save was refused.
async fn new_page(
    state: &AppState,
    staff: &Staff,
    form: PageForm,
    err: Option<HttpError>,
) -> AdminResult {
    let editions = state.store().list_editions().await?;
    let edition = editions
        .iter()
        .find(|e| e.code == form.edition)
        .or_else(|| editions.first())
        .cloned();
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "pages",
        editions => Value::from_serialize(&editions),
        edition => Value::from_serialize(&edition),
        standard => Value::from_serialize(STANDARD_NAMES),
        kind => standard_name(&form.slug),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
    };
    page_with_status(status, staff, "admin/pages/edit.html", ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_standard_page_has_a_newsroom_name() {
        for slug in STANDARD_SLUGS {
            assert!(standard_name(slug).is_some(), "{slug}");
        }
    }

    #[test]
    fn the_form_takes_unix_line_breaks_and_trims_the_fields() {
        let form = PageForm {
            edition: " en ".into(),
            slug: "about ".into(),
            title: " About us ".into(),
            body: "One.\r\n\r\nTwo.".into(),
            version: "3".into(),
        };
        let input = form.input();
        assert_eq!(
            (
                input.edition.as_str(),
                input.slug.as_str(),
                input.title.as_str()
            ),
            ("en", "about", "About us")
        );
        assert_eq!(input.body, "One.\n\nTwo.");
    }
}
