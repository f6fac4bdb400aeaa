//! The article page reads its cards and photos through `article_refs` in one statement
//! (issue 13); should those rows ever be missing, what the body names is still shown.

use http::StatusCode;
use sqlx::Connection;

use crate::support::TestApp;

#[tokio::test]
async fn an_article_shows_its_card_and_photo_even_without_its_recorded_references() {
    let app = TestApp::new().await;
    let lead = app.fx.lead.clone();
    let db = app.state.config().data_dir.join("newsdesk.db");
    let mut raw = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let removed = sqlx::query("DELETE FROM article_refs WHERE article_id = $1")
        .bind(lead.id)
        .execute(&mut raw)
        .await
        .unwrap()
        .rows_affected();
    assert!(removed >= 2, "the hero and the card were recorded");

    let page = app.get(&lead.path()).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    let card = html
        .split("<aside class=\"related\">")
        .nth(1)
        .unwrap_or_default();
    assert!(
        card.contains(&app.fx.older.path()) && card.contains("Turnout expected to be high"),
        "the related card points at the older story"
    );
    let hero = format!("photos/{}/w960.webp", app.fx.photo);
    assert!(html.contains(&hero), "the hero photo is printed");
}
