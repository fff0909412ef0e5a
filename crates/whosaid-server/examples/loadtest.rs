//! Load test of a running `whosaid serve` on loopback: N keep-alive
//! clients issue searches, pages and API calls for a fixed time; prints
//! request count, errors and latency percentiles, overall and per shape.
//!
//! `cargo run --release -p whosaid-server --example loadtest -- 127.0.0.1:8080 8 10`
//! (address, clients, seconds).

use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Request shapes, taken in turn by each client: searches of every kind,
/// then the pages and API calls a researcher's session makes.
const PATHS: &[&str] = &[
    "/api/search?q=Clinton",
    "/api/search?q=email+server",
    "/api/search?q=Trump+wall",
    "/api/search?q=%22health+care%22",
    "/api/search?q=refugees",
    "/api/search?q=taxes&outlet=News",
    "/api/search?speaker=Sanders",
    "/api/search?q=Russia&since=2016-01-01",
    "/api/search?q=debate+OR+poll",
    "/api/search?q=jobs*",
    // The commonest word, ranked within the window and paged past it.
    "/api/search?q=said",
    "/api/search?q=said&offset=1500",
    // Forgiving queries (translated, never an engine error).
    "/api/search?q=Trump%27s+e-mail",
    // No words: the newest statements; filters; date order.
    "/api/search",
    "/api/search?kind=direct&anonymous=true",
    "/api/search?said_since=2016-06-01&said_until=2016-06-30",
    "/api/search?q=email&sort=newest",
    // Pages and lists.
    "/",
    "/speakers",
    "/api/speakers",
    "/api/speakers?offset=50",
    "/speakers/1",
    "/api/speakers/1?limit=50",
    "/search?q=email",
];

/// One request on a kept-alive connection; Ok(status).
async fn request(conn: &mut BufReader<TcpStream>, host: &str, path: &str) -> std::io::Result<u16> {
    // The server's own address as Host: it refuses other names (a guard
    // against DNS rebinding), which made every request an error.
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    conn.read_line(&mut line).await?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if conn.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body).await?;
    Ok(status)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args
        .first()
        .cloned()
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let clients: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(8);
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let addr = addr.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies: Vec<(usize, Duration)> = Vec::new();
            let mut errors = 0usize;
            let mut conn = BufReader::new(TcpStream::connect(&addr).await.expect("connect"));
            let mut i = c;
            while Instant::now() < deadline {
                let shape = i % PATHS.len();
                i += 1;
                let start = Instant::now();
                match request(&mut conn, &addr, PATHS[shape]).await {
                    Ok(200) => latencies.push((shape, start.elapsed())),
                    _ => {
                        errors += 1;
                        conn = BufReader::new(TcpStream::connect(&addr).await.expect("reconnect"));
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (l, e) = t.await.unwrap();
        all.extend(l);
        errors += e;
    }
    let pct = |sorted: &[Duration], p: f64| {
        sorted
            .get(((sorted.len() as f64 - 1.0) * p) as usize)
            .copied()
            .unwrap_or_default()
    };
    let mut every: Vec<Duration> = all.iter().map(|&(_, d)| d).collect();
    every.sort();
    println!(
        "{clients} clients, {seconds} s: {} requests ({:.0}/s), {errors} errors; latency p50 {:?}, p99 {:?}, max {:?}",
        every.len(),
        every.len() as f64 / seconds as f64,
        pct(&every, 0.5),
        pct(&every, 0.99),
        every.last().copied().unwrap_or_default()
    );
    for (shape, path) in PATHS.iter().enumerate() {
        let mut mine: Vec<Duration> = all
            .iter()
            .filter(|&&(s, _)| s == shape)
            .map(|&(_, d)| d)
            .collect();
        mine.sort();
        println!(
            "  p50 {:>9.1?}  p99 {:>9.1?}  {path}",
            pct(&mine, 0.5),
            pct(&mine, 0.99)
        );
    }
}
