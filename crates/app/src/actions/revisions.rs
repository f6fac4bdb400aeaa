//! Revision history: list, compare any two side by side.

use crate::{App, Error};
use newsdesk_core::{ArticleDraft, Revision};
use serde::Serialize;
use similar::{DiffTag, TextDiff};

use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// Newest first.
pub async fn list(state: &App, actor: &Actor, article_id: i64) -> Result<Vec<Revision>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    state.store().get_article(article_id).await?;
    Ok(state.store().list_revisions(article_id).await?)
}

/// Two revisions and the line diff of each field, ready for a two-column table.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub old: Revision,
    pub new: Revision,
    pub fields: Vec<FieldDiff>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldDiff {
    pub field: &'static str,
    pub changed: bool,
    pub rows: Vec<DiffRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Same,
    Changed,
    Removed,
    Added,
}

/// One row of the side-by-side view; a side is `None` where the line does not exist there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffRow {
    pub kind: RowKind,
    pub old_no: Option<usize>,
    pub old: Option<String>,
    pub new_no: Option<usize>,
    pub new: Option<String>,
}

/// Compares revision `a` (shown on the left) with revision `b` (on the right).
pub async fn compare(
    state: &App,
    actor: &Actor,
    article_id: i64,
    a: i64,
    b: i64,
) -> Result<Comparison, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    let old = state.store().get_revision(article_id, a).await?;
    let new = state.store().get_revision(article_id, b).await?;
    let fields = diff_drafts(&old.draft, &new.draft);
    Ok(Comparison { old, new, fields })
}

pub fn diff_drafts(old: &ArticleDraft, new: &ArticleDraft) -> Vec<FieldDiff> {
    vec![
        diff_field("headline", &old.headline, &new.headline),
        diff_field("lead", &old.lead, &new.lead),
        diff_field("body", &old.body, &new.body),
        diff_field("details", &details(old), &details(new)),
    ]
}

/// The non-text fields as lines, so a changed tag or flag shows up in the same view.
fn details(d: &ArticleDraft) -> String {
    let ids = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let opt = |v: Option<i64>| {
        v.map(|i| i.to_string())
            .unwrap_or_else(|| "none".to_owned())
    };
    format!(
        "slug: {}\nsection: {}\ntags: {}\nauthors: {}\nhero photo: {}\nnewsfeed: {}\nbreaking: {}\nimportant: {}\nSEO title: {}\nmeta description: {}\nsocial image: {}",
        d.slug,
        opt(d.section_id),
        ids(&d.tag_ids),
        ids(&d.author_ids),
        opt(d.hero_photo_id),
        if d.in_newsfeed { "yes" } else { "no" },
        if d.breaking { "yes" } else { "no" },
        if d.important { "yes" } else { "no" },
        d.seo_title,
        d.meta_description,
        opt(d.social_photo_id),
    )
}

pub fn diff_field(field: &'static str, old: &str, new: &str) -> FieldDiff {
    let diff = TextDiff::from_lines(old, new);
    let old_lines: Vec<&str> = diff.old_slices().iter().map(|l| trim_eol(l)).collect();
    let new_lines: Vec<&str> = diff.new_slices().iter().map(|l| trim_eol(l)).collect();
    let mut rows = Vec::new();
    for op in diff.ops() {
        let (tag, o, n) = op.as_tag_tuple();
        let kind = match tag {
            DiffTag::Equal => RowKind::Same,
            DiffTag::Delete => RowKind::Removed,
            DiffTag::Insert => RowKind::Added,
            DiffTag::Replace => RowKind::Changed,
        };
        // Replacements pair old and new lines row by row; the shorter side pads with blanks.
        for i in 0..o.len().max(n.len()) {
            let (oi, ni) = (o.start + i, n.start + i);
            let old_side = (i < o.len()).then(|| {
                (
                    oi + 1,
                    old_lines.get(oi).copied().unwrap_or_default().to_owned(),
                )
            });
            let new_side = (i < n.len()).then(|| {
                (
                    ni + 1,
                    new_lines.get(ni).copied().unwrap_or_default().to_owned(),
                )
            });
            rows.push(DiffRow {
                kind,
                old_no: old_side.as_ref().map(|s| s.0),
                old: old_side.map(|s| s.1),
                new_no: new_side.as_ref().map(|s| s.0),
                new: new_side.map(|s| s.1),
            });
        }
    }
    let changed = rows.iter().any(|r| r.kind != RowKind::Same);
    FieldDiff {
        field,
        changed,
        rows,
    }
}

fn trim_eol(line: &str) -> &str {
    line.strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_changed_lines_side_by_side() {
        let d = diff_field("body", "one\ntwo\nthree\n", "one\nTWO\nthree\nfour\n");
        assert!(d.changed);
        let kinds: Vec<RowKind> = d.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RowKind::Same,
                RowKind::Changed,
                RowKind::Same,
                RowKind::Added
            ]
        );
        assert_eq!(d.rows[1].old.as_deref(), Some("two"));
        assert_eq!(d.rows[1].new.as_deref(), Some("TWO"));
        assert_eq!(d.rows[3].old, None);
        assert_eq!(d.rows[3].new_no, Some(4));
        assert!(!diff_field("headline", "Same", "Same").changed);
    }
}
