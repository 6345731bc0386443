//! Account-wide profile metrics (operation 11).

use super::Extra;
use super::Handle;
use crate::client::{Parsed, RawJson, ResponseMode, WithResponse};
use crate::operations as op;
use crate::pagination::Page;
use crate::resources::MetricsParams;
use crate::{Client, Result};

/// High-level metrics of one profile: a free-form object.
pub type ProfileMetricsHighLevel = Extra;

impl Client {
    /// High-level metrics of every messaging profile.
    pub fn messaging_profile_metrics(&self) -> MessagingProfileMetrics<'_> {
        MessagingProfileMetrics::new(self)
    }
}

/// Metrics of every profile: `client.messaging_profile_metrics()`.
///
/// The answer is a [`Page`](crate::Page) of free-form objects, one per profile:
///
/// ```
/// use telnyx_messaging::{MetricsParams, Page, ProfileMetricsHighLevel, TimeFrame};
///
/// // Sent as `?time_frame=7d`.
/// let params = MetricsParams::new().time_frame(TimeFrame::SevenDays);
/// assert_eq!(params.time_frame.as_ref().map(TimeFrame::as_str), Some("7d"));
///
/// // What `list` decodes.
/// let page: Page<ProfileMetricsHighLevel> = serde_json::from_str(
///     r#"{"data": [{"messaging_profile_id": "p1", "outbound": {"sent": 42}}],
///         "meta": {"page_number": 1, "page_size": 20, "total_pages": 1, "total_results": 1}}"#,
/// )?;
/// assert_eq!(page.data[0]["outbound"]["sent"], 42);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// ```no_run
/// # use telnyx_messaging::{MetricsParams, TimeFrame};
/// let client = telnyx_messaging::Client::new()?;
/// let page = client.messaging_profile_metrics().list(&MetricsParams::new().time_frame(TimeFrame::OneDay))?;
/// for metrics in &page.data {
///     println!("{:?}", metrics.get("messaging_profile_id"));
/// }
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct MessagingProfileMetrics<'c, M = Parsed> {
    handle: Handle<'c, M>,
}

impl<'c> MessagingProfileMetrics<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        MessagingProfileMetrics { handle: Handle::new(client) }
    }

    /// The same calls, returning each result with its response metadata.
    pub fn with_response(&self) -> MessagingProfileMetrics<'c, WithResponse> {
        MessagingProfileMetrics { handle: Handle::new(self.handle.client) }
    }

    /// The same calls, returning each result as the JSON text the server sent (see [`RawJson`]).
    pub fn raw_json(&self) -> MessagingProfileMetrics<'c, RawJson> {
        MessagingProfileMetrics { handle: Handle::new(self.handle.client) }
    }
}

impl<M: ResponseMode> MessagingProfileMetrics<'_, M> {
    /// `GET /messaging_profile_metrics`: one list (with `meta`; the API takes no page params).
    pub fn list(&self, params: &MetricsParams) -> Result<M::Output<Page<ProfileMetricsHighLevel>>> {
        self.handle.client.call::<_, M>(op::GET_PROFILE_METRICS.query(&[], params)?)
    }
}
