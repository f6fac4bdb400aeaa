//! What can go wrong with an upload or its processing.
//!
//! The `Display` text of the upload-facing variants is written for the person who uploaded
//! the file: the web layer puts it into a 4xx response as is. Storage and encoding failures
//! are server-side problems; their text is for the log, and the web layer answers 5xx.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum MediaError {
    #[error("The file is empty.")]
    Empty,

    #[error("The file is {size} bytes; the largest accepted upload is {max} bytes.")]
    TooLarge { size: usize, max: usize },

    #[error(
        "The file is not a JPEG, PNG or WebP image (its content was checked, not its name). \
         Please upload a photo in one of those formats."
    )]
    UnsupportedFormat,

    #[error("{format} images are not supported yet. Please upload a JPEG, PNG or WebP version.")]
    NotSupportedYet { format: &'static str },

    #[error(
        "The image is {width}×{height} pixels ({pixels} pixels); the limit is {max} pixels. \
         Please upload a smaller version."
    )]
    TooManyPixels {
        width: u32,
        height: u32,
        pixels: u64,
        max: u64,
    },

    #[error("The image has no pixels ({width}×{height}).")]
    ZeroSize { width: u32, height: u32 },

    #[error("The {format} image is damaged or incomplete and cannot be read: {detail}")]
    Corrupt {
        format: &'static str,
        detail: String,
    },

    #[error(
        "Decoding this {width}×{height} image would take about {needed_mib} MiB of memory; \
         this server decodes at most {budget_mib} MiB of images at a time. \
         Please upload a smaller version (fewer pixels, or 8 bits per channel)."
    )]
    OverBudget {
        width: u32,
        height: u32,
        needed_mib: u64,
        budget_mib: u64,
    },

    #[error("The server is busy decoding other images; please try again in a moment.")]
    Busy,

    #[error("crop aspect {0}:{1} is not one of 16:9, 4:3, 1:1")]
    UnsupportedAspect(u32, u32),

    #[error("image resize failed: {0}")]
    Resize(String),

    #[error("image encoding failed: {0}")]
    Encode(String),

    #[error("media storage: {0}")]
    Storage(#[from] object_store::Error),

    #[error("media storage configuration: {0}")]
    StorageConfig(String),

    #[error("no media stored under {key:?}")]
    NotFound { key: String },

    #[error("media storage key {0:?} is not a valid key")]
    InvalidKey(String),

    #[error("image processing task failed: {0}")]
    Task(String),
}

impl MediaError {
    /// Whether the error is the uploader's doing (answer 4xx with the message) rather
    /// than the server's (answer 5xx, log the message).
    pub fn is_client_error(&self) -> bool {
        matches!(
            self,
            MediaError::Empty
                | MediaError::TooLarge { .. }
                | MediaError::UnsupportedFormat
                | MediaError::NotSupportedYet { .. }
                | MediaError::TooManyPixels { .. }
                | MediaError::ZeroSize { .. }
                | MediaError::Corrupt { .. }
                | MediaError::OverBudget { .. }
        )
    }
}
