//! Every one of the 19 operations: the exact request (method, path, query, headers, JSON body) and
//! the exact decoding of a realistic response taken from the OpenAPI definition.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{json, Value};
use telnyx_messaging::{
    AutorespConfigParams, AutorespOp, Client, CreateMessagingProfileParams, ListAutorespConfigsParams,
    ListMessagingProfilesParams, ListShortCodesParams, MetricsParams, Nullable, NumberPoolSettings,
    PageParams, PhoneNumberType, ProxyChoice, RecordType, RequestOptions, TimeFrame,
    UpdateMessagingProfileParams, UpdateShortCodeParams, UrlShortenerSettings, WebhookApiVersion,
};

const USER_AGENT: &str = concat!("telnyx-messaging-rust/", env!("CARGO_PKG_VERSION"));
const PROFILE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const SHORT_CODE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa7";
const AUTORESP_ID: &str = "adc37adf-d110-4355-9e9a-262847e68e89";

fn client(server: &ServerGuard) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .proxy(ProxyChoice::None)
        .sleeper(|_| {})
        .build()
        .unwrap()
}

/// A mock that checks the headers every request must carry and that no body was sent.
fn request(server: &mut ServerGuard, method: &str, path_and_query: &str) -> Mock {
    server
        .mock(method, path_and_query)
        .match_header("authorization", "Bearer test-key")
        .match_header("accept", "application/json")
        .match_header("user-agent", USER_AGENT)
}

fn without_body(mock: Mock) -> Mock {
    mock.match_header("content-type", Matcher::Missing).match_body(Matcher::Exact(String::new()))
}

fn with_json_body(mock: Mock, body: Value) -> Mock {
    mock.match_header("content-type", "application/json").match_body(Matcher::Json(body))
}

fn respond(mock: Mock, body: &Value) -> Mock {
    mock.with_status(200).with_header("content-type", "application/json").with_body(body.to_string()).create()
}

/// JSON equality where numbers compare by value (`2` equals `2.0`, as in JSON itself).
fn assert_json_eq(actual: &Value, expected: &Value) {
    fn eq(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| eq(a, b))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
            }
            _ => a == b,
        }
    }
    assert!(eq(actual, expected), "JSON differs:\n actual: {actual:#}\n expected: {expected:#}");
}

/// The MessagingProfile example of the definition, with the nullable fields it leaves out.
fn profile_json() -> Value {
    json!({
        "ai_assistant_id": null,
        "alpha_sender": null,
        "created_at": "2019-01-23T18:10:02.574Z",
        "daily_spend_limit": "100.00",
        "daily_spend_limit_enabled": false,
        "enabled": true,
        "health_webhook_url": null,
        "id": PROFILE_ID,
        "mms_fall_back_to_sms": false,
        "mms_transcoding": false,
        "mobile_only": false,
        "name": "Profile for Messages",
        "number_pool_settings": {
            "geomatch": false,
            "long_code_weight": 2,
            "skip_unhealthy": false,
            "sticky_sender": true,
            "toll_free_weight": 10
        },
        "organization_id": "9e2a5ce7-1c0a-4c22-9e6e-5e2b3b8f1a11",
        "record_type": "messaging_profile",
        "redaction_enabled": false,
        "redaction_level": 2,
        "resource_group_id": null,
        "smart_encoding": true,
        "updated_at": "2019-01-23T18:10:02.574Z",
        "url_shortener_settings": {
            "domain": "example.ex",
            "prefix": "cmpny",
            "replace_blacklist_only": true,
            "send_webhooks": false
        },
        "v1_secret": "rP1VamejkU2v0qIUxntqLW2c",
        "webhook_api_version": "2",
        "webhook_failover_url": "https://backup.example.com/hooks",
        "webhook_url": "https://www.example.com/hooks",
        "whitelisted_destinations": ["US"]
    })
}

fn assert_is_example_profile(p: &telnyx_messaging::MessagingProfile) {
    assert_eq!(p.id.as_deref(), Some(PROFILE_ID));
    assert_eq!(p.record_type, Some(RecordType::MessagingProfile));
    assert_eq!(p.name.as_deref(), Some("Profile for Messages"));
    assert_eq!(p.enabled, Some(true));
    assert_eq!(p.webhook_url, Nullable::Value("https://www.example.com/hooks".to_owned()));
    assert_eq!(p.webhook_failover_url, Nullable::Value("https://backup.example.com/hooks".to_owned()));
    assert_eq!(p.webhook_api_version, Some(WebhookApiVersion::V2));
    assert_eq!(p.health_webhook_url, Nullable::Null);
    assert_eq!(p.whitelisted_destinations, Some(vec!["US".to_owned()]));
    let pool = p.number_pool_settings.as_value().expect("number pool settings");
    assert_eq!((pool.long_code_weight, pool.toll_free_weight), (2.0, 10.0));
    assert_eq!((pool.skip_unhealthy, pool.geomatch, pool.sticky_sender), (false, Some(false), Some(true)));
    let short = p.url_shortener_settings.as_value().expect("url shortener settings");
    assert_eq!(short.domain, "example.ex");
    assert_eq!(short.prefix.as_deref(), Some("cmpny"));
    assert_eq!((short.replace_blacklist_only, short.send_webhooks), (Some(true), Some(false)));
    assert_eq!(p.alpha_sender, Nullable::Null);
    assert_eq!(p.daily_spend_limit.as_deref(), Some("100.00"));
    assert_eq!(p.daily_spend_limit_enabled, Some(false));
    assert_eq!(
        (p.mms_fall_back_to_sms, p.mms_transcoding, p.mobile_only),
        (Some(false), Some(false), Some(false))
    );
    assert_eq!(
        (p.redaction_enabled, p.redaction_level, p.smart_encoding),
        (Some(false), Some(2), Some(true))
    );
    assert_eq!(p.ai_assistant_id, Nullable::Null);
    assert_eq!(p.resource_group_id, Nullable::Null);
    assert_eq!(p.organization_id.as_deref(), Some("9e2a5ce7-1c0a-4c22-9e6e-5e2b3b8f1a11"));
    assert_eq!(p.v1_secret.as_ref().map(|s| s.expose()), Some("rP1VamejkU2v0qIUxntqLW2c"));
    assert_eq!(p.created_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert_eq!(p.updated_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert!(p.extra.is_empty());
    assert_json_eq(&serde_json::to_value(p).unwrap(), &profile_json());
}

fn page_meta(number: u64, size: u64, pages: u64, results: u64) -> Value {
    json!({"page_number": number, "page_size": size, "total_pages": pages, "total_results": results})
}

fn phone_number_json() -> Value {
    json!({
        "country_code": "US",
        "created_at": "2019-01-23T18:10:02.574Z",
        "eligible_messaging_products": ["A2P"],
        "features": {
            "mms": null,
            "sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": true}
        },
        "health": {"inbound_outbound_ratio": 0.43, "message_count": 122, "spam_ratio": 0.06, "success_ratio": 0.94},
        "id": "1293384261075731499",
        "messaging_product": "A2P",
        "messaging_profile_id": PROFILE_ID,
        "organization_id": "9e2a5ce7-1c0a-4c22-9e6e-5e2b3b8f1a11",
        "phone_number": "+18005550001",
        "record_type": "messaging_settings",
        "tags": ["support"],
        "traffic_type": "A2P",
        "type": "tollfree",
        "updated_at": "2019-01-23T18:10:02.574Z"
    })
}

fn short_code_json() -> Value {
    json!({
        "country_code": "US",
        "created_at": "2019-01-23T18:10:02.574Z",
        "id": SHORT_CODE_ID,
        "messaging_profile_id": PROFILE_ID,
        "record_type": "short_code",
        "short_code": "12345",
        "tags": ["test_customer"],
        "updated_at": "2019-01-23T18:10:02.574Z"
    })
}

fn autoresp_json() -> Value {
    json!({
        "country_code": "US",
        "created_at": "2023-03-13T17:51:03.826453+00:00",
        "id": AUTORESP_ID,
        "keywords": ["UNSTOP"],
        "op": "start",
        "resp_text": "Hello there!",
        "updated_at": "2023-03-13T17:51:03.826453+00:00"
    })
}

// 1. GET /messaging_profiles

#[test]
fn list_profiles_sends_every_filter_and_page_param_percent_encoded() {
    let mut server = Server::new();
    let body = json!({"data": [profile_json()], "meta": page_meta(2, 5, 3, 11)});
    let mock = respond(
        without_body(request(
            &mut server,
            "GET",
            "/messaging_profiles?filter%5Bname%5D=Alerts&filter%5Bname%5D%5Beq%5D=Alerts%20US\
             &filter%5Bname%5D%5Bcontains%5D=a%26b%3Dc&page%5Bnumber%5D=2&page%5Bsize%5D=5",
        )),
        &body,
    );
    let params = ListMessagingProfilesParams::new()
        .filter_name("Alerts")
        .filter_name_eq("Alerts US")
        .filter_name_contains("a&b=c")
        .page_number(2)
        .page_size(5);
    let page = client(&server).messaging_profiles().list(&params).unwrap();
    mock.assert();
    assert_eq!(page.data.len(), 1);
    assert_is_example_profile(&page.data[0]);
    let meta = page.meta.expect("meta");
    assert_eq!(
        (meta.page_number, meta.page_size, meta.total_pages, meta.total_results),
        (Some(2), Some(5), Some(3), Some(11))
    );
}

#[test]
fn list_profiles_without_params_sends_no_query() {
    let mut server = Server::new();
    let mock = respond(
        without_body(request(&mut server, "GET", "/messaging_profiles")),
        &json!({"data": [], "meta": page_meta(1, 20, 0, 0)}),
    );
    let page = client(&server).messaging_profiles().list(&ListMessagingProfilesParams::new()).unwrap();
    mock.assert();
    assert!(page.data.is_empty());
    assert_eq!(page.meta.unwrap().total_results, Some(0));
}

// 2. POST /messaging_profiles

#[test]
fn create_profile_sends_only_the_required_fields() {
    let mut server = Server::new();
    let mock = respond(
        with_json_body(
            request(&mut server, "POST", "/messaging_profiles"),
            json!({"name": "Profile for Messages", "whitelisted_destinations": ["US", "*"]}),
        ),
        &json!({"data": profile_json()}),
    );
    let params = CreateMessagingProfileParams::new("Profile for Messages", ["US", "*"]);
    let profile = client(&server).messaging_profiles().create(&params).unwrap();
    mock.assert();
    assert_is_example_profile(&profile);
}

#[test]
fn create_profile_with_every_optional_field() {
    let mut server = Server::new();
    let expected = json!({
        "name": "My name",
        "whitelisted_destinations": ["US", "CA"],
        "enabled": true,
        "webhook_url": "https://www.example.com/hooks",
        "webhook_failover_url": "https://backup.example.com/hooks",
        "webhook_api_version": "2010-04-01",
        "health_webhook_url": "https://health.example.com/hooks",
        "number_pool_settings": {
            "long_code_weight": 1.5,
            "toll_free_weight": 10.0,
            "skip_unhealthy": true,
            "geomatch": false,
            "sticky_sender": true
        },
        "url_shortener_settings": {
            "domain": "example.ex",
            "prefix": "",
            "replace_blacklist_only": true,
            "send_webhooks": false
        },
        "alpha_sender": "MyCompany",
        "daily_spend_limit": "269.50",
        "daily_spend_limit_enabled": true,
        "mms_fall_back_to_sms": true,
        "mms_transcoding": true,
        "mobile_only": false,
        "smart_encoding": true,
        "ai_assistant_id": "ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000",
        "resource_group_id": "rg-1"
    });
    let mock = respond(
        with_json_body(request(&mut server, "POST", "/messaging_profiles"), expected),
        &json!({"data": profile_json()}),
    );
    let params = CreateMessagingProfileParams::new("My name", ["US", "CA"])
        .enabled(true)
        .webhook_url("https://www.example.com/hooks")
        .webhook_failover_url("https://backup.example.com/hooks")
        .webhook_api_version(WebhookApiVersion::V2010_04_01)
        .health_webhook_url("https://health.example.com/hooks")
        .number_pool_settings(NumberPoolSettings::new(1.5, 10.0, true).geomatch(false).sticky_sender(true))
        .url_shortener_settings(
            UrlShortenerSettings::new("example.ex")
                .prefix("")
                .replace_blacklist_only(true)
                .send_webhooks(false),
        )
        .alpha_sender("MyCompany")
        .daily_spend_limit("269.50")
        .daily_spend_limit_enabled(true)
        .mms_fall_back_to_sms(true)
        .mms_transcoding(true)
        .mobile_only(false)
        .smart_encoding(true)
        .ai_assistant_id("ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000")
        .resource_group_id("rg-1");
    let profile = client(&server).messaging_profiles().create(&params).unwrap();
    mock.assert();
    assert_is_example_profile(&profile);
}

// 3. GET /messaging_profiles/{id}

#[test]
fn retrieve_profile() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock = respond(without_body(request(&mut server, "GET", &path)), &json!({"data": profile_json()}));
    let profile = client(&server).messaging_profiles().retrieve(PROFILE_ID).unwrap();
    mock.assert();
    assert_is_example_profile(&profile);
}

// 4. PATCH /messaging_profiles/{id}

#[test]
fn update_profile_sets_name_clears_webhook_url_and_sends_nothing_else() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock = respond(
        request(&mut server, "PATCH", path.as_str())
            .match_header("content-type", "application/json")
            .match_body(Matcher::Exact(r#"{"name":"Alerts (US)","webhook_url":null}"#.into())),
        &json!({"data": profile_json()}),
    );
    let params = UpdateMessagingProfileParams::new().name("Alerts (US)").clear_webhook_url();
    let profile = client(&server).messaging_profiles().update(PROFILE_ID, &params).unwrap();
    mock.assert();
    assert_is_example_profile(&profile);
}

#[test]
fn update_profile_clears_all_six_nullable_fields() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock = respond(
        with_json_body(
            request(&mut server, "PATCH", path.as_str()),
            json!({
                "webhook_url": null,
                "webhook_failover_url": null,
                "number_pool_settings": null,
                "url_shortener_settings": null,
                "alpha_sender": null,
                "ai_assistant_id": null
            }),
        ),
        &json!({"data": profile_json()}),
    );
    let params = UpdateMessagingProfileParams::new()
        .clear_webhook_url()
        .clear_webhook_failover_url()
        .clear_number_pool_settings()
        .clear_url_shortener_settings()
        .clear_alpha_sender()
        .clear_ai_assistant_id();
    client(&server).messaging_profiles().update(PROFILE_ID, &params).unwrap();
    mock.assert();
}

#[test]
fn update_profile_with_every_field_set() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock = respond(
        with_json_body(
            request(&mut server, "PATCH", path.as_str()),
            json!({
                "name": "n",
                "enabled": false,
                "webhook_url": "https://a.example.com",
                "webhook_failover_url": "https://b.example.com",
                "webhook_api_version": "1",
                "whitelisted_destinations": ["*"],
                "number_pool_settings": {"long_code_weight": 0.25, "toll_free_weight": 0.75, "skip_unhealthy": false},
                "url_shortener_settings": {"domain": "acct.fyi"},
                "alpha_sender": "Acme",
                "daily_spend_limit": "100.00",
                "daily_spend_limit_enabled": true,
                "mms_fall_back_to_sms": false,
                "mms_transcoding": false,
                "mobile_only": true,
                "smart_encoding": false,
                "ai_assistant_id": "ai-1"
            }),
        ),
        &json!({"data": profile_json()}),
    );
    let params = UpdateMessagingProfileParams::new()
        .name("n")
        .enabled(false)
        .webhook_url("https://a.example.com")
        .webhook_failover_url("https://b.example.com")
        .webhook_api_version(WebhookApiVersion::V1)
        .whitelisted_destinations(["*"])
        .number_pool_settings(NumberPoolSettings::new(0.25, 0.75, false))
        .url_shortener_settings(UrlShortenerSettings::new("acct.fyi"))
        .alpha_sender("Acme")
        .daily_spend_limit("100.00")
        .daily_spend_limit_enabled(true)
        .mms_fall_back_to_sms(false)
        .mms_transcoding(false)
        .mobile_only(true)
        .smart_encoding(false)
        .ai_assistant_id("ai-1");
    client(&server).messaging_profiles().update(PROFILE_ID, &params).unwrap();
    mock.assert();
}

#[test]
fn update_profile_with_nothing_set_sends_an_empty_object() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock = respond(
        request(&mut server, "PATCH", path.as_str())
            .match_header("content-type", "application/json")
            .match_body(Matcher::Exact("{}".into())),
        &json!({"data": profile_json()}),
    );
    client(&server).messaging_profiles().update(PROFILE_ID, &UpdateMessagingProfileParams::new()).unwrap();
    mock.assert();
}

// 5. DELETE /messaging_profiles/{id}

#[test]
fn delete_profile_returns_the_deleted_profile() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock = respond(without_body(request(&mut server, "DELETE", &path)), &json!({"data": profile_json()}));
    let profile = client(&server).messaging_profiles().delete(PROFILE_ID).unwrap();
    mock.assert();
    assert_is_example_profile(&profile);
}

// 6. GET /messaging_profiles/{id}/phone_numbers

#[test]
fn list_profile_phone_numbers() {
    let mut server = Server::new();
    let path =
        format!("/messaging_profiles/{PROFILE_ID}/phone_numbers?page%5Bnumber%5D=3&page%5Bsize%5D=250");
    let body = json!({"data": [phone_number_json()], "meta": page_meta(3, 250, 3, 501)});
    let mock = respond(without_body(request(&mut server, "GET", &path)), &body);
    let page = client(&server)
        .messaging_profiles()
        .list_phone_numbers(PROFILE_ID, &PageParams::new().page_number(3).page_size(250))
        .unwrap();
    mock.assert();
    let n = &page.data[0];
    assert_eq!(n.id.as_deref(), Some("1293384261075731499"));
    assert_eq!(n.record_type, Some(RecordType::MessagingSettings));
    assert_eq!(n.phone_number.as_deref(), Some("+18005550001"));
    assert_eq!(n.messaging_profile_id, Nullable::Value(PROFILE_ID.to_owned()));
    assert_eq!(n.number_type, Some(PhoneNumberType::Tollfree));
    assert_eq!(n.eligible_messaging_products, Some(vec!["A2P".to_owned()]));
    let features = n.features.as_ref().unwrap();
    assert!(features.mms.is_null());
    let sms = features.sms.as_value().unwrap();
    assert!(sms.domestic_two_way && sms.international_inbound && sms.international_outbound);
    let health = n.health.as_ref().unwrap();
    assert_eq!(health.message_count, Some(122));
    assert_eq!(
        (health.inbound_outbound_ratio, health.spam_ratio, health.success_ratio),
        (Some(0.43), Some(0.06), Some(0.94))
    );
    assert_eq!(page.meta.unwrap().total_results, Some(501));
    assert_json_eq(&serde_json::to_value(&page.data[0]).unwrap(), &phone_number_json());
}

#[test]
fn list_profile_phone_numbers_without_page_params() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/phone_numbers");
    let mock = respond(without_body(request(&mut server, "GET", &path)), &json!({"data": []}));
    let page =
        client(&server).messaging_profiles().list_phone_numbers(PROFILE_ID, &PageParams::new()).unwrap();
    mock.assert();
    assert!(page.data.is_empty() && page.meta.is_none());
}

// 7. GET /messaging_profiles/{id}/short_codes

#[test]
fn list_profile_short_codes() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/short_codes?page%5Bsize%5D=10");
    let body = json!({"data": [short_code_json()], "meta": page_meta(1, 10, 1, 1)});
    let mock = respond(without_body(request(&mut server, "GET", &path)), &body);
    let page = client(&server)
        .messaging_profiles()
        .list_short_codes(PROFILE_ID, &PageParams::new().page_size(10))
        .unwrap();
    mock.assert();
    let sc = &page.data[0];
    assert_eq!(sc.short_code.as_deref(), Some("12345"));
    assert_eq!(sc.messaging_profile_id.as_deref(), Some(PROFILE_ID));
    assert_eq!(sc.record_type, Some(RecordType::ShortCode));
    assert_eq!(sc.tags, Some(vec!["test_customer".to_owned()]));
    assert_json_eq(&serde_json::to_value(sc).unwrap(), &short_code_json());
}

// 8. POST /messaging_profiles/{id}/actions/regenerate_secret

#[test]
fn regenerate_secret_posts_without_a_body() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/actions/regenerate_secret");
    let mock = respond(without_body(request(&mut server, "POST", &path)), &json!({"data": profile_json()}));
    let profile = client(&server).messaging_profiles().regenerate_secret(PROFILE_ID).unwrap();
    mock.assert();
    assert_is_example_profile(&profile);
}

// 9. GET /messaging_profiles/{id}/alphanumeric_sender_ids

#[test]
fn list_alphanumeric_sender_ids() {
    let mut server = Server::new();
    let path = format!(
        "/messaging_profiles/{PROFILE_ID}/alphanumeric_sender_ids?page%5Bnumber%5D=1&page%5Bsize%5D=2"
    );
    let sender = json!({
        "alphanumeric_sender_id": "MyCompany",
        "id": "6a09cdc3-8948-47f0-aa62-74ac943d6c58",
        "messaging_profile_id": PROFILE_ID,
        "organization_id": "9e2a5ce7-1c0a-4c22-9e6e-5e2b3b8f1a11",
        "record_type": "alphanumeric_sender_id",
        "us_long_code_fallback": "+15551234567"
    });
    let body = json!({"data": [sender], "meta": page_meta(1, 2, 1, 1)});
    let mock = respond(without_body(request(&mut server, "GET", &path)), &body);
    let page = client(&server)
        .messaging_profiles()
        .list_alphanumeric_sender_ids(PROFILE_ID, &PageParams::new().page_number(1).page_size(2))
        .unwrap();
    mock.assert();
    let s = &page.data[0];
    assert_eq!(s.alphanumeric_sender_id.as_deref(), Some("MyCompany"));
    assert_eq!(s.id.as_deref(), Some("6a09cdc3-8948-47f0-aa62-74ac943d6c58"));
    assert_eq!(s.record_type, Some(RecordType::AlphanumericSenderId));
    assert_eq!(s.us_long_code_fallback.as_deref(), Some("+15551234567"));
    assert_eq!(serde_json::to_value(s).unwrap(), sender);
}

// 10. GET /messaging_profiles/{id}/metrics

#[test]
fn retrieve_profile_metrics_with_time_frame() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/metrics?time_frame=7d");
    let metrics = json!({
        "profile_id": PROFILE_ID,
        "time_frame": "7d",
        "outbound": {"sent": 120, "delivered": 118, "error_ratio": 0.0167},
        "timeseries": [{"timestamp": "2025-01-01T00:00:00Z", "sent": 20}]
    });
    let mock = respond(without_body(request(&mut server, "GET", &path)), &json!({"data": metrics}));
    let data = client(&server)
        .messaging_profiles()
        .retrieve_metrics(PROFILE_ID, &MetricsParams::new().time_frame(TimeFrame::SevenDays))
        .unwrap();
    mock.assert();
    assert_eq!(Value::Object(data), metrics);
}

#[test]
fn retrieve_profile_metrics_default_time_frame_sends_no_query() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/metrics");
    let mock = respond(without_body(request(&mut server, "GET", &path)), &json!({"data": {}}));
    let data =
        client(&server).messaging_profiles().retrieve_metrics(PROFILE_ID, &MetricsParams::new()).unwrap();
    mock.assert();
    assert!(data.is_empty());
}

// 11. GET /messaging_profile_metrics

#[test]
fn list_messaging_profile_metrics() {
    let mut server = Server::new();
    let item = json!({"profile_id": PROFILE_ID, "outbound": {"sent": 3, "delivered": 3}, "inbound": {"received": 1}});
    let body = json!({"data": [item], "meta": page_meta(1, 20, 1, 1)});
    let mock =
        respond(without_body(request(&mut server, "GET", "/messaging_profile_metrics?time_frame=1h")), &body);
    let page = client(&server)
        .messaging_profile_metrics()
        .list(&MetricsParams::new().time_frame(TimeFrame::OneHour))
        .unwrap();
    mock.assert();
    assert_eq!(page.data.len(), 1);
    assert_eq!(Value::Object(page.data[0].clone()), item);
    assert_eq!(page.meta.unwrap().total_results, Some(1));
}

// 12. GET /messaging_profiles/{profile_id}/autoresp_configs

#[test]
fn list_autoresp_configs_with_every_filter() {
    let mut server = Server::new();
    let path = format!(
        "/messaging_profiles/{PROFILE_ID}/autoresp_configs?country_code=US\
         &created_at%5Bgte%5D=2023-03-01T00%3A00%3A00Z&created_at%5Blte%5D=2023-03-31T00%3A00%3A00Z\
         &updated_at%5Bgte%5D=2023-03-02&updated_at%5Blte%5D=2023-03-30%2B00%3A00"
    );
    let configs = json!([
        {
            "country_code": "US",
            "created_at": "2023-03-21T23:37:45.858535+00:00",
            "id": "677ec1cb-949e-4aeb-a1c3-6d9ddffc1409",
            "keywords": ["START", "BEGIN"],
            "op": "start",
            "resp_text": "Thank you for subscribing US customer.",
            "updated_at": "2023-03-21T23:37:45.858535+00:00"
        },
        {
            "country_code": "US",
            "created_at": "2023-03-10T21:54:46.293380+00:00",
            "id": "54b7e19f-98a8-416f-81d1-a2782eade48b",
            "keywords": ["END", "STOP"],
            "op": "stop",
            "resp_text": "You have unsubscribed.",
            "updated_at": "2023-03-10T21:54:46.293380+00:00"
        },
        {
            "country_code": "*",
            "created_at": "2023-03-14T14:46:21.097735+00:00",
            "id": "cfe07be1-2369-433f-be00-eb176008e834",
            "keywords": ["START"],
            "op": "start",
            "resp_text": "Thank you for subscribing.",
            "updated_at": "2023-03-14T14:46:21.097735+00:00"
        }
    ]);
    let body = json!({"data": configs, "meta": page_meta(1, 5, 1, 3)});
    let mock = respond(without_body(request(&mut server, "GET", &path)), &body);
    let params = ListAutorespConfigsParams::new()
        .country_code("US")
        .created_at_gte("2023-03-01T00:00:00Z")
        .created_at_lte("2023-03-31T00:00:00Z")
        .updated_at_gte("2023-03-02")
        .updated_at_lte("2023-03-30+00:00");
    let page = client(&server).messaging_profiles().autoresp_configs(PROFILE_ID).list(&params).unwrap();
    mock.assert();
    assert_eq!(page.data.len(), 3);
    assert_eq!(page.data[1].op, AutorespOp::Stop);
    assert_eq!(page.data[1].keywords, ["END", "STOP"]);
    assert_eq!(page.data[2].country_code, "*");
    assert_eq!(page.data[0].created_at.as_deref(), Some("2023-03-21T23:37:45.858535+00:00"));
    assert_eq!(serde_json::to_value(&page.data).unwrap(), configs);
    assert_eq!(page.meta.unwrap().page_size, Some(5));
}

// 13. POST /messaging_profiles/{profile_id}/autoresp_configs

#[test]
fn create_autoresp_config() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs");
    let created = json!({
        "country_code": "US",
        "created_at": "2023-03-22T00:06:49.068817+00:00",
        "id": "c2298f86-a4dc-4cac-b6b6-4a3d01c290fa",
        "keywords": ["START"],
        "op": "start",
        "resp_text": "Hello there!",
        "updated_at": "2023-03-22T00:06:49.068817+00:00"
    });
    let mock = respond(
        with_json_body(
            request(&mut server, "POST", path.as_str()),
            json!({"op": "start", "keywords": ["START"], "country_code": "US", "resp_text": "Hello there!"}),
        ),
        &json!({"data": created}),
    );
    let params = AutorespConfigParams::new(AutorespOp::Start, ["START"], "US").resp_text("Hello there!");
    let config = client(&server).messaging_profiles().autoresp_configs(PROFILE_ID).create(&params).unwrap();
    mock.assert();
    assert_eq!(config.id, "c2298f86-a4dc-4cac-b6b6-4a3d01c290fa");
    assert_eq!(config.op, AutorespOp::Start);
    assert_eq!(config.resp_text.as_deref(), Some("Hello there!"));
    assert_eq!(serde_json::to_value(&config).unwrap(), created);
}

#[test]
fn create_autoresp_config_without_resp_text_leaves_it_out() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs");
    let mock = respond(
        with_json_body(
            request(&mut server, "POST", path.as_str()),
            json!({"op": "info", "keywords": ["HELP", "INFO"], "country_code": "*"}),
        ),
        &json!({"data": autoresp_json()}),
    );
    let params = AutorespConfigParams::new(AutorespOp::Info, ["HELP", "INFO"], "*");
    client(&server).messaging_profiles().autoresp_configs(PROFILE_ID).create(&params).unwrap();
    mock.assert();
}

// 14. GET /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}

#[test]
fn retrieve_autoresp_config() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs/{AUTORESP_ID}");
    let mock = respond(without_body(request(&mut server, "GET", &path)), &json!({"data": autoresp_json()}));
    let config =
        client(&server).messaging_profiles().autoresp_configs(PROFILE_ID).retrieve(AUTORESP_ID).unwrap();
    mock.assert();
    assert_eq!(config.id, AUTORESP_ID);
    assert_eq!(config.keywords, ["UNSTOP"]);
    assert_eq!(config.country_code, "US");
    assert_eq!(config.updated_at.as_deref(), Some("2023-03-13T17:51:03.826453+00:00"));
    assert!(config.extra.is_empty());
    assert_eq!(serde_json::to_value(&config).unwrap(), autoresp_json());
}

// 15. PUT /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}

#[test]
fn update_autoresp_config_replaces_it_with_put() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs/{AUTORESP_ID}");
    let updated = json!({
        "country_code": "*",
        "created_at": "2023-03-10T21:54:46.293380+00:00",
        "id": AUTORESP_ID,
        "keywords": ["START", "BEGIN"],
        "op": "start",
        "resp_text": "Hello there!",
        "updated_at": "2023-03-10T21:54:46.293380+00:00"
    });
    let mock = respond(
        with_json_body(
            request(&mut server, "PUT", path.as_str()),
            json!({"op": "start", "keywords": ["START", "BEGIN"], "country_code": "*", "resp_text": "Hello there!"}),
        ),
        &json!({"data": updated}),
    );
    let params =
        AutorespConfigParams::new(AutorespOp::Start, ["START", "BEGIN"], "*").resp_text("Hello there!");
    let config = client(&server)
        .messaging_profiles()
        .autoresp_configs(PROFILE_ID)
        .update(AUTORESP_ID, &params)
        .unwrap();
    mock.assert();
    assert_eq!(serde_json::to_value(&config).unwrap(), updated);
}

// 16. DELETE /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}

#[test]
fn delete_autoresp_config_returns_the_bare_string_ok() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs/{AUTORESP_ID}");
    let mock = without_body(request(&mut server, "DELETE", &path))
        .with_status(200)
        .with_header("content-type", "application/json")
        .with_body(r#""OK""#)
        .create();
    let text = client(&server).messaging_profiles().autoresp_configs(PROFILE_ID).delete(AUTORESP_ID).unwrap();
    mock.assert();
    assert_eq!(text, "OK");
}

// 17. GET /short_codes

#[test]
fn list_short_codes_with_profile_filter() {
    let mut server = Server::new();
    let path = format!(
        "/short_codes?filter%5Bmessaging_profile_id%5D={PROFILE_ID}&page%5Bnumber%5D=1&page%5Bsize%5D=20"
    );
    let body = json!({"data": [short_code_json()], "meta": page_meta(1, 20, 1, 1)});
    let mock = respond(without_body(request(&mut server, "GET", &path)), &body);
    let params =
        ListShortCodesParams::new().filter_messaging_profile_id(PROFILE_ID).page_number(1).page_size(20);
    let page = client(&server).short_codes().list(&params).unwrap();
    mock.assert();
    assert_json_eq(&serde_json::to_value(&page.data).unwrap(), &json!([short_code_json()]));
}

#[test]
fn list_unassigned_short_codes_sends_the_string_null() {
    let mut server = Server::new();
    let mut unassigned = short_code_json();
    unassigned["messaging_profile_id"] = Value::Null;
    let body = json!({"data": [unassigned], "meta": page_meta(1, 20, 1, 1)});
    let mock = respond(
        without_body(request(&mut server, "GET", "/short_codes?filter%5Bmessaging_profile_id%5D=null")),
        &body,
    );
    let page = client(&server).short_codes().list(&ListShortCodesParams::new().unassigned()).unwrap();
    mock.assert();
    assert_eq!(page.data[0].messaging_profile_id, None);
    assert_eq!(serde_json::to_value(&page.data[0]).unwrap(), unassigned);
}

// 18. GET /short_codes/{id}

#[test]
fn retrieve_short_code() {
    let mut server = Server::new();
    let path = format!("/short_codes/{SHORT_CODE_ID}");
    let mock = respond(without_body(request(&mut server, "GET", &path)), &json!({"data": short_code_json()}));
    let sc = client(&server).short_codes().retrieve(SHORT_CODE_ID).unwrap();
    mock.assert();
    assert_eq!(sc.id.as_deref(), Some(SHORT_CODE_ID));
    assert_eq!(sc.country_code.as_deref(), Some("US"));
    assert_eq!(sc.created_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert_eq!(serde_json::to_value(&sc).unwrap(), short_code_json());
}

// 19. PATCH /short_codes/{id}

fn short_code_update(body: &str, params: UpdateShortCodeParams) {
    let mut server = Server::new();
    let path = format!("/short_codes/{SHORT_CODE_ID}");
    let mock = respond(
        request(&mut server, "PATCH", path.as_str())
            .match_header("content-type", "application/json")
            .match_body(Matcher::Exact(body.to_owned())),
        &json!({"data": short_code_json()}),
    );
    let sc = client(&server).short_codes().update(SHORT_CODE_ID, &params).unwrap();
    mock.assert();
    assert_eq!(sc.id.as_deref(), Some(SHORT_CODE_ID));
}

#[test]
fn update_short_code_assigns_a_profile_with_tags() {
    short_code_update(
        r#"{"messaging_profile_id":"abc85f64-5717-4562-b3fc-2c9600000000","tags":["test_customer"]}"#,
        UpdateShortCodeParams::assign("abc85f64-5717-4562-b3fc-2c9600000000").tags(["test_customer"]),
    );
}

#[test]
fn update_short_code_assign_without_tags_leaves_tags_out() {
    short_code_update(
        r#"{"messaging_profile_id":"abc85f64-5717-4562-b3fc-2c9600000000"}"#,
        UpdateShortCodeParams::assign("abc85f64-5717-4562-b3fc-2c9600000000"),
    );
}

#[test]
fn update_short_code_unassign_sends_null() {
    short_code_update(r#"{"messaging_profile_id":null}"#, UpdateShortCodeParams::unassign());
}

#[test]
fn update_short_code_unassign_with_empty_string_sends_empty_string() {
    short_code_update(r#"{"messaging_profile_id":""}"#, UpdateShortCodeParams::unassign_with_empty_string());
}

// with_response() and with_options()

fn response_headers(mock: Mock) -> Mock {
    mock.with_header("x-request-id", "req-123")
        .with_header("x-ratelimit-limit", "100")
        .with_header("x-ratelimit-remaining", "98")
        .with_header("x-ratelimit-reset", "42")
}

#[test]
fn with_response_returns_status_request_id_and_rate_limit() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let mock =
        respond(response_headers(request(&mut server, "GET", &path)), &json!({"data": profile_json()}));
    let client = client(&server);
    let response = client.messaging_profiles().with_response().retrieve(PROFILE_ID).unwrap();
    mock.assert();
    assert_is_example_profile(&response.data);
    let meta = &response.meta;
    assert_eq!(meta.status, 200);
    assert_eq!(meta.request_id.as_deref(), Some("req-123"));
    assert_eq!(
        (meta.rate_limit.limit, meta.rate_limit.remaining, meta.rate_limit.reset),
        (Some(100), Some(98), Some(42))
    );
    assert_eq!(meta.retries, 0);
    assert_eq!(meta.header("X-RateLimit-Remaining"), Some("98"));
    assert_eq!(meta.header("content-type"), Some("application/json"));
    assert_eq!(meta.header("x-missing"), None);
}

#[test]
fn with_response_on_every_resource_handle() {
    let mut server = Server::new();
    let client = client(&server);
    let page = json!({"data": [], "meta": page_meta(1, 20, 0, 0)});
    let m1 = respond(response_headers(request(&mut server, "GET", "/short_codes")), &page);
    let m2 = respond(response_headers(request(&mut server, "GET", "/messaging_profile_metrics")), &page);
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs/{AUTORESP_ID}");
    let m3 = response_headers(request(&mut server, "DELETE", &path))
        .with_status(200)
        .with_body(r#""OK""#)
        .create();

    let r = client.short_codes().with_response().list(&ListShortCodesParams::new()).unwrap();
    assert_eq!((r.meta.status, r.meta.request_id.as_deref()), (200, Some("req-123")));
    assert!(r.data.data.is_empty());
    let r = client.messaging_profile_metrics().with_response().list(&MetricsParams::new()).unwrap();
    assert_eq!(r.meta.rate_limit.remaining, Some(98));
    let r =
        client.messaging_profiles().with_response().autoresp_configs(PROFILE_ID).delete(AUTORESP_ID).unwrap();
    assert_eq!(r.data, "OK");
    assert_eq!(r.meta.rate_limit.reset, Some(42));
    m1.assert();
    m2.assert();
    m3.assert();
}

#[test]
fn with_options_adds_a_header_to_the_call_only() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let traced = respond(
        request(&mut server, "GET", path.as_str()).match_header("x-trace", "abc"),
        &json!({"data": profile_json()}),
    );
    let plain = respond(
        request(&mut server, "GET", path.as_str()).match_header("x-trace", Matcher::Missing),
        &json!({"data": profile_json()}),
    );
    let client = client(&server);
    client
        .with_options(RequestOptions::new().header("X-Trace", "abc"))
        .messaging_profiles()
        .retrieve(PROFILE_ID)
        .unwrap();
    client.messaging_profiles().retrieve(PROFILE_ID).unwrap();
    traced.assert();
    plain.assert();
}

#[test]
fn chained_with_options_accumulate_and_the_later_setting_wins() {
    let mut server = Server::new();
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    // One request only (max_retries 0 from the second call), with both calls' headers and the
    // second value of the header both set.
    let failing = request(&mut server, "GET", path.as_str())
        .match_header("x-a", "first")
        .match_header("x-b", "second")
        .match_header("x-both", "second")
        .with_status(500)
        .expect(1)
        .create();
    let client = client(&server);
    let chained = client
        .with_options(RequestOptions::new().header("X-A", "first").header("X-Both", "first").max_retries(3))
        .with_options(
            RequestOptions::new().header("X-B", "second").header("x-both", "second").max_retries(0),
        );
    let err = chained.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    assert_eq!(err.status(), Some(500), "{err}");
    failing.assert();
}

#[test]
fn every_call_can_carry_extra_query_parameters_and_body_members() {
    let mut server = Server::new();
    let list = server
        .mock("GET", "/short_codes")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("filter[messaging_profile_id]".into(), "p1".into()),
            Matcher::UrlEncoded("filter[new]".into(), "x y".into()),
        ]))
        .with_body(r#"{"data":[]}"#)
        .expect(1)
        .create();
    let create = server
        .mock("POST", "/messaging_profiles")
        // The derived client's options apply to every call it makes, the query parameter too.
        .match_query(Matcher::UrlEncoded("filter[new]".into(), "x y".into()))
        .match_body(Matcher::Json(json!({"name": "A", "whitelisted_destinations": ["US"], "new_field": {"on": true}, "enabled": false})))
        .with_body(json!({"data": profile_json()}).to_string())
        .expect(1)
        .create();
    let client = client(&server);
    // Chained options accumulate: the query parameter from the first, the body members from both.
    let extended = client
        .with_options(
            RequestOptions::new().extra_query("filter[new]", "x y").extra_body("enabled", json!(true)),
        )
        .with_options(
            RequestOptions::new()
                .extra_body("new_field", json!({"on": true}))
                .extra_body("enabled", json!(false)),
        );
    extended.short_codes().list(&ListShortCodesParams::new().filter_messaging_profile_id("p1")).unwrap();
    extended.messaging_profiles().create(&CreateMessagingProfileParams::new("A", ["US"])).unwrap();
    list.assert();
    create.assert();
}

#[test]
fn client_default_headers_and_user_agent_suffix_are_sent() {
    let mut server = Server::new();
    let mock = server
        .mock("GET", "/short_codes")
        .match_header("user-agent", format!("{USER_AGENT} my-app/1.2").as_str())
        .match_header("x-team", "billing")
        .match_header("x-trace", "per-call")
        .with_body(r#"{"data":[]}"#)
        .create();
    let client = Client::builder()
        .api_key("test-key")
        .base_url(format!("{}/", server.url()))
        .proxy(ProxyChoice::None)
        .user_agent_suffix("my-app/1.2")
        .header("X-Team", "billing")
        .header("X-Trace", "default")
        .build()
        .unwrap();
    client
        .with_options(RequestOptions::new().header("X-Trace", "per-call"))
        .short_codes()
        .list(&ListShortCodesParams::new())
        .unwrap();
    mock.assert();
}

#[test]
fn with_options_max_retries_applies_per_call() {
    let mut server = Server::new();
    let path = format!("/short_codes/{SHORT_CODE_ID}");
    let failing = request(&mut server, "GET", path.as_str()).with_status(500).expect(1 + 3).create();
    let delays = Arc::new(Mutex::new(Vec::<Duration>::new()));
    let recorded = Arc::clone(&delays);
    let client = Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .proxy(ProxyChoice::None)
        .sleeper(move |d| recorded.lock().unwrap().push(d))
        .build()
        .unwrap();
    // One attempt with max_retries(0) ...
    let err = client.with_options(RequestOptions::new().max_retries(0)).short_codes().retrieve(SHORT_CODE_ID);
    assert_eq!(err.unwrap_err().status(), Some(500));
    assert!(delays.lock().unwrap().is_empty());
    // ... three with the client's default of 2 retries: four requests in all.
    let err = client.short_codes().retrieve(SHORT_CODE_ID);
    assert_eq!(err.unwrap_err().status(), Some(500));
    assert_eq!(delays.lock().unwrap().len(), 2);
    failing.assert();
}
