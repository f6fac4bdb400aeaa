//! Authors, staff accounts, API tokens, the audit log and the caller.

use chrono::{DateTime, Utc};
use newsdesk_core::{Account, Author, Role};
use newsdesk_store::{ApiToken, AuditEntry, NewAuthor};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::actor::Actor;

/// A staff role, as requests name it (inviting, changing a role, creating a token). Staff
/// roles are ordered: each can do what the one before it can, except `moderator`, who
/// moderates the discussion and does nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RoleName {
    /// Moderates comments; nothing else.
    Moderator,
    /// Writes drafts; cannot publish.
    Contributor,
    /// Publishes their own articles.
    Author,
    /// Edits and publishes everyone's; manages sections, tags, authors, entity notes.
    Editor,
    /// Everything, plus staff, API tokens and the audit log.
    Admin,
}

impl From<RoleName> for Role {
    fn from(r: RoleName) -> Self {
        match r {
            RoleName::Moderator => Role::Moderator,
            RoleName::Contributor => Role::Contributor,
            RoleName::Author => Role::Author,
            RoleName::Editor => Role::Editor,
            RoleName::Admin => Role::Admin,
        }
    }
}

/// An account's role as answers show it: a staff role, or `reader` for a registered
/// reader (no newsroom access; no request can give it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AccountRole {
    Reader,
    Moderator,
    Contributor,
    Author,
    Editor,
    Admin,
}

impl From<Role> for AccountRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Reader => AccountRole::Reader,
            Role::Moderator => AccountRole::Moderator,
            Role::Contributor => AccountRole::Contributor,
            Role::Author => AccountRole::Author,
            Role::Editor => AccountRole::Editor,
            Role::Admin => AccountRole::Admin,
        }
    }
}

/// Who the credentials belong to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Me {
    pub account_id: Option<i64>,
    pub name: String,
    pub role: AccountRole,
    /// Set when the request came with an API token.
    pub token_id: Option<i64>,
}

impl From<Actor> for Me {
    fn from(a: Actor) -> Self {
        Me {
            account_id: a.account_id,
            name: a.name,
            role: a.role.into(),
            token_id: a.token_id,
        }
    }
}

/// A public author profile that bylines link to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuthorOut {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub bio: String,
    pub photo_id: Option<i64>,
    /// The staff account behind the byline, if any.
    pub account_id: Option<i64>,
}

impl From<Author> for AuthorOut {
    fn from(a: Author) -> Self {
        AuthorOut {
            id: a.id,
            slug: a.slug,
            name: a.name,
            bio: a.bio,
            photo_id: a.photo_id,
            account_id: a.account_id,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "slug": "jane-reporter", "name": "Jane Reporter", "bio": "Jane covers European politics." }))]
pub struct AuthorInput {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub bio: String,
    #[serde(default)]
    pub photo_id: Option<i64>,
    #[serde(default)]
    pub account_id: Option<i64>,
}

impl AuthorInput {
    pub fn into_new(self) -> NewAuthor {
        NewAuthor {
            slug: self.slug,
            name: self.name,
            bio: self.bio,
            photo_id: self.photo_id,
            account_id: self.account_id,
        }
    }

    pub fn into_author(self, id: i64) -> Author {
        Author {
            id,
            slug: self.slug,
            name: self.name,
            bio: self.bio,
            photo_id: self.photo_id,
            account_id: self.account_id,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountOut {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: AccountRole,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

impl From<Account> for AccountOut {
    fn from(a: Account) -> Self {
        AccountOut {
            id: a.id,
            email: a.email,
            name: a.name,
            role: a.role.into(),
            disabled: a.disabled,
            created_at: a.created_at,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "email": "new.editor@example.com", "name": "New Editor", "role": "editor" }))]
pub struct InviteStaff {
    pub email: String,
    pub name: String,
    /// contributor, author, editor or admin.
    pub role: RoleName,
}

/// A new account and its one-time set-password link: hand the link to its owner; it is
/// not shown again.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvitationOut {
    pub account: AccountOut,
    /// Path of the set-password page, e.g. `/admin/password/…`.
    pub link: String,
}

impl From<crate::actions::staff::Invitation> for InvitationOut {
    fn from(i: crate::actions::staff::Invitation) -> Self {
        InvitationOut {
            account: i.account.into(),
            link: i.link,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "role": "author" }))]
pub struct ChangeRole {
    pub role: RoleName,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TokenOut {
    pub id: i64,
    pub name: String,
    pub role: AccountRole,
    pub created_at: DateTime<Utc>,
    /// The account that created it; the token acts on its behalf.
    pub created_by: Option<i64>,
    pub revoked: bool,
}

impl From<ApiToken> for TokenOut {
    fn from(t: ApiToken) -> Self {
        TokenOut {
            id: t.id,
            name: t.name,
            role: t.role.into(),
            created_at: t.created_at,
            created_by: t.created_by,
            revoked: t.revoked,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "name": "wire importer", "role": "editor" }))]
pub struct CreateToken {
    /// What the token is for, shown in lists and the audit log.
    pub name: String,
    pub role: RoleName,
}

/// A token just created. `secret` is shown this once and never stored: keep it now.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedTokenOut {
    pub token: TokenOut,
    /// Send as `Authorization: Bearer <secret>`.
    pub secret: String,
}

impl From<crate::actions::tokens::CreatedToken> for CreatedTokenOut {
    fn from(c: crate::actions::tokens::CreatedToken) -> Self {
        CreatedTokenOut {
            token: c.token.into(),
            secret: c.secret,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEntryOut {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The account that acted (absent for the scheduler).
    pub actor: Option<i64>,
    pub actor_name: Option<String>,
    /// e.g. `article.publish`, `account.role`, `token.revoke`.
    pub action: String,
    /// e.g. `article:42`.
    pub target: String,
    /// What the entry records (headline, old and new role, …).
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

impl From<AuditEntry> for AuditEntryOut {
    fn from(e: AuditEntry) -> Self {
        AuditEntryOut {
            id: e.id,
            at: e.at,
            actor: e.actor,
            actor_name: e.actor_name,
            action: e.action,
            target: e.target,
            details: e.details,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number.
    #[param(minimum = 1, maximum = 1000000)]
    #[serde(deserialize_with = "super::bounded::<_, 1, { super::MAX_PAGE }>")]
    pub page: Option<i64>,
    /// Page size, 1–100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    #[serde(deserialize_with = "super::bounded::<_, 1, 100>")]
    pub per_page: Option<i64>,
}

impl PageQuery {
    /// (limit, offset, page) with defaults and bounds applied.
    pub fn window(&self, default: i64) -> (i64, i64, i64) {
        let per = self.per_page.unwrap_or(default).clamp(1, 100);
        let page = self.page.unwrap_or(1).max(1);
        (per, (page - 1).saturating_mul(per), page)
    }
}
