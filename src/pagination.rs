//! [`Page<T>`], [`PageMeta`] and the lazy iterators over pages and items.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::client::Client;
pub use crate::decode::PageMeta;
use crate::decode::{decode_result, raw_text, Envelope, PageShape};
use crate::error::Error;
use crate::operations::{Call, QueryParams};
use crate::transport::{Request, ResponseMeta};
use crate::Result;

/// Largest page size the API accepts.
pub const MAX_PAGE_SIZE: u32 = 250;

/// One page of a list: its items and, when the server sent it, the pagination metadata.
///
/// ```
/// use telnyx_messaging::{MessagingProfile, Page};
///
/// // A page as the API sends it (what `list` decodes).
/// let page: Page<MessagingProfile> = serde_json::from_str(
///     r#"{"data": [{"id": "p1", "name": "Alerts"}, {"id": "p2", "name": "Billing"}],
///         "meta": {"page_number": 1, "page_size": 2, "total_pages": 3, "total_results": 5}}"#,
/// )?;
/// let names: Vec<&str> = page.data.iter().filter_map(|p| p.name.as_deref()).collect();
/// assert_eq!(names, ["Alerts", "Billing"]);
/// let meta = page.meta.as_ref().unwrap();
/// assert_eq!((meta.page_number, meta.total_pages, meta.total_results), (Some(1), Some(3), Some(5)));
///
/// // Some lists come without `meta`.
/// let page: Page<MessagingProfile> = serde_json::from_str(r#"{"data": []}"#)?;
/// assert!(page.data.is_empty() && page.meta.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    /// Page number, size and totals; `None` when the server sent none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<PageMeta>,
}

/// The page parameters of the lists of one profile's phone numbers, short codes and sender IDs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PageParams {
    /// `page[number]`: page to fetch, from 1 (server default 1); the first page an iterator fetches.
    pub page_number: Option<u32>,
    /// `page[size]`: items per page, 1..=250 (server default 20; the `list_all*` iterators ask
    /// for 250 when it is not set).
    pub page_size: Option<u32>,
}

impl PageParams {
    /// No page parameters: the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    crate::macros::setters! {
        num page_number: u32;
        num page_size: u32;
    }
}

impl QueryParams for PageParams {
    fn apply(&self, req: Request) -> Result<Request> {
        page_query(req, self.page_number, self.page_size)
    }
}

/// Checks the page bounds and adds `page[number]` and `page[size]` to `req`.
pub(crate) fn page_query(req: Request, number: Option<u32>, size: Option<u32>) -> Result<Request> {
    if number == Some(0) {
        return Err(Error::InvalidArgument("page_number must be at least 1".into()));
    }
    if let Some(size) = size {
        if !(1..=MAX_PAGE_SIZE).contains(&size) {
            return Err(Error::InvalidArgument(format!(
                "page_size must be between 1 and {MAX_PAGE_SIZE}, got {size}"
            )));
        }
    }
    Ok(req.query("page[number]", number).query("page[size]", size))
}

/// Lazily fetches page after page of a list, keeping the caller's filters and page size, or
/// asking for [`MAX_PAGE_SIZE`] items per page when the caller gave none (the fewest round trips).
///
/// It asks for page `n + 1` while the server reports `page_number < total_pages`, and stops
/// after an empty page, a page without `meta`, the last page, or an error. A server that answers
/// a page other than the one asked for (one that repeats a page forever, say) ends the
/// iteration with [`Error::UnexpectedPage`] instead of looping or returning duplicates.
///
/// From [`ItemIter::pages`]. Like every iterator here it reports a bad argument once, as its first
/// item, without sending a request:
///
/// ```
/// use telnyx_messaging::{Client, PageParams};
///
/// let client = Client::builder().api_key("KEY").build()?;
/// let page = PageParams::new().page_size(0);
/// let mut pages = client.messaging_profiles().list_all_phone_numbers("p1", &page).pages();
/// let err = pages.next().unwrap().unwrap_err();
/// assert_eq!(err.to_string(), "invalid argument: page_size must be between 1 and 250, got 0");
/// assert!(pages.next().is_none());
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
///
/// ```no_run
/// use telnyx_messaging::{Client, ListMessagingProfilesParams};
///
/// let client = Client::new()?;
/// let params = ListMessagingProfilesParams::new().page_size(250);
/// for page in client.messaging_profiles().list_all(&params).pages() {
///     let page = page?;
///     println!("page {:?}: {} profiles", page.meta.map(|m| m.page_number), page.data.len());
/// }
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
///
/// # Read-ahead
///
/// With [`PageIter::read_ahead`] (or the client's
/// [`ClientBuilder::read_ahead`](crate::ClientBuilder::read_ahead)), once page `n` has arrived
/// and says that more follow, a background thread holding a clone of the client fetches page
/// `n + 1` while the caller uses page `n`: never more than one page ahead, and pages and errors
/// come in the same order, with the same stop rules, as without it. The thread only fetches;
/// pages are decoded here.
///
/// Dropping the iterator never blocks: a request already under way finishes in the background
/// (within the client's timeout) and its result is discarded; no further request is sent, not
/// even a retry of that one. So an iterator dropped early may have sent one request more than
/// the pages it returned.
pub struct PageIter<T> {
    client: Client,
    /// The request without its page number, or the argument error to report once.
    request: std::result::Result<Request, Option<Error>>,
    next: Option<u64>,
    read_ahead: bool,
    /// The page being fetched in the background, if any.
    ahead: Option<Ahead>,
    item: PhantomData<fn() -> T>,
}

/// A page fetched ahead by a background thread.
struct Ahead {
    number: u64,
    result: mpsc::Receiver<Result<(Vec<u8>, ResponseMeta)>>,
    /// Set when the page is no longer wanted: the thread makes no further attempt.
    cancelled: Arc<AtomicBool>,
}

impl Drop for Ahead {
    fn drop(&mut self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }
}

impl Ahead {
    /// Starts fetching `req` (page `number`) on a background thread; `None` when no thread can
    /// be started (the page is then fetched when it is asked for).
    fn start(client: &Client, req: Request, number: u64) -> Option<Ahead> {
        let (tx, result) = mpsc::sync_channel(1);
        let cancelled = Arc::new(AtomicBool::new(false));
        let (client, flag) = (client.clone(), Arc::clone(&cancelled));
        std::thread::Builder::new()
            .name("telnyx-read-ahead".into())
            .spawn(move || {
                // The receiver may be gone (the iterator was dropped): the result is discarded.
                let _ = tx.send(client.send_until(&req, &flag));
            })
            .ok()?;
        Some(Ahead { number, result, cancelled })
    }

    /// Waits for the page.
    fn wait(self) -> Result<(Vec<u8>, ResponseMeta)> {
        self.result.recv().unwrap_or_else(|_| {
            Err(Error::Connection {
                message: "the read-ahead thread ended without a result".into(),
                request_sent: true,
                source: None,
            })
        })
    }
}

impl<T: DeserializeOwned> PageIter<T> {
    /// `call` already carries the filters and the caller's page size, if any; without one
    /// it asks for [`MAX_PAGE_SIZE`] items per page. Pages start at `first`.
    pub(crate) fn new(client: &Client, call: Result<Call>, first: Option<u32>) -> Self {
        let request = call.map(|Call { request: mut req, .. }| {
            // The fewest round trips: 40 requests for 10,000 items instead of the server default's 500.
            if !req.query.iter().any(|(key, _)| *key == "page[size]") {
                req.set_query("page[size]", MAX_PAGE_SIZE.to_string());
            }
            req
        });
        PageIter {
            client: client.clone(),
            request: request.map_err(Some),
            next: Some(first.map_or(1, u64::from)),
            read_ahead: client.read_ahead(),
            ahead: None,
            item: PhantomData,
        }
    }
}

impl<T> PageIter<T> {
    /// Turns read-ahead on or off for this iterator (default: the client's
    /// [`ClientBuilder::read_ahead`](crate::ClientBuilder::read_ahead), itself off by default).
    /// See [Read-ahead](PageIter#read-ahead).
    ///
    /// ```no_run
    /// # let client = telnyx_messaging::Client::new()?;
    /// use telnyx_messaging::PageParams;
    /// let numbers = client.messaging_profiles().list_all_phone_numbers("p1", &PageParams::new());
    /// for page in numbers.pages().read_ahead(true) {
    ///     let page = page?; // page n + 1 is on its way while this one is used
    ///     println!("{} numbers", page.data.len());
    /// }
    /// # Ok::<(), telnyx_messaging::Error>(())
    /// ```
    pub fn read_ahead(mut self, read_ahead: bool) -> Self {
        self.read_ahead = read_ahead;
        self
    }
}

impl<T> std::fmt::Debug for PageIter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageIter")
            .field("client", &self.client)
            .field("next_page", &self.next)
            .field("read_ahead", &self.read_ahead)
            .field("fetching_ahead", &self.ahead.as_ref().map(|a| a.number))
            .finish_non_exhaustive()
    }
}

/// A fetched page with the body and status it came from.
struct Fetched<P> {
    page: P,
    body: Vec<u8>,
    status: u16,
}

/// What the stop rules read from a decoded page.
trait PageLike: DeserializeOwned {
    fn is_empty(&self) -> bool;
    fn meta(&self) -> Option<&PageMeta>;
}

impl<T: DeserializeOwned> PageLike for Page<T> {
    fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    fn meta(&self) -> Option<&PageMeta> {
        self.meta.as_ref()
    }
}

impl PageLike for PageShape {
    fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    fn meta(&self) -> Option<&PageMeta> {
        self.meta.as_ref()
    }
}

impl<T: DeserializeOwned> PageIter<T> {
    /// The next page as the JSON text the server sent (`{"data": [...], "meta": {...}}`); the
    /// same stopping rules as [`Iterator::next`]. The text is checked, cheaply, to be UTF-8 JSON
    /// of a page's shape (an object whose `data` is a list of objects and whose `meta`, if any,
    /// holds page numbers), else [`Error::Decode`]; the items' members are left to the caller
    /// to decode (the C, Python and Go bindings decode them in their own language).
    pub fn next_raw_json(&mut self) -> Option<Result<String>> {
        self.advance::<PageShape>().map(|fetched| fetched.and_then(|f| raw_text(f.status, f.body)))
    }

    /// Fetches the next page: the decoded page and the body it came from.
    fn advance<P: PageLike>(&mut self) -> Option<Result<Fetched<P>>> {
        let number = self.next.take()?;
        let mut req = match &mut self.request {
            Ok(req) => req.clone(),
            Err(e) => return e.take().map(Err),
        };
        req.set_query("page[number]", number.to_string());
        let sent = match self.ahead.take() {
            Some(ahead) if ahead.number == number => ahead.wait(),
            _ => self.client.send(&req),
        };
        let fetched = sent.and_then(|(body, meta)| {
            let page: P = decode_result(meta.status, &body, Envelope::None)?;
            Ok(Fetched { page, body, status: meta.status })
        });
        let fetched = match fetched {
            Ok(fetched) => fetched,
            Err(e) => return Some(Err(e)),
        };
        let page = &fetched.page;
        let Some(meta) = page.meta() else {
            return (!page.is_empty()).then_some(Ok(fetched));
        };
        if let Some(received) = meta.page_number.filter(|received| *received != number) {
            return Some(Err(Error::UnexpectedPage { requested: number, received }));
        }
        if page.is_empty() {
            return None;
        }
        // Go on only when the server confirmed which page this was (so a repeated page is caught),
        // and, when it says how many there are, while more follow; else until an empty page.
        if meta.page_number.is_some() && meta.total_pages.map_or(true, |total| number < total) {
            self.next = Some(number + 1);
            if self.read_ahead {
                req.set_query("page[number]", (number + 1).to_string());
                self.ahead = Ahead::start(&self.client, req, number + 1);
            }
        }
        Some(Ok(fetched))
    }
}

impl<T: DeserializeOwned> Iterator for PageIter<T> {
    type Item = Result<Page<T>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.advance::<Page<T>>().map(|fetched| fetched.map(|f| f.page))
    }
}

/// Lazily iterates over every item of a list, fetching the next page only when the current one
/// is used up. Yields an error at most once, then stops. See [`PageIter`] for when it stops.
///
/// Returned by the `list_all*` methods. An argument error comes once, as the first item, and no
/// request is sent:
///
/// ```
/// use telnyx_messaging::{Client, ListMessagingProfilesParams};
///
/// let client = Client::builder().api_key("KEY").build()?;
/// let mut items = client.messaging_profiles().list_all(&ListMessagingProfilesParams::new().page_size(251));
/// let err = items.next().unwrap().unwrap_err();
/// assert_eq!(err.to_string(), "invalid argument: page_size must be between 1 and 250, got 251");
/// assert!(items.next().is_none());
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
///
/// Against the API: the names of the first 30 profiles (two pages of 20; the second is fetched
/// when the first is used up), or the first error:
///
/// ```no_run
/// use telnyx_messaging::{Client, ListMessagingProfilesParams};
///
/// let client = Client::new()?;
/// let names = client
///     .messaging_profiles()
///     .list_all(&ListMessagingProfilesParams::new().page_size(20))
///     .take(30)
///     .map(|profile| profile.map(|p| p.name.unwrap_or_default()))
///     .collect::<Result<Vec<_>, _>>()?;
/// println!("{names:?}");
/// # Ok::<(), telnyx_messaging::Error>(())
/// ```
pub struct ItemIter<T> {
    pages: PageIter<T>,
    items: std::vec::IntoIter<T>,
}

impl<T> std::fmt::Debug for ItemIter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemIter").field("pages", &self.pages).field("buffered", &self.items.len()).finish()
    }
}

impl<T: DeserializeOwned> ItemIter<T> {
    pub(crate) fn new(pages: PageIter<T>) -> Self {
        ItemIter { pages, items: Vec::new().into_iter() }
    }

    /// Iterates page by page instead (the current partly used page is dropped).
    pub fn pages(self) -> PageIter<T> {
        self.pages
    }

    /// Turns read-ahead on or off for this iterator: the next page is fetched in the background
    /// while the caller uses the items of the current one. See [`PageIter::read_ahead`].
    ///
    /// ```no_run
    /// # let client = telnyx_messaging::Client::new()?;
    /// use telnyx_messaging::ListMessagingProfilesParams;
    /// for profile in client.messaging_profiles().list_all(&ListMessagingProfilesParams::new()).read_ahead(true) {
    ///     println!("{:?}", profile?.name);
    /// }
    /// # Ok::<(), telnyx_messaging::Error>(())
    /// ```
    pub fn read_ahead(mut self, read_ahead: bool) -> Self {
        self.pages = self.pages.read_ahead(read_ahead);
        self
    }
}

impl<T: DeserializeOwned> Iterator for ItemIter<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.items.next() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.items = page.data.into_iter(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}
