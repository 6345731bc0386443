//! Every error class: API statuses with their parsed `errors[]` and headers, bodies that are not
//! JSON, undecodable success bodies, configuration errors, argument errors caught before any
//! request, and connection failures.

use std::net::TcpListener;
use std::time::Duration;

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::json;
use telnyx_messaging::{
    ApiError, AutorespConfigParams, AutorespOp, Client, ClientBuilder, Error, MetricsParams, PageParams,
    ProxyChoice, RequestOptions, UpdateMessagingProfileParams, UpdateShortCodeParams,
};

const PROFILE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

fn builder(url: &str) -> ClientBuilder {
    Client::builder().api_key("test-key").base_url(url).proxy(ProxyChoice::None).sleeper(|_| {})
}

/// A client that never retries, so each error comes from exactly one response.
fn client(server: &ServerGuard) -> Client {
    builder(&server.url()).max_retries(0).build().unwrap()
}

fn path() -> String {
    format!("/messaging_profiles/{PROFILE_ID}")
}

/// The error `retrieve` returns for one response with `status`, `headers` and `body`.
fn error_for(status: usize, headers: &[(&str, &str)], body: &str) -> Error {
    let mut server = Server::new();
    let mut mock = server.mock("GET", path().as_str()).with_status(status).with_body(body);
    for (name, value) in headers {
        mock = mock.with_header(*name, value);
    }
    let mock = mock.expect(1).create();
    let err = client(&server).messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    mock.assert();
    err
}

fn api(err: &Error) -> &ApiError {
    err.api_error().unwrap_or_else(|| panic!("expected an API error, got {err:?}"))
}

/// Mocks for any request at all, which must never be hit.
fn no_request(server: &mut ServerGuard) -> Vec<Mock> {
    ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .into_iter()
        .map(|method| server.mock(method, Matcher::Any).expect(0).create())
        .collect()
}

const RATE_HEADERS: [(&str, &str); 4] = [
    ("x-request-id", "0d5e6c3b-4a1e-4c39-9a5e-2d0f3d1c9b77"),
    ("x-ratelimit-limit", "200"),
    ("x-ratelimit-remaining", "0"),
    ("x-ratelimit-reset", "17"),
];

#[test]
fn every_error_status_is_an_api_error_with_parsed_errors_and_headers() {
    let cases = [
        (400, "10015", "Bad Request", "Invalid value for whitelisted_destinations"),
        (401, "10009", "Authentication failed", "The API key looks malformed"),
        (403, "10010", "Authorization failed", "You are not allowed to do this"),
        (404, "10005", "Resource not found", "The requested resource could not be found"),
        (409, "10035", "Conflict", "The profile is being changed by another request"),
        (422, "10016", "Unprocessable entity", "name is too long"),
        (429, "10011", "Too many requests", "Slow down"),
        (500, "10007", "Unexpected error", "An unexpected error occurred"),
    ];
    for (status, code, title, detail) in cases {
        let body = json!({"errors": [
            {
                "code": code,
                "title": title,
                "detail": detail,
                "source": {"pointer": "/whitelisted_destinations/0", "parameter": "page[size]"},
                "meta": {"url": format!("https://developers.telnyx.com/docs/overview/errors/{code}")}
            },
            {"code": "10001", "title": "Second error"}
        ]})
        .to_string();
        let err = error_for(status, &RATE_HEADERS, &body);
        let e = api(&err);
        assert_eq!(e.status, status as u16);
        assert_eq!(err.status(), Some(status as u16));
        assert_eq!(e.errors.len(), 2, "{status}");
        let first = &e.errors[0];
        assert_eq!((first.code.as_str(), first.title.as_str()), (code, title));
        assert_eq!(first.detail.as_deref(), Some(detail));
        let source = first.source.as_ref().unwrap();
        assert_eq!(source.pointer.as_deref(), Some("/whitelisted_destinations/0"));
        assert_eq!(source.parameter.as_deref(), Some("page[size]"));
        let url = format!("https://developers.telnyx.com/docs/overview/errors/{code}");
        assert_eq!(first.meta, Some(json!({ "url": url })));
        assert_eq!((e.errors[1].code.as_str(), e.errors[1].detail.as_ref()), ("10001", None));
        assert!(e.errors[1].source.is_none() && e.errors[1].meta.is_none());
        assert_eq!(e.body, body);
        assert_eq!(e.request_id.as_deref(), Some("0d5e6c3b-4a1e-4c39-9a5e-2d0f3d1c9b77"));
        assert_eq!(
            (e.rate_limit.limit, e.rate_limit.remaining, e.rate_limit.reset),
            (Some(200), Some(0), Some(17))
        );
        // x-ratelimit-reset is a wait hint only on 429.
        let expected_wait = (status == 429).then(|| Duration::from_secs(17));
        assert_eq!(e.retry_after, expected_wait, "{status}");
        assert_eq!(err.retry_after(), expected_wait);

        assert_eq!(err.is_not_found(), status == 404);
        assert_eq!(err.is_rate_limited(), status == 429);
        assert_eq!(err.is_unauthorized(), status == 401);
        assert!(!err.is_timeout() && !err.is_connection());

        let text = err.to_string();
        assert!(text.starts_with(&format!("API error {status} {}", e.reason())), "{text}");
        assert!(!e.reason().is_empty());
        assert!(
            text.contains(&format!("{title}: {detail} (code {code}) at /whitelisted_destinations/0")),
            "{text}"
        );
        assert!(text.contains("[request id 0d5e6c3b-4a1e-4c39-9a5e-2d0f3d1c9b77]"), "{text}");
    }
}

#[test]
fn not_found_display_and_helpers() {
    let body = r#"{"errors":[{"code":"10005","title":"Resource not found","detail":"The requested resource or URL could not be found.","source":{"pointer":"/id"}}]}"#;
    let err = error_for(404, &[("x-request-id", "req-404")], body);
    assert!(err.is_not_found());
    assert_eq!(
        err.to_string(),
        "API error 404 Not Found; Resource not found: The requested resource or URL could not be found. \
         (code 10005) at /id [request id req-404]"
    );
    assert_eq!(api(&err).rate_limit.limit, None);
    assert_eq!(err.retry_after(), None);
}

#[test]
fn unauthorized_helpers() {
    let body = r#"{"errors":[{"code":"10009","title":"Authentication failed"}]}"#;
    let err = error_for(401, &[], body);
    assert!(err.is_unauthorized() && !err.is_not_found() && !err.is_rate_limited());
    assert_eq!(err.to_string(), "API error 401 Unauthorized; Authentication failed (code 10009)");
    assert_eq!(api(&err).request_id, None);
}

#[test]
fn rate_limited_with_retry_after_seconds() {
    let body = r#"{"errors":[{"code":"10011","title":"Too many requests"}]}"#;
    let err = error_for(429, &[("retry-after", "30"), ("x-ratelimit-reset", "55")], body);
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)), "Retry-After wins over x-ratelimit-reset");
    assert_eq!(api(&err).rate_limit.reset, Some(55));
}

#[test]
fn retry_after_ms_is_the_most_precise_hint() {
    let err = error_for(503, &[("retry-after-ms", "1500"), ("retry-after", "9")], "");
    assert_eq!(err.retry_after(), Some(Duration::from_millis(1500)));
}

#[test]
fn numeric_error_codes_become_strings() {
    let err = error_for(422, &[], r#"{"errors":[{"code":10015,"title":"Invalid value","detail":null}]}"#);
    let e = api(&err);
    assert_eq!(e.errors[0].code, "10015");
    assert_eq!(e.errors[0].detail, None);
}

#[test]
fn html_empty_and_truncated_error_bodies_are_api_errors_without_details() {
    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let truncated = r#"{"errors":[{"code":"10007","title":"Unexp"#;
    let cases = [
        (502, html),
        (503, ""),
        (500, truncated),
        (404, "not json at all"),
        (400, r#"{"errors": "not a list"}"#),
        (422, r#"[1, 2, 3]"#),
        (418, "null"),
    ];
    for (status, body) in cases {
        let err = error_for(status, &[("content-type", "text/html")], body);
        let e = api(&err);
        assert_eq!(e.status, status as u16);
        assert!(e.errors.is_empty(), "{status}: {:?}", e.errors);
        assert_eq!(e.body, body);
        assert!(err.to_string().starts_with(&format!("API error {status}")), "{err}");
    }
}

#[test]
fn an_error_body_that_is_not_utf8_is_kept_lossily() {
    let mut server = Server::new();
    let mock =
        server.mock("GET", path().as_str()).with_status(500).with_body([0xff, 0xfe, b'o', b'k']).create();
    let err = client(&server).messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    mock.assert();
    assert_eq!(api(&err).body, "\u{fffd}\u{fffd}ok");
}

/// The error `retrieve` returns for a 200 response with `body`.
fn decode_error_for(body: &str) -> (u16, String, String) {
    match error_for(200, &[("content-type", "application/json")], body) {
        Error::Decode { status, message, snippet } => (status, message, snippet),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn malformed_success_bodies_are_decode_errors_with_a_snippet() {
    let cases = [
        "",
        "<html>oops</html>",
        r#"{"data": {"id": "abc", "name": "trunc"#,
        r#"{"data": {"id": 42}}"#,
        r#"{"data": {"enabled": "yes"}}"#,
        r#"{"data": {"whitelisted_destinations": "US"}}"#,
        r#"{"data": {"number_pool_settings": {"long_code_weight": "2"}}}"#,
        r#"{"data": ["a list"]}"#,
        r#"{"no_data": {}}"#,
        r#""OK""#,
        "null",
    ];
    for body in cases {
        let (status, message, snippet) = decode_error_for(body);
        assert_eq!(status, 200);
        assert!(!message.is_empty());
        assert_eq!(snippet, body, "the whole short body is the snippet");
    }
}

#[test]
fn decode_error_snippet_is_short_and_display_names_the_status() {
    let long = format!(r#"{{"data": {{"id": 1, "name": "{}"}}}}"#, "x".repeat(5000));
    let (_, message, snippet) = decode_error_for(&long);
    assert!(snippet.len() <= 200, "snippet is {} bytes", snippet.len());
    assert!(long.starts_with(&snippet));
    assert!(message.contains("invalid type"), "{message}");

    let err = error_for(200, &[], r#"{"data": {"id": 42}}"#);
    assert_eq!(err.status(), Some(200));
    assert!(!err.is_not_found());
    let text = err.to_string();
    assert!(text.starts_with("could not decode the response (HTTP 200): invalid type"), "{text}");
    assert!(text.contains(r#"body starts: "{\"data\": {\"id\": 42}}""#), "{text}");
}

#[test]
fn decode_error_snippet_of_a_multibyte_body_cut_mid_character_does_not_panic() {
    let body = format!(r#"{{"data": {{"id": 1, "name": "{}"}}}}"#, "é".repeat(300));
    let (_, _, snippet) = decode_error_for(&body);
    assert!(snippet.starts_with(r#"{"data": {"id": 1, "name": "éé"#));
}

#[test]
fn an_autoresp_delete_answer_that_is_not_a_string_is_a_decode_error() {
    let mut server = Server::new();
    let mock = server.mock("DELETE", Matcher::Any).with_body(r#"{"data": "OK"}"#).create();
    let err = client(&server).messaging_profiles().autoresp_configs(PROFILE_ID).delete("cfg").unwrap_err();
    mock.assert();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");
}

fn config_error(result: Result<Client, Error>) -> String {
    match result {
        Err(Error::Config { message, .. }) => message,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

/// The only test that touches the environment, so nothing else can see it half-changed.
#[test]
fn api_key_from_the_environment_and_missing_or_empty_keys() {
    let saved: Vec<_> =
        ["TELNYX_API_KEY", "TELNYX_BASE_URL"].into_iter().map(|n| (n, std::env::var_os(n))).collect();
    std::env::remove_var("TELNYX_API_KEY");
    std::env::remove_var("TELNYX_BASE_URL");

    let message = config_error(Client::new());
    assert!(message.contains("TELNYX_API_KEY"), "{message}");
    config_error(Client::builder().build());
    config_error(Client::builder().api_key("").build());
    config_error(Client::builder().api_key("  \t").build());
    std::env::set_var("TELNYX_API_KEY", "   ");
    config_error(Client::new());

    // With the variables set, Client::new() uses them.
    let mut server = Server::new();
    let mock = server
        .mock("GET", path().as_str())
        .match_header("authorization", "Bearer env-key")
        .with_body(json!({"data": {"id": PROFILE_ID}}).to_string())
        .create();
    std::env::set_var("TELNYX_API_KEY", "env-key");
    // An explicitly empty key is a mistake, not a request for the environment's key.
    config_error(Client::builder().api_key("").build());
    std::env::set_var("TELNYX_BASE_URL", server.url());
    let client = Client::new().unwrap();
    assert_eq!(client.base_url(), server.url());
    let result = client.messaging_profiles().retrieve(PROFILE_ID);

    for (name, value) in saved {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
    assert_eq!(result.unwrap().id.as_deref(), Some(PROFILE_ID));
    mock.assert();
}

#[test]
fn plain_http_is_refused_unless_loopback_or_allowed() {
    for url in ["http://api.example.com/v2", "http://10.0.0.1:8080", "http://localhost.example.com"] {
        let message = config_error(builder(url).build());
        assert!(message.contains("allow_insecure_http"), "{message}");
        let client = builder(url).allow_insecure_http(true).build().unwrap();
        assert_eq!(client.base_url(), url);
    }
    for url in ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "https://api.example.com/v2"] {
        builder(url).build().unwrap_or_else(|e| panic!("{url}: {e}"));
    }
    let client = builder("https://api.example.com/v2/").build().unwrap();
    assert_eq!(client.base_url(), "https://api.example.com/v2", "trailing slash dropped");
}

#[test]
fn unusable_base_urls_are_config_errors() {
    for url in ["", "not a url", "ftp://api.example.com", "/v2", "https://api.example.com/v2?x=1", "https://"]
    {
        config_error(builder(url).build());
    }
}

#[test]
fn config_errors_keep_their_cause() {
    let err = builder("https://api.example.com/v 2").build().unwrap_err();
    assert!(std::error::Error::source(&err).is_some(), "the URI parser's error: {err:?}");
    let err = builder("https://api.example.com/v2")
        .proxy(ProxyChoice::Url("http://[::1".into()))
        .build()
        .unwrap_err();
    assert!(std::error::Error::source(&err).is_some(), "ureq's proxy error: {err:?}");
    // A rule of this library, not a parse failure: no cause to report.
    let err = builder("https://api.example.com/v2").timeout(Duration::ZERO).build().unwrap_err();
    assert!(std::error::Error::source(&err).is_none());
}

#[test]
fn zero_timeouts_are_config_errors() {
    config_error(builder("http://127.0.0.1:9").timeout(Duration::ZERO).build());
    config_error(builder("http://127.0.0.1:9").connect_timeout(Duration::ZERO).build());
}

#[test]
fn bad_headers_keys_and_proxies_are_config_errors() {
    let url = "https://api.example.com/v2";
    let message = config_error(builder(url).header("bad name", "v").build());
    assert!(message.contains("bad name"), "{message}");
    assert!(!message.contains("invalid argument"), "{message}");
    config_error(builder(url).header("X-Ok", "line\nbreak").build());
    config_error(builder(url).header("", "v").build());
    config_error(builder(url).header("Authorization", "Bearer other").build());
    let message = config_error(builder(url).api_key("sk-secret\nvalue").build());
    assert!(!message.contains("sk-secret"), "{message}");
    config_error(builder(url).user_agent_suffix("bad\r\nsuffix").build());
    config_error(builder(url).proxy(ProxyChoice::Url("ftp://proxy.local:21".into())).build());
    config_error(builder(url).proxy(ProxyChoice::Url("not a proxy url".into())).build());
    builder(url).proxy(ProxyChoice::Url("http://proxy.local:3128".into())).build().unwrap();
    // SOCKS needs a ureq feature this client does not enable: refused, not a panic at the first call.
    let message =
        config_error(builder(url).proxy(ProxyChoice::Url("socks5://127.0.0.1:1080".into())).build());
    assert!(message.contains("socks5 proxies are not supported"), "{message}");
    config_error(builder(url).user_agent_suffix("caf\u{e9}").build());
}

fn assert_invalid<T: std::fmt::Debug>(result: Result<T, Error>, what: &str) {
    match result {
        Err(Error::InvalidArgument(message)) => assert!(message.contains(what), "{message} / {what}"),
        other => panic!("expected InvalidArgument about {what}, got {other:?}"),
    }
}

#[test]
fn empty_ids_are_invalid_arguments_and_send_no_request() {
    let mut server = Server::new();
    let none = no_request(&mut server);
    let client = client(&server);
    let profiles = client.messaging_profiles();
    let page = PageParams::new();
    assert_invalid(profiles.retrieve(""), "messaging profile id");
    assert_invalid(
        profiles.update("", &UpdateMessagingProfileParams::new().name("x")),
        "messaging profile id",
    );
    assert_invalid(profiles.delete(""), "messaging profile id");
    assert_invalid(profiles.regenerate_secret(""), "messaging profile id");
    assert_invalid(profiles.list_phone_numbers("", &page), "messaging profile id");
    assert_invalid(profiles.list_short_codes("", &page), "messaging profile id");
    assert_invalid(profiles.list_alphanumeric_sender_ids("", &page), "messaging profile id");
    assert_invalid(profiles.retrieve_metrics("", &MetricsParams::new()), "messaging profile id");
    assert!(matches!(
        profiles.list_all_phone_numbers("", &page).next(),
        Some(Err(Error::InvalidArgument(_)))
    ));

    let params = AutorespConfigParams::new(AutorespOp::Stop, ["STOP"], "US");
    assert_invalid(profiles.autoresp_configs("").list(&Default::default()), "profile id");
    assert_invalid(profiles.autoresp_configs("").create(&params), "profile id");
    assert_invalid(profiles.autoresp_configs("").retrieve("cfg"), "profile id");
    assert_invalid(profiles.autoresp_configs(PROFILE_ID).retrieve(""), "autoresp config id");
    assert_invalid(profiles.autoresp_configs(PROFILE_ID).update("", &params), "autoresp config id");
    assert_invalid(profiles.autoresp_configs(PROFILE_ID).delete(""), "autoresp config id");

    // Dot-segments would be resolved away by URL normalisation and reach another endpoint.
    assert_invalid(profiles.retrieve(".."), "messaging profile id");
    assert_invalid(profiles.delete("."), "messaging profile id");
    assert_invalid(client.short_codes().retrieve(".."), "short code id");
    assert_invalid(client.short_codes().retrieve(""), "short code id");
    assert_invalid(client.short_codes().update("", &UpdateShortCodeParams::unassign()), "short code id");
    none.iter().for_each(Mock::assert);
}

#[test]
fn bad_per_call_options_are_invalid_arguments_and_send_no_request() {
    let mut server = Server::new();
    let none = no_request(&mut server);
    let client = client(&server);
    for options in [
        RequestOptions::new().header("bad header", "v"),
        RequestOptions::new().header("X-Ok", "bad\nvalue"),
        RequestOptions::new().header("authorization", "Bearer someone-else"),
        RequestOptions::new().timeout(Duration::ZERO),
    ] {
        let result = client.with_options(options).messaging_profiles().retrieve(PROFILE_ID);
        assert!(matches!(result, Err(Error::InvalidArgument(_))), "{result:?}");
    }
    none.iter().for_each(Mock::assert);
}

#[test]
fn connection_refused_is_a_connection_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = builder(&format!("http://127.0.0.1:{port}")).max_retries(0).build().unwrap();
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    match &err {
        Error::Connection { message, request_sent, .. } => {
            assert!(!message.is_empty());
            assert!(!request_sent, "a refused connection never reached the server");
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
    assert!(err.is_connection() && !err.is_timeout());
    // The HTTP layer's error is kept as the cause.
    let cause = std::error::Error::source(&err).expect("a connection error keeps its cause");
    assert!(!cause.to_string().is_empty());
    assert_eq!(err.status(), None);
    assert_eq!(err.retry_after(), None);
    assert!(err.to_string().starts_with("connection error: "), "{err}");
}

#[test]
fn unexpected_page_error_display() {
    let err = Error::UnexpectedPage { requested: 2, received: 1 };
    assert_eq!(err.to_string(), "pagination stopped: asked for page 2 but the server answered page 1");
    assert_eq!(err.status(), None);
}
