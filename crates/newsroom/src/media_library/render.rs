//! Rendering the library pages. They extend the newsroom layout (`admin/base.html`) and
//! use its macros, so this environment holds those two plus the media templates, all
//! compiled into the binary.

use std::sync::LazyLock;

use axum::response::{Html, IntoResponse, Response};
use http::StatusCode;
use minijinja::{Environment, Value, context};
use newsdesk_site::HttpError;

use crate::admin::render::{AdminError, layout};
use crate::auth::Staff;

const TEMPLATES: &[(&str, &str)] = &[
    (
        "admin/base.html",
        include_str!("../../templates/admin/base.html"),
    ),
    (
        "admin/macros.html",
        include_str!("../../templates/admin/macros.html"),
    ),
    (
        "admin/media_list.html",
        include_str!("../../templates/admin/media_list.html"),
    ),
    (
        "admin/media_new.html",
        include_str!("../../templates/admin/media_new.html"),
    ),
    (
        "admin/media_edit.html",
        include_str!("../../templates/admin/media_edit.html"),
    ),
];

static ENV: LazyLock<Result<Environment<'static>, String>> =
    LazyLock::new(|| build().map_err(|e| format!("{e:#}")));

fn build() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    // The newsroom's one way of printing a time (uploads belong to no edition: UTC).
    env.add_filter("datetime", crate::admin::time::datetime);
    env.add_filter("filesize", filesize);
    Ok(env)
}

/// Bytes as people read them: `148 KB`, `2.4 MB`.
fn filesize(value: Value) -> String {
    let bytes = i64::try_from(value).unwrap_or(0).max(0) as f64;
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}

/// Fails when a media template does not compile (run by a test).
pub fn check_templates() -> Result<usize, String> {
    ENV.as_ref().map(|_| TEMPLATES.len()).map_err(Clone::clone)
}

/// A logged-in library page with `status`.
pub fn page(
    status: StatusCode,
    staff: &Staff,
    name: &str,
    ctx: Value,
) -> Result<Response, AdminError> {
    let env = ENV
        .as_ref()
        .map_err(|e| HttpError::internal(anyhow::anyhow!("media templates: {e}")))?;
    let html = env
        .get_template(name)
        .and_then(|t| t.render(context! { ..ctx, ..layout(staff) }))
        .map_err(|e| HttpError::internal(anyhow::anyhow!("rendering {name}: {e:#}")))?;
    Ok((status, Html(html)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_compile_and_sizes_read_well() {
        assert_eq!(check_templates(), Ok(TEMPLATES.len()));
        assert_eq!(filesize(Value::from(148_922)), "146 KB");
        assert_eq!(filesize(Value::from(2_500_000)), "2.4 MB");
    }
}
