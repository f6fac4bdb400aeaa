//! The newsroom's HTML pages under `/admin`: thin handlers over [`crate::actions`].
//!
//! [`ROUTES`] is the single list of them; see [`crate::routes`].

pub mod articles;
pub mod assets;
pub mod audit;
pub mod authors;
pub mod chats;
pub mod dashboard;
pub mod editions;
pub mod entities;
pub mod forms;
pub mod jobs;
pub mod moderation;
pub mod newsfeed;
pub mod newsletters;
pub mod pages;
pub mod render;
pub mod search;
pub mod staff;
pub mod taxonomy;
pub mod time;
pub mod tokens;

use axum::routing::{get, post};
use http::Method;
use newsdesk_core::Role;

use crate::auth::{login, password_link};
use crate::routes::{Access, Fixture, RouteSpec};

const fn spec(
    method: Method,
    path: &'static str,
    access: Access,
    fixture: Fixture,
    handler: fn() -> axum::routing::MethodRouter<newsdesk_site::AppState>,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        access,
        fixture,
        handler,
    }
}

use Access::{AtLeast, Moderators, Public, Staff};
use Fixture as F;
use Role::{Admin, Author, Contributor, Editor};

// One line per route reads as a table; rustfmt would spread each over five.
#[rustfmt::skip]
pub static ROUTES: &[RouteSpec] = &[
    // Logging in and out, set-password links, static files.
    spec(Method::GET, "/admin/login", Public, F::None, || get(login::show)),
    spec(Method::POST, "/admin/login", Public, F::None, || post(login::submit)),
    spec(Method::POST, "/admin/logout", Public, F::None, || post(login::logout)),
    spec(Method::GET, "/admin/password/{token}", Public, F::PasswordLink, || get(password_link::show)),
    spec(Method::POST, "/admin/password/{token}", Public, F::PasswordLink, || post(password_link::submit)),
    spec(Method::GET, "/admin/static/{file}", Public, F::StaticFile, || get(assets::serve)),
    // Every staff member.
    spec(Method::GET, "/admin", Staff, F::None, || get(dashboard::show)),
    spec(Method::GET, "/admin/articles", AtLeast(Contributor), F::None, || get(articles::list::show)),
    spec(Method::GET, "/admin/articles/new", AtLeast(Contributor), F::None, || get(articles::edit::new_form)),
    spec(Method::POST, "/admin/articles/new", AtLeast(Contributor), F::None, || post(articles::edit::create)),
    spec(Method::GET, "/admin/articles/{id}", AtLeast(Contributor), F::Article, || get(articles::edit::edit_form)),
    spec(Method::GET, "/admin/articles/{id}/preview", AtLeast(Contributor), F::Article, || get(articles::preview::saved)),
    spec(Method::POST, "/admin/preview", AtLeast(Contributor), F::None, || post(articles::preview::unsaved)),
    spec(Method::GET, "/admin/articles/{id}/revisions", AtLeast(Contributor), F::Article, || get(articles::history::list)),
    spec(Method::GET, "/admin/articles/{id}/compare", AtLeast(Contributor), F::Article, || get(articles::history::compare)),
    spec(Method::GET, "/admin/search/articles", AtLeast(Contributor), F::None, || get(search::articles)),
    // Autosaves: a new article's by anyone who may write one; anyone's own may be discarded.
    spec(Method::POST, "/admin/articles/new/autosave", AtLeast(Contributor), F::None, || post(articles::autosave::save_new)),
    spec(Method::POST, "/admin/articles/new/autosave/discard", AtLeast(Contributor), F::None, || post(articles::autosave::discard_new)),
    spec(Method::POST, "/admin/articles/{id}/autosave/discard", AtLeast(Contributor), F::Article, || post(articles::autosave::discard_article)),
    spec(Method::GET, "/admin/search/photos", AtLeast(Contributor), F::None, || get(search::photos)),
    // Changing someone else's article: editors (authors and contributors may change their own).
    spec(Method::POST, "/admin/articles/{id}", AtLeast(Editor), F::Article, || post(articles::edit::save)),
    spec(Method::POST, "/admin/articles/{id}/autosave", AtLeast(Editor), F::Article, || post(articles::autosave::save_article)),
    spec(Method::POST, "/admin/articles/{id}/revisions/{number}/restore", AtLeast(Editor), F::Revision, || post(articles::history::restore)),
    spec(Method::POST, "/admin/articles/{id}/translations", AtLeast(Editor), F::Article, || post(articles::workflow::link_translation)),
    spec(Method::POST, "/admin/articles/{id}/publish", AtLeast(Editor), F::Article, || post(articles::workflow::publish)),
    spec(Method::POST, "/admin/articles/{id}/schedule", AtLeast(Editor), F::Article, || post(articles::workflow::schedule)),
    spec(Method::POST, "/admin/articles/{id}/unpublish", AtLeast(Editor), F::Article, || post(articles::workflow::unpublish)),
    spec(Method::POST, "/admin/articles/{id}/correct", AtLeast(Editor), F::Article, || post(articles::workflow::correct)),
    spec(Method::POST, "/admin/articles/{id}/delete", AtLeast(Editor), F::Article, || post(articles::workflow::delete)),
    // Sections, tags, authors, entity notes: editors.
    spec(Method::GET, "/admin/sections", AtLeast(Editor), F::None, || get(taxonomy::sections_page)),
    spec(Method::POST, "/admin/sections", AtLeast(Editor), F::None, || post(taxonomy::create_section)),
    spec(Method::GET, "/admin/sections/{id}", AtLeast(Editor), F::Section, || get(taxonomy::section_form)),
    spec(Method::POST, "/admin/sections/{id}", AtLeast(Editor), F::Section, || post(taxonomy::update_section)),
    spec(Method::POST, "/admin/sections/{id}/delete", AtLeast(Editor), F::Section, || post(taxonomy::delete_section)),
    spec(Method::GET, "/admin/tags", AtLeast(Editor), F::None, || get(taxonomy::tags_page)),
    spec(Method::POST, "/admin/tags", AtLeast(Editor), F::None, || post(taxonomy::create_tag)),
    spec(Method::GET, "/admin/tags/{id}", AtLeast(Editor), F::Tag, || get(taxonomy::tag_form)),
    spec(Method::POST, "/admin/tags/{id}", AtLeast(Editor), F::Tag, || post(taxonomy::update_tag)),
    spec(Method::POST, "/admin/tags/{id}/delete", AtLeast(Editor), F::Tag, || post(taxonomy::delete_tag)),
    spec(Method::GET, "/admin/authors", AtLeast(Editor), F::None, || get(authors::list)),
    spec(Method::POST, "/admin/authors", AtLeast(Editor), F::None, || post(authors::create)),
    spec(Method::GET, "/admin/authors/{id}", AtLeast(Editor), F::Author, || get(authors::edit_form)),
    spec(Method::POST, "/admin/authors/{id}", AtLeast(Editor), F::Author, || post(authors::update)),
    spec(Method::GET, "/admin/entities", AtLeast(Editor), F::None, || get(entities::list)),
    spec(Method::POST, "/admin/entities", AtLeast(Editor), F::None, || post(entities::create)),
    spec(Method::GET, "/admin/entities/{id}", AtLeast(Editor), F::Entity, || get(entities::edit_form)),
    spec(Method::POST, "/admin/entities/{id}", AtLeast(Editor), F::Entity, || post(entities::update)),
    spec(Method::POST, "/admin/entities/{id}/delete", AtLeast(Editor), F::Entity, || post(entities::delete)),
    // The site's static pages (About, Contact, Privacy…) of every edition: editors.
    spec(Method::GET, "/admin/pages", AtLeast(Editor), F::None, || get(pages::list)),
    spec(Method::POST, "/admin/pages", AtLeast(Editor), F::None, || post(pages::create)),
    spec(Method::GET, "/admin/pages/new", AtLeast(Editor), F::None, || get(pages::new_form)),
    spec(Method::GET, "/admin/pages/{edition}/{slug}", AtLeast(Editor), F::StaticPage, || get(pages::edit_form)),
    spec(Method::POST, "/admin/pages/{edition}/{slug}", AtLeast(Editor), F::StaticPage, || post(pages::save)),
    spec(Method::POST, "/admin/pages/{edition}/{slug}/delete", AtLeast(Editor), F::StaticPage, || post(pages::delete)),
    // The discussion: moderators, editors and admins; its rules: editors.
    spec(Method::GET, "/admin/comments", Moderators, F::None, || get(moderation::queue)),
    spec(Method::POST, "/admin/comments/{id}/approve", Moderators, F::Comment, || post(moderation::approve)),
    spec(Method::POST, "/admin/comments/{id}/reject", Moderators, F::Comment, || post(moderation::reject)),
    spec(Method::POST, "/admin/comments/{id}/feature", Moderators, F::Comment, || post(moderation::feature)),
    spec(Method::POST, "/admin/readers/{id}/ban", Moderators, F::Reader, || post(moderation::ban)),
    spec(Method::POST, "/admin/readers/{id}/unban", Moderators, F::BannedReader, || post(moderation::unban)),
    spec(Method::POST, "/admin/articles/{id}/discussion", Moderators, F::Article, || post(moderation::discussion)),
    spec(Method::GET, "/admin/moderation", Moderators, F::None, || get(moderation::settings_page)),
    spec(Method::POST, "/admin/moderation", AtLeast(Editor), F::None, || post(moderation::save_settings)),
    // The newsfeed's short items: authors, editors and admins (marking one breaking: editors).
    spec(Method::GET, "/admin/newsfeed", AtLeast(Author), F::None, || get(newsfeed::list)),
    spec(Method::POST, "/admin/newsfeed", AtLeast(Author), F::None, || post(newsfeed::create)),
    spec(Method::GET, "/admin/newsfeed/{id}", AtLeast(Author), F::NewsItem, || get(newsfeed::edit_form)),
    spec(Method::POST, "/admin/newsfeed/{id}", AtLeast(Author), F::NewsItem, || post(newsfeed::update)),
    spec(Method::POST, "/admin/newsfeed/{id}/publish", AtLeast(Author), F::NewsItem, || post(newsfeed::publish)),
    spec(Method::POST, "/admin/newsfeed/{id}/unpublish", AtLeast(Author), F::NewsItem, || post(newsfeed::unpublish)),
    spec(Method::POST, "/admin/newsfeed/{id}/delete", AtLeast(Author), F::NewsItem, || post(newsfeed::delete)),
    // The chats: moderators, editors and admins; opening an extra room: editors.
    spec(Method::GET, "/admin/chats", Moderators, F::None, || get(chats::list)),
    spec(Method::POST, "/admin/chats", AtLeast(Editor), F::None, || post(chats::create)),
    spec(Method::GET, "/admin/chats/{id}", Moderators, F::ChatRoom, || get(chats::room)),
    spec(Method::POST, "/admin/chats/{id}/state", Moderators, F::ChatRoom, || post(chats::set_state)),
    spec(Method::POST, "/admin/chats/{id}/mutes", Moderators, F::ChatRoom, || post(chats::mute)),
    spec(Method::POST, "/admin/chats/{id}/unmute", Moderators, F::ChatRoom, || post(chats::unmute)),
    spec(Method::POST, "/admin/chat-messages/{id}/delete", Moderators, F::ChatMessage, || post(chats::delete_message)),
    spec(Method::POST, "/admin/chat-bans", Moderators, F::None, || post(chats::ban)),
    spec(Method::POST, "/admin/chat-bans/lift", Moderators, F::None, || post(chats::lift_ban)),
    // Newsletters: subscriber lists and their export (personal data), digest previews, the
    // send log and breaking alerts: editors.
    spec(Method::GET, "/admin/newsletters", AtLeast(Editor), F::None, || get(newsletters::overview)),
    spec(Method::GET, "/admin/newsletters/export.csv", AtLeast(Editor), F::None, || get(newsletters::export::csv)),
    spec(Method::GET, "/admin/newsletters/preview", AtLeast(Editor), F::None, || get(newsletters::preview::show)),
    spec(Method::GET, "/admin/newsletters/issues/{id}", AtLeast(Editor), F::NewsletterIssue, || get(newsletters::log::issue)),
    spec(Method::GET, "/admin/newsletters/alert", AtLeast(Editor), F::None, || get(newsletters::alerts::confirm)),
    spec(Method::POST, "/admin/newsletters/alert", AtLeast(Editor), F::None, || post(newsletters::alerts::send)),
    // Staff, API tokens, audit log: admins.
    spec(Method::GET, "/admin/staff", AtLeast(Admin), F::None, || get(staff::list)),
    spec(Method::POST, "/admin/staff", AtLeast(Admin), F::None, || post(staff::invite)),
    spec(Method::POST, "/admin/staff/{id}/role", AtLeast(Admin), F::Account, || post(staff::set_role)),
    spec(Method::POST, "/admin/staff/{id}/disable", AtLeast(Admin), F::Account, || post(staff::disable)),
    spec(Method::POST, "/admin/staff/{id}/enable", AtLeast(Admin), F::Account, || post(staff::enable)),
    spec(Method::POST, "/admin/staff/{id}/reset", AtLeast(Admin), F::Account, || post(staff::reset_link)),
    spec(Method::GET, "/admin/tokens", AtLeast(Admin), F::None, || get(tokens::list)),
    spec(Method::POST, "/admin/tokens", AtLeast(Admin), F::None, || post(tokens::create)),
    spec(Method::POST, "/admin/tokens/{id}/revoke", AtLeast(Admin), F::Token, || post(tokens::revoke)),
    spec(Method::GET, "/admin/audit", AtLeast(Admin), F::None, || get(audit::list)),
    // Background jobs that gave up: admins.
    spec(Method::GET, "/admin/jobs", AtLeast(Admin), F::None, || get(jobs::list)),
    spec(Method::POST, "/admin/jobs/{id}/retry", AtLeast(Admin), F::Job, || post(jobs::retry)),
    spec(Method::POST, "/admin/jobs/{id}/drop", AtLeast(Admin), F::Job, || post(jobs::drop)),
    // Settings: admins.
    spec(Method::GET, "/admin/editions", AtLeast(Admin), F::None, || get(editions::list)),
    spec(Method::POST, "/admin/editions", AtLeast(Admin), F::None, || post(editions::save)),
];
