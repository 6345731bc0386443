//! Auto-response configs of a messaging profile (operations 12-16).

use serde::{Deserialize, Serialize};

use super::Extra;
use super::Handle;
use crate::client::ResponseMode;
use crate::macros::{setters, string_enum};
use crate::operations::{self as op, QueryParams};
use crate::pagination::Page;
use crate::transport::Request;
use crate::{Client, Result};

string_enum! {
    /// What an auto-response config reacts to.
    AutorespOp {
        /// Opt-in keywords.
        Start = "start",
        /// Opt-out keywords.
        Stop = "stop",
        /// Help keywords.
        Info = "info",
    }
}

/// An auto-response config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutorespConfig {
    /// Identifies the config.
    pub id: String,
    /// What it reacts to.
    pub op: AutorespOp,
    /// The keywords that trigger it.
    pub keywords: Vec<String>,
    /// The country it applies to, or `*`.
    pub country_code: String,
    /// The text sent back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resp_text: Option<String>,
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

/// Body of [`AutorespConfigs::create`] and [`AutorespConfigs::update`] (a full replacement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AutorespConfigParams {
    /// What it reacts to.
    pub op: AutorespOp,
    /// The keywords that trigger it.
    pub keywords: Vec<String>,
    /// The country it applies to, or `*`.
    pub country_code: String,
    /// The text sent back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resp_text: Option<String>,
}

impl AutorespConfigParams {
    /// The required fields.
    pub fn new<S: Into<String>>(
        op: AutorespOp,
        keywords: impl IntoIterator<Item = S>,
        country_code: impl Into<String>,
    ) -> Self {
        AutorespConfigParams {
            op,
            keywords: keywords.into_iter().map(Into::into).collect(),
            country_code: country_code.into(),
            resp_text: None,
        }
    }

    setters! {
        opt resp_text: String;
    }
}

/// Filters of [`AutorespConfigs::list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListAutorespConfigsParams {
    /// `country_code`.
    pub country_code: Option<String>,
    /// `created_at[gte]`.
    pub created_at_gte: Option<String>,
    /// `created_at[lte]`.
    pub created_at_lte: Option<String>,
    /// `updated_at[gte]`.
    pub updated_at_gte: Option<String>,
    /// `updated_at[lte]`.
    pub updated_at_lte: Option<String>,
}

impl ListAutorespConfigsParams {
    /// No filters.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        opt country_code: String;
        opt created_at_gte: String;
        opt created_at_lte: String;
        opt updated_at_gte: String;
        opt updated_at_lte: String;
    }
}

impl QueryParams for ListAutorespConfigsParams {
    fn apply(&self, req: Request) -> Result<Request> {
        Ok(req
            .query("country_code", self.country_code.as_ref())
            .query("created_at[gte]", self.created_at_gte.as_ref())
            .query("created_at[lte]", self.created_at_lte.as_ref())
            .query("updated_at[gte]", self.updated_at_gte.as_ref())
            .query("updated_at[lte]", self.updated_at_lte.as_ref()))
    }
}

/// The auto-response configs of one profile:
/// `client.messaging_profiles().autoresp_configs(profile_id)`.
///
/// ```
/// use serde_json::json;
/// use telnyx_messaging::{AutorespConfigParams, AutorespOp, Client, ListAutorespConfigsParams};
///
/// // The body of `create` and `update` (a full replacement).
/// let params =
///     AutorespConfigParams::new(AutorespOp::Stop, ["STOP", "END"], "US").resp_text("You are unsubscribed.");
/// assert_eq!(
///     serde_json::to_value(&params)?,
///     json!({
///         "op": "stop", "keywords": ["STOP", "END"], "country_code": "US",
///         "resp_text": "You are unsubscribed.",
///     }),
/// );
///
/// let client = Client::builder().api_key("KEY").build()?;
/// // The profile id is checked when a call is made, before any request.
/// let configs = client.messaging_profiles().autoresp_configs("..");
/// let err = configs.list(&ListAutorespConfigsParams::new()).unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid argument: profile id ".." is not a valid id"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```no_run
/// # use telnyx_messaging::{AutorespConfigParams, AutorespOp, ListAutorespConfigsParams};
/// let client = telnyx_messaging::Client::new()?;
/// let configs = client.messaging_profiles().autoresp_configs("4001932a-b8a3-42fc-9389-021be6388909");
/// let config = configs.create(&AutorespConfigParams::new(AutorespOp::Stop, ["STOP"], "US"))?;
/// println!("{} configs", configs.list(&ListAutorespConfigsParams::new())?.data.len());
/// println!("{}", configs.delete(&config.id)?); // "OK"
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AutorespConfigs<'c, M> {
    handle: Handle<'c, M>,
    profile_id: String,
}

impl<'c, M: ResponseMode> AutorespConfigs<'c, M> {
    pub(crate) fn new(client: &'c Client, profile_id: &str) -> Self {
        AutorespConfigs { handle: Handle::new(client), profile_id: profile_id.to_owned() }
    }

    /// `GET /messaging_profiles/{profile_id}/autoresp_configs`: every config (one list; the API
    /// takes no page params).
    pub fn list(&self, params: &ListAutorespConfigsParams) -> Result<M::Output<Page<AutorespConfig>>> {
        self.handle.client.call::<_, M>(op::GET_AUTORESP_CONFIGS.query(&[&self.profile_id], params)?)
    }

    /// `POST /messaging_profiles/{profile_id}/autoresp_configs`.
    pub fn create(&self, params: &AutorespConfigParams) -> Result<M::Output<AutorespConfig>> {
        self.handle.client.call::<_, M>(op::CREATE_AUTORESP_CONFIG.body(&[&self.profile_id], params)?)
    }

    /// `GET /messaging_profiles/{profile_id}/autoresp_configs/{id}`.
    pub fn retrieve(&self, id: &str) -> Result<M::Output<AutorespConfig>> {
        self.handle.client.call::<_, M>(op::GET_AUTORESP_CONFIG.request(&[&self.profile_id, id])?)
    }

    /// `PUT /messaging_profiles/{profile_id}/autoresp_configs/{id}`: replaces the whole config.
    pub fn update(&self, id: &str, params: &AutorespConfigParams) -> Result<M::Output<AutorespConfig>> {
        self.handle.client.call::<_, M>(op::UPDATE_AUTORESP_CONFIG.body(&[&self.profile_id, id], params)?)
    }

    /// `DELETE /messaging_profiles/{profile_id}/autoresp_configs/{id}`: returns the server's
    /// confirmation text (`"OK"`).
    pub fn delete(&self, id: &str) -> Result<M::Output<String>> {
        self.handle.client.call::<_, M>(op::DELETE_AUTORESP_CONFIG.request(&[&self.profile_id, id])?)
    }
}
