//! Contract: the C program `ffi/tests/c/contract.c` calls the 24 endpoint functions of the C ABI
//! (the 19 operations of the definition) against the Prism mock server serving the official
//! OpenAPI definition, through the recording pass-through of the Rust contract suite.
//!
//! The C program checks results and error kinds; this driver checks what went over the wire:
//! every request Prism found valid (no `sl-violations` header, a 2xx answer) except the ones the
//! program asks to fail (`Prefer: code=N` answered with N, and the short-code update with
//! `"messaging_profile_id": null`, which Prism rejects with 422 "must be string"), the exact
//! number of requests (so the `list_all` iterators that end with `UNEXPECTED_PAGE` stopped after
//! a bounded number of requests), and that the program reached every operation of the
//! definition.
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

#[path = "../../tests/contract/prism.rs"]
mod prism;
#[path = "../../tests/contract/proxy.rs"]
mod proxy;
#[path = "../../tests/contract/spec.rs"]
mod spec;

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};

use c_support::{compile, program, run, BUILDS};
use proxy::{Exchange, Proxy};

/// The requests `contract.c` sends: 39 for the operations, 4 asking for error classes, 1 for an
/// iterator answered 429, 1 for an iterator from page 1 and 2 for each of the 5 iterators
/// started at page 2.
const EXPECTED_REQUESTS: usize = 39 + 4 + 1 + 1 + 2 * 5;

fn wire(exchanges: &[Exchange]) -> String {
    exchanges.iter().map(|e| format!("  {}", e.describe())).collect::<Vec<_>>().join("\n")
}

/// Whether `ex` is the short-code update with `"messaging_profile_id": null`.
fn is_null_unassign(ex: &Exchange) -> bool {
    ex.method == "PATCH"
        && spec::path_matches("/short_codes/{id}", &ex.path)
        && ex.json() == serde_json::json!({"messaging_profile_id": null})
}

/// Checks every exchange of one run of the program; returns the operations it reached.
fn check_exchanges(build: &str, exchanges: &[Exchange]) -> BTreeSet<(String, String)> {
    let defined = spec::operations();
    let mut reached = BTreeSet::new();
    for ex in exchanges {
        assert!(ex.proxy_error.is_none(), "[{build}] the pass-through failed:\n  {}", ex.describe());
        if let Some(prefer) = &ex.prefer {
            let code: u16 = prefer
                .strip_prefix("code=")
                .and_then(|c| c.parse().ok())
                .unwrap_or_else(|| panic!("[{build}] unexpected Prefer header:\n  {}", ex.describe()));
            assert!(
                ex.status == code && ex.violations.is_none(),
                "[{build}] a request asking for HTTP {code} was not answered so, or broke the definition:\n  {}",
                ex.describe()
            );
        } else if is_null_unassign(ex) {
            let violations = ex.violations.as_deref().unwrap_or_default();
            assert!(
                ex.status == 422
                    && violations.contains(r#""location":["request","body","messaging_profile_id"]"#)
                    && violations.contains("must be string"),
                "[{build}] Prism should reject messaging_profile_id null with 422 \"must be string\":\n  {}",
                ex.describe()
            );
        } else {
            assert!(
                (200..300).contains(&ex.status) && ex.violations.is_none(),
                "[{build}] Prism did not accept the request:\n  {}",
                ex.describe()
            );
        }
        let op = defined.iter().find(|(m, t)| *m == ex.method && spec::path_matches(t, &ex.path));
        let op =
            op.unwrap_or_else(|| panic!("[{build}] no operation of the definition:\n  {}", ex.describe()));
        reached.insert(op.clone());
    }
    assert_eq!(
        exchanges.len(),
        EXPECTED_REQUESTS,
        "[{build}] request count (bounded iterators, no retries):\n{}",
        wire(exchanges)
    );
    // Each of the 5 iterators started at page 2 asked for page 3 exactly once, and gave up.
    let page3 = exchanges.iter().filter(|e| e.query.split('&').any(|p| p == "page%5Bnumber%5D=3")).count();
    assert_eq!(page3, 5 + 1, "[{build}] page-3 requests (5 iterators and one page-3 list)");
    let missing: Vec<_> = defined.difference(&reached).collect();
    assert!(missing.is_empty(), "[{build}] operations contract.c never reached: {missing:#?}");
    reached
}

#[test]
fn c_program_against_prism() {
    let (_, prism) = prism::prism();
    assert_eq!(spec::operations().len(), 19, "the definition should list 19 operations");
    let source = program("contract.c");
    for build in BUILDS.iter().filter(|b| !b.cxx) {
        let exe = compile(&source, *build);
        let proxy = Proxy::start(*prism);
        let outcome = catch_unwind(AssertUnwindSafe(|| run(&exe, &[proxy.url()], &[], *build)));
        let exchanges = proxy.exchanges();
        if let Err(panic) = outcome {
            let unclean: Vec<_> = exchanges
                .iter()
                .filter(|e| !(200..300).contains(&e.status) || e.violations.is_some())
                .cloned()
                .collect();
            eprintln!("[{}] requests Prism did not answer with 2xx:\n{}", build.name, wire(&unclean));
            std::panic::resume_unwind(panic);
        }
        let reached = check_exchanges(build.name, &exchanges);
        println!("[{}] {} requests reached all {} operations", build.name, exchanges.len(), reached.len());
    }
}
