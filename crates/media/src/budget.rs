//! How much memory image decoding may take at once, across every upload and rendition
//! job of this instance.
//!
//! A 10000×10000 16-bit PNG compresses to a few megabytes but used to decode into 800 MB,
//! and six uploaded at once took the process to 4 GB. Each decode now states its peak
//! from the header ([`crate::decode_cost`]) and waits for that many bytes of a
//! [`DecodeBudget`] before it allocates a pixel; an image whose peak exceeds the whole
//! budget is refused outright, with a message the uploader can act on.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::MediaError;
use crate::inspect::{DecodeCost, Limits, decode_cost};

const MIB: u64 = 1024 * 1024;

/// The default budget: enough for two of the largest photos a press camera produces
/// (a 45-megapixel JPEG peaks near 400 MB) without letting uploads take the machine.
pub const DEFAULT_DECODE_MEMORY: u64 = 1024 * MIB;

/// A shared allowance of decoding memory, counted in whole MiB. Cheap to clone; clones
/// share the allowance.
#[derive(Debug, Clone)]
pub struct DecodeBudget {
    permits: Arc<Semaphore>,
    total_mib: u32,
}

impl Default for DecodeBudget {
    fn default() -> Self {
        Self::new(DEFAULT_DECODE_MEMORY)
    }
}

/// Held while a decode runs; dropping it (also when the decode fails or panics) gives
/// the memory back.
#[derive(Debug)]
pub struct DecodePermit {
    _permit: OwnedSemaphorePermit,
}

/// Which decode a permit is for: inspecting an upload needs less than rendering it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Inspect,
    Render,
}

impl DecodeBudget {
    /// A budget of `bytes`, rounded down to whole MiB (at least one).
    pub fn new(bytes: u64) -> Self {
        let total_mib = u32::try_from(bytes / MIB).unwrap_or(u32::MAX).max(1);
        // tokio caps a semaphore at `usize::MAX >> 3` permits, far above u32::MAX.
        DecodeBudget {
            permits: Arc::new(Semaphore::new(total_mib as usize)),
            total_mib,
        }
    }

    pub fn total_bytes(&self) -> u64 {
        u64::from(self.total_mib) * MIB
    }

    /// Bytes not taken by a running decode right now.
    pub fn available_bytes(&self) -> u64 {
        self.permits.available_permits() as u64 * MIB
    }

    /// Refuses a decode that could never fit, however long it waited.
    pub fn check(&self, cost: &DecodeCost) -> Result<(), MediaError> {
        let needed = cost.peak(Stage::Inspect).max(cost.peak(Stage::Render));
        if mib(needed) > self.total_mib {
            return Err(MediaError::OverBudget {
                width: cost.width,
                height: cost.height,
                needed_mib: u64::from(mib(needed)),
                budget_mib: u64::from(self.total_mib),
            });
        }
        Ok(())
    }

    /// Waits up to `wait` for room for `bytes`; [`MediaError::Busy`] after that.
    pub async fn acquire(&self, bytes: u64, wait: Duration) -> Result<DecodePermit, MediaError> {
        let wanted = mib(bytes).min(self.total_mib);
        let acquired =
            tokio::time::timeout(wait, self.permits.clone().acquire_many_owned(wanted)).await;
        match acquired {
            Ok(Ok(permit)) => Ok(DecodePermit { _permit: permit }),
            // The semaphore is never closed; treat it like a wait that ran out.
            Ok(Err(_)) | Err(_) => Err(MediaError::Busy),
        }
    }

    /// Runs `work` on the blocking pool once the budget has room for the peak that
    /// `bytes`' header announces for `stage`. The header is read on the blocking pool
    /// too: a PNG may put megabytes of chunks before its pixels.
    pub async fn run<T, F>(
        &self,
        bytes: Bytes,
        limits: Limits,
        stage: Stage,
        wait: Duration,
        work: F,
    ) -> Result<T, MediaError>
    where
        T: Send + 'static,
        F: FnOnce(&[u8]) -> Result<T, MediaError> + Send + 'static,
    {
        let header = bytes.clone();
        let cost = blocking(move || decode_cost(&header, &limits)).await?;
        self.check(&cost)?;
        let permit = self.acquire(cost.peak(stage), wait).await?;
        blocking(move || {
            // Moved in so that it is released when the work ends, however it ends.
            let _permit = permit;
            work(&bytes)
        })
        .await
    }
}

fn mib(bytes: u64) -> u32 {
    u32::try_from(bytes.div_ceil(MIB)).unwrap_or(u32::MAX)
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, MediaError> + Send + 'static,
) -> Result<T, MediaError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| MediaError::Task(e.to_string()))?
}
