//! One module per API resource: its handle with the endpoint methods, its params and its models.

mod autoresp_configs;
mod messaging_profiles;
mod metrics;
mod short_codes;

pub use autoresp_configs::*;
pub use messaging_profiles::*;
pub use metrics::*;
pub use short_codes::*;

/// Fluent setters for params structs: `opt` sets an `Option<T>` from anything `Into<T>`, `num` an
/// `Option<T>` from exactly `T` (so integer literals infer), `list` an `Option<Vec<String>>`,
/// `nullable` a [`Nullable<T>`](crate::Nullable) and names a second method that clears it.
macro_rules! setters {
    ($($kind:ident $field:ident $(/ $clear:ident)? : $t:ty;)*) => {
        $( $crate::resources::setters!(@one $kind $field $(/ $clear)? : $t); )*
    };
    (@one opt $field:ident : $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        pub fn $field(mut self, value: impl Into<$t>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@one num $field:ident : $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        pub fn $field(mut self, value: $t) -> Self {
            self.$field = Some(value);
            self
        }
    };
    (@one list $field:ident : $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        pub fn $field<S: Into<String>>(mut self, values: impl IntoIterator<Item = S>) -> Self {
            self.$field = Some(values.into_iter().map(Into::into).collect());
            self
        }
    };
    (@one nullable $field:ident / $clear:ident : $t:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "` to a value.")]
        pub fn $field(mut self, value: impl Into<$t>) -> Self {
            self.$field = $crate::Nullable::Value(value.into());
            self
        }
        #[doc = concat!("Clears `", stringify!($field), "`: sends JSON `null`.")]
        pub fn $clear(mut self) -> Self {
            self.$field = $crate::Nullable::Null;
            self
        }
    };
}
pub(crate) use setters;

/// A string enum that may grow: known values as variants, anything else kept in `Unknown`, so a
/// value the server adds later still decodes and serializes back unchanged.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the library does not know, kept as sent.
            Unknown(String),
        }

        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Unknown(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<str>::deserialize(d)?;
                Ok(Self::from(text.as_ref()))
            }
        }
    };
}
pub(crate) use string_enum;

string_enum! {
    /// The `record_type` of a resource.
    RecordType {
        /// `messaging_profile`
        MessagingProfile = "messaging_profile",
        /// `short_code`
        ShortCode = "short_code",
        /// `alphanumeric_sender_id`
        AlphanumericSenderId = "alphanumeric_sender_id",
        /// `messaging_phone_number`
        MessagingPhoneNumber = "messaging_phone_number",
        /// `messaging_settings`
        MessagingSettings = "messaging_settings",
    }
}

/// Free-form JSON members kept beside the known fields of a model.
pub type Extra = serde_json::Map<String, serde_json::Value>;
