//! Benchmarks of telnyx-messaging against the shipped mock (`telnyx_messaging::mock`): the Rust
//! client, the floor (a minimal ureq loop), the same scenarios through the C ABI, the Python
//! binding and the Go binding, and a raw Python loop (`http.client` + `json.loads`); then, on a
//! realistic network (the mock with 50 ms per request, 10 Mbit/s and gzip), the Rust client with
//! its defaults, with read-ahead, and configured like the official SDKs (page size 20, no gzip).
//!
//! Run: `cargo run --release --example bench` (options: `-- --rounds R --runs N`,
//! `-- --only rust,floor,c,python,python-raw,go`, `-- --scenarios list250,create,net-profiles`).
//!
//! The mock runs in this process (one per scenario, with that scenario's data); every client scenario runs in a child process (this binary
//! re-executed with `--child`, or the C, Python and Go drivers in this folder) so that the peak
//! RSS reported is the client's own. Clients take turns: each of R rounds starts every client
//! once (one warm-up, then N timed runs), so load from elsewhere on the machine spreads evenly
//! over the clients compared. Prints a Markdown table.

mod child;
mod drivers;

use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use child::Scenario;
use drivers::{Driver, Lang};
use telnyx_messaging::mock::{MockServer, API_KEY};
use telnyx_messaging::{Client, ListMessagingProfilesParams, ProxyChoice};

const USAGE: &str =
    "usage: cargo run --release --example bench [-- --rounds R] [--runs N] [--only rust,floor,c,python,python-raw,go] \
                     [--scenarios list250,list20,create,retrieve,iter100k,net-profiles,net-numbers]";
/// A child that takes longer than this is killed and reported as failed.
const CHILD_TIMEOUT: Duration = Duration::from_secs(600);
/// Retrieves the raw keep-alive client issues to measure the mock alone.
const RAW_REQUESTS: usize = 20_000;

struct Options {
    rounds: usize,
    runs: usize,
    langs: Vec<Lang>,
    scenarios: Vec<Scenario>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return match child::main(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("bench child: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match parse_options(&args).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options =
        Options { rounds: 3, runs: 2, langs: Lang::ALL.to_vec(), scenarios: Scenario::ALL.to_vec() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--rounds" => {
                options.rounds =
                    value()?.parse().ok().filter(|&n| (1..=20).contains(&n)).ok_or("--rounds: 1..=20")?
            }
            "--runs" => {
                options.runs =
                    value()?.parse().ok().filter(|&n| (1..=50).contains(&n)).ok_or("--runs: 1..=50")?
            }
            "--only" => {
                options.langs = value()?
                    .split(',')
                    .map(|s| Lang::from_arg(s).ok_or_else(|| format!("unknown client {s}\n{USAGE}")))
                    .collect::<Result<_, _>>()?
            }
            "--scenarios" => {
                options.scenarios = value()?
                    .split(',')
                    .map(|s| Scenario::from_arg(s).ok_or_else(|| format!("unknown scenario {s}\n{USAGE}")))
                    .collect::<Result<_, _>>()?
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(options)
}

/// What one client did in one scenario.
struct Measured {
    median_ms: f64,
    requests_per_run: f64,
    /// Response bytes the mock wrote per run (warm-up included in the average).
    bytes_per_run: f64,
    /// The most one client process opened.
    connections: u64,
    hwm_kib: u64,
    import_ms: Vec<f64>,
    /// Median CPU time of the client thread per run (Rust client and floor only).
    cpu_ms: Option<f64>,
}

/// What one client process reported.
struct ChildRun {
    times: Vec<f64>,
    requests: u64,
    bytes: u64,
    connections: u64,
    hwm_kib: u64,
    import_ms: Option<f64>,
    /// CPU time of the client thread per run (Rust client and floor only).
    cpu_ms: Vec<f64>,
}

enum Outcome {
    Measured(Measured),
    Skipped(String),
    Failed(String),
}

fn run(options: Options) -> Result<(), String> {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    eprintln!(
        "bench: load average {} on {cores} cores; {} rounds of {} measured runs per client and scenario",
        load.join(" "),
        options.rounds,
        options.runs
    );

    run_scenarios(&options, &load, cores)
}

/// One mock per scenario, set up with that scenario's data (and network), and what the
/// drivers need to know about it: the profile ids to retrieve and the profile whose phone
/// numbers are listed.
struct Bench {
    mock: MockServer,
    env: Vec<(String, String)>,
}

impl Bench {
    fn start(scenario: Scenario) -> Result<Bench, String> {
        let started = Instant::now();
        let mock = MockServer::start_with(scenario.mock_options()).map_err(|e| format!("mock: {e}"))?;
        let client = Client::builder()
            .api_key(API_KEY)
            .base_url(mock.base_url())
            .proxy(ProxyChoice::None)
            .build()
            .map_err(|e| e.to_string())?;
        let first = client
            .messaging_profiles()
            .list(&ListMessagingProfilesParams::new().page_size(7))
            .map_err(|e| format!("mock: {e}"))?;
        let ids: Vec<String> = first.data.into_iter().filter_map(|p| p.id).collect();
        eprintln!("bench: mock for {} ready in {:.1} s", scenario.arg(), started.elapsed().as_secs_f64());
        let env = vec![("BENCH_IDS".into(), ids.join(",")), ("BENCH_PROFILE_ID".into(), ids[0].clone())];
        Ok(Bench { mock, env })
    }

    fn requests(&self) -> u64 {
        self.mock.requests_received()
    }

    fn connections(&self) -> u64 {
        self.mock.connections_accepted()
    }
}

fn run_scenarios(options: &Options, load: &[&str], cores: usize) -> Result<(), String> {
    // The mock alone: a raw keep-alive loop, best of three.
    let bench = Bench::start(Scenario::Retrieve)?;
    let mut rate: f64 = 0.0;
    for _ in 0..3 {
        rate = rate.max(raw_retrieve_rate(&bench, RAW_REQUESTS).map_err(|e| format!("raw: {e}"))?);
    }
    drop(bench);
    eprintln!("bench: the mock alone serves {rate:.0} retrieves/s over one keep-alive connection");

    let mut drivers: Vec<(Lang, Result<Driver, String>)> = Vec::new();
    let network = options.scenarios.iter().any(|s| s.network());
    let langs = options.langs.iter().chain(if network { &Lang::NETWORK[..] } else { &[] });
    for &lang in langs {
        if drivers.iter().any(|(l, _)| *l == lang) {
            continue;
        }
        eprintln!("bench: preparing {}", lang.name());
        drivers.push((lang, Driver::prepare(lang)));
    }

    let mut rows: Vec<(Scenario, Lang, Outcome)> = Vec::new();
    for &scenario in &options.scenarios {
        let bench = Bench::start(scenario)?;
        let clients: Vec<&(Lang, Result<Driver, String>)> = drivers
            .iter()
            .filter(|(lang, _)| {
                if scenario.network() {
                    Lang::NETWORK.contains(lang)
                } else {
                    options.langs.contains(lang)
                }
            })
            .collect();
        // The realistic network is slow and steady: one round of one run each.
        let (rounds, runs) = if scenario.network() { (1, 1) } else { (options.rounds, options.runs) };
        let mut results: Vec<Result<Vec<ChildRun>, String>> =
            clients.iter().map(|_| Ok(Vec::new())).collect();
        for _ in 0..rounds {
            for ((lang, driver), acc) in clients.iter().map(|c| (&c.0, &c.1)).zip(results.iter_mut()) {
                let (Ok(driver), Ok(done)) = (driver, acc.as_mut()) else { continue };
                match run_child(&bench, driver, scenario, runs) {
                    Ok(run) => {
                        let cpu = if run.cpu_ms.is_empty() {
                            String::new()
                        } else {
                            format!(
                                "  (client thread CPU {:.1} ms)",
                                run.cpu_ms.iter().sum::<f64>() / run.cpu_ms.len() as f64
                            )
                        };
                        eprintln!(
                            "bench: {:<32} {:<40} {:>10.1} ms  {} conn  {} req  {:.1} MiB{cpu}",
                            scenario.title(),
                            lang.name(),
                            run.times.iter().sum::<f64>() / run.times.len() as f64,
                            run.connections,
                            run.requests,
                            run.hwm_kib as f64 / 1024.0
                        );
                        done.push(run);
                    }
                    Err(e) => {
                        eprintln!("bench: {} {}: FAILED: {e}", scenario.arg(), lang.name());
                        *acc = Err(e);
                    }
                }
            }
        }
        let warmups = usize::from(!scenario.network());
        for ((lang, driver), acc) in clients.iter().map(|c| (&c.0, &c.1)).zip(results) {
            let outcome = match (driver, acc) {
                (Err(why), _) => Outcome::Skipped(why.clone()),
                (_, Err(e)) => Outcome::Failed(e),
                (Ok(_), Ok(done)) => Outcome::Measured(aggregate(&done, runs + warmups)),
            };
            rows.push((scenario, *lang, outcome));
        }
    }

    print_report(options, &rows, rate, load, cores);
    Ok(())
}

/// Requests per second the mock sustains for one raw keep-alive client issuing `count`
/// retrieves on one connection (the client only splits responses, it parses nothing).
fn raw_retrieve_rate(bench: &Bench, count: usize) -> std::io::Result<f64> {
    use std::io::{Read, Write};
    let addr = bench.mock.base_url().trim_start_matches("http://").trim_end_matches("/v2").to_owned();
    let mut conn = std::net::TcpStream::connect(&addr)?;
    conn.set_nodelay(true)?;
    let ids = bench.env[0].1.split(',').map(str::to_owned).collect::<Vec<_>>();
    let requests: Vec<Vec<u8>> = ids
        .iter()
        .map(|id| {
            format!(
                "GET /v2/messaging_profiles/{id} HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {API_KEY}\r\naccept: application/json\r\n\r\n"
            )
            .into_bytes()
        })
        .collect();
    let find = |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).position(|w| w == needle);
    let mut buf = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    let started = Instant::now();
    for n in 0..count {
        conn.write_all(&requests[n % requests.len()])?;
        let (head_end, len) = loop {
            if let Some(pos) = find(&buf, b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..pos]).to_ascii_lowercase();
                if !head.starts_with("http/1.1 200") {
                    return Err(std::io::Error::other(format!("unexpected reply: {head}")));
                }
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length: "))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .ok_or_else(|| std::io::Error::other("no content-length"))?;
                break (pos + 4, len);
            }
            let n = conn.read(&mut chunk)?;
            if n == 0 {
                return Err(std::io::Error::other("the mock closed the connection"));
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        while buf.len() < head_end + len {
            let n = conn.read(&mut chunk)?;
            if n == 0 {
                return Err(std::io::Error::other("the mock closed the connection"));
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        buf.drain(..head_end + len);
    }
    Ok(count as f64 / started.elapsed().as_secs_f64())
}

fn run_child(bench: &Bench, driver: &Driver, scenario: Scenario, runs: usize) -> Result<ChildRun, String> {
    let base = bench.mock.base_url();
    let mut command = driver.command(scenario, &base, runs);
    command.envs(bench.env.iter().map(|(k, v)| (k, v)));
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        command.env_remove(var);
    }
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let (conns0, reqs0, bytes0) = (bench.connections(), bench.requests(), bench.mock.bytes_sent());
    let output = run_bounded(command)?;
    let connections = bench.connections() - conns0;
    let requests = bench.requests() - reqs0;
    let bytes = bench.mock.bytes_sent() - bytes0;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!("{}: {}", output.status, tail.join(" / ")));
    }
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .ok_or_else(|| format!("no result line in {stdout:?}"))?;
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("bad result line {line:?}: {e}"))?;
    let times: Vec<f64> = value["times_ms"]
        .as_array()
        .map(|a| a.iter().filter_map(|t| t.as_f64()).collect())
        .unwrap_or_default();
    if times.len() != runs || value["items"].as_u64() != Some(scenario.items() as u64) {
        return Err(format!("incomplete result {line}"));
    }
    Ok(ChildRun {
        times,
        requests,
        bytes,
        connections,
        hwm_kib: value["hwm_kib"].as_u64().unwrap_or(0),
        import_ms: value["import_ms"].as_f64(),
        cpu_ms: value["cpu_ms"]
            .as_array()
            .map(|a| a.iter().filter_map(|t| t.as_f64()).collect())
            .unwrap_or_default(),
    })
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// Median of every timed run of every process; the worst process for connections and RSS.
fn aggregate(done: &[ChildRun], runs_per_child: usize) -> Measured {
    let bytes: u64 = done.iter().map(|r| r.bytes).sum();
    let mut times: Vec<f64> = done.iter().flat_map(|r| r.times.iter().copied()).collect();
    times.sort_by(f64::total_cmp);
    let n = times.len();
    let median_ms = if n % 2 == 1 { times[n / 2] } else { (times[n / 2 - 1] + times[n / 2]) / 2.0 };
    let requests: u64 = done.iter().map(|r| r.requests).sum();
    Measured {
        median_ms,
        requests_per_run: requests as f64 / (done.len() * runs_per_child) as f64,
        bytes_per_run: bytes as f64 / (done.len() * runs_per_child) as f64,
        connections: done.iter().map(|r| r.connections).max().unwrap_or(0),
        hwm_kib: done.iter().map(|r| r.hwm_kib).max().unwrap_or(0),
        import_ms: done.iter().filter_map(|r| r.import_ms).collect(),
        cpu_ms: median(done.iter().flat_map(|r| r.cpu_ms.iter().copied()).collect()),
    }
}

/// Runs `command` to completion, killing it (by its own handle) after [`CHILD_TIMEOUT`].
fn run_bounded(mut command: Command) -> Result<std::process::Output, String> {
    let mut child = command.spawn().map_err(|e| format!("cannot start {command:?}: {e}"))?;
    // Drain both pipes on threads so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err, &mut buf);
        buf
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if started.elapsed() > CHILD_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = (out_reader.join(), err_reader.join());
                return Err(format!("killed after {CHILD_TIMEOUT:?}"));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(std::process::Output { status, stdout, stderr })
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "pass"
    } else {
        "short"
    }
}

fn fmt_ms(ms: f64) -> String {
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn print_report(
    options: &Options,
    rows: &[(Scenario, Lang, Outcome)],
    rate: f64,
    load: &[&str],
    cores: usize,
) {
    let find = |scenario: Scenario, lang: Lang| {
        rows.iter().find_map(|(s, l, o)| match o {
            Outcome::Measured(m) if *s == scenario && *l == lang => Some(m),
            _ => None,
        })
    };
    println!();
    println!(
        "The shipped mock on 127.0.0.1 ({cores} cores, load average {}): {rate:.0} requests/s for a raw keep-alive \
         client ({RAW_REQUESTS} retrieves on one connection). \
         Median of {} timed runs per client: {} rounds in which every client takes its turn in a fresh \
         process (one warm-up, then {} timed runs).",
        load.join(" "),
        options.rounds * options.runs,
        options.rounds,
        options.runs
    );
    println!();
    println!("| Scenario | Client | Requests/run | Median | Ratio | Target | TCP connections | Peak RSS |");
    println!("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: |");
    let mut last_scenario = None;
    let mut skipped: Vec<(Lang, &str)> = Vec::new();
    for (scenario, lang, outcome) in rows.iter().filter(|(s, _, _)| !s.network()) {
        if let Outcome::Skipped(why) = outcome {
            if !skipped.iter().any(|(l, _)| l == lang) {
                skipped.push((*lang, why));
            }
            continue;
        }
        let title =
            if last_scenario == Some(*scenario) { String::new() } else { scenario.title().to_owned() };
        last_scenario = Some(*scenario);
        let name = lang.name();
        let m = match outcome {
            Outcome::Skipped(_) => continue,
            Outcome::Failed(why) => {
                println!("| {title} | {name} | | | | failed: {} | | |", why.replace('|', "/"));
                continue;
            }
            Outcome::Measured(m) => m,
        };
        // The ratio: the Rust client against the floor, every binding against the Rust client.
        let (reference, limit) = match lang {
            Lang::Floor => (None, None),
            Lang::Rust => (
                Some(Lang::Floor),
                match scenario {
                    Scenario::List250 | Scenario::List20 | Scenario::Iter100k => Some(1.2),
                    Scenario::Create => Some(1.1),
                    _ => None,
                },
            ),
            Lang::C => (Some(Lang::Rust), Some(1.1)),
            // The binding against what a Python program could do by hand.
            Lang::Python => (Some(Lang::PythonRaw), Some(1.0)),
            Lang::PythonRaw => (Some(Lang::Rust), None),
            Lang::Go => (Some(Lang::Rust), Some(1.5)),
            Lang::RustAhead | Lang::Paged20 => (None, None),
        };
        let mut ratio = String::new();
        let mut targets = Vec::new();
        if let Some(reference) = reference {
            match find(*scenario, reference) {
                Some(r) => {
                    let x = m.median_ms / r.median_ms;
                    ratio = format!("{x:.2}x {}", reference.short());
                    if let Some(limit) = limit {
                        targets.push(format!("<= {limit}x: {}", verdict(x <= limit)));
                    }
                }
                None => ratio = format!("({} not measured)", reference.short()),
            }
        }
        if *lang == Lang::Rust && *scenario == Scenario::Iter100k {
            targets.push(format!("RSS < 16 MiB: {}", verdict(m.hwm_kib < 16 * 1024)));
        }
        let conns = if matches!(lang, Lang::Floor | Lang::PythonRaw) {
            m.connections.to_string()
        } else {
            format!("{} ({})", m.connections, verdict(m.connections == 1))
        };
        let requests = if m.requests_per_run.fract() == 0.0 {
            format!("{:.0}", m.requests_per_run)
        } else {
            format!("{:.1}", m.requests_per_run)
        };
        println!(
            "| {title} | {name} | {requests} | {} | {ratio} | {} | {conns} | {:.1} MiB |",
            fmt_ms(m.median_ms),
            targets.join("; "),
            m.hwm_kib as f64 / 1024.0
        );
    }
    print_network(rows);
    println!();
    let mut imports: Vec<f64> = rows
        .iter()
        .filter_map(|(_, _, o)| match o {
            Outcome::Measured(m) => Some(m.import_ms.iter().copied()),
            _ => None,
        })
        .flatten()
        .collect();
    if !imports.is_empty() {
        imports.sort_by(f64::total_cmp);
        let median = imports[imports.len() / 2];
        println!(
            "Python: `import telnyx_messaging` plus building a client takes {median:.1} ms (median of {} fresh \
             interpreters, range {:.1} to {:.1} ms); target < 50 ms: {}.",
            imports.len(),
            imports[0],
            imports[imports.len() - 1],
            verdict(median < 50.0)
        );
    }
    let cpu: Vec<String> = options
        .scenarios
        .iter()
        .filter_map(|&scenario| {
            let rust = find(scenario, Lang::Rust)?.cpu_ms?;
            let floor = find(scenario, Lang::Floor)?.cpu_ms?;
            Some(format!("{} {rust:.1} / {floor:.1} ms = {:.2}x", scenario.arg(), rust / floor))
        })
        .collect();
    if !cpu.is_empty() {
        println!(
            "CPU time of the client thread per run, Rust client / floor (medians; less disturbed by machine load \
             than wall time): {}.",
            cpu.join("; ")
        );
    }
    for (lang, why) in skipped {
        println!("{}: skipped: {why}", lang.name());
    }
    println!(
        "Peak RSS: VmHWM of the client process (for Python and Go it includes the interpreter or runtime); \
         target for the Rust client at 100,000 items: < 16 MiB."
    );
    println!(
        "TCP connections: the most any one client process opened in its whole life (one client, warm-up plus \
         {} runs); target 1.",
        options.runs
    );
    match std::fs::metadata(drivers::shared_library()) {
        Ok(meta) => println!(
            "Release shared library target/release/libtelnyx_messaging_ffi.so: {:.2} MiB ({} bytes).",
            meta.len() as f64 / (1024.0 * 1024.0),
            meta.len()
        ),
        Err(_) => println!("Release shared library target/release/libtelnyx_messaging_ffi.so: not built."),
    }
    println!();
    let end_load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let end_load: Vec<&str> = end_load.split_whitespace().take(3).collect();
    println!("Load average at the start {}, at the end {}.", load.join(" "), end_load.join(" "));
    println!();
    println!("Reproduce: `cargo run --release --example bench`");
}

/// The realistic-network table: requests, bytes on the wire and wall time per client, against
/// the server-default pager.
fn print_network(rows: &[(Scenario, Lang, Outcome)]) {
    let network: Vec<&(Scenario, Lang, Outcome)> = rows.iter().filter(|(s, _, _)| s.network()).collect();
    if network.is_empty() {
        return;
    }
    println!();
    println!(
        "Realistic network: the mock adds {} ms per request, sends at most {} Mbit/s per connection and gzips \
         when asked. One run per client after no warm-up (the network dominates, so runs vary little).",
        child::NET_LATENCY_MS,
        child::NET_BANDWIDTH * 8 / 1_000_000
    );
    println!();
    println!("| Scenario | Client | Requests | Bytes on the wire | Wall time | vs the pager |");
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    let mut last = None;
    for (scenario, lang, outcome) in network {
        let title = if last == Some(*scenario) { String::new() } else { scenario.title().to_owned() };
        last = Some(*scenario);
        let m = match outcome {
            Outcome::Measured(m) => m,
            Outcome::Skipped(why) | Outcome::Failed(why) => {
                println!("| {title} | {} | | | | failed: {} |", lang.name(), why.replace('|', "/"));
                continue;
            }
        };
        let pager = rows.iter().find_map(|(s, l, o)| match o {
            Outcome::Measured(p) if s == scenario && *l == Lang::Paged20 => Some(p),
            _ => None,
        });
        let versus = match pager {
            Some(p) if *lang != Lang::Paged20 => format!("{:.1}x faster", p.median_ms / m.median_ms),
            _ => String::new(),
        };
        println!(
            "| {title} | {} | {:.0} | {:.2} MB | {:.2} s | {versus} |",
            lang.name(),
            m.requests_per_run,
            m.bytes_per_run / 1e6,
            m.median_ms / 1000.0
        );
    }
}
