//! The reading site's UI strings: one Fluent file per language, compiled into the binary.
//!
//! An edition picks its file by its primary language subtag (`pt` for `pt-BR`); a language
//! without a file falls back to English, so a new edition works before it is translated.
//! Tests check that every file has every key and that no translation still carries the
//! English text.

mod dates;

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use dates::{DateParts, LocalTime, zone_abbreviation};

use crate::error::HttpError;

/// The language every other file is checked against, and the fallback.
pub const FALLBACK: &str = "en";

/// `(language, Fluent source)` of every language the UI is translated into.
pub const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../../i18n/en.ftl")),
    ("ru", include_str!("../../i18n/ru.ftl")),
    ("ar", include_str!("../../i18n/ar.ftl")),
];

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
    /// Per language, every message that takes no arguments, formatted once at start-up:
    /// a page prints about forty of them (the masthead, the live strings, the footer), and
    /// formatting each through Fluent on every render had been a tenth of the templates'
    /// work on a cache miss.
    plain: HashMap<&'static str, HashMap<String, Arc<str>>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut langs: Vec<_> = self.bundles.keys().collect();
        langs.sort();
        f.debug_struct("I18n").field("languages", &langs).finish()
    }
}

impl I18n {
    /// Parses every embedded file; a syntax error is a start-up error naming the file.
    pub fn load() -> Result<Self, HttpError> {
        let mut bundles = HashMap::new();
        let mut plain = HashMap::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new((*source).to_owned()).map_err(|(_, errs)| {
                HttpError::internal(anyhow::anyhow!("i18n/{lang}.ftl does not parse: {errs:?}"))
            })?;
            let id: LanguageIdentifier = lang
                .parse()
                .map_err(|e| HttpError::internal(anyhow::anyhow!("bad language id {lang}: {e}")))?;
            let ids = message_ids(&resource);
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Bidi isolation marks would end up inside attributes and titles; the templates
            // isolate mixed-direction text with <bdi> where it matters instead.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errs| {
                HttpError::internal(anyhow::anyhow!(
                    "i18n/{lang}.ftl has duplicate keys: {errs:?}"
                ))
            })?;
            plain.insert(*lang, plain_messages(&ids, &bundle));
            bundles.insert(*lang, bundle);
        }
        Ok(Self { bundles, plain })
    }

    /// The languages with a file, English first.
    pub fn languages(&self) -> Vec<&'static str> {
        SOURCES.iter().map(|(lang, _)| *lang).collect()
    }

    /// Whether `lang` (a primary subtag) has its own file.
    pub fn has_language(&self, lang: &str) -> bool {
        self.bundles.contains_key(primary(lang))
    }

    fn bundle(&self, lang: &str) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .get(primary(lang))
            .or_else(|| self.bundles.get(FALLBACK))
    }

    /// The string `key` in `lang` when it takes no arguments, as formatted at start-up
    /// (the language resolved as [`I18n::get`] does); `None` for a message with arguments
    /// or a missing key, which [`I18n::get`] formats (or reports).
    pub fn plain(&self, lang: &str, key: &str) -> Option<&Arc<str>> {
        self.plain
            .get(primary(lang))
            .or_else(|| self.plain.get(FALLBACK))?
            .get(key)
    }

    /// The string `key` in `lang` (an edition code such as `pt-BR` works), formatted with
    /// `args`. A missing key yields the key itself and a warning: a page with one odd label
    /// is better than no page, and the completeness test keeps it from shipping.
    pub fn get(&self, lang: &str, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(bundle) = self.bundle(lang) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(lang, key, "missing UI string");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(lang, key, ?errors, "UI string formatted with errors");
        }
        text.into_owned()
    }

    /// Shorthand for a string without arguments.
    pub fn text(&self, lang: &str, key: &str) -> String {
        match self.plain(lang, key) {
            Some(text) => text.to_string(),
            None => self.get(lang, key, None),
        }
    }

    /// Keys defined in the file of `lang` (for the completeness tests).
    pub fn keys(lang: &str) -> Vec<String> {
        let Some((_, source)) = SOURCES.iter().find(|(l, _)| *l == lang) else {
            return Vec::new();
        };
        let Ok(resource) = FluentResource::try_new((*source).to_owned()) else {
            return Vec::new();
        };
        message_ids(&resource)
    }
}

/// Builds Fluent arguments from string pairs (numbers go through [`count_args`]).
pub fn args<'a>(pairs: &[(&'a str, String)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in pairs {
        out.set(*name, FluentValue::from(value.clone()));
    }
    out
}

/// `value` wrapped in Unicode first-strong isolation (FSI … PDI): an address or a name in
/// running text of the other direction (a Latin address in an Arabic sentence) keeps its
/// own order and does not reorder the sentence around it. For text, never attributes.
pub fn isolate(value: &str) -> String {
    format!("\u{2068}{value}\u{2069}")
}

/// Arguments with a number, so plural selectors pick the right form.
pub fn count_args(name: &str, count: i64) -> FluentArgs<'_> {
    let mut out = FluentArgs::new();
    out.set(name, FluentValue::from(count));
    out
}

/// The ids of the messages of `resource`, in file order.
fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every message of `ids` that `bundle` formats without arguments and without errors.
fn plain_messages(
    ids: &[String],
    bundle: &FluentBundle<FluentResource>,
) -> HashMap<String, Arc<str>> {
    let mut plain = HashMap::new();
    for key in ids {
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            plain.insert(key.clone(), Arc::from(text.as_ref()));
        }
    }
    plain
}

fn primary(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolated_text_keeps_its_direction_apart() {
        assert_eq!(isolate("a@b.example"), "\u{2068}a@b.example\u{2069}");
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let i18n = I18n::load().unwrap();
        let n = |lang, c| i18n.get(lang, "discussion-count", Some(&count_args("count", c)));
        assert_eq!(n("en", 0), "No comments yet");
        assert_eq!(n("en", 1), "One comment");
        assert_eq!(n("en", 5), "5 comments");
        assert_eq!(n("ru", 3), "3 комментария");
        assert_eq!(n("ru", 5), "5 комментариев");
        assert_eq!(n("ar", 2), "تعليقان");
    }

    #[test]
    fn strings_without_arguments_are_the_formatted_messages() {
        let i18n = I18n::load().unwrap();
        for lang in i18n.languages() {
            for key in I18n::keys(lang) {
                if let Some(plain) = i18n.plain(lang, &key) {
                    assert_eq!(plain.as_ref(), i18n.get(lang, &key, None), "{lang} {key}");
                }
            }
        }
        assert_eq!(
            i18n.plain("ru-RU", "nav-home").map(|s| s.as_ref()),
            Some("Главная")
        );
        assert_eq!(
            i18n.plain("pt-BR", "nav-home").map(|s| s.as_ref()),
            Some("Home")
        );
        // Messages with arguments are formatted on each call, with their arguments.
        assert!(i18n.plain("en", "discussion-count").is_none());
        assert!(i18n.plain("en", "no-such-key").is_none());
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        let i18n = I18n::load().unwrap();
        assert_eq!(i18n.text("pt-BR", "nav-home"), "Home");
        assert_eq!(i18n.text("ru-RU", "nav-home"), "Главная");
    }
}
