//! An offline mock of the Telnyx messaging-profile API, for the examples, the tour, the tests, and
//! the tests of your own code (in any language: the `telnyx-messaging-mock` binary serves it too).
//!
//! It serves all 19 operations of the area over HTTP/1.1 (keep-alive, `Content-Length` bodies) on
//! `127.0.0.1` and a free port, checks `Authorization: Bearer <API_KEY>`, and keeps its state in
//! memory, starting from the same realistic data every time: seven messaging profiles, their phone
//! numbers (both `long-code` and `longcode` spellings), short codes (one unassigned), alphanumeric
//! sender IDs, auto-response configs and metrics. It paginates, filters, validates and answers
//! errors (400, 401, 404, 422) in the API's `{"errors": [...]}` shape.
//!
//! One switch exists only here: a request with the header `x-mock-status: 429` (or any other
//! 4xx/5xx status) gets that error back, so rate limiting can be shown offline.
//!
//! ```
//! use telnyx_messaging::{mock::MockServer, Client, ListMessagingProfilesParams};
//!
//! let mock = MockServer::start()?;
//! let client = Client::builder().api_key(telnyx_messaging::mock::API_KEY).base_url(mock.base_url()).build()?;
//! let page = client.messaging_profiles().list(&ListMessagingProfilesParams::new())?;
//! assert_eq!(page.data.len(), 7);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! For a realistic network, [`MockOptions`] adds latency per request, a bandwidth cap and gzip.
//!
//! Only `std::net`, `serde_json` and `flate2` (for gzip), behind the `mock` feature (on by default).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::{json, Map, Value};

/// The API key the mock accepts; any other key gets a 401.
pub const API_KEY: &str = "KEY_MOCK_0123456789ABCDEF";

const ORGANIZATION_ID: &str = "9d2bd1d2-7c4e-4f7d-9a8b-3b1f0a6c2e11";
/// Fields a PATCH may clear with `null`.
const NULLABLE: [&str; 8] = [
    "webhook_url",
    "webhook_failover_url",
    "health_webhook_url",
    "alpha_sender",
    "ai_assistant_id",
    "resource_group_id",
    "number_pool_settings",
    "url_shortener_settings",
];
const READ_ONLY: [&str; 5] = ["id", "record_type", "created_at", "updated_at", "v1_secret"];

/// How a [`MockServer`] is set up: the port, more data, added latency, injected faults.
#[derive(Clone, Debug, Default)]
pub struct MockOptions {
    /// The port on 127.0.0.1; 0 (the default) picks a free one.
    pub port: u16,
    /// Messaging profiles added after the seven seeded ones (`Profile 00001`, ...), for
    /// pagination and load tests.
    pub extra_profiles: usize,
    /// Waited before every response, like the round trip of a real network.
    pub latency: Duration,
    /// Faults injected on a schedule, to test retries and timeouts.
    pub faults: Option<FaultSchedule>,
    /// Phone numbers added to the first seeded profile (`Alerts (US)`) after its own, for
    /// pagination and load tests of `list_all_phone_numbers`.
    pub extra_phone_numbers: usize,
    /// Compress response bodies with gzip (`Content-Encoding: gzip`) when the request's
    /// `Accept-Encoding` lists `gzip`, as the API does.
    pub gzip: bool,
    /// A cap on the bytes per second each connection sends (headers and body), like a slow
    /// link; `None` (the default) sends as fast as the loopback goes.
    pub bandwidth: Option<u64>,
}

/// Every `every`-th request the mock receives (counting from 1) gets `fault` instead of its
/// answer: with `every: 3`, requests 3, 6, 9, ...
#[derive(Clone, Debug)]
pub struct FaultSchedule {
    /// How often: every `every`-th request (at least 1).
    pub every: u64,
    /// What happens to those requests.
    pub fault: Fault,
}

/// A fault the mock injects in place of an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// This HTTP status with the API's error envelope, and `Retry-After: <seconds>` when set.
    Status {
        /// The status to answer, 400 to 599.
        status: u16,
        /// The `Retry-After` header in seconds, if any.
        retry_after: Option<u64>,
    },
    /// The connection is closed without an answer once the request has been read.
    Reset,
    /// The answer comes after this extra delay (longer than a client's timeout: a stall).
    Delay(Duration),
}

impl std::str::FromStr for Fault {
    type Err = String;

    /// `status:503`, `status:429:2` (with `Retry-After: 2`), `reset`, or `delay:1500` (ms).
    fn from_str(text: &str) -> Result<Fault, String> {
        let parts: Vec<&str> = text.split(':').collect();
        let number = |s: &str| s.parse::<u64>().map_err(|_| format!("{s:?} is not a whole number"));
        match parts.as_slice() {
            ["reset"] => Ok(Fault::Reset),
            ["delay", ms] => Ok(Fault::Delay(Duration::from_millis(number(ms)?))),
            ["status", status, rest @ ..] if rest.len() <= 1 => {
                let status = number(status)?;
                if !(400..=599).contains(&status) {
                    return Err(format!("the status must be 400 to 599, got {status}"));
                }
                let retry_after = rest.first().map(|s| number(s)).transpose()?;
                Ok(Fault::Status { status: status as u16, retry_after })
            }
            _ => Err(format!("{text:?} is not a fault: use status:CODE[:RETRY_AFTER], reset or delay:MS")),
        }
    }
}

/// A running mock server; dropping it stops the server and joins its threads.
pub struct MockServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer").field("addr", &self.addr).field("options", &self.shared.options).finish()
    }
}

/// What every connection of one server shares.
struct Shared {
    state: Mutex<State>,
    options: MockOptions,
    /// Requests received so far, faulted ones included: the fault schedule counts these.
    received: AtomicU64,
    /// TCP connections accepted so far.
    connections: AtomicU64,
    /// Response bytes (status line, headers and body) written so far.
    bytes_sent: AtomicU64,
    shutdown: AtomicBool,
}

impl MockServer {
    /// Binds `127.0.0.1` on a free port and serves the seeded data on a background thread.
    pub fn start() -> std::io::Result<MockServer> {
        MockServer::start_with(MockOptions::default())
    }

    /// Binds `127.0.0.1:options.port` and serves on a background thread.
    pub fn start_with(options: MockOptions) -> std::io::Result<MockServer> {
        if options.faults.as_ref().is_some_and(|f| f.every == 0) {
            return Err(std::io::Error::new(ErrorKind::InvalidInput, "faults.every must be at least 1"));
        }
        if options.bandwidth == Some(0) {
            return Err(std::io::Error::new(ErrorKind::InvalidInput, "bandwidth must be at least 1 byte/s"));
        }
        let listener = TcpListener::bind(("127.0.0.1", options.port))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State::seeded(options.extra_profiles, options.extra_phone_numbers)),
            options,
            received: AtomicU64::new(0),
            connections: AtomicU64::new(0),
            bytes_sent: AtomicU64::new(0),
            shutdown: AtomicBool::new(false),
        });
        let server = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("mock-server".into())
            .spawn(move || accept_loop(listener, server))?;
        Ok(MockServer { addr, shared, thread: Some(thread) })
    }

    /// How many requests the server has received so far (faulted ones included).
    pub fn requests_received(&self) -> u64 {
        self.shared.received.load(Ordering::SeqCst)
    }

    /// How many TCP connections the server has accepted so far (a client that reuses its
    /// connections opens few).
    pub fn connections_accepted(&self) -> u64 {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// How many response bytes (status lines, headers and bodies, compressed when gzip was
    /// used) the server has written so far: the bytes on the wire towards the client.
    pub fn bytes_sent(&self) -> u64 {
        self.shared.bytes_sent.load(Ordering::SeqCst)
    }

    /// The base URL to give the client, like `http://127.0.0.1:40123/v2`.
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.addr)
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        // accept() only returns when a connection arrives: make one so the loop sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    for stream in listener.incoming() {
        if shared.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { break };
        shared.connections.fetch_add(1, Ordering::SeqCst);
        let shared = Arc::clone(&shared);
        // One thread per connection: a client may keep several keep-alive connections open.
        workers.retain(|w| !w.is_finished());
        workers.push(std::thread::spawn(move || serve(stream, &shared)));
    }
    for worker in workers {
        let _ = worker.join();
    }
}

/// Serves the requests of one connection until the client closes it or the server stops.
fn serve(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    loop {
        // Wait for the next request in short slices, so an idle connection notices the shutdown.
        let _ = reader.get_ref().set_read_timeout(Some(Duration::from_millis(50)));
        match reader.fill_buf() {
            Ok([]) => return,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                if shared.shutdown.load(Ordering::SeqCst) {
                    return;
                }
                continue;
            }
            Err(_) => return,
        }
        let _ = reader.get_ref().set_read_timeout(Some(Duration::from_secs(5)));
        let Some(req) = read_request(&mut reader) else { return };
        let close = req.header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let n = shared.received.fetch_add(1, Ordering::SeqCst) + 1;
        let fault = shared.options.faults.as_ref().filter(|f| n % f.every == 0).map(|f| &f.fault);
        let reply = match fault {
            Some(Fault::Reset) => return,
            Some(Fault::Status { status, retry_after }) => {
                let mut reply = error(
                    *status,
                    "10007",
                    "Injected fault",
                    "Injected by the mock's fault schedule.",
                    Value::Null,
                );
                reply.headers.extend(retry_after.map(|s| ("retry-after", s.to_string())));
                reply
            }
            Some(Fault::Delay(delay)) => {
                std::thread::sleep(*delay);
                handle(&req, &shared.state)
            }
            None => handle(&req, &shared.state),
        };
        // Outside the state lock: concurrent connections wait in parallel, as on a network.
        if !shared.options.latency.is_zero() {
            std::thread::sleep(shared.options.latency);
        }
        let gzip = shared.options.gzip
            && req.header("accept-encoding").is_some_and(|v| {
                v.split(',').any(|e| e.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("gzip"))
            });
        let written = write_reply(&mut writer, &reply, gzip, shared.options.bandwidth, &shared.bytes_sent);
        if written.is_err() || close {
            return;
        }
    }
}

struct Request {
    method: String,
    /// The path and query as sent.
    target: String,
    /// Percent-decoded path segments, without the leading `v2`.
    path: Vec<String>,
    /// Percent-decoded query pairs.
    query: Vec<(String, String)>,
    /// Lower-case names.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    fn query(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut words = line.split_whitespace();
    let (method, target) = (words.next()?.to_owned(), words.next()?.to_owned());
    let mut headers = Vec::new();
    while headers.len() < 100 {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let Some((name, value)) = line.trim_end().split_once(':') else { break };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = match headers.iter().find(|(n, _)| n == "content-length") {
        Some((_, v)) => v.parse::<usize>().ok().filter(|&n| n <= 1 << 20)?,
        None => 0,
    };
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    Some(Request {
        method,
        target: target.clone(),
        path: path.split('/').filter(|s| !s.is_empty()).map(decode).collect(),
        query: query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .map(|(k, v)| (decode(k), decode(v)))
            .collect(),
        headers,
        body,
    })
}

/// Percent-decoding (`%5B` is `[`).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct Reply {
    status: u16,
    body: Value,
    headers: Vec<(&'static str, String)>,
    /// The body already serialized (a cached answer), sent instead of `body`.
    raw: Option<Arc<Vec<u8>>>,
}

fn ok(body: Value) -> Reply {
    Reply { status: 200, body, headers: Vec::new(), raw: None }
}

fn data(value: Value) -> Reply {
    ok(json!({ "data": value }))
}

/// One member of an error reply's `errors`; `source` is `{"pointer": ...}`, `{"parameter": ...}`
/// or null.
fn error_object(code: &str, title: &str, detail: &str, source: Value) -> Value {
    let mut e = json!({ "code": code, "title": title, "detail": detail });
    if !source.is_null() {
        e["source"] = source;
    }
    e["meta"] = json!({ "url": format!("https://developers.telnyx.com/docs/overview/errors/{code}") });
    e
}

/// An error reply in the API's shape: `{"errors": [...]}`.
fn error(status: u16, code: &str, title: &str, detail: &str, source: Value) -> Reply {
    Reply {
        status,
        body: json!({ "errors": [error_object(code, title, detail, source)] }),
        headers: Vec::new(),
        raw: None,
    }
}

fn not_found() -> Reply {
    let detail = "The requested resource or URL could not be found.";
    error(404, "10005", "Resource not found", detail, Value::Null)
}

fn bad_param(parameter: &str, detail: &str) -> Reply {
    error(400, "10015", "Invalid parameter", detail, json!({ "parameter": parameter }))
}

/// The error object of a bad body field.
fn field_error(field: &str, detail: &str) -> Value {
    error_object("10015", "Invalid value", detail, json!({ "pointer": format!("/{field}") }))
}

fn bad_field(status: u16, field: &str, detail: &str) -> Reply {
    Reply { status, body: json!({ "errors": [field_error(field, detail)] }), headers: Vec::new(), raw: None }
}

/// Writes `reply`, gzipped when `gzip`, at most `bandwidth` bytes per second, adding its size
/// to `counter` before sending; returns the bytes written.
fn write_reply(
    out: &mut impl Write,
    reply: &Reply,
    gzip: bool,
    bandwidth: Option<u64>,
    counter: &AtomicU64,
) -> std::io::Result<u64> {
    let mut body = match &reply.raw {
        Some(raw) => raw.to_vec(),
        None => serde_json::to_vec(&reply.body).unwrap_or_default(),
    };
    if gzip {
        let mut encoder =
            flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 4), flate2::Compression::fast());
        encoder.write_all(&body)?;
        body = encoder.finish()?;
    }
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        reply.status,
        match reply.status {
            200 => "OK",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            422 => "Unprocessable Entity",
            429 => "Too Many Requests",
            _ => "Error",
        },
        body.len()
    );
    if gzip {
        head.push_str("Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n");
    }
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&body);
    // Counted before sending, so a client that has read the answer sees it counted.
    counter.fetch_add(bytes.len() as u64, Ordering::SeqCst);
    match bandwidth {
        None => out.write_all(&bytes)?,
        Some(rate) => {
            // Paced in slices of about 10 ms of the link, each sent when the link would be done
            // with the ones before it.
            let started = std::time::Instant::now();
            let slice = usize::try_from(rate / 100).unwrap_or(usize::MAX).clamp(512, 64 * 1024);
            let mut sent = 0u64;
            for chunk in bytes.chunks(slice) {
                out.write_all(chunk)?;
                out.flush()?;
                sent += chunk.len() as u64;
                let due = Duration::from_secs_f64(sent as f64 / rate as f64);
                if let Some(wait) = due.checked_sub(started.elapsed()) {
                    std::thread::sleep(wait);
                }
            }
        }
    }
    out.flush()?;
    Ok(bytes.len() as u64)
}

/// Authenticates, applies the `x-mock-status` switch, routes, and adds the common headers.
fn handle(req: &Request, state: &Mutex<State>) -> Reply {
    let mut state = state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    state.requests += 1;
    let remaining = 99 - state.requests % 100;
    let simulated = req.header("x-mock-status").and_then(|s| s.parse::<u16>().ok());
    let authorized = req.header("authorization").and_then(|v| v.strip_prefix("Bearer ")) == Some(API_KEY);
    let mut reply = if !authorized {
        error(401, "10009", "Authentication failed", "The API key is missing or invalid.", Value::Null)
    } else if let Some(status @ 400..=599) = simulated {
        let mut reply = match status {
            429 => error(429, "10011", "Too many requests", "Slow down and try again later.", Value::Null),
            _ => error(status, "10007", "Unexpected error", "Simulated by x-mock-status.", Value::Null),
        };
        reply.headers.push(("retry-after", "1".into()));
        reply
    } else if req.method == "GET" {
        // Reads are answered from the cache while nothing changes, so long lists stay cheap to
        // serve (the benchmarks measure the clients, not the mock).
        match state.cache.get(&req.target) {
            Some(raw) => {
                Reply { status: 200, body: Value::Null, headers: Vec::new(), raw: Some(Arc::clone(raw)) }
            }
            None => {
                let mut reply = route(req, &mut state).unwrap_or_else(|e| e);
                if reply.status == 200 {
                    let raw = Arc::new(serde_json::to_vec(&reply.body).unwrap_or_default());
                    state.cached_bytes += raw.len();
                    if state.cached_bytes > MAX_CACHE {
                        state.cache.clear();
                        state.cached_bytes = raw.len();
                    }
                    state.cache.insert(req.target.clone(), Arc::clone(&raw));
                    reply.raw = Some(raw);
                }
                reply
            }
        }
    } else {
        state.cache.clear();
        state.cached_bytes = 0;
        route(req, &mut state).unwrap_or_else(|e| e)
    };
    let remaining = if reply.status == 429 { 0 } else { remaining };
    reply.headers.push(("x-request-id", format!("mock-{:08}", state.requests)));
    reply.headers.push(("x-ratelimit-limit", "100".into()));
    reply.headers.push(("x-ratelimit-remaining", remaining.to_string()));
    reply.headers.push(("x-ratelimit-reset", "60".into()));
    reply
}

fn route(req: &Request, s: &mut State) -> Result<Reply, Reply> {
    let path: Vec<&str> = req.path.iter().map(String::as_str).collect();
    let Some(("v2", path)) = path.split_first().map(|(first, rest)| (*first, rest)) else {
        return Err(not_found());
    };
    match (req.method.as_str(), path) {
        ("GET", ["messaging_profiles"]) => {
            let name = |key| req.query(key).map(str::to_owned);
            let (exact, eq) = (name("filter[name]"), name("filter[name][eq]"));
            let contains = name("filter[name][contains]").map(|c| c.to_lowercase());
            if exact.is_none() && eq.is_none() && contains.is_none() {
                // Without a filter only the page's profiles are read: a long list stays fast.
                return paginate(req, s.profiles.iter().collect());
            }
            let found = s.profiles.iter().filter(|p| {
                let n = p["name"].as_str().unwrap_or_default();
                exact.as_ref().map_or(true, |e| e == n)
                    && eq.as_ref().map_or(true, |e| e == n)
                    && contains.as_ref().map_or(true, |c| n.to_lowercase().contains(c))
            });
            paginate(req, found.collect())
        }
        ("POST", ["messaging_profiles"]) => {
            let body = json_body(req)?;
            // Every problem is reported at once, as the API does.
            let mut errors = Vec::new();
            if !body["name"].as_str().is_some_and(|n| !n.trim().is_empty()) {
                errors.push(field_error("name", "The name is required."));
            }
            if !body["whitelisted_destinations"].as_array().is_some_and(|a| a.iter().all(Value::is_string)) {
                errors.push(field_error("whitelisted_destinations", "Required: a list of country codes."));
            }
            if !errors.is_empty() {
                return Err(Reply {
                    status: 400,
                    body: json!({ "errors": errors }),
                    headers: Vec::new(),
                    raw: None,
                });
            }
            let mut fields = body.as_object().cloned().unwrap_or_default();
            fields.retain(|k, _| !READ_ONLY.contains(&k.as_str()));
            let profile = s.new_profile(Value::Object(fields));
            s.profiles.push(profile.clone());
            Ok(data(profile))
        }
        ("GET", ["messaging_profiles", id]) => Ok(data(s.profile(id)?.clone())),
        ("PATCH", ["messaging_profiles", id]) => {
            let body = json_body(req)?;
            let Some(fields) = body.as_object() else {
                return Err(bad_field(400, "", "The body must be a JSON object."));
            };
            for (key, value) in fields {
                if READ_ONLY.contains(&key.as_str()) {
                    return Err(bad_field(400, key, "This field is read-only."));
                }
                if value.is_null() && !NULLABLE.contains(&key.as_str()) {
                    return Err(bad_field(400, key, "This field cannot be null."));
                }
            }
            let now = s.now();
            let profile = s.profile_mut(id)?;
            merge(profile, &body);
            profile["updated_at"] = json!(now);
            Ok(data(profile.clone()))
        }
        ("DELETE", ["messaging_profiles", id]) => {
            let deleted = s.profile(id)?.clone();
            s.profiles.retain(|p| p["id"] != *id);
            // Its numbers and short codes stay in the account, unassigned.
            for item in s.numbers.iter_mut().chain(s.short_codes.iter_mut()) {
                if item["messaging_profile_id"] == *id {
                    item["messaging_profile_id"] = Value::Null;
                }
            }
            s.sender_ids.retain(|a| a["messaging_profile_id"] != *id);
            s.autoresp.retain(|(profile, _)| profile.as_str() != *id);
            Ok(data(deleted))
        }
        (
            "GET",
            ["messaging_profiles", id, list @ ("phone_numbers" | "short_codes" | "alphanumeric_sender_ids")],
        ) => {
            s.profile(id)?;
            let items = match *list {
                "phone_numbers" => &s.numbers,
                "short_codes" => &s.short_codes,
                _ => &s.sender_ids,
            };
            paginate(req, items.iter().filter(|i| i["messaging_profile_id"] == *id).collect())
        }
        ("POST", ["messaging_profiles", id, "actions", "regenerate_secret"]) => {
            let (secret, now) = (s.secret(), s.now());
            let profile = s.profile_mut(id)?;
            profile["v1_secret"] = json!(secret);
            profile["updated_at"] = json!(now);
            Ok(data(profile.clone()))
        }
        ("GET", ["messaging_profiles", id, "metrics"]) => {
            let hours = time_frame(req)?;
            let index = s.profiles.iter().position(|p| p["id"] == *id).ok_or_else(not_found)?;
            let mut metrics = s.metrics(index, hours);
            metrics["time_frame"] = json!(req.query("time_frame").unwrap_or("24h"));
            Ok(data(metrics))
        }
        ("GET", ["messaging_profile_metrics"]) => {
            let hours = time_frame(req)?;
            let all: Vec<Value> = (0..s.profiles.len()).map(|i| s.metrics(i, hours)).collect();
            Ok(one_page(all))
        }
        ("GET", ["messaging_profiles", id, "autoresp_configs"]) => {
            s.profile(id)?;
            type Check = (&'static str, &'static str, fn(&str, &str) -> bool);
            let checks: [Check; 5] = [
                ("country_code", "country_code", |v, q| v == q),
                ("created_at[gte]", "created_at", |v, q| v >= q),
                ("created_at[lte]", "created_at", |v, q| v <= q),
                ("updated_at[gte]", "updated_at", |v, q| v >= q),
                ("updated_at[lte]", "updated_at", |v, q| v <= q),
            ];
            let keep = |c: &&Value| {
                checks.iter().all(|(key, field, test)| {
                    req.query(key).map_or(true, |q| test(c[*field].as_str().unwrap_or(""), q))
                })
            };
            let found: Vec<Value> = s
                .autoresp
                .iter()
                .filter(|(profile, _)| profile.as_str() == *id)
                .map(|(_, config)| config)
                .filter(keep)
                .cloned()
                .collect();
            Ok(one_page(found))
        }
        ("POST", ["messaging_profiles", id, "autoresp_configs"]) => {
            s.profile(id)?;
            let mut config = autoresp_body(req)?;
            let now = s.now_micros();
            config["id"] = json!(s.uuid());
            config["created_at"] = json!(now);
            config["updated_at"] = json!(now);
            s.autoresp.push((id.to_string(), config.clone()));
            Ok(data(config))
        }
        (method @ ("GET" | "PUT" | "DELETE"), ["messaging_profiles", id, "autoresp_configs", cfg]) => {
            s.profile(id)?;
            let found = s
                .autoresp
                .iter()
                .position(|(p, c)| p.as_str() == *id && c["id"] == *cfg)
                .ok_or_else(not_found)?;
            match method {
                "GET" => Ok(data(s.autoresp[found].1.clone())),
                "DELETE" => {
                    s.autoresp.remove(found);
                    Ok(ok(json!("OK")))
                }
                _ => {
                    let mut config = autoresp_body(req)?;
                    let now = s.now_micros();
                    let old = &mut s.autoresp[found].1;
                    for key in ["id", "created_at"] {
                        config[key] = old[key].clone();
                    }
                    config["updated_at"] = json!(now);
                    *old = config.clone();
                    Ok(data(config))
                }
            }
        }
        ("GET", ["short_codes"]) => {
            let filter = req.query("filter[messaging_profile_id]");
            let found = s.short_codes.iter().filter(|c| match filter {
                None => true,
                Some("null") => c["messaging_profile_id"].is_null(),
                Some(id) => c["messaging_profile_id"] == id,
            });
            paginate(req, found.collect())
        }
        ("GET", ["short_codes", id]) => {
            Ok(data(s.short_codes.iter().find(|c| c["id"] == *id).cloned().ok_or_else(not_found)?))
        }
        ("PATCH", ["short_codes", id]) => {
            let body = json_body(req)?;
            let profile = match body.get("messaging_profile_id") {
                Some(Value::Null) => Value::Null,
                Some(Value::String(p)) if p.is_empty() => Value::Null,
                Some(Value::String(p)) if s.profile(p).is_ok() => json!(p),
                Some(Value::String(_)) => {
                    return Err(bad_field(422, "messaging_profile_id", "No messaging profile has this id."))
                }
                _ => {
                    return Err(bad_field(
                        400,
                        "messaging_profile_id",
                        "The messaging_profile_id is required.",
                    ))
                }
            };
            let now = s.now();
            let code = s.short_codes.iter_mut().find(|c| c["id"] == *id).ok_or_else(not_found)?;
            code["messaging_profile_id"] = profile;
            if let Some(tags) = body.get("tags").filter(|t| t.is_array()) {
                code["tags"] = tags.clone();
            }
            code["updated_at"] = json!(now);
            Ok(data(code.clone()))
        }
        _ => Err(not_found()),
    }
}

fn json_body(req: &Request) -> Result<Value, Reply> {
    serde_json::from_slice(&req.body).map_err(|e| {
        error(400, "10015", "Invalid JSON", &format!("The body is not valid JSON: {e}"), Value::Null)
    })
}

/// Checks an auto-response config body (create and replace) and keeps its known fields.
fn autoresp_body(req: &Request) -> Result<Value, Reply> {
    let body = json_body(req)?;
    if !body["op"].as_str().is_some_and(|op| ["start", "stop", "info"].contains(&op)) {
        return Err(bad_field(422, "op", "op must be one of start, stop, info."));
    }
    if !body["keywords"].as_array().is_some_and(|k| !k.is_empty() && k.iter().all(Value::is_string)) {
        return Err(bad_field(422, "keywords", "keywords must be a non-empty list of strings."));
    }
    if !body["country_code"].is_string() {
        return Err(bad_field(422, "country_code", "country_code is required."));
    }
    let mut config =
        json!({ "op": body["op"], "keywords": body["keywords"], "country_code": body["country_code"] });
    if let Some(text) = body.get("resp_text").filter(|t| t.is_string()) {
        config["resp_text"] = text.clone();
    }
    Ok(config)
}

/// `page[number]` (from 1) and `page[size]` (1..=250), then one page of `items` with its `meta`.
/// Only the page's items are copied, so long lists stay cheap to page through.
fn paginate(req: &Request, items: Vec<&Value>) -> Result<Reply, Reply> {
    let param = |name: &str, default: u64, max: u64| match req.query(name) {
        None => Ok(default),
        Some(v) => v.parse::<u64>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| {
            bad_param(name, &format!("{name} must be an integer between 1 and {max}, got {v:?}."))
        }),
    };
    let number = param("page[number]", 1, u32::MAX.into())?;
    let size = param("page[size]", 20, 250)?;
    let total = items.len() as u64;
    let skip = usize::try_from((number - 1) * size).unwrap_or(usize::MAX);
    let page: Vec<Value> = items.into_iter().skip(skip).take(size as usize).cloned().collect();
    let meta = json!({ "page_number": number, "page_size": size, "total_pages": total.div_ceil(size), "total_results": total });
    Ok(ok(json!({ "data": page, "meta": meta })))
}

/// A whole list as one page, for the lists that take no page parameters but send `meta`.
fn one_page(items: Vec<Value>) -> Reply {
    let n = items.len();
    ok(
        json!({ "data": items, "meta": { "page_number": 1, "page_size": n.max(1), "total_pages": 1, "total_results": n } }),
    )
}

/// The hours of `time_frame` (default 24h), or a 400.
fn time_frame(req: &Request) -> Result<u64, Reply> {
    match req.query("time_frame").unwrap_or("24h") {
        "1h" => Ok(1),
        "3h" => Ok(3),
        "24h" => Ok(24),
        "3d" => Ok(72),
        "7d" => Ok(168),
        "30d" => Ok(720),
        other => Err(bad_param(
            "time_frame",
            &format!("time_frame must be one of 1h, 3h, 24h, 3d, 7d, 30d, got {other:?}."),
        )),
    }
}

/// Sets every member of `patch` on `target` (JSON merge of one level: `null` stores null).
fn merge(target: &mut Value, patch: &Value) {
    if let (Some(target), Some(patch)) = (target.as_object_mut(), patch.as_object()) {
        for (key, value) in patch {
            target.insert(key.clone(), value.clone());
        }
    }
}

/// splitmix64: deterministic pseudo-random bits for ids and secrets.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The in-memory data of the mock.
struct State {
    profiles: Vec<Value>,
    numbers: Vec<Value>,
    short_codes: Vec<Value>,
    sender_ids: Vec<Value>,
    /// (profile id, config)
    autoresp: Vec<(String, Value)>,
    /// Drives ids, secrets and the clock, so every run gives the same data.
    counter: u64,
    requests: u64,
    /// Serialized answers of GET requests by request target, dropped at every other request.
    cache: HashMap<String, Arc<Vec<u8>>>,
    cached_bytes: usize,
}

/// The most bytes of answers the cache keeps.
const MAX_CACHE: usize = 256 << 20;

impl State {
    fn tick(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    fn uuid(&mut self) -> String {
        let (a, b) = (mix(self.tick()), mix(self.counter ^ 0xA5A5_A5A5));
        let (a1, a2, a3) = (a >> 32, (a >> 16) & 0xffff, a & 0xfff);
        format!(
            "{a1:08x}-{a2:04x}-4{a3:03x}-{:04x}-{:012x}",
            0x8000 | (b >> 48) & 0x3fff,
            b & 0xffff_ffff_ffff
        )
    }

    fn secret(&mut self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let seed = self.tick() << 8;
        (0..24).map(|i| ALPHABET[(mix(seed + i) % ALPHABET.len() as u64) as usize] as char).collect()
    }

    /// A fake clock that moves 97 seconds per event, from 2024-05-01 09:00 UTC.
    fn clock(&mut self) -> (u64, u64, u64, u64, u64) {
        let t = 9 * 3600 + 97 * self.tick();
        (1 + (t / 86400) % 28, t / 3600 % 24, t / 60 % 60, t % 60, mix(t) % 1_000_000)
    }

    /// `2024-05-01T09:01:37.574Z`, the format of profiles and short codes.
    fn now(&mut self) -> String {
        let (d, h, m, s, us) = self.clock();
        format!("2024-05-{d:02}T{h:02}:{m:02}:{s:02}.{:03}Z", us / 1000)
    }

    /// `2024-05-01T09:01:37.574123+00:00`, the format of auto-response configs.
    fn now_micros(&mut self) -> String {
        let (d, h, m, s, us) = self.clock();
        format!("2024-05-{d:02}T{h:02}:{m:02}:{s:02}.{us:06}+00:00")
    }

    fn profile(&self, id: &str) -> Result<&Value, Reply> {
        self.profiles.iter().find(|p| p["id"] == id).ok_or_else(not_found)
    }

    fn profile_mut(&mut self, id: &str) -> Result<&mut Value, Reply> {
        self.profiles.iter_mut().find(|p| p["id"] == id).ok_or_else(not_found)
    }

    /// A profile with every field of the definition: the API's defaults, then `fields`.
    fn new_profile(&mut self, fields: Value) -> Value {
        let (id, secret, now) = (self.uuid(), self.secret(), self.now());
        let mut profile = json!({
            "record_type": "messaging_profile", "id": id, "name": "", "enabled": true,
            "webhook_url": null, "webhook_failover_url": null, "webhook_api_version": "2",
            "health_webhook_url": null, "whitelisted_destinations": [],
            "number_pool_settings": null, "url_shortener_settings": null, "alpha_sender": null,
            "daily_spend_limit": "0.00", "daily_spend_limit_enabled": false,
            "mms_fall_back_to_sms": false, "mms_transcoding": false, "mobile_only": false,
            "redaction_enabled": false, "redaction_level": 2, "smart_encoding": false,
            "ai_assistant_id": null, "resource_group_id": null,
            "organization_id": ORGANIZATION_ID, "v1_secret": secret, "created_at": now, "updated_at": now,
        });
        if let Some(fields) = fields.as_object() {
            // Only fields of the definition are stored.
            let known: Map<String, Value> = fields
                .iter()
                .filter(|(k, _)| profile.get(k.as_str()).is_some())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            merge(&mut profile, &Value::Object(known));
        }
        profile
    }

    /// Made-up but stable numbers for profile `index` over `hours`.
    fn metrics(&self, index: usize, hours: u64) -> Value {
        let profile = &self.profiles[index];
        let id = &profile["id"];
        let sent = hours * (index as u64 % 4 + 1) * 37;
        let delivered = sent - sent / 40;
        json!({
            "messaging_profile_id": id,
            "name": profile["name"],
            "phone_numbers": self.numbers.iter().filter(|n| n["messaging_profile_id"] == *id).count(),
            "outbound": { "sent": sent, "delivered": delivered, "errors": sent - delivered,
                          "delivery_rate": (delivered as f64 / sent as f64 * 1000.0).round() / 1000.0 },
            "inbound": { "received": sent / 3 },
        })
    }

    fn seeded(extra_profiles: usize, extra_phone_numbers: usize) -> State {
        let mut s = State {
            profiles: Vec::new(),
            numbers: Vec::new(),
            short_codes: Vec::new(),
            sender_ids: Vec::new(),
            autoresp: Vec::new(),
            counter: 0,
            requests: 0,
            cache: HashMap::new(),
            cached_bytes: 0,
        };
        let profiles = [
            json!({ "name": "Alerts (US)", "whitelisted_destinations": ["US", "CA"],
                "webhook_url": "https://hooks.example.com/telnyx/alerts",
                "webhook_failover_url": "https://backup.example.com/telnyx/alerts",
                "number_pool_settings": { "long_code_weight": 1, "toll_free_weight": 2.5, "skip_unhealthy": true, "geomatch": true, "sticky_sender": false },
                "url_shortener_settings": { "domain": "acct.fyi", "prefix": "alerts", "replace_blacklist_only": true, "send_webhooks": false },
                "daily_spend_limit": "250.00", "daily_spend_limit_enabled": true, "smart_encoding": true }),
            json!({ "name": "Marketing EU", "whitelisted_destinations": ["GB", "DE", "FR", "IE"],
                "webhook_url": "https://hooks.example.com/telnyx/marketing", "alpha_sender": "ACME",
                "mms_transcoding": true, "redaction_enabled": true, "redaction_level": 1,
                "resource_group_id": "rg-7f3c2a10-eu-marketing" }),
            json!({ "name": "Support", "whitelisted_destinations": ["*"],
                "webhook_url": "https://support.example.com/sms", "ai_assistant_id": "assistant-5b1e8c1c",
                "health_webhook_url": "https://support.example.com/health" }),
            json!({ "name": "Two-factor codes", "whitelisted_destinations": ["*"], "mobile_only": true,
                "webhook_api_version": "1", "daily_spend_limit": "40.00", "daily_spend_limit_enabled": true }),
            json!({ "name": "Billing notices", "whitelisted_destinations": ["US"], "mms_fall_back_to_sms": true,
                "webhook_url": "https://billing.example.com/telnyx" }),
            json!({ "name": "Staging (disabled)", "whitelisted_destinations": ["US"], "enabled": false }),
            json!({ "name": "Alerts (CA)", "whitelisted_destinations": ["CA"], "webhook_api_version": "2010-04-01",
                "webhook_url": "https://hooks.example.com/telnyx/alerts-ca" }),
        ];
        for fields in profiles {
            let profile = s.new_profile(fields);
            s.profiles.push(profile);
        }
        let id = |i: usize| s.profiles[i]["id"].clone();
        let (us, eu, support, alerts_ca) = (id(0), id(1), id(2), id(6));
        let numbers = [
            ("+13125550101", "long-code", "US", &us),
            ("+18005550100", "tollfree", "US", &us),
            ("+13125550102", "longcode", "US", &us),
            ("+18885550123", "toll-free", "US", &us),
            ("+13125550103", "long-code", "US", &us),
            ("+447700900123", "long-code", "GB", &eu),
            ("+16135550111", "long-code", "CA", &alerts_ca),
        ];
        for (i, (number, kind, country, profile)) in numbers.into_iter().enumerate() {
            let now = s.now();
            let sms = json!({ "domestic_two_way": true, "international_inbound": kind.ends_with("code"), "international_outbound": true });
            let toll_free = kind.contains("free");
            s.numbers.push(json!({
                "record_type": if i == 2 { "messaging_phone_number" } else { "messaging_settings" },
                "id": (1_293_384_261_075_731_400u64 + i as u64).to_string(), "phone_number": number,
                "messaging_profile_id": profile, "country_code": country, "type": kind,
                "messaging_product": if toll_free { "A2P" } else { "P2P" },
                "eligible_messaging_products": ["A2P", "P2P"], "traffic_type": if toll_free { "A2P" } else { "P2P" },
                "features": { "sms": sms, "mms": if toll_free { Value::Null } else { sms.clone() } },
                "health": { "message_count": 120 + 7 * i, "inbound_outbound_ratio": 0.43, "success_ratio": 0.94, "spam_ratio": 0.06 },
                "tags": if i == 0 { json!(["primary"]) } else { json!([]) },
                "organization_id": ORGANIZATION_ID, "created_at": now, "updated_at": now,
            }));
        }
        let codes = [
            ("22395", "US", us.clone()),
            ("41411", "US", us.clone()),
            ("60777", "GB", eu.clone()),
            ("24273", "US", Value::Null),
        ];
        for (digits, country, profile) in codes {
            let (id, now) = (s.uuid(), s.now());
            s.short_codes.push(json!({
                "record_type": "short_code", "id": id, "short_code": digits, "country_code": country,
                "messaging_profile_id": profile, "tags": [], "created_at": now, "updated_at": now,
            }));
        }
        for (text, profile) in
            [("ACMEAlerts", &us), ("ACME", &eu), ("ACMEOffers", &eu), ("ACMEHelp", &support)]
        {
            let id = s.uuid();
            s.sender_ids.push(json!({
                "record_type": "alphanumeric_sender_id", "id": id, "alphanumeric_sender_id": text,
                "messaging_profile_id": profile, "organization_id": ORGANIZATION_ID,
                "us_long_code_fallback": "+13125550101",
            }));
        }
        let configs = [
            ("start", json!(["START", "BEGIN"]), "US", "Thank you for subscribing US customer."),
            ("stop", json!(["END", "STOP"]), "US", "You have unsubscribed."),
            ("start", json!(["START"]), "*", "Thank you for subscribing."),
        ];
        for (op, keywords, country, text) in configs {
            let (id, now) = (s.uuid(), s.now_micros());
            let config = json!({ "id": id, "op": op, "keywords": keywords, "country_code": country,
                "resp_text": text, "created_at": now, "updated_at": now });
            s.autoresp.push((us.as_str().unwrap_or_default().to_owned(), config));
        }
        for n in 0..extra_phone_numbers {
            let now = s.now();
            let sms = json!({ "domestic_two_way": true, "international_inbound": true, "international_outbound": true });
            s.numbers.push(json!({
                "record_type": "messaging_settings",
                "id": (1_293_384_261_075_800_000u64 + n as u64).to_string(),
                "phone_number": format!("+1{:03}555{:04}", 201 + n / 10_000 % 700, n % 10_000),
                "messaging_profile_id": us, "country_code": "US", "type": "long-code",
                "messaging_product": "P2P", "eligible_messaging_products": ["A2P", "P2P"], "traffic_type": "P2P",
                "features": { "sms": sms, "mms": sms.clone() },
                "health": { "message_count": n % 997, "inbound_outbound_ratio": 0.43, "success_ratio": 0.94, "spam_ratio": 0.06 },
                "tags": [], "organization_id": ORGANIZATION_ID, "created_at": now, "updated_at": now,
            }));
        }
        for n in 1..=extra_profiles {
            let profile = s.new_profile(
                json!({ "name": format!("Profile {n:05}"), "whitelisted_destinations": ["US"] }),
            );
            s.profiles.push(profile);
        }
        s
    }
}
