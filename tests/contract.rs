//! Contract suite: the scenarios of `tests/contract/scenarios.json`, which every language's
//! contract suite runs, through the Rust client against the Prism mock server
//! (`@stainless-api/prism-cli`) serving the official OpenAPI definition.
//!
//! Prism checks each request against the definition and answers a request that breaks it with a
//! 4xx and an `sl-violations` header; otherwise it answers the definition's static examples. The
//! client talks to Prism through the recording proxy (`contract/proxy.rs`, a session per
//! scenario), and `contract/check.rs` compares each outcome and the recorded requests with the
//! scenario, printing the wire with Prism's violations on failure. `contract/spec.rs` reads the
//! definition's operations, which the scenarios must cover exactly.
//!
//! Prism: `TELNYX_PRISM_URL` (the Prism root, no `/v2`) when set, as `tests/run-all.sh` does;
//! otherwise the suite starts `.prism/node_modules/.bin/prism` itself. Without either it fails,
//! telling to run `tests/run-all.sh`.

#[path = "contract/check.rs"]
mod check;
#[path = "contract/prism.rs"]
mod prism;
#[path = "contract/proxy.rs"]
mod proxy;
#[path = "contract/spec.rs"]
mod spec;

use std::collections::BTreeSet;
use std::time::Duration;

use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};
use telnyx_messaging::{Client, Error, ProxyChoice, RequestOptions, Result};

/// The arguments' `params` as the method's parameter type (the C ABI's JSON is its serde form).
fn params<T: DeserializeOwned>(args: &Value) -> T {
    let params = args.get("params").cloned().unwrap_or_else(|| json!({}));
    serde_json::from_value(params.clone()).unwrap_or_else(|e| panic!("params {params}: {e}"))
}

fn error_json(e: &Error) -> Value {
    let kind = match (e, e.status()) {
        (Error::UnexpectedPage { .. }, _) => "unexpected_page",
        _ if e.is_unauthorized() => "authentication",
        _ if e.is_not_found() => "not_found",
        _ if e.is_rate_limited() => "rate_limit",
        (_, Some(400)) => "bad_request",
        (_, Some(422)) => "unprocessable_entity",
        (_, Some(_)) => "api_status",
        _ => "other",
    };
    let errors = e.api_error().map(|api| &api.errors);
    let retry_after_ms = e.retry_after().map(|d| d.as_millis() as u64);
    json!({"kind": kind, "status": e.status(), "message": e.to_string(), "errors": errors, "retry_after_ms": retry_after_ms})
}

fn one<T: Serialize>(result: Result<T>) -> Value {
    match result {
        Ok(value) => json!({"result": value, "error": null}),
        Err(e) => json!({"result": null, "error": error_json(&e)}),
    }
}

/// The items an iterator yields (at most 50) and the error that ends it, after which it must
/// yield nothing.
fn all<T: Serialize>(mut items: impl Iterator<Item = Result<T>>) -> Value {
    let mut got = Vec::new();
    while let Some(item) = items.next().filter(|_| got.len() < 50) {
        match item {
            Ok(item) => got.push(item),
            Err(_) if items.next().is_some() => {
                return json!({"result": got, "error": {"kind": "went on after its error"}})
            }
            Err(e) => return json!({"result": got, "error": error_json(&e)}),
        }
    }
    json!({"result": got, "error": null})
}

/// The scenario's call through the Rust API.
fn run(client: &Client, call: &str, a: &Value) -> Value {
    let (id, cfg) = (a["id"].as_str().unwrap_or_default(), a["config_id"].as_str().unwrap_or_default());
    let (mp, sc) = (client.messaging_profiles(), client.short_codes());
    let ac = mp.autoresp_configs(id);
    match call {
        "messaging_profiles_list" => one(mp.list(&params(a))),
        "messaging_profiles_list_all" => all(mp.list_all(&params(a))),
        "messaging_profiles_create" => one(mp.create(&params(a))),
        "messaging_profiles_retrieve" => one(mp.retrieve(id)),
        "messaging_profiles_update" => one(mp.update(id, &params(a))),
        "messaging_profiles_delete" => one(mp.delete(id)),
        "messaging_profiles_regenerate_secret" => one(mp.regenerate_secret(id)),
        "messaging_profiles_list_phone_numbers" => one(mp.list_phone_numbers(id, &params(a))),
        "messaging_profiles_list_all_phone_numbers" => all(mp.list_all_phone_numbers(id, &params(a))),
        "messaging_profiles_list_short_codes" => one(mp.list_short_codes(id, &params(a))),
        "messaging_profiles_list_all_short_codes" => all(mp.list_all_short_codes(id, &params(a))),
        "messaging_profiles_list_alphanumeric_sender_ids" => {
            one(mp.list_alphanumeric_sender_ids(id, &params(a)))
        }
        "messaging_profiles_list_all_alphanumeric_sender_ids" => {
            all(mp.list_all_alphanumeric_sender_ids(id, &params(a)))
        }
        "messaging_profiles_retrieve_metrics" => one(mp.retrieve_metrics(id, &params(a))),
        "messaging_profile_metrics_list" => one(client.messaging_profile_metrics().list(&params(a))),
        "messaging_profiles_autoresp_configs_list" => one(ac.list(&params(a))),
        "messaging_profiles_autoresp_configs_create" => one(ac.create(&params(a))),
        "messaging_profiles_autoresp_configs_retrieve" => one(ac.retrieve(cfg)),
        "messaging_profiles_autoresp_configs_update" => one(ac.update(cfg, &params(a))),
        "messaging_profiles_autoresp_configs_delete" => one(ac.delete(cfg)),
        "short_codes_list" => one(sc.list(&params(a))),
        "short_codes_list_all" => all(sc.list_all(&params(a))),
        "short_codes_retrieve" => one(sc.retrieve(id)),
        "short_codes_update" => one(sc.update(id, &params(a))),
        other => panic!("unknown call {other}"),
    }
}

#[test]
fn scenarios_against_prism() {
    let (_, prism) = prism::prism();
    let (ops, scenarios) = (spec::operations(), check::scenarios());
    let proxy = proxy::Proxy::start(*prism, 0, None);
    let mut failed = Vec::new();
    for (i, s) in scenarios.iter().enumerate() {
        let options = &s["options"];
        let client = Client::builder()
            .api_key("KEYcontract_suite")
            .base_url(format!("{}/s/{i}", proxy.url()))
            .proxy(ProxyChoice::None)
            .max_retries(options["max_retries"].as_u64().unwrap_or(0) as u32)
            .sleeper(|_| {})
            .timeout(Duration::from_secs(30))
            .build()
            .expect("client");
        let client = match options["prefer"].as_u64() {
            Some(code) => client.with_options(RequestOptions::new().header("Prefer", format!("code={code}"))),
            None => client,
        };
        let outcome = run(&client, s["call"].as_str().expect("call"), &s["args"]);
        let failures = check::check(s, &outcome, &proxy.exchanges(&i.to_string()), &ops);
        if !failures.is_empty() {
            failed.push(format!("[{}] {}\n  {}", s["name"], outcome, failures.join("\n  ")));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failed.len(),
        scenarios.len(),
        failed.join("\n")
    );
}

/// The scenarios together reach exactly the operations of the definition.
#[test]
fn scenarios_cover_every_operation() {
    let ops = spec::operations();
    assert_eq!(ops.len(), 19, "the definition should list 19 operations: {ops:#?}");
    let defined: BTreeSet<&str> = ops.iter().map(|op| op.operation_id.as_str()).collect();
    let scenarios = check::scenarios();
    let covered: BTreeSet<&str> = scenarios.iter().flat_map(|s| s["operation"].as_str()).collect();
    assert_eq!(covered, defined, "the operations of the scenarios and of the definition");
}

/// The line-based scan reads paths, skips other top-level blocks and non-method keys.
#[test]
fn operation_scan_reads_only_paths() {
    let yaml = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: GetA\n      parameters:\n      - name: x\n    \
                post:\n      operationId: 'PostA'\n    parameters: []\n  '/a/{id}':\n    delete:\n      responses: {}\n      \
                operationId: DeleteA\ncomponents:\n  /b:\n    get:\n      operationId: GetB\n";
    let ops: Vec<String> = spec::parse_operations(yaml)
        .iter()
        .map(|o| format!("{} {} {}", o.operation_id, o.method, o.path))
        .collect();
    assert_eq!(ops, ["DeleteA DELETE /a/{id}", "GetA GET /a", "PostA POST /a"]);
    assert!(spec::path_matches("/a/{id}/b", "/a/123/b"));
    assert!(!spec::path_matches("/a/{id}", "/a/123/b"));
    assert!(!spec::path_matches("/a/{id}", "/a/"));
}
