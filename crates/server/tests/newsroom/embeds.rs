//! Posts and videos in a body (`::embed[URL]`, #18): published through the Admin API, the
//! public page shows a video facade and a post card linking to the originals, with nothing
//! that makes a reader's browser contact the providers; feeds get plain links; an address
//! that is not a supported post or video is refused with a message that says so, by the
//! API and by the form.

use axum::body::Body;
use http::{Method, Request, StatusCode};
use newsdesk_core::Role;
use serde_json::json;

use crate::api_support::{bearer, call};
use crate::support::{TestApp, unescape};

const ARTICLES: &str = "/api/v1/admin/articles";
const REFUSED: &str = "This address is not a supported social post or video: ";

#[tokio::test]
async fn a_published_video_and_post_show_as_facade_and_card_without_third_party_content() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    let body = "The first crossing was filmed.\n\n\
        ::embed[https://youtu.be/dQw4w9WgXcQ?si=tracking]{caption=\"The \\\"first\\\" crossing\"}\n\n\
        The harbour master posted about it.\n\n\
        ::embed[https://bsky.app/profile/harbour.example.com/post/3kgbz4ccwjm2s]";
    let created = call(
        &app,
        Method::POST,
        ARTICLES,
        &editor,
        Some(&json!({
            "edition": "en",
            "headline": "Ferry crossings double",
            "lead": "A new terminal opens.",
            "body": body,
            "section_id": app.desk.section("en"),
            "author_ids": [app.desk.author],
        })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().unwrap();
    let published = call(
        &app,
        Method::POST,
        &format!("{ARTICLES}/{id}/publish"),
        &editor,
        None,
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);

    let path = app.store().get_article(id).await.unwrap().path();
    let page = app
        .send(Request::get(&path).body(Body::empty()).unwrap())
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    let youtube = "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"";
    assert!(
        html.contains(&format!(
            "<figure class=\"embed embed-video\"><a class=\"embed-play\" {youtube} rel=\"noopener nofollow\"><span class=\"embed-provider\">YouTube</span> <span class=\"embed-play-label\">Play video</span></a>"
        )),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"caption\">The \"first\" crossing</span>"),
        "{html}"
    );
    assert!(
        !html.contains("si=tracking"),
        "the link is rebuilt without tracking"
    );
    assert!(html.contains("<figure class=\"embed embed-social\"><p class=\"embed-source\"><span class=\"embed-provider\">Bluesky</span> <span class=\"embed-account\">@harbour.example.com</span></p>"), "{html}");
    assert!(
        html.contains("<a class=\"embed-link\" href=\"https://bsky.app/profile/harbour.example.com/post/3kgbz4ccwjm2s\" rel=\"noopener nofollow\">View this post on Bluesky</a>"),
        "{html}"
    );
    // Nothing on the page makes the reader's browser ask a provider for anything.
    assert!(!html.contains("<iframe"), "{html}");
    for src in regex::Regex::new(r#"<script[^>]* src="([^"]*)""#)
        .unwrap()
        .captures_iter(html)
    {
        assert!(
            src[1].starts_with("/static/"),
            "third-party script {}",
            &src[1]
        );
    }
    assert!(
        !regex::Regex::new(r#"(?:src|srcset)="(?:https?:)?//"#)
            .unwrap()
            .is_match(html),
        "nothing is loaded from another host"
    );
    assert!(
        html.contains("/static/embeds."),
        "the facade's script is there"
    );
    // The player embeds.js makes is the one frame source the page may load.
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com;"),
        "{csp}"
    );

    // A feed reader runs no script: the embeds are links to the originals.
    let feed = app
        .send(Request::get("/en/feed.json").body(Body::empty()).unwrap())
        .await;
    assert_eq!(feed.status, StatusCode::OK);
    let content = feed.json()["items"][0]["content_html"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        content.contains("<p>The \"first\" crossing <a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener nofollow\">Watch on YouTube</a></p>"),
        "{content}"
    );
    assert!(content.contains("<p><a href=\"https://bsky.app/profile/harbour.example.com/post/3kgbz4ccwjm2s\" rel=\"noopener nofollow\">View this post on Bluesky</a></p>"), "{content}");
    assert!(!content.contains("embed-play"), "{content}");
}

#[tokio::test]
async fn an_unsupported_address_is_refused_with_the_reason_by_the_api_and_the_form() {
    let app = TestApp::new().await;
    let (_, editor) = bearer(&app, Role::Editor).await;
    for address in [
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)",
    ] {
        let r = call(
            &app,
            Method::POST,
            ARTICLES,
            &editor,
            Some(&json!({
                "edition": "en",
                "headline": "Embeds",
                "body": format!("Text.\n\n::embed[{address}]"),
            })),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let fields = r.json()["error"]["fields"].clone();
        let field = &fields.as_array().unwrap()[0];
        assert_eq!(field["field"], "body", "{fields}");
        assert!(
            field["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{REFUSED}{address}.")),
            "{fields}"
        );
    }

    // The form keeps the text and puts the message by the body.
    let mut desk = app.client_as(Role::Editor).await;
    let body = "Watch this.\n\n::embed[https://vimeo.com/channels/staffpicks/1]";
    let r = desk
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("headline", "Embeds in the form"),
                ("body", body),
                ("then", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let html = unescape(&r.body);
    assert!(
        html.contains(&format!(
            "{REFUSED}https://vimeo.com/channels/staffpicks/1."
        )),
        "{html}"
    );
    assert!(html.contains(body), "the text typed is kept");
    assert!(
        app.store()
            .list_articles(&newsdesk_store::ArticleQuery {
                any_status: true,
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap()
            .is_empty(),
        "nothing was saved"
    );
}
