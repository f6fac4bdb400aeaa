//! The buttons beside the editor: publish, schedule, unpublish, correct, delete, link a
//! translation. Each posts a small form and lands back on the editor with a notice.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use newsdesk_core::ValidationError;
use newsdesk_site::{AppState, HttpError};
use serde::Deserialize;

use crate::actions::articles;
use crate::admin::render::AdminResult;
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub csrf: String,
    /// Schedule: `YYYY-MM-DDTHH:MM` in the edition's time zone.
    pub publish_at: String,
    /// Correction text.
    pub text: String,
    /// Translation: the other article's id.
    pub other_id: String,
}

fn back(id: i64, done: &str) -> AdminResult {
    Ok(Redirect::to(&format!("/admin/articles/{id}?done={done}")).into_response())
}

/// A publish that found the article already published (a second click, another tab, a
/// colleague at the same moment) says so instead of claiming to have published it.
pub fn published_notice(changed: bool) -> &'static str {
    if changed {
        "published"
    } else {
        "already_published"
    }
}

pub async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(_f): Form<ActionForm>,
) -> AdminResult {
    let done = articles::publish(&state, &staff.actor, id).await?;
    back(id, published_notice(done.changed))
}

pub async fn schedule(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> AdminResult {
    let article = articles::get(&state, &staff.actor, id).await?;
    // Permission first: whoever may not schedule learns that, not that the date is wrong.
    can(
        &staff.actor,
        Action::PublishArticle,
        Resource::article(&article),
    )?;
    let edition = state.store().get_edition(&article.edition).await?;
    let at = local_to_utc(&f.publish_at, edition.tz())?;
    articles::schedule(&state, &staff.actor, id, at).await?;
    back(id, "scheduled")
}

pub async fn unpublish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(_f): Form<ActionForm>,
) -> AdminResult {
    articles::unpublish(&state, &staff.actor, id).await?;
    back(id, "unpublished")
}

pub async fn correct(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> AdminResult {
    articles::correct(&state, &staff.actor, id, &f.text).await?;
    back(id, "corrected")
}

pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(_f): Form<ActionForm>,
) -> AdminResult {
    articles::delete(&state, &staff.actor, id).await?;
    Ok(Redirect::to("/admin/articles?done=deleted").into_response())
}

pub async fn link_translation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(f): Form<ActionForm>,
) -> AdminResult {
    let current = articles::get(&state, &staff.actor, id).await?;
    can(
        &staff.actor,
        Action::EditArticle,
        Resource::article(&current),
    )?;
    let other = f.other_id.trim().parse::<i64>().map_err(|_| {
        HttpError::Invalid(ValidationError::single(
            "other_id",
            "pick the article in the other edition",
        ))
    })?;
    articles::link_translation(&state, &staff.actor, id, other).await?;
    back(id, "linked")
}

/// A `datetime-local` value read in the edition's time zone. A time that does not exist
/// there (skipped by a daylight-saving change) is refused; an ambiguous one (repeated)
/// takes the earlier instant.
pub fn local_to_utc(value: &str, tz: chrono_tz::Tz) -> Result<DateTime<Utc>, HttpError> {
    let value = value.trim();
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| ValidationError::single("publish_at", "choose a date and time"))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            ValidationError::single(
                "publish_at",
                "that time does not exist in the edition's time zone (clock change)",
            )
            .into()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_times_in_the_edition_zone() {
        let london: chrono_tz::Tz = "Europe/London".parse().unwrap();
        let at = local_to_utc("2026-07-01T09:30", london).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-07-01T08:30:00+00:00");
        // 01:30 on the last Sunday of March does not exist in London.
        assert!(local_to_utc("2026-03-29T01:30", london).is_err());
        assert!(local_to_utc("tomorrow", london).is_err());
    }
}
