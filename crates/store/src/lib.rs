#![doc = include_str!("../README.md")]

#[macro_use]
mod macros;
#[macro_use]
mod refs;
#[macro_use]
mod columns;

mod account_links;
mod accounts;
mod articles;
mod audit;
mod comments;
mod db;
mod dialect;
mod editions;
mod entities;
mod error;
mod idempotency;
pub mod jobs;
mod live;
mod moderation;
pub mod newsletters;
mod outbox;
mod people;
mod photo_crops;
mod photos;
pub mod reads;
mod rows;
mod seed;
mod sql;
pub mod static_pages;
mod taxonomy;
mod types;

pub use account_links::{LinkPurpose, TakenLink};
pub use articles::autosave::{Autosave, AutosaveFields, AutosaveSlot, AutosaveWrite, Oversized};
pub use articles::page::ArticlePage;
pub use articles::sitemap::{MAX_NEWS_PAGE, MAX_SITEMAP_RANGE, SitemapArticle};
pub use articles::{AuditNote, BlockedArticle, DueArticles, MAX_LIST_LIMIT, Transition};
pub use comments::{CommentSort, MAX_THREAD_PAGE, NewComment, ThreadItem, VoteKind};
pub use db::{Backend, Store};
pub use error::{Result, StoreError};
pub use idempotency::{IDEMPOTENCY_KEY_TTL, IdempotentRequest, Reservation};
pub use jobs::{JobFilter, RetryPolicy};
pub use live::{ChatBan, ChatMute, FeedEntry, FeedKind, NewChatMessage, RoomActivity};
pub use moderation::{
    ClosedDiscussion, Decision, DiscussionFacts, HIDE_AFTER_REPORTS, ModerationSettings, Queue,
    QueueItem, ReaderBan,
};
pub use newsdesk_core::{ArticleId, JobId, PhotoId};
pub use photo_crops::{PhotoCrop, aspect_name, parse_aspect};
pub use photos::{PhotoFocus, PhotoUsage, is_blank};
pub use seed::{SeedLock, SeedState};
pub use types::{
    ApiToken, ArticleQuery, ArticleSummary, AuditEntry, BulkArticle, Job, JobRow, NewAuthor,
    NewEntity, NewPhoto, NewSection, NewTag, OutboxPage, PhotoText, Session,
};
