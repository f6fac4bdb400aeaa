//! Single flight: one render per page at a time. The first reader to miss a page (or to
//! find it out of date) starts the render; everyone else asking for the same page meanwhile
//! waits for that render's result instead of starting their own.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;
use tokio::sync::watch;

use super::CachedPage;

/// How a render ended, as the readers waiting on it need to know.
#[derive(Clone)]
pub enum Outcome {
    /// The page, stored (or not, if it was too big) and ready to answer from.
    Page(Arc<CachedPage>),
    /// The answer is not for the shared cache (an error, a redirect, a page not marked
    /// cacheable): each waiting reader runs the handler for themselves.
    Uncacheable,
}

type Slot = watch::Receiver<Option<Outcome>>;

#[derive(Default)]
pub struct Flights {
    running: Mutex<HashMap<Arc<str>, Slot>>,
}

/// The caller's part in the render of a page.
pub enum Role {
    /// Start the render, then [`Pilot::land`] with its outcome.
    Lead(Pilot),
    /// Wait for the render someone else started ([`wait`]).
    Follow(Slot),
}

/// Held by the one render of a page; dropping it without landing (a panic, a cancelled
/// task) releases the waiters, who then try again.
pub struct Pilot {
    flights: Arc<Flights>,
    url: Arc<str>,
    sender: watch::Sender<Option<Outcome>>,
}

impl Flights {
    pub fn join(self: &Arc<Self>, url: &str) -> Role {
        let mut running = self.running.lock();
        if let Some(slot) = running.get(url) {
            return Role::Follow(slot.clone());
        }
        let (sender, slot) = watch::channel(None);
        let url: Arc<str> = Arc::from(url);
        running.insert(url.clone(), slot);
        Role::Lead(Pilot {
            flights: self.clone(),
            url,
            sender,
        })
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.running.lock().len()
    }
}

impl Pilot {
    /// Ends the flight: later readers go to the cache, waiting ones get `outcome`.
    pub fn land(self, outcome: Outcome) {
        self.release();
        self.sender.send_replace(Some(outcome));
    }

    fn release(&self) {
        let mut running = self.flights.running.lock();
        if running
            .get(&self.url)
            .is_some_and(|slot| slot.same_channel(&self.sender.subscribe()))
        {
            running.remove(&self.url);
        }
    }
}

impl Drop for Pilot {
    fn drop(&mut self) {
        // A landed pilot has released already; this covers the others.
        self.release();
    }
}

/// The outcome of the flight `slot` follows; `None` if it ended without one.
pub async fn wait(mut slot: Slot) -> Option<Outcome> {
    match slot.wait_for(Option::is_some).await {
        Ok(outcome) => outcome.clone(),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn followers_get_the_leaders_outcome_and_a_lost_leader_releases_them() {
        let flights = Arc::new(Flights::default());
        let Role::Lead(pilot) = flights.join("/en") else {
            panic!("the first reader leads");
        };
        let Role::Follow(slot) = flights.join("/en") else {
            panic!("the second reader follows");
        };
        assert!(matches!(flights.join("/ru"), Role::Lead(_)));
        let waiting = tokio::spawn(wait(slot));
        pilot.land(Outcome::Uncacheable);
        assert!(matches!(waiting.await.unwrap(), Some(Outcome::Uncacheable)));
        assert_eq!(flights.len(), 0, "a landed flight is gone");

        let Role::Lead(pilot) = flights.join("/en") else {
            panic!("a new flight after the first landed");
        };
        let Role::Follow(slot) = flights.join("/en") else {
            panic!("follows the new flight");
        };
        drop(pilot);
        assert!(
            wait(slot).await.is_none(),
            "a dropped pilot releases its followers"
        );
        assert!(matches!(flights.join("/en"), Role::Lead(_)));
    }
}
