//! A demo newsroom in a temporary folder, and readers for what it wrote.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_core::Article;
use newsdesk_core::body::{PhotoView, RelatedCard, RenderContext, RenderedBody};
use newsdesk_demo::{DemoOptions, DemoReport, generate};
use newsdesk_media::MediaStore;
use newsdesk_store::{ArticleQuery, Store};
use tempfile::TempDir;

pub struct Demo {
    pub store: Store,
    pub media: MediaStore,
    pub report: DemoReport,
    pub now: DateTime<Utc>,
    _dir: TempDir,
}

pub fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0)
        .single()
        .unwrap()
}

/// Small photos keep the debug-build test fast; the pipeline is the same.
pub fn options(articles: usize, seed: u64) -> DemoOptions {
    DemoOptions {
        articles,
        seed,
        photos: 6,
        now: fixed_now(),
        photo_long_edge: 480,
        batch_size: 50,
    }
}

pub async fn demo(opts: &DemoOptions) -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let media = MediaStore::local(&dir.path().join("media")).unwrap();
    let report = generate(&store, &media, opts).await.unwrap();
    Demo {
        store,
        media,
        report,
        now: opts.now,
        _dir: dir,
    }
}

impl Demo {
    /// Every published article, oldest id first.
    pub async fn articles(&self) -> Vec<Article> {
        // The store answers at most 1,000 rows a call (a larger limit is an error).
        let mut ids: Vec<i64> = Vec::new();
        loop {
            let page = self
                .store
                .list_articles(&ArticleQuery {
                    limit: 1000,
                    offset: ids.len() as i64,
                    ..ArticleQuery::default()
                })
                .await
                .unwrap();
            ids.extend(page.iter().map(|a| a.id));
            if page.len() < 1000 {
                break;
            }
        }
        ids.sort_unstable();
        let mut articles = self.store.get_articles(&ids).await.unwrap();
        articles.sort_by_key(|a| a.id);
        articles
    }

    /// Renders a body the way the site does: embeds resolved from the store, notes applied.
    pub async fn render(&self, article: &Article) -> (RenderedBody, Vec<Article>) {
        let refs = newsdesk_core::body::embeds(&article.body);
        let linked = self.store.get_articles(&refs.articles).await.unwrap();
        let photos = self.store.get_photos(&refs.photos).await.unwrap();
        let mut ctx = RenderContext {
            entity_notes: newsdesk_core::body::EntityNotes::shared(
                self.store.entity_notes(&article.edition).await.unwrap(),
            ),
            ..RenderContext::default()
        };
        for a in &linked {
            ctx.related.insert(
                a.id,
                RelatedCard {
                    url: a.path(),
                    headline: a.headline.clone(),
                    published_label: String::new(),
                    datetime: String::new(),
                    photo: None,
                },
            );
        }
        let views: HashMap<i64, PhotoView> = photos
            .iter()
            .map(|p| {
                (
                    p.id,
                    PhotoView {
                        src: format!("/media/{}", p.key),
                        sources: Vec::new(),
                        sizes: "100vw".into(),
                        width: p.width,
                        height: p.height,
                        alt: p.alt_text.clone(),
                        caption: p.caption.clone(),
                        credit_line: p.credit_line(),
                    },
                )
            })
            .collect();
        ctx.photos = views;
        (newsdesk_core::body::render(&article.body, &ctx), linked)
    }
}

/// Share of the letters in `text` that satisfy `script`.
pub fn script_share(text: &str, script: impl Fn(char) -> bool) -> f64 {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 0.0;
    }
    letters.iter().filter(|c| script(**c)).count() as f64 / letters.len() as f64
}

pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

pub fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}
