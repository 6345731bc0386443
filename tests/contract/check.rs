//! The one checker of the contract scenarios (`tests/contract/scenarios.json`, described in its
//! `about`): the Rust and C suites call it in process, Python and Go through the proxy's
//! `POST /__contract/check/SESSION`. A suite runs a scenario's call and hands over its outcome,
//! `{"result": ..., "error": null | {"kind", "status", "message", "errors"}}` (a `list_all`
//! call's result is the list of items it yielded before its error); the checker compares it and
//! the requests the proxy recorded with the scenario, and lists every difference, each followed
//! by the wire, with Prism's `sl-violations`.

use std::path::Path;

use serde_json::Value;

use crate::proxy::Exchange;
use crate::spec::{operation_of, Operation};

/// The scenarios, with each `"$name"` replaced by `examples.name`.
pub fn scenarios() -> Vec<Value> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract/scenarios.json");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let examples = doc["examples"].clone();
    let mut scenarios = doc["scenarios"].take();
    resolve(&mut scenarios, &examples);
    scenarios.as_array().cloned().expect("a list of scenarios")
}

fn resolve(v: &mut Value, examples: &Value) {
    match v {
        Value::String(s) if s.starts_with('$') => *v = examples[&s[1..]].clone(),
        Value::Array(items) => items.iter_mut().for_each(|i| resolve(i, examples)),
        Value::Object(map) => map.values_mut().for_each(|i| resolve(i, examples)),
        _ => {}
    }
}

/// Every way the outcome and the recorded requests differ from the scenario; empty when none.
pub fn check(scenario: &Value, outcome: &Value, exchanges: &[Exchange], ops: &[Operation]) -> Vec<String> {
    let mut failures = Vec::new();
    let mut fail = |what: String| failures.push(what);
    match (&scenario["error"], &outcome["error"]) {
        (Value::Null, Value::Null) => {}
        (Value::Null, got) => fail(format!("expected success, got the error {got}")),
        (want, got) => {
            if let Err(e) = matches("error", want, got) {
                fail(e);
            }
        }
    }
    if let Some(want) = scenario.get("result") {
        if let Err(e) = matches("result", want, &outcome["result"]) {
            fail(e);
        }
    }
    let requests = scenario["requests"].as_array().expect("requests");
    if requests.len() != exchanges.len() {
        fail(format!("{} requests, expected {}", exchanges.len(), requests.len()));
    }
    let prefer = scenario["options"]["prefer"].as_u64().map(|code| format!("code={code}"));
    let error_status = scenario["error"]["status"].as_u64();
    for (i, (want, ex)) in requests.iter().zip(exchanges).enumerate() {
        let mut fail = |what: String| fail(format!("request {}: {what}", i + 1));
        for (field, got) in [("method", &ex.method), ("path", &ex.path)] {
            if want[field].as_str() != Some(got.as_str()) {
                fail(format!("{field} {got}, expected {}", want[field]));
            }
        }
        let mut query: Vec<&str> = ex.query.split('&').filter(|p| !p.is_empty()).collect();
        let mut expected: Vec<&str> =
            want["query"].as_array().expect("query").iter().flat_map(Value::as_str).collect();
        query.sort_unstable();
        expected.sort_unstable();
        if query != expected {
            fail(format!("query {:?}, expected the pairs {expected:?}", ex.query));
        }
        match want.get("body") {
            None if !ex.body.is_empty() => fail(format!("a body {}, expected none", ex.body)),
            None => {}
            Some(body) => match serde_json::from_str::<Value>(&ex.body) {
                Ok(got) if same(body, &got) => {}
                _ => fail(format!("body {}, expected {body}", ex.body)),
            },
        }
        let status = want["status"].as_u64().or(error_status);
        if status.map_or(!(200..300).contains(&ex.status), |s| s != u64::from(ex.status)) {
            fail(format!(
                "Prism answered {}, expected {}",
                ex.status,
                status.map_or("2xx".into(), |s| s.to_string())
            ));
        }
        match (want["violations"].as_array(), &ex.violations) {
            (None, None) => {}
            (None, Some(_)) => fail("Prism found the request breaks the definition (sl-violations)".into()),
            (Some(_), None) => fail("Prism sent no sl-violations, expected some".into()),
            (Some(parts), Some(got)) => {
                for part in parts.iter().flat_map(Value::as_str).filter(|p| !got.contains(p)) {
                    fail(format!("sl-violations lack {part:?}"));
                }
            }
        }
        if let Some(text) = want["response"].as_str().filter(|t| !ex.response.contains(t)) {
            fail(format!("the response body lacks {text:?}"));
        }
        if ex.prefer != prefer {
            fail(format!("Prefer header {:?}, expected {prefer:?}", ex.prefer));
        }
        if let Some(e) = &ex.proxy_error {
            fail(format!("the proxy failed: {e}"));
        }
        let op = operation_of(ops, &ex.method, &ex.path).map(|op| op.operation_id.as_str());
        if op != scenario["operation"].as_str() {
            fail(format!("reached the operation {op:?}, expected {}", scenario["operation"]));
        }
    }
    if !failures.is_empty() {
        let wire: Vec<String> = exchanges.iter().map(|e| format!("  {}", e.describe())).collect();
        failures.push(format!(
            "wire:\n{}",
            if wire.is_empty() { "  (no request)".into() } else { wire.join("\n") }
        ));
    }
    failures
}

/// `got` has everything `want` has: objects may have more keys, arrays have as many items, an
/// error message contains the expected text.
fn matches(at: &str, want: &Value, got: &Value) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            w.iter().try_for_each(|(k, w)| match (k.as_str(), w, g.get(k)) {
                ("message", Value::String(w), Some(Value::String(g))) if g.contains(w.as_str()) => Ok(()),
                ("message", _, g) => Err(format!("{at}.message {g:?} lacks {w}")),
                (_, _, Some(g)) => matches(&format!("{at}.{k}"), w, g),
                (_, _, None) => Err(format!("{at}.{k} is missing, expected {w}")),
            })
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            w.iter().zip(g).enumerate().try_for_each(|(i, (w, g))| matches(&format!("{at}[{i}]"), w, g))
        }
        _ if same(want, got) => Ok(()),
        _ => Err(format!("{at} is {got}, expected {want}")),
    }
}

/// Equal JSON, numbers compared by value (`1` and `1.0` are the same).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, a)| b.get(k).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}
