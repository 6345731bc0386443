//! The shipped mock server (`telnyx_messaging::mock` and the `telnyx-messaging-mock` program):
//! its options (more profiles, latency, fault schedule) through the library, with exact request
//! counts, and the program's command line.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use telnyx_messaging::mock::{Fault, FaultSchedule, MockOptions, MockServer, API_KEY};
use telnyx_messaging::{Client, Error, ListMessagingProfilesParams, ProxyChoice};

fn client(base_url: &str, retries: u32) -> Client {
    Client::builder()
        .api_key(API_KEY)
        .base_url(base_url)
        .proxy(ProxyChoice::None)
        .max_retries(retries)
        .timeout(Duration::from_millis(500))
        .sleeper(|_| {}) // waits between retries are not what is tested here
        .build()
        .unwrap()
}

fn with_faults(every: u64, fault: Fault) -> MockServer {
    MockServer::start_with(MockOptions {
        faults: Some(FaultSchedule { every, fault }),
        ..MockOptions::default()
    })
    .unwrap()
}

fn retrieve_first(client: &Client) -> telnyx_messaging::Result<()> {
    client.messaging_profiles().list(&ListMessagingProfilesParams::new().page_size(1)).map(|_| ())
}

#[test]
fn every_nth_request_gets_the_injected_status() {
    let mock = with_faults(2, Fault::Status { status: 503, retry_after: None });
    let client = client(&mock.base_url(), 0);
    assert!(retrieve_first(&client).is_ok());
    let err = retrieve_first(&client).unwrap_err();
    assert_eq!(err.status(), Some(503), "{err}");
    assert!(retrieve_first(&client).is_ok());
    assert_eq!(mock.requests_received(), 3);
}

#[test]
fn an_injected_429_is_retried_once_and_counted() {
    let mock = with_faults(2, Fault::Status { status: 429, retry_after: Some(1) });
    let client = client(&mock.base_url(), 2);
    assert!(retrieve_first(&client).is_ok()); // request 1
    assert!(retrieve_first(&client).is_ok()); // request 2 is a 429, request 3 its retry
    assert_eq!(mock.requests_received(), 3);
    let without_retries = self::client(&mock.base_url(), 0);
    let err = retrieve_first(&without_retries).unwrap_err(); // request 4
    assert!(err.is_rate_limited(), "{err}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(mock.requests_received(), 4);
}

#[test]
fn a_reset_closes_the_connection_without_an_answer() {
    let mock = with_faults(1, Fault::Reset);
    let err = retrieve_first(&client(&mock.base_url(), 0)).unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert_eq!(mock.requests_received(), 1);
}

#[test]
fn a_delay_longer_than_the_timeout_is_a_timeout() {
    let mock = with_faults(1, Fault::Delay(Duration::from_millis(1500)));
    let err = retrieve_first(&client(&mock.base_url(), 0)).unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(mock.requests_received(), 1);
}

#[test]
fn extra_profiles_paginate_exactly() {
    let mock = MockServer::start_with(MockOptions { extra_profiles: 600, ..MockOptions::default() }).unwrap();
    let client = client(&mock.base_url(), 0);
    let params = ListMessagingProfilesParams::new().page_size(250);
    let profiles: Vec<_> = client.messaging_profiles().list_all(&params).collect::<Result<_, _>>().unwrap();
    assert_eq!(profiles.len(), 607);
    let ids: HashSet<_> = profiles.iter().map(|p| p.id.clone().unwrap()).collect();
    assert_eq!(ids.len(), 607, "every id once");
    assert_eq!(profiles[7].name.as_deref(), Some("Profile 00001"));
    assert_eq!(profiles[606].name.as_deref(), Some("Profile 00600"));
    assert_eq!(mock.requests_received(), 3, "607 profiles in pages of 250");
}

#[test]
fn latency_is_added_to_every_response() {
    let latency = Duration::from_millis(80);
    let mock = MockServer::start_with(MockOptions { latency, ..MockOptions::default() }).unwrap();
    let client = client(&mock.base_url(), 0);
    let started = Instant::now();
    retrieve_first(&client).unwrap();
    retrieve_first(&client).unwrap();
    assert!(started.elapsed() >= 2 * latency, "two responses, each at least {latency:?} late");
}

#[test]
fn zero_fault_interval_is_refused() {
    let options = MockOptions {
        faults: Some(FaultSchedule { every: 0, fault: Fault::Reset }),
        ..MockOptions::default()
    };
    let err = MockServer::start_with(options).unwrap_err();
    assert!(err.to_string().contains("every"), "{err}");
}

#[test]
fn faults_parse_from_their_command_line_form() {
    assert_eq!("reset".parse(), Ok(Fault::Reset));
    assert_eq!("delay:250".parse(), Ok(Fault::Delay(Duration::from_millis(250))));
    assert_eq!("status:503".parse(), Ok(Fault::Status { status: 503, retry_after: None }));
    assert_eq!("status:429:3".parse(), Ok(Fault::Status { status: 429, retry_after: Some(3) }));
    for bad in ["", "status", "status:200", "status:abc", "status:429:x", "delay", "reset:1", "boom"] {
        assert!(bad.parse::<Fault>().is_err(), "{bad:?} should be refused");
    }
}

const PROGRAM: &str = env!("CARGO_BIN_EXE_telnyx-messaging-mock");

#[test]
fn the_program_prints_its_url_serves_and_stops_when_stdin_closes() {
    let mut child = Command::new(PROGRAM)
        .args(["--profiles", "20", "--until-stdin-closes"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim();
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with("/v2"), "{url:?}");
    let count = client(url, 0).messaging_profiles().list_all(&ListMessagingProfilesParams::new()).count();
    assert_eq!(count, 27);
    let mut stdin = child.stdin.take().unwrap();
    stdin.flush().unwrap();
    drop(stdin);
    // Bounded wait for the exit: 10 s, then the test fails (and kills the program).
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("telnyx-messaging-mock did not stop after its stdin closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}

#[test]
fn the_program_refuses_bad_arguments_with_usage() {
    for args in [&["--port", "99999"][..], &["--fault-every", "0"], &["--fault", "reset"], &["--frobnicate"]]
    {
        let out = Command::new(PROGRAM).args(args).stdin(Stdio::null()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("usage: telnyx-messaging-mock"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
    }
}
