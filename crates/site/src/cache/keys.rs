//! Surrogate keys: the names of what a cached page shows. One small function per key so
//! pages tagging themselves and the invalidation agree on the spelling; the same names go
//! out in the `Surrogate-Key` header for a CDN to purge by.

use newsdesk_core::{Change, Event};

pub fn article(id: i64) -> String {
    format!("article:{id}")
}

/// Every page of an edition (its chrome shows the edition's sections).
pub fn edition(code: &str) -> String {
    format!("edition:{code}")
}

/// The list of editions (the edition switcher): any edition's change. Only the shared
/// fragment holding the list is tagged with it.
pub fn editions() -> String {
    "editions".to_owned()
}

pub fn front(code: &str) -> String {
    format!("front:{code}")
}

pub fn section(id: i64) -> String {
    format!("section:{id}")
}

pub fn tag(id: i64) -> String {
    format!("tag:{id}")
}

pub fn author(id: i64) -> String {
    format!("author:{id}")
}

/// Pages showing the edition's latest items: the newsfeed column (on articles and lists),
/// the "latest" list and the next-article links.
pub fn newsfeed(code: &str) -> String {
    format!("newsfeed:{code}")
}

/// The edition's feeds (RSS, Atom, JSON Feed) and sitemaps.
pub fn feed(code: &str) -> String {
    format!("feed:{code}")
}

/// Date archive pages of the edition.
pub fn archive(code: &str) -> String {
    format!("archive:{code}")
}

pub fn photo(id: i64) -> String {
    format!("photo:{id}")
}

/// Pages printing an article's comment count: its own page and the cards of it. Apart
/// from `article:{id}` so a comment does not drop what an edit of the article drops.
pub fn comments(article_id: i64) -> String {
    format!("comments:{article_id}")
}

/// Every published member of a translation group: each member's page lists the others
/// (hreflang alternates, the edition switcher), so any member's public change reaches all.
pub fn translation_group(group: i64) -> String {
    format!("translations:{group}")
}

/// What a change touches: `None` means everything.
pub fn touched(event: &Event) -> Option<Vec<String>> {
    match &event.change {
        Change::Article {
            id,
            edition: code,
            section_ids,
            tag_ids,
            author_ids,
            public,
            translation_group: group,
            ..
        } => {
            let mut keys = vec![article(*id)];
            // A draft's change shows on no public page but its own (preview is never cached).
            if *public {
                keys.extend([front(code), newsfeed(code), feed(code), archive(code)]);
                keys.extend(group.map(translation_group));
                keys.extend(section_ids.iter().map(|id| section(*id)));
                keys.extend(tag_ids.iter().map(|id| tag(*id)));
                keys.extend(author_ids.iter().map(|id| author(*id)));
            }
            Some(keys)
        }
        Change::Taxonomy {
            edition: Some(code),
        } => Some(vec![edition(code), editions()]),
        Change::Taxonomy { edition: None } => None,
        Change::Photo { id } => Some(vec![photo(*id)]),
        Change::Comments { article_id } => Some(vec![comments(*article_id)]),
        // A short item shows only in the newsfeed (column and page).
        Change::NewsItem { edition, .. } => Some(vec![newsfeed(edition)]),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    #[test]
    fn public_article_change_reaches_its_lists_and_feeds() {
        let event = Event {
            seq: 1,
            at: Utc::now(),
            change: Change::Article {
                id: 7,
                edition: "en".into(),
                status: "published".into(),
                section_ids: vec![3],
                tag_ids: vec![4, 5],
                author_ids: vec![9],
                public: true,
                translation_group: Some(2),
            },
        };
        let keys = touched(&event).unwrap();
        for k in [
            "article:7",
            "front:en",
            "newsfeed:en",
            "feed:en",
            "section:3",
            "tag:5",
            "author:9",
            "translations:2",
        ] {
            assert!(keys.contains(&k.to_owned()), "{k} missing from {keys:?}");
        }
    }

    #[test]
    fn a_drafts_change_spares_its_translations_pages() {
        let event = Event {
            seq: 1,
            at: Utc::now(),
            change: Change::Article {
                id: 7,
                edition: "ru".into(),
                status: "draft".into(),
                section_ids: vec![],
                tag_ids: vec![],
                author_ids: vec![],
                public: false,
                translation_group: Some(2),
            },
        };
        assert_eq!(touched(&event), Some(vec!["article:7".to_owned()]));
    }
}
