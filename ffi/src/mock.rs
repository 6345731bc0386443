//! `telnyx_mock`: the offline mock of the API ([`telnyx_messaging::mock`]) in-process, so that C,
//! Python and Go programs can test their code against the same mock as Rust, without a separate
//! program.

use std::ffi::{c_char, CStr, CString};
use std::ptr;
use std::time::Duration;

use serde::Deserialize;
use telnyx_messaging::mock::{Fault, FaultSchedule, MockOptions, MockServer, API_KEY};

use crate::boundary::{cstring, guard, no_panic, opt_json_arg, Outcome};
use crate::error::telnyx_error;

/// The most profiles `extra_profiles` may add (they are all kept in memory).
const MAX_EXTRA_PROFILES: u64 = 100_000;
/// The longest `latency_ms` and `delay:MS` fault: `telnyx_mock_free` waits for answers in progress.
const MAX_DELAY_MS: u64 = 60_000;
/// The longest `fault` text: longer ones are refused without being echoed.
const MAX_FAULT_LEN: usize = 64;

/// The API key the mock accepts, NUL-terminated.
const MOCK_KEY: &CStr = match CStr::from_bytes_with_nul(concat!("KEY_MOCK_0123456789ABCDEF", "\0").as_bytes())
{
    Ok(key) => key,
    Err(_) => panic!("the mock's API key contains a NUL byte"),
};
// The C constant and the Rust one are the same key.
const _: () = {
    let (a, b) = (MOCK_KEY.to_bytes(), API_KEY.as_bytes());
    assert!(a.len() == b.len());
    let mut i = 0;
    while i < a.len() {
        assert!(a[i] == b[i]);
        i += 1;
    }
};

/// A running mock server of the Telnyx messaging-profile API on 127.0.0.1, from
/// `telnyx_mock_start`. Opaque; stop it with `telnyx_mock_free`. Thread-safe: its accessors may
/// be called from any thread, and any client may send it requests from any thread.
pub struct telnyx_mock {
    server: MockServer,
    base_url: CString,
}

/// The JSON options of `telnyx_mock_start`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MockOptionsJson {
    port: Option<u16>,
    extra_profiles: Option<u64>,
    latency_ms: Option<u64>,
    fault_every: Option<u64>,
    fault: Option<String>,
}

impl MockOptionsJson {
    fn options(self) -> Outcome<MockOptions> {
        let invalid = |message: String| telnyx_error::invalid(format!("options_json: {message}"));
        let extra_profiles = self.extra_profiles.unwrap_or(0);
        if extra_profiles > MAX_EXTRA_PROFILES {
            return Err(invalid(format!(
                "extra_profiles: must be at most {MAX_EXTRA_PROFILES}, got {extra_profiles}"
            )));
        }
        let latency_ms = self.latency_ms.unwrap_or(0);
        if latency_ms > MAX_DELAY_MS {
            return Err(invalid(format!("latency_ms: must be at most {MAX_DELAY_MS}, got {latency_ms}")));
        }
        let fault = match self.fault.as_deref() {
            None => None,
            Some(text) if text.len() > MAX_FAULT_LEN => {
                return Err(invalid(format!(
                    "fault: must be status:CODE[:RETRY_AFTER], reset or delay:MS, got {} bytes of text",
                    text.len()
                )))
            }
            Some(text) => match text.parse::<Fault>() {
                Ok(Fault::Delay(d)) if d > Duration::from_millis(MAX_DELAY_MS) => {
                    return Err(invalid(format!(
                        "fault: the delay must be at most {MAX_DELAY_MS} ms, got {}",
                        d.as_millis()
                    )))
                }
                Ok(fault) => Some(fault),
                Err(e) => return Err(invalid(format!("fault: {e}"))),
            },
        };
        let faults = match (self.fault_every, fault) {
            (Some(0), _) => return Err(invalid("fault_every: must be at least 1, got 0".into())),
            (Some(every), fault) => Some(FaultSchedule {
                every,
                fault: fault.unwrap_or(Fault::Status { status: 503, retry_after: None }),
            }),
            (None, Some(_)) => {
                return Err(invalid("fault: needs fault_every (how often to inject it)".into()))
            }
            (None, None) => None,
        };
        Ok(MockOptions {
            port: self.port.unwrap_or(0),
            // At most MAX_EXTRA_PROFILES, which fits every usize.
            extra_profiles: extra_profiles as usize,
            latency: Duration::from_millis(latency_ms),
            faults,
            ..MockOptions::default()
        })
    }
}

/// Starts a mock of the Telnyx messaging-profile API on 127.0.0.1, in this process, on
/// background threads: all 19 operations, with the same seeded, stateful data every time (seven
/// messaging profiles with phone numbers, short codes, sender IDs, auto-response configs and
/// metrics), pagination, filters, validation and the API's error envelope. Point a client at it
/// with `base_url` = `telnyx_mock_base_url(m)` and `api_key` = `telnyx_mock_api_key()`; a request
/// with the header `x-mock-status: 429` (any 4xx/5xx) gets that error back.
///
/// `options_json` is NULL (the defaults) or a JSON object whose keys are all optional: `port`
/// (0 to 65535; default 0, a free port), `extra_profiles` (profiles added after the seeded seven,
/// at most 100000; default 0), `latency_ms` (waited before every answer, at most 60000; default 0),
/// `fault_every` (at least 1: every `fault_every`-th request, counting from 1, gets `fault`
/// instead of its answer) and `fault` (needs `fault_every`; default `"status:503"`):
/// `"status:CODE"` or `"status:CODE:RETRY_AFTER_S"` (CODE 400 to 599, with the API's error
/// envelope and `Retry-After`), `"reset"` (the connection is closed without an answer) or
/// `"delay:MS"` (the answer comes MS ms late, at most 60000). These are the options of the
/// `telnyx-messaging-mock` program. An unknown key, a wrong type or a value out of range is an
/// INVALID_ARGUMENT error naming the key; a port that cannot be listened on is a CONFIGURATION
/// error.
///
/// Ownership: on success the caller owns `*out` (stop and free it with `telnyx_mock_free`); a
/// returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safe.
///
/// # Safety
/// `options_json` is NULL or a NUL-terminated string; `out` is NULL or valid for writing one
/// pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_mock_start(
    options_json: *const c_char,
    out: *mut *mut telnyx_mock,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract.
    unsafe {
        guard(out, "out", || {
            let options = opt_json_arg::<MockOptionsJson>(options_json, "options_json")?.options()?;
            let port = options.port;
            let server = MockServer::start_with(options).map_err(|e| {
                telnyx_messaging::Error::config(format!(
                    "options_json: port: cannot listen on 127.0.0.1:{port}: {e}"
                ))
            })?;
            let base_url = cstring(server.base_url());
            Ok(Box::into_raw(Box::new(telnyx_mock { server, base_url })))
        })
    }
}

/// The base URL of `m`, such as `"http://127.0.0.1:40123/v2"`: the `base_url` to give a client.
/// NULL when `m` is NULL.
///
/// Ownership: borrowed from `m`, valid until `telnyx_mock_free(m)`; do not free it.
/// Thread-safe.
///
/// # Safety
/// `m` is NULL or a live mock from `telnyx_mock_start`.
#[no_mangle]
pub unsafe extern "C" fn telnyx_mock_base_url(m: *const telnyx_mock) -> *const c_char {
    // SAFETY: the caller passes NULL or a live mock, which is never mutated.
    match unsafe { m.as_ref() } {
        Some(m) => m.base_url.as_ptr(),
        None => ptr::null(),
    }
}

/// How many requests `m` has received so far, faulted ones included (a client's retries count
/// one each); 0 when `m` is NULL.
///
/// Thread-safe.
///
/// # Safety
/// `m` is NULL or a live mock from `telnyx_mock_start`.
#[no_mangle]
pub unsafe extern "C" fn telnyx_mock_requests_received(m: *const telnyx_mock) -> u64 {
    // SAFETY: the caller passes NULL or a live mock, which is never mutated.
    match unsafe { m.as_ref() } {
        Some(m) => no_panic(0, || m.server.requests_received()),
        None => 0,
    }
}

/// How many TCP connections `m` has accepted so far (a client that reuses its connections opens
/// few); 0 when `m` is NULL.
///
/// Thread-safe.
///
/// # Safety
/// `m` is NULL or a live mock from `telnyx_mock_start`.
#[no_mangle]
pub unsafe extern "C" fn telnyx_mock_connections_accepted(m: *const telnyx_mock) -> u64 {
    // SAFETY: the caller passes NULL or a live mock, which is never mutated.
    match unsafe { m.as_ref() } {
        Some(m) => no_panic(0, || m.server.connections_accepted()),
        None => 0,
    }
}

/// The API key the mock accepts (`"KEY_MOCK_0123456789ABCDEF"`); any other key gets a 401.
///
/// Ownership: a static string; never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn telnyx_mock_api_key() -> *const c_char {
    MOCK_KEY.as_ptr()
}

/// Stops `m` and frees it: the server stops listening, and this call returns once its threads
/// have finished (answers in progress are written first, which takes at most their latency and
/// delay fault; idle keep-alive connections are closed). Clients pointed at it get connection
/// errors afterwards. `telnyx_mock_free(NULL)` does nothing.
///
/// Thread-safety: no other thread may use `m` during or after this call.
///
/// # Safety
/// `m` is NULL or a mock from `telnyx_mock_start`, not yet freed; it must not be used after.
#[no_mangle]
pub unsafe extern "C" fn telnyx_mock_free(m: *mut telnyx_mock) {
    if !m.is_null() {
        // SAFETY: `m` came from `Box::into_raw` in this library and is freed once.
        no_panic((), || drop(unsafe { Box::from_raw(m) }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{telnyx_error_free, telnyx_error_kind, telnyx_error_kind_t, telnyx_error_message};

    /// Starts a mock with `options`; the error message on failure.
    fn start(options: &str) -> Result<*mut telnyx_mock, (u32, String)> {
        let options = CString::new(options).unwrap();
        let mut out = ptr::null_mut();
        // SAFETY: valid arguments; the error is read and freed once.
        unsafe {
            let e = telnyx_mock_start(options.as_ptr(), &mut out);
            if e.is_null() {
                return Ok(out);
            }
            let message = CStr::from_ptr(telnyx_error_message(e)).to_string_lossy().into_owned();
            let kind = telnyx_error_kind(e);
            telnyx_error_free(e);
            Err((kind, message))
        }
    }

    #[test]
    fn options_are_checked_by_name() {
        let invalid = telnyx_error_kind_t::INVALID_ARGUMENT as u32;
        for (options, needle) in [
            (r#"{"prt": 1}"#, "unknown field `prt`"),
            (r#"{"port": 65536}"#, "port"),
            (r#"{"extra_profiles": 100001}"#, "extra_profiles: must be at most 100000"),
            (r#"{"latency_ms": 60001}"#, "latency_ms: must be at most 60000"),
            (r#"{"fault_every": 0}"#, "fault_every: must be at least 1"),
            (r#"{"fault": "reset"}"#, "fault: needs fault_every"),
            (r#"{"fault_every": 2, "fault": "status:200"}"#, "fault: the status must be 400 to 599"),
            (r#"{"fault_every": 2, "fault": "delay:60001"}"#, "fault: the delay must be at most 60000 ms"),
            (r#"{"fault_every": 2, "fault": "boom"}"#, r#"fault: "boom" is not a fault"#),
        ] {
            let (kind, message) = start(options).map(|m| unsafe { telnyx_mock_free(m) }).unwrap_err();
            assert_eq!(kind, invalid, "{options}: {message}");
            assert!(message.starts_with("invalid argument: options_json: "), "{options}: {message}");
            assert!(message.contains(needle), "{options}: {message}");
        }
    }

    #[test]
    fn a_taken_port_is_a_configuration_error() {
        let first = start("{}").unwrap();
        // SAFETY: `first` is live until freed below.
        let url = unsafe { CStr::from_ptr(telnyx_mock_base_url(first)) }.to_str().unwrap().to_owned();
        let port = url.trim_start_matches("http://127.0.0.1:").trim_end_matches("/v2");
        let (kind, message) = start(&format!(r#"{{"port": {port}}}"#)).unwrap_err();
        assert_eq!(kind, telnyx_error_kind_t::CONFIGURATION as u32, "{message}");
        assert!(message.contains(&format!("port: cannot listen on 127.0.0.1:{port}")), "{message}");
        // SAFETY: freed once.
        unsafe { telnyx_mock_free(first) };
    }

    #[test]
    fn the_key_is_the_rust_mock_key() {
        // SAFETY: a static NUL-terminated string.
        assert_eq!(unsafe { CStr::from_ptr(telnyx_mock_api_key()) }.to_str().unwrap(), API_KEY);
    }
}
