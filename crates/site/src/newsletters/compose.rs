//! What newsletters say: the daily digest, breaking alerts and the double opt-in message,
//! each as HTML (tables and inline styles, no scripts, no external CSS: what mail clients
//! render) and plain text, in the edition's language, direction and time zone.
//!
//! An issue is composed once and sent to every subscriber of its list, so the visible
//! unsubscribe link is the literal [`UNSUBSCRIBE_PLACEHOLDER`], which the sender replaces
//! per recipient in both parts.

mod entries;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::HttpError;
use crate::i18n::args;
use crate::public::context::EditionCtx;
use crate::state::AppState;
use crate::syndication::Site;
use crate::syndication::site::paths;

pub use entries::{
    DigestEntry, EntryImage, IMAGE_WIDTH, article_entry, digest_entries, entry_image,
    news_item_entry, section_digest_entries,
};

/// Where the visible unsubscribe link goes, in the HTML and the text part alike.
pub const UNSUBSCRIBE_PLACEHOLDER: &str = "{{UNSUBSCRIBE_URL}}";
/// The daily digest's list.
pub const DIGEST_LIST: &str = "digest";
/// The breaking alerts' list.
pub const BREAKING_LIST: &str = "breaking";
/// A section's list is `section:{slug}`.
pub const SECTION_LIST_PREFIX: &str = "section:";

/// Headlines the preheader (the line inboxes show after the subject) lists.
const PREHEADER_HEADLINES: usize = 3;

/// A message ready to store as an issue and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub html: String,
    pub text: String,
}

/// The daily digest of `date` (the edition's local day) for subscribers of the digest.
pub fn digest(
    state: &AppState,
    ctx: &EditionCtx,
    date: NaiveDate,
    entries: &[DigestEntry],
) -> Result<Composed, HttpError> {
    digest_for(state, ctx, DIGEST_LIST, date, entries)
}

/// [`digest`] for subscribers of `list` (a section's digest says which list they chose).
pub fn digest_for(
    state: &AppState,
    ctx: &EditionCtx,
    list: &str,
    date: NaiveDate,
    entries: &[DigestEntry],
) -> Result<Composed, HttpError> {
    let frame = Frame::new(state, ctx);
    let lang = ctx.lang();
    let i18n = state.i18n();
    let a = args(&[
        ("site", frame.site_name.clone()),
        ("date", day_label(state, lang, date)),
    ]);
    let subject = one_line(&i18n.get(lang, "newsletter-digest-subject", Some(&a)));
    let heading = i18n.get(lang, "newsletter-digest-heading", Some(&a));
    let intro = i18n.text(lang, "newsletter-digest-intro");
    let empty = i18n.text(lang, "newsletter-digest-empty");
    let more = i18n.get(lang, "newsletter-digest-more", Some(&a));
    let headlines: Vec<&str> = entries
        .iter()
        .take(PREHEADER_HEADLINES)
        .map(|e| e.headline.as_str())
        .collect();
    let preheader = if headlines.is_empty() {
        empty.clone()
    } else {
        headlines.join(" · ")
    };
    let views: Vec<EntryView<'_>> = entries
        .iter()
        .map(|e| EntryView::new(state, ctx, e, Some(date)))
        .collect();
    let footer = Footer::new(state, ctx, list);

    let mut text = format!("{}\n{heading}\n{intro}\n\n", frame.site_name);
    if views.is_empty() {
        text.push_str(&format!("{empty}\n\n"));
    }
    for view in &views {
        text.push_str(&format!("{RULE}\n"));
        view.write_text(&mut text);
        text.push('\n');
    }
    text.push_str(&format!("{RULE}\n{more}:\n{}\n\n", frame.home_url));
    footer.write_text(&mut text);

    let html = state.templates().render(
        "newsletter_digest.html",
        &DigestPage {
            frame: &frame,
            subject: &subject,
            preheader: &preheader,
            heading: &heading,
            intro: &intro,
            entries: &views,
            empty: &empty,
            more: &more,
            footer: &footer,
        },
    )?;
    Ok(Composed {
        subject,
        html,
        text,
    })
}

/// A breaking alert about `entry`, for subscribers of breaking news.
pub fn breaking(
    state: &AppState,
    ctx: &EditionCtx,
    entry: &DigestEntry,
) -> Result<Composed, HttpError> {
    let frame = Frame::new(state, ctx);
    let lang = ctx.lang();
    let i18n = state.i18n();
    let subject = one_line(&i18n.get(
        lang,
        "newsletter-breaking-subject",
        Some(&args(&[("headline", entry.headline.clone())])),
    ));
    let label = i18n.text(lang, "newsletter-breaking-label");
    let read_more = i18n.text(lang, "newsletter-read-more");
    let preheader = if entry.lead.trim().is_empty() {
        entry.headline.clone()
    } else {
        entry.lead.clone()
    };
    let view = EntryView::new(state, ctx, entry, None);
    let footer = Footer::new(state, ctx, BREAKING_LIST);

    let mut text = format!("{}\n{label}\n\n", frame.site_name);
    view.write_text(&mut text);
    text.push('\n');
    footer.write_text(&mut text);

    let html = state.templates().render(
        "newsletter_alert.html",
        &AlertPage {
            frame: &frame,
            subject: &subject,
            preheader: &preheader,
            label: &label,
            entry: &view,
            read_more: &read_more,
            footer: &footer,
        },
    )?;
    Ok(Composed {
        subject,
        html,
        text,
    })
}

/// The double opt-in message: what was asked for, the link that confirms it, and that
/// nothing is sent without it.
pub fn confirm(
    state: &AppState,
    ctx: &EditionCtx,
    confirm_url: &str,
    lists: &[String],
) -> Result<Composed, HttpError> {
    let frame = Frame::new(state, ctx);
    let lang = ctx.lang();
    let i18n = state.i18n();
    let a = args(&[("site", frame.site_name.clone())]);
    let subject = one_line(&i18n.get(lang, "newsletter-confirm-subject", Some(&a)));
    let preheader = i18n.text(lang, "newsletter-confirm-preheader");
    let heading = i18n.text(lang, "newsletter-confirm-heading");
    let intro = i18n.get(lang, "newsletter-confirm-intro", Some(&a));
    let action = i18n.text(lang, "newsletter-confirm-action");
    let footer = i18n.text(lang, "newsletter-confirm-footer");
    let names: Vec<String> = lists.iter().map(|l| list_name(state, ctx, l)).collect();

    let mut text = format!("{}\n\n{heading}\n\n{intro}\n", frame.site_name);
    for name in &names {
        text.push_str(&format!("- {name}\n"));
    }
    text.push_str(&format!("\n{action}:\n{confirm_url}\n\n-- \n{footer}\n"));

    let html = state.templates().render(
        "newsletter_confirm.html",
        &ConfirmPage {
            frame: &frame,
            subject: &subject,
            preheader: &preheader,
            heading: &heading,
            intro: &intro,
            lists: &names,
            confirm_url,
            action: &action,
            footer: &footer,
        },
    )?;
    Ok(Composed {
        subject,
        html,
        text,
    })
}

/// The name readers know `list` by, in the edition's language: "Daily digest", "Breaking
/// news", "Section: World". A section that no longer exists shows its slug; an unknown
/// list shows as stored.
pub fn list_name(state: &AppState, ctx: &EditionCtx, list: &str) -> String {
    let lang = ctx.lang();
    match list {
        DIGEST_LIST => state.i18n().text(lang, "newsletter-list-digest"),
        BREAKING_LIST => state.i18n().text(lang, "newsletter-list-breaking"),
        _ => match list.strip_prefix(SECTION_LIST_PREFIX) {
            Some(slug) => {
                let name = ctx
                    .sections
                    .iter()
                    .find(|s| s.slug == slug)
                    .map_or(slug, |s| s.name.as_str());
                state.i18n().get(
                    lang,
                    "newsletter-list-section",
                    Some(&args(&[("section", name.to_owned())])),
                )
            }
            None => list.to_owned(),
        },
    }
}

/// The names of `lists` as one phrase ("Daily digest, Breaking news"), with the
/// language's own comma, for sentences such as `newsletter-confirmed-body`.
pub fn list_names(state: &AppState, ctx: &EditionCtx, lists: &[String]) -> String {
    let mut names = lists.iter().map(|l| list_name(state, ctx, l));
    let Some(first) = names.next() else {
        return String::new();
    };
    names.fold(first, |joined, item| {
        state.i18n().get(
            ctx.lang(),
            "newsletter-list-more",
            Some(&args(&[("list", joined), ("item", item)])),
        )
    })
}

/// "Sunday 6 December" in `lang`.
fn day_label(state: &AppState, lang: &str, date: NaiveDate) -> String {
    let i18n = state.i18n();
    let weekday = i18n.text(
        lang,
        &format!("newsletter-weekday-{}", date.weekday().number_from_monday()),
    );
    let month = i18n.text(lang, &format!("month-{}", date.month()));
    i18n.get(
        lang,
        "newsletter-day",
        Some(&args(&[
            ("weekday", weekday),
            ("day", date.day().to_string()),
            ("month", month),
        ])),
    )
}

/// A subject is one header line, whatever the headline held.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Separates stories in the text part.
const RULE: &str = "----------------------------------------";

/// What every message's HTML shares.
#[derive(Serialize)]
struct Frame {
    lang: String,
    dir: &'static str,
    /// `left` or `right`: the start side, for `align` attributes and `text-align`.
    align: &'static str,
    site_name: String,
    home_url: String,
}

impl Frame {
    fn new(state: &AppState, ctx: &EditionCtx) -> Self {
        let dir = ctx.edition.direction.as_str();
        Self {
            lang: ctx.lang().to_owned(),
            dir,
            align: if dir == "rtl" { "right" } else { "left" },
            site_name: state.config().site_name.clone(),
            home_url: Site::from_config(state.config()).url(&paths::edition(ctx.code())),
        }
    }
}

/// Why the reader gets the message, and how to stop it.
#[derive(Serialize)]
struct Footer {
    why: String,
    unsubscribe: String,
    unsubscribe_url: &'static str,
}

impl Footer {
    fn new(state: &AppState, ctx: &EditionCtx, list: &str) -> Self {
        let lang = ctx.lang();
        Self {
            why: state.i18n().get(
                lang,
                "newsletter-why",
                Some(&args(&[
                    ("list", list_name(state, ctx, list)),
                    ("site", state.config().site_name.clone()),
                ])),
            ),
            unsubscribe: state.i18n().text(lang, "newsletter-unsubscribe-link"),
            unsubscribe_url: UNSUBSCRIBE_PLACEHOLDER,
        }
    }

    fn write_text(&self, out: &mut String) {
        out.push_str(&format!(
            "-- \n{}\n{}:\n{}\n",
            self.why, self.unsubscribe, self.unsubscribe_url
        ));
    }
}

/// A story as a message prints it.
#[derive(Serialize)]
struct EntryView<'a> {
    headline: &'a str,
    lead: &'a str,
    url: &'a str,
    image: Option<&'a EntryImage>,
    section: Option<&'a str>,
    /// "14:05" for a story of the digest's own day, else the date, time and zone.
    time: String,
}

impl<'a> EntryView<'a> {
    fn new(
        state: &AppState,
        ctx: &EditionCtx,
        entry: &'a DigestEntry,
        day: Option<NaiveDate>,
    ) -> Self {
        let tz = ctx.edition.tz();
        let local = state.i18n().local_time(ctx.lang(), tz, entry.published_at);
        let same_day = day == Some(entry.published_at.with_timezone(&tz).date_naive());
        Self {
            headline: &entry.headline,
            lead: entry.lead.trim(),
            url: &entry.url,
            image: entry.image.as_ref(),
            section: entry.section.as_deref(),
            time: if same_day { local.time } else { local.full },
        }
    }

    fn write_text(&self, out: &mut String) {
        match self.section {
            Some(section) => out.push_str(&format!("{section} · {}\n", self.time)),
            None => out.push_str(&format!("{}\n", self.time)),
        }
        out.push_str(&format!("{}\n", self.headline));
        if !self.lead.is_empty() {
            out.push_str(&format!("{}\n", self.lead));
        }
        out.push_str(&format!("{}\n", self.url));
    }
}

#[derive(Serialize)]
struct DigestPage<'a> {
    #[serde(flatten)]
    frame: &'a Frame,
    subject: &'a str,
    preheader: &'a str,
    heading: &'a str,
    intro: &'a str,
    entries: &'a [EntryView<'a>],
    empty: &'a str,
    more: &'a str,
    #[serde(flatten)]
    footer: &'a Footer,
}

#[derive(Serialize)]
struct AlertPage<'a> {
    #[serde(flatten)]
    frame: &'a Frame,
    subject: &'a str,
    preheader: &'a str,
    label: &'a str,
    entry: &'a EntryView<'a>,
    read_more: &'a str,
    #[serde(flatten)]
    footer: &'a Footer,
}

#[derive(Serialize)]
struct ConfirmPage<'a> {
    #[serde(flatten)]
    frame: &'a Frame,
    subject: &'a str,
    preheader: &'a str,
    heading: &'a str,
    intro: &'a str,
    lists: &'a [String],
    confirm_url: &'a str,
    action: &'a str,
    footer: &'a str,
}

#[cfg(test)]
mod tests;
