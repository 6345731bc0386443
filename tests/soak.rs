//! Fault-injection soak: 8 threads share one `Client` against a fault-injecting HTTP/1.1 server
//! on 127.0.0.1 (std::net, keep-alive) that serves a list of items with exact pagination.
//!
//! Every request carries an `x-soak-key` header (set with `Client::with_options`) naming the
//! call; the server picks that call's faults from a fixed plan by the key, and counts the
//! attempts of each key, so the schedule is deterministic however the threads interleave. The
//! retry rules of the README ("Retries": 2 retries; 429 always retried; 5xx, resets, stalls and
//! truncated bodies retried except for a POST, which may have reached the server;
//! `x-should-retry: false` never retried) predict the exact attempts of each key, the outcome of
//! each call and the number of waits, which the test asserts. Waits are instant (an injected
//! sleeper). Also asserted: no item lost or duplicated in any `list_all`, the connections
//! opened are bounded, and the resident memory is flat over a second identical round.
//!
//! `cargo test --test soak -- --nocapture` prints the figures.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::json;
use telnyx_messaging::{
    Client, CreateMessagingProfileParams, Error, ListMessagingProfilesParams, ProxyChoice, RequestOptions,
};

const THREADS: usize = 8;
const ITEMS: usize = 95;
const PAGE_SIZE: usize = 10;
const PAGES: usize = ITEMS.div_ceil(PAGE_SIZE);
const RETRIEVES: usize = 12;
/// Fault-free retrieves per thread in the connection-reuse phase.
const CLEAN_CALLS: usize = 100;
const CREATES: usize = 6;
const MAX_RETRIES: u32 = 2;
/// Per-attempt timeout: long enough that no answered request on a loaded machine exceeds it,
/// short enough that the stalls (which never answer) are quick.
const TIMEOUT: Duration = Duration::from_secs(2);

/// One injected fault.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    /// 429 with `Retry-After: 1`.
    RateLimit,
    /// 503 without a retry hint.
    Unavailable,
    /// 500 with `x-should-retry: false`.
    NoRetry,
    /// The request head is read, then the connection is reset before the body is read.
    ResetBeforeRead,
    /// The whole request is read, then the connection is closed without an answer.
    ResetAfterRead,
    /// No answer until the client gives up (its timeout).
    Stall,
    /// A 200 whose body is cut short, then the connection is closed.
    Truncated,
}

use Fault::*;

/// The fault plans: the faults of a key's first attempts, in order; later attempts succeed.
const PLANS: &[&[Fault]] = &[
    &[],
    &[RateLimit],
    &[Unavailable],
    &[ResetAfterRead],
    &[],
    &[Truncated, RateLimit],
    &[ResetBeforeRead],
    &[Stall],
    &[RateLimit, Unavailable],
    &[NoRetry],
    &[Unavailable, Unavailable, Unavailable],
    &[RateLimit, RateLimit, RateLimit],
];

/// Plans a list page may get: all succeed for a GET within 2 retries, so `list_all` completes.
const PAGE_PLANS: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8];

/// The plan of `key` (FNV-1a, stable across runs); pages pick among `PAGE_PLANS` only.
fn plan(key: &str) -> &'static [Fault] {
    if key.starts_with("clean") {
        return &[];
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for b in key.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    if key.contains("page=") {
        PLANS[PAGE_PLANS[(h % PAGE_PLANS.len() as u64) as usize]]
    } else {
        PLANS[(h % PLANS.len() as u64) as usize]
    }
}

/// Whether the client retries after `fault` for a POST (`post`) or another method.
fn retried(fault: Fault, post: bool) -> bool {
    match fault {
        RateLimit => true,
        NoRetry => false,
        Unavailable | ResetBeforeRead | ResetAfterRead | Stall | Truncated => !post,
    }
}

/// What the retry rules predict for one call: attempts, waits, success, and whether the fault
/// closed a connection.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Prediction {
    attempts: u32,
    waits: u32,
    ok: bool,
    closed: u32,
}

fn predict(key: &str, post: bool) -> Prediction {
    let mut p = Prediction::default();
    for &fault in plan(key) {
        p.attempts += 1;
        if matches!(fault, ResetBeforeRead | ResetAfterRead | Stall | Truncated) {
            p.closed += 1;
        }
        if !retried(fault, post) || p.attempts > MAX_RETRIES {
            return p;
        }
        p.waits += 1;
    }
    p.attempts += 1;
    p.ok = true;
    p
}

/// What the server saw.
#[derive(Default)]
struct Seen {
    attempts: HashMap<String, u32>,
    by_kind: BTreeMap<&'static str, u32>,
}

struct FaultServer {
    url: String,
    seen: Arc<Mutex<Seen>>,
    accepts: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<Vec<JoinHandle<()>>>>,
}

impl FaultServer {
    fn start() -> FaultServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Seen::default()));
        let accepts = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, a, st) = (Arc::clone(&seen), Arc::clone(&accepts), Arc::clone(&stop));
        let acceptor = std::thread::spawn(move || {
            let mut conns = Vec::new();
            while !st.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        a.fetch_add(1, Ordering::SeqCst);
                        let s = Arc::clone(&s);
                        conns.push(std::thread::spawn(move || serve(stream, &s)));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(2)),
                }
            }
            conns
        });
        FaultServer { url, seen, accepts, stop, acceptor: Some(acceptor) }
    }

    /// Stops accepting and joins every connection thread (they end when the client's
    /// connections close, or after their 30 s read timeout).
    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(acceptor) = self.acceptor.take() {
            for conn in acceptor.join().unwrap() {
                conn.join().unwrap();
            }
        }
    }
}

/// One request off the wire: method, target, the soak key, the body.
struct Req {
    method: String,
    target: String,
    key: String,
}

/// Reads a request head; `None` at the end of the connection.
fn read_head(r: &mut BufReader<TcpStream>) -> Option<(Req, usize)> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let (mut key, mut len) = (String::new(), 0);
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':')?;
        match name.trim().to_ascii_lowercase().as_str() {
            "x-soak-key" => key = value.trim().to_owned(),
            "content-length" => len = value.trim().parse().ok()?,
            _ => {}
        }
    }
    Some((Req { method, target, key }, len))
}

fn respond(w: &mut TcpStream, status: &str, extra: &str, body: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{extra}\r\n",
        body.len()
    );
    w.write_all(head.as_bytes())?;
    w.write_all(body.as_bytes())
}

/// The body of a successful answer to `req`.
fn success_body(req: &Req) -> String {
    if req.method == "POST" {
        return json!({"data": {"id": format!("created-{}", req.key), "name": req.key}}).to_string();
    }
    if let Some(id) = req.target.strip_prefix("/messaging_profiles/") {
        return json!({"data": {"id": id}}).to_string();
    }
    let page: usize = req
        .target
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("page%5Bnumber%5D="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let items: Vec<_> = (0..ITEMS)
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|i| json!({"id": format!("item-{i:03}")}))
        .collect();
    json!({"data": items, "meta": {"page_number": page, "page_size": PAGE_SIZE, "total_pages": PAGES, "total_results": ITEMS}})
        .to_string()
}

/// Serves one keep-alive connection until it closes or a fault closes it.
fn serve(stream: TcpStream, seen: &Mutex<Seen>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(mut w) = stream.try_clone() else { return };
    let mut r = BufReader::new(stream);
    while let Some((req, len)) = read_head(&mut r) {
        // The key of a list page includes its page number.
        let page =
            req.target.split(['?', '&']).find_map(|p| p.strip_prefix("page%5Bnumber%5D=")).unwrap_or("");
        let key = if req.target.starts_with("/messaging_profiles?") {
            format!("{} page={page}", req.key)
        } else {
            req.key.clone()
        };
        let attempt = {
            let mut s = seen.lock().unwrap();
            let kind = match (req.method.as_str(), key.contains("page=")) {
                ("POST", _) => "create",
                (_, true) => "list page",
                _ => "retrieve",
            };
            *s.by_kind.entry(kind).or_default() += 1;
            let n = s.attempts.entry(key.clone()).or_default();
            *n += 1;
            *n
        };
        let fault = plan(&key).get(attempt as usize - 1).copied();
        if fault == Some(ResetBeforeRead) {
            let _ = w.shutdown(Shutdown::Both);
            return;
        }
        let mut body = vec![0; len];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let sent = match fault {
            None => respond(&mut w, "200 OK", "", &success_body(&req)),
            Some(RateLimit) => {
                respond(&mut w, "429 Too Many Requests", "retry-after: 1\r\n", r#"{"errors":[]}"#)
            }
            Some(Unavailable) => respond(&mut w, "503 Service Unavailable", "", r#"{"errors":[]}"#),
            Some(NoRetry) => respond(&mut w, "500 Internal Server Error", "x-should-retry: false\r\n", "{}"),
            Some(ResetAfterRead) | Some(ResetBeforeRead) => {
                let _ = w.shutdown(Shutdown::Both);
                return;
            }
            Some(Stall) => {
                // Wait for the client to give up and close (or the 30 s read timeout).
                let mut sink = [0u8; 64];
                while matches!(r.read(&mut sink), Ok(n) if n > 0) {}
                return;
            }
            Some(Truncated) => {
                let full = success_body(&req);
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                    full.len()
                );
                let _ = w.write_all(head.as_bytes());
                let _ = w.write_all(&full.as_bytes()[..full.len() / 2]);
                let _ = w.shutdown(Shutdown::Both);
                return;
            }
        };
        if sent.is_err() {
            return;
        }
    }
}

/// The resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// The calls of one thread in one round, and their predictions.
struct Tally {
    calls: usize,
    predicted: BTreeMap<String, Prediction>,
    mismatches: Vec<String>,
}

/// One thread's work: a full `list_all`, then retrieves and creates, each checked against its
/// prediction.
fn worker(client: &Client, round: usize, t: usize) -> Tally {
    let mut tally = Tally { calls: 0, predicted: BTreeMap::new(), mismatches: Vec::new() };
    let keyed = |key: &str| client.with_options(RequestOptions::new().header("x-soak-key", key));

    let list_key = format!("r{round}-t{t}-list");
    for page in 1..=PAGES {
        let key = format!("{list_key} page={page}");
        tally.predicted.insert(key.clone(), predict(&key, false));
    }
    let c = keyed(&list_key);
    let params = ListMessagingProfilesParams::new().page_size(PAGE_SIZE as u32);
    let ids: Vec<String> = c
        .messaging_profiles()
        .list_all(&params)
        .take(ITEMS + 1)
        .map(|item| match item {
            Ok(p) => p.id.unwrap_or_default(),
            Err(e) => format!("error: {e}"),
        })
        .collect();
    tally.calls += 1;
    let expected: Vec<String> = (0..ITEMS).map(|i| format!("item-{i:03}")).collect();
    if ids != expected {
        tally.mismatches.push(format!("{list_key}: list_all gave {} items: {:?}", ids.len(), ids));
    }

    for i in 0..RETRIEVES {
        let key = format!("r{round}-t{t}-get{i}");
        let p = predict(&key, false);
        tally.predicted.insert(key.clone(), p);
        let got = keyed(&key).messaging_profiles().retrieve(&format!("id-{key}"));
        tally.calls += 1;
        match (&got, p.ok) {
            (Ok(profile), true) if profile.id.as_deref() == Some(&format!("id-{key}")) => {}
            (Err(e), false) if !matches!(e, Error::InvalidArgument(_)) => {}
            _ => {
                tally.mismatches.push(format!("{key} ({:?}): predicted ok={} got {got:?}", plan(&key), p.ok))
            }
        }
    }
    for i in 0..CREATES {
        let key = format!("r{round}-t{t}-post{i}");
        let p = predict(&key, true);
        tally.predicted.insert(key.clone(), p);
        let params: CreateMessagingProfileParams =
            serde_json::from_value(json!({"name": key, "whitelisted_destinations": ["US"]})).unwrap();
        let got = keyed(&key).messaging_profiles().create(&params);
        tally.calls += 1;
        match (&got, p.ok) {
            (Ok(profile), true) if profile.id.as_deref() == Some(&format!("created-{key}")) => {}
            (Err(_), false) => {}
            _ => {
                tally.mismatches.push(format!("{key} ({:?}): predicted ok={} got {got:?}", plan(&key), p.ok))
            }
        }
    }
    tally
}

/// Runs one round of `THREADS` workers; returns the calls made, the predictions and the
/// mismatches.
fn round(client: &Client, round: usize) -> (usize, BTreeMap<String, Prediction>, Vec<String>) {
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS).map(|t| s.spawn(move || worker(client, round, t))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut calls = 0;
    let mut predicted = BTreeMap::new();
    let mut mismatches = Vec::new();
    for t in tallies {
        calls += t.calls;
        predicted.extend(t.predicted);
        mismatches.extend(t.mismatches);
    }
    (calls, predicted, mismatches)
}

/// The connection-reuse phase: every thread makes `CLEAN_CALLS` fault-free retrieves with a
/// short pause between them, so idle connections pile up in the pool at the same time. With a
/// pool that keeps an idle connection per thread, no new connection is needed beyond one per
/// thread.
fn clean_phase(client: &Client) -> (usize, BTreeMap<String, Prediction>, Vec<String>) {
    let results: Vec<(BTreeMap<String, Prediction>, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let mut predicted = BTreeMap::new();
                    let mut mismatches = Vec::new();
                    for i in 0..CLEAN_CALLS {
                        let key = format!("clean-t{t}-{i}");
                        predicted.insert(key.clone(), predict(&key, false));
                        let c = client.with_options(RequestOptions::new().header("x-soak-key", &key));
                        if let Err(e) = c.messaging_profiles().retrieve(&format!("id-{key}")) {
                            mismatches.push(format!("{key}: {e}"));
                        }
                        std::thread::sleep(Duration::from_millis(2));
                    }
                    (predicted, mismatches)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut predicted = BTreeMap::new();
    let mut mismatches = Vec::new();
    for (p, m) in results {
        predicted.extend(p);
        mismatches.extend(m);
    }
    (THREADS * CLEAN_CALLS, predicted, mismatches)
}

fn soak() {
    let mut server = FaultServer::start();
    let waits = Arc::new(AtomicUsize::new(0));
    let w = Arc::clone(&waits);
    let client = Client::builder()
        .api_key("soak-key")
        .base_url(&server.url)
        .proxy(ProxyChoice::None)
        .timeout(TIMEOUT)
        .max_retries(MAX_RETRIES)
        .sleeper(move |_| {
            w.fetch_add(1, Ordering::SeqCst);
        })
        .build()
        .unwrap();

    let (calls1, mut predicted, mut mismatches) = round(&client, 1);
    let rss_before = rss_kib();
    let (calls2, predicted2, mismatches2) = round(&client, 2);
    let rss_after = rss_kib();
    predicted.extend(predicted2);
    mismatches.extend(mismatches2);
    let accepts_before_clean = server.accepts.load(Ordering::SeqCst);
    let (calls3, predicted3, mismatches3) = clean_phase(&client);
    let clean_accepts = server.accepts.load(Ordering::SeqCst) - accepts_before_clean;
    predicted.extend(predicted3);
    mismatches.extend(mismatches3);
    drop(client);
    server.stop();

    let seen = server.seen.lock().unwrap();
    let accepts = server.accepts.load(Ordering::SeqCst);
    let total = |f: fn(&Prediction) -> u32| predicted.values().map(f).sum::<u32>();
    let faults_closing = total(|p| p.closed) as usize;
    let requests: u32 = seen.attempts.values().sum();
    println!(
        "soak: {} calls ({} keys) by {THREADS} threads in 2 faulty rounds and a clean one; {requests} requests {:?}; predicted {}",
        calls1 + calls2 + calls3,
        predicted.len(),
        seen.by_kind,
        total(|p| p.attempts)
    );
    println!(
        "soak: waits {} (predicted {}); connections opened {accepts} (bound {THREADS} + {faults_closing} closed by faults = {})",
        waits.load(Ordering::SeqCst),
        total(|p| p.waits),
        THREADS + faults_closing
    );
    println!(
        "soak: clean phase: {} fault-free calls by {THREADS} threads opened {clean_accepts} connections (bound {THREADS})",
        calls3
    );
    println!(
        "soak: VmRSS {rss_before} KiB after round 1, {rss_after} KiB after round 2 ({:+} KiB)",
        rss_after as i64 - rss_before as i64
    );

    assert!(
        mismatches.is_empty(),
        "calls whose outcome differs from the retry rules:\n{}",
        mismatches.join("\n")
    );
    let mut wrong = Vec::new();
    for (key, p) in &predicted {
        let got = seen.attempts.get(key).copied().unwrap_or(0);
        if got != p.attempts {
            wrong.push(format!("{key} {:?}: {got} attempts, predicted {}", plan(key), p.attempts));
        }
    }
    let unknown: Vec<&String> = seen.attempts.keys().filter(|k| !predicted.contains_key(*k)).collect();
    assert!(wrong.is_empty(), "attempts per key differ from the retry rules:\n{}", wrong.join("\n"));
    assert!(unknown.is_empty(), "requests nobody made: {unknown:?}");
    assert_eq!(requests, total(|p| p.attempts), "total requests");
    assert_eq!(waits.load(Ordering::SeqCst) as u32, total(|p| p.waits), "waits between attempts");
    assert!(
        rss_after <= rss_before + 8 * 1024,
        "memory grew over an identical round: {rss_before} KiB -> {rss_after} KiB"
    );
    assert!(
        clean_accepts <= THREADS,
        "{clean_accepts} connections opened for {} fault-free calls by {THREADS} threads: the pool drops idle connections",
        calls3
    );
    assert!(
        accepts <= THREADS + faults_closing,
        "{accepts} connections opened for {THREADS} threads and {faults_closing} connections closed by faults"
    );
}

/// The soak runs on its own thread; the test fails (instead of hanging) if it takes longer than
/// the watchdog allows.
#[test]
fn fault_injection_soak() {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(soak);
        let _ = tx.send(());
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    });
    match rx.recv_timeout(Duration::from_secs(300)) {
        Ok(()) => worker.join().unwrap(),
        Err(_) => panic!("the soak did not finish within 300 s"),
    }
}
