use newsdesk_store::{Backend, Store, StoreError};

store_test!(migrations_apply_and_rerun, |store| {
    assert!(store.is_empty().await?, "a fresh database has no edition");
    // A second run (another instance starting) is a no-op, not an error.
    store.migrate().await?;
    crate::fixtures::edition(&store, "en").await?;
    assert!(!store.is_empty().await?);
    Ok(())
});

#[tokio::test]
async fn unknown_url_scheme_is_named() {
    let err = Store::connect("mysql://localhost/news").await.err();
    let message = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("\"mysql\""), "{message}");
    let err = Store::connect("newsdesk.db").await.err();
    assert!(err.is_some(), "a URL without a scheme is refused");
}

#[tokio::test]
async fn sqlite_url_creates_the_file_but_not_a_missing_directory() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("news.db");
    let store = Store::connect(&format!("sqlite://{}", path.display())).await?;
    assert_eq!(store.backend(), Backend::Sqlite);
    store.migrate().await?;
    assert!(path.exists());
    store.close().await;

    let missing = dir.path().join("no-such-dir").join("news.db");
    let err = Store::connect(&format!("sqlite://{}", missing.display())).await;
    assert!(matches!(err, Err(StoreError::Database(_))));
    assert!(!missing.exists());
    Ok(())
}
