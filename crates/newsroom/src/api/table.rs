//! The one table of Admin API routes and who may use them. The router and the OpenAPI
//! document come from the handlers (see [`super::openapi_router`]); a test checks that this
//! table lists exactly the routes of the document, and the role-matrix test sends every
//! row's request as every role — so a route added without a row here fails the tests.

use http::Method;
use newsdesk_core::Role;

use crate::routes::Access;

/// What a path parameter stands for, so the matrix test can make one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixture {
    None,
    /// `{id}`: a published article created by another staff member.
    Article,
    /// `{id}` and `{number}`: such an article and its first revision.
    Revision,
    Section,
    Tag,
    Author,
    Entity,
    /// `{id}`: a photo in the library, with no recorded uploader.
    Photo,
    /// `{id}`: another staff account.
    Account,
    /// `{id}`: an API token.
    Token,
    /// `{id}`: a background job that used up its attempts.
    Job,
    /// `{id}`: a pending comment of a reader under a published article.
    Comment,
    /// `{id}`: a reader's account.
    Reader,
    /// `{id}`: a reader's account under a ban.
    BannedReader,
    /// `{edition}`: the English edition.
    Edition,
    /// `{id}`: a published short newsfeed item written by another staff member.
    NewsItem,
    /// `{id}`: an extra chat room, open.
    ChatRoom,
    /// `{id}`: a reader's message in a chat room.
    ChatMessage,
    /// `{id}` and `{account_id}`: a chat room and a reader muted in it.
    ChatMute,
    /// `{account_id}`: a reader banned from chats.
    ChatBannedReader,
}

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    pub fixture: Fixture,
}

const fn e(method: Method, path: &'static str, access: Access, fixture: Fixture) -> Endpoint {
    Endpoint {
        method,
        path,
        access,
        fixture,
    }
}

use Access::{AtLeast, Moderators, Public, Staff};
use Fixture as F;
use Role::{Admin, Author, Contributor, Editor};

/// An Admin API path: the prefix and a literal tail, so the table reads as paths.
macro_rules! p {
    ($tail:literal) => {
        concat!("/api/v1/admin", $tail)
    };
}

pub static ENDPOINTS: &[Endpoint] = &[
    e(Method::GET, "/api/v1/openapi.json", Public, F::None),
    e(Method::GET, p!("/me"), Staff, F::None),
    // Articles: every staff member reads and drafts; changing someone else's published
    // article (the fixture) takes an editor.
    e(Method::GET, p!("/articles"), AtLeast(Contributor), F::None),
    e(Method::POST, p!("/articles"), AtLeast(Contributor), F::None),
    e(
        Method::GET,
        p!("/articles/{id}"),
        AtLeast(Contributor),
        F::Article,
    ),
    e(
        Method::PUT,
        p!("/articles/{id}"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::DELETE,
        p!("/articles/{id}"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::GET,
        p!("/search/articles"),
        AtLeast(Contributor),
        F::None,
    ),
    e(
        Method::POST,
        p!("/articles/{id}/publish"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::POST,
        p!("/articles/{id}/schedule"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::POST,
        p!("/articles/{id}/unpublish"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::POST,
        p!("/articles/{id}/corrections"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::GET,
        p!("/articles/{id}/corrections"),
        AtLeast(Contributor),
        F::Article,
    ),
    e(
        Method::POST,
        p!("/articles/{id}/translations"),
        AtLeast(Editor),
        F::Article,
    ),
    e(
        Method::GET,
        p!("/articles/{id}/revisions"),
        AtLeast(Contributor),
        F::Article,
    ),
    e(
        Method::GET,
        p!("/articles/{id}/revisions/{number}"),
        AtLeast(Contributor),
        F::Revision,
    ),
    e(
        Method::GET,
        p!("/articles/{id}/compare"),
        AtLeast(Contributor),
        F::Revision,
    ),
    e(
        Method::POST,
        p!("/articles/{id}/revisions/{number}/restore"),
        AtLeast(Editor),
        F::Revision,
    ),
    // Photos: every staff member uploads and describes their own; changing the text of a
    // photo nobody is recorded as uploading (the fixture) or deleting one takes an editor.
    e(Method::GET, p!("/photos"), AtLeast(Contributor), F::None),
    e(Method::POST, p!("/photos"), AtLeast(Contributor), F::None),
    e(
        Method::GET,
        p!("/photos/{id}"),
        AtLeast(Contributor),
        F::Photo,
    ),
    e(Method::PATCH, p!("/photos/{id}"), AtLeast(Editor), F::Photo),
    e(
        Method::PUT,
        p!("/photos/{id}/crops"),
        AtLeast(Editor),
        F::Photo,
    ),
    e(
        Method::DELETE,
        p!("/photos/{id}"),
        AtLeast(Editor),
        F::Photo,
    ),
    // Editions, sections, tags, authors: staff read the lists; editors manage them.
    e(Method::GET, p!("/editions"), AtLeast(Contributor), F::None),
    e(Method::GET, p!("/sections"), AtLeast(Contributor), F::None),
    e(Method::POST, p!("/sections"), AtLeast(Editor), F::None),
    e(
        Method::GET,
        p!("/sections/{id}"),
        AtLeast(Editor),
        F::Section,
    ),
    e(
        Method::PUT,
        p!("/sections/{id}"),
        AtLeast(Editor),
        F::Section,
    ),
    e(
        Method::DELETE,
        p!("/sections/{id}"),
        AtLeast(Editor),
        F::Section,
    ),
    e(Method::GET, p!("/tags"), AtLeast(Contributor), F::None),
    e(Method::POST, p!("/tags"), AtLeast(Editor), F::None),
    e(Method::GET, p!("/tags/{id}"), AtLeast(Editor), F::Tag),
    e(Method::PUT, p!("/tags/{id}"), AtLeast(Editor), F::Tag),
    e(Method::DELETE, p!("/tags/{id}"), AtLeast(Editor), F::Tag),
    e(Method::GET, p!("/authors"), AtLeast(Contributor), F::None),
    e(Method::POST, p!("/authors"), AtLeast(Editor), F::None),
    e(Method::GET, p!("/authors/{id}"), AtLeast(Editor), F::Author),
    e(Method::PUT, p!("/authors/{id}"), AtLeast(Editor), F::Author),
    e(Method::GET, p!("/entities"), AtLeast(Editor), F::None),
    e(Method::POST, p!("/entities"), AtLeast(Editor), F::None),
    e(
        Method::GET,
        p!("/entities/{id}"),
        AtLeast(Editor),
        F::Entity,
    ),
    e(
        Method::PUT,
        p!("/entities/{id}"),
        AtLeast(Editor),
        F::Entity,
    ),
    e(
        Method::DELETE,
        p!("/entities/{id}"),
        AtLeast(Editor),
        F::Entity,
    ),
    // Staff, tokens, audit log: admins.
    e(Method::GET, p!("/staff"), AtLeast(Admin), F::None),
    e(Method::POST, p!("/staff"), AtLeast(Admin), F::None),
    e(
        Method::PUT,
        p!("/staff/{id}/role"),
        AtLeast(Admin),
        F::Account,
    ),
    e(
        Method::POST,
        p!("/staff/{id}/disable"),
        AtLeast(Admin),
        F::Account,
    ),
    e(
        Method::POST,
        p!("/staff/{id}/enable"),
        AtLeast(Admin),
        F::Account,
    ),
    e(
        Method::POST,
        p!("/staff/{id}/password-link"),
        AtLeast(Admin),
        F::Account,
    ),
    e(Method::GET, p!("/tokens"), AtLeast(Admin), F::None),
    e(Method::POST, p!("/tokens"), AtLeast(Admin), F::None),
    e(Method::DELETE, p!("/tokens/{id}"), AtLeast(Admin), F::Token),
    e(Method::GET, p!("/audit"), AtLeast(Admin), F::None),
    // Background jobs that gave up: admins.
    e(Method::GET, p!("/jobs"), AtLeast(Admin), F::None),
    e(Method::POST, p!("/jobs/{id}/retry"), AtLeast(Admin), F::Job),
    e(Method::DELETE, p!("/jobs/{id}"), AtLeast(Admin), F::Job),
    // The discussion: moderators, editors and admins; its rules: editors.
    e(Method::GET, p!("/comments"), Moderators, F::None),
    e(
        Method::POST,
        p!("/comments/{id}/approve"),
        Moderators,
        F::Comment,
    ),
    e(
        Method::POST,
        p!("/comments/{id}/reject"),
        Moderators,
        F::Comment,
    ),
    e(
        Method::POST,
        p!("/comments/{id}/feature"),
        Moderators,
        F::Comment,
    ),
    e(Method::PUT, p!("/readers/{id}/ban"), Moderators, F::Reader),
    e(
        Method::DELETE,
        p!("/readers/{id}/ban"),
        Moderators,
        F::BannedReader,
    ),
    e(
        Method::PUT,
        p!("/articles/{id}/discussion"),
        Moderators,
        F::Article,
    ),
    e(
        Method::GET,
        p!("/moderation/{edition}"),
        Moderators,
        F::Edition,
    ),
    e(
        Method::PUT,
        p!("/moderation/{edition}"),
        AtLeast(Editor),
        F::Edition,
    ),
    // The newsfeed's short items: authors, editors and admins.
    e(Method::GET, p!("/newsfeed"), AtLeast(Author), F::None),
    e(Method::POST, p!("/newsfeed"), AtLeast(Author), F::None),
    e(
        Method::GET,
        p!("/newsfeed/{id}"),
        AtLeast(Author),
        F::NewsItem,
    ),
    e(
        Method::PUT,
        p!("/newsfeed/{id}"),
        AtLeast(Author),
        F::NewsItem,
    ),
    e(
        Method::DELETE,
        p!("/newsfeed/{id}"),
        AtLeast(Author),
        F::NewsItem,
    ),
    e(
        Method::POST,
        p!("/newsfeed/{id}/publish"),
        AtLeast(Author),
        F::NewsItem,
    ),
    e(
        Method::POST,
        p!("/newsfeed/{id}/unpublish"),
        AtLeast(Author),
        F::NewsItem,
    ),
    // The chats: moderators, editors and admins; opening a room: editors. A mute or ban
    // body names its reader (`account_id`): the matrix puts a fresh reader in it.
    e(Method::GET, p!("/chats"), Moderators, F::None),
    e(Method::POST, p!("/chats"), AtLeast(Editor), F::None),
    e(
        Method::PUT,
        p!("/chats/{id}/state"),
        Moderators,
        F::ChatRoom,
    ),
    e(
        Method::GET,
        p!("/chats/{id}/messages"),
        Moderators,
        F::ChatRoom,
    ),
    e(
        Method::DELETE,
        p!("/chat-messages/{id}"),
        Moderators,
        F::ChatMessage,
    ),
    e(
        Method::POST,
        p!("/chats/{id}/mutes"),
        Moderators,
        F::ChatRoom,
    ),
    e(
        Method::DELETE,
        p!("/chats/{id}/mutes/{account_id}"),
        Moderators,
        F::ChatMute,
    ),
    e(Method::POST, p!("/chat-bans"), Moderators, F::None),
    e(
        Method::DELETE,
        p!("/chat-bans/{account_id}"),
        Moderators,
        F::ChatBannedReader,
    ),
];

/// The prefix every Admin API path starts with.
pub const PREFIX: &str = "/api/v1/admin";
