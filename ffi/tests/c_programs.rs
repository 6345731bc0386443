//! The C test programs of `ffi/tests/c`, compiled against the committed header and run against
//! mockito servers with exact expectations.
//!
//! Each program is built four ways: C (`cc -std=c99 -Wall -Wextra -Werror -pedantic`) and C++
//! (`c++ -x c++ -Wall -Wextra -Werror`), each linked against the shared library (with an rpath)
//! and against the static library (`-lpthread -ldl -lm`). The libraries are built first with
//! `cargo build -p telnyx-messaging-ffi` in this test's profile and target directory, so the test
//! works on a fresh checkout.
//!
//! With `TELNYX_VALGRIND=1` the C build linked against the shared library runs under
//! `valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1`, and
//! the thread program makes fewer calls (8 threads x 25 instead of 8 x 1000) to keep it quick.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

use mockito::{Matcher, Mock, Server, ServerGuard};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn valgrind() -> bool {
    std::env::var("TELNYX_VALGRIND").is_ok_and(|v| v == "1")
}

/// The directory holding `libtelnyx_messaging_ffi.{so,a}` of this test's profile, built once.
fn lib_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // This test runs as <target>/<profile>/deps/c_programs-<hash>.
        let exe = std::env::current_exe().expect("current_exe");
        let profile_dir = exe.parent().and_then(Path::parent).expect("<target>/<profile>").to_path_buf();
        let target_dir = profile_dir.parent().expect("<target>");
        let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cargo
            .args(["build", "-p", "telnyx-messaging-ffi", "--lib", "--manifest-path"])
            .arg(manifest_dir().join("Cargo.toml"));
        // Drop what `cargo test` set for this process (CARGO_PKG_*, CARGO_MANIFEST_DIR, ...), so
        // that the build sees the same environment as a `cargo build` from a shell and reuses it.
        for (name, _) in std::env::vars_os() {
            let name = name.to_string_lossy();
            let keep = [
                "CARGO_HOME",
                "CARGO_BUILD_",
                "CARGO_NET_",
                "CARGO_REGISTR",
                "CARGO_PROFILE_",
                "CARGO_HTTP_",
            ]
            .iter()
            .any(|prefix| name.starts_with(prefix));
            if (name.starts_with("CARGO_") && !keep) || name == "OUT_DIR" {
                cargo.env_remove(&*name);
            }
        }
        cargo.env("CARGO_TARGET_DIR", target_dir);
        match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") => {}
            Some("release") => {
                cargo.arg("--release");
            }
            Some(other) => {
                cargo.args(["--profile", other]);
            }
            None => panic!("unexpected test location {}", exe.display()),
        }
        let status = cargo.status().expect("run cargo build");
        assert!(status.success(), "cargo build -p telnyx-messaging-ffi failed");
        for lib in ["libtelnyx_messaging_ffi.so", "libtelnyx_messaging_ffi.a"] {
            assert!(profile_dir.join(lib).exists(), "{lib} not found in {}", profile_dir.display());
        }
        profile_dir
    })
}

/// How a program is compiled and linked.
#[derive(Clone, Copy, Debug)]
struct Build {
    name: &'static str,
    cxx: bool,
    shared: bool,
}

const BUILDS: [Build; 4] = [
    Build { name: "c-shared", cxx: false, shared: true },
    Build { name: "c-static", cxx: false, shared: false },
    Build { name: "cxx-shared", cxx: true, shared: true },
    Build { name: "cxx-static", cxx: true, shared: false },
];

impl Build {
    /// The build that valgrind checks.
    fn under_valgrind(self) -> bool {
        valgrind() && !self.cxx && self.shared
    }
}

/// Compiles `source` (with `ffi/tests/c` and `include` on the include path) and returns the
/// executable.
fn compile(source: &Path, build: Build) -> PathBuf {
    let lib = lib_dir();
    let out_dir = lib.join("c-tests").join(build.name);
    std::fs::create_dir_all(&out_dir).unwrap();
    let exe = out_dir.join(source.file_stem().unwrap());
    let mut cc = if build.cxx {
        let mut cc = Command::new("c++");
        cc.args(["-x", "c++", "-Wall", "-Wextra", "-Werror"]);
        cc
    } else {
        let mut cc = Command::new("cc");
        cc.args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"]);
        cc
    };
    cc.arg("-g")
        .arg("-I")
        .arg(manifest_dir().join("../include"))
        .arg("-I")
        .arg(manifest_dir().join("tests/c"));
    cc.arg(source).arg("-o").arg(&exe);
    if build.cxx {
        cc.args(["-x", "none"]); // what follows is not C++ source
    }
    if build.shared {
        cc.arg("-L").arg(lib).arg("-ltelnyx_messaging_ffi").arg(format!("-Wl,-rpath,{}", lib.display()));
        cc.arg("-lpthread");
    } else {
        cc.arg(lib.join("libtelnyx_messaging_ffi.a")).args(["-lpthread", "-ldl", "-lm"]);
    }
    let output = cc.output().expect("run the C compiler");
    assert!(
        output.status.success(),
        "{} build of {} failed:\n{:?}\n{}",
        build.name,
        source.display(),
        cc,
        String::from_utf8_lossy(&output.stderr)
    );
    exe
}

/// Runs `exe` with `args` (under valgrind for the valgrind build) and fails on a non-zero exit.
fn run(exe: &Path, args: &[String], env: &[(&str, String)], build: Build) {
    let mut cmd = if build.under_valgrind() {
        let mut cmd = Command::new("valgrind");
        cmd.args([
            "--quiet",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect",
            "--error-exitcode=1",
        ]);
        cmd.arg(exe);
        cmd
    } else {
        Command::new(exe)
    };
    cmd.args(args).env_remove("TELNYX_API_KEY").env_remove("TELNYX_BASE_URL").env("NO_PROXY", "*");
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().map(|(k, v)| (k, v)));
    let started = Instant::now();
    let output = cmd.output().unwrap_or_else(|e| {
        let hint = if build.under_valgrind() { " (TELNYX_VALGRIND=1 needs valgrind installed)" } else { "" };
        panic!("could not run {}: {e}{hint}", exe.display())
    });
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("[{} {:?}] {}{}", build.name, started.elapsed(), stdout, stderr);
    assert!(
        output.status.success(),
        "{} ({}) failed with {}:\n{stdout}\n{stderr}",
        exe.display(),
        build.name,
        output.status
    );
}

fn program(name: &str) -> PathBuf {
    manifest_dir().join("tests/c").join(name)
}

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
                    .with_body(r#"{"data": {"id": "env-client"}}"#)
                    .expect(1)
                    .create(),
                mock(server, "GET", "/messaging_profiles/derived", 200, r#"{"data": {"id": "derived"}}"#)
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

const PROFILE: &str = r#"{"id": "p1", "record_type": "messaging_profile", "name": "Alerts", "webhook_url": null,
    "v1_secret": "s3cr3t"}"#;

#[test]
fn endpoints() {
    let data = |object: &str| format!(r#"{{"data": {object}}}"#);
    let config = r#"{"id": "c1", "op": "start", "keywords": ["START"], "country_code": "US", "resp_text": "Hi",
        "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"}"#;
    let stopped = config.replace(r#""op": "start""#, r#""op": "stop""#);
    let meta1 = r#"{"page_number": 1, "page_size": 20, "total_pages": 1, "total_results": 1}"#;
    let short_code = r#"{"id": "s1", "short_code": "12345", "messaging_profile_id": null}"#;
    run_every_build(
        "endpoints.c",
        |s, _| {
            vec![
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles?filter%5Bname%5D%5Bcontains%5D=Al&page%5Bnumber%5D=2&page%5Bsize%5D=5",
                    &format!(
                        r#"{{"data": [{PROFILE}], "meta": {{"page_number": 2, "page_size": 5, "total_pages": 3,
                        "total_results": 11}}}}"#
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
                    r#"{"data": [{"id": "1293384261075731499", "phone_number": "+18005550100",
                        "messaging_profile_id": "p1", "type": "longcode"}]}"#,
                ),
                mock_get(s, "GET", "/messaging_profiles/p1/short_codes", &format!(r#"{{"data": [{short_code}]}}"#)),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/alphanumeric_sender_ids?page%5Bnumber%5D=1",
                    r#"{"data": [{"id": "a1", "alphanumeric_sender_id": "ACME"}]}"#,
                ),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/metrics?time_frame=7d",
                    r#"{"data": {"overview": {"messages": {"sent": 10}}}}"#,
                ),
                mock_get(
                    s,
                    "GET",
                    "/messaging_profiles/p1/autoresp_configs?country_code=US&created_at%5Bgte%5D=2024-01-01",
                    &format!(r#"{{"data": [{config}], "meta": {meta1}}}"#),
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
                    &format!(r#"{{"data": [{short_code}], "meta": {meta1}}}"#),
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
                    r#"{"data": {"id": "s2", "messaging_profile_id": ""}}"#,
                ),
                mock_get(s, "GET", "/messaging_profile_metrics", r#"{"data": [{"profile": "p1", "sent": 1}]}"#),
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
    let detail = |code: &str| format!(r#"{{"errors": [{{"code": "{code}", "title": "t", "detail": "d"}}]}}"#);
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
                    r#"{"errors": [{"code": "10015", "title": "Invalid name", "detail": "too long",
                        "source": {"pointer": "/name"}}]}"#,
                )
                .with_header("x-request-id", "req-400"),
                mock(s, "GET", "/messaging_profiles/s404", 404, "<html>Not Found</html>")
                    .with_header("content-type", "text/html"),
                mock(s, "GET", "/messaging_profiles/s429", 429, &detail("10011"))
                    .with_header("retry-after", "3"),
                mock(
                    s,
                    "GET",
                    "/messaging_profiles/decode",
                    200,
                    r#"{"data": {"id": 5, "v1_secret": "hunter2"}}"#,
                ),
                mock(
                    s,
                    "GET",
                    "/short_codes?filter%5Bmessaging_profile_id%5D=loop&page%5Bnumber%5D=1",
                    200,
                    r#"{"data": [{"id": "s1"}], "meta": {"page_number": 1, "page_size": 1, "total_pages": 3,
                        "total_results": 3}}"#,
                ),
                mock(
                    s,
                    "GET",
                    "/short_codes?filter%5Bmessaging_profile_id%5D=loop&page%5Bnumber%5D=2",
                    200,
                    r#"{"data": [{"id": "s1"}], "meta": {"page_number": 1, "page_size": 1, "total_pages": 3,
                        "total_results": 3}}"#,
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

/// A page of `ids` with its `meta`.
fn page(ids: &[&str], number: u64, size: u64, total_pages: u64, total: u64) -> String {
    let data: Vec<String> = ids.iter().map(|id| format!(r#"{{"id": "{id}"}}"#)).collect();
    format!(
        r#"{{"data": [{}], "meta": {{"page_number": {number}, "page_size": {size}, "total_pages": {total_pages},
            "total_results": {total}}}}}"#,
        data.join(", ")
    )
}

#[test]
fn pagination() {
    run_every_build(
        "pagination.c",
        |s, _| {
            let profiles = "/messaging_profiles?filter%5Bname%5D=A&page%5Bsize%5D=2&page%5Bnumber%5D=";
            let numbers = "/messaging_profiles/p1/phone_numbers?page%5Bnumber%5D=";
            vec![
                mock_get(s, "GET", &format!("{profiles}1"), &page(&["p1", "p2"], 1, 2, 3, 5)),
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
                    "/messaging_profiles/p1/alphanumeric_sender_ids?page%5Bnumber%5D=1",
                    &page(&[], 1, 20, 0, 0),
                ),
                mock_get(
                    s,
                    "GET",
                    "/short_codes?page%5Bnumber%5D=1",
                    r#"{"data": [{"id": "s9", "messaging_profile_id": null}]}"#,
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
                r#"{"data": {"id": "shared", "name": "Shared"}}"#,
            )
            .expect(8 * calls)
            .create()]
        },
        |s, build| vec![s.url(), thread_calls(build).to_string()],
    );
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

/// `examples/c/profiles.c` compiles with both linkings, and runs against a mock server.
#[test]
fn example_profiles() {
    let source = manifest_dir().join("../examples/c/profiles.c");
    for build in BUILDS.iter().filter(|b| !b.cxx) {
        let exe = compile(&source, *build);
        if !build.shared {
            continue;
        }
        let mut s = Server::new();
        let profile = r#"{"data": {"id": "ex1", "name": "C example"}}"#;
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
        run(&exe, &[], &env, *build);
        for mock in mocks {
            mock.assert();
        }
    }
}
