//! The one place that talks HTTP: URL building, auth and default headers, the retry loop and the
//! mapping of responses and failures to [`Error`].

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use ureq::http::{self, HeaderMap, HeaderName, HeaderValue};

use crate::error::{ApiError, ApiErrorDetail, Error, RateLimit};
use crate::logging;
use crate::Result;

/// Largest response body read into memory (a page of 250 profiles is about 300 KiB).
const MAX_BODY: u64 = 64 * 1024 * 1024;
/// The HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name, such as `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    fn as_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        }
    }
}

/// What an endpoint asks the transport to do: method, encoded path, query pairs, JSON body.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: Method,
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Vec<u8>>,
}

impl Request {
    pub fn new(method: Method, path: String) -> Self {
        Request { method, path, query: Vec::new(), body: None }
    }

    /// Adds a query pair when the value is present.
    pub fn query(mut self, key: &'static str, value: Option<impl ToString>) -> Self {
        if let Some(v) = value {
            self.query.push((key, v.to_string()));
        }
        self
    }

    /// Sets a query pair, replacing an earlier one with the same key.
    pub fn set_query(&mut self, key: &'static str, value: String) {
        self.query.retain(|(k, _)| *k != key);
        self.query.push((key, value));
    }

    /// Serializes `body` as the JSON body.
    pub fn json(mut self, body: &impl serde::Serialize) -> Result<Self> {
        let bytes =
            serde_json::to_vec(body).map_err(|e| Error::InvalidArgument(format!("request body: {e}")))?;
        self.body = Some(bytes);
        Ok(self)
    }
}

/// How records name a request: method, path and the library's own query parameters (decoded;
/// none is secret), such as `GET /short_codes?page[size]=250&page[number]=2`.
fn log_line(req: &Request) -> String {
    let mut line = format!("{} {}", req.method.as_str(), req.path);
    for (i, (key, value)) in req.query.iter().enumerate() {
        line.push(if i == 0 { '?' } else { '&' });
        line.push_str(key);
        line.push('=');
        line.push_str(value);
    }
    line
}

/// Percent-encodes `id` as a single path segment. Ids that would change which endpoint the
/// request reaches are refused: the empty id, and the dot-segments `.` and `..`.
pub(crate) fn segment(id: &str, what: &str) -> Result<String> {
    if id.is_empty() || id == "." || id == ".." {
        return Err(Error::InvalidArgument(format!("{what} {id:?} is not a valid id")));
    }
    if id.len() > MAX_ID {
        let length = id.len();
        return Err(Error::InvalidArgument(format!(
            "{what} is {length} bytes long; ids are at most {MAX_ID} bytes"
        )));
    }
    Ok(percent_encode(id))
}

/// The longest id accepted (the API's ids are UUIDs and short numbers): far longer ones are
/// mistakes, and would not fit in a URL.
const MAX_ID: usize = 1024;

/// The longest query value accepted, so every request fits HTTP's URL limit.
const MAX_QUERY_VALUE: usize = 8192;

/// Encodes everything but RFC 3986 unreserved characters, so `/`, `?`, `#`, `[`, `]` and `%` can
/// never be read as URL structure.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Per-call settings, like the official SDKs' request options. Set them for a call with
/// [`Client::with_options`](crate::Client::with_options); unset fields use the client's settings.
///
/// ```
/// use std::time::Duration;
/// use telnyx_messaging::{Client, RequestOptions};
///
/// let options = RequestOptions::new()
///     .header("X-Trace", "abc")
///     .max_retries(0)
///     .deadline(Duration::from_secs(5));
/// assert_eq!(options.headers, [("X-Trace".to_string(), "abc".to_string())]);
/// assert_eq!((options.max_retries, options.timeout), (Some(0), None)); // `None`: the client's
///
/// let client = Client::builder().api_key("KEY").build()?;
/// let quick = client.with_options(options);
/// assert_eq!(quick.base_url(), client.base_url());
///
/// // Options are checked per call, before any request.
/// let bad = client.with_options(RequestOptions::new().header("Authorization", "Bearer other"));
/// let err = bad.messaging_profiles().retrieve("p1").unwrap_err();
/// assert_eq!(err.to_string(), "invalid argument: set the API key instead of an Authorization header");
/// let bad = client.with_options(RequestOptions::new().timeout(Duration::ZERO));
/// let err = bad.messaging_profiles().retrieve("p1").unwrap_err();
/// assert_eq!(err.to_string(), "invalid argument: timeout must be greater than zero");
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Extra headers sent with this call (after the client's own).
    pub headers: Vec<(String, String)>,
    /// Timeout per attempt.
    pub timeout: Option<Duration>,
    /// How many times to retry.
    pub max_retries: Option<u32>,
    /// Overall deadline across all attempts and waits.
    pub deadline: Option<Duration>,
    /// Retry a POST that may have reached the server (see [`ClientBuilder::retry_post`](crate::ClientBuilder::retry_post)).
    pub retry_post: Option<bool>,
    /// Extra query parameters, sent after the call's own: for parameters the API added after
    /// this version (the typed params keep refusing unknown names, to catch typos).
    pub extra_query: Vec<(String, String)>,
    /// Extra members of the JSON body, added to (and overriding) the call's own: for fields the
    /// API added after this version. Only calls that send a JSON body (create, update) use them.
    pub extra_body: serde_json::Map<String, serde_json::Value>,
}

impl RequestOptions {
    /// Empty options: everything from the client.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a header to this call.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Timeout per attempt for this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Retry count for this call.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Overall deadline for this call, retries and waits included.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Whether this call may retry a POST that may have reached the server.
    pub fn retry_post(mut self, retry: bool) -> Self {
        self.retry_post = Some(retry);
        self
    }

    /// Adds a query parameter to this call (see [`RequestOptions::extra_query`]).
    pub fn extra_query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_query.push((name.into(), value.into()));
        self
    }

    /// Adds a member to this call's JSON body (see [`RequestOptions::extra_body`]).
    pub fn extra_body(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra_body.insert(name.into(), value);
        self
    }

    /// Checks the options as a call would, so they can be refused where they are given: header
    /// names and values (no reserved or malformed headers), and no zero timeout or deadline.
    ///
    /// ```
    /// use std::time::Duration;
    /// use telnyx_messaging::RequestOptions;
    ///
    /// assert!(RequestOptions::new().header("X-Trace", "abc").check().is_ok());
    /// let err = RequestOptions::new().deadline(Duration::ZERO).check().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid argument: deadline must be greater than zero");
    /// let err = RequestOptions::new().header("Content-Length", "5").check().unwrap_err();
    /// assert!(err.to_string().contains("cannot be given"));
    /// ```
    pub fn check(&self) -> Result<()> {
        for (name, value) in &self.headers {
            parse_header(name, value)?;
        }
        if self.timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::InvalidArgument("timeout must be greater than zero".into()));
        }
        if self.deadline.is_some_and(|d| d.is_zero()) {
            return Err(Error::InvalidArgument("deadline must be greater than zero".into()));
        }
        Ok(())
    }

    /// These options with `later` on top (chained `with_options`): each setting `later` gives
    /// wins; headers accumulate, a later header replacing an earlier one of the same name.
    pub(crate) fn then(&self, later: RequestOptions) -> RequestOptions {
        let mut headers: Vec<(String, String)> = self
            .headers
            .iter()
            .filter(|(name, _)| !later.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
            .cloned()
            .collect();
        headers.extend(later.headers);
        RequestOptions {
            headers,
            timeout: later.timeout.or(self.timeout),
            max_retries: later.max_retries.or(self.max_retries),
            deadline: later.deadline.or(self.deadline),
            retry_post: later.retry_post.or(self.retry_post),
            extra_query: self.extra_query.iter().cloned().chain(later.extra_query).collect(),
            extra_body: self.extra_body.clone().into_iter().chain(later.extra_body).collect(),
        }
    }
}

/// Metadata of a successful response: status, request id, rate-limit headers and all headers.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// HTTP status code.
    pub status: u16,
    /// The `x-request-id` header, if the server sent one.
    pub request_id: Option<String>,
    /// The `x-ratelimit-*` headers.
    pub rate_limit: RateLimit,
    /// How many retries it took (0 when the first attempt succeeded).
    pub retries: u32,
    headers: HeaderMap,
}

impl ResponseMeta {
    /// A response header by name (case-insensitive), if present and text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The function that waits between retries; tests inject one that records instead of sleeping.
pub(crate) type Sleeper = Arc<dyn Fn(Duration) + Send + Sync>;

/// Settings fixed when the client is built.
pub(crate) struct Settings {
    pub base_url: String,
    pub auth: HeaderValue,
    pub user_agent: HeaderValue,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub timeout: Duration,
    pub max_retries: u32,
    pub deadline: Option<Duration>,
    pub max_retry_wait: Duration,
    pub retry_post: bool,
    pub sleeper: Sleeper,
    /// Whether list iterators fetch the next page while the caller uses the current one.
    pub read_ahead: bool,
}

/// The one place that talks HTTP: a ureq agent (its connection pool) and the client's settings.
pub(crate) struct Transport {
    agent: ureq::Agent,
    pub settings: Settings,
}

/// A response as read off the wire.
struct RawResponse {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// One attempt's outcome when it did not succeed.
enum Failure {
    /// The server answered with a non-2xx status.
    Status(Box<RawResponse>),
    /// No usable response; `sent` tells whether the request may have reached the server.
    Io { error: Error, sent: bool },
}

impl Transport {
    /// Sends `req`, retrying as the settings allow; returns the body of a 2xx response.
    pub fn send(&self, req: &Request, opts: Option<&RequestOptions>) -> Result<(Vec<u8>, ResponseMeta)> {
        self.send_until(req, opts, None)
    }

    /// [`Transport::send`] that makes no further attempt once `cancelled` is set: the attempt
    /// under way finishes, and its error is returned instead of a retry.
    pub fn send_until(
        &self,
        req: &Request,
        opts: Option<&RequestOptions>,
        cancelled: Option<&AtomicBool>,
    ) -> Result<(Vec<u8>, ResponseMeta)> {
        opts.map(RequestOptions::check).transpose()?;
        let max_retries = opts.and_then(|o| o.max_retries).unwrap_or(self.settings.max_retries);
        let timeout = opts.and_then(|o| o.timeout).unwrap_or(self.settings.timeout);
        let retry_post = opts.and_then(|o| o.retry_post).unwrap_or(self.settings.retry_post);
        // A deadline too far away to represent (`Duration::MAX`, say) is no deadline.
        let deadline = opts
            .and_then(|o| o.deadline)
            .or(self.settings.deadline)
            .and_then(|d| Instant::now().checked_add(d).map(|at| (at, d)));
        let http_req = self.build(req, opts)?;
        let extended = match (&req.body, opts.map(|o| &o.extra_body).filter(|extra| !extra.is_empty())) {
            (Some(body), Some(extra)) => Some(with_extra_members(body, extra)?),
            _ => None,
        };
        // A body-less POST (an action) goes out with `Content-Length: 0`, not chunked.
        let body =
            extended.as_deref().or(req.body.as_deref()).or((req.method == Method::Post).then_some(&[][..]));

        let line = if log::max_level() == log::LevelFilter::Off { String::new() } else { log_line(req) };
        if let Some(body) = body.filter(|b| !b.is_empty()) {
            logging::body(&line, "request body", body, self.api_key());
        }
        let mut attempt = 0;
        loop {
            let mut attempt_timeout = timeout;
            if let Some((at, total)) = deadline {
                let left = at.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    let error = Error::timeout(format!("overall deadline of {total:?} exceeded"));
                    logging::failed(&line, &error);
                    return Err(error);
                }
                attempt_timeout = attempt_timeout.min(left);
            }
            let started = Instant::now();
            let result = self.attempt(http_req.clone(), body, attempt_timeout);
            match &result {
                Ok(raw) => {
                    let id = header(&raw.headers, "x-request-id").or(header(&raw.headers, "request-id"));
                    logging::attempt(&line, attempt + 1, Ok(raw.status), started.elapsed(), id);
                    logging::body(&line, "response body", &raw.body, self.api_key());
                }
                Err(Failure::Io { error, .. }) => {
                    logging::attempt(&line, attempt + 1, Err(error), started.elapsed(), None)
                }
                Err(Failure::Status(_)) => {}
            }
            let failure = match result {
                Ok(raw) if (200..300).contains(&raw.status) => {
                    let meta = ResponseMeta {
                        status: raw.status,
                        request_id: request_id(&raw.headers),
                        rate_limit: rate_limit(&raw.headers),
                        retries: attempt,
                        headers: raw.headers,
                    };
                    return Ok((raw.body, meta));
                }
                Ok(raw) => Failure::Status(Box::new(raw)),
                Err(failure) => failure,
            };
            let delay = retry_delay(&failure, req.method, retry_post, attempt);
            let error = match failure {
                Failure::Status(raw) => api_error(*raw),
                Failure::Io { error, .. } => error,
            };
            let fits_deadline = |delay: Duration| match deadline {
                Some((at, _)) => matches!(Instant::now().checked_add(delay), Some(t) if t < at),
                None => true,
            };
            // A cancelled request (a read-ahead nobody waits for any more) is not tried again.
            let is_cancelled = || cancelled.is_some_and(|c| c.load(Ordering::SeqCst));
            match delay {
                Some(delay)
                    if attempt < max_retries
                        && delay <= self.settings.max_retry_wait
                        && fits_deadline(delay)
                        && !is_cancelled() =>
                {
                    logging::retry(&line, attempt + 1, delay, &error.to_string());
                    (self.settings.sleeper)(delay);
                    if is_cancelled() {
                        return Err(error);
                    }
                    attempt += 1;
                }
                _ => {
                    logging::failed(&line, &error);
                    return Err(error);
                }
            }
        }
    }

    /// The API key, for redaction: what follows `Bearer ` in the `Authorization` header.
    fn api_key(&self) -> &str {
        self.settings.auth.to_str().unwrap_or_default().trim_start_matches("Bearer ")
    }

    /// The request's URL and headers, built once and reused by every attempt.
    fn build(&self, req: &Request, opts: Option<&RequestOptions>) -> Result<http::Request<()>> {
        let mut url = String::with_capacity(self.settings.base_url.len() + req.path.len() + 64);
        url.push_str(&self.settings.base_url);
        url.push_str(&req.path);
        let own = req.query.iter().map(|(k, v)| (*k, v.as_str()));
        let extra = opts.map(|o| o.extra_query.as_slice()).unwrap_or_default();
        for (i, (k, v)) in own.chain(extra.iter().map(|(k, v)| (k.as_str(), v.as_str()))).enumerate() {
            if v.len() > MAX_QUERY_VALUE || k.len() > MAX_QUERY_VALUE {
                let length = v.len();
                return Err(Error::InvalidArgument(format!(
                    "query parameter {k} is {length} bytes long; at most {MAX_QUERY_VALUE} bytes"
                )));
            }
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&percent_encode(k));
            url.push('=');
            url.push_str(&percent_encode(v));
        }
        let uri = http::Uri::try_from(url.as_str()).map_err(|_| {
            let length = url.len();
            if length > MAX_URL {
                Error::InvalidArgument(format!(
                    "the request URL would be {length} bytes, more than the {MAX_URL} HTTP allows: shorten the id or filter"
                ))
            } else {
                Error::InvalidArgument("the request URL is not valid".into())
            }
        })?;
        let mut builder = http::Request::builder()
            .method(req.method.as_http())
            .uri(uri)
            .header(http::header::AUTHORIZATION, self.settings.auth.clone())
            .header(http::header::ACCEPT, "application/json")
            .header(http::header::USER_AGENT, self.settings.user_agent.clone());
        if req.body.is_some() {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json");
        }
        let mut request = builder.body(()).map_err(|e| Error::InvalidArgument(format!("request: {e}")))?;
        let headers = request.headers_mut();
        for (name, value) in &self.settings.headers {
            headers.insert(name.clone(), value.clone());
        }
        for (name, value) in opts.map(|o| o.headers.as_slice()).unwrap_or_default() {
            let (name, value) = parse_header(name, value)?;
            headers.insert(name, value);
        }
        Ok(request)
    }

    fn attempt(
        &self,
        req: http::Request<()>,
        body: Option<&[u8]>,
        timeout: Duration,
    ) -> std::result::Result<RawResponse, Failure> {
        let result = match body {
            Some(body) => {
                let (parts, ()) = req.into_parts();
                let req = self.agent.configure_request(http::Request::from_parts(parts, body));
                self.agent.run(req.timeout_global(finite(timeout)).build())
            }
            None => self.agent.run(self.agent.configure_request(req).timeout_global(finite(timeout)).build()),
        };
        let mut response = result.map_err(|e| io_failure(e, timeout))?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| io_failure(e, timeout))?;
        let (parts, _) = response.into_parts();
        Ok(RawResponse { status, headers: parts.headers, body })
    }
}

/// A timeout for ureq, which panics on one too long to add to the current time: anything
/// beyond a year (`Duration::MAX`, say) means no timeout.
pub(crate) fn finite(timeout: Duration) -> Option<Duration> {
    const YEAR: Duration = Duration::from_secs(365 * 24 * 60 * 60);
    (timeout <= YEAR).then_some(timeout)
}

/// Idle connections kept for reuse, per host too: enough for one per thread of a busy program.
/// ureq keeps 3 by default: a client shared by more threads
/// would close and reopen connections (a TLS handshake each) all the time.
const MAX_IDLE_CONNECTIONS: usize = 64;

impl Transport {
    /// A transport with its own connection pool. ureq resolves the host before every request,
    /// even on a pooled connection; caching that ourselves would need ureq's `unversioned`
    /// resolver API and so an exact ureq version, which dependents could not share.
    pub fn new(settings: Settings, connect_timeout: Duration, proxy: Option<ureq::Proxy>) -> Transport {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_idle_connections(MAX_IDLE_CONNECTIONS)
            .max_idle_connections_per_host(MAX_IDLE_CONNECTIONS)
            .timeout_connect(finite(connect_timeout))
            .proxy(proxy)
            .user_agent(ureq::config::AutoHeaderValue::None)
            .accept(ureq::config::AutoHeaderValue::None)
            .build();
        Transport { agent: ureq::Agent::new_with_config(config), settings }
    }
}

/// The longest URL the `http` crate accepts.
const MAX_URL: usize = 65_534;

/// Headers the client sets itself from the request (framing, routing, connection management):
/// a caller's value would corrupt the request (a wrong `Content-Length` hangs it or drops its
/// body), so they are refused.
const RESERVED_HEADERS: [&str; 11] = [
    "content-length",
    "transfer-encoding",
    "host",
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authorization",
    "te",
    "trailer",
    "upgrade",
    "expect",
];

/// `body` (a JSON object) with `extra`'s members added, overriding its own.
fn with_extra_members(body: &[u8], extra: &serde_json::Map<String, serde_json::Value>) -> Result<Vec<u8>> {
    let mut object: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(body)
        .map_err(|_| Error::InvalidArgument("extra_body: this call's body is not a JSON object".into()))?;
    object.extend(extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    serde_json::to_vec(&object).map_err(|e| Error::InvalidArgument(format!("extra_body: {e}")))
}

/// Validates one header name and value: a valid name that is not reserved, and a value of
/// visible ASCII, spaces and tabs (what every server reads the same way).
pub(crate) fn parse_header(name: &str, value: &str) -> Result<(HeaderName, HeaderValue)> {
    let header_name = HeaderName::try_from(name).map_err(|_| {
        Error::InvalidArgument(format!("header name {:?} is not a valid HTTP header name", brief(name)))
    })?;
    if header_name == http::header::AUTHORIZATION {
        return Err(Error::InvalidArgument("set the API key instead of an Authorization header".into()));
    }
    if RESERVED_HEADERS.contains(&header_name.as_str()) {
        return Err(Error::InvalidArgument(format!(
            "header {name:?} is set by the client from the request itself and cannot be given"
        )));
    }
    if !is_header_text(value) {
        return Err(Error::InvalidArgument(format!(
            "the value of header {name:?} must be visible ASCII characters, spaces and tabs"
        )));
    }
    let header_value = HeaderValue::try_from(value).map_err(|_| {
        Error::InvalidArgument(format!("the value of header {name:?} is not a valid header value"))
    })?;
    Ok((header_name, header_value))
}

/// Visible ASCII, spaces and tabs: no control characters (CR, LF, NUL) and nothing non-ASCII.
pub(crate) fn is_header_text(text: &str) -> bool {
    text.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

/// `text` cut to 64 characters for an error message.
fn brief(text: &str) -> String {
    match text.char_indices().nth(64) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// Maps a ureq failure, noting whether the request may have reached the server.
fn io_failure(e: ureq::Error, timeout: Duration) -> Failure {
    use std::io::ErrorKind;
    use ureq::Timeout as T;
    let (error, sent) = match e {
        ureq::Error::Timeout(phase) => {
            let sent = !matches!(phase, T::Resolve | T::Connect);
            let which = if sent { "response" } else { "connection" };
            let message = format!("no {which} within {timeout:?} ({phase})");
            (Error::Timeout { message, source: Some(Box::new(e)) }, sent)
        }
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => (
            Error::Connection { message: e.to_string(), request_sent: false, source: Some(Box::new(e)) },
            false,
        ),
        ureq::Error::Io(ref io) if io.kind() == ErrorKind::TimedOut => {
            let message = format!("no response within {timeout:?}");
            (Error::Timeout { message, source: Some(Box::new(e)) }, true)
        }
        ureq::Error::Io(ref io) => {
            let sent = !matches!(
                io.kind(),
                ErrorKind::ConnectionRefused | ErrorKind::AddrNotAvailable | ErrorKind::NotFound
            );
            (
                Error::Connection { message: e.to_string(), request_sent: sent, source: Some(Box::new(e)) },
                sent,
            )
        }
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::ConnectProxyFailed(_) => (
            Error::Connection { message: e.to_string(), request_sent: false, source: Some(Box::new(e)) },
            false,
        ),
        other => (
            Error::Connection {
                message: other.to_string(),
                request_sent: true,
                source: Some(Box::new(other)),
            },
            true,
        ),
    };
    Failure::Io { error, sent }
}

/// How long to wait before the next attempt, or `None` when this failure must not be retried.
///
/// Retried for every method: 429, 503 with a retry hint, `x-should-retry: true`, and failures
/// before the request was sent. Retried except for POST (unless `retry_post`): 408, 409, other
/// 5xx, and failures after the request may have reached the server, so a create is never made
/// twice by accident.
fn retry_delay(failure: &Failure, method: Method, retry_post: bool, attempt: u32) -> Option<Duration> {
    let replay_ok = method != Method::Post || retry_post;
    match failure {
        Failure::Io { sent, .. } => (!sent || replay_ok).then(|| backoff(attempt)),
        Failure::Status(raw) => {
            // A zero (or past) hint is no hint: back off as usual, like the official SDKs.
            let hint = retry_hint(raw).filter(|wait| !wait.is_zero());
            let retry = match header(&raw.headers, "x-should-retry") {
                Some("true") => true,
                Some("false") => false,
                _ => match raw.status {
                    429 => true,
                    503 if hint.is_some() => true,
                    408 | 409 | 500..=599 => replay_ok,
                    _ => false,
                },
            };
            retry.then(|| hint.unwrap_or_else(|| backoff(attempt)))
        }
    }
}

/// The wait the server asked for: `retry-after-ms`, then `Retry-After` (seconds or HTTP date),
/// then on 429 `x-ratelimit-reset` (seconds until the window resets).
fn retry_hint(raw: &RawResponse) -> Option<Duration> {
    let h = |name| header(&raw.headers, name);
    if let Some(ms) = h("retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok()) {
        if ms.is_finite() && ms >= 0.0 {
            return Some(saturating_secs(ms / 1000.0));
        }
    }
    if let Some(v) = h("retry-after") {
        if let Ok(secs) = v.trim().parse::<f64>() {
            if secs.is_finite() && secs >= 0.0 {
                return Some(saturating_secs(secs));
            }
        } else if let Ok(at) = httpdate::parse_http_date(v.trim()) {
            return Some(at.duration_since(SystemTime::now()).unwrap_or_default());
        }
    }
    if raw.status == 429 {
        return h("x-ratelimit-reset").and_then(|v| v.trim().parse::<u64>().ok()).map(Duration::from_secs);
    }
    None
}

/// `secs` (finite, non-negative) as a duration; waits too long to represent become
/// `Duration::MAX` instead of a panic.
fn saturating_secs(secs: f64) -> Duration {
    Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)
}

/// The official SDKs' backoff: `min(0.5 * 2^attempt, 8)` seconds, less up to 25 % jitter.
fn backoff(attempt: u32) -> Duration {
    let base = (0.5 * 2f64.powi(attempt.min(16) as i32)).min(8.0);
    let random = (RandomState::new().build_hasher().finish() >> 11) as f64 / (1u64 << 53) as f64;
    Duration::from_secs_f64(base * (1.0 - 0.25 * random))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    ["x-request-id", "request-id"].into_iter().find_map(|n| header(headers, n)).map(str::to_owned)
}

fn rate_limit(headers: &HeaderMap) -> RateLimit {
    let num = |name| header(headers, name).and_then(|v| v.trim().parse().ok());
    RateLimit {
        limit: num("x-ratelimit-limit"),
        remaining: num("x-ratelimit-remaining"),
        reset: num("x-ratelimit-reset"),
    }
}

/// Builds the API error of a non-2xx response; any body (JSON, HTML, empty, truncated) works.
fn api_error(raw: RawResponse) -> Error {
    #[derive(serde::Deserialize)]
    struct Body {
        #[serde(default)]
        errors: Vec<ApiErrorDetail>,
    }
    let errors = serde_json::from_slice::<Body>(&raw.body).map(|b| b.errors).unwrap_or_default();
    Error::Api(Box::new(ApiError {
        status: raw.status,
        errors,
        body: String::from_utf8_lossy(&raw.body).into_owned(),
        request_id: request_id(&raw.headers),
        rate_limit: rate_limit(&raw.headers),
        retry_after: retry_hint(&raw),
    }))
}
