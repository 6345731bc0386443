//! Messaging profiles (operations 1-10): CRUD, their phone numbers, short codes, alphanumeric
//! sender IDs, metrics and the regenerate-secret action.

use serde::{Deserialize, Serialize};

use super::Handle;
use super::{AutorespConfigs, Extra, RecordType, ShortCode};
use crate::client::{Parsed, RawJson, ResponseMode, WithResponse};
use crate::macros::{setters, string_enum};
use crate::operations::{self as op, QueryParams};
use crate::pagination::{page_query, ItemIter, Page, PageIter, PageParams};
use crate::transport::Request;
use crate::{Client, Nullable, Result, Secret};

string_enum! {
    /// Which webhook format the profile uses.
    WebhookApiVersion {
        /// Telnyx API v1 (`"1"`).
        V1 = "1",
        /// Telnyx API v2 (`"2"`).
        V2 = "2",
        /// The legacy `2010-04-01` format.
        V2010_04_01 = "2010-04-01",
    }
}

string_enum! {
    /// The time frame of metrics (`time_frame`).
    TimeFrame {
        /// One hour.
        OneHour = "1h",
        /// Three hours.
        ThreeHours = "3h",
        /// 24 hours (the server's default).
        OneDay = "24h",
        /// Three days.
        ThreeDays = "3d",
        /// Seven days.
        SevenDays = "7d",
        /// 30 days.
        ThirtyDays = "30d",
    }
}

string_enum! {
    /// The type of a phone number; the API uses both spellings.
    PhoneNumberType {
        /// `long-code`
        LongCode = "long-code",
        /// `toll-free`
        TollFree = "toll-free",
        /// `short-code`
        ShortCode = "short-code",
        /// `longcode`
        Longcode = "longcode",
        /// `tollfree`
        Tollfree = "tollfree",
        /// `shortcode`
        Shortcode = "shortcode",
    }
}

/// A messaging profile.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagingProfile {
    /// Identifies the resource (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `messaging_profile`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_type: Option<RecordType>,
    /// A user friendly name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the profile is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Where webhooks go.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub webhook_url: Nullable<String>,
    /// Where webhooks go when `webhook_url` fails.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub webhook_failover_url: Nullable<String>,
    /// Webhook format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_api_version: Option<WebhookApiVersion>,
    /// Deprecated health-check webhook URL.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub health_webhook_url: Nullable<String>,
    /// ISO 3166-1 alpha-2 destinations the profile may send to; `["*"]` allows all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whitelisted_destinations: Option<Vec<String>>,
    /// Number pool settings; `null` when the feature is off.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub number_pool_settings: Nullable<NumberPoolSettings>,
    /// URL shortener settings; `null` when the feature is off.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub url_shortener_settings: Nullable<UrlShortenerSettings>,
    /// Alphanumeric sender ID for destinations that require one.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub alpha_sender: Nullable<String>,
    /// Daily spend limit in USD, a decimal string such as `"100.00"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit: Option<String>,
    /// Whether `daily_spend_limit` is enforced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit_enabled: Option<bool>,
    /// SMS fallback for MMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mms_fall_back_to_sms: Option<bool>,
    /// Automatic resizing of MMS media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mms_transcoding: Option<bool>,
    /// Send only to mobile numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_only: Option<bool>,
    /// Whether message content redaction is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redaction_enabled: Option<bool>,
    /// How much is redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redaction_level: Option<i64>,
    /// Automatic GSM-7 / UCS-2 encoding choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smart_encoding: Option<bool>,
    /// The AI assistant of the profile.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub ai_assistant_id: Nullable<String>,
    /// The resource group of the profile.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub resource_group_id: Nullable<String>,
    /// The owning organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Secret for the v1 endpoints; never printed by `Debug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v1_secret: Option<Secret>,
    /// ISO 8601 creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// ISO 8601 update time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Number pool settings: send from a pool of numbers with weights per number type.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberPoolSettings {
    /// Weight of long code numbers (non-negative; 0 removes them).
    pub long_code_weight: f64,
    /// Weight of toll-free numbers (non-negative; 0 removes them).
    pub toll_free_weight: f64,
    /// Exclude unhealthy numbers.
    pub skip_unhealthy: bool,
    /// Prefer a number with the destination's area code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geomatch: Option<bool>,
    /// Use the same number for every message to one recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticky_sender: Option<bool>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl NumberPoolSettings {
    /// Settings with the three required fields.
    pub fn new(long_code_weight: f64, toll_free_weight: f64, skip_unhealthy: bool) -> Self {
        NumberPoolSettings { long_code_weight, toll_free_weight, skip_unhealthy, ..Default::default() }
    }

    setters! {
        opt geomatch: bool;
        opt sticky_sender: bool;
    }
}

/// URL shortener settings: replace public shortener links with Telnyx ones.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UrlShortenerSettings {
    /// One of the domains of the Telnyx URL shortener.
    pub domain: String,
    /// Brand prefix after the domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Replace only links Telnyx blacklists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_blacklist_only: Option<bool>,
    /// Send webhooks when replaced links are clicked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_webhooks: Option<bool>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl UrlShortenerSettings {
    /// Settings for `domain`.
    pub fn new(domain: impl Into<String>) -> Self {
        UrlShortenerSettings { domain: domain.into(), ..Default::default() }
    }

    setters! {
        opt prefix: String;
        opt replace_blacklist_only: bool;
        opt send_webhooks: bool;
    }
}

/// A phone number with its messaging settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PhoneNumberWithMessagingSettings {
    /// Identifies the number (a numeric string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `messaging_settings` or `messaging_phone_number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_type: Option<RecordType>,
    /// +E.164 number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The profile the number belongs to; `null` when none.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub messaging_profile_id: Nullable<String>,
    /// ISO 3166-1 alpha-2 country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Long code, toll-free or short code, in either spelling.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub number_type: Option<PhoneNumberType>,
    /// The messaging product the number uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_product: Option<String>,
    /// The products the number could use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_messaging_products: Option<Vec<String>>,
    /// The traffic type currently configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic_type: Option<String>,
    /// SMS and MMS features.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<MessagingFeatures>,
    /// Health metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<NumberHealthMetrics>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// The owning organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// ISO 8601 creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// ISO 8601 update time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The SMS and MMS feature sets of a number; each `null` when unavailable.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagingFeatures {
    /// SMS features.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub sms: Nullable<MessagingFeatureSet>,
    /// MMS features.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub mms: Nullable<MessagingFeatureSet>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a number can do for one product (SMS or MMS).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessagingFeatureSet {
    /// Send to and receive from numbers in the same country.
    pub domestic_two_way: bool,
    /// Receive from other countries.
    pub international_inbound: bool,
    /// Send to other countries.
    pub international_outbound: bool,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Health metrics of a number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NumberHealthMetrics {
    /// Messages analysed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i64>,
    /// Received / sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_outbound_ratio: Option<f64>,
    /// Delivered / attempted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_ratio: Option<f64>,
    /// Blocked as spam / attempted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam_ratio: Option<f64>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An alphanumeric sender ID of a profile.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlphanumericSenderId {
    /// Identifies the resource (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `alphanumeric_sender_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_type: Option<RecordType>,
    /// The sender ID text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alphanumeric_sender_id: Option<String>,
    /// The profile it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_profile_id: Option<String>,
    /// The owning organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// US long code used as fallback for US destinations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_long_code_fallback: Option<String>,
    /// Fields this version does not know, kept as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Detailed metrics of one profile: a free-form object.
pub type ProfileMetrics = Extra;

/// Filters and page of [`MessagingProfiles::list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListMessagingProfilesParams {
    /// `filter[name]`: profiles with this name.
    pub filter_name: Option<String>,
    /// `filter[name][eq]`: exact name match.
    pub filter_name_eq: Option<String>,
    /// `filter[name][contains]`: name containing this text.
    pub filter_name_contains: Option<String>,
    /// `page[number]`: page to fetch, from 1; the first page an iterator fetches.
    pub page_number: Option<u32>,
    /// `page[size]`: items per page, 1..=250 (server default 20; `list_all` asks for 250 when
    /// it is not set).
    pub page_size: Option<u32>,
}

impl ListMessagingProfilesParams {
    /// No filters, the server's page defaults.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        opt filter_name: String;
        opt filter_name_eq: String;
        opt filter_name_contains: String;
        num page_number: u32;
        num page_size: u32;
    }
}

impl QueryParams for ListMessagingProfilesParams {
    fn apply(&self, req: Request) -> Result<Request> {
        let req = req
            .query("filter[name]", self.filter_name.as_ref())
            .query("filter[name][eq]", self.filter_name_eq.as_ref())
            .query("filter[name][contains]", self.filter_name_contains.as_ref());
        page_query(req, self.page_number, self.page_size)
    }
}

/// Body of [`MessagingProfiles::create`]: `name` and `whitelisted_destinations` are required, so
/// it has no `Default`: build it with [`CreateMessagingProfileParams::new`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CreateMessagingProfileParams {
    /// A user friendly name.
    pub name: String,
    /// ISO 3166-1 alpha-2 destinations, or `["*"]` for all.
    pub whitelisted_destinations: Vec<String>,
    /// Whether the profile is enabled (server default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Webhook URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// Failover webhook URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_failover_url: Option<String>,
    /// Webhook format (server default `"2"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_api_version: Option<WebhookApiVersion>,
    /// Health-check webhook URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_webhook_url: Option<String>,
    /// Number pool settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_pool_settings: Option<NumberPoolSettings>,
    /// URL shortener settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_shortener_settings: Option<UrlShortenerSettings>,
    /// Alphanumeric sender ID (`^[A-Za-z0-9 ]{1,11}$`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha_sender: Option<String>,
    /// Daily spend limit in USD as a decimal string, such as `"100.00"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit: Option<String>,
    /// Whether the daily spend limit is enforced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_spend_limit_enabled: Option<bool>,
    /// SMS fallback for MMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mms_fall_back_to_sms: Option<bool>,
    /// Automatic resizing of MMS media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mms_transcoding: Option<bool>,
    /// Send only to mobile numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_only: Option<bool>,
    /// Automatic GSM-7 / UCS-2 encoding choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smart_encoding: Option<bool>,
    /// AI assistant ID (at most 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_assistant_id: Option<String>,
    /// Resource group ID (at most 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
}

impl CreateMessagingProfileParams {
    /// The required fields.
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        whitelisted_destinations: impl IntoIterator<Item = S>,
    ) -> Self {
        CreateMessagingProfileParams {
            name: name.into(),
            whitelisted_destinations: whitelisted_destinations.into_iter().map(Into::into).collect(),
            enabled: None,
            webhook_url: None,
            webhook_failover_url: None,
            webhook_api_version: None,
            health_webhook_url: None,
            number_pool_settings: None,
            url_shortener_settings: None,
            alpha_sender: None,
            daily_spend_limit: None,
            daily_spend_limit_enabled: None,
            mms_fall_back_to_sms: None,
            mms_transcoding: None,
            mobile_only: None,
            smart_encoding: None,
            ai_assistant_id: None,
            resource_group_id: None,
        }
    }

    setters! {
        opt enabled: bool;
        opt webhook_url: String;
        opt webhook_failover_url: String;
        opt webhook_api_version: WebhookApiVersion;
        opt health_webhook_url: String;
        opt number_pool_settings: NumberPoolSettings;
        opt url_shortener_settings: UrlShortenerSettings;
        opt alpha_sender: String;
        opt daily_spend_limit: String;
        opt daily_spend_limit_enabled: bool;
        opt mms_fall_back_to_sms: bool;
        opt mms_transcoding: bool;
        opt mobile_only: bool;
        opt smart_encoding: bool;
        opt ai_assistant_id: String;
        opt resource_group_id: String;
    }
}

/// Body of [`MessagingProfiles::update`]: every field is optional, absent fields are left
/// unchanged, and the six nullable ones can be cleared with `null`. Read-only fields (`id`,
/// `record_type`, `created_at`, `updated_at`) and `v1_secret` (see
/// [`MessagingProfiles::regenerate_secret`]) are never sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UpdateMessagingProfileParams {
    /// A user friendly name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub name: Option<String>,
    /// Whether the profile is enabled.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub enabled: Option<bool>,
    /// Webhook URL; `Null` clears it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub webhook_url: Nullable<String>,
    /// Failover webhook URL; `Null` clears it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub webhook_failover_url: Nullable<String>,
    /// Webhook format.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub webhook_api_version: Option<WebhookApiVersion>,
    /// Destinations, or `["*"]` for all.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub whitelisted_destinations: Option<Vec<String>>,
    /// Number pool settings; `Null` turns the feature off.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub number_pool_settings: Nullable<NumberPoolSettings>,
    /// URL shortener settings; `Null` turns the feature off.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub url_shortener_settings: Nullable<UrlShortenerSettings>,
    /// Alphanumeric sender ID; `Null` clears it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub alpha_sender: Nullable<String>,
    /// Daily spend limit in USD as a decimal string.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub daily_spend_limit: Option<String>,
    /// Whether the daily spend limit is enforced.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub daily_spend_limit_enabled: Option<bool>,
    /// SMS fallback for MMS.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub mms_fall_back_to_sms: Option<bool>,
    /// Automatic resizing of MMS media.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub mms_transcoding: Option<bool>,
    /// Send only to mobile numbers.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub mobile_only: Option<bool>,
    /// Automatic GSM-7 / UCS-2 encoding choice.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub smart_encoding: Option<bool>,
    /// AI assistant ID; `Null` clears it.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub ai_assistant_id: Nullable<String>,
}

impl UpdateMessagingProfileParams {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        opt name: String;
        opt enabled: bool;
        nullable webhook_url / clear_webhook_url: String;
        nullable webhook_failover_url / clear_webhook_failover_url: String;
        opt webhook_api_version: WebhookApiVersion;
        list whitelisted_destinations: Vec<String>;
        nullable number_pool_settings / clear_number_pool_settings: NumberPoolSettings;
        nullable url_shortener_settings / clear_url_shortener_settings: UrlShortenerSettings;
        nullable alpha_sender / clear_alpha_sender: String;
        opt daily_spend_limit: String;
        opt daily_spend_limit_enabled: bool;
        opt mms_fall_back_to_sms: bool;
        opt mms_transcoding: bool;
        opt mobile_only: bool;
        opt smart_encoding: bool;
        nullable ai_assistant_id / clear_ai_assistant_id: String;
    }
}

/// Query of [`MessagingProfiles::retrieve_metrics`] and
/// [`MessagingProfileMetrics::list`](super::MessagingProfileMetrics::list).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MetricsParams {
    /// `time_frame` (server default 24h).
    pub time_frame: Option<TimeFrame>,
}

impl MetricsParams {
    /// The server's default time frame.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        opt time_frame: TimeFrame;
    }
}

impl QueryParams for MetricsParams {
    fn apply(&self, req: Request) -> Result<Request> {
        Ok(req.query("time_frame", self.time_frame.as_ref()))
    }
}

impl Client {
    /// Messaging profiles and everything under them (phone numbers, short codes, sender IDs,
    /// metrics, auto-response configs).
    pub fn messaging_profiles(&self) -> MessagingProfiles<'_> {
        MessagingProfiles::new(self)
    }
}

/// Messaging profiles: `client.messaging_profiles()`.
///
/// The calls send exactly the params' JSON as the body, and check ids and page bounds before any
/// request:
///
/// ```
/// use serde_json::json;
/// use telnyx_messaging::{
///     Client, CreateMessagingProfileParams, ListMessagingProfilesParams, UpdateMessagingProfileParams,
/// };
///
/// let client = Client::builder().api_key("KEY").build()?;
/// let profiles = client.messaging_profiles();
///
/// // The body of `create`: the two required fields and what the setters add.
/// let create =
///     CreateMessagingProfileParams::new("Alerts", ["US", "CA"]).webhook_url("https://example.com/hook");
/// assert_eq!(
///     serde_json::to_value(&create)?,
///     json!({
///         "name": "Alerts", "whitelisted_destinations": ["US", "CA"],
///         "webhook_url": "https://example.com/hook",
///     }),
/// );
/// // The body of `update`: only what is set; `clear_*` sends `null`.
/// let update = UpdateMessagingProfileParams::new().enabled(false).clear_alpha_sender();
/// assert_eq!(serde_json::to_value(&update)?, json!({"enabled": false, "alpha_sender": null}));
///
/// let err = profiles.list(&ListMessagingProfilesParams::new().page_size(500)).unwrap_err();
/// assert_eq!(err.to_string(), "invalid argument: page_size must be between 1 and 250, got 500");
/// let err = profiles.update("", &update).unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid argument: messaging profile id "" is not a valid id"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Against the API:
///
/// ```no_run
/// use telnyx_messaging::{Client, CreateMessagingProfileParams, PageParams, UpdateMessagingProfileParams};
///
/// let client = Client::new()?; // TELNYX_API_KEY
/// let profiles = client.messaging_profiles();
/// let profile = profiles.create(&CreateMessagingProfileParams::new("Alerts", ["US"]))?;
/// let id = profile.id.clone().unwrap_or_default();
/// profiles.update(&id, &UpdateMessagingProfileParams::new().name("Alerts (US)"))?;
/// for number in profiles.list_all_phone_numbers(&id, &PageParams::new().page_size(100)) {
///     println!("{:?}", number?.phone_number);
/// }
/// // The same call with the response's status and request id.
/// let answer = profiles.with_response().delete(&id)?;
/// println!("deleted, HTTP {} request {:?}", answer.meta.status, answer.meta.request_id);
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct MessagingProfiles<'c, M = Parsed> {
    handle: Handle<'c, M>,
}

impl<'c> MessagingProfiles<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        MessagingProfiles { handle: Handle::new(client) }
    }

    /// The same calls, returning each result with its response metadata.
    pub fn with_response(&self) -> MessagingProfiles<'c, WithResponse> {
        MessagingProfiles { handle: Handle::new(self.handle.client) }
    }

    /// The same calls, returning each result as the JSON text the server sent (see [`RawJson`]).
    pub fn raw_json(&self) -> MessagingProfiles<'c, RawJson> {
        MessagingProfiles { handle: Handle::new(self.handle.client) }
    }
}

impl<'c, M: ResponseMode> MessagingProfiles<'c, M> {
    fn client(&self) -> &'c Client {
        self.handle.client
    }

    /// `GET /messaging_profiles`: one page.
    pub fn list(&self, params: &ListMessagingProfilesParams) -> Result<M::Output<Page<MessagingProfile>>> {
        self.client().call::<_, M>(op::LIST_MESSAGING_PROFILES.query(&[], params)?)
    }

    /// `GET /messaging_profiles`: every profile, fetching pages lazily.
    pub fn list_all(&self, params: &ListMessagingProfilesParams) -> ItemIter<MessagingProfile> {
        let call = op::LIST_MESSAGING_PROFILES.query(&[], params);
        ItemIter::new(PageIter::new(self.client(), call, params.page_number))
    }

    /// `POST /messaging_profiles`.
    pub fn create(&self, params: &CreateMessagingProfileParams) -> Result<M::Output<MessagingProfile>> {
        self.client().call::<_, M>(op::CREATE_MESSAGING_PROFILE.body(&[], params)?)
    }

    /// `GET /messaging_profiles/{id}`.
    pub fn retrieve(&self, id: &str) -> Result<M::Output<MessagingProfile>> {
        self.client().call::<_, M>(op::RETRIEVE_MESSAGING_PROFILE.request(&[id])?)
    }

    /// `PATCH /messaging_profiles/{id}`: changes the fields set in `params`.
    pub fn update(
        &self,
        id: &str,
        params: &UpdateMessagingProfileParams,
    ) -> Result<M::Output<MessagingProfile>> {
        self.client().call::<_, M>(op::UPDATE_MESSAGING_PROFILE.body(&[id], params)?)
    }

    /// `DELETE /messaging_profiles/{id}`: returns the deleted profile.
    pub fn delete(&self, id: &str) -> Result<M::Output<MessagingProfile>> {
        self.client().call::<_, M>(op::DELETE_MESSAGING_PROFILE.request(&[id])?)
    }

    /// `POST /messaging_profiles/{id}/actions/regenerate_secret`: returns the profile with its new
    /// `v1_secret`.
    pub fn regenerate_secret(&self, id: &str) -> Result<M::Output<MessagingProfile>> {
        self.client().call::<_, M>(op::REGENERATE_MESSAGING_PROFILE_SECRET.request(&[id])?)
    }

    /// `GET /messaging_profiles/{id}/phone_numbers`: one page.
    pub fn list_phone_numbers(
        &self,
        id: &str,
        page: &PageParams,
    ) -> Result<M::Output<Page<PhoneNumberWithMessagingSettings>>> {
        self.client().call::<_, M>(op::LIST_PROFILE_PHONE_NUMBERS.query(&[id], page)?)
    }

    /// `GET /messaging_profiles/{id}/phone_numbers`: every number, fetching pages lazily.
    pub fn list_all_phone_numbers(
        &self,
        id: &str,
        page: &PageParams,
    ) -> ItemIter<PhoneNumberWithMessagingSettings> {
        let call = op::LIST_PROFILE_PHONE_NUMBERS.query(&[id], page);
        ItemIter::new(PageIter::new(self.client(), call, page.page_number))
    }

    /// `GET /messaging_profiles/{id}/short_codes`: one page.
    pub fn list_short_codes(&self, id: &str, page: &PageParams) -> Result<M::Output<Page<ShortCode>>> {
        self.client().call::<_, M>(op::LIST_PROFILE_SHORT_CODES.query(&[id], page)?)
    }

    /// `GET /messaging_profiles/{id}/short_codes`: every short code, fetching pages lazily.
    pub fn list_all_short_codes(&self, id: &str, page: &PageParams) -> ItemIter<ShortCode> {
        let call = op::LIST_PROFILE_SHORT_CODES.query(&[id], page);
        ItemIter::new(PageIter::new(self.client(), call, page.page_number))
    }

    /// `GET /messaging_profiles/{id}/alphanumeric_sender_ids`: one page.
    pub fn list_alphanumeric_sender_ids(
        &self,
        id: &str,
        page: &PageParams,
    ) -> Result<M::Output<Page<AlphanumericSenderId>>> {
        self.client().call::<_, M>(op::LIST_PROFILE_ALPHANUMERIC_SENDER_IDS.query(&[id], page)?)
    }

    /// `GET /messaging_profiles/{id}/alphanumeric_sender_ids`: every sender ID, fetching pages
    /// lazily.
    pub fn list_all_alphanumeric_sender_ids(
        &self,
        id: &str,
        page: &PageParams,
    ) -> ItemIter<AlphanumericSenderId> {
        let call = op::LIST_PROFILE_ALPHANUMERIC_SENDER_IDS.query(&[id], page);
        ItemIter::new(PageIter::new(self.client(), call, page.page_number))
    }

    /// `GET /messaging_profiles/{id}/metrics`: detailed metrics of one profile.
    pub fn retrieve_metrics(&self, id: &str, params: &MetricsParams) -> Result<M::Output<ProfileMetrics>> {
        self.client().call::<_, M>(op::GET_DETAILED_PROFILE_METRICS.query(&[id], params)?)
    }

    /// The auto-response configs of profile `profile_id`.
    pub fn autoresp_configs(&self, profile_id: &str) -> AutorespConfigs<'c, M> {
        AutorespConfigs::new(self.client(), profile_id)
    }
}
