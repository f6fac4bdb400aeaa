//! The floor under Newsdesk's cached pages: bare hyper on tokio answering every request
//! with one file's bytes, no routing and no middleware. `bench/floor.sh` runs it beside
//! nginx on the same file to show how much of the gap to nginx is the HTTP stack itself.
//!
//! Usage: `floor FILE ADDR [multi|per-core]` — `multi` is tokio's work-stealing runtime
//! (what `newsdesk serve` runs), `per-core` one single-threaded runtime per core, each with
//! its own `SO_REUSEPORT` listener (how nginx's workers share a port).

use std::convert::Infallible;
use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Response, header};
use hyper_util::rt::TokioIo;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(addr)) = (args.next(), args.next()) else {
        return Err("usage: floor FILE ADDR [multi|per-core]".into());
    };
    let mode = args.next().unwrap_or_else(|| "multi".to_owned());
    let body = Bytes::from(std::fs::read(file)?);
    let addr: SocketAddr = addr.parse()?;
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    match mode.as_str() {
        "multi" => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?
            .block_on(serve(addr, body, false)),
        "per-core" => {
            let threads: Vec<_> = (0..cores)
                .map(|_| {
                    let body = body.clone();
                    std::thread::spawn(move || -> std::io::Result<()> {
                        tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()?
                            .block_on(serve(addr, body, true))
                    })
                })
                .collect();
            for thread in threads {
                thread.join().map_err(|_| "a worker panicked")??;
            }
            Ok(())
        }
        other => return Err(format!("unknown mode {other}").into()),
    }?;
    Ok(())
}

async fn serve(addr: SocketAddr, body: Bytes, reuse_port: bool) -> std::io::Result<()> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.set_reuseport(reuse_port)?;
    socket.bind(addr)?;
    let listener = socket.listen(8192)?;
    println!("listening on {addr}");
    loop {
        let (stream, _) = listener.accept().await?;
        let _ = stream.set_nodelay(true);
        let body = body.clone();
        tokio::spawn(async move {
            let service = service_fn(move |_request| {
                let body = body.clone();
                async move {
                    let mut response = Response::new(Full::new(body));
                    response.headers_mut().insert(
                        header::CONTENT_TYPE,
                        header::HeaderValue::from_static("text/html; charset=utf-8"),
                    );
                    Ok::<_, Infallible>(response)
                }
            });
            let _ = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
