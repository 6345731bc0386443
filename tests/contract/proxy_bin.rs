//! `telnyx-contract-proxy`: the recording proxy of the contract suites (`proxy.rs`) as a program,
//! for the suites of other languages (Python, Go). It forwards to Prism (`TELNYX_PRISM_URL`, or
//! one it starts from `.prism/`), listens on 127.0.0.1 (`--port N`, default a free port), prints
//! its URL as its first line and runs until it is stopped (SIGTERM). Besides `/s/SESSION/...`
//! it answers:
//! - `GET /__contract/operations`: the definition's operations, `[{"operation_id", "method", "path"}]`;
//! - `POST /__contract/check/SESSION` with `{"scenario": NAME, "outcome": {...}}`: the failures
//!   of that scenario of `scenarios.json` (see `check.rs`), `{"failures": [...]}`, none when it passed.
//!
//! `bash tests/run-all.sh` starts it and sets `TELNYX_CONTRACT_PROXY_URL`.

mod check;
mod prism;
mod proxy;
mod spec;

use std::io::Write;
use std::sync::Arc;

use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port = match args.get(1..) {
        Some([flag, port]) if flag == "--port" => port.parse().expect("--port N"),
        Some([]) => 0,
        _ => {
            eprintln!("usage: telnyx-contract-proxy [--port N]");
            std::process::exit(2);
        }
    };
    let (_, prism) = prism::prism();
    let ops = spec::operations();
    let control: proxy::Control =
        Arc::new(move |method, what, body, log| match (method, what.split_once('/')) {
            ("GET", None) if what == "operations" => (200, serde_json::to_string(&ops).unwrap()),
            ("POST", Some(("check", session))) => {
                let request: Value = serde_json::from_str(body).unwrap_or_default();
                // Read again for each check, so an edited scenario file needs no restart.
                let scenarios = check::scenarios();
                let Some(scenario) = scenarios.iter().find(|s| s["name"] == request["scenario"]) else {
                    return (
                        404,
                        json!({"failures": [format!("no scenario {}", request["scenario"])]}).to_string(),
                    );
                };
                let exchanges: Vec<_> = log.iter().filter(|e| e.session == session).cloned().collect();
                let failures = check::check(scenario, &request["outcome"], &exchanges, &ops);
                (200, json!({ "failures": failures }).to_string())
            }
            _ => (
                404,
                json!({"failures": [format!("unknown control request {method} /__contract/{what}")]})
                    .to_string(),
            ),
        });
    let proxy = proxy::Proxy::start(*prism, port, Some(control));
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{}", proxy.url()).and_then(|()| out.flush());
    loop {
        std::thread::park();
    }
}
