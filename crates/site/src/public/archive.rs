//! The archive by date: `/{edition}/archive/{yyyy}/{mm}/{dd}`, the articles published on
//! that calendar day in the edition's time zone.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use newsdesk_store::ArticleQuery;

use super::context::{EditionCtx, Keys};
use super::error_page::or_error_page;
use super::lists::{self, DayNav, Listing};
use super::page::PageQuery;
use crate::cache::keys;
use crate::error::HttpError;
use crate::i18n;
use crate::state::AppState;

/// `/{edition}/archive` → today's page in the edition's time zone.
pub async fn today(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let result = async {
        let edition = state.store().get_edition(&code).await?;
        let day = Utc::now().with_timezone(&edition.tz()).date_naive();
        Ok(super::page::redirect(
            StatusCode::FOUND,
            &format!("/{code}/archive{}", day.format("/%Y/%m/%d")),
        ))
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

pub async fn day(
    State(state): State<AppState>,
    Path((code, y, m, d)): Path<(String, String, String, String)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let result = async {
        let day = parse_day(&y, &m, &d).ok_or(HttpError::NotFound)?;
        let ctx = EditionCtx::load(&state, &code).await?;
        let tz = ctx.edition.tz();
        let today = Utc::now().with_timezone(&tz).date_naive();
        if day > today {
            return Err(HttpError::NotFound);
        }
        let start = tz
            .from_local_datetime(&day.and_time(chrono::NaiveTime::MIN))
            .earliest();
        let next_day = day
            .checked_add_days(Days::new(1))
            .ok_or(HttpError::NotFound)?;
        let end = tz
            .from_local_datetime(&next_day.and_time(chrono::NaiveTime::MIN))
            .earliest();
        let (Some(start), Some(end)) = (start, end) else {
            return Err(HttpError::NotFound);
        };
        let mut keys = Keys::for_edition(&code);
        keys.add(keys::archive(&code));
        let date = state.i18n().long_date(ctx.lang(), day);
        let heading = state.i18n().get(
            ctx.lang(),
            "archive-heading",
            Some(&i18n::args(&[("date", date)])),
        );
        let path = |day: NaiveDate| format!("/{code}/archive{}", day.format("/%Y/%m/%d"));
        let day_nav = DayNav {
            previous: path(day.checked_sub_days(Days::new(1)).unwrap_or(day)),
            next: (next_day <= today).then(|| path(next_day)),
        };
        let listing = Listing {
            query: ArticleQuery {
                edition: Some(code.clone()),
                published_from: Some(start.with_timezone(&Utc)),
                published_before: Some(end.with_timezone(&Utc)),
                ..Default::default()
            },
            base: path(day),
            kicker: Some(ctx.t(&state, "footer-archive")),
            heading,
            intro: None,
            accent: None,
            nav_current: String::new(),
            feeds: None,
            day_nav: Some(day_nav),
            empty_key: "archive-empty",
        };
        lists::render(&state, &ctx, listing, &q, keys).await
    }
    .await;
    or_error_page(&state, Some(&code), result).await
}

/// Only the canonical zero-padded form: `2026/11/27`, never `2026/11/7`.
fn parse_day(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    // `+026` has four characters and parses; only digits are the one spelling of a day.
    if ![y, m, d]
        .iter()
        .all(|s| s.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_only_real_padded_dates() {
        assert!(parse_day("2026", "11", "27").is_some());
        assert!(parse_day("2026", "02", "30").is_none());
        assert!(parse_day("2026", "2", "03").is_none());
        assert!(parse_day("x", "01", "01").is_none());
        assert!(parse_day("+026", "11", "27").is_none());
        assert!(parse_day("2026", "+1", "27").is_none());
    }
}
