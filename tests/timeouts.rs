//! Timeouts against a raw TCP server on 127.0.0.1 that accepts connections and never answers
//! (or stops in the middle of a response): per-attempt timeouts, which methods are retried after
//! one, and the overall deadline across retries. Retry waits use an injected sleeper.

use std::io::{ErrorKind, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use telnyx_messaging::{
    Client, ClientBuilder, CreateMessagingProfileParams, Error, ProxyChoice, RequestOptions,
};

const PROFILE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
/// The longest any server thread lives, whatever happens to the test.
const SERVER_LIFETIME: Duration = Duration::from_secs(20);

/// A server that accepts every connection, writes `prefix` (maybe nothing), and then says
/// nothing more. Stopped and joined on drop.
struct StallingServer {
    port: u16,
    /// The peer address of every accepted connection, in order.
    accepted: Arc<Mutex<Vec<SocketAddr>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StallingServer {
    fn start(prefix: &'static [u8]) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (peers, stopped) = (Arc::clone(&accepted), Arc::clone(&stop));
        let thread = thread::spawn(move || {
            let started = Instant::now();
            let mut open = Vec::new();
            while !stopped.load(Ordering::SeqCst) && started.elapsed() < SERVER_LIFETIME {
                match listener.accept() {
                    Ok((mut stream, peer)) => {
                        peers.lock().unwrap().push(peer);
                        let _ = stream.write_all(prefix);
                        open.push(stream); // kept open, never answered
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => thread::sleep(Duration::from_millis(5)),
                    Err(_) => break,
                }
            }
        });
        StallingServer { port, accepted, stop, thread: Some(thread) }
    }

    fn silent() -> Self {
        Self::start(b"")
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Connections accepted before this call. Connects a probe and waits until the server has
    /// accepted it: connections are accepted in order, so every earlier one has been counted.
    fn accepted(&self) -> usize {
        let probe = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let me = probe.local_addr().unwrap();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Some(n) = self.accepted.lock().unwrap().iter().position(|peer| *peer == me) {
                return n;
            }
            thread::sleep(Duration::from_millis(5));
        }
        panic!("the server did not accept the probe connection");
    }
}

impl Drop for StallingServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn builder(server: &StallingServer) -> ClientBuilder {
    Client::builder().api_key("test-key").base_url(server.url()).proxy(ProxyChoice::None).sleeper(|_| {})
}

fn assert_timeout(err: &Error) {
    assert!(matches!(err, Error::Timeout { .. }), "expected a timeout, got {err:?}");
    assert!(err.is_timeout() && !err.is_connection());
    assert_eq!(err.status(), None);
    assert!(err.to_string().starts_with("request timed out: "), "{err}");
}

/// The attempt was given what was left of a sub-second deadline (some milliseconds), not the
/// client's 30 s timeout.
fn assert_attempt_cut_short(err: &Error) {
    let message = err.to_string();
    let within = message.strip_prefix("request timed out: no response within ").unwrap_or_default();
    assert!(within.ends_with("ms (global)") && within.len() < "999.999999ms (global)".len() + 1, "{message}");
}

fn create(client: &Client) -> Error {
    client.messaging_profiles().create(&CreateMessagingProfileParams::new("n", ["US"])).unwrap_err()
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_millis(300)).max_retries(0).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_timeout(&err);
    assert_eq!(err.to_string(), "request timed out: no response within 300ms (global)");
    assert!(std::error::Error::source(&err).is_some(), "the HTTP layer's timeout is the cause");
    assert_eq!(server.accepted(), 1);
}

#[test]
fn a_response_that_stops_mid_body_times_out() {
    let server = StallingServer::start(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"data\":",
    );
    let client = builder(&server).timeout(Duration::from_millis(300)).max_retries(0).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_timeout(&err);
    assert_eq!(server.accepted(), 1);
}

#[test]
fn get_is_retried_after_a_timeout() {
    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_millis(200)).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_timeout(&err);
    assert_eq!(server.accepted(), 3, "the first attempt and 2 retries");
}

#[test]
fn post_is_not_retried_after_a_timeout() {
    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_millis(200)).build().unwrap();
    assert_timeout(&create(&client));
    assert_eq!(server.accepted(), 1, "the create may have reached the server");
}

#[test]
fn post_is_retried_after_a_timeout_when_allowed() {
    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_millis(150)).retry_post(true).build().unwrap();
    assert_timeout(&create(&client));
    assert_eq!(server.accepted(), 3);

    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_millis(150)).build().unwrap();
    assert_timeout(&create(&client.with_options(RequestOptions::new().retry_post(true).max_retries(1))));
    assert_eq!(server.accepted(), 2);
}

#[test]
fn a_per_call_timeout_overrides_the_client_timeout() {
    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_secs(30)).max_retries(0).build().unwrap();
    let err = client
        .with_options(RequestOptions::new().timeout(Duration::from_millis(200)))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap_err();
    assert_timeout(&err);
    assert_eq!(err.to_string(), "request timed out: no response within 200ms (global)");
}

#[test]
fn the_deadline_shortens_an_attempt() {
    let server = StallingServer::silent();
    let client = builder(&server)
        .timeout(Duration::from_secs(30))
        .deadline(Duration::from_millis(400))
        .build()
        .unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_timeout(&err);
    // The attempt got the 400 ms of the deadline, not the 30 s of the client's timeout.
    assert_attempt_cut_short(&err);
    assert_eq!(server.accepted(), 1, "no time is left for a retry");
}

#[test]
fn the_deadline_bounds_the_whole_call_across_retries() {
    // Attempts of 300 ms; the first backoff (at most 0.5 s) fits in the 1.2 s deadline, the
    // second (at least 0.75 s, after 0.6 s of attempts) does not.
    let server = StallingServer::silent();
    let client = builder(&server)
        .timeout(Duration::from_millis(300))
        .deadline(Duration::from_millis(1200))
        .max_retries(10)
        .build()
        .unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_timeout(&err);
    assert_eq!(server.accepted(), 2);
}

#[test]
fn a_per_call_deadline_bounds_the_call() {
    let server = StallingServer::silent();
    let client = builder(&server).timeout(Duration::from_secs(30)).max_retries(10).build().unwrap();
    let err = client
        .with_options(RequestOptions::new().deadline(Duration::from_millis(300)))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap_err();
    assert_timeout(&err);
    assert_attempt_cut_short(&err);
    assert_eq!(server.accepted(), 1);
}
