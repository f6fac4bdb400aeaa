//! The minijinja environment: templates compiled into the binary (never read from the
//! working directory), plus the functions every template uses:
//!
//! - `t("key", name=value…)`: the UI string in the page's language (the `lang` variable);
//! - `static_url("site.css")`: the fingerprinted URL of a static asset;
//! - `|jsonld`: marks a serialised JSON-LD document safe for a `<script>` element.
//!
//! Other crates (the newsroom) add their own templates with [`Templates::load_with`].

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, ValueKind};
use minijinja::{AutoEscape, Environment, State, Value};
use serde::Serialize;

use crate::assets::Assets;
use crate::error::HttpError;
use crate::i18n::I18n;

/// `(name, source)` of every template of the reading site.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("front.html", include_str!("../../templates/front.html")),
    ("list.html", include_str!("../../templates/list.html")),
    ("article.html", include_str!("../../templates/article.html")),
    (
        "article_fragment.html",
        include_str!("../../templates/article_fragment.html"),
    ),
    ("error.html", include_str!("../../templates/error.html")),
    (
        "static_page.html",
        include_str!("../../templates/static_page.html"),
    ),
    ("account.html", include_str!("../../templates/account.html")),
    ("email.html", include_str!("../../templates/email.html")),
    (
        "newsfeed.html",
        include_str!("../../templates/newsfeed.html"),
    ),
    ("chats.html", include_str!("../../templates/chats.html")),
    ("chat.html", include_str!("../../templates/chat.html")),
    (
        "newsletters.html",
        include_str!("../../templates/newsletters.html"),
    ),
    (
        "newsletter_digest.html",
        include_str!("../../templates/newsletter_digest.html"),
    ),
    (
        "newsletter_alert.html",
        include_str!("../../templates/newsletter_alert.html"),
    ),
    (
        "newsletter_confirm.html",
        include_str!("../../templates/newsletter_confirm.html"),
    ),
    (
        "partials/article.html",
        include_str!("../../templates/partials/article.html"),
    ),
    (
        "partials/card.html",
        include_str!("../../templates/partials/card.html"),
    ),
    (
        "partials/share.html",
        include_str!("../../templates/partials/share.html"),
    ),
    (
        "partials/most_read.html",
        include_str!("../../templates/partials/most_read.html"),
    ),
    (
        "partials/picture.html",
        include_str!("../../templates/partials/picture.html"),
    ),
    (
        "partials/newsfeed.html",
        include_str!("../../templates/partials/newsfeed.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../../templates/partials/pagination.html"),
    ),
];

#[derive(Clone)]
pub struct Templates {
    env: Arc<Environment<'static>>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

impl Templates {
    /// The reading site's templates.
    pub fn load(i18n: Arc<I18n>, assets: Arc<Assets>) -> Result<Self, HttpError> {
        Self::load_with(i18n, assets, Vec::new())
    }

    /// The reading site's templates plus `extra` `(name, source)` pairs (e.g. the newsroom's
    /// `admin/*.html`), which may extend or include the site's own. A name already taken
    /// replaces the site's template, which is how a theme overrides one.
    pub fn load_with(
        i18n: Arc<I18n>,
        assets: Arc<Assets>,
        extra: Vec<(String, String)>,
    ) -> Result<Self, HttpError> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        env.set_formatter(html_formatter);
        for (name, source) in TEMPLATES {
            env.add_template(name, source).map_err(template_error)?;
        }
        for (name, source) in extra {
            env.add_template_owned(name, source)
                .map_err(template_error)?;
        }
        env.add_function(
            "t",
            move |state: &State, key: &str, kwargs: Kwargs| -> Result<Value, minijinja::Error> {
                let lang = state.lookup("lang");
                let lang = lang.as_ref().and_then(Value::as_str).unwrap_or("en");
                let args = fluent_args(&kwargs)?;
                if args.iter().next().is_none() {
                    if let Some(text) = i18n.plain(lang, key) {
                        return Ok(Value::from(text.clone()));
                    }
                    return Ok(Value::from(i18n.get(lang, key, None)));
                }
                Ok(Value::from(i18n.get(lang, key, Some(&args))))
            },
        );
        env.add_function("static_url", move |name: &str| assets.url(name));
        env.add_filter("jsonld", |doc: &str| {
            Value::from_safe_string(escape_script(doc))
        });
        Ok(Self { env: Arc::new(env) })
    }

    pub fn render(&self, name: &str, ctx: impl Serialize) -> Result<String, HttpError> {
        let template = self.env.get_template(name).map_err(template_error)?;
        template.render(ctx).map_err(template_error)
    }

    /// The environment itself, for callers that render blocks or strings.
    pub fn env(&self) -> &Environment<'static> {
        &self.env
    }
}

/// minijinja's HTML escaping also escapes `/` (as `&#x2f;`), which bloats every URL and
/// is not needed in element content or quoted attributes; this escapes the five
/// characters that matter and leaves everything else to the default formatter.
fn html_formatter(
    out: &mut minijinja::Output<'_>,
    state: &State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if state.auto_escape() == AutoEscape::Html
        && !value.is_safe()
        && let Some(text) = value.as_str()
    {
        return write_escaped(out, text).map_err(|e| {
            minijinja::Error::new(
                minijinja::ErrorKind::WriteFailure,
                "could not write the page",
            )
            .with_source(e)
        });
    }
    minijinja::escape_formatter(out, state, value)
}

pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    // Writing to a String cannot fail.
    let _ = write_escaped(&mut escaped, text);
    escaped
}

/// Writes `text` HTML-escaped, the runs between special characters whole: every value a
/// page prints passes here, and pushing it char by char had been 5% of an article's miss.
/// The five special characters are ASCII, so every cut is on a char boundary.
fn write_escaped(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(text.get(done..i).unwrap_or_default())?;
        out.write_str(entity)?;
        done = i + 1;
    }
    out.write_str(text.get(done..).unwrap_or_default())
}

fn fluent_args(kwargs: &Kwargs) -> Result<FluentArgs<'static>, minijinja::Error> {
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let fluent = match value.kind() {
            ValueKind::Number => match i64::try_from(value.clone()) {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(value.to_string()),
            },
            _ => FluentValue::from(value.to_string()),
        };
        args.set(name.to_owned(), fluent);
    }
    Ok(args)
}

/// A JSON document inside `<script>` must not contain `</` (it would close the element) nor
/// `<!--`; JSON allows `\u003c` for `<` anywhere a string holds one.
fn escape_script(doc: &str) -> String {
    doc.replace('<', "\\u003c")
}

fn template_error(err: minijinja::Error) -> HttpError {
    HttpError::internal(anyhow::anyhow!("template: {err:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            escape_html(r#"<a href="/x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;/x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn json_in_script_cannot_close_the_element() {
        assert_eq!(
            escape_script(r#"{"h":"</script><b>"}"#),
            r#"{"h":"\u003c/script>\u003cb>"}"#
        );
    }

    #[test]
    fn escaping_replaces_the_five_characters_and_keeps_everything_else() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(
            escape_html("«Привет» — مرحبا <b>"),
            "«Привет» — مرحبا &lt;b&gt;"
        );
        assert_eq!(escape_html("&"), "&amp;");
        assert_eq!(escape_html("no specials"), "no specials");
        assert_eq!(escape_html(""), "");
    }
}
