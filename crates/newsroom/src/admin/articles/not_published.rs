//! "Save and publish" whose save went through and whose publish was refused. The editor
//! must read that the text is safe and why it is not public, not "Not saved": the draft
//! was written (a new revision), only publishing was refused, for reasons each named
//! (a photo without alt text, linked to its page in the media library; no section; no
//! byline; a related article still a draft).

use minijinja::{Value, context};
use newsdesk_core::publishable::References;
use newsdesk_core::{Article, FieldError};
use newsdesk_site::{AppState, HttpError};

/// The alert's content: one reason per refusal, each with a link where there is a page to
/// fix it on.
pub async fn explain(state: &AppState, article: &Article, err: &HttpError) -> Value {
    let errors: Vec<FieldError> = match err {
        HttpError::Invalid(v) => v.errors.clone(),
        other => vec![FieldError {
            field: "_",
            message: other.public_message(),
        }],
    };
    let lacking = photos_without_alt_text(state, article).await;
    let reasons: Vec<Value> = errors
        .iter()
        .map(|e| {
            // The publishing rule names the photo in its message ("photo 12 has no alt
            // text"); the link goes to that photo.
            let photo = lacking.iter().find(|(id, _)| {
                e.message
                    .starts_with(&format!("photo {id} has no alt text"))
            });
            match photo {
                Some((id, caption)) => context! {
                    text => format!("{}: photo {id} has no alt text", label(e.field)),
                    caption => caption,
                    link => format!("/admin/media/{id}"),
                    link_text => "add its alt text in the media library",
                },
                None => context! {
                    text => match label(e.field) {
                        "" => e.message.clone(),
                        l => format!("{l}: {}", e.message),
                    },
                },
            }
        })
        .collect();
    context! { reasons => reasons }
}

/// `(id, caption)` of each photo the article shows (hero first, then the body's) whose alt
/// text is blank by the publishing rule's own test.
async fn photos_without_alt_text(state: &AppState, article: &Article) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    for id in References::of(&article.draft()).photos() {
        if let Ok(photo) = state.store().get_photo(id).await
            && newsdesk_core::media::is_blank(&photo.alt_text)
        {
            out.push((id, photo.caption));
        }
    }
    out
}

/// The form's name for a field, as its label reads.
fn label(field: &str) -> &'static str {
    match field {
        "headline" => "Headline",
        "lead" => "Lead",
        "body" => "Body",
        "slug" => "Address (slug)",
        "hero_photo_id" => "Hero photo",
        "section_id" => "Section",
        "author_ids" => "Byline",
        "tag_ids" => "Tags",
        _ => "",
    }
}
