//! Finds the Prism mock server the contract suite talks to: `TELNYX_PRISM_URL` when set (as
//! `tests/run-all.sh` sets it), otherwise one started here from `.prism/` on a free loopback port.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long Prism may take to load the definition and answer.
const STARTUP_LIMIT: Duration = Duration::from_secs(60);

/// The Prism root URL (no `/v2`) and its socket address. Panics with the reason when there is
/// no Prism: never a silent skip.
pub fn prism() -> &'static (String, SocketAddr) {
    static PRISM: OnceLock<Result<(String, SocketAddr), String>> = OnceLock::new();
    match PRISM.get_or_init(find_or_start) {
        Ok(prism) => prism,
        Err(why) => panic!("no Prism mock server for the contract suite: {why}"),
    }
}

fn find_or_start() -> Result<(String, SocketAddr), String> {
    if let Some(url) = std::env::var("TELNYX_PRISM_URL").ok().filter(|u| !u.trim().is_empty()) {
        let url = url.trim().trim_end_matches('/').to_owned();
        let addr = socket_addr(&url)?;
        return Ok((url, addr));
    }
    let guard = PrismGuard::start()?;
    let prism = (guard.url.clone(), guard.addr);
    // Statics are never dropped, so the guard's Drop does not run at exit: the watchdog shell
    // around Prism (see `WATCHDOG`) stops it when this process ends, however it ends.
    static GUARD: OnceLock<Mutex<PrismGuard>> = OnceLock::new();
    let _ = GUARD.set(Mutex::new(guard));
    Ok(prism)
}

/// `host:port` of an `http://host:port` URL.
fn socket_addr(url: &str) -> Result<SocketAddr, String> {
    let authority = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("TELNYX_PRISM_URL must be http://HOST:PORT, got {url:?}"))?;
    let authority = authority.split('/').next().unwrap_or_default();
    authority
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| format!("cannot resolve the address of TELNYX_PRISM_URL {url:?}"))
}

/// Runs Prism (`"$@"`) and stops it once the test process, which holds the other end of this
/// shell's stdin, has exited: `cat` then sees end of file.
const WATCHDOG: &str = r#""$@" </dev/null & prism=$!
cat >/dev/null
kill -TERM "$prism" 2>/dev/null
wait "$prism""#;

/// A Prism process started by this suite, in its own process group; dropping it stops the group.
struct PrismGuard {
    url: String,
    addr: SocketAddr,
    child: Child,
    /// Held open for the watchdog; closing it stops Prism.
    _stdin: ChildStdin,
}

impl PrismGuard {
    fn start() -> Result<PrismGuard, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bin = root.join(".prism/node_modules/.bin/prism");
        let spec = root.join("tests/api/telnyx-messaging.openapi.yml");
        if !bin.exists() {
            return Err(format!(
                "Prism is not installed ({} is missing) and TELNYX_PRISM_URL is not set. Run \
                 `bash tests/run-all.sh` once: it installs @stainless-api/prism-cli into .prism/ \
                 and runs every suite against it.",
                bin.display()
            ));
        }
        if !spec.exists() {
            return Err(format!("the OpenAPI definition {} is missing", spec.display()));
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let log_path = std::env::temp_dir().join(format!("telnyx-contract-prism-{}.log", std::process::id()));
        let log = File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
        let log_err = log.try_clone().map_err(|e| e.to_string())?;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(WATCHDOG)
            .arg("prism-watchdog")
            .arg(&bin)
            .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
            .arg(&spec)
            .stdin(Stdio::piped())
            .stdout(log)
            .stderr(log_err)
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let mut guard = PrismGuard { url: format!("http://{addr}"), addr, child, _stdin: stdin };

        let deadline = Instant::now() + STARTUP_LIMIT;
        loop {
            if answers(addr) {
                return Ok(guard);
            }
            let exited = matches!(guard.child.try_wait(), Ok(Some(_)));
            if exited || Instant::now() >= deadline {
                let why = if exited { "exited" } else { "did not answer within 60 s" };
                drop(guard);
                return Err(format!("Prism {why}; its log:\n{}", read_log(&log_path)));
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Drop for PrismGuard {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

/// True when something at `addr` answers an HTTP request (Prism says 404 for `/`).
fn answers(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    let mut head = [0u8; 5];
    stream.write_all(request.as_bytes()).is_ok() && stream.read_exact(&mut head).is_ok() && &head == b"HTTP/"
}

fn read_log(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| format!("(cannot read {}: {e})", path.display()))
}
