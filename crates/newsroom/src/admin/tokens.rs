//! Admin API tokens (admins): create (the secret is shown once), list, revoke.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_core::Role;
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::actions::tokens;
use crate::actions::tokens::CreatedToken;
use crate::admin::forms::{Done, error_map, is_form_error};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct TokenForm {
    pub name: String,
    pub role: String,
    pub csrf: String,
}

async fn list_page(
    state: &AppState,
    me: &Staff,
    form: TokenForm,
    err: Option<HttpError>,
    created: Option<CreatedToken>,
    notice: Option<&'static str>,
) -> AdminResult {
    let list = tokens::list(state, &me.actor).await?;
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "tokens",
        tokens => Value::from_serialize(&list),
        roles => Role::STAFF.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        created => created.as_ref().map(Value::from_serialize),
        notice => notice,
    };
    page_with_status(status, me, "admin/tokens.html", ctx)
}

pub async fn list(
    State(state): State<AppState>,
    me: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&me.actor, Action::ManageTokens, Resource::None)?;
    list_page(
        &state,
        &me,
        TokenForm {
            role: "editor".to_owned(),
            ..TokenForm::default()
        },
        None,
        None,
        done.notice(),
    )
    .await
}

/// The secret appears in this response only (never in a redirect URL or a log).
pub async fn create(
    State(state): State<AppState>,
    me: Staff,
    Form(form): Form<TokenForm>,
) -> AdminResult {
    can(&me.actor, Action::ManageTokens, Resource::None)?;
    let result = match form.role.parse::<Role>() {
        Ok(role) => tokens::create(&state, &me.actor, &form.name, role)
            .await
            .map_err(HttpError::from),
        Err(err) => Err(HttpError::Invalid(err)),
    };
    match result {
        Ok(created) => {
            list_page(&state, &me, TokenForm::default(), None, Some(created), None).await
        }
        Err(err) if is_form_error(&err) => {
            list_page(&state, &me, form, Some(err), None, None).await
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn revoke(State(state): State<AppState>, me: Staff, Path(id): Path<i64>) -> AdminResult {
    tokens::revoke(&state, &me.actor, id).await?;
    Ok(Redirect::to("/admin/tokens?done=revoked").into_response())
}
