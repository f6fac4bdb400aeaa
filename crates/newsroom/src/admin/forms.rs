//! Small helpers shared by the form handlers: id parsing, notices after redirects, and the
//! field errors a re-rendered form shows next to each input.

use std::collections::BTreeMap;

use newsdesk_core::{FieldError, ValidationError};
use newsdesk_site::HttpError;
use serde::Deserialize;

/// `?done=…` after a redirect: a fixed code, never text from the URL, is turned into the
/// notice shown at the top of the page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Done {
    pub done: String,
}

impl Done {
    pub fn notice(&self) -> Option<&'static str> {
        Some(match self.done.as_str() {
            "created" => "Draft created.",
            "saved" => "Saved.",
            "published" => "Published.",
            "already_published" => "Already published: nothing changed.",
            "scheduled" => "Scheduled. It will publish itself at the time shown.",
            "unpublished" => "Unpublished. Its address now tells readers it was removed.",
            "corrected" => "Correction added.",
            "deleted" => "Deleted.",
            "restored" => "Revision restored as a new revision.",
            "linked" => "Translation linked.",
            "updated" => "Changes saved.",
            "removed" => "Removed.",
            "role" => "Role changed.",
            "disabled" => "Account disabled; its sessions have ended.",
            "enabled" => "Account enabled.",
            "revoked" => "Token revoked.",
            "retried" => "Job queued again with a fresh set of attempts.",
            "dropped" => "Job dropped.",
            _ => return None,
        })
    }
}

/// An optional id from a form field: empty means none, anything else must be a number.
pub fn optional_id(value: &str, field: &'static str, errors: &mut Vec<FieldError>) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.parse::<i64>() {
        Ok(id) if id > 0 => Some(id),
        _ => {
            errors.push(FieldError {
                field,
                message: "must be a number".to_owned(),
            });
            None
        }
    }
}

/// Ids from a multi-select; empty entries are ignored.
pub fn ids(values: &[String], field: &'static str, errors: &mut Vec<FieldError>) -> Vec<i64> {
    let mut out: Vec<i64> = values
        .iter()
        .filter_map(|v| optional_id(v, field, errors))
        .collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|id| seen.insert(*id));
    out
}

/// An HTML checkbox: present (with any value but "false"/"0") means ticked.
pub fn checkbox(value: &str) -> bool {
    !value.is_empty() && value != "false" && value != "0"
}

pub fn finish(errors: Vec<FieldError>) -> Result<(), ValidationError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationError { errors })
    }
}

/// Field name → messages, for showing next to inputs; `_` collects errors without a field
/// (a refused save, a conflict).
pub fn error_map(err: &HttpError) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    match err {
        HttpError::Invalid(v) => {
            for e in &v.errors {
                map.entry(e.field.to_owned())
                    .or_default()
                    .push(e.message.clone());
            }
        }
        HttpError::Conflict { field, message } => {
            map.entry(field.clone()).or_default().push(message.clone())
        }
        other => map
            .entry("_".to_owned())
            .or_default()
            .push(other.public_message()),
    }
    map
}

/// Errors a form re-renders itself for; anything else becomes an error page.
pub fn is_form_error(err: &impl FormFailure) -> bool {
    err.is_form_error()
}

/// Validation, conflict and stale-version errors, as actions (domain errors) and
/// handlers (HTTP errors) report them.
pub trait FormFailure {
    fn is_form_error(&self) -> bool;
}

impl FormFailure for newsdesk_app::Error {
    fn is_form_error(&self) -> bool {
        use newsdesk_app::Error;
        matches!(
            self,
            Error::Invalid(_) | Error::Conflict { .. } | Error::Stale { .. }
        )
    }
}

impl FormFailure for HttpError {
    fn is_form_error(&self) -> bool {
        matches!(
            self,
            HttpError::Invalid(_) | HttpError::Conflict { .. } | HttpError::Stale { .. }
        )
    }
}

/// A positive page number from `?page=`.
pub fn page_number(value: &str) -> i64 {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}
