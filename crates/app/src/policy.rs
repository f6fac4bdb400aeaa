//! Who may do what: the ONE place role checks live.
//!
//! Every action in [`crate::actions`] and every admin page asks [`can`] before touching
//! anything, so the HTML pages and the Admin API cannot disagree. Roles are ordered
//! (contributor < author < editor < admin, see [`Role`]); the rules that are not a plain
//! "at least this role" are ownership of articles and of photos, and the moderator, who
//! stands beside the ladder: they moderate the discussion and do nothing else.

use crate::Error;
use newsdesk_core::{Article, ArticleStatus, Role};
use newsdesk_store::ArticleSummary;

use crate::actor::Actor;

/// Everything the newsroom lets someone do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Enter `/admin`: dashboard, article lists, reading any article, previews, revisions.
    ViewNewsroom,
    CreateArticle,
    /// Save changes to an article (also restoring a revision and linking translations).
    EditArticle,
    /// Publish, schedule, unpublish or correct: anything readers see.
    PublishArticle,
    DeleteArticle,
    /// Sections and tags.
    ManageTaxonomy,
    /// Public author profiles.
    ManageAuthors,
    /// Entities and their notes per edition.
    ManageEntities,
    /// Static pages (About, Contact, Privacy…) of every edition.
    ManagePages,
    /// The discussion: the comment queues, approving, rejecting, featuring, closing a
    /// discussion, banning and suspending readers (chats later).
    Moderate,
    /// Per-edition moderation rules and word lists, per-section pre-moderation.
    ManageModeration,
    /// Write, publish, unpublish and delete the newsfeed's short items.
    WriteNewsfeed,
    /// Open extra chat rooms (a topic, a live event) and rename them.
    ManageChats,
    /// Newsletters: subscriber counts and the export of their addresses (personal data),
    /// digest previews, the send log, and sending breaking alerts.
    ManageNewsletters,
    /// Upload photos.
    UploadMedia,
    /// Change a photo's caption, alt text and credit: the same ownership rules as
    /// [`Action::EditArticle`], since the text shows wherever the photo does.
    EditMedia,
    DeleteMedia,
    /// Invite staff, change roles, disable accounts.
    ManageStaff,
    /// Create, list and revoke Admin API tokens.
    ManageTokens,
    ViewAudit,
    /// Editions and other site settings.
    ManageSettings,
    /// See background jobs that gave up, retry or drop them.
    ManageJobs,
}

/// What an action is about, when ownership matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    None,
    Article(ArticleFacts),
    Photo(PhotoFacts),
}

/// The facts about a photo that decide who may change its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoFacts {
    /// `None` for photos whose uploader was not recorded (demo, imports): editors only.
    pub uploaded_by: Option<i64>,
    /// A published or scheduled article shows it: its text is public.
    pub public: bool,
}

impl From<&newsdesk_store::PhotoUsage> for PhotoFacts {
    fn from(u: &newsdesk_store::PhotoUsage) -> Self {
        PhotoFacts {
            uploaded_by: u.uploaded_by,
            public: !u.shown_by.is_empty(),
        }
    }
}

/// The facts about an article that decide who may touch it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleFacts {
    pub created_by: Option<i64>,
    pub status: ArticleStatus,
    /// Readers have seen it at some point (a deletion then needs an editor).
    pub ever_published: bool,
}

impl From<&Article> for ArticleFacts {
    fn from(a: &Article) -> Self {
        ArticleFacts {
            created_by: a.created_by,
            status: a.status,
            ever_published: a.first_published_at.is_some(),
        }
    }
}

impl From<&ArticleSummary> for ArticleFacts {
    fn from(a: &ArticleSummary) -> Self {
        ArticleFacts {
            created_by: a.created_by,
            status: a.status,
            ever_published: a.first_published_at.is_some(),
        }
    }
}

impl Resource {
    pub fn article(a: impl Into<ArticleFacts>) -> Self {
        Resource::Article(a.into())
    }

    pub fn photo(p: impl Into<PhotoFacts>) -> Self {
        Resource::Photo(p.into())
    }
}

/// `Ok(())` when `actor` may do `action` on `resource`; otherwise a 403 whose message tells
/// the person why (and whom to ask), never a bare "forbidden".
pub fn can(actor: &Actor, action: Action, resource: Resource) -> Result<(), Error> {
    match decide(actor, action, resource) {
        Decision::Allow => Ok(()),
        Decision::Deny(why) => Err(Error::Forbidden(why.to_owned())),
    }
}

/// The same decision as a boolean, for showing or hiding buttons in templates.
pub fn allowed(actor: &Actor, action: Action, resource: Resource) -> bool {
    matches!(decide(actor, action, resource), Decision::Allow)
}

enum Decision {
    Allow,
    Deny(&'static str),
}

fn at_least(actor: &Actor, min: Role, why: &'static str) -> Decision {
    if actor.role >= min {
        Decision::Allow
    } else {
        Decision::Deny(why)
    }
}

fn decide(actor: &Actor, action: Action, resource: Resource) -> Decision {
    if !actor.role.is_staff() {
        return Decision::Deny("this account has no access to the newsroom");
    }
    if actor.role == Role::Moderator {
        return match action {
            Action::Moderate => Decision::Allow,
            _ => Decision::Deny("moderators can only moderate the discussion"),
        };
    }
    let owns =
        |facts: &ArticleFacts| facts.created_by.is_some() && facts.created_by == actor.account_id;
    match action {
        Action::ViewNewsroom | Action::CreateArticle | Action::UploadMedia => Decision::Allow,
        Action::EditArticle => match resource {
            _ if actor.role >= Role::Editor => Decision::Allow,
            Resource::Article(f) if !owns(&f) => {
                Decision::Deny("only editors can change other people's articles")
            }
            // A save of a live article changes what readers see at once: publishing by
            // another name, which contributors may not do.
            Resource::Article(f)
                if actor.role == Role::Contributor
                    && matches!(
                        f.status,
                        ArticleStatus::Published | ArticleStatus::Scheduled
                    ) =>
            {
                Decision::Deny(
                    "contributors cannot change published or scheduled articles; ask an editor",
                )
            }
            Resource::Article(_) => Decision::Allow,
            Resource::None | Resource::Photo(_) => {
                Decision::Deny("only editors can change other people's articles")
            }
        },
        Action::EditMedia => match resource {
            _ if actor.role >= Role::Editor => Decision::Allow,
            Resource::Photo(f) if f.uploaded_by.is_none() || f.uploaded_by != actor.account_id => {
                Decision::Deny("only editors can change photos other people uploaded")
            }
            // Its caption and credit are on a live page: changing them is publishing.
            Resource::Photo(f) if actor.role == Role::Contributor && f.public => Decision::Deny(
                "contributors cannot change photos that published or scheduled articles show; ask an editor",
            ),
            Resource::Photo(_) => Decision::Allow,
            Resource::None | Resource::Article(_) => {
                Decision::Deny("only editors can change photos other people uploaded")
            }
        },
        Action::PublishArticle => match resource {
            _ if actor.role >= Role::Editor => Decision::Allow,
            _ if actor.role < Role::Author => {
                Decision::Deny("contributors cannot publish; ask an editor")
            }
            Resource::Article(f) if owns(&f) => Decision::Allow,
            _ => Decision::Deny("authors can publish only their own articles; ask an editor"),
        },
        Action::DeleteArticle => match resource {
            _ if actor.role >= Role::Editor => Decision::Allow,
            Resource::Article(f) if owns(&f) && !f.ever_published => Decision::Allow,
            Resource::Article(f) if owns(&f) => {
                Decision::Deny("an article readers have seen can only be deleted by an editor")
            }
            _ => Decision::Deny("only editors can delete other people's articles"),
        },
        Action::ManageTaxonomy => {
            at_least(actor, Role::Editor, "only editors manage sections and tags")
        }
        Action::ManageAuthors => {
            at_least(actor, Role::Editor, "only editors manage author profiles")
        }
        Action::ManageEntities => at_least(actor, Role::Editor, "only editors manage entity notes"),
        Action::ManagePages => at_least(actor, Role::Editor, "only editors edit the site's pages"),
        Action::Moderate => at_least(actor, Role::Editor, "only moderators and editors moderate"),
        Action::ManageModeration => at_least(
            actor,
            Role::Editor,
            "only editors set the moderation rules and word lists",
        ),
        Action::WriteNewsfeed => at_least(
            actor,
            Role::Author,
            "contributors cannot publish to the newsfeed; ask an editor",
        ),
        Action::ManageChats => at_least(actor, Role::Editor, "only editors open chat rooms"),
        Action::ManageNewsletters => {
            at_least(actor, Role::Editor, "only editors manage newsletters")
        }
        Action::DeleteMedia => at_least(actor, Role::Editor, "only editors delete photos"),
        Action::ManageStaff => at_least(actor, Role::Admin, "only admins manage staff"),
        Action::ManageTokens => at_least(actor, Role::Admin, "only admins manage API tokens"),
        Action::ViewAudit => at_least(actor, Role::Admin, "only admins read the audit log"),
        Action::ManageSettings => at_least(actor, Role::Admin, "only admins change settings"),
        Action::ManageJobs => at_least(actor, Role::Admin, "only admins manage background jobs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, id: i64) -> Actor {
        Actor {
            account_id: Some(id),
            role,
            name: role.to_string(),
            token_id: None,
            client: None,
        }
    }

    fn article(owner: i64, status: ArticleStatus, ever: bool) -> Resource {
        Resource::Article(ArticleFacts {
            created_by: Some(owner),
            status,
            ever_published: ever,
        })
    }

    #[test]
    fn publishing_follows_the_role_ladder() {
        let mine = article(1, ArticleStatus::Draft, false);
        let theirs = article(2, ArticleStatus::Draft, false);
        assert!(!allowed(
            &actor(Role::Contributor, 1),
            Action::PublishArticle,
            mine
        ));
        assert!(allowed(
            &actor(Role::Author, 1),
            Action::PublishArticle,
            mine
        ));
        assert!(!allowed(
            &actor(Role::Author, 1),
            Action::PublishArticle,
            theirs
        ));
        assert!(allowed(
            &actor(Role::Editor, 1),
            Action::PublishArticle,
            theirs
        ));
        assert!(!allowed(
            &actor(Role::Reader, 1),
            Action::ViewNewsroom,
            Resource::None
        ));
    }

    #[test]
    fn contributors_edit_only_their_own_unpublished_work() {
        let c = actor(Role::Contributor, 1);
        assert!(allowed(
            &c,
            Action::EditArticle,
            article(1, ArticleStatus::Draft, false)
        ));
        assert!(!allowed(
            &c,
            Action::EditArticle,
            article(1, ArticleStatus::Published, true)
        ));
        assert!(!allowed(
            &c,
            Action::EditArticle,
            article(2, ArticleStatus::Draft, false)
        ));
        assert!(allowed(
            &actor(Role::Author, 1),
            Action::EditArticle,
            article(1, ArticleStatus::Published, true)
        ));
    }

    fn photo(uploader: Option<i64>, public: bool) -> Resource {
        Resource::Photo(PhotoFacts {
            uploaded_by: uploader,
            public,
        })
    }

    #[test]
    fn photo_text_follows_article_ownership() {
        let c = actor(Role::Contributor, 1);
        let a = actor(Role::Author, 1);
        assert!(allowed(&c, Action::EditMedia, photo(Some(1), false)));
        assert!(!allowed(&c, Action::EditMedia, photo(Some(1), true)));
        assert!(!allowed(&c, Action::EditMedia, photo(Some(2), false)));
        assert!(!allowed(&c, Action::EditMedia, photo(None, false)));
        assert!(allowed(&a, Action::EditMedia, photo(Some(1), true)));
        assert!(!allowed(&a, Action::EditMedia, photo(Some(2), false)));
        assert!(!allowed(&a, Action::EditMedia, photo(None, false)));
        let e = actor(Role::Editor, 3);
        assert!(allowed(&e, Action::EditMedia, photo(None, true)));
        assert!(allowed(&e, Action::EditMedia, photo(Some(2), true)));
        let anonymous_token = Actor {
            account_id: None,
            ..actor(Role::Author, 1)
        };
        assert!(!allowed(
            &anonymous_token,
            Action::EditMedia,
            photo(None, false)
        ));
    }

    #[test]
    fn deletion_of_seen_articles_needs_an_editor() {
        let a = actor(Role::Author, 1);
        assert!(allowed(
            &a,
            Action::DeleteArticle,
            article(1, ArticleStatus::Draft, false)
        ));
        assert!(!allowed(
            &a,
            Action::DeleteArticle,
            article(1, ArticleStatus::Unpublished, true)
        ));
        assert!(allowed(
            &actor(Role::Editor, 3),
            Action::DeleteArticle,
            article(1, ArticleStatus::Published, true)
        ));
    }

    #[test]
    fn staff_tokens_and_audit_are_admin_only() {
        for action in [
            Action::ManageStaff,
            Action::ManageTokens,
            Action::ViewAudit,
            Action::ManageSettings,
        ] {
            assert!(!allowed(&actor(Role::Editor, 1), action, Resource::None));
            assert!(allowed(&actor(Role::Admin, 1), action, Resource::None));
        }
        assert!(!allowed(
            &actor(Role::Author, 1),
            Action::ManageEntities,
            Resource::None
        ));
        assert!(allowed(
            &actor(Role::Editor, 1),
            Action::ManageEntities,
            Resource::None
        ));
    }

    #[test]
    fn moderators_moderate_and_do_nothing_else() {
        let m = actor(Role::Moderator, 1);
        assert!(allowed(&m, Action::Moderate, Resource::None));
        for action in [
            Action::ViewNewsroom,
            Action::CreateArticle,
            Action::UploadMedia,
            Action::EditArticle,
            Action::PublishArticle,
            Action::ManageModeration,
            Action::ManageTaxonomy,
            Action::ManageStaff,
        ] {
            assert!(!allowed(&m, action, Resource::None), "{action:?}");
        }
        assert!(!allowed(
            &m,
            Action::EditArticle,
            article(1, ArticleStatus::Draft, false)
        ));
        assert!(!allowed(
            &actor(Role::Author, 2),
            Action::Moderate,
            Resource::None
        ));
        assert!(allowed(
            &actor(Role::Editor, 2),
            Action::ManageModeration,
            Resource::None
        ));
    }

    #[test]
    fn newsletters_take_an_editor() {
        for role in [
            Role::Reader,
            Role::Moderator,
            Role::Contributor,
            Role::Author,
        ] {
            assert!(!allowed(
                &actor(role, 1),
                Action::ManageNewsletters,
                Resource::None
            ));
        }
        for role in [Role::Editor, Role::Admin] {
            assert!(allowed(
                &actor(role, 1),
                Action::ManageNewsletters,
                Resource::None
            ));
        }
    }

    #[test]
    fn the_job_queue_is_admin_only() {
        for role in [
            Role::Reader,
            Role::Moderator,
            Role::Contributor,
            Role::Author,
            Role::Editor,
        ] {
            assert!(!allowed(
                &actor(role, 1),
                Action::ManageJobs,
                Resource::None
            ));
        }
        assert!(allowed(
            &actor(Role::Admin, 1),
            Action::ManageJobs,
            Resource::None
        ));
    }
}
