//! The one table of newsroom routes. The router is built from it and the role-matrix test
//! iterates it, so a route cannot exist without declaring who may use it.

use axum::Router;
use axum::routing::MethodRouter;
use http::Method;
use newsdesk_core::Role;
use newsdesk_site::AppState;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not (login, set-password links, static files).
    Public,
    /// Staff of at least this role, acting on fixtures that belong to someone else
    /// (ownership rules are in [`crate::policy`] and have their own tests). Moderators
    /// stand beside the ladder and are never admitted here.
    AtLeast(Role),
    /// Every staff account, moderators included (the dashboard, which sends a moderator
    /// on to the queues).
    Staff,
    /// Whoever moderates the discussion: moderators, editors and admins.
    Moderators,
}

impl Access {
    /// Whether a logged-in account of `role` may use the route.
    pub fn admits(self, role: Role) -> bool {
        match self {
            Access::Public => true,
            Access::AtLeast(min) => role >= min && role != Role::Moderator,
            Access::Staff => role.is_staff(),
            Access::Moderators => role == Role::Moderator || role >= Role::Editor,
        }
    }
}

/// What a path parameter stands for, so the matrix test can make one to put in the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixture {
    None,
    /// `{id}`: an article (created by another staff member, published).
    Article,
    /// `{id}` and `{number}`: an article and one of its revisions.
    Revision,
    Section,
    Tag,
    Author,
    Entity,
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
    /// `{id}`: a short newsfeed item (published, written by another staff member).
    NewsItem,
    /// `{id}`: an extra chat room, open.
    ChatRoom,
    /// `{id}`: a reader's message in a chat room.
    ChatMessage,
    /// `{id}`: a newsletter issue (a breaking alert with one failed delivery).
    NewsletterIssue,
    /// `{edition}` and `{slug}`: a static page of the English edition.
    StaticPage,
    /// `{token}`: a current set-password link.
    PasswordLink,
    /// `{file}`: a static file name.
    StaticFile,
}

pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    pub fixture: Fixture,
    pub handler: fn() -> MethodRouter<AppState>,
}

impl std::fmt::Debug for RouteSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// Every newsroom HTML page. The media library (`media_library::PAGES`) and the Admin API
/// (`api::ENDPOINTS`) keep tables of their own, each with its own role-matrix test.
pub fn all() -> impl Iterator<Item = &'static RouteSpec> {
    crate::admin::ROUTES.iter()
}

/// The router of every route in [`all`]; a path listed with several methods becomes one
/// route answering each of them.
pub fn router() -> Router<AppState> {
    all().fold(Router::new(), |router, spec| {
        router.route(spec.path, (spec.handler)())
    })
}
