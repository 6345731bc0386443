//! Benchmarks of telnyx-messaging against a local server: the Rust client, the floor (a minimal
//! ureq loop), and the same scenarios through the C ABI, the Python binding and the Go binding.
//!
//! Run: `cargo run --release --example bench` (options: `-- --rounds R --runs N`,
//! `-- --only rust,floor,c`, `-- --scenarios list250,create`).
//!
//! The server runs in this process; every client scenario runs in a child process (this binary
//! re-executed with `--child`, or the C, Python and Go drivers in this folder) so that the peak
//! RSS reported is the client's own. Clients take turns: each of R rounds starts every client
//! once (one warm-up, then N timed runs), so load from elsewhere on the machine spreads evenly
//! over the clients compared. Prints a Markdown table.

mod child;
mod drivers;
mod server;

use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use child::Scenario;
use drivers::{Driver, Lang};
use server::Server;

const USAGE: &str =
    "usage: cargo run --release --example bench [-- --rounds R] [--runs N] [--only rust,floor,c,python,go] \
                     [--scenarios list250,list20,create,retrieve,iter100k]";
/// A child that takes longer than this is killed and reported as failed.
const CHILD_TIMEOUT: Duration = Duration::from_secs(600);
/// Retrieves the raw keep-alive client issues to measure the server alone.
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

    let server = Server::start().map_err(|e| format!("server: {e}"))?;
    let result = run_with_server(&options, &server, &load, cores);
    server.stop();
    result
}

fn run_with_server(options: &Options, server: &Server, load: &[&str], cores: usize) -> Result<(), String> {
    // The server alone: a raw keep-alive loop, best of three.
    let mut rate: f64 = 0.0;
    for _ in 0..3 {
        rate =
            rate.max(server::raw_retrieve_rate(server.addr, RAW_REQUESTS).map_err(|e| format!("raw: {e}"))?);
    }
    eprintln!("bench: the server alone serves {rate:.0} retrieves/s over one keep-alive connection");

    let mut drivers: Vec<(Lang, Result<Driver, String>)> = Vec::new();
    for &lang in &options.langs {
        eprintln!("bench: preparing {}", lang.name());
        drivers.push((lang, Driver::prepare(lang)));
    }

    let mut rows: Vec<(Scenario, Lang, Outcome)> = Vec::new();
    for &scenario in &options.scenarios {
        let mut runs: Vec<Result<Vec<ChildRun>, String>> = drivers.iter().map(|_| Ok(Vec::new())).collect();
        for _ in 0..options.rounds {
            for ((lang, driver), acc) in drivers.iter().zip(runs.iter_mut()) {
                let (Ok(driver), Ok(done)) = (driver, acc.as_mut()) else { continue };
                match run_child(server, driver, scenario, options.runs) {
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
                            "bench: {:<32} {:<22} {:>10.1} ms  {} conn  {:.1} MiB{cpu}",
                            scenario.title(),
                            lang.name(),
                            run.times.iter().sum::<f64>() / run.times.len() as f64,
                            run.connections,
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
        for ((lang, driver), acc) in drivers.iter().zip(runs) {
            let outcome = match (driver, acc) {
                (Err(why), _) => Outcome::Skipped(why.clone()),
                (_, Err(e)) => Outcome::Failed(e),
                (Ok(_), Ok(done)) => Outcome::Measured(aggregate(&done, options.runs)),
            };
            rows.push((scenario, *lang, outcome));
        }
    }

    print_report(options, &rows, rate, load, cores);
    Ok(())
}

fn run_child(server: &Server, driver: &Driver, scenario: Scenario, runs: usize) -> Result<ChildRun, String> {
    let base = scenario.base_url(server.addr);
    let mut command = driver.command(scenario, &base, runs);
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        command.env_remove(var);
    }
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let (conns0, reqs0) = (server.connections(), server.requests());
    let output = run_bounded(command)?;
    let connections = server.connections() - conns0;
    let requests = server.requests() - reqs0;
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
    let mut times: Vec<f64> = done.iter().flat_map(|r| r.times.iter().copied()).collect();
    times.sort_by(f64::total_cmp);
    let n = times.len();
    let median_ms = if n % 2 == 1 { times[n / 2] } else { (times[n / 2 - 1] + times[n / 2]) / 2.0 };
    let requests: u64 = done.iter().map(|r| r.requests).sum();
    Measured {
        median_ms,
        requests_per_run: requests as f64 / (done.len() * (runs_per_child + 1)) as f64,
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
        "Local server on 127.0.0.1 ({cores} cores, load average {}): {rate:.0} requests/s for a raw keep-alive \
         client ({RAW_REQUESTS} retrieves on one connection), so the server is not the bottleneck. \
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
    for (scenario, lang, outcome) in rows {
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
                    Scenario::Retrieve => None,
                },
            ),
            Lang::C => (Some(Lang::Rust), Some(1.1)),
            Lang::Python => (Some(Lang::Rust), Some(2.0)),
            Lang::Go => (Some(Lang::Rust), Some(1.5)),
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
        let conns = if *lang == Lang::Floor {
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
