//! [`Client`] and [`ClientBuilder`].

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;
use ureq::http::{HeaderValue, Uri};

use crate::decode::{self, Envelope};
use crate::error::Error;
use crate::operations::Call;
use crate::secret::Secret;
use crate::transport::{self, Request, RequestOptions, ResponseMeta, Settings, Sleeper, Transport};
use crate::Result;

/// The production API.
pub const DEFAULT_BASE_URL: &str = "https://api.telnyx.com/v2";
/// Timeout per attempt, as in the official SDKs.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Retries after the first attempt, as in the official SDKs.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// The longest single wait between attempts; a server asking for more gets its error returned.
pub const DEFAULT_MAX_RETRY_WAIT: Duration = Duration::from_secs(60);

/// A client of the Telnyx messaging-profile API.
///
/// Cheap to clone (the clones share one connection pool) and safe to use from many threads.
///
/// ```no_run
/// use telnyx_messaging::{Client, ListMessagingProfilesParams};
///
/// let client = Client::new()?; // TELNYX_API_KEY, TELNYX_BASE_URL
/// for profile in client.messaging_profiles().list_all(&ListMessagingProfilesParams::new()) {
///     let profile = profile?;
///     println!("{} {}", profile.id.as_deref().unwrap_or("?"), profile.name.as_deref().unwrap_or(""));
/// }
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    transport: Arc<Transport>,
    options: Option<Arc<RequestOptions>>,
}

impl Client {
    /// A client configured from the environment: `TELNYX_API_KEY` (required) and
    /// `TELNYX_BASE_URL` (optional).
    pub fn new() -> Result<Client> {
        Client::builder().build()
    }

    /// A builder for every setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client whose calls use `options` (extra headers, timeout, retries) on top of this
    /// client's settings, and on top of the options this client was itself made with: chained
    /// calls accumulate, the later setting winning. Shares the connection pool.
    ///
    /// ```no_run
    /// # let client = telnyx_messaging::Client::new()?;
    /// use telnyx_messaging::RequestOptions;
    /// let profile = client
    ///     .with_options(RequestOptions::new().max_retries(0).header("X-Trace", "abc"))
    ///     .messaging_profiles()
    ///     .retrieve("3fa85f64-5717-4562-b3fc-2c963f66afa6")?;
    /// # Ok::<(), telnyx_messaging::Error>(())
    /// ```
    pub fn with_options(&self, options: RequestOptions) -> Client {
        let options = match &self.options {
            Some(earlier) => earlier.then(options),
            None => options,
        };
        Client { transport: Arc::clone(&self.transport), options: Some(Arc::new(options)) }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.transport.settings.base_url
    }

    /// Sends the request of `call` and decodes its result as `T`, in the form the response mode
    /// `M` asks for.
    pub(crate) fn call<T: DeserializeOwned, M: ResponseMode>(&self, call: Call) -> Result<M::Output<T>> {
        let (body, meta) = self.send(&call.request)?;
        M::output::<T>(body, meta, call.envelope)
    }

    /// Sends `req` with this client's options; the body of a 2xx response.
    pub(crate) fn send(&self, req: &Request) -> Result<(Vec<u8>, ResponseMeta)> {
        self.transport.send(req, self.options.as_deref())
    }

    /// [`Client::send`] that makes no retry once `cancelled` is set (for read-ahead).
    pub(crate) fn send_until(
        &self,
        req: &Request,
        cancelled: &std::sync::atomic::AtomicBool,
    ) -> Result<(Vec<u8>, ResponseMeta)> {
        self.transport.send_until(req, self.options.as_deref(), Some(cancelled))
    }

    /// Whether this client's list iterators read ahead (see [`ClientBuilder::read_ahead`]).
    pub fn read_ahead(&self) -> bool {
        self.transport.settings.read_ahead
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.transport.settings;
        f.debug_struct("Client")
            .field("base_url", &t.base_url)
            .field("api_key", &"[redacted]")
            .field("timeout", &t.timeout)
            .field("max_retries", &t.max_retries)
            .field("deadline", &t.deadline)
            .field("options", &self.options)
            .finish()
    }
}

/// How a resource handle returns results: [`Parsed`] (just the value, the default),
/// [`WithResponse`] (the value and the response's [`ResponseMeta`]) or [`RawJson`] (the JSON
/// text exactly as the server sent it, after checking that it decodes).
pub trait ResponseMode: sealed::Sealed {
    /// What a call returns for a decoded value `T`.
    type Output<T>;
    /// Builds the output from the body of a 2xx response.
    #[doc(hidden)]
    fn output<T: DeserializeOwned>(
        body: Vec<u8>,
        meta: ResponseMeta,
        envelope: Envelope,
    ) -> Result<Self::Output<T>>;
}

/// Only this crate implements [`ResponseMode`].
mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Parsed {}
    impl Sealed for super::WithResponse {}
    impl Sealed for super::RawJson {}
}

/// Calls return the decoded value.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parsed;

/// Calls return a [`Response`]: the decoded value and the response metadata.
#[derive(Debug, Clone, Copy, Default)]
pub struct WithResponse;

/// Calls return the result's JSON text exactly as the server sent it (a single resource's `data`
/// member, a list's whole body), after a cheap check of its shape, so a malformed answer is still
/// an [`Error::Decode`]: the body must be UTF-8 JSON, a single resource's `data` a JSON object, a
/// list's body an object whose `data` is a list of objects and whose `meta`, if any, holds page
/// numbers (the autoresp delete's string is decoded). The members of a resource or an item are
/// left unread, for the caller to decode. For proxies, caches and language bindings that want the
/// server's own text (its key order, number formatting and unknown members).
#[derive(Debug, Clone, Copy, Default)]
pub struct RawJson;

/// A decoded value with the metadata of the response it came from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Response<T> {
    /// The decoded value.
    pub data: T,
    /// Status, request id, rate-limit headers.
    pub meta: ResponseMeta,
}

impl ResponseMode for Parsed {
    type Output<T> = T;
    fn output<T: DeserializeOwned>(body: Vec<u8>, meta: ResponseMeta, envelope: Envelope) -> Result<T> {
        decode::decode_result(meta.status, &body, envelope)
    }
}

impl ResponseMode for WithResponse {
    type Output<T> = Response<T>;
    fn output<T: DeserializeOwned>(
        body: Vec<u8>,
        meta: ResponseMeta,
        envelope: Envelope,
    ) -> Result<Response<T>> {
        Ok(Response { data: decode::decode_result(meta.status, &body, envelope)?, meta })
    }
}

impl ResponseMode for RawJson {
    type Output<T> = String;
    fn output<T: DeserializeOwned>(body: Vec<u8>, meta: ResponseMeta, envelope: Envelope) -> Result<String> {
        decode::raw_result::<T>(meta.status, body, envelope)
    }
}

/// Which proxy the client uses. Only HTTP proxies (`http://` or `https://` URLs) are supported:
/// a SOCKS proxy, given or found in the environment, is a configuration error rather than a
/// proxy silently ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProxyChoice {
    /// The first of `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY` (or their lower-case forms) that is
    /// set, and `NO_PROXY`, from the environment (the default).
    #[default]
    FromEnv,
    /// Connect directly, whatever the environment says.
    None,
    /// This proxy, such as `http://proxy.local:3128`.
    Url(String),
}

/// The variables `ProxyChoice::FromEnv` reads, in ureq's order.
const PROXY_VARIABLES: [&str; 6] =
    ["ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/// `url` as a proxy, or why not; `what` names where it came from. Never echoes the URL, which
/// may hold credentials.
fn http_proxy(url: &str, what: &str) -> Result<ureq::Proxy> {
    let bad = |why: String| Error::config(format!("{what}: {why}"));
    let scheme = url.split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https") => {}
        Some(s) if s.starts_with("socks") => {
            return Err(bad(format!("{s} proxies are not supported; use an http:// or https:// proxy")))
        }
        _ => return Err(bad("must be an http:// or https:// proxy URL".into())),
    }
    let uri: Uri = url.parse().map_err(|e| Error::Config {
        message: format!("{what}: not a valid URL"),
        source: Some(Box::new(e)),
    })?;
    let port_ok = uri.authority().is_some_and(|a| port_in_range(a.as_str()));
    if !uri.host().is_some_and(|h| !h.is_empty()) || !port_ok {
        return Err(bad("the proxy URL needs a host and a port from 1 to 65535".into()));
    }
    ureq::Proxy::new(url).map_err(|e| Error::Config {
        message: format!("{what}: not a usable proxy URL ({e})"),
        source: Some(Box::new(e)),
    })
}

/// The proxy the environment names, checked like an explicit one; `NO_PROXY` applies.
fn proxy_from_env() -> Result<Option<ureq::Proxy>> {
    let set = PROXY_VARIABLES
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()).map(|v| (*name, v)));
    let Some((name, value)) = set else { return Ok(None) };
    http_proxy(value.trim(), name)?;
    Ok(ureq::Proxy::try_from_env())
}

/// Builds a [`Client`]; every setting has the official SDKs' default.
///
/// ```
/// use std::time::Duration;
/// use telnyx_messaging::{Client, Error};
///
/// let client = Client::builder()
///     .api_key("KEY_EXAMPLE")
///     .base_url("https://api.telnyx.com/v2/")
///     .timeout(Duration::from_secs(10))
///     .max_retries(1)
///     .header("X-Team", "billing")
///     .build()?;
/// assert_eq!(client.base_url(), "https://api.telnyx.com/v2"); // the trailing `/` is dropped
/// assert!(!format!("{client:?}").contains("KEY_EXAMPLE")); // the key never shows in Debug output
///
/// // Settings are checked when the client is built, before any request.
/// let err = Client::builder().api_key("KEY").base_url("http://api.example.com").build().unwrap_err();
/// assert!(matches!(err, Error::Config { .. }));
/// assert!(err.to_string().contains("plain http sends the API key in clear text"));
/// let err = Client::builder().api_key("KEY").timeout(Duration::ZERO).build().unwrap_err();
/// assert_eq!(err.to_string(), "configuration error: timeout must be greater than zero");
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, Default)]
pub struct ClientBuilder {
    api_key: Option<Secret>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_retries: Option<u32>,
    deadline: Option<Duration>,
    max_retry_wait: Option<Duration>,
    retry_post: bool,
    user_agent_suffix: Option<String>,
    headers: Vec<(String, String)>,
    proxy: ProxyChoice,
    allow_insecure_http: bool,
    sleeper: Option<Sleeper>,
    read_ahead: bool,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("proxy", &self.proxy)
            .field("read_ahead", &self.read_ahead)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The API key; defaults to `TELNYX_API_KEY`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(Secret::new(key));
        self
    }

    /// The base URL; defaults to `TELNYX_BASE_URL`, then [`DEFAULT_BASE_URL`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Timeout per attempt, from connect to the last byte of the body (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Retries after the first attempt (default 2).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// An overall deadline for one call, attempts and waits included (default none).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The longest single wait between attempts (default 60 s). When the server asks for a
    /// longer wait the call fails at once with that error and its `retry_after`.
    pub fn max_retry_wait(mut self, wait: Duration) -> Self {
        self.max_retry_wait = Some(wait);
        self
    }

    /// Also retry a POST that may have reached the server (a timeout after sending, a 5xx).
    /// Off by default: such a retry can create a second profile or config.
    pub fn retry_post(mut self, retry: bool) -> Self {
        self.retry_post = retry;
        self
    }

    /// Text appended to the `User-Agent` header.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// A header sent with every request.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The proxy choice (default: from the environment).
    pub fn proxy(mut self, proxy: ProxyChoice) -> Self {
        self.proxy = proxy;
        self
    }

    /// Allow a plain `http://` base URL on a non-loopback host. Off by default: the API key
    /// would travel in clear text.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// The function that waits between retries (default `std::thread::sleep`); useful to log
    /// or to test retry delays without waiting.
    pub fn sleeper(mut self, sleeper: impl Fn(Duration) + Send + Sync + 'static) -> Self {
        self.sleeper = Some(Arc::new(sleeper));
        self
    }

    /// Read-ahead for the `list_all*` iterators (off by default): while the caller uses page
    /// `n`, a background thread holding a clone of the client already fetches page `n + 1`. At
    /// most one page is fetched ahead, results and errors come in order, and the stop rules are
    /// unchanged; it pays off when the caller spends time on each page (it hides one round trip
    /// per page behind that work). The cost: a thread per page fetched ahead, and one request
    /// that may go unused when the iterator is dropped early. Each iterator can override it
    /// with [`ItemIter::read_ahead`](crate::ItemIter::read_ahead).
    pub fn read_ahead(mut self, read_ahead: bool) -> Self {
        self.read_ahead = read_ahead;
        self
    }

    /// Checks the settings and builds the client. Fails with [`Error::Config`] when the API key
    /// is missing or empty, the base URL is not usable, or a header or proxy is invalid.
    pub fn build(self) -> Result<Client> {
        crate::logging::init_from_env();
        let env = |name| std::env::var(name).ok().filter(|v: &String| !v.trim().is_empty());
        let api_key = match self.api_key {
            Some(key) if key.expose().trim().is_empty() => {
                return Err(Error::config("the API key (api_key) is empty"))
            }
            Some(key) => key,
            None => env("TELNYX_API_KEY")
                .map(Secret::new)
                .ok_or_else(|| Error::config("no API key: set TELNYX_API_KEY or pass api_key"))?,
        };
        let base_url =
            self.base_url.or_else(|| env("TELNYX_BASE_URL")).unwrap_or_else(|| DEFAULT_BASE_URL.into());
        let base_url = check_base_url(&base_url, self.allow_insecure_http)?;

        if !api_key.expose().bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::config(
                "api_key: the API key may only contain visible ASCII characters (no spaces, control or non-ASCII characters)"
                    ,
            ));
        }
        let mut auth =
            HeaderValue::try_from(format!("Bearer {}", api_key.expose())).map_err(|e| Error::Config {
                message: "the API key contains characters not allowed in a header".into(),
                source: Some(Box::new(e)),
            })?;
        auth.set_sensitive(true);
        let mut user_agent = format!("telnyx-messaging-rust/{}", env!("CARGO_PKG_VERSION"));
        if let Some(suffix) = &self.user_agent_suffix {
            user_agent.push(' ');
            user_agent.push_str(suffix);
        }
        let user_agent = Some(user_agent)
            .filter(|ua| transport::is_header_text(ua))
            .and_then(|ua| HeaderValue::try_from(ua).ok())
            .ok_or_else(|| Error::config("user_agent_suffix must be visible ASCII characters and spaces"))?;
        let headers = self
            .headers
            .iter()
            .map(|(n, v)| transport::parse_header(n, v))
            .collect::<Result<Vec<_>>>()
            .map_err(|e| Error::config(e.to_string().replace("invalid argument: ", "")))?;

        if self.timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::config("timeout must be greater than zero"));
        }
        if self.connect_timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::config("connect_timeout must be greater than zero"));
        }
        if self.deadline.is_some_and(|d| d.is_zero()) {
            return Err(Error::config("deadline must be greater than zero"));
        }
        let proxy = match &self.proxy {
            ProxyChoice::FromEnv => proxy_from_env()?,
            ProxyChoice::None => None,
            ProxyChoice::Url(url) => Some(http_proxy(url, "proxy")?),
        };
        let connect_timeout = self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
        let settings = Settings {
            base_url,
            auth,
            user_agent,
            headers,
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            max_retries: self.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            deadline: self.deadline,
            max_retry_wait: self.max_retry_wait.unwrap_or(DEFAULT_MAX_RETRY_WAIT),
            retry_post: self.retry_post,
            sleeper: self.sleeper.unwrap_or_else(|| Arc::new(std::thread::sleep)),
            read_ahead: self.read_ahead,
        };
        Ok(Client { transport: Arc::new(Transport::new(settings, connect_timeout, proxy)), options: None })
    }
}
/// Parses the base URL, drops a trailing `/`, and refuses `http://` unless the host is loopback
/// or the caller allowed it. Error messages show the URL without credentials, cut short.
fn check_base_url(url: &str, allow_insecure_http: bool) -> Result<String> {
    let bad = |why: &str| Error::config(format!("invalid base URL {}: {why}", shown_url(url)));
    if url.len() > MAX_BASE_URL {
        return Err(bad(&format!("longer than {MAX_BASE_URL} bytes")));
    }
    if url.contains('#') {
        return Err(bad("a base URL cannot have a #fragment (everything after it would be dropped)"));
    }
    let uri: Uri = url.parse().map_err(|e| Error::Config {
        message: format!("invalid base URL {}: not a URL", shown_url(url)),
        source: Some(Box::new(e)),
    })?;
    let authority = uri.authority().ok_or_else(|| bad("no host"))?;
    if authority.as_str().contains('@') {
        return Err(bad("a base URL cannot contain credentials; the API key authenticates"));
    }
    if !port_in_range(authority.as_str()) {
        return Err(bad("the port must be a number from 1 to 65535"));
    }
    let host = uri.host().ok_or_else(|| bad("no host"))?;
    if uri.query().is_some() {
        return Err(bad("a base URL cannot have a query"));
    }
    match uri.scheme_str() {
        Some("https") => {}
        Some("http") => {
            let ip = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>();
            let loopback = host.eq_ignore_ascii_case("localhost") || ip.is_ok_and(|ip| ip.is_loopback());
            if !loopback && !allow_insecure_http {
                return Err(bad(
                    "plain http sends the API key in clear text; use https, a loopback host, or allow_insecure_http(true)",
                ));
            }
        }
        _ => return Err(bad("the scheme must be https or http")),
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// Whether the port of `authority` (`[user@]host[:port]`), if any, is 1 to 65535: http accepts
/// any digits there, and ureq then silently uses the scheme's default port.
fn port_in_range(authority: &str) -> bool {
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_, rest)| rest);
    match host_and_port.rsplit_once(':') {
        Some((host, _)) if host.starts_with('[') && !host.ends_with(']') => true, // [::1] without a port
        Some((_, port)) => matches!(port.parse::<u16>(), Ok(1..)),
        None => true,
    }
}

/// Longer base URLs leave no room for a request's path and query within HTTP's URL limit.
const MAX_BASE_URL: usize = 2048;

/// `url` for an error message: credentials replaced, at most 100 characters.
fn shown_url(url: &str) -> String {
    let mut shown = url.to_owned();
    if let Some(start) = url.find("://").map(|i| i + 3) {
        let end = url[start..].find(['/', '?', '#']).map_or(url.len(), |i| start + i);
        if let Some(at) = url[start..end].rfind('@') {
            shown = format!("{}[credentials]{}", &url[..start], &url[start + at..]);
        }
    }
    if let Some((end, _)) = shown.char_indices().nth(100) {
        shown.truncate(end);
        shown.push_str("...");
    }
    format!("{shown:?}")
}
