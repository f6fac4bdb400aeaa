//! `TestApp`: the real router on a temp SQLite store, and fixture builders.
#![expect(
    clippy::unwrap_used,
    reason = "fixture helpers fail the test loudly on the first surprise"
)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use chrono::{DateTime, Duration, TimeZone, Utc};
use http_body_util::BodyExt;
use newsdesk_bus::Bus;
use newsdesk_core::{Article, ArticleDraft, Credit, Direction, Edition, Event, Rendition};
use newsdesk_media::MediaStore;
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{NewAuthor, NewEntity, NewPhoto, NewSection, NewTag, PhotoId, Store};
use tempfile::TempDir;
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    router: Router,
    pub fx: Fixture,
    _dir: TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// Ids of what the fixture newsroom holds.
pub struct Fixture {
    pub world: i64,
    pub business: i64,
    pub elections: i64,
    /// Jane Reporter: the lead story's byline.
    pub author: i64,
    /// The news desk: the byline of every other fixture story, which publishing asks for.
    pub desk: i64,
    pub photo: i64,
    /// Published English lead story, with hero, tag, author, entity mention, related card.
    pub lead: Article,
    /// Published English story, older; the lead's related card points at it.
    pub older: Article,
    pub draft: Article,
    pub unpublished: Article,
    pub russian: Article,
    pub arabic: Article,
}

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .single()
        .unwrap()
}

impl TestApp {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let state = AppState::new(
            store,
            Bus::in_process(),
            MediaStore::memory(),
            AppConfig::for_tests(dir.path().to_path_buf()),
        )
        .unwrap();
        let fx = Fixture::build(&state).await;
        let router = newsdesk_server::router(state.clone());
        Self {
            state,
            router,
            fx,
            _dir: dir,
        }
    }

    pub fn store(&self) -> &Store {
        self.state.store()
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.get_with(uri, &[]).await
    }

    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// Any request, as the server gets it.
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            bytes,
        }
    }

    /// A write made the way every newsroom handler makes one: store, then `after_write`.
    pub async fn written(&self, event: Event) {
        self.state.after_write(&event).await;
    }
}

/// Builds and publishes an article. Publishing asks for a section and a byline
/// (`newsdesk_core::publishable`): give both to anything passed to [`ArticleBuilder::publish`].
pub struct ArticleBuilder {
    draft: ArticleDraft,
    published_at: Option<DateTime<Utc>>,
}

impl ArticleBuilder {
    pub fn new(edition: &str, headline: &str) -> Self {
        Self {
            draft: ArticleDraft {
                edition: edition.into(),
                headline: headline.into(),
                lead: format!("What happened: {headline}."),
                body: "First paragraph of the story.\n\nSecond paragraph.".into(),
                in_newsfeed: true,
                ..Default::default()
            },
            published_at: None,
        }
    }

    pub fn lead(mut self, lead: &str) -> Self {
        self.draft.lead = lead.into();
        self
    }

    pub fn body(mut self, body: &str) -> Self {
        self.draft.body = body.into();
        self
    }

    pub fn section(mut self, id: i64) -> Self {
        self.draft.section_id = Some(id);
        self
    }

    pub fn tags(mut self, ids: &[i64]) -> Self {
        self.draft.tag_ids = ids.to_vec();
        self
    }

    pub fn authors(mut self, ids: &[i64]) -> Self {
        self.draft.author_ids = ids.to_vec();
        self
    }

    pub fn hero(mut self, id: i64) -> Self {
        self.draft.hero_photo_id = Some(id);
        self
    }

    pub fn published_at(mut self, when: DateTime<Utc>) -> Self {
        self.published_at = Some(when);
        self
    }

    pub async fn draft(self, store: &Store) -> Article {
        store.create_article(&self.draft, None).await.unwrap().0
    }

    pub async fn publish(self, store: &Store) -> Article {
        let when = self
            .published_at
            .unwrap_or_else(|| Utc::now() - Duration::hours(1));
        let article = store.create_article(&self.draft, None).await.unwrap().0;
        store
            .publish_article(article.id, when, None)
            .await
            .unwrap()
            .0
    }
}

fn edition(code: &str, name: &str, tz: &str, default: bool) -> Edition {
    Edition {
        code: code.into(),
        name: name.into(),
        direction: Direction::for_language(code),
        time_zone: tz.into(),
        is_default: default,
    }
}

impl Fixture {
    async fn build(state: &AppState) -> Self {
        let store = state.store();
        store
            .upsert_edition(&edition("en", "English", "Europe/London", true))
            .await
            .unwrap();
        store
            .upsert_edition(&edition("ru", "Русский", "Europe/Moscow", false))
            .await
            .unwrap();
        store
            .upsert_edition(&edition("ar", "العربية", "Asia/Dubai", false))
            .await
            .unwrap();
        let section = |edition: &str, slug: &str, name: &str, position| NewSection {
            edition: edition.into(),
            slug: slug.into(),
            name: name.into(),
            position,
        };
        let world = store
            .create_section(&section("en", "world", "World", 0))
            .await
            .unwrap()
            .id;
        let business = store
            .create_section(&section("en", "business", "Business", 1))
            .await
            .unwrap()
            .id;
        let ru_world = store
            .create_section(&section("ru", "mir", "Мир", 0))
            .await
            .unwrap()
            .id;
        let ar_world = store
            .create_section(&section("ar", "world", "العالم", 0))
            .await
            .unwrap()
            .id;
        let elections = store
            .create_tag(&NewTag {
                edition: "en".into(),
                slug: "elections".into(),
                name: "Elections".into(),
            })
            .await
            .unwrap()
            .id;
        let author = store
            .create_author(&NewAuthor {
                slug: "jane-reporter".into(),
                name: "Jane Reporter".into(),
                bio: "Jane covers European politics.".into(),
                photo_id: None,
                account_id: None,
            })
            .await
            .unwrap()
            .id;
        let desk = store
            .create_author(&NewAuthor {
                slug: "news-desk".into(),
                name: "News Desk".into(),
                bio: String::new(),
                photo_id: None,
                account_id: None,
            })
            .await
            .unwrap()
            .id;
        let photo = store
            .create_photo(&NewPhoto {
                key: "photos/1/original.jpg".into(),
                content_type: "image/jpeg".into(),
                width: 3000,
                height: 2000,
                byte_size: 1000,
                caption: "Voters queue outside a polling station in Leeds".into(),
                alt_text: "A long line of people with umbrellas outside a brick school".into(),
                credit: Credit {
                    agency: "REUTERS".into(),
                    creator: "Jane Doe".into(),
                },
                copyright_notice: "© Reuters 2026".into(),
                copyright_year: Some(2026),
                uploaded_by: None,
            })
            .await
            .unwrap()
            .id;
        let mut renditions = Vec::new();
        for width in [480u32, 960, 1920] {
            for (mime, ext) in [("image/webp", "webp"), ("image/jpeg", "jpg")] {
                renditions.push(Rendition {
                    width,
                    height: width * 2 / 3,
                    content_type: mime.into(),
                    key: format!("photos/{photo}/w{width}.{ext}"),
                });
            }
        }
        store
            .set_photo_renditions(PhotoId(photo), &renditions)
            .await
            .unwrap();
        store
            .create_entity(&NewEntity {
                name: "Acme Holdings".into(),
                aliases: vec![],
                notes: [(
                    "en".to_owned(),
                    "Acme Holdings is under investigation by the regulator.".to_owned(),
                )]
                .into(),
            })
            .await
            .unwrap();

        let older = ArticleBuilder::new("en", "Turnout expected to be high")
            .section(world)
            .authors(&[desk])
            .published_at(at(25, 9))
            .publish(store)
            .await;
        let lead = ArticleBuilder::new("en", "Parliament passes the budget")
            .lead("The vote ends months of negotiation.")
            .body(&format!(
                "Acme Holdings welcomed the vote on Tuesday.\n\n::related[{}]\n\nThe opposition said it would keep fighting.",
                older.id
            ))
            .section(world)
            .tags(&[elections])
            .authors(&[author])
            .hero(photo)
            .published_at(at(26, 14))
            .publish(store)
            .await;
        let draft = ArticleBuilder::new("en", "Secret draft about the budget")
            .section(business)
            .draft(store)
            .await;
        let unpublished = ArticleBuilder::new("en", "A story taken down")
            .section(world)
            .authors(&[desk])
            .published_at(at(24, 8))
            .publish(store)
            .await;
        let unpublished = store
            .unpublish_article(unpublished.id, None)
            .await
            .unwrap()
            .0;
        let russian = ArticleBuilder::new("ru", "Парламент принял бюджет")
            .section(ru_world)
            .authors(&[desk])
            .published_at(at(26, 12))
            .publish(store)
            .await;
        let arabic = ArticleBuilder::new("ar", "البرلمان يقر الميزانية")
            .section(ar_world)
            .authors(&[desk])
            .published_at(at(26, 11))
            .publish(store)
            .await;
        Self {
            world,
            business,
            elections,
            author,
            desk,
            photo,
            lead,
            older,
            draft,
            unpublished,
            russian,
            arabic,
        }
    }
}
