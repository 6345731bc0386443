//! Performance on a real network: gzip (the request header, decoding, fewer bytes on the wire),
//! the mock's realistic-network options (bandwidth cap, a profile with many phone numbers), and
//! read-ahead of list iterators with exact request counts, in order errors, faults and early drops.

use std::io::Write;
use std::time::{Duration, Instant};

use mockito::{Matcher, ServerGuard};
use serde_json::{json, Value};
use telnyx_messaging::mock::{Fault, FaultSchedule, MockOptions, MockServer, API_KEY};
use telnyx_messaging::{Client, Error, ListMessagingProfilesParams, PageParams, ProxyChoice};

fn client(base_url: &str, retries: u32, read_ahead: bool) -> Client {
    Client::builder()
        .api_key(API_KEY)
        .base_url(base_url)
        .proxy(ProxyChoice::None)
        .max_retries(retries)
        .sleeper(|_| {})
        .read_ahead(read_ahead)
        .build()
        .unwrap()
}

fn mock(options: MockOptions) -> MockServer {
    MockServer::start_with(options).unwrap()
}

fn names(client: &Client, page_size: u32) -> Vec<String> {
    client
        .messaging_profiles()
        .list_all(&ListMessagingProfilesParams::new().page_size(page_size))
        .map(|p| p.unwrap().name.unwrap_or_default())
        .collect()
}

/// Waits up to 5 s for `mock` to have received `n` requests.
fn wait_for_requests(mock: &MockServer, n: u64) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        if mock.requests_received() >= n {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

fn gzipped(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn requests_accept_gzip_and_gzipped_answers_are_decoded() {
    let mut server = mockito::Server::new();
    let body = json!({"data": {"id": "p1", "name": "Zipped"}}).to_string();
    let m = server
        .mock("GET", "/messaging_profiles/p1")
        .match_header("accept-encoding", Matcher::Regex("(^|, *)gzip(,|$)".into()))
        .with_header("content-type", "application/json")
        .with_header("content-encoding", "gzip")
        .with_body(gzipped(&body))
        .expect(1)
        .create();
    let client = client(&server.url(), 0, false);
    let profile = client.messaging_profiles().retrieve("p1").unwrap();
    assert_eq!(profile.name.as_deref(), Some("Zipped"));
    m.assert();
}

#[test]
fn raw_json_of_a_gzipped_answer_is_the_decompressed_text() {
    let mut server = mockito::Server::new();
    let body = r#"{"data": {"id": "p1", "name": "Zipped", "future_field": 1}}"#;
    server
        .mock("GET", "/messaging_profiles/p1")
        .with_header("content-encoding", "gzip")
        .with_body(gzipped(body))
        .create();
    let client = client(&server.url(), 0, false);
    let raw = client.messaging_profiles().raw_json().retrieve("p1").unwrap();
    assert_eq!(raw, r#"{"id": "p1", "name": "Zipped", "future_field": 1}"#);
}

#[test]
fn the_gzip_mock_sends_fewer_bytes_for_the_same_items() {
    let options = MockOptions { extra_profiles: 1000, ..MockOptions::default() };
    let plain = mock(options.clone());
    let zipped = mock(MockOptions { gzip: true, ..options });
    let plain_names = names(&client(&plain.base_url(), 0, false), 250);
    let zipped_names = names(&client(&zipped.base_url(), 0, false), 250);
    assert_eq!(plain_names.len(), 1007);
    assert_eq!(zipped_names, plain_names);
    assert_eq!((plain.requests_received(), zipped.requests_received()), (5, 5));
    let (plain_bytes, zipped_bytes) = (plain.bytes_sent(), zipped.bytes_sent());
    assert!(zipped_bytes * 4 < plain_bytes, "gzip {zipped_bytes} bytes, plain {plain_bytes} bytes");
}

#[test]
fn the_gzip_mock_answers_plainly_when_gzip_is_not_accepted() {
    let mock = mock(MockOptions { gzip: true, ..MockOptions::default() });
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let url = format!("{}/messaging_profiles", mock.base_url());
    let auth = format!("Bearer {API_KEY}");
    let read = |encoding: &str| {
        let before = mock.bytes_sent();
        let mut response = agent
            .get(&url)
            .header("authorization", &auth)
            .header("accept-encoding", encoding)
            .call()
            .unwrap();
        let page: Value = serde_json::from_slice(&response.body_mut().read_to_vec().unwrap()).unwrap();
        (page, mock.bytes_sent() - before)
    };
    let (plain, plain_bytes) = read("identity");
    let (zipped, zipped_bytes) = read("br, gzip;q=0.8");
    assert_eq!(plain["data"].as_array().unwrap().len(), 7);
    assert_eq!(zipped["data"], plain["data"]);
    assert!(zipped_bytes * 2 < plain_bytes, "gzip {zipped_bytes} bytes, plain {plain_bytes} bytes");
}

#[test]
fn the_bandwidth_cap_slows_large_answers() {
    let mock =
        mock(MockOptions { extra_profiles: 250, bandwidth: Some(1_000_000), ..MockOptions::default() });
    let client = client(&mock.base_url(), 0, false);
    let started = Instant::now();
    let page = client.messaging_profiles().list(&ListMessagingProfilesParams::new().page_size(250)).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(page.data.len(), 250);
    let bytes = mock.bytes_sent();
    // At most 1 MB/s: the page (about 250 KB) cannot arrive sooner than its size allows.
    let floor = Duration::from_secs_f64(bytes as f64 / 1_000_000.0 * 0.9);
    assert!(elapsed >= floor, "{bytes} bytes in {elapsed:?}");
    assert!(MockServer::start_with(MockOptions { bandwidth: Some(0), ..MockOptions::default() }).is_err());
}

#[test]
fn extra_phone_numbers_belong_to_the_first_profile() {
    let mock = mock(MockOptions { extra_phone_numbers: 1000, ..MockOptions::default() });
    let client = client(&mock.base_url(), 0, false);
    let profiles = client.messaging_profiles();
    let first =
        profiles.list(&ListMessagingProfilesParams::new().page_size(1)).unwrap().data[0].id.clone().unwrap();
    let numbers: Vec<String> = profiles
        .list_all_phone_numbers(&first, &PageParams::new())
        .map(|n| n.unwrap().phone_number.unwrap())
        .collect();
    assert_eq!(numbers.len(), 1005); // 5 seeded, then the extra ones
    assert_eq!(mock.requests_received(), 1 + 5); // 250 per page
    let unique: std::collections::HashSet<&String> = numbers.iter().collect();
    assert_eq!(unique.len(), numbers.len());
}

// Read-ahead.

#[test]
fn read_ahead_yields_the_same_items_with_the_same_requests() {
    for read_ahead in [false, true] {
        let mock = mock(MockOptions { extra_profiles: 600, ..MockOptions::default() });
        let client = client(&mock.base_url(), 0, read_ahead);
        assert_eq!(client.read_ahead(), read_ahead);
        let names = names(&client, 100);
        assert_eq!(names.len(), 607);
        assert_eq!(names[7], "Profile 00001");
        // No request after the last page (total_pages says it is the last).
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(mock.requests_received(), 7, "read_ahead {read_ahead}");
    }
}

#[test]
fn read_ahead_fetches_the_next_page_before_it_is_asked_for_and_only_one() {
    let mock = mock(MockOptions { extra_profiles: 600, ..MockOptions::default() });
    let client = client(&mock.base_url(), 0, false);
    let mut pages = client
        .messaging_profiles()
        .list_all(&ListMessagingProfilesParams::new().page_size(100))
        .read_ahead(true)
        .pages();
    assert_eq!(mock.requests_received(), 0, "nothing is sent before the first page is asked for");
    let first = pages.next().unwrap().unwrap();
    assert_eq!(first.meta.unwrap().page_number, Some(1));
    assert!(wait_for_requests(&mock, 2), "page 2 is fetched while page 1 is in use");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(mock.requests_received(), 2, "never more than one page ahead");
    let second = pages.next().unwrap().unwrap();
    assert_eq!(second.meta.unwrap().page_number, Some(2));
    assert!(wait_for_requests(&mock, 3));
    assert_eq!(pages.count(), 5);
    assert_eq!(mock.requests_received(), 7);
}

#[test]
fn read_ahead_delivers_an_error_in_its_place_and_stops() {
    for read_ahead in [false, true] {
        // Requests 3, 6, ... fail: pages 1 and 2 arrive, page 3 is a 500, and nothing follows.
        let mock = mock(MockOptions {
            extra_profiles: 600,
            faults: Some(FaultSchedule { every: 3, fault: Fault::Status { status: 500, retry_after: None } }),
            ..MockOptions::default()
        });
        let client = client(&mock.base_url(), 0, read_ahead);
        let mut pages =
            client.messaging_profiles().list_all(&ListMessagingProfilesParams::new().page_size(100)).pages();
        assert_eq!(pages.next().unwrap().unwrap().meta.unwrap().page_number, Some(1));
        assert_eq!(pages.next().unwrap().unwrap().meta.unwrap().page_number, Some(2));
        match pages.next() {
            Some(Err(Error::Api(e))) => assert_eq!(e.status, 500),
            other => panic!("expected the 500 of page 3, got {other:?}"),
        }
        assert!(pages.next().is_none());
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(mock.requests_received(), 3, "read_ahead {read_ahead}");
    }
}

#[test]
fn read_ahead_retries_exactly_as_a_plain_fetch() {
    for read_ahead in [false, true] {
        // Every second request is a 503: page 1 arrives at once, every later page on its retry.
        let mock = mock(MockOptions {
            extra_profiles: 600,
            faults: Some(FaultSchedule { every: 2, fault: Fault::Status { status: 503, retry_after: None } }),
            ..MockOptions::default()
        });
        let client = client(&mock.base_url(), 2, read_ahead);
        assert_eq!(names(&client, 100).len(), 607);
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(mock.requests_received(), 1 + 2 * 6, "read_ahead {read_ahead}");
    }
}

#[test]
fn dropping_a_read_ahead_iterator_does_not_block_and_sends_nothing_more() {
    // Request 2 (page 2, fetched ahead) is a 503 the client would retry: after the drop it must
    // not be retried.
    let mock = mock(MockOptions {
        extra_profiles: 600,
        latency: Duration::from_millis(300),
        faults: Some(FaultSchedule { every: 2, fault: Fault::Status { status: 503, retry_after: None } }),
        ..MockOptions::default()
    });
    let client = Client::builder()
        .api_key(API_KEY)
        .base_url(mock.base_url())
        .proxy(ProxyChoice::None)
        .max_retries(5)
        .sleeper(|_| std::thread::sleep(Duration::from_millis(10)))
        .read_ahead(true)
        .build()
        .unwrap();
    let mut items = client.messaging_profiles().list_all(&ListMessagingProfilesParams::new().page_size(100));
    assert!(items.next().unwrap().is_ok());
    assert!(wait_for_requests(&mock, 2));
    let started = Instant::now();
    drop(items);
    assert!(started.elapsed() < Duration::from_millis(100), "drop waited {:?}", started.elapsed());
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(mock.requests_received(), 2);
}

/// A mockito list body with `meta` `(page_number, total_pages)` and `n` items.
fn list_body(n: usize, meta: Option<(u64, u64)>) -> String {
    let data: Vec<Value> = (0..n).map(|i| json!({"id": format!("p{i}")})).collect();
    let mut body = json!({ "data": data });
    if let Some((number, total)) = meta {
        body["meta"] =
            json!({"page_number": number, "page_size": 2, "total_pages": total, "total_results": 2 * total});
    }
    body.to_string()
}

fn expect_page(server: &mut ServerGuard, number: u64, body: String, times: usize) -> mockito::Mock {
    server
        .mock("GET", "/messaging_profiles")
        .match_query(Matcher::UrlEncoded("page[number]".into(), number.to_string()))
        .with_body(body)
        .expect(times)
        .create()
}

#[test]
fn read_ahead_keeps_every_stop_rule() {
    let list = |server: &ServerGuard| {
        let client = client(&server.url(), 0, true);
        client
            .messaging_profiles()
            .list_all(&ListMessagingProfilesParams::new().page_size(2))
            .pages()
            .collect::<Vec<_>>()
    };
    // The last page by total_pages: no page 3 is asked for.
    let mut server = mockito::Server::new();
    let mocks = [
        expect_page(&mut server, 1, list_body(2, Some((1, 2))), 1),
        expect_page(&mut server, 2, list_body(2, Some((2, 2))), 1),
        expect_page(&mut server, 3, list_body(0, Some((3, 2))), 0),
    ];
    assert_eq!(list(&server).len(), 2);
    mocks.iter().for_each(mockito::Mock::assert);

    // An empty page ends the list even when meta promises more.
    let mut server = mockito::Server::new();
    let mocks = [
        expect_page(&mut server, 1, list_body(2, Some((1, 5))), 1),
        expect_page(&mut server, 2, list_body(0, Some((2, 5))), 1),
        expect_page(&mut server, 3, list_body(2, Some((3, 5))), 0),
    ];
    assert_eq!(list(&server).len(), 1);
    mocks.iter().for_each(mockito::Mock::assert);

    // A page without meta is the last one.
    let mut server = mockito::Server::new();
    let mocks = [
        expect_page(&mut server, 1, list_body(2, None), 1),
        expect_page(&mut server, 2, list_body(2, None), 0),
    ];
    assert_eq!(list(&server).len(), 1);
    mocks.iter().for_each(mockito::Mock::assert);

    // A server answering page 1 again ends with UnexpectedPage, in its place.
    let mut server = mockito::Server::new();
    let mocks = [
        expect_page(&mut server, 1, list_body(2, Some((1, 3))), 1),
        expect_page(&mut server, 2, list_body(2, Some((1, 3))), 1),
        expect_page(&mut server, 3, list_body(2, Some((3, 3))), 0),
    ];
    let pages = list(&server);
    assert_eq!(pages.len(), 2);
    assert!(pages[0].is_ok());
    assert!(matches!(pages[1], Err(Error::UnexpectedPage { requested: 2, received: 1 })), "{:?}", pages[1]);
    mocks.iter().for_each(mockito::Mock::assert);
}

// The raw JSON pages (the C ABI's page iterators): a cheap shape check instead of the models.

#[test]
fn raw_pages_are_checked_for_their_shape_only() {
    let raw_first_page = |body: &str| {
        let mut server = mockito::Server::new();
        server.mock("GET", Matcher::Any).with_body(body).create();
        let client = client(&server.url(), 0, false);
        let mut pages = client.messaging_profiles().list_all(&ListMessagingProfilesParams::new()).pages();
        pages.next_raw_json().unwrap()
    };
    // The items' members are the caller's to decode: a member of an unexpected type passes.
    let odd = r#"{"data": [{"id": "p1", "enabled": "yes", "new": {"x": [1]}}], "meta": {"page_number": 1, "total_pages": 1}}"#;
    assert_eq!(raw_first_page(odd).unwrap(), odd);
    // The page's shape is checked: JSON, an object, a list of objects, page numbers.
    for bad in [
        r#"{"data": [{"id": "p1"}"#,
        r#"[{"id": "p1"}]"#,
        r#"{"data": {"id": "p1"}}"#,
        r#"{"data": ["p1"]}"#,
        r#"{"data": [{"id": "p1"}], "meta": {"page_number": "one"}}"#,
    ] {
        match raw_first_page(bad) {
            Err(Error::Decode { status: 200, .. }) => {}
            other => panic!("{bad}: expected a decode error, got {other:?}"),
        }
    }
    // Not UTF-8.
    let mut server = mockito::Server::new();
    server.mock("GET", Matcher::Any).with_body(b"{\"data\": [{\"id\": \"\xff\"}]}").create();
    let client = client(&server.url(), 0, false);
    let mut pages = client.messaging_profiles().list_all(&ListMessagingProfilesParams::new()).pages();
    assert!(matches!(pages.next_raw_json(), Some(Err(Error::Decode { .. }))));
}
