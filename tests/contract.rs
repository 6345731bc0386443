//! Contract suite: every operation of the client against the official OpenAPI definition served by
//! the Prism mock server (`@stainless-api/prism-cli`).
//!
//! Prism checks each request against the definition and answers a request that breaks it with a
//! 4xx and an `sl-violations` header; otherwise it answers the definition's static examples.
//! Each scenario talks to Prism through a recording pass-through ([`proxy`]), so a failure prints
//! the violations, the suite can count requests, and each scenario checks that it reached exactly
//! the operations it declares; `every_operation_of_the_definition_is_covered` compares those
//! declarations with the operations listed under `paths:` in the definition.
//!
//! Prism: `TELNYX_PRISM_URL` (the Prism root, no `/v2`) when set, as `tests/run-all.sh` does;
//! otherwise the suite starts `.prism/node_modules/.bin/prism` itself. Without either it fails,
//! telling to run `tests/run-all.sh`.
//!
//! Observed Prism behaviour (5.16.1, static examples) that the scenarios pin down:
//! - every paginated list answers `meta` = page 2 of 3 (the `messaging_PaginationMeta` example),
//!   whatever page was asked for, so auto-pagination must stop with `Error::UnexpectedPage`;
//! - `PATCH /short_codes/{id}` with `"messaging_profile_id": null` is rejected (422, "must be
//!   string"): the schema types the field as a plain string although the description allows null;
//!   `""` and a profile id are accepted;
//! - `Prefer: code=N` answers the error example of the operation's `N` or `4XX` response; for a
//!   code the operation does not define, Prism answers 404 with its own problem+json body.

#[path = "contract/prism.rs"]
mod prism;
#[path = "contract/proxy.rs"]
mod proxy;
#[path = "contract/spec.rs"]
mod spec;

use std::cell::Cell;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use telnyx_messaging::{
    AutorespConfigParams, AutorespOp, Client, ClientBuilder, CreateMessagingProfileParams, Error, ItemIter,
    ListAutorespConfigsParams, ListMessagingProfilesParams, ListShortCodesParams, MessagingProfile,
    MetricsParams, Nullable, NumberPoolSettings, PageMeta, PageParams, PhoneNumberType, ProxyChoice,
    RecordType, RequestOptions, Result, ShortCode, TimeFrame, UpdateMessagingProfileParams,
    UpdateShortCodeParams, UrlShortenerSettings, WebhookApiVersion,
};

use proxy::{Exchange, Proxy};

const PROFILE_ID: &str = "16fd2706-8baf-433b-82eb-8c7fada847da";
const OTHER_PROFILE_ID: &str = "abc85f64-5717-4562-b3fc-2c9600000000";
const SHORT_CODE_ID: &str = "8d0f7c8e-3b5a-4c1e-9f2d-6a7b8c9d0e1f";
const CONFIG_ID: &str = "c2298f86-a4dc-4cac-b6b6-4a3d01c290fa";
/// The id in the definition's examples of profiles and short codes.
const EXAMPLE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const TIME_FRAMES: [(TimeFrame, &str); 6] = [
    (TimeFrame::OneHour, "1h"),
    (TimeFrame::ThreeHours, "3h"),
    (TimeFrame::OneDay, "24h"),
    (TimeFrame::ThreeDays, "3d"),
    (TimeFrame::SevenDays, "7d"),
    (TimeFrame::ThirtyDays, "30d"),
];
/// Upper bound on items or pages taken from an iterator before checking that it ended.
const ITER_LIMIT: usize = 50;

/// One scenario's client, proxy and record of what it reached.
struct Fx {
    name: &'static str,
    client: Client,
    proxy: Proxy,
    covers: &'static [(&'static str, &'static str)],
    /// Exchanges already checked by `ok`, `api_err` or `rejected`.
    checked: Cell<usize>,
}

impl Fx {
    fn new(name: &'static str, covers: &'static [(&'static str, &'static str)]) -> Fx {
        let (_, prism) = prism::prism();
        let proxy = Proxy::start(*prism);
        let client = Self::builder_for(&proxy).build().expect("client");
        Fx { name, client, proxy, covers, checked: Cell::new(0) }
    }

    fn builder_for(proxy: &Proxy) -> ClientBuilder {
        Client::builder()
            .api_key("KEYcontract_suite")
            .base_url(proxy.url())
            .proxy(ProxyChoice::None)
            .max_retries(0)
            .timeout(Duration::from_secs(30))
    }

    /// A builder for a client of this scenario with other settings.
    fn builder(&self) -> ClientBuilder {
        Self::builder_for(&self.proxy)
    }

    /// The client asking Prism for the error example of status `code`, without retries.
    fn prefer(&self, code: u16) -> Client {
        self.client
            .with_options(RequestOptions::new().header("Prefer", format!("code={code}")).max_retries(0))
    }

    fn exchanges(&self) -> Vec<Exchange> {
        self.proxy.exchanges()
    }

    fn count(&self) -> usize {
        self.exchanges().len()
    }

    fn last(&self) -> Exchange {
        self.exchanges().pop().expect("no request reached Prism")
    }

    /// The exchanges since the last check, now marked checked.
    fn take_unchecked(&self) -> Vec<Exchange> {
        let all = self.exchanges();
        let fresh = all[self.checked.get().min(all.len())..].to_vec();
        self.checked.set(all.len());
        fresh
    }

    fn wire(exchanges: &[Exchange]) -> String {
        exchanges.iter().map(|e| format!("  {}", e.describe())).collect::<Vec<_>>().join("\n")
    }

    /// The value of a call that must succeed with a request Prism finds valid.
    #[track_caller]
    fn ok<T>(&self, result: Result<T>) -> T {
        let fresh = self.take_unchecked();
        match result {
            Ok(value) => {
                assert_clean(self.name, &fresh);
                value
            }
            Err(e) => panic!("[{}] call failed: {e}\n{e:?}\nwire:\n{}", self.name, Self::wire(&fresh)),
        }
    }

    /// The error of a call whose request is valid but which asked Prism for error `status`.
    #[track_caller]
    fn api_err<T: Debug>(&self, result: Result<T>, status: u16) -> Error {
        let fresh = self.take_unchecked();
        let e = match result {
            Ok(v) => {
                panic!("[{}] expected HTTP {status}, got {v:?}\nwire:\n{}", self.name, Self::wire(&fresh))
            }
            Err(e) => e,
        };
        assert_eq!(e.status(), Some(status), "[{}] {e}\nwire:\n{}", self.name, Self::wire(&fresh));
        for ex in &fresh {
            assert!(
                ex.violations.is_none(),
                "[{}] the request breaks the definition:\n  {}",
                self.name,
                ex.describe()
            );
            assert!(ex.proxy_error.is_none(), "[{}] {}", self.name, ex.describe());
        }
        e
    }

    /// The error and `sl-violations` of a call Prism must reject as breaking the definition.
    #[track_caller]
    fn rejected<T: Debug>(&self, result: Result<T>, status: u16) -> (Error, String) {
        let fresh = self.take_unchecked();
        let e = match result {
            Ok(v) => panic!(
                "[{}] expected Prism to reject the request, got {v:?}\nwire:\n{}",
                self.name,
                Self::wire(&fresh)
            ),
            Err(e) => e,
        };
        assert_eq!(e.status(), Some(status), "[{}] {e}\nwire:\n{}", self.name, Self::wire(&fresh));
        let last = fresh.last().expect("no request reached Prism");
        let violations = last.violations.clone().unwrap_or_else(|| {
            panic!("[{}] rejected without sl-violations:\n  {}", self.name, last.describe())
        });
        (e, violations)
    }

    /// Checks the exchanges no helper looked at, and that the scenario reached exactly the
    /// operations it declares.
    fn finish(self) {
        let fresh = self.take_unchecked();
        assert_clean(self.name, &fresh);
        let all = self.exchanges();
        for ex in &all {
            assert!(
                self.covers.iter().any(|(m, t)| *m == ex.method && spec::path_matches(t, &ex.path)),
                "[{}] reached an operation it does not declare in `covers`: {}",
                self.name,
                ex.describe()
            );
        }
        for (method, template) in self.covers {
            assert!(
                all.iter().any(|ex| ex.method == *method && spec::path_matches(template, &ex.path)),
                "[{}] declares {method} {template} but never sent it",
                self.name
            );
        }
    }
}

/// Every exchange succeeded and Prism found no violation in it.
#[track_caller]
fn assert_clean(name: &str, exchanges: &[Exchange]) {
    for ex in exchanges {
        assert!(
            (200..300).contains(&ex.status) && ex.violations.is_none() && ex.proxy_error.is_none(),
            "[{name}] Prism did not accept the request:\n  {}",
            ex.describe()
        );
    }
}

/// Declares the scenarios: each becomes a `#[test]` with a fresh [`Fx`] named `$fx`, and its
/// `covers` list (the operations it must reach, and the only ones it may) goes into `SCENARIOS`.
macro_rules! scenarios {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($fx:ident) covers [$($method:literal $path:literal),+ $(,)?] $body:block
    )+) => {
        /// Every scenario and the operations it covers.
        const SCENARIOS: &[(&str, &[(&str, &str)])] = &[$((stringify!($name), &[$(($method, $path)),+])),+];
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                let $fx = Fx::new(stringify!($name), &[$(($method, $path)),+]);
                $body
                $fx.finish();
            }
        )+
    };
}

#[track_caller]
fn assert_meta(meta: Option<&PageMeta>, (number, size, pages, results): (u64, u64, u64, u64)) {
    let meta = meta.expect("the list has meta");
    assert_eq!(
        (meta.page_number, meta.page_size, meta.total_pages, meta.total_results),
        (Some(number), Some(size), Some(pages), Some(results))
    );
}

/// The `MessagingProfile` example of the definition, decoded.
#[track_caller]
fn assert_example_profile(p: &MessagingProfile) {
    assert_eq!(p.id.as_deref(), Some(EXAMPLE_ID));
    assert_eq!(p.record_type, Some(RecordType::MessagingProfile));
    assert_eq!(p.name.as_deref(), Some("Profile for Messages"));
    assert_eq!(p.enabled, Some(true));
    assert_eq!(p.webhook_url, Nullable::Value("https://www.example.com/hooks".to_owned()));
    assert_eq!(p.webhook_failover_url, Nullable::Value("https://backup.example.com/hooks".to_owned()));
    assert_eq!(p.webhook_api_version, Some(WebhookApiVersion::V2));
    assert_eq!(p.health_webhook_url, Nullable::Null);
    assert_eq!(p.whitelisted_destinations.as_deref(), Some(&["US".to_owned()][..]));
    let pool = p.number_pool_settings.as_value().expect("number_pool_settings");
    assert_eq!((pool.long_code_weight, pool.toll_free_weight, pool.skip_unhealthy), (2.0, 10.0, false));
    assert_eq!((pool.geomatch, pool.sticky_sender), (Some(false), Some(true)));
    let short = p.url_shortener_settings.as_value().expect("url_shortener_settings");
    assert_eq!((short.domain.as_str(), short.prefix.as_deref()), ("example.ex", Some("cmpny")));
    assert_eq!((short.replace_blacklist_only, short.send_webhooks), (Some(true), Some(false)));
    assert_eq!(p.alpha_sender, Nullable::Absent);
    assert_eq!(p.daily_spend_limit.as_deref(), Some("100.00"));
    assert_eq!(p.daily_spend_limit_enabled, Some(false));
    assert_eq!(
        (p.mms_fall_back_to_sms, p.mms_transcoding, p.mobile_only),
        (Some(false), Some(false), Some(false))
    );
    assert_eq!((p.redaction_enabled, p.redaction_level), (Some(false), Some(2)));
    assert_eq!(p.v1_secret.as_ref().map(|s| s.expose()), Some("rP1VamejkU2v0qIUxntqLW2c"));
    assert_eq!(p.created_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert_eq!(p.updated_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert!(p.extra.is_empty(), "unexpected fields: {:?}", p.extra);
    assert!(!format!("{p:?}").contains("rP1VamejkU2v0qIUxntqLW2c"), "Debug shows v1_secret");
}

/// The `ShortCode` example of the definition, decoded.
#[track_caller]
fn assert_example_short_code(s: &ShortCode) {
    assert_eq!(s.id.as_deref(), Some(EXAMPLE_ID));
    assert_eq!(s.record_type, Some(RecordType::ShortCode));
    assert_eq!(s.short_code.as_deref(), Some("12345"));
    assert_eq!(s.messaging_profile_id.as_deref(), Some(EXAMPLE_ID));
    assert_eq!(s.country_code.as_deref(), Some("US"));
    assert_eq!(s.tags.as_deref(), Some(&["test_customer".to_owned()][..]));
    assert_eq!(s.created_at.as_deref(), Some("2019-01-23T18:10:02.574Z"));
    assert!(s.extra.is_empty(), "unexpected fields: {:?}", s.extra);
}

/// The query of an exchange contains `key=value` (both given percent-encoded).
#[track_caller]
fn assert_query(ex: &Exchange, pairs: &[&str]) {
    let sent: BTreeSet<&str> = ex.query.split('&').collect();
    for pair in pairs {
        assert!(sent.contains(pair), "query {:?} lacks {pair:?}", ex.query);
    }
}

/// Prism repeats page 2 of 3 for every page asked for: the iterator must stop with
/// `UnexpectedPage` after a bounded number of requests. `list(start)` builds the iterator with
/// page size 25 (and the caller's filters), starting at `start` (the server default when `None`).
fn assert_repeated_page_stops<T: Debug + serde::de::DeserializeOwned>(
    fx: &Fx,
    list: impl Fn(Option<u32>) -> ItemIter<T>,
) {
    let unexpected = |e: &Error, requested: u64| {
        assert!(
            matches!(e, Error::UnexpectedPage { requested: r, received: 2 } if *r == requested),
            "[{}] expected UnexpectedPage {{ requested: {requested}, received: 2 }}, got {e:?}",
            fx.name
        );
    };

    // From the first page: page 1 is asked for, page 2 answered; one request, then the end.
    let before = fx.count();
    let items: Vec<Result<T>> = list(None).take(ITER_LIMIT).collect();
    assert_eq!(items.len(), 1, "[{}] {items:?}", fx.name);
    unexpected(items[0].as_ref().unwrap_err(), 1);
    assert_eq!(fx.count() - before, 1, "[{}] requests", fx.name);
    assert_query(&fx.last(), &["page%5Bnumber%5D=1", "page%5Bsize%5D=25"]);

    // From page 2: that page is returned, page 3 is asked for and page 2 answered again.
    let before = fx.count();
    let pages: Vec<_> = list(Some(2)).pages().take(ITER_LIMIT).collect();
    assert_eq!(pages.len(), 2, "[{}] {pages:?}", fx.name);
    let page = pages[0].as_ref().expect("page 2");
    assert!(!page.data.is_empty());
    assert_meta(page.meta.as_ref(), (2, 25, 3, 55));
    unexpected(pages[1].as_ref().unwrap_err(), 3);
    let sent = fx.exchanges();
    assert_eq!(sent.len() - before, 2, "[{}] requests", fx.name);
    assert_query(&sent[before], &["page%5Bnumber%5D=2", "page%5Bsize%5D=25"]);
    assert_query(&sent[before + 1], &["page%5Bnumber%5D=3", "page%5Bsize%5D=25"]);
    assert_eq!(sent[before].path, sent[before + 1].path);

    // Collecting every item terminates with the error instead of looping.
    let before = fx.count();
    let all: Result<Vec<T>> = list(Some(2)).collect();
    unexpected(&all.unwrap_err(), 3);
    assert_eq!(fx.count() - before, 2, "[{}] requests", fx.name);
}

scenarios! {
    /// Operation 1 with every filter and page parameter.
    fn list_messaging_profiles(fx) covers ["GET" "/messaging_profiles"] {
        let params = ListMessagingProfilesParams::new()
            .filter_name("Alerts")
            .filter_name_eq("Alerts US")
            .filter_name_contains("Alert")
            .page_number(1)
            .page_size(250);
        let page = fx.ok(fx.client.messaging_profiles().list(&params));
        assert_query(
            &fx.last(),
            &[
                "filter%5Bname%5D=Alerts",
                "filter%5Bname%5D%5Beq%5D=Alerts%20US",
                "filter%5Bname%5D%5Bcontains%5D=Alert",
                "page%5Bnumber%5D=1",
                "page%5Bsize%5D=250",
            ],
        );
        assert_eq!(page.data.len(), 1);
        assert_example_profile(&page.data[0]);
        assert_meta(page.meta.as_ref(), (2, 25, 3, 55));

        let page = fx.ok(fx.client.messaging_profiles().list(&ListMessagingProfilesParams::new()));
        assert_eq!(fx.last().query, "");
        assert_example_profile(&page.data[0]);
    }

    /// Operation 2 with every optional field set, and with only the required ones.
    fn create_messaging_profile(fx) covers ["POST" "/messaging_profiles"] {
        let params = CreateMessagingProfileParams::new("Contract suite", ["US", "CA"])
            .enabled(true)
            .webhook_url("https://hooks.example.com/telnyx")
            .webhook_failover_url("https://backup.example.com/telnyx")
            .webhook_api_version(WebhookApiVersion::V2010_04_01)
            .health_webhook_url("https://health.example.com/telnyx")
            .number_pool_settings(NumberPoolSettings::new(1.0, 10.5, true).geomatch(true).sticky_sender(false))
            .url_shortener_settings(
                UrlShortenerSettings::new("acct.fyi").prefix("cmpny").replace_blacklist_only(true).send_webhooks(false),
            )
            .alpha_sender("Acme Alerts")
            .daily_spend_limit("250.75")
            .daily_spend_limit_enabled(true)
            .mms_fall_back_to_sms(true)
            .mms_transcoding(true)
            .mobile_only(false)
            .smart_encoding(true)
            .ai_assistant_id("assistant-a80a9d4a-728c-4593-852c-2e93ad890000")
            .resource_group_id("rg-6a1f0c2e-5d4b-4c3a-9e8f-7d6c5b4a3f21");
        let profile = fx.ok(fx.client.messaging_profiles().create(&params));
        assert_example_profile(&profile);
        assert_eq!(
            fx.last().json(),
            json!({
                "name": "Contract suite",
                "whitelisted_destinations": ["US", "CA"],
                "enabled": true,
                "webhook_url": "https://hooks.example.com/telnyx",
                "webhook_failover_url": "https://backup.example.com/telnyx",
                "webhook_api_version": "2010-04-01",
                "health_webhook_url": "https://health.example.com/telnyx",
                "number_pool_settings": {
                    "long_code_weight": 1.0, "toll_free_weight": 10.5, "skip_unhealthy": true,
                    "geomatch": true, "sticky_sender": false
                },
                "url_shortener_settings": {
                    "domain": "acct.fyi", "prefix": "cmpny", "replace_blacklist_only": true, "send_webhooks": false
                },
                "alpha_sender": "Acme Alerts",
                "daily_spend_limit": "250.75",
                "daily_spend_limit_enabled": true,
                "mms_fall_back_to_sms": true,
                "mms_transcoding": true,
                "mobile_only": false,
                "smart_encoding": true,
                "ai_assistant_id": "assistant-a80a9d4a-728c-4593-852c-2e93ad890000",
                "resource_group_id": "rg-6a1f0c2e-5d4b-4c3a-9e8f-7d6c5b4a3f21"
            })
        );

        let minimal = CreateMessagingProfileParams::new("Minimal", ["US"]);
        assert_example_profile(&fx.ok(fx.client.messaging_profiles().create(&minimal)));
        assert_eq!(fx.last().json(), json!({"name": "Minimal", "whitelisted_destinations": ["US"]}));
    }

    /// Operation 3, also with the response metadata.
    fn retrieve_messaging_profile(fx) covers ["GET" "/messaging_profiles/{id}"] {
        assert_example_profile(&fx.ok(fx.client.messaging_profiles().retrieve(PROFILE_ID)));
        assert_eq!(fx.last().path, format!("/messaging_profiles/{PROFILE_ID}"));
        let response = fx.ok(fx.client.messaging_profiles().with_response().retrieve(PROFILE_ID));
        assert_eq!(response.meta.status, 200);
        assert_eq!(response.meta.retries, 0);
        assert_eq!(response.meta.header("content-type"), Some("application/json"));
        assert_example_profile(&response.data);
    }

    /// Operation 4: the six nullable fields cleared with null and the others set; then every
    /// nullable field set to a value; then an empty update.
    fn update_messaging_profile(fx) covers ["PATCH" "/messaging_profiles/{id}"] {
        let clear = UpdateMessagingProfileParams::new()
            .name("Renamed")
            .enabled(false)
            .clear_webhook_url()
            .clear_webhook_failover_url()
            .webhook_api_version(WebhookApiVersion::V1)
            .whitelisted_destinations(["US", "CA", "GB"])
            .clear_number_pool_settings()
            .clear_url_shortener_settings()
            .clear_alpha_sender()
            .daily_spend_limit("100")
            .daily_spend_limit_enabled(false)
            .mms_fall_back_to_sms(false)
            .mms_transcoding(false)
            .mobile_only(true)
            .smart_encoding(false)
            .clear_ai_assistant_id();
        assert_example_profile(&fx.ok(fx.client.messaging_profiles().update(PROFILE_ID, &clear)));
        assert_eq!(
            fx.last().json(),
            json!({
                "name": "Renamed",
                "enabled": false,
                "webhook_url": null,
                "webhook_failover_url": null,
                "webhook_api_version": "1",
                "whitelisted_destinations": ["US", "CA", "GB"],
                "number_pool_settings": null,
                "url_shortener_settings": null,
                "alpha_sender": null,
                "daily_spend_limit": "100",
                "daily_spend_limit_enabled": false,
                "mms_fall_back_to_sms": false,
                "mms_transcoding": false,
                "mobile_only": true,
                "smart_encoding": false,
                "ai_assistant_id": null
            })
        );

        let set = UpdateMessagingProfileParams::new()
            .webhook_url("https://www.example.com/hooks")
            .webhook_failover_url("https://backup.example.com/hooks")
            .webhook_api_version(WebhookApiVersion::V2)
            .number_pool_settings(NumberPoolSettings::new(0.5, 0.0, false))
            .url_shortener_settings(UrlShortenerSettings::new("example.ex"))
            .alpha_sender("Telnyx")
            .ai_assistant_id("ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000");
        assert_example_profile(&fx.ok(fx.client.messaging_profiles().update(PROFILE_ID, &set)));
        assert_eq!(
            fx.last().json(),
            json!({
                "webhook_url": "https://www.example.com/hooks",
                "webhook_failover_url": "https://backup.example.com/hooks",
                "webhook_api_version": "2",
                "number_pool_settings": {"long_code_weight": 0.5, "toll_free_weight": 0.0, "skip_unhealthy": false},
                "url_shortener_settings": {"domain": "example.ex"},
                "alpha_sender": "Telnyx",
                "ai_assistant_id": "ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000"
            })
        );

        fx.ok(fx.client.messaging_profiles().update(PROFILE_ID, &UpdateMessagingProfileParams::new()));
        assert_eq!(fx.last().json(), json!({}));
    }

    /// Operation 5: the deleted profile comes back.
    fn delete_messaging_profile(fx) covers ["DELETE" "/messaging_profiles/{id}"] {
        assert_example_profile(&fx.ok(fx.client.messaging_profiles().delete(PROFILE_ID)));
        assert_eq!(fx.last().body, "");
    }

    /// Operation 6 with page params, and the definition's phone-number example decoded.
    fn list_profile_phone_numbers(fx) covers ["GET" "/messaging_profiles/{id}/phone_numbers"] {
        let page_params = PageParams::new().page_number(1).page_size(100);
        let page = fx.ok(fx.client.messaging_profiles().list_phone_numbers(PROFILE_ID, &page_params));
        assert_query(&fx.last(), &["page%5Bnumber%5D=1", "page%5Bsize%5D=100"]);
        assert_meta(page.meta.as_ref(), (2, 25, 3, 55));
        let n = &page.data[0];
        assert_eq!(n.id.as_deref(), Some("1293384261075731499"));
        assert_eq!(n.record_type, Some(RecordType::MessagingSettings));
        assert_eq!(n.phone_number.as_deref(), Some("+18005550001"));
        assert_eq!(n.messaging_profile_id, Nullable::Value(EXAMPLE_ID.to_owned()));
        assert_eq!(n.number_type, Some(PhoneNumberType::Tollfree));
        assert_eq!(n.eligible_messaging_products.as_deref(), Some(&["A2P".to_owned()][..]));
        let features = n.features.as_ref().expect("features");
        assert_eq!(features.mms, Nullable::Null);
        let sms = features.sms.as_value().expect("sms");
        assert!(sms.domestic_two_way && sms.international_inbound && sms.international_outbound);
        let health = n.health.as_ref().expect("health");
        assert_eq!(health.message_count, Some(122));
        assert_eq!(
            (health.inbound_outbound_ratio, health.success_ratio, health.spam_ratio),
            (Some(0.43), Some(0.94), Some(0.06))
        );
        assert!(n.extra.is_empty(), "unexpected fields: {:?}", n.extra);

        fx.ok(fx.client.messaging_profiles().list_phone_numbers(PROFILE_ID, &PageParams::new()));
        assert_eq!(fx.last().query, "");
    }

    /// Operation 7 with page params.
    fn list_profile_short_codes(fx) covers ["GET" "/messaging_profiles/{id}/short_codes"] {
        let page_params = PageParams::new().page_number(3).page_size(1);
        let page = fx.ok(fx.client.messaging_profiles().list_short_codes(PROFILE_ID, &page_params));
        assert_query(&fx.last(), &["page%5Bnumber%5D=3", "page%5Bsize%5D=1"]);
        assert_meta(page.meta.as_ref(), (2, 25, 3, 55));
        assert_example_short_code(&page.data[0]);
    }

    /// Operation 8: no body, the profile with its secret comes back.
    fn regenerate_secret(fx) covers ["POST" "/messaging_profiles/{id}/actions/regenerate_secret"] {
        assert_example_profile(&fx.ok(fx.client.messaging_profiles().regenerate_secret(PROFILE_ID)));
        assert_eq!(fx.last().body, "");
    }

    /// Operation 9 with page params (the definition gives them no bounds).
    fn list_alphanumeric_sender_ids(fx) covers ["GET" "/messaging_profiles/{id}/alphanumeric_sender_ids"] {
        let page_params = PageParams::new().page_number(2).page_size(250);
        let page = fx.ok(fx.client.messaging_profiles().list_alphanumeric_sender_ids(PROFILE_ID, &page_params));
        assert_query(&fx.last(), &["page%5Bnumber%5D=2", "page%5Bsize%5D=250"]);
        assert_meta(page.meta.as_ref(), (2, 25, 3, 55));
        let sender = &page.data[0];
        assert_eq!(sender.record_type, Some(RecordType::AlphanumericSenderId));
        assert_eq!(sender.alphanumeric_sender_id.as_deref(), Some("MyCompany"));
        assert_eq!(sender.id.as_deref(), Some("6a09cdc3-8948-47f0-aa62-74ac943d6c58"));
        assert_eq!(sender.us_long_code_fallback.as_deref(), Some("+15551234567"));
        assert!(sender.messaging_profile_id.is_some());
    }

    /// Operation 10 with the default and each of the six time frames.
    fn profile_metrics(fx) covers ["GET" "/messaging_profiles/{id}/metrics"] {
        let metrics = fx.ok(fx.client.messaging_profiles().retrieve_metrics(PROFILE_ID, &MetricsParams::new()));
        assert_eq!(fx.last().query, "");
        assert!(metrics.is_empty(), "the definition's ProfileMetrics has no example: {metrics:?}");
        for (frame, text) in TIME_FRAMES {
            let params = MetricsParams::new().time_frame(frame);
            fx.ok(fx.client.messaging_profiles().retrieve_metrics(PROFILE_ID, &params));
            assert_eq!(fx.last().query, format!("time_frame={text}"));
        }
    }

    /// Operation 11 with the default and each of the six time frames.
    fn account_profile_metrics(fx) covers ["GET" "/messaging_profile_metrics"] {
        let list = fx.ok(fx.client.messaging_profile_metrics().list(&MetricsParams::new()));
        assert_eq!(fx.last().query, "");
        assert_eq!(list.data.len(), 1);
        assert!(list.data[0].is_empty());
        assert_meta(list.meta.as_ref(), (2, 25, 3, 55));
        for (frame, text) in TIME_FRAMES {
            let params = MetricsParams::new().time_frame(frame);
            fx.ok(fx.client.messaging_profile_metrics().list(&params));
            assert_eq!(fx.last().query, format!("time_frame={text}"));
        }
    }

    /// Operations 12-16: list with every filter, create, retrieve, replace (PUT), delete.
    fn autoresp_configs(fx) covers [
        "GET" "/messaging_profiles/{profile_id}/autoresp_configs",
        "POST" "/messaging_profiles/{profile_id}/autoresp_configs",
        "GET" "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
        "PUT" "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
        "DELETE" "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
    ] {
        let configs = fx.client.messaging_profiles().autoresp_configs(PROFILE_ID);
        let filters = ListAutorespConfigsParams::new()
            .country_code("US")
            .created_at_gte("2023-01-01T00:00:00Z")
            .created_at_lte("2023-12-31T23:59:59Z")
            .updated_at_gte("2023-02-01T00:00:00+00:00")
            .updated_at_lte("2023-11-30T00:00:00+00:00");
        let list = fx.ok(configs.list(&filters));
        assert_query(
            &fx.last(),
            &[
                "country_code=US",
                "created_at%5Bgte%5D=2023-01-01T00%3A00%3A00Z",
                "created_at%5Blte%5D=2023-12-31T23%3A59%3A59Z",
                "updated_at%5Bgte%5D=2023-02-01T00%3A00%3A00%2B00%3A00",
                "updated_at%5Blte%5D=2023-11-30T00%3A00%3A00%2B00%3A00",
            ],
        );
        assert_meta(list.meta.as_ref(), (1, 5, 1, 3));
        let ids: Vec<_> = list.data.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            ["677ec1cb-949e-4aeb-a1c3-6d9ddffc1409", "54b7e19f-98a8-416f-81d1-a2782eade48b", "cfe07be1-2369-433f-be00-eb176008e834"]
        );
        let first = &list.data[0];
        assert_eq!((first.op.clone(), first.country_code.as_str()), (AutorespOp::Start, "US"));
        assert_eq!(first.keywords, ["START", "BEGIN"]);
        assert_eq!(first.resp_text.as_deref(), Some("Thank you for subscribing US customer."));
        assert_eq!(first.created_at.as_deref(), Some("2023-03-21T23:37:45.858535+00:00"));
        assert_eq!(list.data[1].op, AutorespOp::Stop);
        assert_eq!(list.data[2].country_code, "*");
        fx.ok(configs.list(&ListAutorespConfigsParams::new()));
        assert_eq!(fx.last().query, "");

        let create = AutorespConfigParams::new(AutorespOp::Start, ["START", "YES"], "US").resp_text("Hello there!");
        let created = fx.ok(configs.create(&create));
        assert_eq!(
            fx.last().json(),
            json!({"op": "start", "keywords": ["START", "YES"], "country_code": "US", "resp_text": "Hello there!"})
        );
        assert_eq!(created.id, "c2298f86-a4dc-4cac-b6b6-4a3d01c290fa");
        assert_eq!((created.op, created.keywords), (AutorespOp::Start, vec!["START".to_owned()]));
        assert_eq!(created.updated_at.as_deref(), Some("2023-03-22T00:06:49.068817+00:00"));

        let got = fx.ok(configs.retrieve(CONFIG_ID));
        assert_eq!(fx.last().path, format!("/messaging_profiles/{PROFILE_ID}/autoresp_configs/{CONFIG_ID}"));
        assert_eq!((got.id.as_str(), got.keywords.as_slice()), ("adc37adf-d110-4355-9e9a-262847e68e89", &["UNSTOP".to_owned()][..]));

        for (op, text) in [(AutorespOp::Stop, "stop"), (AutorespOp::Info, "info")] {
            let replace = AutorespConfigParams::new(op, ["STOP", "HELP"], "*");
            let replaced = fx.ok(configs.update(CONFIG_ID, &replace));
            assert_eq!(fx.last().json(), json!({"op": text, "keywords": ["STOP", "HELP"], "country_code": "*"}));
            assert_eq!((replaced.id.as_str(), replaced.country_code.as_str()), ("54b7e19f-98a8-416f-81d1-a2782eade48b", "*"));
        }

        assert_eq!(fx.ok(configs.delete(CONFIG_ID)), "OK");
    }

    /// Operation 17 with the profile filter, the `null` filter for unassigned codes, and page
    /// params.
    fn list_short_codes(fx) covers ["GET" "/short_codes"] {
        let params = ListShortCodesParams::new().filter_messaging_profile_id(PROFILE_ID).page_number(1).page_size(20);
        let page = fx.ok(fx.client.short_codes().list(&params));
        assert_query(
            &fx.last(),
            &[&format!("filter%5Bmessaging_profile_id%5D={PROFILE_ID}"), "page%5Bnumber%5D=1", "page%5Bsize%5D=20"],
        );
        assert_meta(page.meta.as_ref(), (2, 25, 3, 55));
        assert_example_short_code(&page.data[0]);

        fx.ok(fx.client.short_codes().list(&ListShortCodesParams::new().unassigned()));
        assert_eq!(fx.last().query, "filter%5Bmessaging_profile_id%5D=null");
    }

    /// Operation 18.
    fn retrieve_short_code(fx) covers ["GET" "/short_codes/{id}"] {
        assert_example_short_code(&fx.ok(fx.client.short_codes().retrieve(SHORT_CODE_ID)));
        assert_eq!(fx.last().path, format!("/short_codes/{SHORT_CODE_ID}"));
    }

    /// Operation 19: assign with tags, unassign with `""`, and unassign with `null`, which Prism
    /// rejects because the schema types `messaging_profile_id` as a non-null string (the
    /// operation's description allows null; the official SDKs can only send `""`).
    fn update_short_code(fx) covers ["PATCH" "/short_codes/{id}"] {
        let assign = UpdateShortCodeParams::assign(OTHER_PROFILE_ID).tags(["test_customer", "contract"]);
        assert_example_short_code(&fx.ok(fx.client.short_codes().update(SHORT_CODE_ID, &assign)));
        assert_eq!(
            fx.last().json(),
            json!({"messaging_profile_id": OTHER_PROFILE_ID, "tags": ["test_customer", "contract"]})
        );

        let empty = UpdateShortCodeParams::unassign_with_empty_string();
        assert_example_short_code(&fx.ok(fx.client.short_codes().update(SHORT_CODE_ID, &empty)));
        assert_eq!(fx.last().json(), json!({"messaging_profile_id": ""}));

        let null = UpdateShortCodeParams::unassign();
        let (error, violations) = fx.rejected(fx.client.short_codes().update(SHORT_CODE_ID, &null), 422);
        assert_eq!(fx.last().json(), json!({"messaging_profile_id": null}));
        assert!(
            violations.contains(r#""location":["request","body","messaging_profile_id"]"#)
                && violations.contains("must be string"),
            "{violations}"
        );
        assert!(!error.is_not_found() && !error.is_rate_limited());
    }

    /// `["*"]` allows every destination according to the field's description, but the items'
    /// pattern `^[A-Z]{2}$` forbids it, so Prism rejects it; the client sends it as given.
    fn whitelist_wildcard_breaks_the_pattern(fx) covers ["POST" "/messaging_profiles", "PATCH" "/messaging_profiles/{id}"] {
        let create = CreateMessagingProfileParams::new("Everywhere", ["*"]);
        let (_, violations) = fx.rejected(fx.client.messaging_profiles().create(&create), 422);
        assert!(violations.contains("whitelisted_destinations"), "{violations}");
        let update = UpdateMessagingProfileParams::new().whitelisted_destinations(["*"]);
        let (_, violations) = fx.rejected(fx.client.messaging_profiles().update(PROFILE_ID, &update), 422);
        assert!(violations.contains("whitelisted_destinations"), "{violations}");
    }

    /// Error classes through `Prefer: code=N`, which makes Prism answer the operation's error
    /// example for that status after validating the request.
    fn error_mapping(fx) covers [
        "GET" "/messaging_profiles",
        "POST" "/messaging_profiles",
        "GET" "/messaging_profiles/{id}",
        "POST" "/messaging_profiles/{id}/actions/regenerate_secret",
        "GET" "/messaging_profiles/{id}/metrics",
        "GET" "/messaging_profile_metrics",
        "DELETE" "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
        "PATCH" "/short_codes/{id}",
    ] {
        type Check = fn(&Error) -> bool;
        let cases: [(u16, &str, Check); 4] = [
            (401, "Unauthorized", Error::is_unauthorized),
            (404, "Not Found", Error::is_not_found),
            (422, "Unprocessable Entity", |e| e.status() == Some(422) && !e.is_not_found()),
            (429, "Too Many Requests", Error::is_rate_limited),
        ];
        for (code, reason, check) in cases {
            let e = fx.api_err(fx.prefer(code).messaging_profiles().retrieve(PROFILE_ID), code);
            assert_eq!(fx.last().prefer.as_deref(), Some(format!("code={code}").as_str()));
            assert!(check(&e), "{code}: {e:?}");
            assert!(matches!(e, Error::Api(_)));
            let api = e.api_error().expect("an API error");
            assert_eq!(api.reason(), reason);
            // The definition's messaging_Errors example, as Prism generates it.
            assert_eq!(api.errors.len(), 1, "{api:?}");
            let detail = &api.errors[0];
            assert_eq!((detail.code.as_str(), detail.title.as_str()), ("string", "string"));
            assert_eq!(detail.detail.as_deref(), Some("string"));
            let source = detail.source.as_ref().expect("source");
            assert_eq!((source.pointer.as_deref(), source.parameter.as_deref()), (Some("/json/pointer"), Some("string")));
            assert_eq!(e.retry_after(), None);
            assert!(e.to_string().starts_with(&format!("API error {code} {reason}")), "{e}");
        }

        let create = CreateMessagingProfileParams::new("Rejected", ["US"]);
        let e = fx.api_err(fx.prefer(422).messaging_profiles().create(&create), 422);
        assert_eq!(e.api_error().unwrap().errors.len(), 1);
        let e = fx.api_err(fx.prefer(429).messaging_profiles().create(&create), 429);
        assert!(e.is_rate_limited());

        // Operations with explicit 401 and 404 responses.
        assert!(fx.api_err(fx.prefer(404).messaging_profiles().regenerate_secret(PROFILE_ID), 404).is_not_found());
        assert!(fx.api_err(fx.prefer(401).messaging_profiles().regenerate_secret(PROFILE_ID), 401).is_unauthorized());
        let metrics = MetricsParams::new().time_frame(TimeFrame::SevenDays);
        let e = fx.api_err(fx.prefer(400).messaging_profiles().retrieve_metrics(PROFILE_ID, &metrics), 400);
        assert_eq!(e.api_error().unwrap().reason(), "Bad Request");
        fx.api_err(fx.prefer(404).messaging_profiles().retrieve_metrics(PROFILE_ID, &metrics), 404);
        assert!(fx.api_err(fx.prefer(401).messaging_profile_metrics().list(&metrics), 401).is_unauthorized());
        let configs = fx.prefer(404);
        assert!(fx.api_err(configs.messaging_profiles().autoresp_configs(PROFILE_ID).delete(CONFIG_ID), 404).is_not_found());
        let assign = UpdateShortCodeParams::assign(OTHER_PROFILE_ID);
        assert!(fx.api_err(fx.prefer(404).short_codes().update(SHORT_CODE_ID, &assign), 404).is_not_found());

        // A code the operation does not define: Prism answers 404 with its own problem body,
        // which has no `errors` array.
        let e = fx.api_err(fx.prefer(429).messaging_profiles().regenerate_secret(PROFILE_ID), 404);
        let api = e.api_error().unwrap();
        assert!(api.errors.is_empty(), "{api:?}");
        assert!(api.body.contains("Requested status code 429 is not defined"), "{}", api.body);

        // An iterator yields the error once, then ends.
        let mut items = fx.prefer(429).messaging_profiles().list_all(&ListMessagingProfilesParams::new());
        assert!(fx.api_err(items.next().expect("an error"), 429).is_rate_limited());
        assert!(items.next().is_none());
        assert_eq!(fx.count(), fx.checked.get(), "the iterator sent another request after its error");
    }

    /// A 429 is retried (GET and POST alike) with the client's retry budget; Prism answers 429
    /// every time, so the call ends with the error after 1 + 2 requests.
    fn rate_limit_retries(fx) covers ["GET" "/messaging_profiles/{id}", "POST" "/messaging_profiles"] {
        let waits = Arc::new(Mutex::new(Vec::new()));
        let recorder = Arc::clone(&waits);
        let client = fx
            .builder()
            .max_retries(2)
            .sleeper(move |d| recorder.lock().unwrap().push(d))
            .build()
            .expect("client")
            .with_options(RequestOptions::new().header("Prefer", "code=429"));
        let before = fx.count();
        assert!(fx.api_err(client.messaging_profiles().retrieve(PROFILE_ID), 429).is_rate_limited());
        assert_eq!(fx.count() - before, 3);
        assert_eq!(waits.lock().unwrap().len(), 2);

        let before = fx.count();
        let create = CreateMessagingProfileParams::new("Retried", ["US"]);
        assert!(fx.api_err(client.messaging_profiles().create(&create), 429).is_rate_limited());
        assert_eq!(fx.count() - before, 3);
        assert_eq!(waits.lock().unwrap().len(), 4);
        // No retry-after hints from Prism: the waits are the backoff, at most 1 s for the second.
        assert!(waits.lock().unwrap().iter().all(|d| *d <= Duration::from_secs(1)));

        // Without a retry budget a 422 is never retried.
        let before = fx.count();
        fx.api_err(client.with_options(RequestOptions::new().header("Prefer", "code=422")).messaging_profiles().create(&create), 422);
        assert_eq!(fx.count() - before, 1);
    }

    /// Prism answers every paginated list with page 2 of 3: each auto-paginating iterator
    /// (operations 1, 6, 7, 9, 17) stops with `UnexpectedPage` after a bounded number of requests.
    fn pagination_stops_on_a_repeated_page(fx) covers [
        "GET" "/messaging_profiles",
        "GET" "/messaging_profiles/{id}/phone_numbers",
        "GET" "/messaging_profiles/{id}/short_codes",
        "GET" "/messaging_profiles/{id}/alphanumeric_sender_ids",
        "GET" "/short_codes",
    ] {
        let page = |start: Option<u32>| {
            let params = PageParams::new().page_size(25);
            match start {
                Some(n) => params.page_number(n),
                None => params,
            }
        };
        assert_repeated_page_stops(&fx, |start| {
            let mut params = ListMessagingProfilesParams::new().filter_name_contains("Alert").page_size(25);
            params.page_number = start;
            fx.client.messaging_profiles().list_all(&params)
        });
        assert!(fx.exchanges().iter().all(|e| e.query.contains("filter%5Bname%5D%5Bcontains%5D=Alert")));
        assert_repeated_page_stops(&fx, |start| fx.client.messaging_profiles().list_all_phone_numbers(PROFILE_ID, &page(start)));
        assert_repeated_page_stops(&fx, |start| fx.client.messaging_profiles().list_all_short_codes(PROFILE_ID, &page(start)));
        assert_repeated_page_stops(&fx, |start| {
            fx.client.messaging_profiles().list_all_alphanumeric_sender_ids(PROFILE_ID, &page(start))
        });
        let before = fx.count();
        assert_repeated_page_stops(&fx, |start| {
            let mut params = ListShortCodesParams::new().unassigned().page_size(25);
            params.page_number = start;
            fx.client.short_codes().list_all(&params)
        });
        assert!(fx.exchanges()[before..].iter().all(|e| e.query.contains("filter%5Bmessaging_profile_id%5D=null")));
    }
}

/// The scenarios together reach exactly the operations listed under `paths:` in the definition.
#[test]
fn every_operation_of_the_definition_is_covered() {
    let defined = spec::operations();
    assert_eq!(defined.len(), 19, "the definition should list 19 operations: {defined:#?}");
    let covered: BTreeSet<(String, String)> = SCENARIOS
        .iter()
        .flat_map(|(_, covers)| covers.iter().map(|(m, p)| (m.to_string(), p.to_string())))
        .collect();
    let missing: Vec<_> = defined.difference(&covered).collect();
    let unknown: Vec<_> = covered.difference(&defined).collect();
    assert!(missing.is_empty(), "operations no contract scenario exercises: {missing:#?}");
    assert!(unknown.is_empty(), "scenarios declare operations the definition lacks: {unknown:#?}");
}

/// The line-based scan reads paths, skips other top-level blocks and non-method keys.
#[test]
fn operation_scan_reads_only_paths() {
    let yaml = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      parameters:\n      - name: x\n    \
                post:\n    parameters: []\n  '/a/{id}':\n    delete:\n      responses: {}\ncomponents:\n  \
                /b:\n    get: {}\n";
    let ops = spec::parse_operations(yaml);
    let expect: BTreeSet<(String, String)> = [("GET", "/a"), ("POST", "/a"), ("DELETE", "/a/{id}")]
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(ops, expect);
    assert!(spec::path_matches("/a/{id}/b", "/a/123/b"));
    assert!(!spec::path_matches("/a/{id}", "/a/123/b"));
    assert!(!spec::path_matches("/a/{id}", "/a/"));
}
