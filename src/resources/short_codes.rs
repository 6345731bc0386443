//! Short codes of the account (operations 17-19).

use serde::{Deserialize, Serialize};

use super::Handle;
use super::{Extra, RecordType};
use crate::client::{Parsed, RawJson, ResponseMode, WithResponse};
use crate::macros::setters;
use crate::operations::{self as op, QueryParams};
use crate::pagination::{page_query, ItemIter, Page, PageIter};
use crate::transport::Request;
use crate::{Client, Result};

/// A short code.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShortCode {
    /// Identifies the resource (a UUID; not the digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `short_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_type: Option<RecordType>,
    /// The digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_code: Option<String>,
    /// The profile it is assigned to; `None` (JSON `null`) when unassigned.
    #[serde(default)]
    pub messaging_profile_id: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
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

/// Filter and page of [`ShortCodes::list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListShortCodesParams {
    /// `filter[messaging_profile_id]`; the string `null` finds unassigned short codes.
    pub filter_messaging_profile_id: Option<String>,
    /// `page[number]`: page to fetch, from 1; the first page an iterator fetches.
    pub page_number: Option<u32>,
    /// `page[size]`: items per page, 1..=250 (server default 20; `list_all` asks for 250 when
    /// it is not set).
    pub page_size: Option<u32>,
}

impl ListShortCodesParams {
    /// No filter, the server's page defaults.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        opt filter_messaging_profile_id: String;
        num page_number: u32;
        num page_size: u32;
    }

    /// Only short codes assigned to no profile (`filter[messaging_profile_id]=null`).
    pub fn unassigned(self) -> Self {
        self.filter_messaging_profile_id("null")
    }
}

impl QueryParams for ListShortCodesParams {
    fn apply(&self, req: Request) -> Result<Request> {
        let req = req.query("filter[messaging_profile_id]", self.filter_messaging_profile_id.as_ref());
        page_query(req, self.page_number, self.page_size)
    }
}

/// Body of [`ShortCodes::update`]: which profile the short code belongs to, and its tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UpdateShortCodeParams {
    /// The profile to assign; `None` sends `null`, which unassigns. Required when deserialized,
    /// so a body that forgets it cannot unassign by accident.
    #[serde(deserialize_with = "required_nullable")]
    pub messaging_profile_id: Option<String>,
    /// Tags to set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::nullable::not_null"
    )]
    pub tags: Option<Vec<String>>,
}

impl UpdateShortCodeParams {
    /// Assigns the short code to profile `messaging_profile_id`.
    pub fn assign(messaging_profile_id: impl Into<String>) -> Self {
        UpdateShortCodeParams { messaging_profile_id: Some(messaging_profile_id.into()), tags: None }
    }

    /// Unassigns the short code by sending `"messaging_profile_id": null`, as the operation's
    /// description allows. The definition's schema types the field as a string, so a server that
    /// enforces the schema (the Prism mock does) refuses `null`; then use
    /// [`UpdateShortCodeParams::unassign_with_empty_string`].
    pub fn unassign() -> Self {
        UpdateShortCodeParams { messaging_profile_id: None, tags: None }
    }

    /// Unassigns the short code by sending `"messaging_profile_id": ""`, the form the official
    /// SDKs send.
    pub fn unassign_with_empty_string() -> Self {
        Self::assign("")
    }

    setters! {
        list tags: Vec<String>;
    }
}

/// Deserializes a present (possibly `null`) field; without `default`, serde reports it missing.
fn required_nullable<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)
}

impl Client {
    /// Short codes of the whole account.
    pub fn short_codes(&self) -> ShortCodes<'_> {
        ShortCodes::new(self)
    }
}

/// Short codes: `client.short_codes()`.
///
/// `update` assigns a short code to a profile or unassigns it; the bodies it sends:
///
/// ```
/// use serde_json::json;
/// use telnyx_messaging::{Client, ListShortCodesParams, UpdateShortCodeParams};
///
/// let assign = UpdateShortCodeParams::assign("4001932a-b8a3-42fc-9389-021be6388909").tags(["promo"]);
/// assert_eq!(
///     serde_json::to_value(&assign)?,
///     json!({"messaging_profile_id": "4001932a-b8a3-42fc-9389-021be6388909", "tags": ["promo"]}),
/// );
/// assert_eq!(
///     serde_json::to_value(UpdateShortCodeParams::unassign())?,
///     json!({"messaging_profile_id": null}),
/// );
/// assert_eq!(
///     serde_json::to_value(UpdateShortCodeParams::unassign_with_empty_string())?,
///     json!({"messaging_profile_id": ""}),
/// );
///
/// let client = Client::builder().api_key("KEY").build()?;
/// let err = client.short_codes().list(&ListShortCodesParams::new().page_number(0)).unwrap_err();
/// assert_eq!(err.to_string(), "invalid argument: page_number must be at least 1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Against the API, every short code no profile uses:
///
/// ```no_run
/// use telnyx_messaging::{Client, ListShortCodesParams};
///
/// let client = Client::new()?;
/// for code in client.short_codes().list_all(&ListShortCodesParams::new().unassigned()) {
///     let code = code?;
///     println!("{} {:?}", code.short_code.as_deref().unwrap_or("?"), code.country_code);
/// }
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ShortCodes<'c, M = Parsed> {
    handle: Handle<'c, M>,
}

impl<'c> ShortCodes<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        ShortCodes { handle: Handle::new(client) }
    }

    /// The same calls, returning each result with its response metadata.
    pub fn with_response(&self) -> ShortCodes<'c, WithResponse> {
        ShortCodes { handle: Handle::new(self.handle.client) }
    }

    /// The same calls, returning each result as the JSON text the server sent (see [`RawJson`]).
    pub fn raw_json(&self) -> ShortCodes<'c, RawJson> {
        ShortCodes { handle: Handle::new(self.handle.client) }
    }
}

impl<M: ResponseMode> ShortCodes<'_, M> {
    /// `GET /short_codes`: one page.
    pub fn list(&self, params: &ListShortCodesParams) -> Result<M::Output<Page<ShortCode>>> {
        self.handle.client.call::<_, M>(op::LIST_SHORT_CODES.query(&[], params)?)
    }

    /// `GET /short_codes`: every short code, fetching pages lazily.
    pub fn list_all(&self, params: &ListShortCodesParams) -> ItemIter<ShortCode> {
        let call = op::LIST_SHORT_CODES.query(&[], params);
        ItemIter::new(PageIter::new(self.handle.client, call, params.page_number))
    }

    /// `GET /short_codes/{id}`.
    pub fn retrieve(&self, id: &str) -> Result<M::Output<ShortCode>> {
        self.handle.client.call::<_, M>(op::RETRIEVE_SHORT_CODE.request(&[id])?)
    }

    /// `PATCH /short_codes/{id}`: assigns or unassigns the short code, sets its tags.
    pub fn update(&self, id: &str, params: &UpdateShortCodeParams) -> Result<M::Output<ShortCode>> {
        self.handle.client.call::<_, M>(op::UPDATE_SHORT_CODE.body(&[id], params)?)
    }
}
