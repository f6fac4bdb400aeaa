//! Newsletters: subscriptions, double opt-in, digests and breaking alerts (issue 16).
//!
//! `forms`: the reader's pages; `compose`: what the messages say; `issues`: making the
//! digests (on schedule) and alerts (on an editor's word). Sending is the app's
//! `send_newsletters` job.

pub mod compose;
pub mod forms;
pub mod issues;

pub use issues::spawn_background;

/// The reader's pages: subscribing (`/{edition}/newsletters`), the confirmation link and
/// unsubscribing (also RFC 8058's one-click POST).
pub fn routes(limits: newsdesk_auth::ReaderLimits) -> axum::Router<crate::state::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route(
            "/{edition}/newsletters",
            get(forms::show).post(forms::submit),
        )
        .route("/{edition}/newsletters/confirm", get(forms::confirm))
        .route(
            "/newsletters/unsubscribe",
            get(forms::unsubscribe_page).post(forms::unsubscribe),
        )
        .layer(axum::Extension(limits))
}
