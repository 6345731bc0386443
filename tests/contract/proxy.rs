//! The one recording HTTP/1.1 pass-through between the clients of every contract suite and
//! Prism, on 127.0.0.1.
//!
//! It forwards each request unchanged (one request per connection) and records what went over
//! the wire: method, target, body, status and Prism's `sl-violations` header, which the clients'
//! error types do not keep. A base URL `http://PROXY/s/SESSION` keeps one scenario's requests
//! apart (the prefix is stripped before forwarding); paths under `/__contract/` go to the
//! control handler instead of Prism (see `proxy_bin.rs`).

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

const IO_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_MESSAGE: usize = 16 * 1024 * 1024;

/// One request and its response as seen on the wire.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Exchange {
    /// The session of the `/s/SESSION` prefix, empty without one.
    pub session: String,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path without the query.
    pub path: String,
    /// The raw query (percent-encoded), empty when none.
    pub query: String,
    /// The request body as text.
    pub body: String,
    /// Whether the request body was sent with `Transfer-Encoding: chunked`.
    pub chunked: bool,
    /// The request's `Prefer` header, if any.
    pub prefer: Option<String>,
    /// The response status; 0 when the proxy failed.
    pub status: u16,
    /// Prism's `sl-violations` response header: what in the request breaks the definition.
    pub violations: Option<String>,
    /// The response body as text.
    pub response: String,
    /// A failure of the proxy itself.
    pub proxy_error: Option<String>,
}

impl Exchange {
    /// One line for failure messages.
    pub fn describe(&self) -> String {
        let mut s = format!("{} {}", self.method, self.path);
        if !self.query.is_empty() {
            s.push('?');
            s.push_str(&self.query);
        }
        s.push_str(&format!(" -> {}", self.status));
        if let Some(p) = &self.prefer {
            s.push_str(&format!(" (Prefer: {p})"));
        }
        if let Some(v) = &self.violations {
            s.push_str(&format!("\n    sl-violations: {v}"));
        }
        if let Some(e) = &self.proxy_error {
            s.push_str(&format!("\n    proxy error: {e}"));
        }
        if !self.body.is_empty() {
            s.push_str(&format!("\n    request body: {}", self.body));
        }
        if !(200..300).contains(&self.status) && !self.response.is_empty() {
            s.push_str(&format!("\n    response body: {}", self.response));
        }
        s
    }
}

/// Answers a request to `/__contract/WHAT`: (method, WHAT, body, the record) to (status, JSON).
pub type Control = Arc<dyn Fn(&str, &str, &str, &[Exchange]) -> (u16, String) + Send + Sync>;

/// The running proxy; dropping it stops it.
pub struct Proxy {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Exchange>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Proxy {
    /// Listens on 127.0.0.1:`port` (0: a free one) and forwards to `upstream`.
    pub fn start(upstream: SocketAddr, port: u16, control: Option<Control>) -> Proxy {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the proxy");
        let addr = listener.local_addr().expect("proxy address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (log, stop) = (Arc::clone(&log), Arc::clone(&stop));
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    forward(conn, upstream, &log, control.as_ref());
                }
            })
        };
        Proxy { addr, log, stop, thread: Some(thread) }
    }

    /// The base URL to give the client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Everything recorded so far in `session` ("" for requests without `/s/SESSION`).
    #[allow(dead_code)] // the proxy program reads the record in its control handler
    pub fn exchanges(&self, session: &str) -> Vec<Exchange> {
        self.log.lock().unwrap().iter().filter(|e| e.session == session).cloned().collect()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop; it sees the flag and ends.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Handles one connection: one request, forwarded with `Connection: close`, and its response.
/// The exchange is logged before the client gets the response, so a caller that has its result
/// always finds the exchange in the log.
fn forward(
    mut client: TcpStream,
    upstream: SocketAddr,
    log: &Mutex<Vec<Exchange>>,
    control: Option<&Control>,
) {
    let mut exchange = Exchange::default();
    let answer = match exchange_with(&mut client, upstream, &mut exchange, control, log) {
        Ok(None) => return, // a control request, answered
        Ok(Some(answer)) => answer,
        Err(e) => {
            exchange.proxy_error = Some(e.to_string());
            b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    log.lock().unwrap().push(exchange);
    let _ = client.write_all(&answer).and_then(|()| client.flush());
    let _ = client.shutdown(Shutdown::Both);
}

/// Reads the request, forwards it, records both; returns the bytes to send back.
fn exchange_with(
    client: &mut TcpStream,
    upstream: SocketAddr,
    ex: &mut Exchange,
    control: Option<&Control>,
    log: &Mutex<Vec<Exchange>>,
) -> io::Result<Option<Vec<u8>>> {
    client.set_read_timeout(Some(IO_TIMEOUT))?;
    client.set_write_timeout(Some(IO_TIMEOUT))?;
    let (head, mut body) = read_head(client)?;
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default().to_owned();
    let mut parts = request_line.split(' ');
    ex.method = parts.next().unwrap_or_default().to_owned();
    let mut target = parts.next().unwrap_or_default();
    if let Some(rest) = target.strip_prefix("/s/") {
        let end = rest.find('/').unwrap_or(rest.len());
        ex.session = rest[..end].to_owned();
        target = &rest[end..];
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    ex.path = path.to_owned();
    ex.query = query.to_owned();

    let mut out = format!("{} {target} {}\r\n", ex.method, parts.next().unwrap_or("HTTP/1.1"));
    let mut length = 0;
    let mut chunked = false;
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" | "keep-alive" => continue,
            "content-length" => length = value.trim().parse().map_err(|_| bad("bad content-length"))?,
            "transfer-encoding" if value.trim().eq_ignore_ascii_case("chunked") => chunked = true,
            "transfer-encoding" => return Err(bad("unsupported transfer-encoding")),
            "prefer" => ex.prefer = Some(value.trim().to_owned()),
            _ => {}
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("Connection: close\r\n\r\n");
    // The raw body is forwarded unchanged; a chunked one is also decoded for the record.
    let raw = loop {
        let complete = if chunked { dechunk(&body)? } else { (body.len() >= length).then_some(length) };
        if let Some(end) = complete {
            body.truncate(end);
            break body;
        }
        if body.len() > MAX_MESSAGE {
            return Err(bad("request body too large"));
        }
        let mut buf = [0u8; 8192];
        let n = client.read(&mut buf)?;
        if n == 0 {
            return Err(bad("request body cut short"));
        }
        body.extend_from_slice(&buf[..n]);
    };
    ex.chunked = chunked;
    let decoded = if chunked { decode_chunks(&raw) } else { raw.clone() };
    ex.body = String::from_utf8_lossy(&decoded).into_owned();
    let body = raw;
    if let (Some(control), Some(what)) = (control, ex.path.strip_prefix("/__contract/")) {
        let (status, json) = control(&ex.method, what, &ex.body, &log.lock().unwrap());
        let head = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            json.len()
        );
        let _ = client.write_all(head.as_bytes()).and_then(|()| client.write_all(json.as_bytes()));
        let _ = client.shutdown(Shutdown::Both);
        return Ok(None);
    }

    let mut up = TcpStream::connect_timeout(&upstream, Duration::from_secs(5))?;
    up.set_read_timeout(Some(IO_TIMEOUT))?;
    up.set_write_timeout(Some(IO_TIMEOUT))?;
    up.write_all(out.as_bytes())?;
    up.write_all(&body)?;

    // The upstream closes after its response, since the request asked for that.
    let mut response = Vec::new();
    (&mut up).take(MAX_MESSAGE as u64 + 1).read_to_end(&mut response)?;
    if response.len() > MAX_MESSAGE {
        return Err(bad("response too large"));
    }
    let end = find_head_end(&response).ok_or_else(|| bad("response without a complete head"))?;
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    let resp_body = &response[end + 4..];
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default().to_owned();
    ex.status =
        status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| bad("bad status line"))?;
    let mut back = format!("{status_line}\r\n");
    for line in lines {
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        match name.trim().to_ascii_lowercase().as_str() {
            "connection" | "keep-alive" => continue,
            "sl-violations" => ex.violations = Some(value.trim().to_owned()),
            _ => {}
        }
        back.push_str(line);
        back.push_str("\r\n");
    }
    back.push_str("Connection: close\r\n\r\n");
    ex.response = String::from_utf8_lossy(resp_body).into_owned();
    let mut answer = back.into_bytes();
    answer.extend_from_slice(resp_body);
    Ok(Some(answer))
}

/// Reads up to the end of the head; returns the head text and the body bytes read past it.
fn read_head(stream: &mut TcpStream) -> io::Result<(String, Vec<u8>)> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = find_head_end(&data) {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            return Ok((head, data[end + 4..].to_vec()));
        }
        if data.len() > 64 * 1024 {
            return Err(bad("request head too large"));
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(bad("connection closed before a request head"));
        }
        data.extend_from_slice(&buf[..n]);
    }
}

/// The length of a complete chunked body at the start of `data` (trailers included), or `None`
/// while it is incomplete.
fn dechunk(data: &[u8]) -> io::Result<Option<usize>> {
    let mut pos = 0;
    loop {
        let Some(line_end) = data[pos..].windows(2).position(|w| w == b"\r\n") else { return Ok(None) };
        let size_text = String::from_utf8_lossy(&data[pos..pos + line_end]).into_owned();
        let size_text = size_text.split(';').next().unwrap_or_default().trim().to_owned();
        let size = usize::from_str_radix(&size_text, 16).map_err(|_| bad("bad chunk size"))?;
        pos += line_end + 2;
        if size == 0 {
            // Trailer lines, then an empty line.
            loop {
                let Some(end) = data[pos..].windows(2).position(|w| w == b"\r\n") else { return Ok(None) };
                pos += end + 2;
                if end == 0 {
                    return Ok(Some(pos));
                }
            }
        }
        if data.len() < pos + size + 2 {
            return Ok(None);
        }
        pos += size + 2;
    }
}

/// The payload of a complete chunked body.
fn decode_chunks(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(line_end) = data[pos..].windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[pos..pos + line_end]).into_owned();
        let size =
            usize::from_str_radix(size_text.split(';').next().unwrap_or_default().trim(), 16).unwrap_or(0);
        pos += line_end + 2;
        if size == 0 || data.len() < pos + size {
            break;
        }
        out.extend_from_slice(&data[pos..pos + size]);
        pos += size + 2;
    }
    out
}

fn find_head_end(data: &[u8]) -> Option<usize> {
    data.windows(4).position(|w| w == b"\r\n\r\n")
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}
