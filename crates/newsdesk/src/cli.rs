//! The command line. Every flag has a `NEWSDESK_*` environment variable and a key in the
//! optional TOML config file; precedence is flag, then variable, then file, then default.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, about = "Newsdesk: a news publishing platform in one binary", long_about = None)]
pub struct Cli {
    /// Optional TOML config file (keys as in `newsdesk.example.toml`); unknown keys are errors.
    #[arg(long, env = "NEWSDESK_CONFIG", global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant, reason = "parsed once at start-up")]
pub enum Command {
    /// Run the web server: reading site, newsroom at /admin, Admin API at /api/v1/admin.
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate(DbArgs),
    /// Fill the database with the demo newsroom (three editions, photos, articles).
    Demo(DemoArgs),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage Admin API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Handle mail that arrived at the bounce address.
    #[command(subcommand)]
    Mail(MailCommand),
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Read one message on standard input (pipe the bounce mailbox here): a permanent
    /// bounce suppresses its address, a `mailto:` unsubscribe request unsubscribes.
    Ingest {
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Where data lives; shared by every command that opens the database.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Data folder: SQLite database and local media [default: ./newsdesk-data].
    #[arg(long, env = "NEWSDESK_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Database URL: `postgres://…` for PostgreSQL, `sqlite://PATH` for SQLite
    /// [default: SQLite at <data>/newsdesk.db].
    #[arg(long, env = "NEWSDESK_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,

    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "NEWSDESK_LISTEN", value_name = "ADDR")]
    pub listen: Option<SocketAddr>,

    /// Fill an empty database with the demo newsroom on first start.
    #[arg(long, env = "NEWSDESK_DEMO")]
    pub demo: bool,

    /// Number of articles `--demo` generates.
    #[arg(long, env = "NEWSDESK_DEMO_ARTICLES", default_value_t = 300)]
    pub demo_articles: usize,

    /// Public base URL used in links, feeds and sitemaps [default: http://<listen>].
    #[arg(long, env = "NEWSDESK_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,

    /// The publication's name [default: Newsdesk].
    #[arg(long, env = "NEWSDESK_SITE_NAME", value_name = "NAME")]
    pub site_name: Option<String>,

    /// Event bus: `memory:` (one instance), `postgres://…` (LISTEN/NOTIFY) or `nats://host:port`
    /// [default: memory:].
    #[arg(long, env = "NEWSDESK_BUS_URL", value_name = "URL")]
    pub bus_url: Option<String>,

    /// Outgoing email server: `smtp://host:port`, `smtp://user:password@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:password@host` [default: none, messages are written to
    /// the log].
    #[arg(long, env = "NEWSDESK_SMTP_URL", value_name = "URL")]
    pub smtp_url: Option<String>,

    /// The From mailbox of outgoing email [default: Newsdesk <no-reply@localhost>].
    #[arg(long, env = "NEWSDESK_MAIL_FROM", value_name = "MAILBOX")]
    pub mail_from: Option<String>,

    /// Sign outgoing email with DKIM for this domain (`d=`), e.g. news.example.com; give
    /// --dkim-selector and --dkim-key with it [default: unsigned].
    #[arg(long, env = "NEWSDESK_DKIM_DOMAIN", value_name = "DOMAIN")]
    pub dkim_domain: Option<String>,

    /// The DKIM selector (`s=`): the public key is published at
    /// <selector>._domainkey.<dkim_domain>.
    #[arg(long, env = "NEWSDESK_DKIM_SELECTOR", value_name = "SELECTOR")]
    pub dkim_selector: Option<String>,

    /// The DKIM private key: a PEM file, RSA (PKCS#1 or PKCS#8, at least 1024 bits) or
    /// Ed25519 (PKCS#8).
    #[arg(long, env = "NEWSDESK_DKIM_KEY", value_name = "FILE")]
    pub dkim_key: Option<PathBuf>,

    /// Where bounces of newsletter messages go, e.g. bounces@news.example.com: each message
    /// leaves with the return path bounces+TOKEN@news.example.com [default: the From
    /// address, bounces not told apart].
    #[arg(long, env = "NEWSDESK_BOUNCE_ADDRESS", value_name = "ADDRESS")]
    pub bounce_address: Option<String>,

    /// Local time (HH:MM, 24-hour, in each edition's time zone) the daily digest goes out
    /// [default: 07:00].
    #[arg(long, env = "NEWSDESK_DIGEST_AT", value_name = "HH:MM")]
    pub digest_at: Option<String>,

    /// Newsletter messages per second at most, from this instance [default: 50].
    #[arg(long, env = "NEWSDESK_NEWSLETTER_RATE", value_name = "N")]
    pub newsletter_rate: Option<u32>,

    /// Recipients one newsletter job run sends to before queueing the rest [default: 500].
    #[arg(long, env = "NEWSDESK_NEWSLETTER_BATCH", value_name = "N")]
    pub newsletter_batch: Option<usize>,

    /// A WebSub hub (http(s) URL): feeds name it as rel="hub" and every publish pings it
    /// [default: none].
    #[arg(long, env = "NEWSDESK_WEBSUB_HUB", value_name = "URL")]
    pub websub_hub: Option<String>,

    /// Largest accepted upload in bytes [default: 20971520].
    #[arg(long, env = "NEWSDESK_MAX_UPLOAD_BYTES", value_name = "BYTES")]
    pub max_upload_bytes: Option<usize>,

    /// Largest accepted image in pixels, width x height [default: 100000000].
    #[arg(long, env = "NEWSDESK_MAX_IMAGE_PIXELS", value_name = "PIXELS")]
    pub max_image_pixels: Option<u64>,

    /// Memory image decoding may take at once, across all uploads and rendition jobs;
    /// an image needing more alone is refused [default: 1073741824].
    #[arg(long, env = "NEWSDESK_IMAGE_DECODE_MEMORY", value_name = "BYTES")]
    pub image_decode_memory: Option<u64>,

    /// Bytes the page cache may hold; the least recently served pages go first
    /// [default: 268435456].
    #[arg(long, env = "NEWSDESK_PAGE_CACHE_BYTES", value_name = "BYTES")]
    pub page_cache_bytes: Option<usize>,

    /// Stored media files no photo refers to are removed once this many hours old
    /// [default: 24].
    #[arg(long, env = "NEWSDESK_ORPHAN_GRACE_HOURS", value_name = "HOURS")]
    pub orphan_grace_hours: Option<u64>,

    /// Mark cookies `Secure`; turn on whenever the site is served over HTTPS [default: false].
    #[arg(long, env = "NEWSDESK_SECURE_COOKIES", value_name = "BOOL")]
    pub secure_cookies: Option<bool>,

    /// Proxies (addresses or CIDR networks, comma-separated) whose `X-Forwarded-For` /
    /// `Forwarded` headers name the client [default: none].
    #[arg(
        long,
        env = "NEWSDESK_TRUSTED_PROXIES",
        value_name = "LIST",
        value_delimiter = ','
    )]
    pub trusted_proxies: Option<Vec<String>>,

    /// A request still running after this many seconds is answered 503 [default: 30].
    #[arg(long, env = "NEWSDESK_REQUEST_TIMEOUT_SECS", value_name = "SECONDS")]
    pub request_timeout_secs: Option<u64>,

    /// Outbox rows are kept at least this many hours [default: 168].
    #[arg(long, env = "NEWSDESK_OUTBOX_RETENTION_HOURS", value_name = "HOURS")]
    pub outbox_retention_hours: Option<u64>,

    /// Background job workers on this instance [default: 2].
    #[arg(long, env = "NEWSDESK_JOB_WORKERS", value_name = "N")]
    pub job_workers: Option<usize>,

    /// A request head (all its headers) must arrive within this many seconds of its first
    /// byte, or of connecting for the first request [default: 10].
    #[arg(
        long,
        env = "NEWSDESK_HEADER_READ_TIMEOUT_SECS",
        value_name = "SECONDS"
    )]
    pub header_read_timeout_secs: Option<u64>,

    /// A kept-alive connection with no request for this many seconds is closed [default: 75].
    #[arg(long, env = "NEWSDESK_IDLE_TIMEOUT_SECS", value_name = "SECONDS")]
    pub idle_timeout_secs: Option<u64>,

    /// Open connections at most, all clients together; lowered to fit the open-file limit
    /// [default: 10000].
    #[arg(long, env = "NEWSDESK_MAX_CONNECTIONS", value_name = "N")]
    pub max_connections: Option<usize>,

    /// Open connections at most from one client address (an IPv6 /64); trusted proxies are
    /// exempt [default: 256].
    #[arg(long, env = "NEWSDESK_MAX_CONNECTIONS_PER_CLIENT", value_name = "N")]
    pub max_connections_per_client: Option<usize>,

    /// Live connections (newsfeed streams and chat sockets together) at most from one
    /// client address [default: 16].
    #[arg(long, env = "NEWSDESK_LIVE_MAX_PER_CLIENT", value_name = "N")]
    pub live_max_per_client: Option<usize>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(subcommand)]
    pub command: Option<DemoCommand>,

    #[command(flatten)]
    pub db: DbArgs,

    /// Number of articles to generate.
    #[arg(long, env = "NEWSDESK_DEMO_ARTICLES", default_value_t = 300)]
    pub articles: usize,

    /// Seed: the same seed (on the same day) gives the same newsroom.
    #[arg(long, env = "NEWSDESK_DEMO_SEED", default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Keep publishing short newsfeed items from the demo's bank until Ctrl-C; a running
    /// `newsdesk serve` on the same database shows them within seconds.
    Live(DemoLiveArgs),
}

#[derive(Debug, Args)]
pub struct DemoLiveArgs {
    #[command(flatten)]
    pub db: DbArgs,

    /// Seconds between items (one per edition each time).
    #[arg(long, default_value_t = 5, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub every: u64,

    /// The edition to publish in.
    #[arg(long, value_enum, default_value_t = LiveEdition::All)]
    pub edition: LiveEdition,

    /// Seed: the same seed publishes the same items in the same order.
    #[arg(long, env = "NEWSDESK_DEMO_SEED", default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LiveEdition {
    En,
    Ru,
    Ar,
    All,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account; the password is read from standard input.
    Add {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: StaffRole,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an Admin API token and print it (it is shown once and stored hashed).
    Create {
        #[command(flatten)]
        db: DbArgs,
        /// What the token is for, e.g. "wire importer".
        #[arg(long)]
        name: String,
        /// The role it acts with. With --for, at most the account's role (the lower of
        /// the two); without --for, required.
        #[arg(long, value_enum, required_unless_present = "for_account")]
        role: Option<StaffRole>,
        /// The staff account the token belongs to: it acts with that account's role and
        /// ownership (articles it creates are the account's) and stops working when the
        /// account is disabled. Without it, the token belongs to no account.
        #[arg(long = "for", value_name = "EMAIL")]
        for_account: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StaffRole {
    Moderator,
    Contributor,
    Author,
    Editor,
    Admin,
}

impl From<StaffRole> for newsdesk_core::Role {
    fn from(r: StaffRole) -> Self {
        match r {
            StaffRole::Moderator => newsdesk_core::Role::Moderator,
            StaffRole::Contributor => newsdesk_core::Role::Contributor,
            StaffRole::Author => newsdesk_core::Role::Author,
            StaffRole::Editor => newsdesk_core::Role::Editor,
            StaffRole::Admin => newsdesk_core::Role::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
