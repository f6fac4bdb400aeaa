//! Validation errors: what a person typing into a form needs to read.

use serde::Serialize;

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// Every problem found in one value, so a form can show them all at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", summary(.errors))]
pub struct ValidationError {
    pub errors: Vec<FieldError>,
}

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl ValidationError {
    pub fn single(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            errors: vec![FieldError {
                field,
                message: message.into(),
            }],
        }
    }

    /// Adds another value's problems, so one answer lists every field's.
    pub fn merge(&mut self, other: ValidationError) {
        self.errors.extend(other.errors);
    }
}

/// Collects field errors; `finish` turns them into a result.
#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn check(
        &mut self,
        ok: bool,
        field: &'static str,
        message: impl Into<String>,
    ) -> &mut Self {
        if !ok {
            self.errors.push(FieldError {
                field,
                message: message.into(),
            });
        }
        self
    }

    /// Non-blank text of at most `max` characters.
    pub fn text(&mut self, value: &str, field: &'static str, max: usize) -> &mut Self {
        let len = value.trim().chars().count();
        self.check(len > 0, field, "must not be empty");
        self.check(
            len <= max,
            field,
            format!("must be at most {max} characters"),
        )
    }

    /// Optional text of at most `max` characters.
    pub fn optional_text(&mut self, value: &str, field: &'static str, max: usize) -> &mut Self {
        self.check(
            value.chars().count() <= max,
            field,
            format!("must be at most {max} characters"),
        )
    }

    pub fn finish(self) -> Result<(), ValidationError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                errors: self.errors,
            })
        }
    }
}
