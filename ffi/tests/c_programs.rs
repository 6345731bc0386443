//! The C test programs of `ffi/tests/c`, compiled against the committed header and run against
//! mockito servers with exact expectations.
//!
//! The C ABI returns results as the JSON text the server sent (a single resource's `data` member,
//! a list's whole body), so the mock bodies here are compact JSON that the C programs compare
//! byte for byte, and a few are deliberately unlike a re-serialization of the model (key order,
//! whitespace, `2` for a float, unknown members) to show that the text is passed through.
//!
//! Each program is built four ways: C (`cc -std=c99 -Wall -Wextra -Werror -pedantic`) and C++
//! (`c++ -x c++ -Wall -Wextra -Werror`), each linked against the shared library (with an rpath)
//! and against the static library (`-lpthread -ldl -lm`). The libraries are built first with
//! `cargo build -p telnyx-messaging-ffi` in this test's profile and target directory, so the test
//! works on a fresh checkout (see the shared module `c_support`).
//!
//! With `TELNYX_VALGRIND=1` the C build linked against the shared library runs under
//! `valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1`, and
//! the thread program makes fewer calls (8 threads x 25 instead of 8 x 1000) to keep it quick.

mod c_support;

use std::net::TcpListener;

use c_support::{compile, manifest_dir, program, run, Build, BUILDS};
use mockito::{Matcher, Mock, Server, ServerGuard};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Builds `source` every way and runs it against a fresh server set up by `mocks` for each
/// build, then checks every expectation of the server.
fn run_every_build(
    source: &str,
    mocks: impl Fn(&mut ServerGuard, Build) -> Vec<Mock>,
    args: impl Fn(&ServerGuard, Build) -> Vec<String>,
) {
    let source = program(source);
    for build in BUILDS {
        let exe = compile(&source, build);
        let mut server = Server::new();
        let mocks = mocks(&mut server, build);
        run(&exe, &args(&server, build), &[], build);
        for mock in mocks {
            mock.assert();
        }
    }
}

/// A mock of `method path` (path with its exact query) answering `status` with a JSON `body`,
/// expected exactly once with the test API key.
fn mock(server: &mut ServerGuard, method: &str, path: &str, status: usize, body: &str) -> Mock {
    server
        .mock(method, path)
        .match_header("authorization", "Bearer test-key")
        .match_header("accept", "application/json")
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
}

#[test]
fn basics() {
    run_every_build(
        "basics.c",
        |server, _| {
            vec![
                server
                    .mock("GET", "/messaging_profiles/env-client")
                    .match_header("authorization", "Bearer env-key")
                    .with_body(r#"{"data":{"id":"env-client"}}"#)
                    .expect(1)
                    .create(),
                mock(server, "GET", "/messaging_profiles/derived", 200, r#"{"data":{"id":"derived"}}"#)
                    .match_header("x-trace", "abc")
                    .create(),
            ]
        },
        |server, _| vec![server.url(), VERSION.into()],
    );
}

/// `mock` for a request with this JSON body.
fn mock_body(server: &mut ServerGuard, method: &str, path: &str, request: &str, response: &str) -> Mock {
    mock(server, method, path, 200, response)
        .match_header("content-type", "application/json")
        .match_body(Matcher::JsonString(request.into()))
}

/// `mock` for a request without a body.
fn mock_get(server: &mut ServerGuard, method: &str, path: &str, response: &str) -> Mock {
    mock(server, method, path, 200, response).match_header("content-type", Matcher::Missing).match_body("")
}

const PROFILE: &str = r#"{"id":"p1","record_type":"messaging_profile","name":"Alerts","webhook_url":null,"v1_secret":"s3cr3t"}"#;

/// The `raw` profile of `endpoints.c`, whose result must be this text byte for byte: keys in no
/// model order, a space after one colon, `2` for the float `toll_free_weight` (a re-serialization
/// would write `2.0`), a `null`, and an unknown member.
const RAW_PROFILE: &str = r#"{"webhook_url":null,"name": "Raw","id":"raw","number_pool_settings":{"toll_free_weight":2,"long_code_weight":0.5,"skip_unhealthy":false},"future_member":{"nested":[1,"x",null]},"record_type":"messaging_profile"}"#;

#[test]
fn endpoints() {
    let data = |object: &str| format!(r#"{{"data":{object}}}"#);
    let config = r#"{"id":"c1","op":"start","keywords":["START"],"country_code":"US","resp_text":"Hi","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"#;
    let stopped = config.replace(r#""op":"start""#, r#""op":"stop""#);
    let meta1 = r#"{"page_number":1,"page_size":20,"total_pages":1,"total_results":1}"#;
    let short_code = r#"{"id":"s1","short_code":"12345","messaging_profile_id":null}"#;
    run_every_build(
        "endpoints.c",
        |s, _| {
            vec![
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles?filter%5Bname%5D%5Bcontains%5D=Al&page%5Bnumber%5D=2&page%5Bsize%5D=5",
                    &format!(
                        r#"{{"data":[{PROFILE}],"meta":{{"page_number":2,"page_size":5,"total_pages":3,"total_results":11}}}}"#
                    ),
                ),
                mock_body(
                    s,
                    "POST",
                    "/messaging_profiles",
                    r#"{"name": "Alerts", "whitelisted_destinations": ["US", "*"], "enabled": true}"#,
                    &data(PROFILE),
                ),
                mock_get(s, "GET", "/messaging_profiles/p%2F1%20%3F%23", &data(PROFILE)),
                // The envelope around `data` has spaces and a trailing newline: only the member
                // itself comes back.
                mock_get(s, "GET", "/messaging_profiles/raw", &format!("{{ \"data\" : {RAW_PROFILE} }}\n")),
                mock_body(
                    s,
                    "PATCH",
                    "/messaging_profiles/p1",
                    r#"{"name": "New", "webhook_url": null}"#,
                    &data(PROFILE),
                ),
                mock_get(s, "DELETE", "/messaging_profiles/p1", &data(PROFILE)),
                mock_get(s, "POST", "/messaging_profiles/p1/actions/regenerate_secret", &data(PROFILE)),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/phone_numbers?page%5Bsize%5D=2",
                    r#"{"data":[{"id":"1293384261075731499","phone_number":"+18005550100","messaging_profile_id":"p1","type":"longcode"}]}"#,
                ),
                mock_get(s, "GET", "/messaging_profiles/p1/short_codes", &format!(r#"{{"data":[{short_code}]}}"#)),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/alphanumeric_sender_ids?page%5Bnumber%5D=1",
                    r#"{"data":[{"id":"a1","alphanumeric_sender_id":"ACME"}]}"#,
                ),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/metrics?time_frame=7d",
                    r#"{"data":{"overview":{"messages":{"sent":10}}}}"#,
                ),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/autoresp_configs?country_code=US&created_at%5Bgte%5D=2024-01-01",
                    &format!(r#"{{"data":[{config}],"meta":{meta1}}}"#),
                ),
                mock_body(
                    s,
                    "POST",
                    "/messaging_profiles/p1/autoresp_configs",
                    r#"{"op": "start", "keywords": ["START"], "country_code": "US", "resp_text": "Hi"}"#,
                    &data(config),
                ),
                mock_get(s, "GET", "/messaging_profiles/p1/autoresp_configs/c1", &data(config)),
                mock_body(
                    s,
                    "PUT",
                    "/messaging_profiles/p1/autoresp_configs/c1",
                    r#"{"op": "stop", "keywords": ["STOP"], "country_code": "*"}"#,
                    &data(&stopped),
                ),
                mock_get(s, "DELETE", "/messaging_profiles/p1/autoresp_configs/c1", r#""OK""#),
                mock_get(
                    s,
                    "GET",
                    "/short_codes?filter%5Bmessaging_profile_id%5D=null",
                    &format!(r#"{{"data":[{short_code}],"meta":{meta1}}}"#),
                ),
                mock_get(s, "GET", "/short_codes/s1", &data(short_code)),
                mock_body(
                    s,
                    "PATCH",
                    "/short_codes/s1",
                    r#"{"messaging_profile_id": null, "tags": ["a"]}"#,
                    &data(short_code),
                ),
                mock_body(
                    s,
                    "PATCH",
                    "/short_codes/s2",
                    r#"{"messaging_profile_id": ""}"#,
                    r#"{"data":{"id":"s2","messaging_profile_id":""}}"#,
                ),
                mock_get(s, "GET", "/messaging_profile_metrics", r#"{"data":[{"profile":"p1","sent":1}]}"#),
            ]
            .into_iter()
            .map(Mock::create)
            .collect()
        },
        |s, _| vec![s.url()],
    );
}

#[test]
fn errors() {
    let detail = |code: &str| format!(r#"{{"errors":[{{"code":"{code}","title":"t","detail":"d"}}]}}"#);
    // Accepts connections (the kernel completes the handshake) and never answers; closed at
    // the end of the test. Each run leaves two connections in its backlog.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());
    run_every_build(
        "errors.c",
        |s, _| {
            let mut mocks = vec![
                mock(
                    s,
                    "GET",
                    "/messaging_profiles/s400",
                    400,
                    r#"{"errors":[{"code":"10015","title":"Invalid name","detail":"too long","source":{"pointer":"/name"}}]}"#,
                )
                .with_header("x-request-id", "req-400")
                .with_header("x-ratelimit-limit", "100")
                .with_header("x-ratelimit-remaining", "99"),
                mock(s, "GET", "/messaging_profiles/s404", 404, "<html>Not Found</html>")
                    .with_header("content-type", "text/html"),
                mock(s, "GET", "/messaging_profiles/s429", 429, &detail("10011"))
                    .with_header("retry-after", "3"),
                mock(
                    s,
                    "GET",
                    "/messaging_profiles/decode",
                    200,
                    r#"{"data":{"id":"p1","v1_secret":"hunter2""#,
                ),
                mock(
                    s,
                    "GET",
                    "/short_codes?filter%5Bmessaging_profile_id%5D=loop&page%5Bsize%5D=250&page%5Bnumber%5D=1",
                    200,
                    r#"{"data":[{"id":"s1"}],"meta":{"page_number":1,"page_size":1,"total_pages":3,"total_results":3}}"#,
                ),
                mock(
                    s,
                    "GET",
                    "/short_codes?filter%5Bmessaging_profile_id%5D=loop&page%5Bsize%5D=250&page%5Bnumber%5D=2",
                    200,
                    r#"{"data":[{"id":"s1"}],"meta":{"page_number":1,"page_size":1,"total_pages":3,"total_results":3}}"#,
                ),
            ];
            for status in [401, 403, 409, 422, 500, 503, 418] {
                let path = format!("/messaging_profiles/s{status}");
                let code = if status == 422 { "10005" } else { "10000" };
                mocks.push(mock(s, "GET", &path, status, &detail(code)));
            }
            mocks.into_iter().map(Mock::create).collect()
        },
        |s, _| vec![s.url(), closed_port_url(), silent_url.clone()],
    );
    drop(silent);
}

/// A page of `ids` with its `meta`, as compact JSON.
fn page(ids: &[&str], number: u64, size: u64, total_pages: u64, total: u64) -> String {
    let data: Vec<String> = ids.iter().map(|id| format!(r#"{{"id":"{id}"}}"#)).collect();
    format!(
        r#"{{"data":[{}],"meta":{{"page_number":{number},"page_size":{size},"total_pages":{total_pages},"total_results":{total}}}}}"#,
        data.join(",")
    )
}

/// Page 1 of the profiles of `pagination.c`, whose page string must be this body byte for byte:
/// `meta` before `data`, spaces, `1` and `0` for float weights, a `null` and an unknown member.
const RAW_PAGE: &str = r#"{"meta": {"total_results": 5, "page_number": 1, "page_size": 2, "total_pages": 3}, "data": [{"id": "p1", "number_pool_settings": {"long_code_weight": 1, "toll_free_weight": 0, "skip_unhealthy": true}}, {"id": "p2", "alpha_sender": null, "x_future": {"kept": true}}]}"#;

#[test]
fn pagination() {
    run_every_build(
        "pagination.c",
        |s, _| {
            let profiles = "/messaging_profiles?filter%5Bname%5D=A&page%5Bsize%5D=2&page%5Bnumber%5D=";
            let numbers = "/messaging_profiles/p1/phone_numbers?page%5Bsize%5D=250&page%5Bnumber%5D=";
            vec![
                mock_get(s, "GET", &format!("{profiles}1"), RAW_PAGE),
                mock_get(s, "GET", &format!("{profiles}2"), &page(&["p3", "p4"], 2, 2, 3, 5)),
                mock_get(s, "GET", &format!("{profiles}3"), &page(&["p5"], 3, 2, 3, 5)),
                mock_get(s, "GET", &format!("{numbers}1"), &page(&["n1"], 1, 1, 2, 2)),
                mock_get(s, "GET", &format!("{numbers}2"), &page(&["n2"], 2, 1, 2, 2)),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/short_codes?page%5Bsize%5D=1&page%5Bnumber%5D=2",
                    &page(&["s3"], 2, 1, 2, 2),
                ),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/alphanumeric_sender_ids?page%5Bsize%5D=250&page%5Bnumber%5D=1",
                    &page(&[], 1, 20, 0, 0),
                ),
                mock_get(
                    s,
                    "GET",
                    "/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=1",
                    r#"{"data":[{"id":"s9","messaging_profile_id":null}]}"#,
                ),
            ]
            .into_iter()
            .map(Mock::create)
            .collect()
        },
        |s, _| vec![s.url()],
    );
}

#[test]
fn threads() {
    run_every_build(
        "threads.c",
        |s, build| {
            let calls = thread_calls(build);
            vec![mock_get(
                s,
                "GET",
                "/messaging_profiles/shared",
                r#"{"data":{"id":"shared","name":"Shared"}}"#,
            )
            .expect(8 * calls)
            .create()]
        },
        |s, build| vec![s.url(), thread_calls(build).to_string()],
    );
}

/// `mock.c`: the in-process mock (`telnyx_mock_*`), which the program starts itself: no server
/// here.
#[test]
fn in_process_mock() {
    let source = program("mock.c");
    for build in BUILDS {
        let exe = compile(&source, build);
        let out = run(&exe, &[], &[], build);
        assert!(out.contains("mock: all checks passed"), "{out}");
    }
}

/// Calls per thread: 1,000 in the C builds, 200 in the C++ builds (the same code, to save
/// time), 25 under valgrind (which is some 50 times slower).
fn thread_calls(build: Build) -> usize {
    if build.under_valgrind() {
        25
    } else if build.cxx {
        200
    } else {
        1000
    }
}

/// A port nothing listens on.
fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

/// `examples/c/profiles.c` compiles with both linkings, and runs against a mock server, never
/// printing a `v1_secret`.
#[test]
fn example_profiles() {
    let source = manifest_dir().join("../examples/c/profiles.c");
    for build in BUILDS.iter().filter(|b| !b.cxx) {
        let exe = compile(&source, *build);
        if !build.shared {
            continue;
        }
        let mut s = Server::new();
        // Spaced like a server may send it: the example reads the id from the server's own text.
        let profile =
            r#"{"data": {"name": "C example", "id" : "ex1", "v1_secret" : "s3cr\"et", "note": "v1_secret"}}"#;
        let mocks: Vec<Mock> = vec![
            mock_get(
                &mut s,
                "GET",
                "/messaging_profiles?page%5Bsize%5D=20&page%5Bnumber%5D=1",
                &page(&["a", "b"], 1, 20, 1, 2),
            ),
            mock_body(
                &mut s,
                "POST",
                "/messaging_profiles",
                r#"{"name": "C example", "whitelisted_destinations": ["US"],
                    "webhook_url": "https://example.com/hooks"}"#,
                profile,
            ),
            mock_body(
                &mut s,
                "PATCH",
                "/messaging_profiles/ex1",
                r#"{"name": "C example (renamed)", "webhook_url": null}"#,
                profile,
            ),
            mock_get(&mut s, "DELETE", "/messaging_profiles/ex1", profile),
        ]
        .into_iter()
        .map(Mock::create)
        .collect();
        let env = [("TELNYX_API_KEY", "test-key".to_string()), ("TELNYX_BASE_URL", s.url())];
        let out = run(&exe, &[], &env, *build);
        assert!(!out.contains("s3cr"), "the example printed v1_secret:\n{out}");
        assert_eq!(out.matches(r#""v1_secret" : "[redacted]""#).count(), 3, "{out}");
        let deleted = r#"deleted: {"name": "C example", "id" : "ex1", "v1_secret" : "[redacted]", "note": "v1_secret"}"#;
        assert!(out.contains(deleted), "{out}");
        for mock in mocks {
            mock.assert();
        }
    }
}
