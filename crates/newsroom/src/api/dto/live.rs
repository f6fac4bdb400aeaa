//! The live parts: the newsfeed's short items, and the chats' rooms, messages, mutes and
//! bans.

use chrono::{DateTime, Utc};
use newsdesk_core::{ChatMessage, ChatRoom, NewsItem, NewsItemDraft, NewsItemStatus};
use newsdesk_store::RoomActivity;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Where a short item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum NewsItemStatusName {
    /// Written, not shown to readers.
    Draft,
    /// In the newsfeed.
    Published,
    /// Taken out of the newsfeed.
    Unpublished,
}

impl From<NewsItemStatusName> for NewsItemStatus {
    fn from(s: NewsItemStatusName) -> Self {
        match s {
            NewsItemStatusName::Draft => NewsItemStatus::Draft,
            NewsItemStatusName::Published => NewsItemStatus::Published,
            NewsItemStatusName::Unpublished => NewsItemStatus::Unpublished,
        }
    }
}

impl From<NewsItemStatus> for NewsItemStatusName {
    fn from(s: NewsItemStatus) -> Self {
        match s {
            NewsItemStatus::Draft => NewsItemStatusName::Draft,
            NewsItemStatus::Published => NewsItemStatusName::Published,
            NewsItemStatus::Unpublished => NewsItemStatusName::Unpublished,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NewsfeedQuery {
    /// Only this edition's items (every edition when absent).
    pub edition: Option<String>,
    /// Only items with this status.
    pub status: Option<NewsItemStatusName>,
    /// How many at most, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    #[serde(deserialize_with = "super::bounded::<_, 1, 200>")]
    pub limit: Option<i64>,
    /// How many to skip (default 0).
    #[param(minimum = 0, maximum = 1000000)]
    #[serde(deserialize_with = "super::bounded::<_, 0, 1000000>")]
    pub offset: Option<i64>,
}

/// A short item of the newsfeed. `text` is plain text: escape it when showing it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NewsItemOut {
    pub id: i64,
    pub edition: String,
    pub headline: String,
    /// One paragraph of plain text; may be empty.
    pub text: String,
    /// Where the headline leads: an `https://` address or a path on this site; empty for
    /// none (the item's place in the edition's newsfeed page).
    pub link: String,
    /// Highlighted in the newsfeed.
    pub important: bool,
    /// In the breaking-news banner of every page for 12 hours.
    pub breaking: bool,
    pub status: NewsItemStatusName,
    /// When it first entered the newsfeed (its place there); `null` until published.
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<NewsItem> for NewsItemOut {
    fn from(i: NewsItem) -> Self {
        NewsItemOut {
            id: i.id,
            edition: i.edition,
            headline: i.headline,
            text: i.body,
            link: i.link,
            important: i.important,
            breaking: i.breaking,
            status: i.status.into(),
            published_at: i.published_at,
            created_at: i.created_at,
            updated_at: i.updated_at,
        }
    }
}

/// A new short item.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({
    "edition": "en", "headline": "Polls have closed across the country",
    "text": "Counting starts at once; the first results are expected after midnight.",
    "link": "", "important": false, "breaking": false, "publish": true
}))]
#[serde(deny_unknown_fields)]
pub struct CreateNewsItem {
    /// Edition code.
    pub edition: String,
    /// 1–200 characters.
    pub headline: String,
    /// One paragraph of plain text, up to 1,000 characters (default empty).
    #[serde(default)]
    pub text: String,
    /// An `https://` or `http://` address, or a path on this site starting with `/`
    /// (default empty: none).
    #[serde(default)]
    pub link: String,
    /// Highlight it in the newsfeed (default false).
    #[serde(default)]
    pub important: bool,
    /// Breaking news: the banner on every page (editors and admins only; default false).
    #[serde(default)]
    pub breaking: bool,
    /// Publish it at once (default false: save a draft).
    #[serde(default)]
    pub publish: bool,
}

impl CreateNewsItem {
    pub fn draft(&self) -> NewsItemDraft {
        NewsItemDraft {
            edition: self.edition.clone(),
            headline: self.headline.clone(),
            body: self.text.clone(),
            link: self.link.clone(),
            important: self.important,
            breaking: self.breaking,
        }
    }
}

/// An item's new text and marks (it keeps its status: a published item changes in place).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({
    "edition": "en", "headline": "Polls have closed: counting under way",
    "text": "The first results are expected after midnight.",
    "link": "", "important": true, "breaking": false
}))]
#[serde(deny_unknown_fields)]
pub struct UpdateNewsItem {
    /// The item's edition (an item stays in its edition); may be left out.
    #[serde(default)]
    pub edition: Option<String>,
    pub headline: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub important: bool,
    /// Marking an item breaking takes an editor; anyone who may write items takes the
    /// mark off.
    #[serde(default)]
    pub breaking: bool,
}

impl UpdateNewsItem {
    pub fn draft(&self, edition: &str) -> NewsItemDraft {
        NewsItemDraft {
            edition: self.edition.clone().unwrap_or_else(|| edition.to_owned()),
            headline: self.headline.clone(),
            body: self.text.clone(),
            link: self.link.clone(),
            important: self.important,
            breaking: self.breaking,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RoomsQuery {
    /// Only this edition's rooms (every edition when absent).
    pub edition: Option<String>,
}

/// A chat room.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChatRoomOut {
    pub id: i64,
    pub edition: String,
    /// The article whose room it is; `null` for an extra room an editor opened.
    pub article_id: Option<i64>,
    /// An extra room's title (an article's room shows the article's headline instead).
    pub title: String,
    pub description: String,
    /// Readers may write (a closed room is read-only).
    pub open: bool,
    /// Seconds a reader waits between two messages; 0: off.
    pub slow_mode_seconds: i64,
    pub created_at: DateTime<Utc>,
    pub last_message_at: Option<DateTime<Utc>>,
}

impl From<ChatRoom> for ChatRoomOut {
    fn from(r: ChatRoom) -> Self {
        ChatRoomOut {
            id: r.id,
            edition: r.edition,
            article_id: r.article_id,
            title: r.title,
            description: r.description,
            open: r.open,
            slow_mode_seconds: r.slow_mode_seconds,
            created_at: r.created_at,
            last_message_at: r.last_message_at,
        }
    }
}

/// A room with how much was said in it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoomActivityOut {
    pub room: ChatRoomOut,
    /// The article's headline for an article's room.
    pub headline: Option<String>,
    /// Messages in the room, deleted ones left out.
    pub messages: i64,
}

impl From<RoomActivity> for RoomActivityOut {
    fn from(r: RoomActivity) -> Self {
        RoomActivityOut {
            room: r.room.into(),
            headline: r.headline,
            messages: r.messages,
        }
    }
}

/// An extra room (a topic, a live event).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({
    "edition": "en", "title": "Election night, live",
    "description": "Results and reactions as they come in."
}))]
#[serde(deny_unknown_fields)]
pub struct CreateRoom {
    /// Edition code.
    pub edition: String,
    /// 1–200 characters.
    pub title: String,
    /// Up to 1,000 characters (default empty).
    #[serde(default)]
    pub description: String,
}

/// A room's state: everyone in it sees the change at once.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "open": true, "slow_mode_seconds": 30 }))]
#[serde(deny_unknown_fields)]
pub struct RoomStateInput {
    /// Readers may write; `false` makes the room read-only.
    pub open: bool,
    /// Seconds a reader waits between two messages, 0 (off) to 600.
    #[schema(minimum = 0, maximum = 600)]
    pub slow_mode_seconds: i64,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MessagesQuery {
    /// Only messages older than this message id (the next page).
    #[param(minimum = 1)]
    #[serde(deserialize_with = "super::bounded::<_, 1, 9223372036854775807>")]
    pub before: Option<i64>,
}

/// A chat message as moderators see it: the text as written (escape it when showing it).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChatMessageOut {
    pub id: i64,
    pub room_id: i64,
    /// The author's account; `null` for a deleted account.
    pub author_id: Option<i64>,
    pub author: String,
    /// Written by a member of staff.
    pub staff: bool,
    pub text: String,
    /// A rule flagged it for a moderator's eye (it was shown).
    pub flagged: bool,
    pub created_at: DateTime<Utc>,
    /// When a moderator deleted it; `null` while readers see it.
    pub deleted_at: Option<DateTime<Utc>>,
}

impl From<ChatMessage> for ChatMessageOut {
    fn from(m: ChatMessage) -> Self {
        ChatMessageOut {
            id: m.id,
            room_id: m.room_id,
            author_id: m.account_id,
            author: m.author_name,
            staff: m.staff,
            text: m.body,
            flagged: m.flagged,
            created_at: m.created_at,
            deleted_at: m.deleted_at,
        }
    }
}

/// A reader muted in one room.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "account_id": 42, "minutes": 60, "reason": "Flooding the room" }))]
#[serde(deny_unknown_fields)]
pub struct MuteInput {
    /// The reader's account id.
    pub account_id: i64,
    /// How long, 1 to 10080 minutes (a week).
    #[schema(minimum = 1, maximum = 10080)]
    pub minutes: i64,
    /// Up to 500 characters.
    #[serde(default)]
    pub reason: String,
}

/// A reader banned from every chat.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({ "account_id": 42, "days": 7, "reason": "Repeated insults" }))]
#[serde(deny_unknown_fields)]
pub struct ChatBanInput {
    /// The reader's account id.
    pub account_id: i64,
    /// How many days, 1–3650; `null` (or absent) for good.
    #[schema(minimum = 1, maximum = 3650)]
    #[serde(default, deserialize_with = "super::bounded::<_, 1, 3650>")]
    pub days: Option<i64>,
    /// Up to 500 characters.
    #[serde(default)]
    pub reason: String,
}
