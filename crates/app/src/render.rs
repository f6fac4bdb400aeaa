//! Rendering article bodies off the async workers. A body takes milliseconds (its work
//! is bounded in `newsdesk_core::body::limits`), but many at once on the runtime's few
//! threads would stall every other request, `/healthz` and the database pool included:
//! so rendering runs on blocking threads, at most one per core at a time, and a request
//! that cannot start within [`BodyRenderer::WAIT`] is answered 503 instead of queueing.

use std::sync::Arc;
use std::time::Duration;

use newsdesk_core::body::{self, RenderContext, RenderedBody};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::Error;

#[derive(Debug, Clone)]
pub struct BodyRenderer {
    permits: Arc<Semaphore>,
    concurrency: usize,
    wait: Duration,
}

impl BodyRenderer {
    /// How long a request waits for a free renderer before it is refused.
    pub const WAIT: Duration = Duration::from_secs(5);

    pub fn new(concurrency: usize, wait: Duration) -> Self {
        let concurrency = concurrency.max(1);
        Self {
            permits: Arc::new(Semaphore::new(concurrency)),
            concurrency,
            wait,
        }
    }

    /// One renderer per core of this machine.
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self::new(cores, Self::WAIT)
    }

    /// Renders one body on a blocking thread.
    pub async fn render(
        &self,
        markdown: String,
        ctx: RenderContext,
    ) -> Result<RenderedBody, Error> {
        let mut out = self.render_many(vec![markdown], ctx).await?;
        Ok(out.pop().unwrap_or_default())
    }

    /// Renders bodies that share one context (a feed's items) in one blocking task, in
    /// order, holding one permit.
    pub async fn render_many(
        &self,
        bodies: Vec<String>,
        ctx: RenderContext,
    ) -> Result<Vec<RenderedBody>, Error> {
        let permit = self.permit().await?;
        tokio::task::spawn_blocking(move || {
            // Held until the work is done, even if the request is dropped meanwhile: the
            // limit counts threads actually rendering.
            let _permit = permit;
            bodies
                .iter()
                .map(|markdown| body::render(markdown, &ctx))
                .collect()
        })
        .await
        .map_err(Error::internal)
    }

    /// Waits for every render in progress to finish, then holds the renderer until the
    /// returned permit drops (before shutdown; tests use it to play a saturated renderer).
    pub async fn drain(&self) -> Result<OwnedSemaphorePermit, Error> {
        let all = u32::try_from(self.concurrency).unwrap_or(u32::MAX);
        self.permits
            .clone()
            .acquire_many_owned(all)
            .await
            .map_err(Error::internal)
    }

    async fn permit(&self) -> Result<OwnedSemaphorePermit, Error> {
        match tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(Error::Unavailable(
                "too many article bodies are being rendered right now".to_owned(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn renders_on_a_blocking_thread() {
        let r = BodyRenderer::new(1, Duration::from_secs(1));
        let out = r
            .render("*hi*".to_owned(), RenderContext::default())
            .await
            .unwrap();
        assert_eq!(out.html, "<p><em>hi</em></p>\n");
    }

    #[tokio::test]
    async fn a_request_that_cannot_start_in_time_is_refused() {
        let r = BodyRenderer::new(1, Duration::from_millis(50));
        let held = r.drain().await.unwrap();
        let refused = r.render("x".to_owned(), RenderContext::default()).await;
        assert!(matches!(refused, Err(Error::Unavailable(_))), "{refused:?}");
        drop(held);
        assert!(
            r.render("x".to_owned(), RenderContext::default())
                .await
                .is_ok()
        );
    }
}
