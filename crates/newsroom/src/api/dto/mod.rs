//! The Admin API's request and response shapes (with their OpenAPI schemas).

pub mod articles;
pub mod jobs;
pub mod live;
pub mod moderation;
pub mod people;
pub mod photos;
pub mod revisions;
pub mod taxonomy;

/// An optional integer parameter held to the `minimum`/`maximum` its schema documents: a
/// value outside `MIN..=MAX` is refused (a query string: 400) instead of being quietly
/// clamped, so what the API accepts is what the document says. Use with
/// `#[serde(deserialize_with = "bounded::<_, MIN, MAX>")]` and the same bounds in
/// `#[param(minimum = MIN, maximum = MAX)]`.
pub fn bounded<'de, D, const MIN: i64, const MAX: i64>(d: D) -> Result<Option<i64>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    match Option::<i64>::deserialize(d)? {
        Some(n) if !(MIN..=MAX).contains(&n) => Err(serde::de::Error::custom(format!(
            "{n} is out of range: must be {MIN}–{MAX}"
        ))),
        other => Ok(other),
    }
}

/// The largest page number accepted (the document's `maximum` for `page`): far past any
/// real list, and small enough that `page × per_page` cannot overflow an offset.
pub const MAX_PAGE: i64 = 1_000_000;
