//! Where originals and renditions live: a local folder, or S3-compatible object storage
//! when several instances serve the same site.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bytes::Bytes;
use futures::TryStreamExt;
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path as ObjectPath;
use object_store::{Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions, PutPayload};
use serde::Deserialize;

use crate::error::MediaError;

/// Media storage settings.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum StorageConfig {
    /// A folder on this machine; default `<data dir>/media`. Only for a single instance.
    Local {
        /// The folder; relative to the data directory when relative, `media` when absent.
        #[serde(default)]
        root: Option<PathBuf>,
    },
    /// S3 or an S3-compatible service (MinIO, Garage, R2...). Needs the `s3` cargo feature.
    S3 {
        bucket: String,
        /// e.g. `eu-west-1`; S3-compatible services often accept any value.
        region: String,
        /// Endpoint URL for S3-compatible services; AWS when absent.
        #[serde(default)]
        endpoint: Option<String>,
        access_key_id: String,
        secret_access_key: String,
        /// Allow plain-HTTP endpoints (a MinIO on localhost). Never for production.
        #[serde(default)]
        allow_http: bool,
    },
    /// Kept in memory and lost at exit: tests only.
    Memory,
}

impl std::fmt::Debug for StorageConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageConfig::Local { root } => f.debug_struct("Local").field("root", root).finish(),
            StorageConfig::S3 {
                bucket,
                region,
                endpoint,
                access_key_id,
                allow_http,
                ..
            } => f
                .debug_struct("S3")
                .field("bucket", bucket)
                .field("region", region)
                .field("endpoint", endpoint)
                .field("access_key_id", access_key_id)
                .field("secret_access_key", &"[redacted]")
                .field("allow_http", allow_http)
                .finish(),
            StorageConfig::Memory => f.write_str("Memory"),
        }
    }
}

impl Default for StorageConfig {
    fn default() -> Self {
        StorageConfig::Local { root: None }
    }
}

impl StorageConfig {
    /// Whether several instances can share this storage.
    pub fn is_shared(&self) -> bool {
        matches!(self, StorageConfig::S3 { .. })
    }
}

/// Media storage. Cheap to clone.
#[derive(Debug, Clone)]
pub struct MediaStore {
    inner: Arc<dyn ObjectStore>,
    /// Local folders cannot store a content type with the file; it is derived from the key.
    keeps_content_type: bool,
}

impl MediaStore {
    /// Open the configured storage, creating the local folder if needed.
    pub fn from_config(config: &StorageConfig, data_dir: &Path) -> Result<Self, MediaError> {
        match config {
            StorageConfig::Local { root } => {
                let root = match root {
                    Some(r) if r.is_absolute() => r.clone(),
                    Some(r) => data_dir.join(r),
                    None => data_dir.join("media"),
                };
                Self::local(&root)
            }
            StorageConfig::Memory => Ok(Self::memory()),
            StorageConfig::S3 { .. } => Self::s3(config),
        }
    }

    pub fn local(root: &Path) -> Result<Self, MediaError> {
        std::fs::create_dir_all(root).map_err(|e| {
            MediaError::StorageConfig(format!("cannot create {}: {e}", root.display()))
        })?;
        let fs = LocalFileSystem::new_with_prefix(root)?.with_automatic_cleanup(true);
        Ok(MediaStore {
            inner: Arc::new(fs),
            keeps_content_type: false,
        })
    }

    pub fn memory() -> Self {
        MediaStore {
            inner: Arc::new(InMemory::new()),
            keeps_content_type: true,
        }
    }

    #[cfg(feature = "s3")]
    fn s3(config: &StorageConfig) -> Result<Self, MediaError> {
        use object_store::aws::AmazonS3Builder;
        let StorageConfig::S3 {
            bucket,
            region,
            endpoint,
            access_key_id,
            secret_access_key,
            allow_http,
        } = config
        else {
            return Err(MediaError::StorageConfig("not an S3 configuration".into()));
        };
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region(region)
            .with_access_key_id(access_key_id)
            .with_secret_access_key(secret_access_key)
            .with_allow_http(*allow_http);
        if let Some(endpoint) = endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        Ok(MediaStore {
            inner: Arc::new(builder.build()?),
            keeps_content_type: true,
        })
    }

    #[cfg(not(feature = "s3"))]
    fn s3(_config: &StorageConfig) -> Result<Self, MediaError> {
        Err(MediaError::StorageConfig(
            "this build has no S3 support; build with `--features newsdesk-media/s3`".into(),
        ))
    }

    pub async fn put(
        &self,
        key: &str,
        bytes: impl Into<Bytes>,
        content_type: &str,
    ) -> Result<(), MediaError> {
        let path = path(key)?;
        let mut options = PutOptions::default();
        if self.keeps_content_type {
            let mut attributes = Attributes::new();
            attributes.insert(Attribute::ContentType, content_type.to_owned().into());
            options.attributes = attributes;
        }
        self.inner
            .put_opts(&path, PutPayload::from_bytes(bytes.into()), options)
            .await?;
        Ok(())
    }

    /// The stored bytes; [`MediaError::NotFound`] when the key is absent.
    pub async fn get(&self, key: &str) -> Result<Bytes, MediaError> {
        let path = path(key)?;
        let result = self.inner.get(&path).await.map_err(|e| not_found(e, key))?;
        result.bytes().await.map_err(|e| not_found(e, key))
    }

    /// Remove one object; removing an absent key is not an error (jobs are retried).
    pub async fn delete(&self, key: &str) -> Result<(), MediaError> {
        match self.inner.delete(&path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Remove every object under `prefix` (e.g. [`crate::keys::photo_prefix`]); returns
    /// how many were removed.
    pub async fn delete_prefix(&self, prefix: &str) -> Result<usize, MediaError> {
        let prefix = path(prefix.trim_end_matches('/'))?;
        let metas: Vec<_> = self.inner.list(Some(&prefix)).try_collect().await?;
        let mut removed = 0;
        for meta in metas {
            match self.inner.delete(&meta.location).await {
                Ok(()) => removed += 1,
                Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(removed)
    }

    /// Keys under `prefix` with when each was last written, sorted by key: what the
    /// orphan sweep judges age by (a local file's mtime, an S3 object's `Last-Modified`).
    pub async fn list_modified(
        &self,
        prefix: &str,
    ) -> Result<Vec<(String, SystemTime)>, MediaError> {
        let prefix = path(prefix.trim_end_matches('/'))?;
        let metas: Vec<_> = self.inner.list(Some(&prefix)).try_collect().await?;
        let mut out: Vec<(String, SystemTime)> = metas
            .into_iter()
            .map(|m| (m.location.to_string(), m.last_modified.into()))
            .collect();
        out.sort();
        Ok(out)
    }

    /// Keys under `prefix`, sorted.
    pub async fn list(&self, prefix: &str) -> Result<Vec<String>, MediaError> {
        let prefix = path(prefix.trim_end_matches('/'))?;
        let metas: Vec<_> = self.inner.list(Some(&prefix)).try_collect().await?;
        let mut keys: Vec<String> = metas.into_iter().map(|m| m.location.to_string()).collect();
        keys.sort();
        Ok(keys)
    }
}

fn path(key: &str) -> Result<ObjectPath, MediaError> {
    if key.is_empty() || key.split('/').any(|s| s == "." || s == "..") {
        return Err(MediaError::InvalidKey(key.to_owned()));
    }
    ObjectPath::parse(key).map_err(|_| MediaError::InvalidKey(key.to_owned()))
}

fn not_found(e: object_store::Error, key: &str) -> MediaError {
    match e {
        object_store::Error::NotFound { .. } => MediaError::NotFound {
            key: key.to_owned(),
        },
        other => other.into(),
    }
}
