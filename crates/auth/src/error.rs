use newsdesk_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("background task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}
