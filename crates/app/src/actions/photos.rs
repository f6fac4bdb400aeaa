//! Photo actions other than the upload: read, list, edit the text, delete. Like
//! [`crate::actions`], each asks [`crate::policy::can`] first, and both the library pages
//! and the Admin API call these.

use crate::{App, Error};
use newsdesk_core::{Credit, Photo};
use newsdesk_media::keys;
use newsdesk_store::{PhotoText, StoreError, is_blank};
use serde_json::json;

use crate::actions::{announce_since, audit, outbox_position};
use crate::actor::Actor;
use crate::policy::{Action, PhotoFacts, Resource, allowed, can};

pub async fn get(state: &App, actor: &Actor, id: i64) -> Result<Photo, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().get_photo(id).await?)
}

/// Newest first; `search` matches caption, credit and copyright notice.
pub async fn list(
    state: &App,
    actor: &Actor,
    search: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<Vec<Photo>, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    let search = search.map(str::trim).filter(|s| !s.is_empty());
    Ok(state
        .store()
        .list_photos(search, limit.clamp(1, 100), offset.max(0))
        .await?)
}

/// A change to a photo's text; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct TextChange {
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub credit_agency: Option<String>,
    pub credit_creator: Option<String>,
    pub copyright_notice: Option<String>,
    pub copyright_year: Option<Option<i32>>,
}

/// Caption, alt text and credit. Alt text is what lets an article using the photo be
/// published; the store refuses alt text that repeats the caption or names a file.
///
/// Who may: the photo's uploader (a contributor only while no published or scheduled
/// article shows it) and editors; a photo without a recorded uploader, editors only (see
/// [`Action::EditMedia`]). Alt text of a photo public articles show cannot be emptied
/// (`Invalid` on `alt_text`, naming them).
pub async fn update_text(
    state: &App,
    actor: &Actor,
    id: i64,
    change: TextChange,
) -> Result<Photo, Error> {
    can(actor, Action::UploadMedia, Resource::None)?;
    let usage = state.store().photo_usage(id).await?;
    can(actor, Action::EditMedia, Resource::photo(&usage))?;
    // Judged above on a read; the store judges it again with the row held, so a contributor
    // cannot slip a change in while an article with the photo is being published.
    let only_if_unpublished = !allowed(
        actor,
        Action::EditMedia,
        Resource::photo(PhotoFacts {
            public: true,
            ..PhotoFacts::from(&usage)
        }),
    );
    let current = state.store().get_photo(id).await?;
    let trimmed = |v: Option<String>, old: &str| {
        v.map(|s| tidy(&s).to_owned())
            .unwrap_or_else(|| old.to_owned())
    };
    let text = PhotoText {
        caption: trimmed(change.caption, &current.caption),
        alt_text: trimmed(change.alt_text, &current.alt_text),
        credit: Credit {
            agency: trimmed(change.credit_agency, &current.credit.agency),
            creator: trimmed(change.credit_creator, &current.credit.creator),
        },
        copyright_notice: trimmed(change.copyright_notice, &current.copyright_notice),
        copyright_year: change.copyright_year.unwrap_or(current.copyright_year),
    };
    if let Some(year) = text.copyright_year
        && !(1826..=2200).contains(&year)
    {
        return Err(newsdesk_core::ValidationError::single(
            "copyright_year",
            "must be a year between 1826 and 2200",
        )
        .into());
    }
    let seq = outbox_position(state).await?;
    let photo = match state
        .store()
        .update_photo_text_with(id, &text, only_if_unpublished)
        .await
    {
        Ok(photo) => photo,
        Err(StoreError::InUse { used_by, .. }) if only_if_unpublished => {
            return Err(Error::Forbidden(format!(
                "contributors cannot change photos that published or scheduled articles show ({}); ask an editor",
                headlines(&used_by)
            )));
        }
        Err(StoreError::InUse { used_by, .. }) => {
            return Err(newsdesk_core::ValidationError::single(
                "alt_text",
                format!(
                    "cannot be removed: published or scheduled articles show this photo ({}); readers need the description",
                    headlines(&used_by)
                ),
            )
            .into());
        }
        Err(err) => return Err(err.into()),
    };
    announce_since(state, seq).await;
    Ok(photo)
}

/// Spaces and invisible characters at either end go: alt text of zero-width spaces is no
/// description.
fn tidy(s: &str) -> &str {
    s.trim_matches(|c: char| is_blank(c.encode_utf8(&mut [0; 4])))
}

/// “Headline” (#id), … for the first few articles.
fn headlines(used_by: &[(i64, String)]) -> String {
    let mut out: Vec<String> = used_by
        .iter()
        .take(5)
        .map(|(id, headline)| format!("“{headline}” (#{id})"))
        .collect();
    if used_by.len() > 5 {
        out.push(format!("and {} more", used_by.len() - 5));
    }
    out.join(", ")
}

/// Removes the photo row, then its original and renditions from media storage.
pub async fn delete(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    can(actor, Action::DeleteMedia, Resource::None)?;
    let photo = state.store().get_photo(id).await?;
    let seq = outbox_position(state).await?;
    // A photo a published or scheduled article shows is refused by the store (`InUse`,
    // naming the articles); one only drafts use goes, and those drafts lose it.
    state.store().delete_photo(id).await?;
    announce_since(state, seq).await;
    // The row is gone, so the files are unreachable; a failure here leaves orphans for an
    // operator, never a broken page.
    let media = state.media();
    if let Err(err) = media.delete(&photo.key).await {
        tracing::error!(%err, photo = id, "could not delete the original of a deleted photo");
    }
    if let Err(err) = media.delete_prefix(&keys::photo_prefix(id)).await {
        tracing::error!(%err, photo = id, "could not delete the renditions of a deleted photo");
    }
    audit::record(
        state,
        actor,
        "photo.delete",
        &format!("photo:{id}"),
        json!({ "caption": photo.caption }),
    )
    .await;
    Ok(())
}
