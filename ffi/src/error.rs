//! `telnyx_error`, the error kinds, and the error accessors.

use std::any::Any;
use std::ffi::{c_char, CString};
use std::panic::{self, AssertUnwindSafe};
use std::ptr;

use serde::Serialize;
use telnyx_messaging::{ApiErrorDetail, Error, RateLimit};

/// The kind of a `telnyx_error`, as returned by `telnyx_error_kind`. The values are stable and
/// never renumbered; new kinds may be added with new values.
#[repr(u32)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum telnyx_error_kind_t {
    /// A bad argument, caught before any request: NULL pointer, invalid UTF-8, invalid JSON,
    /// wrong JSON type, unknown key, out-of-range value, empty id.
    INVALID_ARGUMENT = 1,
    /// The client could not be built: no API key, unusable base URL, bad header or proxy; or
    /// the mock server could not listen on its port.
    CONFIGURATION = 2,
    /// The connection failed or broke.
    CONNECTION = 3,
    /// A timeout per attempt, or the overall deadline.
    TIMEOUT = 4,
    /// HTTP 400.
    BAD_REQUEST = 5,
    /// HTTP 401.
    AUTHENTICATION = 6,
    /// HTTP 403.
    PERMISSION_DENIED = 7,
    /// HTTP 404.
    NOT_FOUND = 8,
    /// HTTP 409.
    CONFLICT = 9,
    /// HTTP 422.
    UNPROCESSABLE_ENTITY = 10,
    /// HTTP 429.
    RATE_LIMIT = 11,
    /// HTTP 500 to 599.
    INTERNAL_SERVER = 12,
    /// Any other status outside 2xx.
    API_STATUS = 13,
    /// A 2xx response whose body is not what the API definition says.
    DECODE = 14,
    /// A page iterator got a page other than the one it asked for.
    UNEXPECTED_PAGE = 15,
    /// A bug in the library (a Rust panic), caught at the boundary.
    PANIC = 16,
    /// An error this version of the C ABI does not classify: a kind of error added to the Rust
    /// library after this ABI, or a failure inside the library that is not a panic (a result
    /// that could not be encoded as JSON).
    INTERNAL = 17,
}

use telnyx_error_kind_t as Kind;

impl telnyx_error_kind_t {
    /// The kind of a Rust error.
    fn of(error: &Error) -> Self {
        match error {
            Error::InvalidArgument(_) => Kind::INVALID_ARGUMENT,
            Error::Config { .. } => Kind::CONFIGURATION,
            Error::Connection { .. } => Kind::CONNECTION,
            Error::Timeout { .. } => Kind::TIMEOUT,
            Error::Api(api) => match api.status {
                400 => Kind::BAD_REQUEST,
                401 => Kind::AUTHENTICATION,
                403 => Kind::PERMISSION_DENIED,
                404 => Kind::NOT_FOUND,
                409 => Kind::CONFLICT,
                422 => Kind::UNPROCESSABLE_ENTITY,
                429 => Kind::RATE_LIMIT,
                500..=599 => Kind::INTERNAL_SERVER,
                _ => Kind::API_STATUS,
            },
            Error::Decode { .. } => Kind::DECODE,
            Error::UnexpectedPage { .. } => Kind::UNEXPECTED_PAGE,
            // `Error` is non-exhaustive: a variant added later is reported by status, if any,
            // and otherwise as what it is, not as one of the known kinds.
            other if other.status().is_some() => Kind::API_STATUS,
            _ => Kind::INTERNAL,
        }
    }

    /// The snake_case name used in `telnyx_error_to_json`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::INVALID_ARGUMENT => "invalid_argument",
            Kind::CONFIGURATION => "configuration",
            Kind::CONNECTION => "connection",
            Kind::TIMEOUT => "timeout",
            Kind::BAD_REQUEST => "bad_request",
            Kind::AUTHENTICATION => "authentication",
            Kind::PERMISSION_DENIED => "permission_denied",
            Kind::NOT_FOUND => "not_found",
            Kind::CONFLICT => "conflict",
            Kind::UNPROCESSABLE_ENTITY => "unprocessable_entity",
            Kind::RATE_LIMIT => "rate_limit",
            Kind::INTERNAL_SERVER => "internal_server",
            Kind::API_STATUS => "api_status",
            Kind::DECODE => "decode",
            Kind::UNEXPECTED_PAGE => "unexpected_page",
            Kind::PANIC => "panic",
            Kind::INTERNAL => "internal",
        }
    }
}

/// An error returned by a fallible function; NULL means success. Opaque: read it with the
/// `telnyx_error_*` accessors and free it with `telnyx_error_free`. Immutable, so it may be read
/// from any thread.
pub struct telnyx_error {
    kind: telnyx_error_kind_t,
    status: Option<u16>,
    message: CString,
    errors: Vec<ApiErrorDetail>,
    errors_json: CString,
    retry_after_ms: Option<i64>,
    request_id: Option<String>,
    // Boxed: most errors have none, and it keeps `Result<_, telnyx_error>` small.
    rate_limit: Option<Box<RateLimit>>,
}

/// The JSON of `telnyx_error_to_json`, in the contract's key order.
#[derive(Serialize)]
struct ErrorJson<'a> {
    kind: u32,
    kind_name: &'static str,
    status: Option<u16>,
    message: std::borrow::Cow<'a, str>,
    errors: &'a [ApiErrorDetail],
    retry_after_ms: Option<i64>,
    request_id: Option<&'a str>,
    rate_limit: Option<&'a RateLimit>,
}

impl telnyx_error {
    /// An INVALID_ARGUMENT error; `message` names the argument.
    pub(crate) fn invalid(message: String) -> Self {
        Error::InvalidArgument(message).into()
    }

    /// A PANIC error from a caught panic's payload.
    pub(crate) fn panic(payload: &(dyn Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(no message)");
        telnyx_error::bare(
            Kind::PANIC,
            format!("panic in telnyx-messaging (a bug, please report it): {what}"),
        )
    }

    /// An error with only a kind and a message.
    pub(crate) fn bare(kind: telnyx_error_kind_t, message: String) -> Self {
        telnyx_error {
            kind,
            status: None,
            message: cstring(message),
            errors: Vec::new(),
            errors_json: cstring("[]".into()),
            retry_after_ms: None,
            request_id: None,
            rate_limit: None,
        }
    }

    /// The JSON of `telnyx_error_to_json`.
    fn to_json(&self) -> CString {
        let json = ErrorJson {
            kind: self.kind as u32,
            kind_name: self.kind.name(),
            status: self.status,
            message: self.message.to_string_lossy(),
            errors: &self.errors,
            retry_after_ms: self.retry_after_ms,
            request_id: self.request_id.as_deref(),
            rate_limit: self.rate_limit.as_deref(),
        };
        serde_json::to_string(&json)
            .map(cstring)
            // Strings and numbers only: this cannot fail, but a fallback costs nothing.
            .unwrap_or_else(|_| cstring(r#"{"message":"could not encode the error as JSON"}"#.into()))
    }
}

impl From<Error> for telnyx_error {
    fn from(error: Error) -> Self {
        let api = error.api_error();
        let errors = api.map(|api| api.errors.clone()).unwrap_or_default();
        let errors_json = serde_json::to_string(&errors).unwrap_or_else(|_| "[]".into());
        telnyx_error {
            kind: Kind::of(&error),
            status: error.status(),
            message: cstring(error.to_string()),
            errors,
            errors_json: cstring(errors_json),
            retry_after_ms: error.retry_after().map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            request_id: api.and_then(|api| api.request_id.clone()),
            rate_limit: api.map(|api| Box::new(api.rate_limit)),
        }
    }
}

/// Reads `e`, or returns `fallback` when `e` is NULL or the read panics.
///
/// # Safety
/// `e` is NULL or a live error from this library.
unsafe fn read<T>(e: *const telnyx_error, fallback: T, f: impl FnOnce(&telnyx_error) -> T) -> T {
    // SAFETY: the caller passes NULL or a live error, which nobody mutates.
    match unsafe { e.as_ref() } {
        Some(e) => no_panic(fallback, || f(e)),
        None => fallback,
    }
}

/// The kind of `e`: one of the `TELNYX_ERROR_KIND_*` values; 0 when `e` is NULL.
///
/// Thread-safe: an error is immutable until freed.
///
/// # Safety
/// `e` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_kind(e: *const telnyx_error) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { read(e, 0, |e| e.kind as u32) }
}

/// The HTTP status of `e` (API and decode errors); 0 when there is none or `e` is NULL.
///
/// Thread-safe: an error is immutable until freed.
///
/// # Safety
/// `e` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_status(e: *const telnyx_error) -> u16 {
    // SAFETY: forwarded contract.
    unsafe { read(e, 0, |e| e.status.unwrap_or(0)) }
}

/// A human-readable description of `e` (UTF-8); NULL when `e` is NULL.
///
/// Ownership: borrowed from `e`, valid until `telnyx_error_free(e)`; do not free it.
/// Thread-safe: an error is immutable until freed.
///
/// # Safety
/// `e` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_message(e: *const telnyx_error) -> *const c_char {
    // SAFETY: forwarded contract.
    unsafe { read(e, ptr::null(), |e| e.message.as_ptr()) }
}

/// The API's `errors` array of `e` as JSON (`[{"code": "10015", "title": "...", "detail":
/// "...", "source": {"pointer": "/name"}}]`); `"[]"` when the server sent none or `e` is not an
/// API error; NULL when `e` is NULL.
///
/// Ownership: borrowed from `e`, valid until `telnyx_error_free(e)`; do not free it.
/// Thread-safe: an error is immutable until freed.
///
/// # Safety
/// `e` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_errors_json(e: *const telnyx_error) -> *const c_char {
    // SAFETY: forwarded contract.
    unsafe { read(e, ptr::null(), |e| e.errors_json.as_ptr()) }
}

/// How long the server asked to wait before trying again, in milliseconds (`retry-after-ms`,
/// `Retry-After`, or on 429 `x-ratelimit-reset`); -1 when it did not say or `e` is NULL.
///
/// Thread-safe: an error is immutable until freed.
///
/// # Safety
/// `e` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_retry_after_ms(e: *const telnyx_error) -> i64 {
    // SAFETY: forwarded contract.
    unsafe { read(e, -1, |e| e.retry_after_ms.unwrap_or(-1)) }
}

/// Everything about `e` as one JSON object: `{"kind": 8, "kind_name": "not_found", "status":
/// 404, "message": "...", "errors": [...], "retry_after_ms": null, "request_id": null,
/// "rate_limit": {"limit": 100, "remaining": 0, "reset": 30}}` (`status`, `retry_after_ms`,
/// `request_id` and `rate_limit` are null when absent; each `x-ratelimit-*` value is null when the
/// server did not send it). NULL when `e` is NULL.
///
/// Ownership: the caller owns the returned string and frees it with `telnyx_string_free`.
/// Thread-safe: an error is immutable until freed.
///
/// # Safety
/// `e` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_to_json(e: *const telnyx_error) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { read(e, ptr::null_mut(), |e| e.to_json().into_raw()) }
}

/// Frees `e`. `telnyx_error_free(NULL)` does nothing.
///
/// Thread-safety: no other thread may use `e` during or after this call.
///
/// # Safety
/// `e` is NULL or an error returned by this library, not yet freed; it must not be used after.
#[no_mangle]
pub unsafe extern "C" fn telnyx_error_free(e: *mut telnyx_error) {
    if !e.is_null() {
        // SAFETY: `e` came from `Box::into_raw` in this library and is freed once.
        no_panic((), || drop(unsafe { Box::from_raw(e) }));
    }
}

/// Runs `f` behind the panic boundary, catching panics; returns `fallback` when it panics.
pub(crate) fn no_panic<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// `text` as a C string; interior NUL bytes (which JSON escapes, so only messages can have them)
/// are dropped.
pub(crate) fn cstring(text: String) -> CString {
    CString::new(text).unwrap_or_else(|e| {
        let mut bytes = e.into_vec();
        bytes.retain(|&b| b != 0);
        CString::new(bytes).unwrap_or_default()
    })
}
