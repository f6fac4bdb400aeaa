//! The Admin API's request and response shapes (with their OpenAPI schemas).

pub mod articles;
pub mod jobs;
pub mod people;
pub mod photos;
pub mod revisions;
pub mod taxonomy;
