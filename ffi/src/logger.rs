//! `telnyx_set_logger`: the library's log records (see the Rust crate's logging) delivered to a
//! callback of the host program.

use std::ffi::{c_char, c_void};
use std::sync::{OnceLock, RwLock};

use log::{LevelFilter, Log, Metadata, Record};

use crate::error::{cstring, telnyx_error, telnyx_error_kind_t};

/// Receives one log record. `level`: 1 error, 2 warn, 3 info, 4 debug, 5 trace. `target` and
/// `message` are NUL-terminated UTF-8, borrowed for the duration of the call only. Called from
/// whichever thread made the request, possibly several at once.
pub type telnyx_log_callback = Option<
    unsafe extern "C" fn(user_data: *mut c_void, level: u32, target: *const c_char, message: *const c_char),
>;

/// The host's callback and its `user_data`.
#[derive(Clone, Copy)]
struct Sink {
    callback: unsafe extern "C" fn(*mut c_void, u32, *const c_char, *const c_char),
    user_data: *mut c_void,
}

// SAFETY: the host promises, by calling `telnyx_set_logger`, that its callback may be called with
// `user_data` from any thread.
unsafe impl Send for Sink {}
// SAFETY: as above; the sink itself is never mutated, only replaced under the lock.
unsafe impl Sync for Sink {}

/// The process's logger: forwards to the current sink, if any.
struct Dispatch(RwLock<Option<Sink>>);

static DISPATCH: Dispatch = Dispatch(RwLock::new(None));

impl Log for Dispatch {
    /// Only this library's records: those of its dependencies (ureq's show request headers)
    /// are not part of the contract.
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target().starts_with("telnyx_messaging")
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        // Copied out, so the lock is not held while the host's code runs (it may set a logger).
        let sink = *self.0.read().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(sink) = sink {
            let target = cstring(record.target().to_owned());
            let message = cstring(record.args().to_string());
            // SAFETY: the host's callback, with the user_data it gave; the strings live until
            // the call returns.
            unsafe {
                (sink.callback)(sink.user_data, record.level() as u32, target.as_ptr(), message.as_ptr())
            };
        }
    }

    fn flush(&self) {}
}

/// Sends the library's log records at `level` and more severe (0 off, 1 error, 2 warn, 3 info,
/// 4 debug, 5 trace) to `callback`, with `user_data` passed through; a NULL `callback` turns
/// logging off. Callable any number of times: each call replaces the previous callback and level.
/// Records never contain the API key or a `v1_secret`. Do not call it from inside the callback.
///
/// Returns NULL, or an error (owned by the caller): `INVALID_ARGUMENT` for a level above 5,
/// `CONFIGURATION` when another logger of the Rust `log` crate is already installed in the
/// process.
///
/// # Safety
/// `callback` is NULL or a function that may be called from any thread with `user_data` until
/// logging is turned off or replaced.
#[no_mangle]
pub unsafe extern "C" fn telnyx_set_logger(
    callback: telnyx_log_callback,
    user_data: *mut c_void,
    level: u32,
) -> *mut telnyx_error {
    let outcome = std::panic::catch_unwind(|| set_logger(callback, user_data, level));
    match outcome {
        Ok(Ok(())) => std::ptr::null_mut(),
        Ok(Err(error)) => Box::into_raw(Box::new(error)),
        Err(payload) => Box::into_raw(Box::new(telnyx_error::panic(payload.as_ref()))),
    }
}

fn set_logger(callback: telnyx_log_callback, user_data: *mut c_void, level: u32) -> Result<(), telnyx_error> {
    let filter = match level {
        0 => LevelFilter::Off,
        1 => LevelFilter::Error,
        2 => LevelFilter::Warn,
        3 => LevelFilter::Info,
        4 => LevelFilter::Debug,
        5 => LevelFilter::Trace,
        _ => return Err(telnyx_error::invalid(format!("level must be 0 (off) to 5 (trace), got {level}"))),
    };
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    if !*INSTALLED.get_or_init(|| log::set_logger(&DISPATCH).is_ok()) {
        let why = "another logger of the Rust log crate is installed in this process".to_owned();
        return Err(telnyx_error::bare(telnyx_error_kind_t::CONFIGURATION, why));
    }
    let sink = callback.map(|callback| Sink { callback, user_data });
    *DISPATCH.0.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = sink;
    log::set_max_level(if sink.is_some() { filter } else { LevelFilter::Off });
    Ok(())
}
