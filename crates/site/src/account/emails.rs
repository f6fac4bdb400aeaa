//! The emails the account pages send, in the edition's language: HTML (one table-based
//! template, inline styles, no scripts, as mail clients need) and plain text, queued as
//! durable jobs (`newsdesk_app::mail`), so a restart or an SMTP outage loses none.

use chrono::{Duration, Utc};
use newsdesk_auth::token::{hash_secret, random_token};
use newsdesk_mail::Email;
use newsdesk_store::LinkPurpose;
use serde::Serialize;

use crate::error::HttpError;
use crate::i18n::args;
use crate::public::context::EditionCtx;
use crate::state::AppState;

/// How long a confirmation link stays valid: two days cover a weekend's inbox.
pub const CONFIRM_TTL: Duration = Duration::hours(48);
/// A password-reset link: an hour, as it opens the account to whoever holds it.
pub const RESET_TTL: Duration = Duration::hours(1);
/// A login link: minutes, not hours.
pub const MAGIC_TTL: Duration = Duration::minutes(20);
/// A link confirming a new address.
pub const EMAIL_CHANGE_TTL: Duration = Duration::hours(24);

#[derive(Serialize)]
struct Action<'a> {
    href: &'a str,
    text: String,
}

#[derive(Serialize)]
struct Body<'a> {
    lang: &'a str,
    dir: &'a str,
    site_name: &'a str,
    subject: &'a str,
    heading: &'a str,
    paragraphs: &'a [String],
    action: Option<Action<'a>>,
    footer: &'a str,
}

/// One message: strings `email-{kind}-subject`, `-heading`, `-body`, `-action`, `-footer`
/// of the edition's language, with `$site` and `$name` filled in.
struct Message<'a> {
    kind: &'a str,
    name: &'a str,
    link: Option<&'a str>,
}

fn compose(
    state: &AppState,
    ctx: &EditionCtx,
    to: &str,
    message: &Message<'_>,
) -> Result<Email, HttpError> {
    let lang = ctx.lang();
    let site = state.config().site_name.clone();
    // The reader's name may be in another script than the message (a Latin name in an
    // Arabic greeting): isolated, it keeps its order and leaves the sentence's alone.
    let a = args(&[
        ("site", site.clone()),
        ("name", crate::i18n::isolate(message.name)),
    ]);
    let text = |part: &str| {
        state
            .i18n()
            .get(lang, &format!("email-{}-{part}", message.kind), Some(&a))
    };
    let subject = text("subject");
    let heading = text("heading");
    let paragraphs: Vec<String> = text("body")
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let footer = text("footer");
    let action = message.link.map(|href| Action {
        href,
        text: text("action"),
    });
    let mut plain = format!("{heading}\n\n");
    for p in &paragraphs {
        plain.push_str(p);
        plain.push_str("\n\n");
    }
    if let Some(action) = &action {
        plain.push_str(&format!("{}:\n{}\n\n", action.text, action.href));
    }
    plain.push_str(&format!("-- \n{footer}\n{site}\n"));
    let html = state.templates().render(
        "email.html",
        &Body {
            lang,
            dir: ctx.edition.direction.as_str(),
            site_name: &site,
            subject: &subject,
            heading: &heading,
            paragraphs: &paragraphs,
            action,
            footer: &footer,
        },
    )?;
    Ok(Email {
        to: to.to_owned(),
        subject,
        text: plain,
        html,
        headers: Vec::new(),
    })
}

async fn queue(state: &AppState, email: Email) -> Result<(), HttpError> {
    newsdesk_app::mail::send(state.app(), email)
        .await
        .map(|_| ())
        .map_err(HttpError::from)
}

/// A new single-use link of `purpose` for `account_id`, valid for `ttl`: its absolute URL
/// under `/{edition}/account/{path}/`.
async fn new_link(
    state: &AppState,
    ctx: &EditionCtx,
    account_id: i64,
    purpose: LinkPurpose,
    path: &str,
    ttl: Duration,
    detail: &str,
) -> Result<String, HttpError> {
    let secret = random_token(32);
    state
        .store()
        .create_account_link(
            &hash_secret(&secret),
            account_id,
            purpose,
            detail,
            Utc::now() + ttl,
        )
        .await?;
    Ok(EditionCtx::absolute(
        state,
        &format!("/{}/account/{path}/{secret}", ctx.edition.code),
    ))
}

/// "Confirm your address": sent on registration and on request from the account page.
pub async fn send_confirmation(
    state: &AppState,
    ctx: &EditionCtx,
    account: &newsdesk_core::Account,
) -> Result<(), HttpError> {
    send_link(
        state,
        ctx,
        account,
        &account.email,
        "confirm",
        LinkPurpose::Confirm,
        "confirm",
        CONFIRM_TTL,
    )
    .await
}

/// Sent instead of a confirmation when someone registers with an address that already has
/// an account: the page says the same either way, so it reveals nothing; the owner learns
/// what happened and how to get in.
pub async fn send_already_registered(
    state: &AppState,
    ctx: &EditionCtx,
    account: &newsdesk_core::Account,
) -> Result<(), HttpError> {
    let login = EditionCtx::absolute(state, &format!("/{}/account/login", ctx.edition.code));
    let kind = if account.role.is_staff() {
        "staff-address"
    } else {
        "already-registered"
    };
    let message = Message {
        kind,
        name: &account.name,
        link: (!account.role.is_staff()).then_some(login.as_str()),
    };
    queue(state, compose(state, ctx, &account.email, &message)?).await
}

/// A link of `purpose` to `account`'s address (or to `to`, for a new address), in an
/// email of `kind`.
#[allow(clippy::too_many_arguments)]
async fn send_link(
    state: &AppState,
    ctx: &EditionCtx,
    account: &newsdesk_core::Account,
    to: &str,
    kind: &str,
    purpose: LinkPurpose,
    path: &str,
    ttl: Duration,
) -> Result<(), HttpError> {
    let detail = if purpose == LinkPurpose::Email {
        to
    } else {
        ""
    };
    let link = new_link(state, ctx, account.id, purpose, path, ttl, detail).await?;
    let message = Message {
        kind,
        name: &account.name,
        link: Some(&link),
    };
    queue(state, compose(state, ctx, to, &message)?).await
}

/// "Set a new password".
pub async fn send_reset(
    state: &AppState,
    ctx: &EditionCtx,
    account: &newsdesk_core::Account,
) -> Result<(), HttpError> {
    send_link(
        state,
        ctx,
        account,
        &account.email,
        "reset",
        LinkPurpose::Reset,
        "reset",
        RESET_TTL,
    )
    .await
}

/// "Log in with this link".
pub async fn send_magic(
    state: &AppState,
    ctx: &EditionCtx,
    account: &newsdesk_core::Account,
) -> Result<(), HttpError> {
    send_link(
        state,
        ctx,
        account,
        &account.email,
        "magic",
        LinkPurpose::Magic,
        "magic",
        MAGIC_TTL,
    )
    .await
}

/// "Confirm your new address", sent to the new address.
pub async fn send_email_change(
    state: &AppState,
    ctx: &EditionCtx,
    account: &newsdesk_core::Account,
    new_email: &str,
) -> Result<(), HttpError> {
    send_link(
        state,
        ctx,
        account,
        new_email,
        "email-change",
        LinkPurpose::Email,
        "email",
        EMAIL_CHANGE_TTL,
    )
    .await
}
