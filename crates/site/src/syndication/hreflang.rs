//! hreflang alternates for articles published in several editions.
//!
//! Every member of a translation group must list the same set (itself, every other
//! version and one `x-default`), or search engines ignore the pairs. The set is therefore
//! computed from the group as a whole, never from the point of view of one page: given the
//! same group, every member gets identical alternates, which makes them reciprocal by
//! construction.

use super::site::Site;
use super::story::Translation;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// The edition code (BCP 47) or `x-default`.
    pub hreflang: String,
    /// Absolute canonical URL.
    pub href: String,
}

/// The alternates of `this` given the other published members of its group
/// (`others`, as the store's `translations` returns them) and the default edition's code.
/// Empty when the article exists in one edition only: an annotation listing only itself
/// says nothing.
///
/// `x-default` is the default edition's version when the group has one; otherwise the
/// version published first (ties by id), so all members name the same fallback.
pub fn alternates(
    site: &Site,
    this: &Translation,
    others: &[Translation],
    default_edition: &str,
) -> Vec<Alternate> {
    let mut members: Vec<&Translation> = std::iter::once(this).chain(others.iter()).collect();
    // One version per edition: the store links one article per edition, but a stale
    // duplicate must not produce two hreflang entries for one language.
    members.sort_by(|a, b| {
        a.edition
            .cmp(&b.edition)
            .then(a.published_at.cmp(&b.published_at))
            .then(a.id.cmp(&b.id))
    });
    members.dedup_by(|later, first| later.edition == first.edition);
    if members.len() < 2 {
        return Vec::new();
    }
    let fallback = members
        .iter()
        .find(|m| m.edition == default_edition)
        .or_else(|| members.iter().min_by_key(|m| (m.published_at, m.id)))
        .map(|m| site.url(&m.path));
    let mut out: Vec<Alternate> = members
        .iter()
        .map(|m| Alternate {
            hreflang: m.edition.clone(),
            href: site.url(&m.path),
        })
        .collect();
    if let Some(href) = fallback {
        out.push(Alternate {
            hreflang: "x-default".into(),
            href,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::syndication::story::fixtures::at;

    fn t(edition: &str, id: i64, day: u32) -> Translation {
        Translation {
            edition: edition.into(),
            path: format!("/{edition}/2026/11/{day:02}/s-{id}"),
            published_at: at(2026, 11, day, 6),
            id,
        }
    }

    fn site() -> Site {
        Site::new("https://news.example", "N")
    }

    /// Builds each member's alternates the way pages do (self + the others) and returns
    /// the graph: page URL -> set of (hreflang, href).
    fn graph(group: &[Translation], default: &str) -> BTreeMap<String, BTreeSet<(String, String)>> {
        group
            .iter()
            .map(|me| {
                let others: Vec<Translation> =
                    group.iter().filter(|o| o.id != me.id).cloned().collect();
                let set = alternates(&site(), me, &others, default)
                    .into_iter()
                    .map(|a| (a.hreflang, a.href))
                    .collect();
                (site().url(&me.path), set)
            })
            .collect()
    }

    #[test]
    fn every_member_lists_itself_all_others_and_one_x_default() {
        let group = [t("en", 1, 20), t("ru", 2, 21), t("ar", 3, 22)];
        let g = graph(&group, "en");
        for (page, set) in &g {
            assert!(
                set.iter().any(|(_, href)| href == page),
                "{page} lists itself"
            );
            for other in g.keys() {
                assert!(
                    set.iter().any(|(_, href)| href == other),
                    "{page} -> {other}"
                );
            }
            let defaults: Vec<_> = set.iter().filter(|(l, _)| l == "x-default").collect();
            assert_eq!(defaults.len(), 1);
            assert_eq!(defaults[0].1, "https://news.example/en/2026/11/20/s-1");
        }
        // Reciprocal: all members produce the very same set.
        let sets: BTreeSet<_> = g.values().collect();
        assert_eq!(sets.len(), 1);
    }

    #[test]
    fn without_the_default_edition_the_first_published_is_x_default_for_all() {
        let group = [t("ru", 2, 21), t("ar", 3, 19)];
        for set in graph(&group, "en").values() {
            assert!(set.contains(&(
                "x-default".to_owned(),
                "https://news.example/ar/2026/11/19/s-3".to_owned()
            )));
        }
    }

    #[test]
    fn a_lone_article_has_no_alternates_and_urls_are_absolute() {
        assert!(alternates(&site(), &t("en", 1, 20), &[], "en").is_empty());
        let alts = alternates(&site(), &t("en", 1, 20), &[t("pt-BR", 2, 20)], "en");
        assert!(alts.iter().all(|a| a.href.starts_with("https://")));
        assert_eq!(
            alts.iter().map(|a| a.hreflang.as_str()).collect::<Vec<_>>(),
            ["en", "pt-BR", "x-default"]
        );
    }

    #[test]
    fn a_duplicate_in_one_edition_yields_one_entry() {
        let alts = alternates(
            &site(),
            &t("en", 1, 20),
            &[t("ru", 2, 21), t("ru", 4, 23)],
            "en",
        );
        assert_eq!(alts.iter().filter(|a| a.hreflang == "ru").count(), 1);
    }
}
