//! Settings of one instance; the binary fills them from flags, env and the config file.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;

#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Public base URL without trailing slash, e.g. `https://news.example.com`; used in
    /// canonical links, feeds, sitemaps and JSON-LD.
    pub base_url: String,
    /// The publication's name (Google News `news:name`, JSON-LD publisher, page titles).
    pub site_name: String,
    /// Data folder (media, SQLite database).
    pub data_dir: PathBuf,
    /// Largest accepted upload in bytes.
    pub max_upload_bytes: usize,
    /// Largest accepted image in pixels (width * height): decompression-bomb guard.
    pub max_image_pixels: u64,
    /// Memory, in bytes, that image decoding may take at once across every upload and
    /// rendition job of this instance; an image that alone needs more is refused.
    pub image_decode_memory: u64,
    /// A stored file no photo refers to is removed once it is this old. Longer than any
    /// upload takes between writing its original and committing its row.
    pub orphan_grace: Duration,
    /// Bytes the page cache may hold (every encoding of every page and its bookkeeping);
    /// the least recently served pages go first.
    pub page_cache_bytes: usize,
    /// Set the `Secure` flag on cookies (behind TLS). Off only for plain-HTTP local use.
    pub secure_cookies: bool,
    /// Peers whose `X-Forwarded-For` / `Forwarded` headers are believed (a load balancer,
    /// a CDN). From any other peer those headers are ignored, so a client cannot choose
    /// the address its rate limits and audit entries are keyed on.
    pub trusted_proxies: Vec<IpNet>,
    /// A request still running after this is answered 503 (a stuck query must not hold
    /// a connection forever).
    pub request_timeout: Duration,
    /// Outbox rows are kept at least this long, and until every durable consumer has
    /// passed them.
    pub outbox_retention: Duration,
    /// Job workers on this instance.
    pub job_workers: usize,
    /// Live connections (newsfeed streams, chat sockets) per client address.
    pub live_max_per_client: usize,
    /// Outgoing email: the SMTP server (none: messages are written to the log) and the
    /// From mailbox. Its `Debug` hides the SMTP password.
    pub mail: newsdesk_mail::MailConfig,
    /// Newsletters: when digests go out and how fast messages leave.
    pub newsletters: NewsletterConfig,
    /// A WebSub hub (`https://pubsubhubbub.appspot.com/`, a self-hosted one): feeds name it
    /// as `rel="hub"` and every publish pings it. None: feeds name no hub.
    pub websub_hub: Option<String>,
}

/// Newsletter settings (`digest_at`, `newsletter_rate`, `newsletter_batch`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewsletterConfig {
    /// The local time (in each edition's time zone) its daily digest is sent at.
    pub digest_at: chrono::NaiveTime,
    /// Newsletter messages per second at most, from this instance.
    pub send_rate: u32,
    /// Recipients one job run sends to before it queues the rest as a new run, so one
    /// large send never holds a worker (or a lease) for hours.
    pub batch: usize,
    /// A sign-up nobody confirmed is forgotten after this.
    pub confirm_within: Duration,
}

impl Default for NewsletterConfig {
    fn default() -> Self {
        Self {
            digest_at: chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default(),
            send_rate: 50,
            batch: 500,
            confirm_within: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// The page cache's default budget: 256 MiB holds every page of a large site's working
/// set (a page is ~60 KiB plain plus ~20 KiB compressed).
pub const DEFAULT_PAGE_CACHE_BYTES: usize = 256 * 1024 * 1024;

impl AppConfig {
    pub fn for_tests(data_dir: PathBuf) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            base_url: "http://127.0.0.1:8080".to_owned(),
            site_name: "Newsdesk".to_owned(),
            data_dir,
            max_upload_bytes: 20 * 1024 * 1024,
            max_image_pixels: 100_000_000,
            image_decode_memory: newsdesk_media::DEFAULT_DECODE_MEMORY,
            orphan_grace: Duration::from_secs(24 * 3600),
            page_cache_bytes: DEFAULT_PAGE_CACHE_BYTES,
            secure_cookies: false,
            trusted_proxies: Vec::new(),
            request_timeout: Duration::from_secs(30),
            outbox_retention: Duration::from_secs(7 * 24 * 3600),
            job_workers: 2,
            live_max_per_client: 16,
            mail: newsdesk_mail::MailConfig::log_only(),
            newsletters: NewsletterConfig::default(),
            websub_hub: None,
        }
    }
}
