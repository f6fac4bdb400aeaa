//! `newsdesk`: the one binary of the Newsdesk news platform.

mod cli;
mod commands;
mod config;

use clap::Parser;

/// See the dependency's comment in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    // Held to the end of `main`: dropping it flushes the log lines still queued.
    let _log_flush = init_tracing();
    match commands::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// What is logged when `NEWSDESK_LOG` says nothing else.
pub const DEFAULT_LOG_FILTER: &str = "info,sqlx=warn,tower_http=warn";

/// Parsers that log a line per oddity of their input: html5ever warns once per node it
/// has to re-parent, so one body of `"<table>x"*20000` wrote 20,000 lines. Bad input is
/// the renderer's business (it bounds and sanitises it), not the operator's; these stay
/// at `error` unless `NEWSDESK_LOG` names them.
const NOISY_PARSERS: &[&str] = &["html5ever", "markup5ever", "ammonia"];

/// `NEWSDESK_LOG` (or [`DEFAULT_LOG_FILTER`]), with [`NOISY_PARSERS`] quietened.
pub fn log_filter(from_env: Option<&str>) -> tracing_subscriber::EnvFilter {
    let wanted = from_env.filter(|f| !f.trim().is_empty());
    let mut filter = wanted
        .and_then(|f| tracing_subscriber::EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| tracing_subscriber::EnvFilter::new(DEFAULT_LOG_FILTER));
    for name in NOISY_PARSERS {
        if wanted.is_some_and(|f| f.contains(name)) {
            continue;
        }
        if let Ok(directive) = format!("{name}=error").parse() {
            filter = filter.add_directive(directive);
        }
    }
    filter
}

/// Logs go to stderr through a background writer: with one line per request, writing on
/// the request's own thread cost a quarter of the throughput of cached pages (BENCHMARKS.md).
/// Under a flood the writer drops lines rather than slow requests down, and says how many.
fn init_tracing() -> tracing_appender::non_blocking::WorkerGuard {
    use std::io::IsTerminal;
    let filter = log_filter(std::env::var("NEWSDESK_LOG").ok().as_deref());
    let ansi = std::io::stderr().is_terminal();
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(true)
        .buffered_lines_limit(64 * 1024)
        // The worker writes every queued line, then flushes once the queue is empty: one
        // write(2) per burst instead of one per request line.
        .finish(std::io::BufWriter::with_capacity(
            64 * 1024,
            std::io::stderr(),
        ));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(writer)
        .init();
    guard
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use tracing_subscriber::layer::{Context, SubscriberExt};
    use tracing_subscriber::util::SubscriberInitExt;

    use super::*;

    struct Count(Arc<AtomicUsize>);

    impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Count {
        fn on_event(&self, _: &tracing::Event<'_>, _: Context<'_, S>) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Issue 12, point 12. html5ever logs through the `log` crate; `try_init` bridges
    /// it into tracing as the binary's `init` does.
    #[test]
    fn one_bad_body_does_not_flood_the_log() {
        let lines = Arc::new(AtomicUsize::new(0));
        tracing_subscriber::registry()
            .with(log_filter(None))
            .with(Count(lines.clone()))
            .try_init()
            .unwrap();
        let render = |body: &str| newsdesk_core::body::render(body, &Default::default()).html;
        // The body, and one whose tables are not nested: each foster-parents a text.
        let body = "<table>x</table>".repeat(20_000);
        assert!(render(&"<table>x".repeat(20_000)).contains('x'));
        assert!(render(&body).contains('x'));
        assert!(lines.load(Ordering::Relaxed) <= 3, "{lines:?} lines");
        // Our own warnings still get through.
        tracing::warn!(target: "newsdesk_site", "a warning");
        assert!(lines.load(Ordering::Relaxed) >= 1);
        // The same under the filter this replaced: a line per table.
        let before = Arc::new(AtomicUsize::new(0));
        let old_filter = tracing_subscriber::EnvFilter::new(DEFAULT_LOG_FILTER);
        let subscriber = tracing_subscriber::registry()
            .with(old_filter)
            .with(Count(before.clone()));
        tracing::subscriber::with_default(subscriber, || render(&body));
        assert!(before.load(Ordering::Relaxed) > 1_000, "{before:?}");
    }

    #[test]
    fn an_operator_filter_keeps_parsers_quiet_unless_it_names_them() {
        let quiet = log_filter(Some("debug")).to_string();
        assert!(quiet.contains("html5ever=error"), "{quiet}");
        let named = log_filter(Some("debug,html5ever=warn")).to_string();
        assert!(!named.contains("html5ever=error"), "{named}");
        let fallback = log_filter(Some("")).to_string();
        assert!(fallback.contains("sqlx=warn"), "{fallback}");
    }
}
