//! The C ABI of [`telnyx_messaging`]: opaque handles, UTF-8 JSON in and out, errors as returned
//! objects. The contract is `ffi/C-API.md`; the header `include/telnyx_messaging.h` is generated
//! from this crate by cbindgen (`UPDATE_HEADER=1 cargo test -p telnyx-messaging-ffi --test
//! header`).
//!
//! Every exported function is a thin conversion: read the C arguments (NULL, UTF-8 and JSON
//! checked: an `INVALID_ARGUMENT` error names the argument), make one call of the Rust API, and
//! write the result as JSON or return a `telnyx_error`. Bodies run inside `catch_unwind`, so a
//! panic becomes a `PANIC` error instead of unwinding into C. There is no global state and no
//! thread-local last error. This crate holds all the `unsafe` code of the project.
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(non_camel_case_types)]

mod boundary;
mod client;
#[rustfmt::skip]
mod endpoints;
mod error;
mod iter;
mod logger;
mod mock;

use std::ffi::{c_char, CStr, CString};

pub use client::{telnyx_client, telnyx_client_free, telnyx_client_new, telnyx_client_with_options};
pub use endpoints::*;
pub use error::{
    telnyx_error, telnyx_error_errors_json, telnyx_error_free, telnyx_error_kind, telnyx_error_kind_t,
    telnyx_error_message, telnyx_error_retry_after_ms, telnyx_error_status, telnyx_error_to_json,
};
pub use iter::{telnyx_page_iter, telnyx_page_iter_free, telnyx_page_iter_next};
pub use logger::{telnyx_log_callback, telnyx_set_logger};
pub use mock::{
    telnyx_mock, telnyx_mock_api_key, telnyx_mock_base_url, telnyx_mock_connections_accepted,
    telnyx_mock_free, telnyx_mock_requests_received, telnyx_mock_start,
};

// The thread-safety the header promises: clients, errors and mocks are shared between threads,
// iterators move between them.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    const fn movable<T: Send>() {}
    shared::<telnyx_client>();
    shared::<telnyx_error>();
    shared::<telnyx_mock>();
    movable::<telnyx_page_iter>();
};

/// The library version, such as "0.1.0".
const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(version) => version,
    Err(_) => panic!("the version contains a NUL byte"),
};

/// The version of the library, such as "0.1.0".
///
/// Ownership: a static string; never free it. Thread-safe.
#[no_mangle]
pub extern "C" fn telnyx_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Frees a string returned by this library (a result JSON or `telnyx_error_to_json`).
/// `telnyx_string_free(NULL)` does nothing. Strings borrowed from an error
/// (`telnyx_error_message`, `telnyx_error_errors_json`) must not be passed here.
///
/// Thread-safety: no other thread may use `s` during or after this call.
///
/// # Safety
/// `s` is NULL or a string this library returned as owned by the caller, not yet freed; it must
/// not be used after.
#[no_mangle]
pub unsafe extern "C" fn telnyx_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: `s` came from `CString::into_raw` in this library and is freed once.
        boundary::no_panic((), || drop(unsafe { CString::from_raw(s) }));
    }
}
