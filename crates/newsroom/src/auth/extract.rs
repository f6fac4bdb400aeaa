//! Extractors that turn a request into an [`Actor`]: [`Staff`] for the HTML pages (session
//! cookie), [`ApiActor`] for the Admin API (Bearer token or session).

use axum::extract::FromRequestParts;
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use newsdesk_site::{AppState, HttpError};

use crate::actor::Actor;
use crate::admin::render::AdminError;
use crate::auth::middleware::wants_json;
use crate::auth::session::CurrentSession;

/// A logged-in staff member (contributor or above). Logged out: HTML requests are
/// redirected to the login page (coming back afterwards), JSON requests get 401.
/// A logged-in reader gets 403.
#[derive(Debug, Clone)]
pub struct Staff {
    pub actor: Actor,
    /// For the hidden `csrf` field of every form on the page.
    pub csrf: String,
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let json = wants_json(&parts.headers, parts.uri.path());
        match parts.extensions.get::<CurrentSession>() {
            Some(s) if s.actor.role.is_staff() => Ok(Staff {
                actor: s.actor.clone().acting_from(client(parts)),
                csrf: s.csrf.clone(),
            }),
            Some(_) => {
                let err =
                    HttpError::Forbidden("this account has no access to the newsroom".to_owned());
                Err(if json {
                    err.into_response()
                } else {
                    AdminError(err).into_response()
                })
            }
            None if json => Err(HttpError::Unauthorized.into_response()),
            None => Err(login_redirect(parts)),
        }
    }
}

/// `/admin/login?next=…`, coming back to the page asked for (GET only: a form posted while
/// logged out cannot be replayed).
fn login_redirect(parts: &Parts) -> Response {
    if parts.method == http::Method::GET {
        let next = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/admin");
        let encoded: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
        Redirect::to(&format!("/admin/login?next={encoded}")).into_response()
    } else {
        Redirect::to("/admin/login").into_response()
    }
}

/// The Admin API's caller: `Authorization: Bearer nd_…` (an API token, acting with the
/// token's role) or a staff session cookie (CSRF header required on writes, enforced by
/// the auth middleware). Rejections are JSON: 401 without credentials, 403 for readers.
#[derive(Debug, Clone)]
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = HttpError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(header) = parts.headers.get(http::header::AUTHORIZATION) {
            let value = header.to_str().map_err(|_| HttpError::Unauthorized)?;
            let token = value
                .strip_prefix("Bearer ")
                .ok_or(HttpError::Unauthorized)?
                .trim();
            return bearer_actor(state, token)
                .await
                .map(|actor| ApiActor(actor.acting_from(client(parts))));
        }
        match parts.extensions.get::<CurrentSession>() {
            Some(s) if s.actor.role.is_staff() => {
                Ok(ApiActor(s.actor.clone().acting_from(client(parts))))
            }
            Some(_) => Err(HttpError::Forbidden(
                "this account has no access to the newsroom".to_owned(),
            )),
            None => Err(HttpError::Unauthorized),
        }
    }
}

/// The actor behind an Admin API token, or 401 for an unknown or revoked one.
///
/// A token never outlives its creator's rights: it acts with the lesser of its own role and
/// its account's role *now*, and dies with the account (disabled or deleted). Tokens made
/// by the CLI have no account and keep their own role.
pub async fn bearer_actor(state: &AppState, token: &str) -> Result<Actor, HttpError> {
    let Some((t, role)) = newsdesk_app::actor::token_role(state.store(), token).await? else {
        return Err(HttpError::Unauthorized);
    };
    Ok(Actor {
        account_id: t.created_by,
        role,
        name: format!("API token “{}”", t.name),
        token_id: Some(t.id),
        client: None,
    })
}

/// The client address the shared layer resolved (trusted proxies only), for the audit log.
fn client(parts: &Parts) -> Option<std::net::IpAddr> {
    parts
        .extensions
        .get::<newsdesk_auth::ClientIp>()
        .and_then(|c| c.0)
}
