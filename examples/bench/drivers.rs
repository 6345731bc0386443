//! The clients under test and how to start each one in its own process: the Rust client and the
//! floor (this binary, `--child`), the C driver (`c/bench.c`, compiled here with `cc` against the
//! header and the release static library), the Python driver (`python/bench.py`, using
//! `ffi/python`) and the Go driver (`go/`, its own module with a `replace` of `ffi/go`).
//!
//! A language whose binding is missing or does not build is skipped with the reason.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::child::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Floor,
    Rust,
    C,
    Python,
    /// A raw `http.client` + `json.loads` loop doing the same requests: the Python target.
    PythonRaw,
    Go,
    /// Realistic network only: the Rust client with read-ahead.
    RustAhead,
    /// Realistic network only: what the official SDKs do (page size 20, no gzip, no read-ahead).
    Paged20,
}

impl Lang {
    /// The clients of the loopback table.
    pub const ALL: [Lang; 6] = [Lang::Floor, Lang::Rust, Lang::C, Lang::Python, Lang::PythonRaw, Lang::Go];
    /// The clients of the realistic-network table.
    pub const NETWORK: [Lang; 3] = [Lang::Paged20, Lang::Rust, Lang::RustAhead];

    pub fn from_arg(arg: &str) -> Option<Lang> {
        match arg {
            "floor" => Some(Lang::Floor),
            "rust" => Some(Lang::Rust),
            "c" => Some(Lang::C),
            "python" => Some(Lang::Python),
            "python-raw" => Some(Lang::PythonRaw),
            "go" => Some(Lang::Go),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Floor => "floor (ureq + Value)",
            Lang::Rust => "Rust client",
            Lang::C => "C ABI",
            Lang::Python => "Python binding",
            Lang::PythonRaw => "raw Python (http.client + json)",
            Lang::Go => "Go binding",
            Lang::RustAhead => "Rust client, read-ahead on",
            Lang::Paged20 => "server-default pager (20/page, no gzip)",
        }
    }

    /// How a ratio names this client as its reference.
    pub fn short(self) -> &'static str {
        match self {
            Lang::Floor => "floor",
            Lang::Rust => "Rust",
            Lang::C => "C",
            Lang::Python => "Python",
            Lang::PythonRaw => "raw Python",
            Lang::Go => "Go",
            Lang::RustAhead => "read-ahead",
            Lang::Paged20 => "pager",
        }
    }
}

/// A prepared client: the program to run and its fixed arguments and environment. Every driver
/// takes `<scenario> <base_url> <runs>` after the fixed arguments.
pub struct Driver {
    program: PathBuf,
    args: Vec<String>,
    env: Vec<(String, String)>,
    dir: Option<PathBuf>,
}

impl Driver {
    pub fn prepare(lang: Lang) -> Result<Driver, String> {
        let me = std::env::current_exe().map_err(|e| format!("no current exe: {e}"))?;
        let here = |args: &[&str]| Driver {
            program: me.clone(),
            args: args.iter().map(|s| s.to_string()).collect(),
            env: Vec::new(),
            dir: None,
        };
        match lang {
            Lang::Floor => Ok(here(&["--child", "floor"])),
            Lang::Rust => Ok(here(&["--child", "rust"])),
            Lang::RustAhead => Ok(here(&["--child", "rust-ahead"])),
            Lang::Paged20 => Ok(here(&["--child", "paged20"])),
            Lang::C => prepare_c(),
            Lang::Python => prepare_python("bench.py"),
            Lang::PythonRaw => prepare_python("raw.py"),
            Lang::Go => prepare_go(),
        }
    }

    pub fn command(&self, scenario: Scenario, base_url: &str, runs: usize) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args).arg(scenario.arg()).arg(base_url).arg(runs.to_string());
        command.envs(self.env.iter().map(|(k, v)| (k, v)));
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command
    }
}

/// The workspace root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The target directory this binary was built in (`<target>/release/examples/bench`).
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        let dir = PathBuf::from(dir);
        return if dir.is_absolute() { dir } else { root().join(dir) };
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| root().join("target"))
}

/// Where the benchmark installs the C library (`make -C ffi install`) for the Go driver.
fn install_prefix() -> PathBuf {
    target_dir().join("bench-prefix")
}

pub fn shared_library() -> PathBuf {
    target_dir().join("release/libtelnyx_messaging_ffi.so")
}

fn static_library() -> PathBuf {
    target_dir().join("release/libtelnyx_messaging_ffi.a")
}

fn bench_dir() -> PathBuf {
    root().join("examples/bench")
}

/// Where compiled drivers go.
fn out_dir() -> Result<PathBuf, String> {
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

fn header() -> PathBuf {
    root().join("include/telnyx_messaging.h")
}

/// Runs a build step; on failure the error is the last lines of its output.
fn build_step(mut command: Command, what: &str) -> Result<(), String> {
    command.stdin(Stdio::null());
    let output =
        command.output().map_err(|e| format!("{what}: cannot run {:?}: {e}", command.get_program()))?;
    if output.status.success() {
        return Ok(());
    }
    let text =
        String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout);
    let tail: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).rev().take(3).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    Err(format!("{what} failed: {}", tail.join(" / ").replace('|', "/")))
}

/// Builds the release C library once (static and shared) when the C ABI exists.
fn ffi_library() -> Result<(), String> {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let header = std::fs::read_to_string(header())
                .map_err(|_| "the C ABI is not available yet (no include/telnyx_messaging.h)".to_string())?;
            for function in [
                "telnyx_client_new",
                "telnyx_messaging_profiles_list_all",
                "telnyx_page_iter_next",
                "telnyx_messaging_profiles_create",
                "telnyx_messaging_profiles_retrieve",
            ] {
                if !header.contains(function) {
                    return Err(format!("the C ABI is not complete yet ({function} is not in the header)"));
                }
            }
            // Builds the release library and installs it where the Go driver's pkg-config finds it.
            eprintln!("bench: make -C ffi install PREFIX={}", install_prefix().display());
            let mut command = Command::new("make");
            command
                .current_dir(root())
                .args(["-C", "ffi", "install"])
                .arg(format!("PREFIX={}", install_prefix().display()));
            build_step(command, "make -C ffi install")?;
            if !static_library().exists() || !shared_library().exists() {
                return Err("the ffi build produced no libtelnyx_messaging_ffi.a / .so".into());
            }
            Ok(())
        })
        .clone()
}

fn prepare_c() -> Result<Driver, String> {
    ffi_library()?;
    let exe = out_dir()?.join("bench_c");
    let mut cc = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()));
    cc.arg("-std=c99")
        .arg("-O2")
        .args(["-Wall", "-Wextra", "-Werror"])
        .arg("-I")
        .arg(root().join("include"))
        .arg(bench_dir().join("c/bench.c"))
        .arg(static_library())
        .args(["-lpthread", "-ldl", "-lm", "-lgcc_s", "-o"])
        .arg(&exe);
    build_step(cc, "cc c/bench.c")?;
    Ok(Driver { program: exe, args: Vec::new(), env: Vec::new(), dir: None })
}

fn prepare_python(script: &str) -> Result<Driver, String> {
    let package = root().join("ffi/python/telnyx_messaging/__init__.py");
    if !package.exists() {
        return Err(
            "the Python binding is not available yet (no ffi/python/telnyx_messaging/__init__.py)".into()
        );
    }
    ffi_library()?;
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let mut check = Command::new(&python);
    check.args(["-c", "import sys; assert sys.version_info >= (3, 8)"]);
    build_step(check, "python3")?;
    // Bytecode compiled ahead into the package's __pycache__ (ignored by git), as `pip install`
    // does, so that the import time measured is not the compiler's. (PYTHONPYCACHEPREFIX would
    // move the standard library's bytecode too, and so recompile it at every start.)
    let mut compile = Command::new(&python);
    compile.args(["-m", "compileall", "-q"]).arg(root().join("ffi/python/telnyx_messaging"));
    compile.env_remove("PYTHONDONTWRITEBYTECODE");
    build_step(compile, "python3 -m compileall (ffi/python)")?;
    Ok(Driver {
        program: PathBuf::from(python),
        args: vec![bench_dir().join("python").join(script).display().to_string()],
        env: vec![
            ("TELNYX_MESSAGING_LIB".into(), shared_library().display().to_string()),
            ("PYTHONPATH".into(), root().join("ffi/python").display().to_string()),
            ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
        ],
        dir: None,
    })
}

fn prepare_go() -> Result<Driver, String> {
    if !root().join("ffi/go/go.mod").exists() {
        return Err("the Go binding is not available yet (no ffi/go/go.mod)".into());
    }
    ffi_library()?;
    let exe = out_dir()?.join("bench_go");
    let mut go = Command::new("go");
    go.current_dir(bench_dir().join("go"))
        .args(["build", "-o"])
        .arg(&exe)
        .arg(".")
        .env("CGO_ENABLED", "1")
        .env("PKG_CONFIG_PATH", install_prefix().join("lib/pkgconfig"))
        .env("GOTOOLCHAIN", "local");
    build_step(go, "go build (examples/bench/go)")?;
    Ok(Driver { program: exe, args: Vec::new(), env: Vec::new(), dir: None })
}
