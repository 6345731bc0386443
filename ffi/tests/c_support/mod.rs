//! Building and running the C test programs of `ffi/tests/c`, shared by the test crates that
//! drive them (`c_programs.rs` against mockito, `c_contract.rs` against Prism).
//!
//! The libraries are built first with `cargo build -p telnyx-messaging-ffi` in the calling test's
//! profile and target directory, so the tests work on a fresh checkout. With `TELNYX_VALGRIND=1`
//! the C build linked against the shared library runs under
//! `valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=1`.

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn valgrind() -> bool {
    std::env::var("TELNYX_VALGRIND").is_ok_and(|v| v == "1")
}

/// The directory holding `libtelnyx_messaging_ffi.{so,a}` of this test's profile, built once.
pub fn lib_dir() -> &'static Path {
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
pub struct Build {
    pub name: &'static str,
    pub cxx: bool,
    pub shared: bool,
}

pub const BUILDS: [Build; 4] = [
    Build { name: "c-shared", cxx: false, shared: true },
    Build { name: "c-static", cxx: false, shared: false },
    Build { name: "cxx-shared", cxx: true, shared: true },
    Build { name: "cxx-static", cxx: true, shared: false },
];

impl Build {
    /// The build that valgrind checks.
    pub fn under_valgrind(self) -> bool {
        valgrind() && !self.cxx && self.shared
    }
}

/// Compiles `source` (with `ffi/tests/c` and `include` on the include path) and returns the
/// executable.
pub fn compile(source: &Path, build: Build) -> PathBuf {
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
        let loader_dir = soname_dir(lib);
        cc.arg("-L")
            .arg(lib)
            .arg("-ltelnyx_messaging_ffi")
            .arg(format!("-Wl,-rpath,{}", loader_dir.display()));
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

/// A directory holding a link named after the library's SONAME (`libtelnyx_messaging.so.0.1`,
/// set by ffi/build.rs, the name `make -C ffi install` installs it as) to the cargo build:
/// programs linked against `libtelnyx_messaging_ffi.so` ask the loader for that name.
pub fn soname_dir(lib: &Path) -> PathBuf {
    let library = lib.join("libtelnyx_messaging_ffi.so");
    let out = Command::new("readelf").arg("-d").arg(&library).output().expect("run readelf");
    let dynamic = String::from_utf8_lossy(&out.stdout);
    let soname = dynamic
        .lines()
        .find_map(|line| line.split_once("Library soname: [")?.1.strip_suffix(']'))
        .unwrap_or_else(|| panic!("{} has no SONAME:\n{dynamic}", library.display()));
    let dir = lib.join("c-tests").join("soname");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join(soname);
    // Test binaries run in parallel may race to create it: one that exists is the same link.
    match std::os::unix::fs::symlink(&library, &link) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => panic!("symlink {}: {e}", link.display()),
        _ => {}
    }
    dir
}

/// Runs `exe` with `args` (under valgrind for the valgrind build) and fails on a non-zero exit.
pub fn run(exe: &Path, args: &[String], env: &[(&str, String)], build: Build) -> String {
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
    stdout.into_owned()
}

pub fn program(name: &str) -> PathBuf {
    manifest_dir().join("tests/c").join(name)
}
