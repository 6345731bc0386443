//! A blocking client for the Telnyx messaging-profile API: messaging profiles with their phone
//! numbers, short codes, alphanumeric sender IDs, metrics and auto-response configs, and the
//! account's short codes and profile metrics, all 19 operations.
//!
//! ```no_run
//! use telnyx_messaging::{Client, CreateMessagingProfileParams, UpdateMessagingProfileParams};
//!
//! let client = Client::builder().api_key("KEY...").build()?;
//! let profile = client
//!     .messaging_profiles()
//!     .create(&CreateMessagingProfileParams::new("Alerts", ["US", "CA"]))?;
//! let id = profile.id.as_deref().unwrap_or_default();
//! // Set the name, clear the webhook URL (JSON null), leave everything else unchanged.
//! let update = UpdateMessagingProfileParams::new().name("Alerts (US)").clear_webhook_url();
//! client.messaging_profiles().update(id, &update)?;
//! # Ok::<(), telnyx_messaging::Error>(())
//! ```
//!
//! Calls retry like the official SDKs (2 retries with backoff, honouring `Retry-After`), but never
//! repeat a POST that may have reached the server unless asked to. Lists come one page at a time
//! ([`Page`]) or as lazy iterators over every item ([`ItemIter`]).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client;
mod decode;
mod error;
mod logging;
mod macros;
#[cfg(feature = "mock")]
pub mod mock;
mod nullable;
pub mod operations;
mod pagination;
mod resources;
mod secret;
mod transport;

pub use client::{
    Client, ClientBuilder, Parsed, ProxyChoice, RawJson, Response, ResponseMode, WithResponse,
    DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, DEFAULT_TIMEOUT,
};
pub use error::{ApiError, ApiErrorDetail, ApiErrorSource, Error, RateLimit};
pub use nullable::Nullable;
pub use pagination::{ItemIter, Page, PageIter, PageMeta, PageParams, MAX_PAGE_SIZE};
pub use resources::*;
pub use secret::Secret;
pub use transport::{RequestOptions, ResponseMeta};

/// The result of every call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Compiles the README's Rust example, so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
