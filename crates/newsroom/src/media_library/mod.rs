//! The media library: photo uploads (page and Admin API), their renditions made off the
//! request path, and the pages to find photos and edit their caption, alt text, credit,
//! focal point and crops per aspect ratio.

pub mod body;
pub mod crops;
pub mod focus;
pub mod pages;
pub mod render;

// The photo actions and the upload pipeline belong to the application core; the rendition
// job is `newsdesk_app::jobs::renditions`.
pub use newsdesk_app::actions::photos as actions;
pub use newsdesk_app::actions::upload;
pub use upload::{UploadText, upload};

use axum::Router;
use axum::routing::{MethodRouter, get, post};
use http::Method;
use newsdesk_core::Role;
use newsdesk_site::AppState;

use crate::api::Fixture;
use crate::routes::Access;

/// A library page and who may use it (the role-matrix test iterates [`PAGES`]).
pub struct Page {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    pub fixture: Fixture,
    pub handler: fn() -> MethodRouter<AppState>,
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

const fn page(
    method: Method,
    path: &'static str,
    access: Access,
    fixture: Fixture,
    handler: fn() -> MethodRouter<AppState>,
) -> Page {
    Page {
        method,
        path,
        access,
        fixture,
        handler,
    }
}

/// Every staff member uploads photos and describes their own; describing a photo nobody is
/// recorded as uploading (the fixture) or deleting one takes an editor.
pub static PAGES: &[Page] = &[
    page(
        Method::GET,
        "/admin/media",
        Access::AtLeast(Role::Contributor),
        Fixture::None,
        || get(pages::list),
    ),
    page(
        Method::GET,
        "/admin/media/new",
        Access::AtLeast(Role::Contributor),
        Fixture::None,
        || get(pages::new),
    ),
    page(
        Method::POST,
        "/admin/media/new",
        Access::AtLeast(Role::Contributor),
        Fixture::None,
        || post(pages::create),
    ),
    page(
        Method::GET,
        "/admin/media/{id}",
        Access::AtLeast(Role::Contributor),
        Fixture::Photo,
        || get(pages::edit),
    ),
    page(
        Method::POST,
        "/admin/media/{id}",
        Access::AtLeast(Role::Editor),
        Fixture::Photo,
        || post(pages::save),
    ),
    page(
        Method::POST,
        "/admin/media/{id}/focus",
        Access::AtLeast(Role::Editor),
        Fixture::Photo,
        || post(focus::save),
    ),
    page(
        Method::POST,
        "/admin/media/{id}/crops",
        Access::AtLeast(Role::Editor),
        Fixture::Photo,
        || post(crops::save),
    ),
    page(
        Method::GET,
        "/admin/media/{id}/original",
        Access::AtLeast(Role::Contributor),
        Fixture::Photo,
        || get(pages::original),
    ),
    page(
        Method::POST,
        "/admin/media/{id}/delete",
        Access::AtLeast(Role::Editor),
        Fixture::Photo,
        || post(pages::delete),
    ),
];

/// The router of [`PAGES`].
pub fn pages_router() -> Router<AppState> {
    PAGES.iter().fold(Router::new(), |router, p| {
        router.route(p.path, (p.handler)())
    })
}
