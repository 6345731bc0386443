//! Decoding the body of a 2xx response: the one place that turns bytes into results.

use serde::de::{self, DeserializeOwned, Unexpected};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use crate::error::{redact_secrets, Error};
use crate::Result;

/// How much of an undecodable body an error shows.
const SNIPPET_LEN: usize = 200;

/// Where the result sits in a response body. Public only inside this private module, so that
/// [`ResponseMode`](crate::ResponseMode)'s hidden method can take it without it being API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// The whole body (the autoresp delete's string).
    None,
    /// The whole body, a page: `{"data": [...], "meta": {...}}`.
    Page,
    /// The body's `data` member (single resources).
    Data,
}

/// Decodes a 2xx body; failures carry a short, redacted excerpt of it.
pub(crate) fn decode<'a, T: serde::Deserialize<'a>>(status: u16, body: &'a [u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| {
        let text = String::from_utf8_lossy(&body[..body.len().min(SNIPPET_LEN)]);
        Error::Decode { status, message: e.to_string(), snippet: redact_secrets(&text) }
    })
}

/// The `data` member of a body, kept as its raw text; it must be a JSON object.
#[derive(Deserialize)]
struct RawData<'a> {
    #[serde(borrow)]
    data: RawObject<'a>,
}

/// The raw text of a JSON object, its members skipped unread (checked for syntax only); any
/// other JSON value is an error.
pub(crate) struct RawObject<'a>(&'a RawValue);

impl<'de: 'a, 'a> Deserialize<'de> for RawObject<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let raw = <&RawValue>::deserialize(deserializer)?;
        let unexpected = match raw.get().as_bytes().first() {
            Some(b'{') => return Ok(RawObject(raw)),
            Some(b'[') => Unexpected::Seq,
            Some(b'"') => Unexpected::Other("string"),
            Some(b't' | b'f') => Unexpected::Other("boolean"),
            Some(b'n') => Unexpected::Unit,
            _ => Unexpected::Other("number"),
        };
        Err(de::Error::invalid_type(unexpected, &"a JSON object"))
    }
}

/// Decodes the result from a 2xx body: the whole body, or its `data` member.
pub(crate) fn decode_result<T: DeserializeOwned>(status: u16, body: &[u8], envelope: Envelope) -> Result<T> {
    #[derive(Deserialize)]
    struct Data<T> {
        data: T,
    }
    match envelope {
        Envelope::None | Envelope::Page => decode(status, body),
        Envelope::Data => decode::<Data<T>>(status, body).map(|d| d.data),
    }
}

/// The result's JSON text as the server sent it, once it is known to have the result's shape,
/// cheaply: a single resource's `data` member must be a JSON object and a page a page
/// ([`PageShape`]), their members left to the caller to decode; any other result must decode
/// as `T`. The text is cut out of `body` in place.
pub(crate) fn raw_result<T: DeserializeOwned>(
    status: u16,
    mut body: Vec<u8>,
    envelope: Envelope,
) -> Result<String> {
    match envelope {
        Envelope::None => {
            decode::<T>(status, &body)?;
        }
        Envelope::Page => {
            decode::<PageShape>(status, &body)?;
        }
        Envelope::Data => {
            let data = decode::<RawData>(status, &body)?.data.0.get();
            let start = data.as_ptr() as usize - body.as_ptr() as usize;
            let end = start + data.len();
            body.truncate(end);
            body.drain(..start);
        }
    }
    raw_text(status, body)
}

/// A body that decoded as JSON, as text. Strings in unknown members are skipped unchecked by
/// serde, so UTF-8 is checked here.
pub(crate) fn raw_text(status: u16, body: Vec<u8>) -> Result<String> {
    String::from_utf8(body).map_err(|e| Error::Decode {
        status,
        message: format!("the body is not UTF-8: {e}"),
        snippet: String::new(),
    })
}

/// Pagination metadata of a list response. Every member may be missing (a server or a future
/// API version that leaves one out must not break a list); iterators stop rather than guess.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageMeta {
    /// The number of this page, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<u64>,
    /// Items per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// How many pages there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<u64>,
    /// How many items there are in all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_results: Option<u64>,
}

/// A page decoded only as far as the raw JSON mode checks it: a JSON object whose `data` is a
/// list of objects and whose `meta`, when present, holds the page numbers. The items' members
/// are skipped unread (the caller decodes them): a fraction of the work of the typed models.
#[derive(Deserialize)]
pub(crate) struct PageShape {
    #[serde(default)]
    pub(crate) data: Vec<AnyObject>,
    #[serde(default)]
    pub(crate) meta: Option<PageMeta>,
}

/// Any JSON object, its members skipped unread; anything else is an error. Decoded from a
/// slice only (it borrows the object's text while checking it).
pub(crate) struct AnyObject;

impl<'de> Deserialize<'de> for AnyObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        RawObject::deserialize(deserializer).map(|_| AnyObject)
    }
}
