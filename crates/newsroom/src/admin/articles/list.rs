//! `/admin/articles`: every article, filterable by edition, status, section, author and
//! headline, newest change first, paginated.

use std::collections::HashMap;

use axum::extract::{Query, State};
use minijinja::{Value, context};
use newsdesk_core::ArticleStatus;
use newsdesk_site::AppState;
use newsdesk_store::ArticleQuery;
use serde::{Deserialize, Serialize};

use crate::admin::forms::{Done, page_number};
use crate::admin::render::{AdminResult, page};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

pub const PER_PAGE: i64 = 30;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct Filters {
    pub edition: String,
    pub status: String,
    pub section: String,
    pub author: String,
    pub q: String,
    pub mine: String,
    pub page: String,
    /// A notice code after a redirect (see [`Done`]).
    #[serde(skip_serializing)]
    pub done: String,
}

impl Filters {
    pub fn query(&self, me: Option<i64>) -> ArticleQuery {
        let status = self.status.parse::<ArticleStatus>().ok();
        let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        ArticleQuery {
            edition: nonempty(&self.edition),
            any_status: status.is_none(),
            status,
            section_id: self.section.parse().ok(),
            author_id: self.author.parse().ok(),
            search: nonempty(&self.q),
            created_by: if self.mine == "1" { me } else { None },
            limit: PER_PAGE,
            offset: (page_number(&self.page) - 1) * PER_PAGE,
            ..ArticleQuery::default()
        }
    }

    /// The query string for page `n`, keeping every filter.
    fn page_link(&self, n: i64) -> String {
        let mut f = self.clone();
        f.page = n.to_string();
        let pairs = [
            ("edition", &f.edition),
            ("status", &f.status),
            ("section", &f.section),
            ("author", &f.author),
            ("q", &f.q),
            ("mine", &f.mine),
            ("page", &f.page),
        ];
        let mut ser = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
            ser.append_pair(k, v);
        }
        format!("/admin/articles?{}", ser.finish())
    }
}

pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Query(filters): Query<Filters>,
) -> AdminResult {
    can(&staff.actor, Action::ViewNewsroom, Resource::None)?;
    let store = state.store();
    let q = filters.query(staff.actor.account_id);
    let articles = store.list_articles(&q).await?;
    let total = store
        .count_articles(&ArticleQuery {
            limit: i64::MAX,
            offset: 0,
            ..q.clone()
        })
        .await?;
    let editions = store.list_editions().await?;
    let sections = match &q.edition {
        Some(e) => store.list_sections(e).await?,
        None => Vec::new(),
    };
    let authors = store.list_authors().await?;
    let author_names: HashMap<i64, String> =
        authors.iter().map(|a| (a.id, a.name.clone())).collect();
    let section_ids: Vec<i64> = articles.iter().filter_map(|a| a.section_id).collect();
    let mut section_names: HashMap<i64, String> = HashMap::new();
    for id in section_ids {
        if let std::collections::hash_map::Entry::Vacant(slot) = section_names.entry(id)
            && let Ok(s) = store.get_section(id).await
        {
            slot.insert(s.name);
        }
    }
    let tz_of: HashMap<String, String> = editions
        .iter()
        .map(|e| (e.code.clone(), e.time_zone.clone()))
        .collect();
    let rows: Vec<Value> = articles
        .iter()
        .map(|a| {
            context! {
                id => a.id,
                headline => a.headline.clone(),
                edition => a.edition.clone(),
                tz => tz_of.get(&a.edition).cloned().unwrap_or_default(),
                status => a.status.as_str(),
                section => a.section_id.and_then(|id| section_names.get(&id).cloned()),
                authors => a.author_ids.iter().filter_map(|id| author_names.get(id).cloned()).collect::<Vec<_>>(),
                updated_at => a.updated_at,
                published_at => a.published_at,
                breaking => a.breaking,
                path => a.path(),
            }
        })
        .collect();
    let current = page_number(&filters.page);
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let ctx = context! {
        nav => "articles",
        articles => rows,
        total => total,
        filters => Value::from_serialize(&filters),
        editions => Value::from_serialize(&editions),
        sections => Value::from_serialize(&sections),
        authors => Value::from_serialize(&authors),
        statuses => ["draft", "scheduled", "published", "unpublished"],
        page => current,
        pages => pages,
        prev => (current > 1).then(|| filters.page_link(current - 1)),
        next => (current < pages).then(|| filters.page_link(current + 1)),
        notice => Done { done: filters.done.clone() }.notice(),
    };
    page(&staff, "admin/articles/list.html", ctx)
}
