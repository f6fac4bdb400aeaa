//! Which addresses `::embed[URL]` accepts: posts on a few social networks and videos on
//! YouTube and Vimeo, recognised by host and path against a strict allow-list.
//!
//! Strict because the address ends up in readers' pages (as a link, and for videos as the
//! source of a player once the reader asks for it): every part that is printed is checked
//! against a narrow pattern here, and the link is rebuilt from those parts only, so
//! tracking parameters and anything odd the writer pasted never reach the page.
//! The newsroom editor applies the same rules (crates/newsroom/editor/src/social.js);
//! both are tested against the same cases.

use url::{Host, Url};

/// Longer addresses are refused: no real post address comes close.
pub const MAX_URL_LEN: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    YouTube,
    Vimeo,
    X,
    Bluesky,
    Mastodon,
    Instagram,
    TikTok,
    Facebook,
}

impl Provider {
    /// The name readers know it by (a brand: not translated).
    pub fn name(self) -> &'static str {
        match self {
            Provider::YouTube => "YouTube",
            Provider::Vimeo => "Vimeo",
            Provider::X => "X",
            Provider::Bluesky => "Bluesky",
            Provider::Mastodon => "Mastodon",
            Provider::Instagram => "Instagram",
            Provider::TikTok => "TikTok",
            Provider::Facebook => "Facebook",
        }
    }

    /// Whether the site can play it in place (YouTube's and Vimeo's privacy-friendly
    /// players); everything else is shown as a card linking to the post.
    pub fn is_video(self) -> bool {
        matches!(self, Provider::YouTube | Provider::Vimeo)
    }
}

/// A recognised address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialPost {
    pub provider: Provider,
    /// The post's address rebuilt from its checked parts.
    pub url: String,
    /// Who posted it as the address names them (`@user`, `@user@host`, a page name);
    /// empty when the address names nobody (YouTube, Vimeo, Instagram).
    pub account: String,
    /// The id the player takes, for videos.
    pub video_id: Option<String>,
}

/// Hosts that belong to a provider: an address on them is that provider's or nothing
/// (never a Mastodon-style post on, say, `music.youtube.com`).
const PROVIDER_DOMAINS: &[&str] = &[
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
    "x.com",
    "twitter.com",
    "bsky.app",
    "instagram.com",
    "tiktok.com",
    "facebook.com",
    "fb.com",
    "fb.watch",
];

/// Reads an address as a post or video, or `None` when it is not one the site shows.
pub fn recognise(address: &str) -> Option<SocialPost> {
    let address = address.trim();
    if address.is_empty() || address.len() > MAX_URL_LEN || !address.chars().all(url_char) {
        return None;
    }
    let url = Url::parse(address).ok()?;
    if url.scheme() != "https"
        || !url.username().is_empty()
        || url.password().is_some()
        || url.port().is_some()
    {
        return None;
    }
    let Some(Host::Domain(host)) = url.host() else {
        return None;
    };
    let segments = segments(&url)?;
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let query = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    match host {
        "youtube.com" | "www.youtube.com" | "m.youtube.com" => {
            let id = match segs.as_slice() {
                ["watch"] => query("v")?,
                ["shorts", id] => (*id).to_owned(),
                _ => return None,
            };
            youtube(&id)
        }
        "youtu.be" => match segs.as_slice() {
            [id] => youtube(id),
            _ => None,
        },
        "vimeo.com" | "www.vimeo.com" => match segs.as_slice() {
            [id] if digits(id, 20) => Some(SocialPost {
                provider: Provider::Vimeo,
                url: format!("https://vimeo.com/{id}"),
                account: String::new(),
                video_id: Some((*id).to_owned()),
            }),
            _ => None,
        },
        "x.com" | "www.x.com" | "mobile.x.com" | "twitter.com" | "www.twitter.com"
        | "mobile.twitter.com" => match segs.as_slice() {
            [user, "status", id] if word(user, 15, "_") && digits(id, 20) => Some(post(
                Provider::X,
                format!("https://x.com/{user}/status/{id}"),
                format!("@{user}"),
            )),
            _ => None,
        },
        "bsky.app" => match segs.as_slice() {
            ["profile", handle, "post", key]
                if (domain(handle) || did(handle)) && word(key, 64, "") =>
            {
                Some(post(
                    Provider::Bluesky,
                    format!("https://bsky.app/profile/{handle}/post/{key}"),
                    if did(handle) {
                        (*handle).to_owned()
                    } else {
                        format!("@{handle}")
                    },
                ))
            }
            _ => None,
        },
        "instagram.com" | "www.instagram.com" => match segs.as_slice() {
            [kind @ ("p" | "reel"), code] if word(code, 64, "_-") => Some(post(
                Provider::Instagram,
                format!("https://www.instagram.com/{kind}/{code}/"),
                String::new(),
            )),
            _ => None,
        },
        "tiktok.com" | "www.tiktok.com" | "m.tiktok.com" => match segs.as_slice() {
            [user, "video", id] if digits(id, 25) => {
                let name = user.strip_prefix('@').filter(|u| word(u, 32, "_."))?;
                Some(post(
                    Provider::TikTok,
                    format!("https://www.tiktok.com/@{name}/video/{id}"),
                    format!("@{name}"),
                ))
            }
            _ => None,
        },
        "facebook.com" | "www.facebook.com" | "m.facebook.com" => match segs.as_slice() {
            ["watch"] => {
                let id = query("v").filter(|v| digits(v, 25))?;
                Some(post(
                    Provider::Facebook,
                    format!("https://www.facebook.com/watch/?v={id}"),
                    String::new(),
                ))
            }
            [page, kind @ ("posts" | "videos"), id]
                if word(page, 80, ".-") && *page != "watch" && word(id, 80, "") =>
            {
                Some(post(
                    Provider::Facebook,
                    format!("https://www.facebook.com/{page}/{kind}/{id}"),
                    (*page).to_owned(),
                ))
            }
            _ => None,
        },
        host if is_provider_host(host) || !domain(host) => None,
        host => match segs.as_slice() {
            [user, id] if digits(id, 20) => {
                let user = user.strip_prefix('@')?;
                let (name, home) = user.split_once('@').unwrap_or((user, host));
                if !word(name, 30, "_") || !domain(home) {
                    return None;
                }
                Some(post(
                    Provider::Mastodon,
                    format!("https://{host}/@{user}/{id}"),
                    format!("@{name}@{home}"),
                ))
            }
            _ => None,
        },
    }
}

fn post(provider: Provider, url: String, account: String) -> SocialPost {
    SocialPost {
        provider,
        url,
        account,
        video_id: None,
    }
}

fn youtube(id: &str) -> Option<SocialPost> {
    (id.len() == 11 && word(id, 11, "_-")).then(|| SocialPost {
        provider: Provider::YouTube,
        url: format!("https://www.youtube.com/watch?v={id}"),
        account: String::new(),
        video_id: Some(id.to_owned()),
    })
}

/// Printable ASCII without space, quotes, angle brackets, backslash and the other
/// characters WHATWG parsing would rewrite or that would end the directive's argument.
fn url_char(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '"' | '\'' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '[' | ']'
        )
}

/// The path's segments, one empty trailing segment (a final `/`) dropped; `None` when
/// another segment is empty (`//`).
fn segments(url: &Url) -> Option<Vec<String>> {
    let mut segs: Vec<String> = url.path_segments()?.map(str::to_owned).collect();
    if segs.last().is_some_and(String::is_empty) {
        segs.pop();
    }
    (!segs.iter().any(String::is_empty)).then_some(segs)
}

/// 1..=`max` ASCII letters, digits and the characters of `extra`.
fn word(s: &str, max: usize, extra: &str) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
}

fn digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

/// A host name with at least two labels: letters, digits and inner hyphens, a
/// letter-only top level (so no IP address, no `localhost`, no trailing dot).
fn domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    s.len() <= 253
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| word(l, 63, "-") && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A Bluesky account named by its DID instead of its handle (`did:plc:…`).
fn did(s: &str) -> bool {
    let mut parts = s.splitn(3, ':');
    parts.next() == Some("did")
        && parts
            .next()
            .is_some_and(|m| word(m, 16, "") && m.bytes().all(|b| b.is_ascii_lowercase()))
        && parts.next().is_some_and(|id| word(id, 128, "._-"))
}

fn is_provider_host(host: &str) -> bool {
    PROVIDER_DOMAINS
        .iter()
        .any(|d| host == *d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
}
