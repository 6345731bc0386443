//! Handling errors: matching on `Error` variants, the helpers (`status()`, `is_not_found()`,
//! `is_rate_limited()`, `retry_after()`), and per-call request options (retries, timeout, headers).
//!
//! ```text
//! cargo run --example error_handling                        # offline, built-in mock server
//! TELNYX_API_KEY=KEY... cargo run --example error_handling  # real API (reads only)
//! ```

#[path = "support/mod.rs"]
mod support;

use std::net::TcpListener;
use std::process::ExitCode;
use std::time::Duration;

use telnyx_messaging::{Client, Error, ListMessagingProfilesParams, ProxyChoice, RequestOptions};

use support::{Env, Result};

fn main() -> ExitCode {
    support::run(errors)
}

/// What a program would do about each kind of error.
fn advice(e: &Error) -> &'static str {
    match e {
        Error::Api(api) if api.status == 429 => "rate limited: wait for retry_after, then try again",
        Error::Api(api) if api.status >= 500 => "the service failed: try again later",
        Error::Api(api) if api.status == 401 || api.status == 403 => "check the API key",
        Error::Api(_) => "the request was refused: fix it (see the errors[] details)",
        Error::Timeout { .. } => "no answer in time: retry, or raise the timeout",
        Error::Connection { request_sent: false, .. } => "could not connect: nothing reached the server",
        Error::Connection { .. } => "the connection broke: the server may have acted on the request",
        Error::InvalidArgument(_) => "a bug in the caller: no request was sent",
        Error::Config { .. } => "the client settings are wrong",
        Error::Decode { .. } => "the answer did not have the expected shape",
        Error::UnexpectedPage { .. } => "the server paginated inconsistently",
        // `Error` is `#[non_exhaustive]`: later versions may add variants.
        _ => "unexpected error",
    }
}

fn report(what: &str, result: telnyx_messaging::Result<impl Sized>) {
    match result {
        Ok(_) => println!("{what}: succeeded"),
        Err(e) => {
            println!("{what}:\n  {e}");
            println!("  status() {:?}; {}", e.status(), advice(&e));
        }
    }
}

fn errors(env: &Env) -> Result {
    let client = &env.client;
    let profiles = client.messaging_profiles();

    // 404: an API error with the parsed `errors[]` and the request id for support tickets.
    match profiles.retrieve("00000000-0000-4000-8000-000000000000") {
        Err(Error::Api(api)) if api.status == 404 => {
            println!("Not found (HTTP {}), request id {:?}", api.status, api.request_id);
            for detail in &api.errors {
                println!("  code {}: {}", detail.code, detail.title);
            }
        }
        Err(e) => return Err(e.into()),
        Ok(_) => println!("Unexpectedly found the all-zero profile id"),
    }

    // Arguments are checked before any request is sent.
    report("\nAn empty id", profiles.retrieve(""));
    report("\nA page size of 0", profiles.list(&ListMessagingProfilesParams::new().page_size(0)));

    // 401: a wrong API key.
    let mut wrong_key = Client::builder().api_key("KEY_WRONG").base_url(client.base_url());
    if env.mock.is_some() {
        wrong_key = wrong_key.proxy(ProxyChoice::None);
    }
    let wrong_key = wrong_key.build()?;
    let result = wrong_key.messaging_profiles().list(&ListMessagingProfilesParams::new());
    println!("\nA wrong API key: is_unauthorized() {}", result.as_ref().is_err_and(Error::is_unauthorized));

    // 429: the client retries rate-limited calls by itself (2 retries by default, waiting as
    // long as the server says). With `max_retries(0)` for this one call, the error comes back at
    // once with the wait the server asked for. Only the mock can be asked for a 429, through
    // its `x-mock-status` header.
    if env.mock.is_some() {
        let options = RequestOptions::new().max_retries(0).header("x-mock-status", "429");
        match client.with_options(options).messaging_profiles().list(&ListMessagingProfilesParams::new()) {
            Err(e) if e.is_rate_limited() => {
                let remaining = e.api_error().and_then(|a| a.rate_limit.remaining);
                println!("\nRate limited: retry_after() {:?}, requests left {remaining:?}", e.retry_after());
                println!("  {}", advice(&e));
            }
            other => return Err(format!("expected a 429, got {other:?}").into()),
        }
    }

    // Options for one call: a shorter timeout, one retry, an extra header. The client's other
    // settings and its connection pool are shared.
    let options = RequestOptions::new()
        .timeout(Duration::from_secs(10))
        .max_retries(1)
        .header("X-Client-Trace", "error-handling-example");
    let response = client
        .with_options(options)
        .messaging_profiles()
        .with_response()
        .list(&ListMessagingProfilesParams::new().page_size(1))?;
    println!(
        "\nWith per-call options: HTTP {} after {} retries",
        response.meta.status, response.meta.retries
    );

    // A timeout: this listener accepts connections but never answers.
    let silent = TcpListener::bind("127.0.0.1:0")?;
    let impatient = local_client(&format!("http://{}/v2", silent.local_addr()?))?;
    let options = RequestOptions::new().timeout(Duration::from_millis(300)).max_retries(0);
    report("\nA server that never answers", impatient.with_options(options).short_codes().retrieve("x"));

    // A connection error: nothing listens on this port any more.
    let closed = TcpListener::bind("127.0.0.1:0")?.local_addr()?;
    let unreachable = local_client(&format!("http://{closed}/v2"))?;
    let options = RequestOptions::new().max_retries(0);
    report("\nA port nobody listens on", unreachable.with_options(options).short_codes().retrieve("x"));
    Ok(())
}

/// A client for a local address, past any proxy.
fn local_client(base_url: &str) -> telnyx_messaging::Result<Client> {
    Client::builder().api_key("KEY_EXAMPLE").base_url(base_url).proxy(ProxyChoice::None).build()
}
