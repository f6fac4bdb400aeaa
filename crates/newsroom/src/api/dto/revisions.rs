//! Revision payloads: saved versions of an article and side-by-side comparisons.

use chrono::{DateTime, Utc};
use newsdesk_core::{ArticleDraft, Revision};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "version": 3 }))]
pub struct RestoreRevision {
    /// The article's current version (optimistic locking, as for a save).
    pub version: i64,
}

/// The content of one saved revision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DraftOut {
    pub edition: String,
    pub slug: String,
    pub headline: String,
    pub lead: String,
    pub body: String,
    pub hero_photo_id: Option<i64>,
    pub section_id: Option<i64>,
    pub tag_ids: Vec<i64>,
    pub author_ids: Vec<i64>,
    pub in_newsfeed: bool,
    pub breaking: bool,
    pub important: bool,
}

impl From<ArticleDraft> for DraftOut {
    fn from(d: ArticleDraft) -> Self {
        DraftOut {
            edition: d.edition,
            slug: d.slug,
            headline: d.headline,
            lead: d.lead,
            body: d.body,
            hero_photo_id: d.hero_photo_id,
            section_id: d.section_id,
            tag_ids: d.tag_ids,
            author_ids: d.author_ids,
            in_newsfeed: d.in_newsfeed,
            breaking: d.breaking,
            important: d.important,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RevisionOut {
    pub article_id: i64,
    /// Equal to the article's `version` right after that save.
    pub number: i64,
    /// Who saved it.
    pub account_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub draft: DraftOut,
}

impl From<Revision> for RevisionOut {
    fn from(r: Revision) -> Self {
        RevisionOut {
            article_id: r.article_id,
            number: r.number,
            account_id: r.account_id,
            created_at: r.created_at,
            draft: r.draft.into(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CompareQuery {
    /// The older revision number (left side).
    pub from: i64,
    /// The newer revision number (right side).
    pub to: i64,
}

/// A side-by-side comparison of two revisions, field by field.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComparisonOut {
    pub from: RevisionOut,
    pub to: RevisionOut,
    pub fields: Vec<FieldDiffOut>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldDiffOut {
    /// `headline`, `lead`, `body` or `details` (slug, section, tags, authors, flags).
    pub field: String,
    pub changed: bool,
    pub rows: Vec<DiffRowOut>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DiffRowOut {
    /// `same`, `changed`, `removed` or `added`.
    pub kind: String,
    pub old_no: Option<usize>,
    pub old: Option<String>,
    pub new_no: Option<usize>,
    pub new: Option<String>,
}

impl From<crate::actions::revisions::Comparison> for ComparisonOut {
    fn from(c: crate::actions::revisions::Comparison) -> Self {
        use crate::actions::revisions::RowKind;
        ComparisonOut {
            from: c.old.into(),
            to: c.new.into(),
            fields: c
                .fields
                .into_iter()
                .map(|f| FieldDiffOut {
                    field: f.field.to_owned(),
                    changed: f.changed,
                    rows: f
                        .rows
                        .into_iter()
                        .map(|r| DiffRowOut {
                            kind: match r.kind {
                                RowKind::Same => "same",
                                RowKind::Changed => "changed",
                                RowKind::Removed => "removed",
                                RowKind::Added => "added",
                            }
                            .to_owned(),
                            old_no: r.old_no,
                            old: r.old,
                            new_no: r.new_no,
                            new: r.new,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
