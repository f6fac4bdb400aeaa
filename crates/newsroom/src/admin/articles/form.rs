//! The article form: what the browser posts, turned into an [`ArticleDraft`], and the
//! context the editor template renders (shared by new, edit and refused saves, so a
//! refused save shows exactly the text that was typed).

use std::collections::BTreeMap;

use minijinja::{Value, context};
use newsdesk_core::{Article, ArticleDraft, ArticleStatus, ValidationError};
use newsdesk_site::{AppState, HttpError};
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::admin::forms::{checkbox, finish, ids, optional_id};
use crate::policy::{Action, ArticleFacts, Resource, allowed};

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ArticleForm {
    pub edition: String,
    pub slug: String,
    pub headline: String,
    pub lead: String,
    pub body: String,
    pub hero_photo_id: String,
    pub section_id: String,
    pub tag_ids: Vec<String>,
    pub author_ids: Vec<String>,
    pub in_newsfeed: String,
    pub breaking: String,
    pub important: String,
    pub seo_title: String,
    pub meta_description: String,
    pub social_photo_id: String,
    /// The version the form was loaded at (optimistic lock).
    pub version: String,
    /// `save` or `publish` (save, then publish).
    pub then: String,
    /// The article id, for previews of saved articles.
    pub id: String,
    pub csrf: String,
}

impl ArticleForm {
    pub fn from_article(a: &Article) -> Self {
        ArticleForm {
            edition: a.edition.clone(),
            slug: a.slug.clone(),
            headline: a.headline.clone(),
            lead: a.lead.clone(),
            body: a.body.clone(),
            hero_photo_id: a.hero_photo_id.map(|i| i.to_string()).unwrap_or_default(),
            section_id: a.section_id.map(|i| i.to_string()).unwrap_or_default(),
            tag_ids: a.tag_ids.iter().map(i64::to_string).collect(),
            author_ids: a.author_ids.iter().map(i64::to_string).collect(),
            in_newsfeed: if a.in_newsfeed {
                "on".to_owned()
            } else {
                String::new()
            },
            breaking: if a.breaking {
                "on".to_owned()
            } else {
                String::new()
            },
            important: if a.important {
                "on".to_owned()
            } else {
                String::new()
            },
            seo_title: a.seo_title.clone(),
            meta_description: a.meta_description.clone(),
            social_photo_id: a.social_photo_id.map(|i| i.to_string()).unwrap_or_default(),
            version: a.version.to_string(),
            id: a.id.to_string(),
            ..ArticleForm::default()
        }
    }

    /// A blank form for a new article in `edition` (newsfeed on: most stories belong there).
    pub fn blank(edition: &str) -> Self {
        ArticleForm {
            edition: edition.to_owned(),
            in_newsfeed: "on".to_owned(),
            ..ArticleForm::default()
        }
    }

    pub fn draft(&self) -> Result<ArticleDraft, ValidationError> {
        let mut errors = Vec::new();
        let draft = ArticleDraft {
            edition: self.edition.trim().to_owned(),
            slug: self.slug.trim().to_owned(),
            headline: self.headline.trim().to_owned(),
            lead: self.lead.trim().to_owned(),
            body: self.body.replace("\r\n", "\n"),
            hero_photo_id: optional_id(&self.hero_photo_id, "hero_photo_id", &mut errors),
            section_id: optional_id(&self.section_id, "section_id", &mut errors),
            tag_ids: ids(&self.tag_ids, "tag_ids", &mut errors),
            author_ids: ids(&self.author_ids, "author_ids", &mut errors),
            in_newsfeed: checkbox(&self.in_newsfeed),
            breaking: checkbox(&self.breaking),
            important: checkbox(&self.important),
            seo_title: self.seo_title.trim().to_owned(),
            meta_description: self.meta_description.trim().to_owned(),
            social_photo_id: optional_id(&self.social_photo_id, "social_photo_id", &mut errors),
        };
        finish(errors)?;
        draft.validate()?;
        Ok(draft)
    }

    pub fn version(&self) -> i64 {
        self.version.trim().parse().unwrap_or(0)
    }
}

/// What the editor template needs besides the form itself.
pub struct EditorPage<'a> {
    pub form: &'a ArticleForm,
    pub article: Option<&'a Article>,
    pub errors: BTreeMap<String, Vec<String>>,
    pub notice: Option<&'static str>,
    /// Set when a save was refused because someone else saved first.
    pub stale: Option<Value>,
}

pub async fn editor_context(
    state: &AppState,
    actor: &Actor,
    p: EditorPage<'_>,
) -> Result<Value, HttpError> {
    let store = state.store();
    let editions = store.list_editions().await?;
    let edition = editions.iter().find(|e| e.code == p.form.edition).cloned();
    let (sections, tags) = match &edition {
        Some(e) => (
            store.list_sections(&e.code).await?,
            store.list_tags(&e.code).await?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let authors = store.list_authors().await?;
    let hero = match p.form.hero_photo_id.trim().parse::<i64>() {
        Ok(id) => store.get_photo(id).await.ok(),
        Err(_) => None,
    };
    let (corrections, translations, revisions) = match p.article {
        Some(a) => (
            store.list_corrections(a.id).await?,
            store.translations(a).await?,
            store.list_revisions(a.id).await?.len(),
        ),
        None => (Vec::new(), Vec::new(), 0),
    };
    let facts = p.article.map(Resource::article);
    // A new article will be the actor's own draft: the rules for that decide the buttons.
    let own_new_draft = Resource::Article(ArticleFacts {
        created_by: actor.account_id,
        status: ArticleStatus::Draft,
        ever_published: false,
    });
    let may = |action| facts.is_none_or(|r| allowed(actor, action, r));
    let tz = edition
        .as_ref()
        .map(|e| e.time_zone.clone())
        .unwrap_or_else(|| "UTC".to_owned());
    let search =
        crate::admin::articles::search_preview::context(state, p.form, p.article, hero.as_ref())
            .await?;
    let words = newsdesk_core::reading::body_words(&p.form.body);
    let other_editions: Vec<_> = editions
        .iter()
        .filter(|e| e.code != p.form.edition)
        .cloned()
        .collect();
    Ok(context! {
        nav => "articles",
        form => Value::from_serialize(p.form),
        article => p.article.map(Value::from_serialize),
        edition => edition.as_ref().map(Value::from_serialize),
        editions => Value::from_serialize(&editions),
        other_editions => Value::from_serialize(&other_editions),
        tz => tz,
        sections => Value::from_serialize(&sections),
        tags => Value::from_serialize(&tags),
        authors => Value::from_serialize(&authors),
        hero => hero.as_ref().map(Value::from_serialize),
        hero_thumb => hero.as_ref().map(crate::admin::search::thumbnail),
        live_path => p.article.filter(|a| a.is_public()).map(Article::path),
        corrections => Value::from_serialize(&corrections),
        translations => Value::from_serialize(&translations),
        revisions => revisions,
        errors => Value::from_serialize(&p.errors),
        notice => p.notice,
        stale => p.stale,
        // Over by the edit and new pages with what they offer; as it stands, autosaving
        // the form goes on without a notice (a refused save shows the text that was sent).
        autosave => crate::admin::articles::autosave::quiet(p.article, &p.form.edition),
        search => search,
        reading => newsdesk_core::reading::reading_label(words),
        may => context! {
            edit => may(Action::EditArticle),
            publish => allowed(actor, Action::PublishArticle, facts.unwrap_or(own_new_draft)),
            delete => facts.is_some_and(|r| allowed(actor, Action::DeleteArticle, r)),
        },
    })
}
