//! `telnyx_page_iter`: the lazy page iterator of the `list_all` functions.

use std::ffi::c_char;
use std::ptr;

use serde::de::DeserializeOwned;
use telnyx_messaging::{ItemIter, PageIter};

use crate::boundary::{cstring, guard, no_panic, Outcome};
use crate::error::telnyx_error;

/// The pages still to come, each as its JSON text.
type Pages = Box<dyn Iterator<Item = Outcome<std::ffi::CString>> + Send>;

/// A lazy iterator over the pages of a list, from a `list_all` function. Opaque; free it with
/// `telnyx_page_iter_free`. It owns its own reference to the client's connection pool and
/// settings, so it stays valid after the client handle is freed. Use it from one thread at a
/// time (it may move between threads).
pub struct telnyx_page_iter {
    /// `None` once finished, or after a panic in the middle of a call.
    pages: Option<Pages>,
}

impl telnyx_page_iter {
    /// A new handle (owned by the caller) over `pages`.
    pub(crate) fn new<T>(pages: PageIter<T>) -> *mut telnyx_page_iter
    where
        T: DeserializeOwned + 'static,
    {
        let mut pages = pages;
        let pages = std::iter::from_fn(move || Some(pages.next_raw_json()?.map(cstring).map_err(Into::into)));
        Box::into_raw(Box::new(telnyx_page_iter { pages: Some(Box::new(pages)) }))
    }
}

/// Fetches the next page and writes it to `*out_page_json`: the JSON text the server sent,
/// `{"data": [...], "meta": {...}}`, once it is known to decode. When the list is exhausted it returns NULL and
/// leaves `*out_page_json` NULL; so do all later calls.
///
/// The iterator asks for page n + 1 while the server reports `page_number < total_pages`, keeps
/// the filters and page size of the `list_all` call, and stops after an empty page, a page
/// without `meta`, or an error: an error is returned once (an `UNEXPECTED_PAGE` error when the
/// server answered a page other than the one asked for), then the iterator is finished.
///
/// Ownership: on success the caller owns `*out_page_json` (free it with `telnyx_string_free`);
/// a returned error is owned by the caller (free it with `telnyx_error_free`).
/// Thread-safety: one thread at a time per iterator; it does not depend on the client handle.
///
/// # Safety
/// `it` is NULL or a live iterator from this library that no other thread is using;
/// `out_page_json` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn telnyx_page_iter_next(
    it: *mut telnyx_page_iter,
    out_page_json: *mut *mut c_char,
) -> *mut telnyx_error {
    // SAFETY: forwarded contract; `it` is used by this thread only.
    unsafe {
        guard(out_page_json, "out_page_json", || {
            let it = it.as_mut().ok_or_else(|| telnyx_error::invalid("it: must not be NULL".into()))?;
            // Taken out while in use, so a panic below leaves a finished iterator.
            let Some(mut pages) = it.pages.take() else { return Ok(ptr::null_mut()) };
            let Some(page) = pages.next() else { return Ok(ptr::null_mut()) };
            it.pages = Some(pages);
            Ok(page?.into_raw())
        })
    }
}

/// Frees `it`. `telnyx_page_iter_free(NULL)` does nothing.
///
/// Thread-safety: no other thread may use `it` during or after this call.
///
/// # Safety
/// `it` is NULL or an iterator from this library, not yet freed; it must not be used after.
#[no_mangle]
pub unsafe extern "C" fn telnyx_page_iter_free(it: *mut telnyx_page_iter) {
    if !it.is_null() {
        // SAFETY: `it` came from `Box::into_raw` in this library and is freed once.
        no_panic((), || drop(unsafe { Box::from_raw(it) }));
    }
}

/// [`guard`] for the `list_all` functions: turns the item iterator into a page iterator handle.
///
/// # Safety
/// `out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn iter_out<T>(
    out: *mut *mut telnyx_page_iter,
    f: impl FnOnce() -> Outcome<ItemIter<T>>,
) -> *mut telnyx_error
where
    T: DeserializeOwned + 'static,
{
    // SAFETY: forwarded contract.
    unsafe { guard(out, "out", || Ok(telnyx_page_iter::new(f()?.pages()))) }
}
