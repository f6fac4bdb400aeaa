//! Which bus to run, chosen by one URL at start-up.

use std::fmt;

use crate::error::BusError;

/// Namespace used when the operator sets none: channel `newsdesk_events`,
/// subject `newsdesk.events`.
pub const DEFAULT_NAMESPACE: &str = "newsdesk";

/// Messages a subscriber may fall behind by before it is told to catch up from the
/// outbox instead. Large enough to absorb a bulk import's burst on a busy instance.
pub const DEFAULT_CAPACITY: usize = 4096;

/// Messages a topic subscriber may fall behind by before it receives
/// [`crate::TopicEvent::Lagged`]. Smaller than the event capacity because every topic
/// with a subscriber on an instance has a buffer of its own, allocated up front.
pub const DEFAULT_TOPIC_CAPACITY: usize = 256;

// tokio's broadcast channel panics on a capacity of 0 or above usize::MAX / 2; a
// million buffered events is already far beyond any sensible setting.
const MAX_CAPACITY: usize = 1 << 20;
const MAX_NAMESPACE_LEN: usize = 40;

/// The backend kind, for logs and for the "several instances" check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusKind {
    InProcess,
    Postgres,
    Nats,
}

impl fmt::Display for BusKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BusKind::InProcess => "in-process",
            BusKind::Postgres => "postgres",
            BusKind::Nats => "nats",
        })
    }
}

#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Target {
    InProcess,
    Postgres { url: String },
    Nats { url: String },
}

/// Bus configuration: a backend URL plus the namespace that keeps several sites
/// sharing one PostgreSQL database or one NATS server apart.
///
/// `Debug` and every error redact passwords and tokens in the URL.
#[derive(Clone, PartialEq, Eq)]
pub struct BusConfig {
    pub(crate) target: Target,
    pub(crate) namespace: String,
    pub(crate) capacity: usize,
    pub(crate) topic_capacity: usize,
}

impl BusConfig {
    /// The single-instance bus (the default).
    pub fn in_process() -> Self {
        BusConfig {
            target: Target::InProcess,
            namespace: DEFAULT_NAMESPACE.to_owned(),
            capacity: DEFAULT_CAPACITY,
            topic_capacity: DEFAULT_TOPIC_CAPACITY,
        }
    }

    /// `memory:` (in-process), `postgres://…` / `postgresql://…` (LISTEN/NOTIFY) or
    /// `nats://host:4222` (NATS). Anything else is an error naming what to use instead,
    /// so a typo never silently falls back to a bus that cannot reach other instances.
    pub fn from_url(url: &str) -> Result<Self, BusError> {
        let trimmed = url.trim();
        let unsupported = |hint| BusError::UnsupportedUrl {
            url: redact_url(trimmed),
            hint,
        };
        if trimmed == "memory:" || trimmed == "memory" || trimmed == "memory://" {
            return Ok(Self::in_process());
        }
        let scheme = match trimmed.split_once("://") {
            Some((scheme, rest)) if !rest.is_empty() => scheme.to_ascii_lowercase(),
            _ => {
                return Err(unsupported(
                    "expected memory:, postgres://user@host/db or nats://host:4222",
                ));
            }
        };
        let target = match scheme.as_str() {
            "postgres" | "postgresql" => Target::Postgres {
                url: trimmed.to_owned(),
            },
            "nats" => Target::Nats {
                url: trimmed.to_owned(),
            },
            "sqlite" => {
                return Err(unsupported(
                    "SQLite cannot notify other processes; use memory: for a single instance, \
                     or postgres:// / nats:// for several",
                ));
            }
            "redis" | "rediss" => {
                return Err(unsupported(
                    "there is no Redis bus; use nats:// or postgres://",
                ));
            }
            _ => {
                return Err(unsupported(
                    "expected memory:, postgres://user@host/db or nats://host:4222",
                ));
            }
        };
        Ok(BusConfig {
            target,
            ..Self::in_process()
        })
    }

    /// Sets the namespace: the PostgreSQL channel becomes `{namespace}_events` and the
    /// NATS subject `{namespace}.events`. Lowercase ASCII letters, digits and `_`,
    /// starting with a letter, at most 40 characters.
    pub fn with_namespace(mut self, namespace: &str) -> Result<Self, BusError> {
        validate_namespace(namespace)?;
        self.namespace = namespace.to_owned();
        Ok(self)
    }

    /// Sets how many messages a subscriber may fall behind by before it receives a
    /// [`crate::BusMessage::CatchUp`] instead of the events it missed. Clamped to
    /// `1..=1048576`.
    pub fn with_capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity.clamp(1, MAX_CAPACITY);
        self
    }

    /// Sets how many messages a topic subscriber may fall behind by before it receives
    /// a [`crate::TopicEvent::Lagged`] instead of the messages it missed. Clamped to
    /// `1..=1048576`. Each topic subscribed to on an instance buffers this many.
    pub fn with_topic_capacity(mut self, capacity: usize) -> Self {
        self.topic_capacity = capacity.clamp(1, MAX_CAPACITY);
        self
    }

    pub fn kind(&self) -> BusKind {
        match self.target {
            Target::InProcess => BusKind::InProcess,
            Target::Postgres { .. } => BusKind::Postgres,
            Target::Nats { .. } => BusKind::Nats,
        }
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn topic_capacity(&self) -> usize {
        self.topic_capacity
    }

    /// The PostgreSQL channel this configuration listens and notifies on.
    pub fn postgres_channel(&self) -> String {
        format!("{}_events", self.namespace)
    }

    /// The NATS subject this configuration subscribes and publishes to.
    pub fn nats_subject(&self) -> String {
        format!("{}.events", self.namespace)
    }

    /// The PostgreSQL channel that carries every topic of this namespace (the topic
    /// travels inside the payload; see [`crate::Bus::subscribe_topic`]).
    pub fn postgres_topic_channel(&self) -> String {
        format!("{}_topics", self.namespace)
    }

    /// The NATS subject prefix of topics: topic `chat.1` is published on
    /// `{namespace}.topic.chat.1`.
    pub fn nats_topic_prefix(&self) -> String {
        format!("{}.topic.", self.namespace)
    }
}

impl Default for BusConfig {
    fn default() -> Self {
        Self::in_process()
    }
}

impl fmt::Debug for BusConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = match &self.target {
            Target::InProcess => "memory:".to_owned(),
            Target::Postgres { url } | Target::Nats { url } => redact_url(url),
        };
        f.debug_struct("BusConfig")
            .field("url", &url)
            .field("namespace", &self.namespace)
            .field("capacity", &self.capacity)
            .field("topic_capacity", &self.topic_capacity)
            .finish()
    }
}

/// What [`crate::Bus::connect`] accepts: a ready [`BusConfig`], or a bus URL (`&str`,
/// `String`) taken with the default namespace and capacity. Like `ToSocketAddrs`, so
/// the common call is `Bus::connect(&settings.bus_url)`.
pub trait ToBusConfig {
    fn to_bus_config(&self) -> Result<BusConfig, BusError>;
}

impl ToBusConfig for BusConfig {
    fn to_bus_config(&self) -> Result<BusConfig, BusError> {
        Ok(self.clone())
    }
}

impl ToBusConfig for str {
    fn to_bus_config(&self) -> Result<BusConfig, BusError> {
        BusConfig::from_url(self)
    }
}

impl ToBusConfig for String {
    fn to_bus_config(&self) -> Result<BusConfig, BusError> {
        BusConfig::from_url(self)
    }
}

fn validate_namespace(namespace: &str) -> Result<(), BusError> {
    let invalid = |reason| BusError::InvalidNamespace {
        namespace: namespace.chars().take(64).collect(),
        reason,
    };
    if namespace.is_empty() || namespace.len() > MAX_NAMESPACE_LEN {
        return Err(invalid("must be 1 to 40 characters long"));
    }
    if !namespace.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(invalid("must start with a lowercase ASCII letter"));
    }
    // `.`, `*` and `>` would change the meaning of a NATS subject, and PostgreSQL
    // channel names are identifiers: the common subset is this.
    if !namespace
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(invalid("may hold only a-z, 0-9 and _"));
    }
    Ok(())
}

/// The URL with its password, any NATS token and credential query parameters replaced
/// by `***`, fit for logs and error messages. An unparsable URL is replaced whole,
/// since we cannot tell where a secret might be in it.
pub fn redact_url(raw: &str) -> String {
    let Ok(mut url) = url::Url::parse(raw) else {
        return "<unparsable URL>".to_owned();
    };
    if url.password().is_some() {
        let _ = url.set_password(Some("***"));
    } else if url.scheme() == "nats" && !url.username().is_empty() {
        // nats://TOKEN@host carries a bearer token in the user name.
        let _ = url.set_username("***");
    }
    if url.query().is_some() {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| {
                let secret = ["password", "token", "secret", "nkey", "creds"]
                    .iter()
                    .any(|s| k.to_ascii_lowercase().contains(s));
                let value = if secret {
                    "***".to_owned()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), value)
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_backend_from_the_scheme() {
        assert_eq!(
            BusConfig::from_url("memory:").map(|c| c.kind()).ok(),
            Some(BusKind::InProcess)
        );
        assert_eq!(
            BusConfig::from_url("postgresql://u@db/x")
                .map(|c| c.kind())
                .ok(),
            Some(BusKind::Postgres)
        );
        assert_eq!(
            BusConfig::from_url("NATS://127.0.0.1:4222")
                .map(|c| c.kind())
                .ok(),
            Some(BusKind::Nats)
        );
    }

    #[test]
    fn refuses_other_urls_with_a_hint() {
        for url in [
            "",
            "memroy:",
            "redis://x",
            "sqlite://a.db",
            "http://x",
            "nats://",
        ] {
            let err = BusConfig::from_url(url).err().map(|e| e.to_string());
            assert!(
                err.as_deref()
                    .is_some_and(|e| e.contains("unsupported bus URL")),
                "{url}: {err:?}"
            );
        }
        let err = BusConfig::from_url("redis://h")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("nats://")));
    }

    #[test]
    fn secrets_never_reach_debug_or_errors() {
        let cfg = BusConfig::from_url("postgres://news:hunter2@db/x?password=hunter3")
            .map(|c| format!("{c:?}"))
            .unwrap_or_default();
        assert!(cfg.contains("news:***@db"), "{cfg}");
        assert!(!cfg.contains("hunter"), "{cfg}");
        assert_eq!(
            redact_url("nats://s3cret@host:4222"),
            "nats://***@host:4222"
        );
        let err = BusConfig::from_url("redis://u:hunter2@h")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn namespace_names_channel_and_subject() {
        let cfg = BusConfig::in_process().with_namespace("site_2");
        assert_eq!(
            cfg.as_ref()
                .map(|c| (c.postgres_channel(), c.nats_subject()))
                .ok(),
            Some(("site_2_events".to_owned(), "site_2.events".to_owned()))
        );
        assert_eq!(
            cfg.as_ref()
                .map(|c| (c.postgres_topic_channel(), c.nats_topic_prefix()))
                .ok(),
            Some(("site_2_topics".to_owned(), "site_2.topic.".to_owned()))
        );
        for bad in ["", "a.b", "a*", "Upper", "1abc", "a>", &"x".repeat(41)] {
            assert!(
                BusConfig::in_process().with_namespace(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn capacity_is_clamped_to_what_the_channel_accepts() {
        assert_eq!(BusConfig::in_process().with_capacity(0).capacity(), 1);
        assert_eq!(
            BusConfig::in_process().with_capacity(usize::MAX).capacity(),
            MAX_CAPACITY
        );
        assert_eq!(
            BusConfig::in_process()
                .with_topic_capacity(0)
                .topic_capacity(),
            1
        );
        assert_eq!(
            BusConfig::in_process()
                .with_topic_capacity(usize::MAX)
                .topic_capacity(),
            MAX_CAPACITY
        );
    }
}
