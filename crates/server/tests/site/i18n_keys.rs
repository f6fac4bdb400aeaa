//! Every UI string exists in every language, and no translation is still English.

use std::collections::BTreeSet;

use newsdesk_site::i18n::{FALLBACK, I18n, SOURCES};

/// Keys whose value is the same in every language on purpose: format names and
/// patterns made only of placeables.
const SAME_EVERYWHERE: &[&str] = &["subscribe-rss", "subscribe-atom", "subscribe-json"];

#[test]
fn every_language_has_every_key_and_no_more() {
    let english: BTreeSet<String> = I18n::keys(FALLBACK).into_iter().collect();
    assert!(english.len() > 50, "the English file lists the UI strings");
    for (lang, _) in SOURCES {
        let keys: BTreeSet<String> = I18n::keys(lang).into_iter().collect();
        let missing: Vec<_> = english.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(missing.is_empty(), "{lang}.ftl is missing {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang}.ftl has keys English lacks: {extra:?}"
        );
    }
}

#[test]
fn no_translation_is_left_in_english() {
    let i18n = I18n::load().unwrap();
    let placeable = regex::Regex::new(r"\{[^}]*\}").unwrap();
    for (lang, _) in SOURCES.iter().filter(|(l, _)| *l != FALLBACK) {
        for key in I18n::keys(FALLBACK) {
            if SAME_EVERYWHERE.contains(&key.as_str()) {
                continue;
            }
            let en = i18n.text(FALLBACK, &key);
            // Placeables (`{$date}`) are not words: "{$date}, {$time}" may stay as it is.
            let has_words = placeable
                .replace_all(&en, "")
                .chars()
                .any(char::is_alphabetic);
            if has_words {
                assert_ne!(
                    i18n.text(lang, &key),
                    en,
                    "{lang}: `{key}` is still English"
                );
            }
        }
    }
}

#[test]
fn templates_only_use_keys_that_exist() {
    let english: BTreeSet<String> = I18n::keys(FALLBACK).into_iter().collect();
    let call = regex::Regex::new(r#"\bt\(\s*["']([a-z0-9-]+)["']\s*[,)]"#).unwrap();
    for (name, source) in newsdesk_site::templates::TEMPLATES {
        for cap in call.captures_iter(source) {
            assert!(
                english.contains(&cap[1]),
                "{name} uses unknown key {}",
                &cap[1]
            );
        }
    }
}
