//! Photos of the media library.

use chrono::{DateTime, Utc};
use newsdesk_core::{Photo, Rendition};
use newsdesk_store::PhotoCrop;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreditOut {
    /// The agency or source, e.g. `REUTERS`.
    pub agency: String,
    /// The photographer.
    pub creator: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RenditionOut {
    pub width: u32,
    pub height: u32,
    /// `image/webp` or `image/jpeg`.
    pub content_type: String,
    /// Where the reading site serves it, e.g. `/media/photos/42/w640.webp`.
    pub url: String,
    /// `16x9`, `4x3` or `1x1` for the crops used by search engines; `16x9` also for the
    /// article hero's crop ladder (WebP and JPEG at each width). Crops are cut to the
    /// rectangle an editor drew for the aspect (see `crops`), else around the photo's focal
    /// point. Absent for the plain width renditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub crop: Option<String>,
}

impl From<&Rendition> for RenditionOut {
    fn from(r: &Rendition) -> Self {
        RenditionOut {
            width: r.width,
            height: r.height,
            content_type: r.content_type.clone(),
            url: format!("/media/{}", r.key),
            crop: newsdesk_media::keys::crop_aspect(&r.key).map(|(a, b)| format!("{a}x{b}")),
        }
    }
}

/// A photo in the library.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PhotoOut {
    pub id: i64,
    /// The original's type, detected from its content: `image/jpeg`, `image/png`, `image/webp`.
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub byte_size: i64,
    pub caption: String,
    /// What the image shows, for people who cannot see it. Required before an article
    /// using the photo can be published.
    pub alt_text: String,
    pub credit: CreditOut,
    /// As printed under the photo. With a copyright notice: `© NOTICE / CREDIT / CREATOR`
    /// (the notice in its own words with © in front, parts it already names left out);
    /// without one: `© CREDIT YEAR / CREATOR`.
    pub credit_line: String,
    /// IPTC Copyright Notice (`dc:rights`) as supplied.
    pub copyright_notice: String,
    /// The year the photo was made (IPTC Date Created), printed only without a notice.
    pub copyright_year: Option<i32>,
    pub created_at: DateTime<Utc>,
    /// Alt text is present: articles using the photo may be published.
    pub publishable: bool,
    /// Renditions are still being made (off the request path); `renditions` is empty.
    pub processing: bool,
    /// The smallest rendition (the original while processing).
    pub thumbnail_url: String,
    pub renditions: Vec<RenditionOut>,
    /// The crops an editor drew, one per aspect that has one; the other aspects are cut
    /// around the photo's focal point. Set with `PUT /api/v1/admin/photos/{id}/crops`.
    pub crops: Vec<CropOut>,
}

impl PhotoOut {
    /// With the photo's drawn crops (`From<Photo>` leaves them empty: they are stored
    /// apart from the photo's row).
    pub fn with_crops(mut self, crops: &[PhotoCrop]) -> Self {
        self.crops = CropAspect::ALL
            .iter()
            .filter_map(|&aspect| {
                let c = crops.iter().find(|c| c.aspect == aspect.ratio())?;
                Some(CropOut {
                    aspect,
                    x: c.x,
                    y: c.y,
                    width: c.width,
                    height: c.height,
                })
            })
            .collect();
        self
    }
}

/// An aspect ratio the site crops photos to: `16x9` (the article hero, share previews and
/// the first JSON-LD image), `4x3` and `1x1` (JSON-LD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum CropAspect {
    #[serde(rename = "16x9")]
    Wide,
    #[serde(rename = "4x3")]
    Standard,
    #[serde(rename = "1x1")]
    Square,
}

impl CropAspect {
    pub const ALL: [CropAspect; 3] = [CropAspect::Wide, CropAspect::Standard, CropAspect::Square];

    pub fn ratio(self) -> (u32, u32) {
        match self {
            CropAspect::Wide => (16, 9),
            CropAspect::Standard => (4, 3),
            CropAspect::Square => (1, 1),
        }
    }
}

/// A crop an editor drew: a rectangle of the original in pixels from its top-left corner,
/// its height the aspect's of its width (rounded).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CropOut {
    pub aspect: CropAspect,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// One crop to draw. It must lie inside the photo, be at least 320 px wide (or as wide as
/// the photo allows at the aspect), and have the aspect within a pixel: the height is
/// snapped to the width's.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CropIn {
    pub aspect: CropAspect,
    #[schema(minimum = 0)]
    pub x: u32,
    #[schema(minimum = 0)]
    pub y: u32,
    #[schema(minimum = 1)]
    pub width: u32,
    #[schema(minimum = 1)]
    pub height: u32,
}

/// Every crop the photo is to have: the aspects listed are cut to their rectangle, those
/// left out (an empty list: all) around the focal point.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "crops": [
        {"aspect": "16x9", "x": 120, "y": 340, "width": 1600, "height": 900},
        {"aspect": "1x1", "x": 560, "y": 0, "width": 1200, "height": 1200}
    ]
}))]
pub struct PutCrops {
    pub crops: Vec<CropIn>,
}

impl From<Photo> for PhotoOut {
    fn from(p: Photo) -> Self {
        let thumbnail_url = crate::admin::search::thumbnail(&p);
        PhotoOut {
            id: p.id,
            content_type: p.content_type.clone(),
            width: p.width,
            height: p.height,
            byte_size: p.byte_size,
            caption: p.caption.clone(),
            alt_text: p.alt_text.clone(),
            credit_line: p.credit_line(),
            credit: CreditOut {
                agency: p.credit.agency.clone(),
                creator: p.credit.creator.clone(),
            },
            copyright_notice: p.copyright_notice.clone(),
            copyright_year: p.copyright_year,
            created_at: p.created_at,
            publishable: p.is_publishable(),
            processing: p.renditions.is_empty(),
            thumbnail_url,
            renditions: p.renditions.iter().map(RenditionOut::from).collect(),
            crops: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PhotoPage {
    pub items: Vec<PhotoOut>,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PhotoListQuery {
    /// Words in the caption, credit or copyright notice.
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 1000000)]
    #[serde(deserialize_with = "super::bounded::<_, 1, { super::MAX_PAGE }>")]
    pub page: Option<i64>,
    /// Page size, 1–100 (default 24).
    #[param(minimum = 1, maximum = 100)]
    #[serde(deserialize_with = "super::bounded::<_, 1, 100>")]
    pub per_page: Option<i64>,
}

/// The editable text of a photo; fields left out keep their value, `copyright_year: null`
/// clears the year.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "alt_text": "Members of parliament stand in the chamber as the result is read out",
    "caption": "The budget vote in parliament on Thursday night"
}))]
pub struct UpdatePhoto {
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub alt_text: Option<String>,
    #[serde(default)]
    pub credit_agency: Option<String>,
    #[serde(default)]
    pub credit_creator: Option<String>,
    #[serde(default)]
    pub copyright_notice: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>, minimum = 1826, maximum = 2200)]
    pub copyright_year: Option<Option<i32>>,
}

/// A field that is present (even as `null`) is `Some`; absent stays `None` via `default`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `multipart/form-data` upload: the image in `file`; the text fields are optional and
/// replace what the photo's own IPTC/XMP/EXIF metadata would prefill. Documentation only:
/// the handler reads the parts as they stream (see `media_library::body`).
#[derive(Debug, Clone, ToSchema)]
pub struct UploadForm {
    /// JPEG, PNG or WebP; recognised by content, not by name.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub credit_agency: Option<String>,
    pub credit_creator: Option<String>,
}
