//! The retry loop, with an injected sleeper that records the delays instead of waiting: which
//! statuses and methods are retried, the server's wait hints, backoff, limits and deadlines.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::json;
use telnyx_messaging::{
    AutorespConfigParams, AutorespOp, Client, ClientBuilder, CreateMessagingProfileParams, Error,
    ProxyChoice, RequestOptions, UpdateMessagingProfileParams,
};

const PROFILE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

type Delays = Arc<Mutex<Vec<Duration>>>;

/// A builder pointing at `url` whose sleeper records each delay and returns at once.
fn builder(url: &str) -> (ClientBuilder, Delays) {
    let delays = Delays::default();
    let recorded = Arc::clone(&delays);
    let builder = Client::builder()
        .api_key("test-key")
        .base_url(url)
        .proxy(ProxyChoice::None)
        .sleeper(move |d| recorded.lock().unwrap().push(d));
    (builder, delays)
}

fn client(server: &ServerGuard) -> (Client, Delays) {
    let (builder, delays) = builder(&server.url());
    (builder.build().unwrap(), delays)
}

fn delays(d: &Delays) -> Vec<Duration> {
    d.lock().unwrap().clone()
}

fn profile_path() -> String {
    format!("/messaging_profiles/{PROFILE_ID}")
}

/// A mock answering `method path` with `status` and `headers`, expected `hits` times.
fn failing(
    server: &mut ServerGuard,
    method: &str,
    path: &str,
    status: usize,
    headers: &[(&str, &str)],
    hits: usize,
) -> Mock {
    let mut mock = server
        .mock(method, path)
        .with_status(status)
        .with_body(r#"{"errors":[{"code":"10007","title":"Unexpected error"}]}"#);
    for (name, value) in headers {
        mock = mock.with_header(*name, value);
    }
    mock.expect(hits).create()
}

/// A mock answering `method path` with a profile, expected `hits` times. Create it after the
/// failing mocks: mockito serves the first mock that still expects hits.
fn succeeding(server: &mut ServerGuard, method: &str, path: &str, hits: usize) -> Mock {
    server.mock(method, path).with_body(json!({"data": {"id": PROFILE_ID}}).to_string()).expect(hits).create()
}

fn in_range(d: Duration, lo: f64, hi: f64) -> bool {
    (lo..=hi).contains(&d.as_secs_f64())
}

/// GET of one profile against a server that always answers `status` with `headers`: returns the
/// error, the recorded delays, and checks the server got exactly `attempts` requests.
fn get_always(status: usize, headers: &[(&str, &str)], attempts: usize) -> (Error, Vec<Duration>) {
    let mut server = Server::new();
    let mock = failing(&mut server, "GET", &profile_path(), status, headers, attempts);
    let (client, recorded) = client(&server);
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    mock.assert();
    assert_eq!(err.status(), Some(status as u16));
    (err, delays(&recorded))
}

#[test]
fn get_is_retried_twice_by_default_on_retryable_statuses() {
    for status in [500, 502, 503, 504, 408, 409, 429] {
        let (_, delays) = get_always(status, &[], 3);
        assert_eq!(delays.len(), 2, "{status}");
    }
}

#[test]
fn client_errors_are_not_retried() {
    for status in [400, 401, 403, 404, 422] {
        let (_, delays) = get_always(status, &[], 1);
        assert!(delays.is_empty(), "{status}");
    }
}

#[test]
fn a_retried_call_succeeds_and_reports_its_retry_count() {
    let mut server = Server::new();
    let path = profile_path();
    let fail_500 = failing(&mut server, "GET", &path, 500, &[], 1);
    let fail_503 = failing(&mut server, "GET", &path, 503, &[], 1);
    let ok = succeeding(&mut server, "GET", &path, 1);
    let (client, recorded) = client(&server);
    let response = client.messaging_profiles().with_response().retrieve(PROFILE_ID).unwrap();
    assert_eq!(response.data.id.as_deref(), Some(PROFILE_ID));
    assert_eq!(response.meta.retries, 2);
    assert_eq!(response.meta.status, 200);
    assert_eq!(delays(&recorded).len(), 2);
    fail_500.assert();
    fail_503.assert();
    ok.assert();
}

#[test]
fn the_last_error_is_returned_when_retries_run_out() {
    let mut server = Server::new();
    let path = profile_path();
    let m1 = failing(&mut server, "GET", &path, 503, &[], 1);
    let m2 = failing(&mut server, "GET", &path, 502, &[], 1);
    let m3 = failing(&mut server, "GET", &path, 500, &[("x-request-id", "last")], 1);
    let (client, _) = client(&server);
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.api_error().unwrap().request_id.as_deref(), Some("last"));
    m1.assert();
    m2.assert();
    m3.assert();
}

#[test]
fn x_should_retry_overrides_the_status() {
    let (_, delays) = get_always(400, &[("x-should-retry", "true")], 3);
    assert_eq!(delays.len(), 2);
    for status in [500, 503, 429, 409] {
        let (_, delays) = get_always(status, &[("x-should-retry", "false")], 1);
        assert!(delays.is_empty(), "{status}");
    }
}

#[test]
fn backoff_grows_with_jitter_and_is_capped_at_8_seconds() {
    let (_, d) = get_always(500, &[], 3);
    assert!(in_range(d[0], 0.375, 0.5), "{:?}", d[0]);
    assert!(in_range(d[1], 0.75, 1.0), "{:?}", d[1]);

    let mut server = Server::new();
    let mock = failing(&mut server, "GET", &profile_path(), 502, &[], 7);
    let (builder, recorded) = builder(&server.url());
    let client = builder.max_retries(6).build().unwrap();
    client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    mock.assert();
    let d = delays(&recorded);
    let bounds = [(0.375, 0.5), (0.75, 1.0), (1.5, 2.0), (3.0, 4.0), (6.0, 8.0), (6.0, 8.0)];
    assert_eq!(d.len(), bounds.len());
    for (delay, (lo, hi)) in d.iter().zip(bounds) {
        assert!(in_range(*delay, lo, hi), "{delay:?} not in [{lo}, {hi}]");
    }
}

#[test]
fn retry_after_ms_sets_the_delay() {
    let (_, d) = get_always(503, &[("retry-after-ms", "250")], 3);
    assert_eq!(d, [Duration::from_millis(250); 2]);
}

#[test]
fn retry_after_seconds_sets_the_delay() {
    let (_, d) = get_always(429, &[("retry-after", "3")], 3);
    assert_eq!(d, [Duration::from_secs(3); 2]);
    let (_, d) = get_always(503, &[("Retry-After", "1.5")], 3);
    assert_eq!(d, [Duration::from_millis(1500); 2]);
}

#[test]
fn retry_after_http_date_sets_the_delay() {
    let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(10));
    let (err, d) = get_always(503, &[("retry-after", at.as_str())], 3);
    assert_eq!(d.len(), 2);
    // The date has whole seconds, so the wait is a little under 10 s.
    assert!(d.iter().all(|d| in_range(*d, 8.0, 10.0)), "{d:?}");
    assert!(in_range(err.retry_after().unwrap(), 8.0, 10.0));

    // A date in the past asks for no wait: like a zero hint, the normal backoff applies.
    let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(60));
    let (_, d) = get_always(500, &[("retry-after", past.as_str())], 3);
    assert!(in_range(d[0], 0.375, 0.5) && in_range(d[1], 0.75, 1.0), "{d:?}");
}

#[test]
fn a_zero_hint_backs_off_like_no_hint() {
    for headers in [
        &[("retry-after", "0")][..],
        &[("retry-after-ms", "0")],
        &[("retry-after", "0"), ("retry-after-ms", "0")],
    ] {
        let (_, d) = get_always(429, headers, 3);
        assert!(in_range(d[0], 0.375, 0.5) && in_range(d[1], 0.75, 1.0), "{headers:?}: {d:?}");
    }
    // A 503 is retried for every method only with a real hint: with a zero one a POST is not.
    let mut server = Server::new();
    let mock = failing(&mut server, "POST", "/messaging_profiles", 503, &[("retry-after", "0")], 1);
    let (client, recorded) = client(&server);
    let create = CreateMessagingProfileParams::new("x", ["US"]);
    assert_eq!(client.messaging_profiles().create(&create).unwrap_err().status(), Some(503));
    mock.assert();
    assert!(delays(&recorded).is_empty());
}

#[test]
fn statuses_of_600_and_above_are_not_server_errors() {
    for status in [600, 799, 999] {
        let (_, d) = get_always(status, &[], 1);
        assert!(d.is_empty(), "{status} is not retried");
    }
}

#[test]
fn an_unreadable_retry_after_falls_back_to_backoff() {
    for value in ["soon", "-5", "NaN"] {
        let (err, d) = get_always(500, &[("retry-after", value)], 3);
        assert!(in_range(d[0], 0.375, 0.5) && in_range(d[1], 0.75, 1.0), "{value}: {d:?}");
        assert_eq!(err.retry_after(), None, "{value}");
    }
}

#[test]
fn x_ratelimit_reset_is_the_wait_on_429_only() {
    let (err, d) = get_always(429, &[("x-ratelimit-reset", "2")], 3);
    assert_eq!(d, [Duration::from_secs(2); 2]);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));

    let (err, d) = get_always(503, &[("x-ratelimit-reset", "30")], 3);
    assert!(in_range(d[0], 0.375, 0.5), "{d:?}");
    assert_eq!(err.retry_after(), None);
}

#[test]
fn a_wait_longer_than_max_retry_wait_is_not_waited_and_the_error_says_how_long() {
    let (err, d) = get_always(429, &[("retry-after", "120")], 1);
    assert!(d.is_empty());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));

    let mut server = Server::new();
    let mock = failing(&mut server, "GET", &profile_path(), 503, &[("retry-after-ms", "1500")], 1);
    let (builder, recorded) = builder(&server.url());
    let client = builder.max_retry_wait(Duration::from_secs(1)).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    mock.assert();
    assert!(delays(&recorded).is_empty());
    assert_eq!(err.retry_after(), Some(Duration::from_millis(1500)));
}

/// POST /messaging_profiles against a server that always answers `status` with `headers`;
/// returns how many delays were recorded after checking the server got `attempts` requests.
fn create_always(
    client_builder: impl FnOnce(ClientBuilder) -> ClientBuilder,
    options: Option<RequestOptions>,
    status: usize,
    headers: &[(&str, &str)],
    attempts: usize,
) -> usize {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/messaging_profiles")
        .match_body(Matcher::Json(json!({"name": "n", "whitelisted_destinations": ["US"]})))
        .with_status(status);
    let mock =
        headers.iter().fold(mock, |m, (name, value)| m.with_header(*name, value)).expect(attempts).create();
    let (builder, recorded) = builder(&server.url());
    let mut client = client_builder(builder).build().unwrap();
    if let Some(options) = options {
        client = client.with_options(options);
    }
    let err =
        client.messaging_profiles().create(&CreateMessagingProfileParams::new("n", ["US"])).unwrap_err();
    assert_eq!(err.status(), Some(status as u16));
    mock.assert();
    delays(&recorded).len()
}

#[test]
fn post_create_is_not_retried_on_errors_that_may_have_created_it() {
    for status in [500, 502, 503, 504, 408, 409] {
        assert_eq!(create_always(|b| b, None, status, &[], 1), 0, "{status}");
    }
}

#[test]
fn post_create_is_retried_when_the_server_says_it_did_nothing() {
    assert_eq!(create_always(|b| b, None, 429, &[], 3), 2);
    assert_eq!(create_always(|b| b, None, 503, &[("retry-after", "1")], 3), 2);
    assert_eq!(create_always(|b| b, None, 503, &[("retry-after-ms", "10")], 3), 2);
    assert_eq!(create_always(|b| b, None, 500, &[("x-should-retry", "true")], 3), 2);
    assert_eq!(create_always(|b| b, None, 429, &[("x-should-retry", "false")], 1), 0);
}

#[test]
fn post_create_is_retried_when_the_caller_allows_it() {
    assert_eq!(create_always(|b| b.retry_post(true), None, 500, &[], 3), 2);
    assert_eq!(create_always(|b| b.retry_post(true), None, 409, &[], 3), 2);
    assert_eq!(create_always(|b| b, Some(RequestOptions::new().retry_post(true)), 502, &[], 3), 2);
    assert_eq!(
        create_always(|b| b.retry_post(true), Some(RequestOptions::new().retry_post(false)), 500, &[], 1),
        0
    );
}

#[test]
fn other_post_calls_follow_the_post_rule_too() {
    let mut server = Server::new();
    let path = format!("{}/actions/regenerate_secret", profile_path());
    let regen = failing(&mut server, "POST", &path, 500, &[], 1);
    let autoresp_path = format!("{}/autoresp_configs", profile_path());
    let autoresp = failing(&mut server, "POST", &autoresp_path, 502, &[], 1);
    let (client, recorded) = client(&server);
    client.messaging_profiles().regenerate_secret(PROFILE_ID).unwrap_err();
    let params = AutorespConfigParams::new(AutorespOp::Start, ["START"], "US");
    client.messaging_profiles().autoresp_configs(PROFILE_ID).create(&params).unwrap_err();
    assert!(delays(&recorded).is_empty());
    regen.assert();
    autoresp.assert();
}

#[test]
fn patch_put_delete_and_get_are_retried_on_500() {
    let mut server = Server::new();
    let path = profile_path();
    let patch = failing(&mut server, "PATCH", &path, 500, &[], 3);
    let delete = failing(&mut server, "DELETE", &path, 500, &[], 3);
    let get = failing(&mut server, "GET", &path, 500, &[], 3);
    let cfg_path = format!("{path}/autoresp_configs/cfg-1");
    let put = failing(&mut server, "PUT", &cfg_path, 500, &[], 3);
    let sc_path = "/short_codes/sc-1";
    let sc_patch = server
        .mock("PATCH", sc_path)
        .match_body(Matcher::Exact(r#"{"messaging_profile_id":null}"#.into()))
        .with_status(500)
        .expect(3)
        .create();
    let (client, recorded) = client(&server);
    let profiles = client.messaging_profiles();
    profiles.update(PROFILE_ID, &UpdateMessagingProfileParams::new().clear_webhook_url()).unwrap_err();
    profiles.delete(PROFILE_ID).unwrap_err();
    profiles.retrieve(PROFILE_ID).unwrap_err();
    let params = AutorespConfigParams::new(AutorespOp::Stop, ["STOP"], "US");
    profiles.autoresp_configs(PROFILE_ID).update("cfg-1", &params).unwrap_err();
    client.short_codes().update("sc-1", &telnyx_messaging::UpdateShortCodeParams::unassign()).unwrap_err();
    assert_eq!(delays(&recorded).len(), 10);
    for mock in [patch, delete, get, put, sc_patch] {
        mock.assert();
    }
}

#[test]
fn a_retried_post_sends_the_same_body_and_headers_again() {
    let mut server = Server::new();
    let body = json!({"name": "n", "whitelisted_destinations": ["*"], "enabled": false});
    let limited = server
        .mock("POST", "/messaging_profiles")
        .match_header("authorization", "Bearer test-key")
        .match_header("content-type", "application/json")
        .match_body(Matcher::Json(body.clone()))
        .with_status(429)
        .expect(1)
        .create();
    let created = server
        .mock("POST", "/messaging_profiles")
        .match_header("authorization", "Bearer test-key")
        .match_header("x-idempotency-note", "same")
        .match_body(Matcher::Json(body))
        .with_body(json!({"data": {"id": PROFILE_ID}}).to_string())
        .expect(1)
        .create();
    let (client, _) = client(&server);
    let client = client.with_options(RequestOptions::new().header("x-idempotency-note", "same"));
    let response = client
        .messaging_profiles()
        .with_response()
        .create(&CreateMessagingProfileParams::new("n", ["*"]).enabled(false))
        .unwrap();
    assert_eq!(response.meta.retries, 1);
    limited.assert();
    created.assert();
}

#[test]
fn max_retries_zero_and_per_call_max_retries() {
    let mut server = Server::new();
    let mock = failing(&mut server, "GET", &profile_path(), 503, &[], 1 + 2 + 4);
    let (builder, recorded) = builder(&server.url());
    let client = builder.max_retries(0).build().unwrap();
    client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert!(delays(&recorded).is_empty());
    client
        .with_options(RequestOptions::new().max_retries(1))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap_err();
    assert_eq!(delays(&recorded).len(), 1);
    client
        .with_options(RequestOptions::new().max_retries(3))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap_err();
    assert_eq!(delays(&recorded).len(), 4);
    mock.assert();
}

#[test]
fn the_deadline_stops_retries_whose_wait_would_pass_it() {
    let mut server = Server::new();
    let path = profile_path();
    let first = failing(&mut server, "GET", &path, 503, &[("retry-after", "3")], 1);
    let second = failing(&mut server, "GET", &path, 503, &[("retry-after", "6")], 1);
    let never = succeeding(&mut server, "GET", &path, 0);
    let (builder, recorded) = builder(&server.url());
    let client = builder.deadline(Duration::from_secs(5)).max_retries(5).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(6)));
    assert_eq!(delays(&recorded), [Duration::from_secs(3)]);
    first.assert();
    second.assert();
    never.assert();
}

#[test]
fn a_per_call_deadline_stops_retries_too() {
    let mut server = Server::new();
    let mock = failing(&mut server, "GET", &profile_path(), 429, &[("retry-after", "10")], 1);
    let (client, recorded) = client(&server);
    let err = client
        .with_options(RequestOptions::new().deadline(Duration::from_secs(9)))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap_err();
    assert!(err.is_rate_limited());
    assert!(delays(&recorded).is_empty());
    mock.assert();
}

#[test]
fn a_zero_deadline_is_refused_before_any_request() {
    let mut server = Server::new();
    let never = succeeding(&mut server, "GET", &profile_path(), 0);
    let (builder, _) = builder(&server.url());
    let err = builder.deadline(Duration::ZERO).build().unwrap_err();
    assert_eq!(err.to_string(), "configuration error: deadline must be greater than zero");
    let client = client(&server).0;
    let err = client
        .with_options(RequestOptions::new().deadline(Duration::ZERO))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap_err();
    assert_eq!(err.to_string(), "invalid argument: deadline must be greater than zero");
    never.assert();
}

#[test]
fn connection_failures_before_sending_are_retried_even_for_post() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let (builder, recorded) = builder(&format!("http://127.0.0.1:{port}"));
    let client = builder.build().unwrap();
    let err =
        client.messaging_profiles().create(&CreateMessagingProfileParams::new("n", ["US"])).unwrap_err();
    assert!(matches!(err, Error::Connection { request_sent: false, .. }), "{err:?}");
    let d = delays(&recorded);
    assert_eq!(d.len(), 2);
    assert!(in_range(d[0], 0.375, 0.5) && in_range(d[1], 0.75, 1.0), "{d:?}");
}

#[test]
fn absurdly_long_wait_hints_are_not_waited_and_never_panic() {
    for (name, value) in
        [("retry-after", "1e30"), ("retry-after-ms", "1e30"), ("retry-after", "18446744073709551615")]
    {
        let (err, d) = get_always(503, &[(name, value)], 1);
        assert!(d.is_empty(), "{name}: {value}: {d:?}");
        assert!(err.retry_after().unwrap() > Duration::from_secs(60 * 60 * 24 * 365), "{name}: {value}");
    }
}

#[test]
fn huge_wait_hints_with_an_unbounded_max_retry_wait_and_a_deadline_never_panic() {
    let mut server = Server::new();
    let mock = failing(
        &mut server,
        "GET",
        &profile_path(),
        429,
        &[("x-ratelimit-reset", "18446744073709551615")],
        1,
    );
    let (builder, recorded) = builder(&server.url());
    let client = builder.max_retry_wait(Duration::MAX).deadline(Duration::from_secs(30)).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert!(err.is_rate_limited());
    assert!(delays(&recorded).is_empty());
    mock.assert();
}

#[test]
fn an_unbounded_deadline_or_timeout_works_like_none() {
    let mut server = Server::new();
    let path = profile_path();
    let mocks = [
        failing(&mut server, "GET", &path, 500, &[], 1),
        succeeding(&mut server, "GET", &path, 1),
        failing(&mut server, "GET", &path, 500, &[], 1),
        succeeding(&mut server, "GET", &path, 1),
    ];
    let (builder, recorded) = builder(&server.url());
    let client = builder
        .deadline(Duration::MAX)
        .timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .build()
        .unwrap();
    let response = client.messaging_profiles().with_response().retrieve(PROFILE_ID).unwrap();
    assert_eq!(response.meta.retries, 1);
    let per_call = client.with_options(RequestOptions::new().deadline(Duration::MAX).timeout(Duration::MAX));
    assert_eq!(per_call.messaging_profiles().with_response().retrieve(PROFILE_ID).unwrap().meta.retries, 1);
    assert_eq!(delays(&recorded).len(), 2);
    mocks.iter().for_each(Mock::assert);
}
