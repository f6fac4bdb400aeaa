//! Staff accounts (admins): invite with a one-time link, change roles, disable, enable,
//! new password link.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_core::{Role, ValidationError};
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::actions::staff;
use crate::actions::staff::Invitation;
use crate::admin::forms::{Done, error_map, is_form_error};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub csrf: String,
}

fn parse_role(value: &str) -> Result<Role, HttpError> {
    value.parse::<Role>().map_err(HttpError::Invalid)
}

async fn list_page(
    state: &AppState,
    me: &Staff,
    form: InviteForm,
    err: Option<HttpError>,
    invitation: Option<Invitation>,
    notice: Option<&'static str>,
) -> AdminResult {
    let accounts = staff::list(state, &me.actor).await?;
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let base = state.config().base_url.trim_end_matches('/').to_owned();
    let ctx = context! {
        nav => "staff",
        accounts => Value::from_serialize(&accounts),
        roles => Role::STAFF.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        invitation => invitation.map(|i| context! {
            name => i.account.name,
            email => i.account.email,
            link => format!("{base}{}", i.link),
        }),
        notice => notice,
    };
    page_with_status(status, me, "admin/staff.html", ctx)
}

pub async fn list(
    State(state): State<AppState>,
    me: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&me.actor, Action::ManageStaff, Resource::None)?;
    list_page(
        &state,
        &me,
        InviteForm {
            role: "contributor".to_owned(),
            ..InviteForm::default()
        },
        None,
        None,
        done.notice(),
    )
    .await
}

/// Shows the new account's one-time link on the answer page itself (not after a redirect),
/// so it is never written to a URL or a log.
pub async fn invite(
    State(state): State<AppState>,
    me: Staff,
    Form(form): Form<InviteForm>,
) -> AdminResult {
    can(&me.actor, Action::ManageStaff, Resource::None)?;
    let result = match parse_role(&form.role) {
        Ok(role) => staff::invite(&state, &me.actor, &form.email, &form.name, role)
            .await
            .map_err(HttpError::from),
        Err(err) => Err(err),
    };
    match result {
        Ok(invitation) => {
            list_page(
                &state,
                &me,
                InviteForm::default(),
                None,
                Some(invitation),
                None,
            )
            .await
        }
        Err(err) if is_form_error(&err) => {
            list_page(&state, &me, form, Some(err), None, None).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleForm {
    pub role: String,
    pub csrf: String,
}

pub async fn set_role(
    State(state): State<AppState>,
    me: Staff,
    Path(id): Path<i64>,
    Form(form): Form<RoleForm>,
) -> AdminResult {
    can(&me.actor, Action::ManageStaff, Resource::None)?;
    let role = form
        .role
        .parse::<Role>()
        .ok()
        .filter(|r| r.is_staff())
        .ok_or_else(|| {
            HttpError::Invalid(ValidationError::single(
                "role",
                "choose contributor, author, editor or admin",
            ))
        })?;
    staff::set_role(&state, &me.actor, id, role).await?;
    Ok(Redirect::to("/admin/staff?done=role").into_response())
}

pub async fn disable(State(state): State<AppState>, me: Staff, Path(id): Path<i64>) -> AdminResult {
    staff::set_disabled(&state, &me.actor, id, true).await?;
    Ok(Redirect::to("/admin/staff?done=disabled").into_response())
}

pub async fn enable(State(state): State<AppState>, me: Staff, Path(id): Path<i64>) -> AdminResult {
    staff::set_disabled(&state, &me.actor, id, false).await?;
    Ok(Redirect::to("/admin/staff?done=enabled").into_response())
}

pub async fn reset_link(
    State(state): State<AppState>,
    me: Staff,
    Path(id): Path<i64>,
) -> AdminResult {
    let invitation = staff::reset_link(&state, &me.actor, id).await?;
    list_page(
        &state,
        &me,
        InviteForm::default(),
        None,
        Some(invitation),
        None,
    )
    .await
}
