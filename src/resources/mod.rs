//! One module per API resource: its handle with the endpoint methods, its params and its models.

mod autoresp_configs;
mod messaging_profiles;
mod metrics;
mod short_codes;

use std::marker::PhantomData;

use crate::macros::string_enum;
use crate::Client;

pub use autoresp_configs::*;
pub use messaging_profiles::*;
pub use metrics::*;
pub use short_codes::*;

/// A resource handle: the client it calls through and its response mode.
pub(crate) struct Handle<'c, M> {
    pub client: &'c Client,
    mode: PhantomData<M>,
}

impl<'c, M> Handle<'c, M> {
    pub fn new(client: &'c Client) -> Self {
        Handle { client, mode: PhantomData }
    }
}

impl<M> Clone for Handle<'_, M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M> Copy for Handle<'_, M> {}

impl<M> std::fmt::Debug for Handle<'_, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mode = std::any::type_name::<M>().rsplit("::").next().unwrap_or_default();
        f.debug_struct("Handle").field("client", self.client).field("mode", &mode).finish()
    }
}

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
