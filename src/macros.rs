//! Macros shared by the params and model types.

/// Fluent setters for params structs: `opt` sets an `Option<T>` from anything `Into<T>`, `num` an
/// `Option<T>` from exactly `T` (so integer literals infer), `list` an `Option<Vec<String>>`,
/// `nullable` a [`Nullable<T>`](crate::Nullable) and names a second method that clears it.
macro_rules! setters {
    ($($kind:ident $field:ident $(/ $clear:ident)? : $t:ty;)*) => {
        $( $crate::macros::setters!(@one $kind $field $(/ $clear)? : $t); )*
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
