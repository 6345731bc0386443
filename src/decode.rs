//! Decoding the body of a 2xx response: the one place that turns bytes into results.

use serde::de::DeserializeOwned;

use crate::error::{redact_secrets, Error};
use crate::Result;

/// How much of an undecodable body an error shows.
const SNIPPET_LEN: usize = 200;

/// Where the result sits in a response body. Public only inside this private module, so that
/// [`ResponseMode`](crate::ResponseMode)'s hidden method can take it without it being API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// The whole body (lists: `{"data": [...], "meta": {...}}`; the autoresp delete's string).
    None,
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

/// The `data` member of a body, kept as its raw text.
#[derive(serde::Deserialize)]
struct RawData<'a> {
    #[serde(borrow)]
    data: &'a serde_json::value::RawValue,
}

/// Decodes the result from a 2xx body: the whole body, or its `data` member.
pub(crate) fn decode_result<T: DeserializeOwned>(status: u16, body: &[u8], envelope: Envelope) -> Result<T> {
    #[derive(serde::Deserialize)]
    struct Data<T> {
        data: T,
    }
    match envelope {
        Envelope::None => decode(status, body),
        Envelope::Data => decode::<Data<T>>(status, body).map(|d| d.data),
    }
}

/// The result's JSON text as the server sent it, once it is known to decode as `T`.
pub(crate) fn raw_result<T: DeserializeOwned>(
    status: u16,
    body: Vec<u8>,
    envelope: Envelope,
) -> Result<String> {
    let text = match envelope {
        Envelope::None => body,
        Envelope::Data => decode::<RawData>(status, &body)?.data.get().as_bytes().to_vec(),
    };
    decode::<T>(status, &text)?;
    raw_text(status, text)
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
