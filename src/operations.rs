//! The 19 operations of the API area, each declared once: its `operationId`, method, path
//! template, input, result and paging. The Rust methods build their requests from these rows,
//! and the C functions of the `telnyx-messaging-ffi` crate (with their documentation) are
//! generated from them.

use serde::Serialize;

use crate::decode::Envelope;
use crate::error::Error;
use crate::transport::{segment, Request};
use crate::Result;

pub use crate::transport::Method;

/// What an operation takes besides the ids in its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// Nothing.
    None,
    /// Query parameters: the name of the Rust params type (all its fields optional).
    Query(&'static str),
    /// A JSON body: the name of the Rust params type.
    Body(&'static str),
}

/// One operation of the API area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The `operationId` of the API definition.
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template of the API definition, such as `/messaging_profiles/{id}`.
    pub path: &'static str,
    /// What the operation takes besides the path's ids.
    pub input: Input,
    /// The name of the Rust result type.
    pub output: &'static str,
    /// Whether the result is the body's `data` member (single resources) or the whole body.
    pub data_envelope: bool,
    /// Whether the list pages with `page[number]` and `page[size]` (and has a `list_all`).
    pub paged: bool,
    /// The Rust call on a [`Client`](crate::Client): the resource accessors, then the method
    /// (`messaging_profiles().list_phone_numbers`); a path id named in an accessor's
    /// parentheses is passed there.
    pub rust: &'static str,
    /// What the C function takes and returns, for its documentation.
    pub c_doc: &'static str,
}

impl Operation {
    /// The request with the path's ids filled in, in the template's order, each checked and
    /// percent-encoded as one segment.
    pub(crate) fn request(&self, ids: &[&str]) -> Result<Call> {
        let mut path = String::with_capacity(self.path.len() + 40);
        let mut rest = self.path;
        let mut ids = ids.iter();
        while let Some((before, after)) = rest.split_once('{') {
            let (name, tail) = after.split_once('}').unwrap_or((after, ""));
            path.push_str(before);
            let collection = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
            let id = ids.next().ok_or_else(|| Error::InvalidArgument(format!("{name} is missing")))?;
            path.push_str(&segment(id, id_label(collection, name))?);
            rest = tail;
        }
        path.push_str(rest);
        let envelope = match self.data_envelope {
            true => Envelope::Data,
            false if self.output.starts_with("Page<") => Envelope::Page,
            false => Envelope::None,
        };
        Ok(Call { request: Request::new(self.method, path), envelope })
    }

    /// [`Operation::request`] with the query parameters of `params`.
    pub(crate) fn query(&self, ids: &[&str], params: &impl QueryParams) -> Result<Call> {
        let call = self.request(ids)?;
        Ok(Call { request: params.apply(call.request)?, ..call })
    }

    /// [`Operation::request`] with `body` as its JSON body.
    pub(crate) fn body(&self, ids: &[&str], body: &impl Serialize) -> Result<Call> {
        let call = self.request(ids)?;
        Ok(Call { request: call.request.json(body)?, ..call })
    }
}

/// How error messages name a path id.
fn id_label(collection: &str, name: &str) -> &'static str {
    match (collection, name) {
        ("short_codes", _) => "short code id",
        ("autoresp_configs", _) => "autoresp config id",
        (_, "profile_id") => "profile id",
        _ => "messaging profile id",
    }
}

/// A request and where its result sits in the response body.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub request: Request,
    pub envelope: Envelope,
}

/// Params types that become query parameters.
pub(crate) trait QueryParams {
    /// Adds the parameters to `req`, checking their bounds.
    fn apply(&self, req: Request) -> Result<Request>;
}

const PAGE_DOC: &str = "`page_json` is NULL or `{\"page_number\": n, \"page_size\": n}` (both optional). \
                        `*out_json`: `{\"data\": [...], \"meta\": {...}}`.";

/// `GET /messaging_profiles`
pub const LIST_MESSAGING_PROFILES: Operation = Operation {
    id: "ListMessagingProfiles",
    method: Method::Get,
    path: "/messaging_profiles",
    input: Input::Query("ListMessagingProfilesParams"),
    output: "Page<MessagingProfile>",
    data_envelope: false,
    paged: true,
    rust: "messaging_profiles().list",
    c_doc: "One page of profiles. `params_json` is NULL or a JSON object with the optional keys \
            `filter_name`, `filter_name_eq`, `filter_name_contains` (strings), `page_number` (from \
            1) and `page_size` (1..250). `*out_json`: `{\"data\": [...], \"meta\": {...}}`.",
};

/// `POST /messaging_profiles`
pub const CREATE_MESSAGING_PROFILE: Operation = Operation {
    id: "CreateMessagingProfile",
    method: Method::Post,
    path: "/messaging_profiles",
    input: Input::Body("CreateMessagingProfileParams"),
    output: "MessagingProfile",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().create",
    c_doc: "`body_json` (required) uses the API's field names; `name` and \
            `whitelisted_destinations` are required. `*out_json`: the created profile.",
};

/// `GET /messaging_profiles/{id}`
pub const RETRIEVE_MESSAGING_PROFILE: Operation = Operation {
    id: "RetrieveMessagingProfile",
    method: Method::Get,
    path: "/messaging_profiles/{id}",
    input: Input::None,
    output: "MessagingProfile",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().retrieve",
    c_doc: "`*out_json`: the profile.",
};

/// `PATCH /messaging_profiles/{id}`
pub const UPDATE_MESSAGING_PROFILE: Operation = Operation {
    id: "UpdateMessagingProfile",
    method: Method::Patch,
    path: "/messaging_profiles/{id}",
    input: Input::Body("UpdateMessagingProfileParams"),
    output: "MessagingProfile",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().update",
    c_doc: "`body_json` (required): the fields to change, with the API's names; a key set to \
            `null` clears that field (`webhook_url`, `webhook_failover_url`, `alpha_sender`, \
            `number_pool_settings`, `url_shortener_settings`, `ai_assistant_id`), a missing key \
            leaves it unchanged; read-only fields are refused. `*out_json`: the profile.",
};

/// `DELETE /messaging_profiles/{id}`
pub const DELETE_MESSAGING_PROFILE: Operation = Operation {
    id: "DeleteMessagingProfile",
    method: Method::Delete,
    path: "/messaging_profiles/{id}",
    input: Input::None,
    output: "MessagingProfile",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().delete",
    c_doc: "`*out_json`: the deleted profile.",
};

/// `POST /messaging_profiles/{id}/actions/regenerate_secret`
pub const REGENERATE_MESSAGING_PROFILE_SECRET: Operation = Operation {
    id: "RegenerateMessagingProfileSecret",
    method: Method::Post,
    path: "/messaging_profiles/{id}/actions/regenerate_secret",
    input: Input::None,
    output: "MessagingProfile",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().regenerate_secret",
    c_doc: "`*out_json`: the profile with its new `v1_secret`.",
};

/// `GET /messaging_profiles/{id}/phone_numbers`
pub const LIST_PROFILE_PHONE_NUMBERS: Operation = Operation {
    id: "ListProfilePhoneNumbers",
    method: Method::Get,
    path: "/messaging_profiles/{id}/phone_numbers",
    input: Input::Query("PageParams"),
    output: "Page<PhoneNumberWithMessagingSettings>",
    data_envelope: false,
    paged: true,
    rust: "messaging_profiles().list_phone_numbers",
    c_doc: PAGE_DOC,
};

/// `GET /messaging_profiles/{id}/short_codes`
pub const LIST_PROFILE_SHORT_CODES: Operation = Operation {
    id: "ListProfileShortCodes",
    method: Method::Get,
    path: "/messaging_profiles/{id}/short_codes",
    input: Input::Query("PageParams"),
    output: "Page<ShortCode>",
    data_envelope: false,
    paged: true,
    rust: "messaging_profiles().list_short_codes",
    c_doc: PAGE_DOC,
};

/// `GET /messaging_profiles/{id}/alphanumeric_sender_ids`
pub const LIST_PROFILE_ALPHANUMERIC_SENDER_IDS: Operation = Operation {
    id: "ListProfileAlphanumericSenderIds",
    method: Method::Get,
    path: "/messaging_profiles/{id}/alphanumeric_sender_ids",
    input: Input::Query("PageParams"),
    output: "Page<AlphanumericSenderId>",
    data_envelope: false,
    paged: true,
    rust: "messaging_profiles().list_alphanumeric_sender_ids",
    c_doc: PAGE_DOC,
};

/// `GET /messaging_profiles/{id}/metrics`
pub const GET_DETAILED_PROFILE_METRICS: Operation = Operation {
    id: "GetDetailedProfileMetrics",
    method: Method::Get,
    path: "/messaging_profiles/{id}/metrics",
    input: Input::Query("MetricsParams"),
    output: "ProfileMetrics",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().retrieve_metrics",
    c_doc: "`params_json` is NULL or `{\"time_frame\": \"1h\"}` (`1h`, `3h`, `24h`, `3d`, `7d`, \
            `30d`; server default `24h`). `*out_json`: the metrics object, free-form.",
};

/// `GET /messaging_profiles/{profile_id}/autoresp_configs`
pub const GET_AUTORESP_CONFIGS: Operation = Operation {
    id: "GetAutorespConfigs",
    method: Method::Get,
    path: "/messaging_profiles/{profile_id}/autoresp_configs",
    input: Input::Query("ListAutorespConfigsParams"),
    output: "Page<AutorespConfig>",
    data_envelope: false,
    paged: false,
    rust: "messaging_profiles().autoresp_configs(profile_id).list",
    c_doc: "Every config, as one list. `params_json` is NULL or a JSON object with the optional \
            string keys `country_code`, `created_at_gte`, `created_at_lte`, `updated_at_gte`, \
            `updated_at_lte`. `*out_json`: `{\"data\": [...], \"meta\": {...}}`.",
};

/// `POST /messaging_profiles/{profile_id}/autoresp_configs`
pub const CREATE_AUTORESP_CONFIG: Operation = Operation {
    id: "CreateAutorespConfig",
    method: Method::Post,
    path: "/messaging_profiles/{profile_id}/autoresp_configs",
    input: Input::Body("AutorespConfigParams"),
    output: "AutorespConfig",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().autoresp_configs(profile_id).create",
    c_doc: "`body_json` (required): `{\"op\": \"start\"|\"stop\"|\"info\", \"keywords\": [...], \
            \"country_code\": \"US\", \"resp_text\": \"...\"}` (`resp_text` optional). \
            `*out_json`: the created config.",
};

/// `GET /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}`
pub const GET_AUTORESP_CONFIG: Operation = Operation {
    id: "GetAutorespConfig",
    method: Method::Get,
    path: "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
    input: Input::None,
    output: "AutorespConfig",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().autoresp_configs(profile_id).retrieve",
    c_doc: "`*out_json`: the config.",
};

/// `PUT /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}`
pub const UPDATE_AUTORESP_CONFIG: Operation = Operation {
    id: "UpdateAutoRespConfig",
    method: Method::Put,
    path: "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
    input: Input::Body("AutorespConfigParams"),
    output: "AutorespConfig",
    data_envelope: true,
    paged: false,
    rust: "messaging_profiles().autoresp_configs(profile_id).update",
    c_doc: "Replaces the whole config. `body_json` (required) as for \
            `telnyx_messaging_profiles_autoresp_configs_create`. `*out_json`: the config.",
};

/// `DELETE /messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}`
pub const DELETE_AUTORESP_CONFIG: Operation = Operation {
    id: "DeleteAutorespConfig",
    method: Method::Delete,
    path: "/messaging_profiles/{profile_id}/autoresp_configs/{autoresp_cfg_id}",
    input: Input::None,
    output: "String",
    data_envelope: false,
    paged: false,
    rust: "messaging_profiles().autoresp_configs(profile_id).delete",
    c_doc: "`*out_json`: the JSON string the server returned, such as `\"OK\"` (with the quotes).",
};

/// `GET /short_codes`
pub const LIST_SHORT_CODES: Operation = Operation {
    id: "ListShortCodes",
    method: Method::Get,
    path: "/short_codes",
    input: Input::Query("ListShortCodesParams"),
    output: "Page<ShortCode>",
    data_envelope: false,
    paged: true,
    rust: "short_codes().list",
    c_doc: "One page. `params_json` is NULL or a JSON object with the optional keys \
            `filter_messaging_profile_id` (the string `\"null\"` finds unassigned short codes), \
            `page_number` and `page_size`. `*out_json`: `{\"data\": [...], \"meta\": {...}}`.",
};

/// `GET /short_codes/{id}`
pub const RETRIEVE_SHORT_CODE: Operation = Operation {
    id: "RetrieveShortCode",
    method: Method::Get,
    path: "/short_codes/{id}",
    input: Input::None,
    output: "ShortCode",
    data_envelope: true,
    paged: false,
    rust: "short_codes().retrieve",
    c_doc: "`id` is the UUID, not the digits. `*out_json`: the short code.",
};

/// `PATCH /short_codes/{id}`
pub const UPDATE_SHORT_CODE: Operation = Operation {
    id: "UpdateShortCode",
    method: Method::Patch,
    path: "/short_codes/{id}",
    input: Input::Body("UpdateShortCodeParams"),
    output: "ShortCode",
    data_envelope: true,
    paged: false,
    rust: "short_codes().update",
    c_doc: "`body_json` (required): `{\"messaging_profile_id\": \"...\" | null | \"\", \"tags\": \
            [...]}`; `messaging_profile_id` is required (`null` or `\"\"` unassigns), `tags` \
            optional. `*out_json`: the short code.",
};

/// `GET /messaging_profile_metrics`
pub const GET_PROFILE_METRICS: Operation = Operation {
    id: "GetProfileMetrics",
    method: Method::Get,
    path: "/messaging_profile_metrics",
    input: Input::Query("MetricsParams"),
    output: "Page<ProfileMetricsHighLevel>",
    data_envelope: false,
    paged: false,
    rust: "messaging_profile_metrics().list",
    c_doc: "High-level metrics of every profile, as one list. `params_json` is NULL or \
            `{\"time_frame\": \"24h\"}`. `*out_json`: `{\"data\": [...], \"meta\": {...}}`.",
};

/// Every operation of the area, in the order of the C functions.
pub const OPERATIONS: [Operation; 19] = [
    LIST_MESSAGING_PROFILES,
    CREATE_MESSAGING_PROFILE,
    RETRIEVE_MESSAGING_PROFILE,
    UPDATE_MESSAGING_PROFILE,
    DELETE_MESSAGING_PROFILE,
    REGENERATE_MESSAGING_PROFILE_SECRET,
    LIST_PROFILE_PHONE_NUMBERS,
    LIST_PROFILE_SHORT_CODES,
    LIST_PROFILE_ALPHANUMERIC_SENDER_IDS,
    GET_DETAILED_PROFILE_METRICS,
    GET_AUTORESP_CONFIGS,
    CREATE_AUTORESP_CONFIG,
    GET_AUTORESP_CONFIG,
    UPDATE_AUTORESP_CONFIG,
    DELETE_AUTORESP_CONFIG,
    LIST_SHORT_CODES,
    RETRIEVE_SHORT_CODE,
    UPDATE_SHORT_CODE,
    GET_PROFILE_METRICS,
];
