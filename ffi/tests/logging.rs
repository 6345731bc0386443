//! `telnyx_set_logger`: the records of a call that is retried once reach the host's callback
//! with their fields, and no record at any level holds the API key or a `v1_secret`.

use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::Mutex;

use telnyx_messaging::mock::{Fault, FaultSchedule, MockOptions, MockServer, API_KEY};
use telnyx_messaging_ffi::*;

/// (level, target, message) of every record.
static RECORDS: Mutex<Vec<(u32, String, String)>> = Mutex::new(Vec::new());

unsafe extern "C" fn capture(
    user_data: *mut c_void,
    level: u32,
    target: *const c_char,
    message: *const c_char,
) {
    assert_eq!(user_data as usize, 42, "user_data passed through");
    // SAFETY: the library passes NUL-terminated strings valid for this call.
    let (target, message) = unsafe { (CStr::from_ptr(target), CStr::from_ptr(message)) };
    let record = (level, target.to_string_lossy().into_owned(), message.to_string_lossy().into_owned());
    RECORDS.lock().unwrap().push(record);
}

/// Calls `f` with an out-pointer and returns the owned JSON it wrote, panicking on an error.
fn json(f: impl FnOnce(*mut *mut c_char) -> *mut telnyx_error) -> String {
    let mut out = ptr::null_mut();
    let error = f(&mut out);
    if !error.is_null() {
        // SAFETY: a live error; its message is borrowed from it.
        let message = unsafe { CStr::from_ptr(telnyx_error_message(error)) }.to_string_lossy().into_owned();
        panic!("the call failed: {message}");
    }
    // SAFETY: on success `out` is an owned string of the library.
    let text = unsafe { CStr::from_ptr(out) }.to_string_lossy().into_owned();
    unsafe { telnyx_string_free(out) };
    text
}

#[test]
fn records_of_a_retried_call_reach_the_callback_without_secrets() {
    // Requests 2, 4, ... get a 503: the second call is retried once (after the usual backoff).
    let fault = Fault::Status { status: 503, retry_after: None };
    let options = MockOptions { faults: Some(FaultSchedule { every: 2, fault }), ..MockOptions::default() };
    let mock = MockServer::start_with(options).unwrap();
    // SAFETY: `capture` may be called from any thread; user_data is a plain number.
    assert!(unsafe { telnyx_set_logger(Some(capture), 42 as *mut c_void, 5) }.is_null());

    let options =
        CString::new(format!(r#"{{"api_key": "{API_KEY}", "base_url": "{}"}}"#, mock.base_url())).unwrap();
    let mut client = ptr::null_mut();
    assert!(unsafe { telnyx_client_new(options.as_ptr(), &mut client) }.is_null());
    let page = json(|out| unsafe { telnyx_messaging_profiles_list(client, ptr::null(), out) });
    let page: serde_json::Value = serde_json::from_str(&page).unwrap();
    let id = CString::new(page["data"][0]["id"].as_str().unwrap()).unwrap();
    let profile = json(|out| unsafe { telnyx_messaging_profiles_retrieve(client, id.as_ptr(), out) });
    let secret = serde_json::from_str::<serde_json::Value>(&profile).unwrap()["v1_secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(mock.requests_received(), 3, "list, then the retrieve and its retry");

    // Logging off: nothing more arrives.
    assert!(unsafe { telnyx_set_logger(None, ptr::null_mut(), 5) }.is_null());
    json(|out| unsafe { telnyx_messaging_profiles_list(client, ptr::null(), out) });
    unsafe { telnyx_client_free(client) };

    let records = RECORDS.lock().unwrap().clone();
    let line = format!("GET /messaging_profiles/{}", id.to_str().unwrap());
    let of_call: Vec<_> = records
        .iter()
        .filter(|(_, _, m)| m.starts_with(&format!("{line} ")) || m.starts_with(&format!("{line}:")))
        .collect();
    assert!(records.iter().all(|(_, target, _)| target == "telnyx_messaging"), "{records:#?}");
    // attempt 1: debug, 503; the retry decision: info; attempt 2: debug, 200; bodies: trace.
    let debug: Vec<_> =
        of_call.iter().filter(|(level, _, _)| *level == 4).map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(debug.len(), 2, "{of_call:#?}");
    assert!(
        debug[0].starts_with(&format!("{line} -> 503 in ")) && debug[0].contains("(attempt 1, request id ")
    );
    assert!(
        debug[1].starts_with(&format!("{line} -> 200 in ")) && debug[1].contains("(attempt 2, request id ")
    );
    let info: Vec<_> =
        of_call.iter().filter(|(level, _, _)| *level == 3).map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(info.len(), 1, "{of_call:#?}");
    assert!(info[0].starts_with(&format!("{line}: retrying in ")) && info[0].contains("503"), "{}", info[0]);
    assert!(info[0].ends_with("(attempt 1 failed)"), "{}", info[0]);
    let bodies: Vec<_> = of_call.iter().filter(|(level, _, _)| *level == 5).collect();
    assert!(bodies.iter().any(|(_, _, m)| m.contains("\"v1_secret\":\"[redacted]\"")), "{bodies:#?}");
    // No record at any level holds a secret.
    for (_, _, message) in &records {
        assert!(!message.contains(API_KEY) && !message.contains(&secret), "a secret in {message:?}");
    }
    // The list before logging was turned off is there, the one after is not.
    let lists =
        records.iter().filter(|(_, _, m)| m.starts_with("GET /messaging_profiles -> 200 in ")).count();
    assert_eq!(lists, 1, "{records:#?}");
}
