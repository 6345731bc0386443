//! A small, fast HTTP/1.1 server on 127.0.0.1 for the benchmark: keep-alive, Content-Length
//! bodies, one thread per connection, and every response body prepared in advance so the server
//! stays cheap next to the clients it measures.
//!
//! Routes (under any prefix, e.g. `/v2`; a `/x10` prefix serves ten times the data):
//! - `GET /messaging_profiles?page%5Bnumber%5D=N&page%5Bsize%5D=S`: exact pagination `meta`
//! - `POST /messaging_profiles`: 200 with a full profile
//! - `GET /messaging_profiles/{id}`: the profile, or 404
//! - `PATCH /messaging_profiles/{id}`: the profile, or 404

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use serde_json::{json, Value};

/// How many profiles the server holds.
pub const PROFILES: usize = 10_000;
/// The multiplier of the `/x10` prefix.
pub const X10: usize = 10;
const MAX_HEAD: usize = 16 * 1024;
const MAX_BODY: usize = 1024 * 1024;

/// The id of profile `i`: a UUID whose last 12 hex digits are the index.
pub fn profile_id(i: usize) -> String {
    format!("4f0c6a1e-7b2d-4c3e-9a10-{i:012x}")
}

fn index_of(id: &str) -> Option<usize> {
    let tail = id.strip_prefix("4f0c6a1e-7b2d-4c3e-9a10-")?;
    if tail.len() != 12 {
        return None;
    }
    usize::from_str_radix(tail, 16).ok().filter(|&i| i < PROFILES)
}

/// Profile `i` with every field of the definition, deterministic values, some nulls.
pub fn profile(i: usize) -> Value {
    let countries = ["US", "CA", "GB", "DE", "FR", "NL", "AU", "BR", "MX", "JP"];
    let dests: Vec<&str> = (0..1 + i % 4).map(|k| countries[(i + k * 3) % countries.len()]).collect();
    let nullable = |on: bool, v: Value| if on { v } else { Value::Null };
    let day = 1 + i % 28;
    let versions = ["1", "2", "2010-04-01"];
    let ms = i % 1000;
    json!({
        "id": profile_id(i),
        "record_type": "messaging_profile",
        "name": format!("Profile {i:05} for outbound notifications"),
        "enabled": i % 7 != 0,
        "webhook_url": nullable(i % 5 != 0, json!(format!("https://hooks.example.com/telnyx/{i}/inbound"))),
        "webhook_failover_url": nullable(i % 3 == 0, json!(format!("https://backup.example.com/telnyx/{i}"))),
        "webhook_api_version": versions[i % 3],
        "health_webhook_url": nullable(i % 11 == 0, json!(format!("https://health.example.com/{i}"))),
        "whitelisted_destinations": dests,
        "number_pool_settings": nullable(i % 2 == 0, json!({
            "long_code_weight": (i % 10) as f64 + 0.5,
            "toll_free_weight": 10,
            "skip_unhealthy": i % 4 == 0,
            "geomatch": i % 6 == 0,
            "sticky_sender": i % 3 != 0,
        })),
        "url_shortener_settings": nullable(i % 4 == 1, json!({
            "domain": "acct.fyi",
            "prefix": format!("c{:04}", i % 10_000),
            "replace_blacklist_only": i % 8 == 1,
            "send_webhooks": i % 2 == 1,
        })),
        "alpha_sender": nullable(i % 6 == 0, json!(format!("Acme{:04}", i % 10_000))),
        "daily_spend_limit": format!("{}.{:02}", 50 + i % 450, i % 100),
        "daily_spend_limit_enabled": i % 9 == 0,
        "mms_fall_back_to_sms": i % 2 == 0,
        "mms_transcoding": i % 3 == 0,
        "mobile_only": i % 10 == 0,
        "redaction_enabled": i % 12 == 0,
        "redaction_level": (i % 3) as i64 + 1,
        "smart_encoding": i % 5 == 1,
        "ai_assistant_id": nullable(i % 13 == 0, json!(format!("assistant-{:08x}", i * 2654435761 % (1 << 32)))),
        "resource_group_id": nullable(i % 17 == 0, json!(format!("rg-{:06}", i))),
        "organization_id": format!("9d4f7a2c-1b3e-4f5a-8c6d-{:012x}", i / 100),
        "v1_secret": format!("rP1VamejkU2v0qIUxntq{:08}", i),
        "created_at": format!("2024-{:02}-{day:02}T18:10:02.{ms:03}Z", 1 + i % 12),
        "updated_at": format!("2025-{:02}-{day:02}T23:37:45.{:06}+00:00", 1 + i % 12, i * 37 % 1_000_000),
    })
}

/// A cached run of serialized profiles.
type Segment = Arc<Vec<u8>>;

/// Counters the benchmark reads around each client run.
#[derive(Default)]
pub struct Stats {
    pub connections: AtomicU64,
    pub requests: AtomicU64,
}

struct Data {
    /// Each profile serialized, without the `{"data": ...}` wrapper.
    items: Vec<Vec<u8>>,
    /// `{"data": profile}` for retrieve, create and update.
    wrapped: Vec<Vec<u8>>,
    /// The comma-joined items of a run `[start, start + len)` of the base data, keyed by
    /// `(start, len)`: the same page of both data sets shares one entry.
    segments: RwLock<HashMap<(usize, usize), Segment>>,
    creates: AtomicU64,
}

/// The running server; [`Server::stop`] ends every thread it started.
pub struct Server {
    pub addr: SocketAddr,
    pub stats: Arc<Stats>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
    workers: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Server {
    pub fn start() -> io::Result<Server> {
        let items: Vec<Vec<u8>> =
            (0..PROFILES).map(|i| serde_json::to_vec(&profile(i)).expect("serializable")).collect();
        let wrapped = items
            .iter()
            .map(|item| {
                let mut body = Vec::with_capacity(item.len() + 10);
                body.extend_from_slice(b"{\"data\":");
                body.extend_from_slice(item);
                body.push(b'}');
                body
            })
            .collect();
        let data = Arc::new(Data { items, wrapped, segments: RwLock::default(), creates: AtomicU64::new(0) });
        // Warm the cache for the page sizes the benchmark uses.
        for size in [20, 250] {
            for page in 0..PROFILES / size {
                data.segment(page * size, size);
            }
        }

        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stats = Arc::new(Stats::default());
        let stop = Arc::new(AtomicBool::new(false));
        let workers = Arc::new(Mutex::new(Vec::new()));
        let acceptor = {
            let (stats, stop, workers) = (stats.clone(), stop.clone(), workers.clone());
            thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    stats.connections.fetch_add(1, Ordering::SeqCst);
                    let (stats, stop, data) = (stats.clone(), stop.clone(), data.clone());
                    let handle = thread::spawn(move || {
                        let _ = serve(conn, &data, &stats, &stop);
                    });
                    let mut workers = workers.lock().unwrap();
                    workers.retain(|h: &JoinHandle<()>| !h.is_finished());
                    workers.push(handle);
                }
            })
        };
        Ok(Server { addr, stats, stop, acceptor: Some(acceptor), workers })
    }

    pub fn connections(&self) -> u64 {
        self.stats.connections.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> u64 {
        self.stats.requests.load(Ordering::SeqCst)
    }

    /// Stops accepting, wakes the acceptor, and joins every connection thread (each notices the
    /// stop flag within its 100 ms read timeout).
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        let workers = std::mem::take(&mut *self.workers.lock().unwrap());
        for worker in workers {
            let _ = worker.join();
        }
    }
}

impl Data {
    fn segment(&self, start: usize, len: usize) -> Segment {
        if let Some(seg) = self.segments.read().unwrap().get(&(start, len)) {
            return seg.clone();
        }
        let mut seg = Vec::new();
        for i in start..start + len {
            if i > start {
                seg.push(b',');
            }
            seg.extend_from_slice(&self.items[i % PROFILES]);
        }
        let seg = Arc::new(seg);
        // Only runs that do not wrap around the base data are cached (all the benchmark uses).
        if start + len <= PROFILES {
            self.segments.write().unwrap().insert((start, len), seg.clone());
        }
        seg
    }
}

struct Reply<'a> {
    status: &'static str,
    parts: [&'a [u8]; 3],
}

/// Serves one connection until the client closes it, an error, or the stop flag.
fn serve(mut conn: TcpStream, data: &Data, stats: &Stats, stop: &AtomicBool) -> io::Result<()> {
    conn.set_nodelay(true)?;
    conn.set_read_timeout(Some(Duration::from_millis(100)))?;
    let mut buf: Vec<u8> = Vec::with_capacity(8192);
    let mut out: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut scratch = String::new();
    let mut holder = None;
    loop {
        // Read one request head.
        let head_end = loop {
            if let Some(pos) = find(&buf, b"\r\n\r\n") {
                break pos + 4;
            }
            if buf.len() > MAX_HEAD {
                return Ok(());
            }
            if !fill(&mut conn, &mut buf, stop)? {
                return Ok(());
            }
        };
        let head = std::str::from_utf8(&buf[..head_end]).unwrap_or("");
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or("").split(' ');
        let method = request_line.next().unwrap_or("").to_owned();
        let target = request_line.next().unwrap_or("").to_owned();
        let mut content_length = 0usize;
        let mut close = false;
        for line in lines {
            let Some((name, value)) = line.split_once(':') else { continue };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.parse().unwrap_or(usize::MAX);
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                content_length = usize::MAX; // chunked bodies are not supported
            }
        }
        if content_length > MAX_BODY {
            write_reply(
                &mut conn,
                &mut out,
                &error(&mut scratch, "411 Length Required", "use Content-Length"),
            )?;
            return Ok(());
        }
        while buf.len() < head_end + content_length {
            if !fill(&mut conn, &mut buf, stop)? {
                return Ok(());
            }
        }
        let body = &buf[head_end..head_end + content_length];
        stats.requests.fetch_add(1, Ordering::Relaxed);
        let reply = route(data, &method, &target, body, &mut scratch, &mut holder);
        write_reply(&mut conn, &mut out, &reply)?;
        buf.drain(..head_end + content_length);
        if close {
            return Ok(());
        }
    }
}

/// Reads more bytes; `false` when the peer closed or the server is stopping.
fn fill(conn: &mut TcpStream, buf: &mut Vec<u8>, stop: &AtomicBool) -> io::Result<bool> {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match conn.read(&mut chunk) {
            Ok(0) => return Ok(false),
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                return Ok(true);
            }
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                if stop.load(Ordering::SeqCst) {
                    let _ = conn.shutdown(Shutdown::Both);
                    return Ok(false);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

fn write_reply(conn: &mut TcpStream, out: &mut Vec<u8>, reply: &Reply) -> io::Result<()> {
    let len: usize = reply.parts.iter().map(|p| p.len()).sum();
    out.clear();
    write!(
        out,
        "HTTP/1.1 {}\r\ncontent-type: application/json\r\ncontent-length: {len}\r\nx-request-id: bench-00000000\r\n\r\n",
        reply.status
    )?;
    for part in reply.parts {
        out.extend_from_slice(part);
    }
    conn.write_all(out)
}

fn error<'a>(scratch: &'a mut String, status: &'static str, detail: &str) -> Reply<'a> {
    scratch.clear();
    let code = &status[..3];
    scratch
        .push_str(&format!(r#"{{"errors":[{{"code":"{code}","title":"{status}","detail":"{detail}"}}]}}"#));
    Reply { status, parts: [scratch.as_bytes(), b"", b""] }
}

fn route<'a>(
    data: &'a Data,
    method: &str,
    target: &str,
    body: &[u8],
    scratch: &'a mut String,
    holder: &'a mut Option<Segment>,
) -> Reply<'a> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let (path, total) = match path.strip_prefix("/x10") {
        Some(rest) => (rest, PROFILES * X10),
        None => (path, PROFILES),
    };
    let path = path.strip_prefix("/v2").unwrap_or(path);
    let ok = "200 OK";
    match (method, path.strip_prefix("/messaging_profiles")) {
        ("GET", Some("" | "/")) => list(data, query, total, scratch, holder),
        ("POST", Some("" | "/")) => {
            if !body.starts_with(b"{") || find(body, b"\"name\"").is_none() {
                return error(scratch, "400 Bad Request", "name and whitelisted_destinations are required");
            }
            let n = data.creates.fetch_add(1, Ordering::Relaxed) as usize % PROFILES;
            Reply { status: ok, parts: [&data.wrapped[n], b"", b""] }
        }
        ("GET" | "PATCH", Some(rest)) => {
            let id = rest.trim_start_matches('/');
            match index_of(id) {
                Some(_) if method == "PATCH" && !body.starts_with(b"{") => {
                    error(scratch, "400 Bad Request", "a JSON object body is required")
                }
                Some(i) => Reply { status: ok, parts: [&data.wrapped[i], b"", b""] },
                None => error(scratch, "404 Not Found", "Resource not found"),
            }
        }
        _ => error(scratch, "404 Not Found", "No such route"),
    }
}

fn list<'a>(
    data: &Data,
    query: &str,
    total: usize,
    scratch: &'a mut String,
    holder: &'a mut Option<Segment>,
) -> Reply<'a> {
    let (mut number, mut size) = (1usize, 20usize);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = key.replace("%5B", "[").replace("%5D", "]").replace("%5b", "[").replace("%5d", "]");
        let Ok(value) = value.parse::<usize>() else {
            return error(scratch, "400 Bad Request", "page parameters must be integers");
        };
        match key.as_str() {
            "page[number]" => number = value,
            "page[size]" => size = value,
            _ => {}
        }
    }
    if number < 1 || !(1..=250).contains(&size) {
        return error(scratch, "400 Bad Request", "page[number] >= 1, page[size] in 1..=250");
    }
    let total_pages = total.div_ceil(size);
    let start = (number - 1).saturating_mul(size).min(total);
    let len = size.min(total - start);
    scratch.clear();
    scratch.push_str(&format!(
        r#"],"meta":{{"page_number":{number},"page_size":{size},"total_pages":{total_pages},"total_results":{total}}}}}"#
    ));
    *holder = (len > 0).then(|| data.segment(start % PROFILES, len));
    let seg: &'a [u8] = holder.as_deref().map_or(b"", |v| v.as_slice());
    Reply { status: "200 OK", parts: [b"{\"data\":[", seg, scratch.as_bytes()] }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Requests per second the server sustains for one raw keep-alive client issuing `count`
/// retrieves on one connection (the client only splits responses, it parses nothing).
pub fn raw_retrieve_rate(addr: SocketAddr, count: usize) -> io::Result<f64> {
    let mut conn = TcpStream::connect(addr)?;
    conn.set_nodelay(true)?;
    let requests: Vec<Vec<u8>> = (0..100)
        .map(|i| {
            format!(
                "GET /v2/messaging_profiles/{} HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer KEY\r\naccept: application/json\r\n\r\n",
                profile_id(i * 97 % PROFILES)
            )
            .into_bytes()
        })
        .collect();
    let mut buf = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    let started = std::time::Instant::now();
    for n in 0..count {
        conn.write_all(&requests[n % requests.len()])?;
        let (head_end, len) = loop {
            if let Some(pos) = find(&buf, b"\r\n\r\n") {
                let head = std::str::from_utf8(&buf[..pos]).unwrap_or("");
                if !head.starts_with("HTTP/1.1 200") {
                    return Err(io::Error::other(format!("unexpected reply: {head}")));
                }
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .and_then(|v| v.parse::<usize>().ok())
                    .ok_or_else(|| io::Error::other("no content-length"))?;
                break (pos + 4, len);
            }
            let n = conn.read(&mut chunk)?;
            if n == 0 {
                return Err(io::Error::other("server closed the connection"));
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        while buf.len() < head_end + len {
            let n = conn.read(&mut chunk)?;
            if n == 0 {
                return Err(io::Error::other("server closed the connection"));
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        buf.drain(..head_end + len);
    }
    Ok(count as f64 / started.elapsed().as_secs_f64())
}
