//! `newsdesk-loadgen`: load for the live parts of Newsdesk (docs/LIVE.md), used by
//! bench/live.sh.
//!
//! * `chat`: N read-only WebSocket receivers in a room, one staff sender at R messages per
//!   second; delivery latency (send → every receiver), deliveries, server closes.
//! * `sse`: N newsfeed streams; optionally K items published through the Admin API and their
//!   publish-to-receive latency; or the streams held idle (for the server's memory).
//!
//! Progress goes to stderr; the figures to stdout, ending with one `RESULT {json}` line.
//! With `--server-pid` the server's VmRSS is read before connecting, once all are connected
//! (after `--settle-seconds`), and at the end.

mod chat;
mod net;
mod sse;
mod stats;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "newsdesk-loadgen",
    about = "Load for Newsdesk's chat sockets and newsfeed stream"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// N receivers in a chat room, one staff sender at --rate messages per second.
    Chat(chat::ChatArgs),
    /// N newsfeed streams, idle or while --publish K items are published.
    Sse(sse::SseArgs),
}

/// Flags of both subcommands.
#[derive(clap::Args, Debug)]
pub struct Common {
    /// The server, http://host:port.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub base: String,
    /// Connections (receivers or streams).
    #[arg(long, default_value_t = 100)]
    pub clients: usize,
    /// chat: how long the sender sends; sse: how long the streams are held once connected.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// Connects (TCP + upgrade or response head) in flight at once.
    #[arg(long, default_value_t = 256)]
    pub connect_concurrency: usize,
    /// Give up waiting for all connections after this long.
    #[arg(long, default_value_t = 300)]
    pub connect_timeout: u64,
    /// The server's process id: its VmRSS is reported (before, connected, end).
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Wait this long after all connected before sampling the server's memory and going on.
    #[arg(long, default_value_t = 1)]
    pub settle_seconds: u64,
    /// Spread the connections over source addresses 127.0.0.1 … 127.0.0.N (loopback server
    /// only): more ephemeral ports, and separate client addresses for per-address limits.
    #[arg(long, default_value_t = 1)]
    pub source_ips: u8,
}

#[tokio::main]
async fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Chat(args) => chat::run(args).await,
        Command::Sse(args) => sse::run(args).await,
    }
}
