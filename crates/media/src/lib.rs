#![doc = include_str!("../README.md")]

pub mod budget;
pub mod crop;
pub mod demo_photo;
mod encode;
pub mod error;
pub mod focus;
pub mod format;
pub mod inspect;
mod jpeg;
pub mod keys;
pub mod metadata;
mod png_decode;
pub mod process;
pub mod rendition;
pub mod store;

pub use budget::{DEFAULT_DECODE_MEMORY, DecodeBudget, DecodePermit, Stage};
pub use crop::{CropError, CropRect, Frame, Framing, MIN_CROP_WIDTH, fit_crop, min_crop_width};
pub use demo_photo::{DemoPalette, generate_demo_photo};
pub use error::MediaError;
pub use focus::{CropWindow, Focus, crop_window};
pub use format::ImageKind;
pub use inspect::{DecodeCost, Inspected, Limits, decode_cost, decode_rgb, inspect};
pub use metadata::{PhotoMetadata, read_metadata, suggested_credit};
pub use process::{
    CROP_WIDTH, process_photo_with, process_upload, process_upload_with, store_original,
};
pub use rendition::{
    CROP_ASPECTS, EncodedRendition, HERO_FRAME, WIDTH_LADDER, make_crop, make_crop_at,
    make_frame_ladder, make_renditions, needs_frame_ladder, needs_frame_ladder_framed, widths_for,
};
pub use store::{MediaStore, StorageConfig};

/// Lossless WebP through the pure-Rust encoder, exposed for the size comparison that
/// justifies using libwebp (see README).
#[doc(hidden)]
pub fn encode_webp_lossless(image: &image::RgbImage) -> Result<Vec<u8>, MediaError> {
    encode::webp_lossless(image)
}
