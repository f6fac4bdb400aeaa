//! `newsdesk serve`: opens the store, fills the demo newsroom if asked, starts the
//! background work and serves the assembled router (both from `newsdesk-server`, the same
//! assembly every test uses) until Ctrl-C or SIGTERM, then drains requests and jobs.

use anyhow::Context;
use newsdesk_bus::Bus;
use newsdesk_media::MediaStore;
use newsdesk_site::{AppConfig, AppState};

use crate::cli::ServeArgs;
use crate::config::{DbConfig, FileConfig, ServeConfig};

pub async fn run(args: &ServeArgs, file: &FileConfig) -> anyhow::Result<()> {
    let config = ServeConfig::resolve(args, file)?;
    let store = super::open_store(&config.db).await?;
    let media = media_store(&config.db)?;
    if !config.db.media.is_shared() && !config.db.database_url.starts_with("sqlite") {
        tracing::warn!(
            "media storage is a local folder while the database is shared: run one instance, \
             or configure [media] kind = \"s3\" so every instance sees every photo"
        );
    }

    if config.demo {
        // Locked and recorded: a second instance waits and then skips, and a seed cut
        // short by a kill is redone rather than served half-built.
        let seeded =
            newsdesk_demo::seed_if_needed(&store, &media, &demo_options(args.demo_articles))
                .await
                .context("demo generation failed")?;
        match seeded {
            newsdesk_demo::Seeded::Made(report) | newsdesk_demo::Seeded::Redone(report) => {
                tracing::info!(%report, "demo newsroom ready");
            }
            newsdesk_demo::Seeded::Skipped => {}
        }
        // The demo's footer pages (About, Contact, Privacy…), written once per database;
        // never on a site of its own, whose editors write theirs.
        if store.seed_state(newsdesk_demo::DEMO_SEED).await?
            == Some(newsdesk_store::SeedState::Complete)
        {
            let added = store
                .add_default_static_pages()
                .await
                .context("default pages failed")?;
            if added > 0 {
                tracing::info!(added, "default static pages written");
            }
        }
    }

    // Bind first, then announce: whoever waits for the "listening" line never races the
    // start-up, and port 0 gives a free port (the line says which).
    let listener = newsdesk_server::bind(config.listen)
        .with_context(|| format!("listen: cannot bind {}", config.listen))?;
    let local = listener.local_addr().context("listen: no local address")?;
    let base_url = config
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"));

    let bus = Bus::connect(&config.bus_url).await.with_context(|| {
        format!(
            "bus_url: cannot connect to {}",
            super::redact(&config.bus_url)
        )
    })?;
    if !bus.is_cluster_capable() && config.db.database_url.starts_with("postgres") {
        tracing::warn!(
            "bus_url is memory: with PostgreSQL; run one instance, or use --bus-url postgres://… or nats://… \
             so other instances drop stale pages at once instead of at their next outbox poll"
        );
    }
    let web = AppConfig {
        listen: local,
        base_url: base_url.clone(),
        site_name: config.site_name.clone(),
        data_dir: config.db.data_dir.clone(),
        max_upload_bytes: config.max_upload_bytes,
        max_image_pixels: config.max_image_pixels,
        image_decode_memory: config.image_decode_memory,
        orphan_grace: config.orphan_grace,
        page_cache_bytes: config.page_cache_bytes,
        secure_cookies: config.secure_cookies,
        trusted_proxies: config.trusted_proxies.clone(),
        request_timeout: config.request_timeout,
        outbox_retention: config.outbox_retention,
        job_workers: config.job_workers,
        live_max_per_client: config.live_max_per_client,
        mail: config.mail.clone(),
        newsletters: config.newsletters.clone(),
        websub_hub: config.websub_hub.clone(),
    };
    let limits = connection_limits(&config);
    let state = AppState::new(store, bus, media, web).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mailer = state.app().mailer();
    if mailer.is_smtp() {
        tracing::info!(from = %mailer.from(), "email: sending over {}", mailer.describe());
    } else {
        tracing::warn!("email: no smtp_url configured; messages are written to the log, not sent");
    }
    let background = newsdesk_server::start_background(&state);
    let live = state.live().clone();
    let app = newsdesk_server::router(state);

    tracing::info!(address = %local, %base_url, "newsdesk is serving");
    // Handlers go in before the "listening" line, so a signal sent right after it is caught.
    let signal = shutdown_signal()?;
    // Live streams and sockets never finish by themselves: end them when the signal comes,
    // so the server can drain (clients reconnect to another instance and resume).
    let shutdown = async move {
        signal.await;
        live.close_all();
    };
    println!("newsdesk listening on http://{local}");
    newsdesk_server::serve(listener, app, limits, shutdown)
        .await
        .context("server error")?;
    // Requests in flight have been answered; now let each worker finish the job in hand.
    background
        .shutdown(std::time::Duration::from_secs(20))
        .await;
    tracing::info!("stopped");
    Ok(())
}

/// The connection limits, with the open-file limit raised first so the cap can be as high
/// as the machine allows and still leave descriptors for the database and media.
fn connection_limits(config: &ServeConfig) -> newsdesk_server::ConnectionLimits {
    let nofile = newsdesk_server::raise_fd_limit();
    let mut limits = newsdesk_server::ConnectionLimits {
        header_read_timeout: config.header_read_timeout,
        idle_timeout: config.idle_timeout,
        max_connections_per_client: config.max_connections_per_client,
        exempt: config.trusted_proxies.clone(),
        ..newsdesk_server::ConnectionLimits::default()
    };
    if let Some(max) = config.max_connections {
        limits.max_connections = max;
    }
    let wanted = limits.max_connections;
    let cap = limits.fit_to_fd_limit(nofile);
    let open_files = nofile.map_or_else(|| "unlimited".to_owned(), |n| n.to_string());
    if cap < wanted && config.max_connections.is_some() {
        tracing::warn!(
            max_connections = cap,
            configured = wanted,
            open_files,
            "max_connections lowered to leave room under the open-file limit"
        );
    } else {
        tracing::info!(max_connections = cap, open_files, "connection limits");
    }
    limits
}

/// `serve --demo` must be up within seconds on a fresh machine: a smaller photo pool than
/// `newsdesk demo` makes (photos dominate the time), still with every aspect ratio at full
/// size, so even a portrait photo yields the 1200 px wide 16:9 crop Google asks for.
fn demo_options(articles: usize) -> newsdesk_demo::DemoOptions {
    newsdesk_demo::DemoOptions {
        articles,
        photos: 20,
        ..newsdesk_demo::DemoOptions::default()
    }
}

pub fn media_store(db: &DbConfig) -> anyhow::Result<MediaStore> {
    MediaStore::from_config(&db.media, &db.data_dir)
        .with_context(|| format!("media: cannot open {:?}", db.media))
}

fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .context("cannot listen for SIGTERM")?;
    Ok(async move {
        tokio::select! {
            result = tokio::signal::ctrl_c() => {
                if let Err(err) = result {
                    tracing::error!(%err, "cannot listen for Ctrl-C");
                }
            }
            _ = terminate.recv() => {},
        }
        tracing::info!("shutting down: finishing requests in flight");
    })
}
