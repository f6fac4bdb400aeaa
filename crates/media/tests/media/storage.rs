//! Media storage on a local folder, and the whole upload pipeline on it.

use newsdesk_media::keys::{crop_aspect, original_key, photo_prefix, rendition_key};
use newsdesk_media::{
    Limits, MediaError, MediaStore, StorageConfig, inspect, process_upload, store_original,
};

use crate::support::reference_jpeg;

#[tokio::test]
async fn local_store_round_trip_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = MediaStore::from_config(&StorageConfig::default(), dir.path()).unwrap();
    let key = rendition_key(7, 640, "webp");
    store
        .put(&key, b"abc".to_vec(), "image/webp")
        .await
        .unwrap();
    assert_eq!(&store.get(&key).await.unwrap()[..], b"abc");
    // Default root is <data>/media, laid out like the keys.
    assert!(dir.path().join("media/photos/7/w640.webp").is_file());

    store
        .put(&original_key(7, "jpg"), b"o".to_vec(), "image/jpeg")
        .await
        .unwrap();
    store
        .put(&original_key(8, "jpg"), b"p".to_vec(), "image/jpeg")
        .await
        .unwrap();
    assert_eq!(
        store.list(&photo_prefix(7)).await.unwrap(),
        ["photos/7/original.jpg", "photos/7/w640.webp"]
    );

    store.delete(&key).await.unwrap();
    store.delete(&key).await.unwrap(); // idempotent
    assert!(matches!(
        store.get(&key).await,
        Err(MediaError::NotFound { .. })
    ));

    assert_eq!(store.delete_prefix(&photo_prefix(7)).await.unwrap(), 1);
    assert!(store.list(&photo_prefix(7)).await.unwrap().is_empty());
    assert_eq!(
        &store.get(&original_key(8, "jpg")).await.unwrap()[..],
        b"p",
        "other photos untouched"
    );
}

#[tokio::test]
async fn keys_cannot_escape_the_storage_root() {
    let dir = tempfile::tempdir().unwrap();
    let store = MediaStore::local(&dir.path().join("media")).unwrap();
    for bad in ["../outside.jpg", "photos/../../x", ""] {
        let err = store
            .put(bad, b"x".to_vec(), "image/jpeg")
            .await
            .unwrap_err();
        assert!(matches!(err, MediaError::InvalidKey(_)), "{bad}: {err:?}");
    }
    assert!(!dir.path().join("outside.jpg").exists());
}

#[tokio::test]
async fn an_upload_becomes_stored_renditions_and_crops() {
    let dir = tempfile::tempdir().unwrap();
    let store = MediaStore::local(dir.path()).unwrap();
    let bytes = reference_jpeg();
    let inspected = inspect(&bytes, &Limits::default()).unwrap();
    let original = store_original(&store, 42, &bytes, &inspected)
        .await
        .unwrap();
    assert_eq!(original, "photos/42/original.jpg");

    let records = process_upload(&store, 42, &bytes).await.unwrap();
    let crops: Vec<_> = records
        .iter()
        .filter(|r| crop_aspect(&r.key).is_some())
        .collect();
    let renditions: Vec<_> = records
        .iter()
        .filter(|r| crop_aspect(&r.key).is_none())
        .collect();
    assert_eq!(renditions.len(), 14);
    // The three JSON-LD crops, then the hero frame's 16:9 ladder (2:1 is not 16:9): its
    // 1778 px wide window allows six widths, each in WebP and JPEG.
    assert_eq!(crops.len(), 3 + 12);
    let c16 = crops
        .iter()
        .find(|r| crop_aspect(&r.key) == Some((16, 9)))
        .unwrap();
    assert_eq!(
        (c16.width, c16.height, c16.key.as_str()),
        (1200, 675, "photos/42/c16x9-w1200.jpg")
    );
    assert!(
        records
            .iter()
            .any(|r| r.key == "photos/42/w960.webp" && r.content_type == "image/webp")
    );
    for r in &records {
        let stored = store.get(&r.key).await.unwrap();
        let decoded = image::load_from_memory(&stored).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (r.width, r.height),
            "{}",
            r.key
        );
    }
    assert_eq!(
        store.delete_prefix(&photo_prefix(42)).await.unwrap(),
        18 + 12
    );
}

#[test]
fn s3_secrets_stay_out_of_debug_output() {
    let config: StorageConfig = serde_json::from_value(serde_json::json!({
        "kind": "s3", "bucket": "news", "region": "eu-west-1",
        "access_key_id": "AKIA", "secret_access_key": "very-secret"
    }))
    .unwrap();
    let shown = format!("{config:?}");
    assert!(
        shown.contains("news") && !shown.contains("very-secret"),
        "{shown}"
    );
    assert!(config.is_shared());
}
