//! What the client logs, through the `log` facade (target `telnyx_messaging`): one debug record
//! per attempt, an info record per retry decision, a warn record when a call fails, request and
//! response bodies at trace. Secrets never appear: the API key is only ever in the
//! `Authorization` header, which is not logged, and bodies have `v1_secret` and the API key
//! redacted. With no logger installed, `TELNYX_LOG=info|debug|trace` installs a small stderr one.

use std::io::Write;
use std::sync::Once;
use std::time::Duration;

use log::{Level, LevelFilter, Log, Metadata, Record};

use crate::error::{redact_secrets, Error};

/// The target of every record.
pub(crate) const TARGET: &str = "telnyx_messaging";

/// One attempt: the request, what came back and how long it took.
pub(crate) fn attempt(
    line: &str,
    attempt: u32,
    outcome: std::result::Result<u16, &Error>,
    elapsed: Duration,
    request_id: Option<&str>,
) {
    if !log::log_enabled!(target: TARGET, Level::Debug) {
        return;
    }
    let ms = elapsed.as_secs_f64() * 1000.0;
    let id = request_id.unwrap_or("-");
    match outcome {
        Ok(status) => {
            log::debug!(target: TARGET, "{line} -> {status} in {ms:.1} ms (attempt {attempt}, request id {id})")
        }
        Err(e) => log::debug!(target: TARGET, "{line} -> {e} after {ms:.1} ms (attempt {attempt})"),
    }
}

/// A retry decision: the wait and why.
pub(crate) fn retry(line: &str, attempt: u32, wait: Duration, reason: &str) {
    log::info!(target: TARGET, "{line}: retrying in {} ms after {reason} (attempt {attempt} failed)", wait.as_millis());
}

/// The call failed with `error` (after any retries).
pub(crate) fn failed(line: &str, error: &Error) {
    log::warn!(target: TARGET, "{line} failed: {error}");
}

/// A request or response body, at trace, secrets redacted.
pub(crate) fn body(line: &str, what: &str, body: &[u8], api_key: &str) {
    if log::log_enabled!(target: TARGET, Level::Trace) {
        let mut text = redact_secrets(&String::from_utf8_lossy(body));
        if !api_key.is_empty() {
            text = text.replace(api_key, "[redacted]");
        }
        log::trace!(target: TARGET, "{line} {what}: {text}");
    }
}

/// Installs the stderr logger when `TELNYX_LOG` names a level and the program has no logger.
/// Called when a client is built; only the first call does anything.
pub(crate) fn init_from_env() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let level = match std::env::var("TELNYX_LOG").ok().as_deref().map(str::trim) {
            Some("info") => LevelFilter::Info,
            Some("debug") => LevelFilter::Debug,
            Some("trace") => LevelFilter::Trace,
            _ => return,
        };
        if log::set_logger(&StderrLogger).is_ok() {
            log::set_max_level(level);
        }
    });
}

/// Writes this library's records to stderr: `telnyx_messaging DEBUG: ...`.
struct StderrLogger;

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target().starts_with(TARGET)
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            let _ = writeln!(std::io::stderr().lock(), "{TARGET} {}: {}", record.level(), record.args());
        }
    }

    fn flush(&self) {}
}
