//! Keeps the mock server (`telnyx_messaging::mock`) honest: runs the tour's whole walk against it, and checks exact
//! behaviours of the mock through the library (and two the library cannot send, over raw TCP).
//! `cargo run --example tour` itself is run by CI.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use telnyx_messaging::{
    AutorespConfigParams, AutorespOp, Client, CreateMessagingProfileParams, Error,
    ListMessagingProfilesParams, ListShortCodesParams, Nullable, PageParams, ProxyChoice, RequestOptions,
    UpdateMessagingProfileParams, UpdateShortCodeParams,
};

// The tour's `main` is not used here, only its `walk`.
#[allow(dead_code)]
#[path = "../examples/tour.rs"]
mod tour;

use telnyx_messaging::mock::{MockServer, API_KEY};

fn client(mock: &MockServer, key: &str) -> Client {
    Client::builder().api_key(key).base_url(mock.base_url()).proxy(ProxyChoice::None).build().unwrap()
}

/// Sends one raw request and returns the status and the JSON body.
fn raw(mock: &MockServer, request_line: &str, body: &str) -> (u16, serde_json::Value) {
    let addr = mock.base_url().trim_start_matches("http://").trim_end_matches("/v2").to_owned();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        stream,
        "{request_line} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {API_KEY}\r\nConnection: close\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head[9..12].parse().unwrap(), serde_json::from_str(body).unwrap())
}

#[test]
fn the_tour_walks_through_everything_against_the_mock() {
    let mock = MockServer::start().unwrap();
    let client = client(&mock, API_KEY);
    tour::walk(&client, true).unwrap();
    // The tour deletes what it creates and unassigns the short code it assigned.
    let all = client.messaging_profiles().list(&ListMessagingProfilesParams::new()).unwrap();
    assert_eq!(all.meta.unwrap().total_results, Some(7));
    assert_eq!(client.short_codes().list(&ListShortCodesParams::new().unassigned()).unwrap().data.len(), 1);
}

#[test]
fn the_read_only_tour_changes_nothing() {
    let mock = MockServer::start().unwrap();
    let client = client(&mock, API_KEY);
    let before = client.messaging_profiles().list(&ListMessagingProfilesParams::new()).unwrap();
    tour::walk(&client, false).unwrap();
    assert_eq!(client.messaging_profiles().list(&ListMessagingProfilesParams::new()).unwrap(), before);
}

#[test]
fn pagination_filters_and_page_size_bounds() {
    let mock = MockServer::start().unwrap();
    let client = client(&mock, API_KEY);
    let profiles = client.messaging_profiles();

    let page = profiles.list(&ListMessagingProfilesParams::new().page_size(3).page_number(3)).unwrap();
    let meta = page.meta.unwrap();
    assert_eq!(
        (meta.page_number, meta.page_size, meta.total_pages, meta.total_results),
        (Some(3), Some(3), Some(3), Some(7))
    );
    assert_eq!(page.data.len(), 1);
    assert_eq!(profiles.list_all(&ListMessagingProfilesParams::new().page_size(2)).count(), 7);

    let alerts = profiles.list(&ListMessagingProfilesParams::new().filter_name_contains("alerts")).unwrap();
    let names: Vec<_> = alerts.data.iter().map(|p| p.name.clone().unwrap()).collect();
    assert_eq!(names, ["Alerts (US)", "Alerts (CA)"]);
    let eq = profiles.list(&ListMessagingProfilesParams::new().filter_name_eq("Support")).unwrap();
    assert_eq!(eq.data.len(), 1);
    assert_eq!(profiles.list(&ListMessagingProfilesParams::new().filter_name("Supp")).unwrap().data.len(), 0);

    let unassigned = client.short_codes().list(&ListShortCodesParams::new().unassigned()).unwrap();
    assert_eq!(unassigned.data.len(), 1);
    assert_eq!(unassigned.data[0].short_code.as_deref(), Some("24273"));
    assert_eq!(unassigned.data[0].messaging_profile_id, None);

    let (status, body) = raw(&mock, "GET /v2/messaging_profiles?page%5Bsize%5D=251", "");
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["source"]["parameter"], "page[size]");
    let (status, _) = raw(&mock, "GET /v2/short_codes?page[number]=0", "");
    assert_eq!(status, 400);
}

#[test]
fn create_update_with_null_regenerate_and_delete() {
    let mock = MockServer::start().unwrap();
    let client = client(&mock, API_KEY);
    let profiles = client.messaging_profiles();

    let (status, body) = raw(&mock, "POST /v2/messaging_profiles", "{}");
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["source"]["pointer"], "/name");
    assert_eq!(body["errors"][1]["source"]["pointer"], "/whitelisted_destinations");

    let created = profiles
        .create(
            &CreateMessagingProfileParams::new("Test", ["US"])
                .webhook_url("https://a.example/h")
                .webhook_failover_url("https://b.example/h"),
        )
        .unwrap();
    let id = created.id.clone().unwrap();
    assert_eq!(created.url_shortener_settings, Nullable::Null);

    let update = UpdateMessagingProfileParams::new().name("Renamed").clear_webhook_url();
    let updated = profiles.update(&id, &update).unwrap();
    assert_eq!(updated.name.as_deref(), Some("Renamed"));
    assert_eq!(updated.webhook_url, Nullable::Null);
    assert_eq!(updated.webhook_failover_url, Nullable::Value("https://b.example/h".into()));

    let regenerated = profiles.regenerate_secret(&id).unwrap();
    assert!(regenerated.v1_secret.is_some());
    assert_ne!(regenerated.v1_secret, updated.v1_secret);

    let deleted = profiles.delete(&id).unwrap();
    assert_eq!(deleted.name.as_deref(), Some("Renamed"));
    let error = profiles.retrieve(&id).unwrap_err();
    assert!(error.is_not_found(), "{error:?}");
    assert_eq!(error.api_error().unwrap().errors[0].code, "10005");
}

#[test]
fn autoresp_configs_and_short_code_assignment() {
    let mock = MockServer::start().unwrap();
    let client = client(&mock, API_KEY);
    let profile = client.messaging_profiles().create(&CreateMessagingProfileParams::new("A", ["*"])).unwrap();
    let id = profile.id.unwrap();

    let configs = client.messaging_profiles().autoresp_configs(&id);
    let config = configs.create(&AutorespConfigParams::new(AutorespOp::Info, ["HELP"], "US")).unwrap();
    assert!(config.created_at.as_deref().unwrap().ends_with("+00:00"));
    let replaced =
        configs.update(&config.id, &AutorespConfigParams::new(AutorespOp::Stop, ["STOP"], "*")).unwrap();
    assert_eq!((replaced.op, replaced.resp_text), (AutorespOp::Stop, None));
    assert_eq!(configs.delete(&config.id).unwrap(), "OK");
    assert!(configs.retrieve(&config.id).unwrap_err().is_not_found());

    let code = client.short_codes().list(&ListShortCodesParams::new().unassigned()).unwrap().data.remove(0);
    let code_id = code.id.unwrap();
    let assigned = client.short_codes().update(&code_id, &UpdateShortCodeParams::assign(&id)).unwrap();
    assert_eq!(assigned.messaging_profile_id.as_deref(), Some(id.as_str()));
    let own = client.messaging_profiles().list_short_codes(&id, &PageParams::new()).unwrap();
    assert_eq!(own.data.len(), 1);
    let back =
        client.short_codes().update(&code_id, &UpdateShortCodeParams::unassign_with_empty_string()).unwrap();
    assert_eq!(back.messaging_profile_id, None);
}

#[test]
fn errors_auth_rate_limit_and_shutdown() {
    let mock = MockServer::start().unwrap();
    let wrong = client(&mock, "KEY_WRONG");
    assert!(wrong
        .messaging_profiles()
        .list(&ListMessagingProfilesParams::new())
        .unwrap_err()
        .is_unauthorized());

    let limited = client(&mock, API_KEY)
        .with_options(RequestOptions::new().max_retries(0).header("x-mock-status", "429"));
    let error = limited.short_codes().list(&ListShortCodesParams::new()).unwrap_err();
    assert!(error.is_rate_limited());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(error.api_error().unwrap().rate_limit.remaining, Some(0));

    let client = client(&mock, API_KEY);
    drop(mock);
    let error = client
        .with_options(RequestOptions::new().max_retries(0))
        .short_codes()
        .list(&ListShortCodesParams::new());
    assert!(matches!(error, Err(Error::Connection { .. })), "{error:?}");
}

/// A server that answers page 1 whatever page is asked for (as Prism does with its example): the
/// tour reports each failed step and goes on to the end, then fails naming the failed steps.
#[test]
fn the_tour_goes_on_after_a_failed_step_and_fails_at_the_end() {
    use mockito::Matcher;

    let mut server = mockito::Server::new();
    let page = r#"{"data": [{"id": "p1", "name": "Alerts", "record_type": "messaging_profile"}],
                   "meta": {"page_number": 1, "page_size": 3, "total_pages": 3, "total_results": 9}}"#;
    let json = |m: mockito::Mock| m.with_header("content-type", "application/json");
    let lists = json(server.mock("GET", "/messaging_profiles").match_query(Matcher::Any))
        .with_body(page)
        .expect_at_least(3)
        .create();
    // A profile that is a page: retrieving it fails to decode.
    let retrieve = json(server.mock("GET", "/messaging_profiles/p1")).with_body(page).expect(1).create();
    let not_found = json(server.mock("GET", "/messaging_profiles/00000000-0000-4000-8000-000000000000"))
        .with_status(404)
        .with_body(r#"{"errors": [{"code": "10005", "title": "Not found"}]}"#)
        .expect(1)
        .create();
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .max_retries(0)
        .proxy(ProxyChoice::None)
        .build()
        .unwrap();

    let error = tour::walk(&client, false).unwrap_err().to_string();
    // Every read step ran: the retrieve after the failed listing, and the last step.
    lists.assert();
    retrieve.assert();
    not_found.assert();
    assert!(error.starts_with("7 of 10 steps failed: "), "{error}");
    for failed in [
        "List messaging profiles, 3 per page",
        "Retrieve one profile",
        "Phone numbers of the profile",
        "Short codes: of the profile",
        "Alphanumeric sender IDs",
        "Metrics:",
        "Auto-response configs of the profile",
    ] {
        assert!(error.contains(failed), "{failed} missing from: {error}");
    }
    assert!(!error.contains("Filter profiles") && !error.contains("Errors are typed"), "{error}");
}
