//! Errors returned by every call of the client.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Everything that can go wrong with a call.
///
/// Match on the variants for full detail, or use the helpers ([`Error::status`],
/// [`Error::is_rate_limited`], [`Error::is_not_found`], ...) for the common questions.
///
/// ```
/// use std::time::Duration;
/// use telnyx_messaging::{Client, Error};
///
/// /// What to do about a failed call.
/// fn advice(err: &Error) -> String {
///     if err.is_not_found() {
///         return "gone: forget the id".into();
///     }
///     if let Some(wait) = err.retry_after() {
///         return format!("try again in {wait:?}");
///     }
///     match err {
///         Error::InvalidArgument(why) => format!("fix the call: {why}"),
///         Error::Connection { request_sent: false, .. } => {
///             "safe to retry: nothing reached the server".into()
///         }
///         Error::Timeout { .. } => "retry later, maybe with a longer deadline".into(),
///         other => format!("give up: {other}"),
///     }
/// }
///
/// let client = Client::builder().api_key("KEY").build()?;
/// // An id that would change the endpoint is refused before any request is sent.
/// let err = client.messaging_profiles().retrieve("..").unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid argument: messaging profile id ".." is not a valid id"#);
/// assert_eq!(err.status(), None); // no HTTP answer
/// assert_eq!(advice(&err), r#"fix the call: messaging profile id ".." is not a valid id"#);
///
/// let err = Error::Connection { message: "connection refused".into(), request_sent: false, source: None };
/// assert!(err.is_connection());
/// assert_eq!(advice(&err), "safe to retry: nothing reached the server");
/// # Ok::<(), Error>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: missing API key, bad base URL, bad header or proxy.
    #[error("configuration error: {message}")]
    Config {
        /// What is wrong, naming the setting and its rule.
        message: String,
        /// The underlying parse error, when there is one ([`std::error::Error::source`]).
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },

    /// An argument was rejected before any request was sent.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),

    /// The server could not be reached, or the connection broke.
    #[error("connection error: {message}")]
    Connection {
        /// What happened, from the HTTP layer.
        message: String,
        /// `false` when the request cannot have reached the server (DNS, connect, TLS): safe to
        /// send again; `true` when it may have (the connection broke after it was sent).
        request_sent: bool,
        /// The underlying error of the HTTP layer, when there is one ([`std::error::Error::source`]).
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },

    /// A timeout or the overall deadline expired.
    #[error("request timed out: {message}")]
    Timeout {
        /// Which timeout expired, and after how long.
        message: String,
        /// The underlying error of the HTTP layer; `None` for the overall deadline.
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },

    /// The API answered with a status outside 2xx.
    #[error("{0}")]
    Api(Box<ApiError>),

    /// A 2xx response whose body is not what the API definition promises.
    #[error("could not decode the response (HTTP {status}): {message}; body starts: {snippet:?}")]
    Decode {
        /// HTTP status of the response.
        status: u16,
        /// What serde said.
        message: String,
        /// The first bytes of the body, secrets redacted.
        snippet: String,
    },

    /// An auto-paginating iterator got a page other than the one it asked for
    /// (a server that repeats or skips pages); iteration stops instead of
    /// looping or silently returning duplicates.
    #[error("pagination stopped: asked for page {requested} but the server answered page {received}")]
    UnexpectedPage {
        /// The page number that was requested.
        requested: u64,
        /// The page number the server reported in `meta.page_number`.
        received: u64,
    },
}

impl Error {
    /// A [`Error::Config`] without an underlying error.
    pub fn config(message: impl Into<String>) -> Self {
        Error::Config { message: message.into(), source: None }
    }

    /// A [`Error::Timeout`] without an underlying error (the overall deadline).
    pub fn timeout(message: impl Into<String>) -> Self {
        Error::Timeout { message: message.into(), source: None }
    }

    /// The HTTP status, for API errors and decode errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The API error, when the server answered with an error status.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// HTTP 429 Too Many Requests.
    pub fn is_rate_limited(&self) -> bool {
        self.status() == Some(429)
    }

    /// HTTP 404 Not Found.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// HTTP 401 Unauthorized.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// A timeout (per attempt, connect, or the overall deadline).
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }

    /// A connection failure.
    pub fn is_connection(&self) -> bool {
        matches!(self, Error::Connection { .. })
    }

    /// How long the server asked the caller to wait before trying again, if it said.
    pub fn retry_after(&self) -> Option<Duration> {
        self.api_error().and_then(|e| e.retry_after)
    }
}

/// An error answer from the API: its status, the parsed `errors[]` and the response headers that
/// matter.
///
/// Only a call makes one; reach it with [`Error::api_error`] (or match [`Error::Api`]). The
/// entries of `errors` decode a numeric `code` as text:
///
/// ```
/// use telnyx_messaging::{ApiErrorDetail, Error};
///
/// /// One log line for a failed call: the status and the first error's code and JSON pointer.
/// fn log_line(err: &Error) -> String {
///     let Some(api) = err.api_error() else { return err.to_string() };
///     let first = api.errors.first();
///     let code = first.map_or("-", |e| e.code.as_str());
///     let pointer = first.and_then(|e| e.source.as_ref()).and_then(|s| s.pointer.as_deref());
///     let request = api.request_id.as_deref().unwrap_or("-");
///     format!("{} {} code={code} at={} request={request}", api.status, api.reason(), pointer.unwrap_or("-"))
/// }
///
/// let errors: Vec<ApiErrorDetail> = serde_json::from_str(
///     r#"[{"code": 10015, "title": "Bad Request", "detail": "name is too long",
///          "source": {"pointer": "/name"}}]"#,
/// )?;
/// assert_eq!(errors[0].code, "10015");
/// assert_eq!(errors[0].source.as_ref().and_then(|s| s.pointer.as_deref()), Some("/name"));
///
/// // Errors that are not API answers have no `ApiError`.
/// let err = Error::timeout("overall deadline of 5s exceeded");
/// assert!(err.api_error().is_none());
/// assert_eq!(log_line(&err), "request timed out: overall deadline of 5s exceeded");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// A real API error, such as a 404 from [`MessagingProfiles::retrieve`](crate::MessagingProfiles::retrieve):
///
/// ```no_run
/// # let client = telnyx_messaging::Client::new()?;
/// match client.messaging_profiles().retrieve("3fa85f64-5717-4562-b3fc-2c963f66afa6") {
///     Ok(profile) => println!("{:?}", profile.name),
///     Err(err) => match err.api_error() {
///         Some(api) if api.status == 404 => {
///             println!("no such profile: {} (request id {:?})", api.reason(), api.request_id)
///         }
///         _ => return Err(err),
///     },
/// }
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// The parsed `errors` array; empty when the body had none (HTML, empty, truncated).
    pub errors: Vec<ApiErrorDetail>,
    /// The raw response body, as text (lossy UTF-8).
    pub body: String,
    /// The request id the server sent (`x-request-id`), if any.
    pub request_id: Option<String>,
    /// The `x-ratelimit-*` headers.
    pub rate_limit: RateLimit,
    /// The wait the server asked for (`retry-after-ms`, `Retry-After`, or on 429 `x-ratelimit-reset`).
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// The canonical reason phrase of the status, such as `Not Found`.
    pub fn reason(&self) -> &'static str {
        match self.status {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            408 => "Request Timeout",
            409 => "Conflict",
            422 => "Unprocessable Entity",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "",
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "API error {} {}", self.status, self.reason())?;
        for e in &self.errors {
            write!(f, "; {}", e.title)?;
            if let Some(detail) = &e.detail {
                write!(f, ": {detail}")?;
            }
            if !e.code.is_empty() {
                write!(f, " (code {})", e.code)?;
            }
            if let Some(pointer) = e.source.as_ref().and_then(|s| s.pointer.as_deref()) {
                write!(f, " at {pointer}")?;
            }
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("errors", &self.errors)
            .field("body", &redact_secrets(&self.body))
            .field("request_id", &self.request_id)
            .field("rate_limit", &self.rate_limit)
            .field("retry_after", &self.retry_after)
            .finish()
    }
}

/// One entry of an error response's `errors` array.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiErrorDetail {
    /// Telnyx error code, a numeric-looking string such as `"10015"`.
    #[serde(default, deserialize_with = "string_or_number")]
    pub code: String,
    /// Short summary.
    #[serde(default)]
    pub title: String,
    /// Longer explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Which part of the request caused it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ApiErrorSource>,
    /// Free-form extra information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Value>,
}

/// Where in the request an error was found.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiErrorSource {
    /// JSON pointer (RFC 6901) into the request body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The query parameter at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

/// The `x-ratelimit-*` response headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct RateLimit {
    /// `x-ratelimit-limit`: requests allowed per window.
    pub limit: Option<u64>,
    /// `x-ratelimit-remaining`: requests left in the window.
    pub remaining: Option<u64>,
    /// `x-ratelimit-reset`: seconds until the window resets.
    pub reset: Option<u64>,
}

/// Accepts `"10015"` and `10015` alike: the definition says string, some servers send numbers.
fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// Replaces the value of every `"v1_secret"` member in a JSON text with `"[redacted]"`, so
/// that bodies can be shown in errors and logs. Works on truncated text too.
pub(crate) fn redact_secrets(text: &str) -> String {
    const KEY: &str = "\"v1_secret\"";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(KEY) {
        let (head, tail) = rest.split_at(pos + KEY.len());
        out.push_str(head);
        let after_colon = tail.trim_start().strip_prefix(':').map(str::trim_start);
        match after_colon {
            Some(value) if value.starts_with('"') => {
                out.push_str(":\"[redacted]\"");
                // Skip the string value, honouring escapes; a truncated value ends the text.
                let bytes = value.as_bytes();
                let mut i = 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                rest = value.get(i + 1..).unwrap_or("");
            }
            _ => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::redact_secrets;

    #[test]
    fn redacts_complete_escaped_and_truncated_secrets() {
        assert_eq!(redact_secrets(r#"{"v1_secret": "ab\"c","x":1}"#), r#"{"v1_secret":"[redacted]","x":1}"#);
        assert_eq!(redact_secrets(r#"{"v1_secret":"abc"#), r#"{"v1_secret":"[redacted]""#);
        assert_eq!(redact_secrets("no secret"), "no secret");
        assert_eq!(redact_secrets(r#""v1_secret":null"#), r#""v1_secret":null"#);
    }
}
