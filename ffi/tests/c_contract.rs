//! Contract: the C program `ffi/tests/c/contract.c` runs the scenarios of
//! `tests/contract/scenarios.json` through the endpoint functions of the C ABI against the Prism
//! mock server, through the recording proxy of the Rust contract suite; the shared checker
//! (`tests/contract/check.rs`) compares each outcome the program prints, and the requests the
//! proxy recorded, with the scenario, and prints Prism's `sl-violations` on failure.
//!
//! The program is built as C (`cc -std=c99 -Wall -Wextra -Werror -pedantic`), linked against the
//! shared and the static library (`c_support`); with `TELNYX_VALGRIND=1` the shared build runs
//! under valgrind.
//!
//! Prism: `TELNYX_PRISM_URL` when set (as `tests/run-all.sh` sets it), otherwise started here
//! from `.prism/`; without either the test fails, telling to run `tests/run-all.sh`.

mod c_support;

// The Rust contract suite's modules, used as they are. They locate `.prism/` and the definition
// from `env!("CARGO_MANIFEST_DIR")`, which is the root package's directory for them; in this
// crate it is `ffi/`. This macro, defined after `mod c_support` and before those modules, is in
// their textual scope and shadows the built-in `env!` there, answering the workspace root.
macro_rules! env {
    ("CARGO_MANIFEST_DIR") => {
        concat!(::core::env!("CARGO_MANIFEST_DIR"), "/..")
    };
}

#[path = "../../tests/contract/check.rs"]
mod check;
#[path = "../../tests/contract/prism.rs"]
mod prism;
#[path = "../../tests/contract/proxy.rs"]
mod proxy;
#[path = "../../tests/contract/spec.rs"]
mod spec;

use c_support::{compile, program, run, BUILDS};
use serde_json::{json, Value};

/// The program's outcome in the checker's form: the error of `telnyx_error_to_json` with its
/// kind name, and the items of an iterator's pages.
fn outcome(line: &str) -> Value {
    let c: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("bad outcome line ({e}): {line}"));
    let e = &c["error"];
    let error = if e.is_null() {
        e.clone()
    } else {
        json!({"kind": e["kind_name"], "status": e["status"], "message": e["message"], "errors": e["errors"], "retry_after_ms": e["retry_after_ms"]})
    };
    let result = match c["pages"].as_array() {
        Some(pages) => pages.iter().flat_map(|p| p["data"].as_array().cloned().unwrap_or_default()).collect(),
        None => c["result"].clone(),
    };
    json!({"result": result, "error": error})
}

#[test]
fn c_program_against_prism() {
    let (_, prism) = prism::prism();
    let (ops, scenarios) = (spec::operations(), check::scenarios());
    assert_eq!(ops.len(), 19, "the definition should list 19 operations");
    let source = program("contract.c");
    for build in BUILDS.iter().filter(|b| !b.cxx) {
        let exe = compile(&source, *build);
        let proxy = proxy::Proxy::start(*prism, 0, None);
        let lines: String = scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (a, o) = (&s["args"], &s["options"]);
                let headers = o["prefer"].as_u64().map(|code| json!({"Prefer": format!("code={code}")}));
                let options = json!({"max_retries": o["max_retries"].as_u64().unwrap_or(0), "headers": headers.unwrap_or(json!({}))});
                let params = a.get("params").map(Value::to_string).unwrap_or_default();
                let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
                format!("{}/s/{i}\t{}\t{}\t{}\t{params}\t{options}\n", proxy.url(), text(&s["call"]), text(&a["id"]), text(&a["config_id"]))
            })
            .collect();
        let file = exe.with_extension("scenarios");
        std::fs::write(&file, lines).expect("write the scenario file");
        let stdout = run(&exe, &[file.display().to_string()], &[], *build);
        let outcomes: Vec<Value> = stdout.lines().filter(|l| l.starts_with('{')).map(outcome).collect();
        assert_eq!(outcomes.len(), scenarios.len(), "[{}] one outcome per scenario:\n{stdout}", build.name);
        let failed: Vec<String> = scenarios
            .iter()
            .zip(&outcomes)
            .enumerate()
            .filter_map(|(i, (s, outcome))| {
                let failures = check::check(s, outcome, &proxy.exchanges(&i.to_string()), &ops);
                (!failures.is_empty())
                    .then(|| format!("[{}] {}\n  {}", s["name"], outcome, failures.join("\n  ")))
            })
            .collect();
        assert!(
            failed.is_empty(),
            "[{}] {} of {} scenarios failed:\n{}",
            build.name,
            failed.len(),
            scenarios.len(),
            failed.join("\n")
        );
        println!("[{}] all {} scenarios passed", build.name, scenarios.len());
    }
}
