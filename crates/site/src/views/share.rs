//! The article's share links: plain links to each network's own share page (no widget, no
//! third-party script, nothing loaded until the reader clicks), the networks chosen per
//! edition as readers there share, plus e-mail. `share.js` adds the device's own share
//! sheet (Web Share API) and "copy link" where the browser has them.

use serde::Serialize;
use url::form_urlencoded::byte_serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ShareLink {
    /// `x`, `facebook`, … (the CSS class and the test's handle).
    pub network: &'static str,
    /// The network's own name (not translated), or the i18n key for e-mail.
    pub label: &'static str,
    pub href: String,
}

/// The networks an edition offers, most used first: Telegram and VK lead in Russian,
/// WhatsApp in Arabic.
fn networks(edition: &str) -> &'static [&'static str] {
    match edition {
        "ru" => &["telegram", "vk", "whatsapp", "x"],
        "ar" => &["whatsapp", "x", "facebook", "telegram"],
        _ => &["x", "facebook", "linkedin", "whatsapp"],
    }
}

fn enc(text: &str) -> String {
    byte_serialize(text.as_bytes()).collect()
}

/// The share links for the page at the absolute `url` titled `title`.
pub fn share_links(edition: &str, url: &str, title: &str) -> Vec<ShareLink> {
    let (u, t) = (enc(url), enc(title));
    let mut out: Vec<ShareLink> = networks(edition)
        .iter()
        .filter_map(|&network| {
            let (label, href) = match network {
                "x" => ("X", format!("https://x.com/intent/post?url={u}&text={t}")),
                "facebook" => (
                    "Facebook",
                    format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
                ),
                "linkedin" => (
                    "LinkedIn",
                    format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
                ),
                "whatsapp" => ("WhatsApp", format!("https://wa.me/?text={t}%20{u}")),
                "telegram" => (
                    "Telegram",
                    format!("https://t.me/share/url?url={u}&text={t}"),
                ),
                "vk" => ("VK", format!("https://vk.com/share.php?url={u}&title={t}")),
                _ => return None,
            };
            Some(ShareLink {
                network,
                label,
                href,
            })
        })
        .collect();
    out.push(ShareLink {
        network: "email",
        label: "share-email",
        href: format!("mailto:?subject={t}&body={u}").replace('+', "%20"),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_encoded_address_and_title() {
        let links = share_links(
            "en",
            "https://news.example/en/2026/12/06/a-b-7",
            "Rates & risks",
        );
        let x = links
            .iter()
            .find(|l| l.network == "x")
            .map(|l| l.href.as_str());
        assert_eq!(
            x,
            Some(
                "https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fen%2F2026%2F12%2F06%2Fa-b-7&text=Rates+%26+risks"
            )
        );
        let mail = links.last().map(|l| l.href.as_str()).unwrap_or_default();
        assert!(
            mail.starts_with("mailto:?subject=Rates%20%26%20risks&body=https%3A"),
            "{mail}"
        );
    }

    #[test]
    fn each_edition_offers_the_networks_its_readers_use() {
        let names = |e| {
            share_links(e, "https://x.test/", "t")
                .into_iter()
                .map(|l| l.network)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("ru")[..2], ["telegram", "vk"]);
        assert_eq!(names("ar")[0], "whatsapp");
        assert!(names("en").contains(&"linkedin"));
        assert_eq!(names("fr").last(), Some(&"email"));
    }
}
