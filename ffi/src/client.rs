//! `telnyx_client`: creating, deriving and freeing client handles.

use std::collections::BTreeMap;
use std::ffi::c_char;
use std::time::Duration;

use serde::Deserialize;
use telnyx_messaging::{Client, ProxyChoice, RequestOptions};

use crate::boundary::{guard, no_panic, opt_json_arg, Outcome};
use crate::error::telnyx_error;

/// A client of the Telnyx messaging-profile API. Opaque; free it with `telnyx_client_free`.
/// Thread-safe: share one handle between threads freely (it holds one connection pool).
pub struct telnyx_client {
    pub(crate) client: Client,
}

impl telnyx_client {
    fn into_raw(client: Client) -> *mut telnyx_client {
        Box::into_raw(Box::new(telnyx_client { client }))
    }
}

/// The JSON options of `telnyx_client_new`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ClientOptions {
    api_key: Option<String>,
    base_url: Option<String>,
    timeout_ms: Option<u64>,
    connect_timeout_ms: Option<u64>,
    max_retries: Option<u32>,
    deadline_ms: Option<u64>,
    max_retry_wait_ms: Option<u64>,
    retry_post: Option<bool>,
    allow_insecure_http: Option<bool>,
    user_agent_suffix: Option<String>,
    headers: Option<BTreeMap<String, String>>,
    proxy: Option<String>,
    read_ahead: Option<bool>,
}

impl ClientOptions {
    fn build(self) -> Outcome<Client> {
        let ms = Duration::from_millis;
        let mut b = Client::builder();
        if let Some(v) = self.api_key {
            b = b.api_key(v);
        }
        if let Some(v) = self.base_url {
            b = b.base_url(v);
        }
        if let Some(v) = self.timeout_ms {
            b = b.timeout(ms(v));
        }
        if let Some(v) = self.connect_timeout_ms {
            b = b.connect_timeout(ms(v));
        }
        if let Some(v) = self.max_retries {
            b = b.max_retries(v);
        }
        if let Some(v) = self.deadline_ms {
            b = b.deadline(ms(v));
        }
        if let Some(v) = self.max_retry_wait_ms {
            b = b.max_retry_wait(ms(v));
        }
        if let Some(v) = self.retry_post {
            b = b.retry_post(v);
        }
        if let Some(v) = self.allow_insecure_http {
            b = b.allow_insecure_http(v);
        }
        if let Some(v) = self.read_ahead {
            b = b.read_ahead(v);
        }
        if let Some(v) = self.user_agent_suffix {
            b = b.user_agent_suffix(v);
        }
        for (name, value) in self.headers.unwrap_or_default() {
            b = b.header(name, value);
        }
        b = b.proxy(match self.proxy.as_deref() {
            None | Some("env") => ProxyChoice::FromEnv,
            Some("none") => ProxyChoice::None,
            Some(url) if url.contains("://") => ProxyChoice::Url(url.to_owned()),
            Some(_) => {
                let why = r#"proxy must be "env", "none" or an http:// or https:// proxy URL"#;
                return Err(telnyx_messaging::Error::config(why).into());
            }
        });
        Ok(b.build()?)
    }
}

/// The JSON options of `telnyx_client_with_options`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CallOptions {
    headers: Option<BTreeMap<String, String>>,
    timeout_ms: Option<u64>,
    max_retries: Option<u32>,
    deadline_ms: Option<u64>,
    retry_post: Option<bool>,
    extra_query: Option<BTreeMap<String, String>>,
    extra_body: Option<serde_json::Map<String, serde_json::Value>>,
}

impl From<CallOptions> for RequestOptions {
    fn from(o: CallOptions) -> RequestOptions {
        let mut r = RequestOptions::new();
        for (name, value) in o.headers.unwrap_or_default() {
            r = r.header(name, value);
        }
        r.timeout = o.timeout_ms.map(Duration::from_millis);
        r.max_retries = o.max_retries;
        r.deadline = o.deadline_ms.map(Duration::from_millis);
        r.retry_post = o.retry_post;
        r.extra_query = o.extra_query.unwrap_or_default().into_iter().collect();
        r.extra_body = o.extra_body.unwrap_or_default();
        r
    }
}

/// Creates a client. `options_json` is NULL (everything from the environment) or a JSON object
/// whose keys are all optional: `api_key` (default `TELNYX_API_KEY`), `base_url` (default
/// `TELNYX_BASE_URL`, then `https://api.telnyx.com/v2`), `timeout_ms` (per attempt, default
/// 60000), `connect_timeout_ms` (default 5000), `max_retries` (default 2), `deadline_ms`
/// (overall, default none), `max_retry_wait_ms` (default 60000), `retry_post`,
/// `allow_insecure_http`, `read_ahead` (booleans, default false: with `read_ahead` a page
/// iterator fetches the next page on a background thread while the caller uses the current
/// one), `user_agent_suffix` (string), `headers`
/// (object of string values sent with every request), `proxy` (`"env"`, the default, `"none"`,
/// or a proxy URL). An unknown key or a wrong type is an INVALID_ARGUMENT error; a missing API
/// key or an unusable base URL, header or proxy is a CONFIGURATION error.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_client_free`); a returned
/// error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe.
///
/// # Safety
/// `options_json` is NULL or a NUL-terminated string; `out` is NULL or valid for writing one
/// pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_client_new(
    options_json: *const c_char,
    out: *mut *mut telnyx_client,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        guard(out, "out", || {
            let options: ClientOptions = opt_json_arg(options_json, "options_json")?;
            Ok(telnyx_client::into_raw(options.build()?))
        })
    }
}

/// Creates a client whose calls use the request options `request_options_json` on top of the
/// settings of `c`; it shares the connection pool of `c`. `request_options_json` is NULL (no
/// options) or a JSON object with the optional keys `headers` (object of string values),
/// `timeout_ms`, `max_retries`, `deadline_ms` (integers), `retry_post` (boolean), `extra_query`
/// (object of string values: query parameters added to every call, for parameters the API added
/// after this version) and `extra_body` (object: members added to, and overriding, the JSON body of
/// calls that send one, for new fields; the typed bodies keep refusing unknown keys). They apply on
/// top of any request options `c` itself was created with: each setting given here wins, headers
/// accumulate (a header of the same name replaces the earlier one). Unknown keys are an error.
///
/// Ownership: on success the caller owns `*out` (free it with `telnyx_client_free`, separately
/// from `c`, in any order); a returned error is owned by the caller.
/// Thread-safe: `c` may be in use by other threads.
///
/// # Safety
/// `c` is NULL or a live client handle; `request_options_json` is NULL or a NUL-terminated
/// string; `out` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_client_with_options(
    c: *const telnyx_client,
    request_options_json: *const c_char,
    out: *mut *mut telnyx_client,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        guard(out, "out", || {
            let client = client_arg(c)?;
            let options: RequestOptions =
                opt_json_arg::<CallOptions>(request_options_json, "request_options_json")?.into();
            // Refused here, like telnyx_client_new refuses them, rather than on every later call.
            if let Err(e) = options.check() {
                let why = e.to_string().replace("invalid argument: ", "");
                return Err(telnyx_error::invalid(format!("request_options_json: {why}")));
            }
            Ok(telnyx_client::into_raw(client.with_options(options)))
        })
    }
}

/// Frees `c`. Iterators created from it stay valid. `telnyx_client_free(NULL)` does nothing.
///
/// Thread-safety: no other thread may use `c` during or after this call.
///
/// # Safety
/// `c` is NULL or a client handle from this library, not yet freed; it must not be used after.
#[no_mangle]
pub unsafe extern "C" fn telnyx_client_free(c: *mut telnyx_client) {
    if !c.is_null() {
        // SAFETY: `c` came from `Box::into_raw` in this library and is freed once.
        no_panic((), || drop(unsafe { Box::from_raw(c) }));
    }
}

/// The client behind handle `c`.
///
/// # Safety
/// `c` is NULL or a live client handle.
pub(crate) unsafe fn client_arg<'a>(c: *const telnyx_client) -> Outcome<&'a Client> {
    // SAFETY: the caller passes NULL or a live handle, which is never mutated.
    match unsafe { c.as_ref() } {
        Some(c) => Ok(&c.client),
        None => Err(telnyx_error::invalid("c: must not be NULL".into())),
    }
}
