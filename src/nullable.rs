//! [`Nullable<T>`]: a field that can be absent, JSON `null`, or a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that tells "leave unchanged" (absent) from "clear" (`null`) from "set" (a value).
///
/// In request bodies an [`Nullable::Absent`] field is left out of the JSON, so the server keeps
/// its current value; [`Nullable::Null`] sends `null`, which clears it. In response models it
/// keeps whether the server sent `null` or nothing, so a model serializes back to the same JSON.
///
/// Use it on struct fields with
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`.
///
/// ```
/// use serde_json::json;
/// use telnyx_messaging::{MessagingProfile, Nullable, UpdateMessagingProfileParams};
///
/// // In a PATCH body: absent is left out (unchanged), `Null` clears, `Value` sets.
/// let mut update = UpdateMessagingProfileParams::new().webhook_url("https://example.com/hook");
/// update.webhook_failover_url = Nullable::Null;
/// assert!(update.alpha_sender.is_absent());
/// assert_eq!(
///     serde_json::to_value(&update)?,
///     json!({"webhook_url": "https://example.com/hook", "webhook_failover_url": null}),
/// );
///
/// // In a response: `null` and a missing member stay apart.
/// let profile: MessagingProfile = serde_json::from_str(r#"{"id": "p1", "webhook_url": null}"#)?;
/// assert!(profile.webhook_url.is_null());
/// assert!(profile.alpha_sender.is_absent());
/// assert_eq!(profile.webhook_failover_url.as_value(), None);
///
/// // From an `Option`: `Some` is a value, `None` is `null`.
/// assert_eq!(Nullable::from(Some("x")), Nullable::Value("x"));
/// assert_eq!(Nullable::<&str>::from(None), Nullable::Null);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Nullable<T> {
    /// Not present: left out of request bodies.
    #[default]
    Absent,
    /// Present as JSON `null`.
    Null,
    /// Present with a value.
    Value(T),
}

impl<T> Nullable<T> {
    /// `true` when the field is absent.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// `true` when the field is JSON `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, if there is one, by value.
    pub fn into_value(self) -> Option<T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `Some(v)` is a value, `None` is `null`.
    fn from(v: Option<T>) -> Self {
        v.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(s),
            // Absent fields are skipped by `skip_serializing_if`; if one is serialized
            // anyway (in a list, say) `null` is the only JSON for it.
            Nullable::Absent | Nullable::Null => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Only called when the field is present; `#[serde(default)]` covers absence.
        Ok(Option::<T>::deserialize(d)?.into())
    }
}

/// Deserializes an optional field that cannot be cleared: absent stays `None` (not sent),
/// and JSON `null` is refused rather than silently dropped, since it cannot mean "clear" there.
pub(crate) fn not_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    match Option::<T>::deserialize(deserializer)? {
        Some(value) => Ok(Some(value)),
        None => Err(serde::de::Error::custom(
            "null is not allowed: this field cannot be cleared (leave it out to keep it unchanged)",
        )),
    }
}
