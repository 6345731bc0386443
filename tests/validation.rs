//! Bad client settings and call arguments are refused with an error that names the setting and
//! its rule, before any request (the mock counts what reaches it), and never a panic.

use std::time::Duration;

use telnyx_messaging::mock::{MockServer, API_KEY};
use telnyx_messaging::{Client, Error, ListMessagingProfilesParams, ProxyChoice, RequestOptions};

fn builder(base_url: &str) -> telnyx_messaging::ClientBuilder {
    Client::builder().api_key(API_KEY).base_url(base_url).proxy(ProxyChoice::None).max_retries(0)
}

fn config_error(result: telnyx_messaging::Result<Client>) -> String {
    match result {
        Err(Error::Config { message, .. }) => message,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[test]
fn api_keys_outside_visible_ascii_are_refused_at_build() {
    let mock = MockServer::start().unwrap();
    for key in ["KEY-café", "KEY with space", "KEY\r\nX-Injected: 1", "KEY\u{0}", "KEY\t"] {
        let message = config_error(Client::builder().api_key(key).base_url(mock.base_url()).build());
        assert!(message.contains("API key") && message.contains("visible ASCII"), "{key:?}: {message}");
        assert!(!message.contains(key), "the key is not echoed: {message}");
    }
    assert_eq!(mock.requests_received(), 0);
}

#[test]
fn reserved_and_malformed_headers_are_refused_at_build_and_per_call() {
    let mock = MockServer::start().unwrap();
    let client = builder(&mock.base_url()).build().unwrap();
    let cases = [
        ("Content-Length", "5", "cannot be given"),
        ("content-length", "0", "cannot be given"),
        ("Transfer-Encoding", "chunked", "cannot be given"),
        ("Host", "evil.example", "cannot be given"),
        ("Connection", "close", "cannot be given"),
        ("Authorization", "Bearer x", "API key"),
        ("X-Ok", "caf\u{e9}", "visible ASCII"),
        ("X-Ok", "a\r\nX-Injected: 1", "visible ASCII"),
        ("Bad Name", "v", "not a valid HTTP header name"),
    ];
    for (name, value, rule) in cases {
        let message = config_error(builder(&mock.base_url()).header(name, value).build());
        assert!(message.contains(rule), "{name}: {message}");
        let per_call = client.with_options(RequestOptions::new().header(name, value));
        match per_call.messaging_profiles().list(&ListMessagingProfilesParams::new()) {
            Err(Error::InvalidArgument(message)) => assert!(message.contains(rule), "{name}: {message}"),
            other => panic!("{name}: expected an invalid argument, got {other:?}"),
        }
    }
    assert_eq!(mock.requests_received(), 0, "nothing reached the server");
}

#[test]
fn bad_base_urls_are_refused_without_echoing_credentials_or_huge_urls() {
    let long = format!("http://127.0.0.1:1/{}", "a".repeat(70_000));
    let cases = [
        ("http://127.0.0.1:1/v2#frag", "#fragment"),
        ("http://127.0.0.1:99999/v2", "port"),
        ("http://127.0.0.1:abc/v2", "port"),
        ("http://127.0.0.1:0/v2", "port"),
        ("https://user:s3cret@api.example.com/v2", "credentials"),
        ("https://user:s3cret@api.example.com:99999/v2", "credentials"),
        (long.as_str(), "longer than"),
    ];
    for (url, rule) in cases {
        let message = config_error(Client::builder().api_key(API_KEY).base_url(url).build());
        assert!(message.contains(rule), "{}: {message}", &url[..40.min(url.len())]);
        assert!(!message.contains("s3cret"), "credentials echoed: {message}");
        assert!(message.len() < 400, "a short message: {} bytes", message.len());
    }
}

#[test]
fn ids_and_query_values_too_long_for_a_url_are_invalid_arguments_not_panics() {
    let mock = MockServer::start().unwrap();
    let client = builder(&mock.base_url()).build().unwrap();
    let id = "a".repeat(70_000);
    match client.messaging_profiles().retrieve(&id) {
        Err(Error::InvalidArgument(message)) => {
            assert_eq!(message, "messaging profile id is 70000 bytes long; ids are at most 1024 bytes")
        }
        other => panic!("expected an invalid argument, got {other:?}"),
    }
    let filter = ListMessagingProfilesParams::new().filter_name_contains("x".repeat(70_000));
    match client.messaging_profiles().list(&filter) {
        Err(Error::InvalidArgument(message)) => {
            assert_eq!(
                message,
                "query parameter filter[name][contains] is 70000 bytes long; at most 8192 bytes"
            )
        }
        other => panic!("expected an invalid argument, got {other:?}"),
    }
    assert_eq!(mock.requests_received(), 0);
}

#[test]
fn zero_timeouts_are_refused() {
    let message = config_error(builder("http://127.0.0.1:1").timeout(Duration::ZERO).build());
    assert!(message.contains("greater than zero"), "{message}");
}

#[test]
fn only_http_proxies_are_accepted_and_none_is_echoed() {
    let cases = [
        ("socks5://127.0.0.1:1080", "socks5 proxies are not supported"),
        ("socks5h://user:s3cret@127.0.0.1:1080", "socks5h proxies are not supported"),
        ("NONE", "must be an http:// or https:// proxy URL"),
        ("garbage", "must be an http:// or https:// proxy URL"),
        ("http://:0", "host and a port"),
        ("http://127.0.0.1:0", "host and a port"),
    ];
    for (proxy, rule) in cases {
        let built = Client::builder().api_key(API_KEY).proxy(ProxyChoice::Url(proxy.into())).build();
        let message = config_error(built);
        assert!(message.starts_with("proxy: ") && message.contains(rule), "{proxy}: {message}");
        assert!(!message.contains("s3cret"), "{message}");
    }
    let ok =
        Client::builder().api_key(API_KEY).proxy(ProxyChoice::Url("http://proxy.local:3128".into())).build();
    assert!(ok.is_ok());
}

#[test]
fn null_is_refused_for_patch_fields_that_cannot_be_cleared() {
    use telnyx_messaging::{Nullable, UpdateMessagingProfileParams, UpdateShortCodeParams};
    for field in ["name", "enabled", "whitelisted_destinations", "daily_spend_limit", "smart_encoding"] {
        let err = serde_json::from_str::<UpdateMessagingProfileParams>(&format!(r#"{{"{field}": null}}"#))
            .unwrap_err();
        assert!(err.to_string().contains("null is not allowed"), "{field}: {err}");
    }
    let clears: UpdateMessagingProfileParams = serde_json::from_str(r#"{"webhook_url": null}"#).unwrap();
    assert!(matches!(clears.webhook_url, Nullable::Null));
    let absent: UpdateMessagingProfileParams = serde_json::from_str("{}").unwrap();
    assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
    let err = serde_json::from_str::<UpdateShortCodeParams>(r#"{"messaging_profile_id": "p", "tags": null}"#)
        .unwrap_err();
    assert!(err.to_string().contains("null is not allowed"), "{err}");
}

#[test]
fn handles_are_copy_and_debug_and_iterators_are_debug_without_the_key() {
    fn copy_and_debug<T: Copy + std::fmt::Debug>(handle: T) -> String {
        let copied = handle;
        format!("{handle:?} {copied:?}")
    }
    let client = builder("http://127.0.0.1:9").build().unwrap();
    let shown = [
        copy_and_debug(client.messaging_profiles()),
        copy_and_debug(client.messaging_profiles().with_response()),
        copy_and_debug(client.short_codes().raw_json()),
        copy_and_debug(client.messaging_profile_metrics()),
        format!("{:?}", client.messaging_profiles().autoresp_configs("p1").clone()),
        format!("{:?}", client.messaging_profiles().list_all(&ListMessagingProfilesParams::new())),
        format!("{:?}", client.short_codes().list_all(&Default::default()).pages()),
    ];
    for text in shown {
        assert!(text.contains("127.0.0.1:9") && text.contains("[redacted]"), "{text}");
        assert!(!text.contains(API_KEY), "the key is not shown: {text}");
    }
}
