//! `/admin/editions` (admins): the site's editions, their names, text direction, time zone
//! (used to show and schedule times) and which one is the default.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use minijinja::{Value, context};
use newsdesk_core::{Direction, Edition};
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::actions::settings;
use crate::admin::forms::{Done, checkbox, error_map, is_form_error};
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct EditionForm {
    pub code: String,
    pub name: String,
    pub direction: String,
    pub time_zone: String,
    pub is_default: String,
    pub csrf: String,
}

impl EditionForm {
    fn edition(&self) -> Edition {
        let code = self.code.trim().to_owned();
        Edition {
            direction: Direction::parse(&self.direction)
                .unwrap_or_else(|| Direction::for_language(&code)),
            code,
            name: self.name.trim().to_owned(),
            time_zone: self.time_zone.trim().to_owned(),
            is_default: checkbox(&self.is_default),
        }
    }
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    form: EditionForm,
    err: Option<HttpError>,
    notice: Option<&'static str>,
) -> AdminResult {
    let editions = settings::list_editions(state, &staff.actor).await?;
    let status = err.as_ref().map_or(http::StatusCode::OK, HttpError::status);
    let ctx = context! {
        nav => "editions",
        editions => Value::from_serialize(&editions),
        form => Value::from_serialize(&form),
        errors => err.as_ref().map(|e| Value::from_serialize(error_map(e))),
        notice => notice,
    };
    page_with_status(status, staff, "admin/editions.html", ctx)
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> AdminResult {
    can(&staff.actor, Action::ManageSettings, Resource::None)?;
    let form = EditionForm {
        direction: "ltr".to_owned(),
        time_zone: "UTC".to_owned(),
        ..EditionForm::default()
    };
    list_page(&state, &staff, form, None, done.notice()).await
}

pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<EditionForm>,
) -> AdminResult {
    can(&staff.actor, Action::ManageSettings, Resource::None)?;
    match settings::save_edition(&state, &staff.actor, &form.edition()).await {
        Ok(()) => Ok(Redirect::to("/admin/editions?done=updated").into_response()),
        Err(err) if is_form_error(&err) => {
            list_page(&state, &staff, form, Some(err.into()), None).await
        }
        Err(err) => Err(err.into()),
    }
}
