//! Resolved settings: flag, then `NEWSDESK_*` variable (both via clap), then the TOML file,
//! then the default. Every problem is reported at start-up, naming the key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;

use crate::cli::{DbArgs, ServeArgs};

/// The optional config file. Every key is optional; unknown keys are errors.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub data: Option<PathBuf>,
    pub database_url: Option<String>,
    pub listen: Option<SocketAddr>,
    pub base_url: Option<String>,
    pub site_name: Option<String>,
    pub bus_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub dkim_domain: Option<String>,
    pub dkim_selector: Option<String>,
    pub dkim_key: Option<PathBuf>,
    pub bounce_address: Option<String>,
    pub digest_at: Option<String>,
    pub newsletter_rate: Option<u32>,
    pub newsletter_batch: Option<usize>,
    pub websub_hub: Option<String>,
    pub max_upload_bytes: Option<usize>,
    pub max_image_pixels: Option<u64>,
    pub image_decode_memory: Option<u64>,
    pub orphan_grace_hours: Option<u64>,
    pub page_cache_bytes: Option<usize>,
    pub secure_cookies: Option<bool>,
    pub trusted_proxies: Option<Vec<String>>,
    pub request_timeout_secs: Option<u64>,
    pub outbox_retention_hours: Option<u64>,
    pub job_workers: Option<usize>,
    pub header_read_timeout_secs: Option<u64>,
    pub idle_timeout_secs: Option<u64>,
    pub max_connections: Option<usize>,
    pub max_connections_per_client: Option<usize>,
    pub live_max_per_client: Option<usize>,
    /// Media storage: `[media] kind = "local"` (default, `<data>/media`) or
    /// `kind = "s3"` with bucket, region, endpoint, access_key_id, secret_access_key.
    pub media: Option<newsdesk_media::StorageConfig>,
}

impl FileConfig {
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let Some(path) = path else {
            return Ok(Self::default());
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("config file {}", path.display()))
    }
}

/// Where the database and media live.
#[derive(Debug, Clone)]
pub struct DbConfig {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub media: newsdesk_media::StorageConfig,
}

impl DbConfig {
    pub fn resolve(args: &DbArgs, file: &FileConfig) -> anyhow::Result<Self> {
        let data_dir = args
            .data
            .clone()
            .or_else(|| file.data.clone())
            .unwrap_or_else(|| PathBuf::from("newsdesk-data"));
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("data: cannot create folder {}", data_dir.display()))?;
        let database_url = match args
            .database_url
            .clone()
            .or_else(|| file.database_url.clone())
        {
            Some(url) => url,
            None => format!("sqlite://{}", data_dir.join("newsdesk.db").display()),
        };
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            bail!("database_url: expected postgres://… or sqlite://PATH, got {database_url:?}");
        }
        let media = file
            .media
            .clone()
            .unwrap_or(newsdesk_media::StorageConfig::Local { root: None });
        Ok(Self {
            data_dir,
            database_url,
            media,
        })
    }
}

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub db: DbConfig,
    pub listen: SocketAddr,
    pub demo: bool,
    /// Given by flag, variable or file; `None` means "the address we are listening on".
    pub base_url: Option<String>,
    pub site_name: String,
    pub bus_url: String,
    /// Checked at start-up (`newsdesk_mail::Mailer::from_config`, which also reads the
    /// DKIM key); `Debug` hides the SMTP password.
    pub mail: newsdesk_mail::MailConfig,
    /// `digest_at`, `newsletter_rate`, `newsletter_batch`.
    pub newsletters: newsdesk_app::config::NewsletterConfig,
    pub websub_hub: Option<String>,
    pub max_upload_bytes: usize,
    pub max_image_pixels: u64,
    pub image_decode_memory: u64,
    pub orphan_grace: std::time::Duration,
    pub page_cache_bytes: usize,
    pub secure_cookies: bool,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub request_timeout: std::time::Duration,
    pub outbox_retention: std::time::Duration,
    pub job_workers: usize,
    pub header_read_timeout: std::time::Duration,
    pub idle_timeout: std::time::Duration,
    /// `None`: the default, lowered to fit the open-file limit without a warning.
    pub max_connections: Option<usize>,
    pub max_connections_per_client: usize,
    pub live_max_per_client: usize,
}

/// `10.0.0.0/8` or a single address (`192.0.2.1`, `::1`).
fn parse_proxy(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("trusted_proxies: {text:?} is neither an address nor a CIDR network"))
}

impl ServeConfig {
    pub fn resolve(args: &ServeArgs, file: &FileConfig) -> anyhow::Result<Self> {
        let db = DbConfig::resolve(&args.db, file)?;
        let listen = args
            .listen
            .or(file.listen)
            .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8080)));
        let base_url = args
            .base_url
            .clone()
            .or_else(|| file.base_url.clone())
            .map(|u| u.trim_end_matches('/').to_owned());
        let mut problems = Vec::new();
        if let Some(base_url) = &base_url {
            match url::Url::parse(base_url) {
                Ok(u) if u.scheme() == "http" || u.scheme() == "https" => {}
                _ => problems.push(format!(
                    "base_url: expected an http(s) URL, got {base_url:?}"
                )),
            }
        }
        let bus_url = args
            .bus_url
            .clone()
            .or_else(|| file.bus_url.clone())
            .unwrap_or_else(|| "memory:".to_owned());
        // The bus crate owns the list of schemes; ask it rather than repeat it.
        if let Err(err) = newsdesk_bus::BusConfig::from_url(&bus_url) {
            problems.push(format!("bus_url: {err}"));
        }
        let text = |arg: &Option<String>, key: &Option<String>| {
            arg.clone()
                .or_else(|| key.clone())
                .filter(|v| !v.trim().is_empty())
        };
        let dkim = resolve_dkim(
            text(&args.dkim_domain, &file.dkim_domain),
            text(&args.dkim_selector, &file.dkim_selector),
            args.dkim_key.clone().or_else(|| file.dkim_key.clone()),
            &mut problems,
        );
        let mail = newsdesk_mail::MailConfig {
            smtp_url: text(&args.smtp_url, &file.smtp_url),
            from: args
                .mail_from
                .clone()
                .or_else(|| file.mail_from.clone())
                .unwrap_or_else(|| newsdesk_mail::DEFAULT_FROM.to_owned()),
            dkim,
            bounce_address: text(&args.bounce_address, &file.bounce_address),
        };
        // The mail crate owns the URL schemes, address rules and key formats; its errors
        // name the setting (smtp_url, mail_from, bounce_address, dkim_*) and never show the
        // password. One setting at a time, so every wrong one is reported.
        let alone = newsdesk_mail::MailConfig::log_only();
        let one_by_one = [
            newsdesk_mail::MailConfig {
                from: mail.from.clone(),
                ..alone.clone()
            },
            newsdesk_mail::MailConfig {
                smtp_url: mail.smtp_url.clone(),
                ..alone.clone()
            },
            newsdesk_mail::MailConfig {
                bounce_address: mail.bounce_address.clone(),
                ..alone.clone()
            },
            newsdesk_mail::MailConfig {
                dkim: mail.dkim.clone(),
                ..alone
            },
        ];
        for check in &one_by_one {
            if let Err(err) = newsdesk_mail::Mailer::from_config(check) {
                problems.push(err.to_string());
            }
        }
        let mut newsletters = newsdesk_app::config::NewsletterConfig::default();
        if let Some(at) = text(&args.digest_at, &file.digest_at) {
            match parse_digest_at(&at) {
                Some(time) => newsletters.digest_at = time,
                None => problems.push(format!(
                    "digest_at: expected a 24-hour time HH:MM (e.g. 07:00), got {at:?}"
                )),
            }
        }
        if let Some(rate) = args.newsletter_rate.or(file.newsletter_rate) {
            newsletters.send_rate = rate;
        }
        if newsletters.send_rate < 1 {
            problems.push("newsletter_rate: at least 1 (messages per second)".to_owned());
        }
        if let Some(batch) = args.newsletter_batch.or(file.newsletter_batch) {
            newsletters.batch = batch;
        }
        if newsletters.batch < 1 {
            problems.push("newsletter_batch: at least 1".to_owned());
        }
        let websub_hub = text(&args.websub_hub, &file.websub_hub).map(|u| u.trim().to_owned());
        if let Some(hub) = &websub_hub {
            match url::Url::parse(hub) {
                Ok(u) if (u.scheme() == "http" || u.scheme() == "https") && u.has_host() => {}
                _ => problems.push(format!("websub_hub: expected an http(s) URL, got {hub:?}")),
            }
        }
        let max_upload_bytes = args
            .max_upload_bytes
            .or(file.max_upload_bytes)
            .unwrap_or(20 * 1024 * 1024);
        if max_upload_bytes < 1024 {
            problems.push(format!(
                "max_upload_bytes: {max_upload_bytes} is too small (at least 1024)"
            ));
        }
        let max_image_pixels = args
            .max_image_pixels
            .or(file.max_image_pixels)
            .unwrap_or(100_000_000);
        if max_image_pixels < 10_000 {
            problems.push(format!(
                "max_image_pixels: {max_image_pixels} is too small (at least 10000)"
            ));
        }
        let image_decode_memory = args
            .image_decode_memory
            .or(file.image_decode_memory)
            .unwrap_or(newsdesk_media::DEFAULT_DECODE_MEMORY);
        if image_decode_memory < 64 << 20 {
            problems.push(format!(
                "image_decode_memory: {image_decode_memory} is too small (at least 67108864, 64 MiB)"
            ));
        }
        let orphan_grace_hours = args
            .orphan_grace_hours
            .or(file.orphan_grace_hours)
            .unwrap_or(24);
        if orphan_grace_hours < 1 {
            problems.push("orphan_grace_hours: at least 1".to_owned());
        }
        let page_cache_bytes = args
            .page_cache_bytes
            .or(file.page_cache_bytes)
            .unwrap_or(newsdesk_site::cache::DEFAULT_MAX_BYTES);
        if page_cache_bytes < 1 << 20 {
            problems.push(format!(
                "page_cache_bytes: {page_cache_bytes} is too small (at least 1048576, 1 MiB)"
            ));
        }
        let mut trusted_proxies = Vec::new();
        for entry in args
            .trusted_proxies
            .clone()
            .or_else(|| file.trusted_proxies.clone())
            .unwrap_or_default()
            .iter()
            .filter(|e| !e.trim().is_empty())
        {
            match parse_proxy(entry) {
                Ok(net) => trusted_proxies.push(net),
                Err(problem) => problems.push(problem),
            }
        }
        let request_timeout_secs = args
            .request_timeout_secs
            .or(file.request_timeout_secs)
            .unwrap_or(30);
        if !(1..=3600).contains(&request_timeout_secs) {
            problems.push(format!(
                "request_timeout_secs: {request_timeout_secs} is out of range (1 to 3600)"
            ));
        }
        let outbox_retention_hours = args
            .outbox_retention_hours
            .or(file.outbox_retention_hours)
            .unwrap_or(168);
        if outbox_retention_hours < 1 {
            problems.push("outbox_retention_hours: at least 1".to_owned());
        }
        let job_workers = args.job_workers.or(file.job_workers).unwrap_or(2);
        if !(1..=64).contains(&job_workers) {
            problems.push(format!(
                "job_workers: {job_workers} is out of range (1 to 64)"
            ));
        }
        let header_read_timeout_secs = args
            .header_read_timeout_secs
            .or(file.header_read_timeout_secs)
            .unwrap_or(10);
        if !(1..=300).contains(&header_read_timeout_secs) {
            problems.push(format!(
                "header_read_timeout_secs: {header_read_timeout_secs} is out of range (1 to 300)"
            ));
        }
        let idle_timeout_secs = args
            .idle_timeout_secs
            .or(file.idle_timeout_secs)
            .unwrap_or(75);
        if !(1..=3600).contains(&idle_timeout_secs) {
            problems.push(format!(
                "idle_timeout_secs: {idle_timeout_secs} is out of range (1 to 3600)"
            ));
        }
        let max_connections = args.max_connections.or(file.max_connections);
        if let Some(max) = max_connections
            && max < 16
        {
            problems.push(format!("max_connections: {max} is too small (at least 16)"));
        }
        let max_connections_per_client = args
            .max_connections_per_client
            .or(file.max_connections_per_client)
            .unwrap_or(256);
        if max_connections_per_client < 1 {
            problems.push("max_connections_per_client: at least 1".to_owned());
        }
        let live_max_per_client = args
            .live_max_per_client
            .or(file.live_max_per_client)
            .unwrap_or(newsdesk_site::live::DEFAULT_MAX_PER_CLIENT);
        if live_max_per_client < 1 {
            problems.push("live_max_per_client: at least 1".to_owned());
        }
        if !problems.is_empty() {
            bail!("invalid configuration:\n  {}", problems.join("\n  "));
        }
        Ok(Self {
            db,
            listen,
            demo: args.demo,
            base_url,
            site_name: args
                .site_name
                .clone()
                .or_else(|| file.site_name.clone())
                .unwrap_or_else(|| "Newsdesk".to_owned()),
            bus_url,
            mail,
            newsletters,
            websub_hub,
            max_upload_bytes,
            max_image_pixels,
            image_decode_memory,
            orphan_grace: std::time::Duration::from_secs(orphan_grace_hours.saturating_mul(3600)),
            page_cache_bytes,
            secure_cookies: args.secure_cookies.or(file.secure_cookies).unwrap_or(false),
            trusted_proxies,
            request_timeout: std::time::Duration::from_secs(request_timeout_secs),
            outbox_retention: std::time::Duration::from_secs(outbox_retention_hours * 3600),
            job_workers,
            header_read_timeout: std::time::Duration::from_secs(header_read_timeout_secs),
            idle_timeout: std::time::Duration::from_secs(idle_timeout_secs),
            max_connections,
            max_connections_per_client,
            live_max_per_client,
        })
    }
}

/// The three DKIM settings go together: all of them, or none (unsigned mail).
fn resolve_dkim(
    domain: Option<String>,
    selector: Option<String>,
    key: Option<PathBuf>,
    problems: &mut Vec<String>,
) -> Option<newsdesk_mail::DkimSettings> {
    match (domain, selector, key) {
        (None, None, None) => None,
        (Some(domain), Some(selector), Some(key_path)) => Some(newsdesk_mail::DkimSettings {
            domain,
            selector,
            key_path,
        }),
        (domain, selector, key) => {
            let missing: Vec<&str> = [
                ("dkim_domain", domain.is_none()),
                ("dkim_selector", selector.is_none()),
                ("dkim_key", key.is_none()),
            ]
            .into_iter()
            .filter_map(|(name, absent)| absent.then_some(name))
            .collect();
            problems.push(format!(
                "{}: dkim_domain, dkim_selector and dkim_key go together (all three to sign \
                 mail, none to send it unsigned)",
                missing.join(", ")
            ));
            None
        }
    }
}

/// `HH:MM` on the 24-hour clock, two digits each (`07:00`, `18:30`), checked here for a
/// clear message, then parsed into the app's time type (generic, so this crate needs no
/// date library of its own).
fn parse_digest_at<T: std::str::FromStr>(text: &str) -> Option<T> {
    let text = text.trim();
    let (hour, minute) = text.split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !(two_digits(hour) && two_digits(minute)) {
        return None;
    }
    let (hour, minute): (u32, u32) = (hour.parse().ok()?, minute.parse().ok()?);
    if hour > 23 || minute > 59 {
        return None;
    }
    text.parse().ok()
}

/// Variables the binary reads; any other `NEWSDESK_*` is most likely a typo and stops start-up.
const KNOWN_VARS: &[&str] = &[
    "NEWSDESK_CONFIG",
    "NEWSDESK_DATA",
    "NEWSDESK_DATABASE_URL",
    "NEWSDESK_LISTEN",
    "NEWSDESK_DEMO",
    "NEWSDESK_BASE_URL",
    "NEWSDESK_SITE_NAME",
    "NEWSDESK_BUS_URL",
    "NEWSDESK_SMTP_URL",
    "NEWSDESK_MAIL_FROM",
    "NEWSDESK_DKIM_DOMAIN",
    "NEWSDESK_DKIM_SELECTOR",
    "NEWSDESK_DKIM_KEY",
    "NEWSDESK_BOUNCE_ADDRESS",
    "NEWSDESK_DIGEST_AT",
    "NEWSDESK_NEWSLETTER_RATE",
    "NEWSDESK_NEWSLETTER_BATCH",
    "NEWSDESK_WEBSUB_HUB",
    "NEWSDESK_MAX_UPLOAD_BYTES",
    "NEWSDESK_MAX_IMAGE_PIXELS",
    "NEWSDESK_PAGE_CACHE_BYTES",
    "NEWSDESK_IMAGE_DECODE_MEMORY",
    "NEWSDESK_ORPHAN_GRACE_HOURS",
    "NEWSDESK_SECURE_COOKIES",
    "NEWSDESK_TRUSTED_PROXIES",
    "NEWSDESK_REQUEST_TIMEOUT_SECS",
    "NEWSDESK_OUTBOX_RETENTION_HOURS",
    "NEWSDESK_JOB_WORKERS",
    "NEWSDESK_HEADER_READ_TIMEOUT_SECS",
    "NEWSDESK_IDLE_TIMEOUT_SECS",
    "NEWSDESK_MAX_CONNECTIONS",
    "NEWSDESK_MAX_CONNECTIONS_PER_CLIENT",
    "NEWSDESK_DEMO_ARTICLES",
    "NEWSDESK_DEMO_SEED",
    "NEWSDESK_LOG",
    "NEWSDESK_LIVE_MAX_PER_CLIENT",
];

/// Test-suite variables (`NEWSDESK_TEST_*`) are read by the tests, not the binary.
pub fn check_environment(vars: impl Iterator<Item = String>) -> anyhow::Result<()> {
    let unknown: Vec<String> = vars
        .filter(|k| {
            k.starts_with("NEWSDESK_")
                && !k.starts_with("NEWSDESK_TEST_")
                && !KNOWN_VARS.contains(&k.as_str())
        })
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        bail!(
            "unknown environment variable(s): {} (known: {})",
            unknown.join(", "),
            KNOWN_VARS.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_file_key_is_named() {
        let err = toml::from_str::<FileConfig>("listen = \"127.0.0.1:1\"\nlisten_port = 3")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("listen_port")));
    }

    #[test]
    fn bad_file_value_is_named() {
        let err = toml::from_str::<FileConfig>("listen = \"nowhere\"")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("listen")));
    }

    #[test]
    fn media_section_is_checked() {
        let ok = toml::from_str::<FileConfig>("[media]\nkind = \"local\"\nroot = \"/srv/media\"");
        assert!(ok.is_ok());
        let err = toml::from_str::<FileConfig>("[media]\nkind = \"ftp\"")
            .err()
            .map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(
                |e| e.contains("kind = \"ftp\"") && e.contains("expected one of `local`, `s3`")
            ),
            "{err:?}"
        );
    }

    fn serve_args(extra: &[&str]) -> (ServeArgs, tempfile::TempDir) {
        use clap::Parser;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = dir.path().display().to_string();
        let mut argv = vec!["newsdesk", "serve", "--data", data.as_str()];
        argv.extend_from_slice(extra);
        match crate::cli::Cli::try_parse_from(argv).map(|c| c.command) {
            Ok(crate::cli::Command::Serve(args)) => (args, dir),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mail_settings_come_from_flags_or_the_file_and_are_checked() {
        let file: FileConfig = toml::from_str(
            "smtp_url = \"smtp://news:s3cret@mail.example.com:587?tls=required\"\n\
             mail_from = \"The Example Times <news@example.com>\"",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let (args, _dir) = serve_args(&[]);
        let config = ServeConfig::resolve(&args, &file).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(config.mail.from, "The Example Times <news@example.com>");
        assert!(!format!("{config:?}").contains("s3cret"));

        let (args, _dir) = serve_args(&[]);
        let config =
            ServeConfig::resolve(&args, &FileConfig::default()).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(config.mail.smtp_url, None);
        assert_eq!(config.mail.from, newsdesk_mail::DEFAULT_FROM);

        let (args, _dir) = serve_args(&[
            "--smtp-url",
            "smtp://news:s3cret@mail.example.com?tls=yes",
            "--mail-from",
            "nobody",
        ]);
        let err = ServeConfig::resolve(&args, &file)
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(err.contains("smtp_url: "), "{err}");
        assert!(err.contains("mail_from: "), "{err}");
        assert!(!err.contains("s3cret"), "{err}");
        let (args, _dir) = serve_args(&["--mail-from", "nobody"]);
        let err = ServeConfig::resolve(&args, &FileConfig::default())
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(err.contains("mail_from: "), "{err}");
    }

    #[test]
    fn newsletter_dkim_and_websub_settings_come_from_flags_or_the_file_and_are_checked() {
        let (args, _dir) = serve_args(&[]);
        let config =
            ServeConfig::resolve(&args, &FileConfig::default()).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(
            config.newsletters,
            newsdesk_app::config::NewsletterConfig::default()
        );
        assert_eq!(config.newsletters.digest_at.to_string(), "07:00:00");
        assert_eq!(config.newsletters.send_rate, 50);
        assert_eq!(config.newsletters.batch, 500);
        assert_eq!(config.mail.dkim, None);
        assert_eq!(config.mail.bounce_address, None);
        assert_eq!(config.websub_hub, None);

        // A test-only key (crates/mail/tests/fixtures/README.md).
        let key = Path::new(env!("CARGO_MANIFEST_DIR")).join("../mail/tests/fixtures/dkim-rsa.pem");
        let file: FileConfig = toml::from_str(&format!(
            "dkim_domain = \"news.example.com\"\n\
             dkim_selector = \"nd2026\"\n\
             dkim_key = \"{}\"\n\
             bounce_address = \"bounces@news.example.com\"\n\
             digest_at = \"06:30\"\n\
             newsletter_rate = 20\n\
             newsletter_batch = 200\n\
             websub_hub = \"https://hub.example.com/\"",
            key.display()
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let (args, _dir) = serve_args(&[]);
        let config = ServeConfig::resolve(&args, &file).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(
            config.mail.dkim,
            Some(newsdesk_mail::DkimSettings {
                domain: "news.example.com".into(),
                selector: "nd2026".into(),
                key_path: key.clone(),
            })
        );
        assert_eq!(
            config.mail.bounce_address.as_deref(),
            Some("bounces@news.example.com")
        );
        assert_eq!(config.newsletters.digest_at.to_string(), "06:30:00");
        assert_eq!(config.newsletters.send_rate, 20);
        assert_eq!(config.newsletters.batch, 200);
        assert_eq!(
            config.websub_hub.as_deref(),
            Some("https://hub.example.com/")
        );
        let mailer =
            newsdesk_mail::Mailer::from_config(&config.mail).unwrap_or_else(|e| panic!("{e}"));
        assert!(mailer.signs());

        // Flags win over the file.
        let (args, _dir) = serve_args(&[
            "--digest-at",
            "21:05",
            "--newsletter-rate",
            "5",
            "--websub-hub",
            "http://127.0.0.1:9/hub",
        ]);
        let config = ServeConfig::resolve(&args, &file).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(config.newsletters.digest_at.to_string(), "21:05:00");
        assert_eq!(config.newsletters.send_rate, 5);
        assert_eq!(config.newsletters.batch, 200);
        assert_eq!(config.websub_hub.as_deref(), Some("http://127.0.0.1:9/hub"));

        // Every wrong setting is named, all at once.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("missing.pem").display().to_string();
        let (args, _dir) = serve_args(&[
            "--digest-at",
            "7:00",
            "--newsletter-rate",
            "0",
            "--newsletter-batch",
            "0",
            "--websub-hub",
            "ftp://hub.example.com/",
            "--bounce-address",
            "bounces+x@news.example.com",
            "--dkim-key",
            missing.as_str(),
        ]);
        let err = ServeConfig::resolve(&args, &file)
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        for setting in [
            "digest_at: ",
            "newsletter_rate: ",
            "newsletter_batch: ",
            "websub_hub: ",
            "bounce_address: ",
            "dkim_key: cannot read",
        ] {
            assert!(err.contains(setting), "{setting} not in {err}");
        }
        for bad in ["24:00", "07:60", "0700", "07:00 pm"] {
            let (args, _dir) = serve_args(&["--digest-at", bad]);
            let err = ServeConfig::resolve(&args, &FileConfig::default())
                .err()
                .map(|e| format!("{e:#}"))
                .unwrap_or_default();
            assert!(err.contains("digest_at: "), "{bad}: {err}");
        }

        // The DKIM settings go together.
        let (args, _dir) = serve_args(&["--dkim-domain", "news.example.com"]);
        let err = ServeConfig::resolve(&args, &FileConfig::default())
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(
            err.contains(
                "dkim_selector, dkim_key: dkim_domain, dkim_selector and dkim_key go together"
            ),
            "{err}"
        );
    }

    #[test]
    fn every_variable_of_the_command_line_is_known() {
        use clap::CommandFactory;
        fn walk(command: &clap::Command, unknown: &mut Vec<String>) {
            for arg in command.get_arguments() {
                if let Some(env) = arg.get_env().map(|e| e.to_string_lossy().into_owned())
                    && !KNOWN_VARS.contains(&env.as_str())
                {
                    unknown.push(env);
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, unknown);
            }
        }
        let mut unknown = Vec::new();
        walk(&crate::cli::Cli::command(), &mut unknown);
        assert!(unknown.is_empty(), "not in KNOWN_VARS: {unknown:?}");
    }

    #[test]
    fn unknown_variable_is_refused() {
        let vars = [
            "NEWSDESK_LISTEN".to_owned(),
            "NEWSDESK_LISTN".to_owned(),
            "NEWSDESK_TEST_DATABASE_URL".to_owned(),
        ];
        let err = check_environment(vars.into_iter())
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("NEWSDESK_LISTN") && !e.contains("NEWSDESK_TEST")));
    }
}
