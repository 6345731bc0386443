//! Models: round trips that keep absent, null and unknown fields; forward-compatible enums;
//! decimal strings, fractional weights and timestamps kept verbatim; secrets never printed; ids
//! percent-encoded as exactly one path segment.

use mockito::{Server, ServerGuard};
use serde_json::{json, Value};
use telnyx_messaging::{
    AutorespConfigParams, AutorespOp, Client, CreateMessagingProfileParams, ListShortCodesParams, Nullable,
    PageParams, PhoneNumberType, ProxyChoice, RecordType, TimeFrame, UpdateMessagingProfileParams,
    UpdateShortCodeParams, WebhookApiVersion,
};

const PROFILE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const API_KEY: &str = "KEY0123SECRETAPIKEYabcdef";
const V1_SECRET: &str = "rP1VamejkU2v0qIUxntqLW2c";

fn client(server: &ServerGuard) -> Client {
    Client::builder()
        .api_key(API_KEY)
        .base_url(server.url())
        .proxy(ProxyChoice::None)
        .max_retries(0)
        .build()
        .unwrap()
}

/// Serves `body` once for `GET path` and returns the client, the server and the mock.
fn serve(path: &str, body: &Value) -> (Client, ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    let mock = server.mock("GET", path).with_body(body.to_string()).expect(1).create();
    (client(&server), server, mock)
}

/// [`serve`] with the body as bytes, which need not be JSON, whatever the query.
fn serve_text(path: &str, body: impl AsRef<[u8]>) -> (Client, ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    let mock = server.mock("GET", path).match_query(mockito::Matcher::Any).with_body(body).expect(1).create();
    (client(&server), server, mock)
}

fn retrieve_profile(data: &Value) -> telnyx_messaging::MessagingProfile {
    let (client, _server, mock) =
        serve(&format!("/messaging_profiles/{PROFILE_ID}"), &json!({ "data": data }));
    let profile = client.messaging_profiles().retrieve(PROFILE_ID).unwrap();
    mock.assert();
    profile
}

#[test]
fn a_profile_round_trips_with_absent_null_values_and_unknown_fields() {
    let data = json!({
        "id": PROFILE_ID,
        "record_type": "messaging_profile",
        "name": "Alerts",
        "webhook_url": "https://www.example.com/hooks",
        "webhook_failover_url": null,
        // health_webhook_url, alpha_sender and resource_group_id absent
        "ai_assistant_id": null,
        "number_pool_settings": {
            "long_code_weight": 0.5,
            "toll_free_weight": 1.25,
            "skip_unhealthy": true,
            "future_pool_flag": {"nested": [1, null, "x"]}
        },
        "url_shortener_settings": null,
        "daily_spend_limit": "100.00",
        "redaction_level": 1,
        "v1_secret": V1_SECRET,
        "created_at": "2019-01-23T18:10:02.574Z",
        "updated_at": "2023-03-21T23:37:45.858535+00:00",
        "brand_new_field": {"a": [1.5, true, null]},
        "another_null": null
    });
    let p = retrieve_profile(&data);
    assert_eq!(p.webhook_url, Nullable::Value("https://www.example.com/hooks".to_owned()));
    assert_eq!(p.webhook_failover_url, Nullable::Null);
    assert_eq!(p.health_webhook_url, Nullable::Absent);
    assert_eq!(p.alpha_sender, Nullable::Absent);
    assert_eq!(p.resource_group_id, Nullable::Absent);
    assert_eq!(p.ai_assistant_id, Nullable::Null);
    assert_eq!(p.url_shortener_settings, Nullable::Null);
    assert!(p.enabled.is_none() && p.whitelisted_destinations.is_none());
    let pool = p.number_pool_settings.as_value().unwrap();
    assert_eq!((pool.long_code_weight, pool.toll_free_weight), (0.5, 1.25));
    assert_eq!(pool.geomatch, None);
    assert_eq!(pool.extra["future_pool_flag"], json!({"nested": [1, null, "x"]}));
    assert_eq!(p.extra.len(), 2);
    assert_eq!(p.extra["brand_new_field"], json!({"a": [1.5, true, null]}));
    assert_eq!(p.extra["another_null"], Value::Null);

    assert_eq!(serde_json::to_value(&p).unwrap(), data);
    let again: telnyx_messaging::MessagingProfile = serde_json::from_value(data.clone()).unwrap();
    assert_eq!(again, p);
}

#[test]
fn phone_numbers_short_codes_and_autoresp_configs_round_trip_with_unknown_fields() {
    let number = json!({
        "id": "1293384261075731499",
        "record_type": "messaging_phone_number",
        "phone_number": "+18005550001",
        "messaging_profile_id": null,
        "type": "long-code",
        "features": {
            "sms": {"domestic_two_way": true, "international_inbound": false, "international_outbound": true, "rcs": true},
            "mms": null,
            "whatsapp": {"x": 1}
        },
        "health": {"message_count": 10, "inbound_outbound_ratio": 1.0, "success_ratio": 0.5, "spam_ratio": 0.25, "trend": "up"},
        "carrier": {"name": "Telnyx"}
    });
    let path = format!("/messaging_profiles/{PROFILE_ID}/phone_numbers");
    let (client, _server, mock) = serve(&path, &json!({"data": [number]}));
    let page = client.messaging_profiles().list_phone_numbers(PROFILE_ID, &PageParams::new()).unwrap();
    mock.assert();
    let n = &page.data[0];
    assert_eq!(n.messaging_profile_id, Nullable::Null);
    assert_eq!(n.record_type, Some(RecordType::MessagingPhoneNumber));
    assert_eq!(n.features.as_ref().unwrap().sms.as_value().unwrap().extra["rcs"], json!(true));
    assert_eq!(n.features.as_ref().unwrap().extra["whatsapp"], json!({"x": 1}));
    assert_eq!(n.health.as_ref().unwrap().extra["trend"], json!("up"));
    assert_eq!(serde_json::to_value(n).unwrap(), number);
    assert_eq!(serde_json::to_value(&page).unwrap(), json!({"data": [number]}), "no meta is added");

    let short_code =
        json!({"id": "sc", "short_code": "12345", "messaging_profile_id": null, "program": {"x": 1}});
    let (client, _server, mock) = serve("/short_codes/sc", &json!({"data": short_code}));
    let sc = client.short_codes().retrieve("sc").unwrap();
    mock.assert();
    assert_eq!(sc.messaging_profile_id, None);
    assert_eq!(serde_json::to_value(&sc).unwrap(), short_code);

    let config = json!({
        "id": "c", "op": "stop", "keywords": ["STOP"], "country_code": "*",
        "created_at": "2023-03-10T21:54:46.293380+00:00", "updated_at": "2019-01-23T18:10:02.574Z",
        "priority": 3
    });
    let path = format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs/c");
    let (client, _server, mock) = serve(&path, &json!({"data": config}));
    let cfg = client.messaging_profiles().autoresp_configs(PROFILE_ID).retrieve("c").unwrap();
    mock.assert();
    assert_eq!(cfg.resp_text, None);
    assert_eq!(cfg.extra["priority"], json!(3));
    assert_eq!(serde_json::to_value(&cfg).unwrap(), config);
}

#[test]
fn unknown_enum_values_decode_to_unknown_and_serialize_back_unchanged() {
    let data = json!({"id": PROFILE_ID, "record_type": "messaging_profile_v2", "webhook_api_version": "3"});
    let p = retrieve_profile(&data);
    assert_eq!(p.webhook_api_version, Some(WebhookApiVersion::Unknown("3".into())));
    assert_eq!(p.record_type, Some(RecordType::Unknown("messaging_profile_v2".into())));
    assert_eq!(serde_json::to_value(&p).unwrap(), data);

    let number = json!({"type": "landline", "record_type": "messaging_settings"});
    let n: telnyx_messaging::PhoneNumberWithMessagingSettings =
        serde_json::from_value(number.clone()).unwrap();
    assert_eq!(n.number_type, Some(PhoneNumberType::Unknown("landline".into())));
    assert_eq!(serde_json::to_value(&n).unwrap(), number);

    let config = json!({"id": "c", "op": "help", "keywords": [], "country_code": "US", "created_at": "", "updated_at": ""});
    let c: telnyx_messaging::AutorespConfig = serde_json::from_value(config.clone()).unwrap();
    assert_eq!(c.op, AutorespOp::Unknown("help".into()));
    assert_eq!(c.op.as_str(), "help");
    assert_eq!(c.op.to_string(), "help");
    assert_eq!(serde_json::to_value(&c).unwrap(), config);

    // An unknown value can be sent, too.
    let params = AutorespConfigParams::new(AutorespOp::from("help"), ["HELP"], "US");
    assert_eq!(serde_json::to_value(&params).unwrap()["op"], "help");
    let params =
        CreateMessagingProfileParams::new("n", ["US"]).webhook_api_version(WebhookApiVersion::from("3"));
    assert_eq!(serde_json::to_value(&params).unwrap()["webhook_api_version"], "3");
}

#[test]
fn known_enum_values_map_to_their_variants_and_back() {
    let versions = [
        ("1", WebhookApiVersion::V1),
        ("2", WebhookApiVersion::V2),
        ("2010-04-01", WebhookApiVersion::V2010_04_01),
    ];
    for (text, version) in versions {
        assert_eq!(serde_json::from_value::<WebhookApiVersion>(json!(text)).unwrap(), version);
        assert_eq!(serde_json::to_value(&version).unwrap(), json!(text));
    }
    let ops = [("start", AutorespOp::Start), ("stop", AutorespOp::Stop), ("info", AutorespOp::Info)];
    for (text, op) in ops {
        assert_eq!(AutorespOp::from(text), op);
        assert_eq!(op.as_str(), text);
    }
    let frames = [
        ("1h", TimeFrame::OneHour),
        ("3h", TimeFrame::ThreeHours),
        ("24h", TimeFrame::OneDay),
        ("3d", TimeFrame::ThreeDays),
        ("7d", TimeFrame::SevenDays),
        ("30d", TimeFrame::ThirtyDays),
    ];
    for (text, frame) in frames {
        assert_eq!(frame.to_string(), text);
    }
}

#[test]
fn both_spellings_of_phone_number_types_are_kept() {
    let spellings = [
        ("long-code", PhoneNumberType::LongCode),
        ("longcode", PhoneNumberType::Longcode),
        ("toll-free", PhoneNumberType::TollFree),
        ("tollfree", PhoneNumberType::Tollfree),
        ("short-code", PhoneNumberType::ShortCode),
        ("shortcode", PhoneNumberType::Shortcode),
    ];
    let data: Vec<Value> = spellings.iter().map(|(t, _)| json!({"id": t, "type": t})).collect();
    let path = format!("/messaging_profiles/{PROFILE_ID}/phone_numbers");
    let (client, _server, mock) = serve(&path, &json!({"data": data}));
    let page = client.messaging_profiles().list_phone_numbers(PROFILE_ID, &PageParams::new()).unwrap();
    mock.assert();
    for (number, (text, kind)) in page.data.iter().zip(spellings) {
        assert_eq!(number.number_type.as_ref(), Some(&kind), "{text}");
        assert_eq!(number.number_type.as_ref().unwrap().as_str(), text);
    }
    assert_eq!(serde_json::to_value(&page.data).unwrap(), Value::Array(data));
}

#[test]
fn decimal_strings_fractional_weights_and_timestamps_stay_verbatim() {
    let data = json!({
        "daily_spend_limit": "100.00",
        "number_pool_settings": {"long_code_weight": 0.1, "toll_free_weight": 2.75, "skip_unhealthy": false},
        "created_at": "2019-01-23T18:10:02.574Z",
        "updated_at": "2023-03-21T23:37:45.858535+00:00"
    });
    let p = retrieve_profile(&data);
    assert_eq!(p.daily_spend_limit.as_deref(), Some("100.00"));
    let pool = p.number_pool_settings.as_value().unwrap();
    assert_eq!((pool.long_code_weight, pool.toll_free_weight), (0.1, 2.75));
    assert_eq!(p.created_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert_eq!(p.updated_at.as_deref(), Some("2023-03-21T23:37:45.858535+00:00"));
    let text = serde_json::to_string(&p).unwrap();
    assert!(text.contains(r#""daily_spend_limit":"100.00""#), "{text}");
    assert!(text.contains(r#""long_code_weight":0.1,"toll_free_weight":2.75"#), "{text}");
    assert_eq!(serde_json::to_value(&p).unwrap(), data);

    // A number where the definition says string is a decode error, not a silent conversion.
    let (client, _server, mock) =
        serve(&format!("/messaging_profiles/{PROFILE_ID}"), &json!({"data": {"daily_spend_limit": 100}}));
    let err = client.messaging_profiles().retrieve(PROFILE_ID).unwrap_err();
    mock.assert();
    assert!(matches!(err, telnyx_messaging::Error::Decode { .. }), "{err:?}");
}

#[test]
fn nullable_helpers_and_request_bodies() {
    assert!(Nullable::<String>::default().is_absent());
    assert!(Nullable::<String>::from(None).is_null());
    assert_eq!(Nullable::from(Some(3)).as_value(), Some(&3));
    assert_eq!(Nullable::Value("x").into_value(), Some("x"));
    assert_eq!(Nullable::<u8>::Null.into_value(), None);

    let params = UpdateMessagingProfileParams::new().name("n").clear_alpha_sender().webhook_url("https://h");
    assert_eq!(
        serde_json::to_string(&params).unwrap(),
        r#"{"name":"n","webhook_url":"https://h","alpha_sender":null}"#
    );
    // Params read from JSON (as the C ABI does) keep the same three states.
    let parsed: UpdateMessagingProfileParams =
        serde_json::from_str(r#"{"name":"n","webhook_url":"https://h","alpha_sender":null}"#).unwrap();
    assert_eq!(parsed, params);
    assert_eq!(parsed.webhook_failover_url, Nullable::Absent);
    // Read-only fields and v1_secret are never part of an update.
    for field in ["id", "record_type", "created_at", "updated_at", "v1_secret"] {
        let text = format!(r#"{{"{field}":"x"}}"#);
        assert!(serde_json::from_str::<UpdateMessagingProfileParams>(&text).is_err(), "{field}");
    }

    let unassign: UpdateShortCodeParams = serde_json::from_str(r#"{"messaging_profile_id":null}"#).unwrap();
    assert_eq!(unassign, UpdateShortCodeParams::unassign());
    assert!(
        serde_json::from_str::<UpdateShortCodeParams>("{}").is_err(),
        "forgetting the id must not unassign"
    );
    assert_eq!(
        serde_json::to_string(&UpdateShortCodeParams::unassign().tags(["a"])).unwrap(),
        r#"{"messaging_profile_id":null,"tags":["a"]}"#
    );
}

fn assert_hidden(text: &str, what: &str) {
    assert!(!text.contains(API_KEY), "{what} shows the API key: {text}");
    assert!(!text.contains(V1_SECRET), "{what} shows the v1 secret: {text}");
    assert!(!text.contains(&V1_SECRET[..8]), "{what} shows part of the v1 secret: {text}");
}

#[test]
fn debug_and_display_never_show_the_api_key_or_the_v1_secret() {
    let mut server = Server::new();
    let builder = Client::builder().api_key(API_KEY).base_url(server.url()).max_retries(0);
    assert_hidden(&format!("{builder:?}"), "ClientBuilder");
    let client = builder.build().unwrap();
    assert_hidden(&format!("{client:?}"), "Client");
    assert!(format!("{client:?}").contains("[redacted]"));

    let profile = json!({"id": PROFILE_ID, "name": "n", "v1_secret": V1_SECRET});
    let path = format!("/messaging_profiles/{PROFILE_ID}");
    let m1 = server.mock("GET", path.as_str()).with_body(json!({"data": profile}).to_string()).create();
    let p = client.messaging_profiles().retrieve(PROFILE_ID).unwrap();
    assert_eq!(p.v1_secret.as_ref().unwrap().expose(), V1_SECRET, "the secret is there on purpose");
    assert_hidden(&format!("{p:?}"), "MessagingProfile");
    assert_hidden(&format!("{p:#?}"), "MessagingProfile");
    assert_hidden(&format!("{:?}", p.v1_secret), "Secret");
    m1.remove();

    let page = json!({"data": [profile], "meta": {"page_number": 1, "page_size": 1, "total_pages": 1, "total_results": 1}});
    let m2 = server.mock("GET", "/messaging_profiles").with_body(page.to_string()).create();
    let list = client.messaging_profiles().with_response().list(&Default::default()).unwrap();
    assert_hidden(&format!("{list:?}"), "Response<Page<MessagingProfile>>");
    m2.assert();

    // An error body echoing the profile.
    let body = json!({"errors": [{"code": "10015", "title": "Invalid", "detail": "bad"}], "data": profile})
        .to_string();
    let m3 = server.mock("GET", "/short_codes/sc").with_status(422).with_body(body.clone()).create();
    let err = client.short_codes().retrieve("sc").unwrap_err();
    assert_eq!(err.api_error().unwrap().body, body, "the raw body is kept for the caller");
    assert_hidden(&format!("{err:?}"), "Error::Api");
    assert_hidden(&format!("{:?}", err.api_error().unwrap()), "ApiError");
    assert_hidden(&format!("{err}"), "Error::Api display");
    m3.assert();

    // An undecodable success body carrying the secret.
    let bad = json!({"data": {"v1_secret": V1_SECRET, "enabled": "yes"}}).to_string();
    let m4 = server.mock("GET", "/messaging_profiles/bad").with_body(bad).create();
    let err = client.messaging_profiles().retrieve("bad").unwrap_err();
    let telnyx_messaging::Error::Decode { snippet, .. } = &err else { panic!("{err:?}") };
    assert!(snippet.contains("[redacted]"), "{snippet}");
    assert_hidden(snippet, "Decode snippet");
    assert_hidden(&format!("{err:?}"), "Error::Decode");
    assert_hidden(&format!("{err}"), "Error::Decode display");
    m4.assert();
}

#[test]
fn a_secret_cut_by_the_snippet_limit_is_still_redacted() {
    let mut server = Server::new();
    let client = client(&server);
    // Place the secret so that the 200-byte snippet ends in the middle of it.
    for pad in 160..200 {
        let body = format!(
            r#"{{"data": {{"name": "{}", "v1_secret": "{V1_SECRET}", "enabled": "yes"}}}}"#,
            "n".repeat(pad)
        );
        let mock = server.mock("GET", "/messaging_profiles/cut").with_body(body).create();
        let err = client.messaging_profiles().retrieve("cut").unwrap_err();
        mock.remove();
        let telnyx_messaging::Error::Decode { snippet, .. } = &err else { panic!("{err:?}") };
        for len in 4..=V1_SECRET.len() {
            assert!(!snippet.contains(&V1_SECRET[..len]), "pad {pad}: {snippet}");
        }
        assert!(!format!("{err:?}{err}").contains(&V1_SECRET[..4]), "pad {pad}");
    }
}

#[test]
fn ids_are_encoded_as_exactly_one_path_segment() {
    let cases = [
        ("../short_codes", "..%2Fshort_codes"),
        ("...", "..."),
        ("a.b", "a.b"),
        ("a/b?c", "a%2Fb%3Fc"),
        ("x#y", "x%23y"),
        ("%2F", "%252F"),
        ("a b+c&d=e", "a%20b%2Bc%26d%3De"),
        ("[x]", "%5Bx%5D"),
        ("profil-é✓", "profil-%C3%A9%E2%9C%93"),
        ("Az09-_~", "Az09-_~"),
    ];
    let mut server = Server::new();
    let client = client(&server);
    for (id, encoded) in cases {
        assert!(!encoded.contains(['/', '?', '#']), "{encoded} must be one segment");
        let body = json!({"data": {"id": id}}).to_string();
        let page = r#"{"data": []}"#;
        let config = json!({"data": {"id": id, "op": "start", "keywords": [], "country_code": "US",
                                     "created_at": "", "updated_at": ""}})
        .to_string();
        let mocks = [
            server.mock("GET", format!("/messaging_profiles/{encoded}").as_str()).with_body(&body).create(),
            server
                .mock("DELETE", format!("/messaging_profiles/{encoded}").as_str())
                .with_body(&body)
                .create(),
            server
                .mock("POST", format!("/messaging_profiles/{encoded}/actions/regenerate_secret").as_str())
                .with_body(&body)
                .create(),
            server
                .mock("GET", format!("/messaging_profiles/{encoded}/phone_numbers").as_str())
                .with_body(page)
                .create(),
            server.mock("GET", format!("/short_codes/{encoded}").as_str()).with_body(&body).create(),
            server
                .mock("GET", format!("/messaging_profiles/{encoded}/autoresp_configs/{encoded}").as_str())
                .with_body(&config)
                .create(),
        ];
        let profiles = client.messaging_profiles();
        assert_eq!(profiles.retrieve(id).unwrap().id.as_deref(), Some(id));
        profiles.delete(id).unwrap();
        profiles.regenerate_secret(id).unwrap();
        profiles.list_phone_numbers(id, &PageParams::new()).unwrap();
        assert_eq!(client.short_codes().retrieve(id).unwrap().id.as_deref(), Some(id));
        assert_eq!(profiles.autoresp_configs(id).retrieve(id).unwrap().id, id);
        for mock in &mocks {
            mock.assert();
            mock.remove();
        }
    }
}

#[test]
fn query_values_are_percent_encoded_too() {
    let mut server = Server::new();
    let mock = server
        .mock("GET", "/short_codes?filter%5Bmessaging_profile_id%5D=a%26page%5Bsize%5D%3D1%23x%20%C3%A9")
        .with_body(r#"{"data": []}"#)
        .create();
    let params = ListShortCodesParams::new().filter_messaging_profile_id("a&page[size]=1#x é");
    client(&server).short_codes().list(&params).unwrap();
    mock.assert();
}

#[test]
fn raw_json_returns_the_servers_own_text_once_it_decodes() {
    // Key order, spacing, `2` (not `2.0`), nulls and unknown members exactly as sent.
    let data = r#"{ "name": "n", "id": "p1", "webhook_url": null, "number_pool_settings": {"long_code_weight": 2,
        "toll_free_weight": 1e1, "skip_unhealthy": true}, "brand_new": [1, "two"] }"#;
    let mut server = Server::new();
    let one = server
        .mock("GET", "/messaging_profiles/p1")
        .with_body(format!(r#"{{"data": {data}, "url": "ignored"}}"#))
        .create();
    let list_body = r#"{"data": [{"short_code": "12345", "messaging_profile_id": null}],
        "meta": {"total_pages": 1, "page_number": 1, "page_size": 20, "total_results": 1}}"#;
    let list = server
        .mock("GET", "/short_codes")
        .match_query(mockito::Matcher::Any)
        .with_body(list_body)
        .expect(2)
        .create();
    let client = client(&server);

    assert_eq!(client.messaging_profiles().raw_json().retrieve("p1").unwrap(), data);
    assert_eq!(client.short_codes().raw_json().list(&ListShortCodesParams::new()).unwrap(), list_body);
    let mut pages = client.short_codes().list_all(&ListShortCodesParams::new()).pages();
    assert_eq!(pages.next_raw_json().unwrap().unwrap(), list_body);
    assert!(pages.next_raw_json().is_none(), "the only page was the last");
    one.assert();
    list.assert();
}

#[test]
fn raw_json_checks_the_shape_of_a_result_not_its_members() {
    // The members are the caller's to decode (as for raw pages): a member of an unexpected type
    // passes, as the server sent it.
    let odd = r#"{"id": 5, "enabled": "yes", "v1_secret": ["x"]}"#;
    let (client, _server, mock) =
        serve_text(&format!("/messaging_profiles/{PROFILE_ID}"), format!(r#"{{"data": {odd}}}"#));
    assert_eq!(client.messaging_profiles().raw_json().retrieve(PROFILE_ID).unwrap(), odd);
    mock.assert();
    // Not JSON, no `data`, a `data` that is not an object, not UTF-8: decode errors, with the
    // secret kept out of them.
    let bodies: [&[u8]; 5] = [
        br#"{"data": {"id": "p1", "v1_secret": "rP1VamejkU2v0qIUxntqLW2c""#,
        br#"{"id": "p1"}"#,
        br#"{"data": ["p1"], "v1_secret": "rP1VamejkU2v0qIUxntqLW2c"}"#,
        br#"{"data": "p1"}"#,
        b"{\"data\": {\"id\": \"\xff\"}}",
    ];
    for body in bodies {
        let (client, _server, mock) = serve_text(&format!("/messaging_profiles/{PROFILE_ID}"), body);
        let err = client.messaging_profiles().raw_json().retrieve(PROFILE_ID).unwrap_err();
        assert!(matches!(err, telnyx_messaging::Error::Decode { status: 200, .. }), "{err:?}");
        assert!(!format!("{err:?}{err}").contains(V1_SECRET), "{err:?}");
        mock.assert();
    }
    // A single page of a list: the page's shape, as for the page iterators.
    let (client, _server, mock) =
        serve_text("/short_codes", br#"{"data": [{"short_code": 12345}], "meta": {"page_number": 1}}"#);
    client.short_codes().raw_json().list(&ListShortCodesParams::new()).unwrap();
    mock.assert();
    let (client, _server, mock) = serve_text("/short_codes", br#"{"data": ["12345"]}"#);
    let err = client.short_codes().raw_json().list(&ListShortCodesParams::new()).unwrap_err();
    assert!(matches!(err, telnyx_messaging::Error::Decode { status: 200, .. }), "{err:?}");
    mock.assert();
}

#[test]
fn members_a_future_api_may_leave_out_are_optional() {
    use telnyx_messaging::{AutorespConfig, NumberHealthMetrics, PageMeta};
    let meta: PageMeta = serde_json::from_str(r#"{"page_number": 2}"#).unwrap();
    assert_eq!(
        (meta.page_number, meta.page_size, meta.total_pages, meta.total_results),
        (Some(2), None, None, None)
    );
    let health: NumberHealthMetrics = serde_json::from_str(r#"{"message_count": 3}"#).unwrap();
    assert_eq!((health.message_count, health.success_ratio), (Some(3), None));
    let config: AutorespConfig =
        serde_json::from_str(r#"{"id": "c1", "op": "start", "keywords": ["START"], "country_code": "US"}"#)
            .unwrap();
    assert_eq!((config.created_at, config.updated_at), (None, None));
}
