//! The live parts' storage: short newsfeed items and the newsfeed they make with the
//! articles, chat rooms, messages, mutes and bans.

mod chat;
mod items;
mod newsfeed;

pub use chat::{ChatBan, ChatMute, NewChatMessage, RoomActivity};
pub use newsfeed::{FeedEntry, FeedKind};
