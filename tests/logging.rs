//! Logging through the `log` facade: the records of a call retried once, of a failed call, and no
//! secret in any record at any level.

use std::sync::Mutex;

use log::{Level, Log, Metadata, Record};
use telnyx_messaging::mock::{Fault, FaultSchedule, MockOptions, MockServer, API_KEY};
use telnyx_messaging::{Client, ListMessagingProfilesParams};

static RECORDS: Mutex<Vec<(Level, String, String)>> = Mutex::new(Vec::new());

struct Capture;

impl Log for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &Record<'_>) {
        let entry = (record.level(), record.target().to_owned(), record.args().to_string());
        RECORDS.lock().unwrap().push(entry);
    }
    fn flush(&self) {}
}

fn ours(level: Level) -> Vec<String> {
    let records = RECORDS.lock().unwrap();
    records
        .iter()
        .filter(|(l, t, _)| *l == level && t == "telnyx_messaging")
        .map(|(_, _, m)| m.clone())
        .collect()
}

#[test]
fn a_retried_call_and_a_failed_call_are_logged_without_secrets() {
    log::set_logger(&Capture).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    // Requests 2, 4, ... get a 503: the retrieve (request 2) is retried once.
    let fault = Fault::Status { status: 503, retry_after: None };
    let mock = MockServer::start_with(MockOptions {
        faults: Some(FaultSchedule { every: 2, fault }),
        ..Default::default()
    })
    .unwrap();
    let client = Client::builder().api_key(API_KEY).base_url(mock.base_url()).build().unwrap();
    let profiles = client.messaging_profiles();
    let id = profiles.list(&ListMessagingProfilesParams::new()).unwrap().data[0].id.clone().unwrap();
    let secret = profiles.retrieve(&id).unwrap().v1_secret.unwrap().expose().to_owned();
    let missing = "00000000-0000-0000-0000-000000000000";
    profiles.retrieve(missing).unwrap_err(); // request 4 gets the 503, then 404s

    let line = format!("GET /messaging_profiles/{id}");
    let debug: Vec<_> =
        ours(Level::Debug).into_iter().filter(|m| m.starts_with(&format!("{line} "))).collect();
    assert_eq!(debug.len(), 2, "{debug:#?}");
    assert!(
        debug[0].starts_with(&format!("{line} -> 503 in ")) && debug[0].contains("(attempt 1, request id ")
    );
    assert!(
        debug[1].starts_with(&format!("{line} -> 200 in "))
            && debug[1].contains("(attempt 2, request id mock-")
    );
    let info: Vec<_> = ours(Level::Info).into_iter().filter(|m| m.starts_with(&line)).collect();
    assert_eq!(info.len(), 1, "{info:#?}");
    assert!(info[0].starts_with(&format!("{line}: retrying in ")) && info[0].ends_with("(attempt 1 failed)"));
    let warn = ours(Level::Warn);
    assert_eq!(warn.len(), 1, "{warn:#?}");
    assert!(
        warn[0].starts_with(&format!("GET /messaging_profiles/{missing} failed: API error 404")),
        "{}",
        warn[0]
    );
    let bodies = ours(Level::Trace);
    assert!(bodies.iter().any(|m| m.contains(r#""v1_secret":"[redacted]""#)), "{bodies:#?}");
    for (_, _, message) in RECORDS.lock().unwrap().iter() {
        assert!(!message.contains(API_KEY) && !message.contains(&secret), "a secret in {message:?}");
    }
}
