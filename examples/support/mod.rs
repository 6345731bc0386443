//! What the examples share: a client for the real API when `TELNYX_API_KEY` is set, otherwise a
//! client for the built-in mock server, and a `main` wrapper that prints errors and sets the exit
//! code. Include it with `#[path = "support/mod.rs"] mod support;`.

// Each example uses a different part of this module.
#![allow(dead_code)]

use std::error::Error;
use std::process::ExitCode;

use telnyx_messaging::{Client, Nullable, ProxyChoice};

use telnyx_messaging::mock::{self as mock_server, MockServer};

/// What the example bodies return: any error ends the example with a non-zero exit code.
pub type Result<T = (), E = Box<dyn Error>> = std::result::Result<T, E>;

/// Where an example sends its requests.
pub struct Env {
    /// The client to use.
    pub client: Client,
    /// Whether the example may create, change and delete things: always with the mock, with the
    /// real API only when `--write` was passed.
    pub write: bool,
    /// The mock server, kept alive as long as the client needs it (`None` with the real API).
    pub mock: Option<MockServer>,
}

/// With `TELNYX_API_KEY` set: a client for the real API (or `TELNYX_BASE_URL`). Without: the mock
/// server on 127.0.0.1 and a client for it with the mock's key.
pub fn connect() -> Result<Env> {
    let write = std::env::args().skip(1).any(|arg| arg == "--write");
    if std::env::var("TELNYX_API_KEY").is_ok_and(|key| !key.trim().is_empty()) {
        let client = Client::new()?;
        let mode = if write { "reads and writes" } else { "read-only; pass --write to change data" };
        println!("Using the Telnyx API at {} ({mode})", client.base_url());
        return Ok(Env { client, write, mock: None });
    }
    let mock = MockServer::start()?;
    let client = Client::builder()
        .api_key(mock_server::API_KEY)
        .base_url(mock.base_url())
        // A proxy from the environment must not see requests meant for 127.0.0.1.
        .proxy(ProxyChoice::None)
        .build()?;
    println!("No TELNYX_API_KEY set: using the built-in mock server at {}", mock.base_url());
    Ok(Env { client, write: true, mock: Some(mock) })
}

/// Runs an example: connects, runs `body`, prints an error with its causes, and returns the exit
/// code (failure on any error).
pub fn run(body: impl FnOnce(&Env) -> Result) -> ExitCode {
    match connect().and_then(|env| body(&env)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            let mut cause = e.source();
            while let Some(c) = cause {
                eprintln!("  caused by: {c}");
                cause = c.source();
            }
            ExitCode::FAILURE
        }
    }
}

/// A nullable response field as text: the value, `null`, or `(absent)`.
pub fn show(field: &Nullable<String>) -> &str {
    match field {
        Nullable::Value(v) => v,
        Nullable::Null => "null",
        Nullable::Absent => "(absent)",
    }
}

/// `value` as compact JSON, cut after `max` characters.
pub fn brief(value: &impl serde::Serialize, max: usize) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}
