#![doc = include_str!("../README.md")]

pub mod account;
pub mod article;
pub mod body;
pub mod comment;
pub mod credit;
pub mod edition;
pub mod entity;
pub mod error;
pub mod event;
pub mod ids;
pub mod live;
pub mod media;
pub mod people;
pub mod publishable;
pub mod reading;
pub mod slug;
pub mod taxonomy;
pub mod wordlist;

pub use account::{Account, Role};
pub use article::{Article, ArticleDraft, ArticleStatus, Correction, Revision};
pub use comment::{Comment, CommentStatus};
pub use edition::{Direction, Edition};
pub use entity::{Entity, EntityNote};
pub use error::{FieldError, ValidationError};
pub use event::{Change, Event};
pub use ids::{ArticleId, JobId, PhotoId};
pub use live::{ChatMessage, ChatRoom, NewsItem, NewsItemDraft, NewsItemStatus};
pub use media::{Credit, Photo, Rendition};
pub use people::Author;
pub use taxonomy::{Section, Tag};
