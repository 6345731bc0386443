//! Lazy pagination: page after page with the caller's filters, every way an iteration stops,
//! servers that misbehave, argument checks before any request, and page-level iteration.

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{json, Value};
use telnyx_messaging::{
    Client, Error, ListMessagingProfilesParams, ListShortCodesParams, PageParams, ProxyChoice,
};

const PROFILE_ID: &str = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

fn client(server: &ServerGuard) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .proxy(ProxyChoice::None)
        .max_retries(0)
        .sleeper(|_| {})
        .build()
        .unwrap()
}

/// A list body: items `{"id": ...}` and, when `meta` is given, `(page_number, page_size,
/// total_pages, total_results)`.
fn body(ids: &[&str], meta: Option<(u64, u64, u64, u64)>) -> String {
    let data: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
    let mut body = json!({"data": data});
    if let Some((n, s, p, r)) = meta {
        body["meta"] = json!({"page_number": n, "page_size": s, "total_pages": p, "total_results": r});
    }
    body.to_string()
}

/// A GET mock for exactly `path_and_query`, expected once.
fn page(server: &mut ServerGuard, path_and_query: &str, body: String) -> Mock {
    server
        .mock("GET", path_and_query)
        .match_header("authorization", "Bearer test-key")
        .with_header("content-type", "application/json")
        .with_body(body)
        .expect(1)
        .create()
}

/// Mocks for any request at all, which must never be hit; check them with [`assert_all`].
fn no_request(server: &mut ServerGuard) -> Vec<Mock> {
    ["GET", "POST", "PUT", "PATCH", "DELETE"]
        .into_iter()
        .map(|method| server.mock(method, Matcher::Any).expect(0).create())
        .collect()
}

fn assert_all(mocks: &[Mock]) {
    mocks.iter().for_each(Mock::assert);
}

fn ids<T, F: Fn(&T) -> Option<&str>>(items: &[T], id: F) -> Vec<String> {
    items.iter().map(|i| id(i).unwrap_or_default().to_owned()).collect()
}

/// The ids of every messaging profile `list_all` yields with no filters (panics on an error).
fn all_profile_ids(server: &ServerGuard) -> Vec<String> {
    let items: Vec<_> = client(server)
        .messaging_profiles()
        .list_all(&ListMessagingProfilesParams::new())
        .collect::<Result<_, _>>()
        .unwrap();
    ids(&items, |p| p.id.as_deref())
}

#[test]
fn list_all_profiles_walks_every_page_keeping_filters_and_page_size() {
    let mut server = Server::new();
    let q = "/messaging_profiles?filter%5Bname%5D%5Bcontains%5D=ale%20rt&page%5Bsize%5D=2&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], Some((1, 2, 3, 5))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["c", "d"], Some((2, 2, 3, 5))));
    let p3 = page(&mut server, &format!("{q}3"), body(&["e"], Some((3, 2, 3, 5))));
    let params = ListMessagingProfilesParams::new().filter_name_contains("ale rt").page_size(2);
    let items: Vec<_> =
        client(&server).messaging_profiles().list_all(&params).collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&items, |p| p.id.as_deref()), ["a", "b", "c", "d", "e"]);
    p1.assert();
    p2.assert();
    p3.assert();
}

#[test]
fn list_all_starts_at_the_requested_page_number() {
    let mut server = Server::new();
    let q = "/messaging_profiles?filter%5Bname%5D=x&page%5Bsize%5D=1&page%5Bnumber%5D=";
    let p2 = page(&mut server, &format!("{q}2"), body(&["b"], Some((2, 1, 3, 3))));
    let p3 = page(&mut server, &format!("{q}3"), body(&["c"], Some((3, 1, 3, 3))));
    let params = ListMessagingProfilesParams::new().filter_name("x").page_number(2).page_size(1);
    let items: Vec<_> =
        client(&server).messaging_profiles().list_all(&params).collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&items, |p| p.id.as_deref()), ["b", "c"]);
    p2.assert();
    p3.assert();
}

#[test]
fn list_all_phone_numbers_walks_every_page() {
    let mut server = Server::new();
    let q = format!("/messaging_profiles/{PROFILE_ID}/phone_numbers?page%5Bsize%5D=2&page%5Bnumber%5D=");
    let p1 = page(&mut server, &format!("{q}1"), body(&["1", "2"], Some((1, 2, 2, 3))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["3"], Some((2, 2, 2, 3))));
    let items: Vec<_> = client(&server)
        .messaging_profiles()
        .list_all_phone_numbers(PROFILE_ID, &PageParams::new().page_size(2))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids(&items, |p| p.id.as_deref()), ["1", "2", "3"]);
    p1.assert();
    p2.assert();
}

#[test]
fn list_all_profile_short_codes_walks_every_page() {
    let mut server = Server::new();
    let q = format!("/messaging_profiles/{PROFILE_ID}/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=");
    let p1 = page(&mut server, &format!("{q}1"), body(&["s1"], Some((1, 1, 2, 2))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["s2"], Some((2, 1, 2, 2))));
    let items: Vec<_> = client(&server)
        .messaging_profiles()
        .list_all_short_codes(PROFILE_ID, &PageParams::new())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids(&items, |s| s.id.as_deref()), ["s1", "s2"]);
    p1.assert();
    p2.assert();
}

#[test]
fn list_all_alphanumeric_sender_ids_walks_every_page() {
    let mut server = Server::new();
    let q = format!(
        "/messaging_profiles/{PROFILE_ID}/alphanumeric_sender_ids?page%5Bsize%5D=250&page%5Bnumber%5D="
    );
    let p1 = page(&mut server, &format!("{q}1"), body(&["x1", "x2"], Some((1, 250, 2, 3))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["x3"], Some((2, 250, 2, 3))));
    let items: Vec<_> = client(&server)
        .messaging_profiles()
        .list_all_alphanumeric_sender_ids(PROFILE_ID, &PageParams::new().page_size(250))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids(&items, |s| s.id.as_deref()), ["x1", "x2", "x3"]);
    p1.assert();
    p2.assert();
}

#[test]
fn list_all_short_codes_walks_every_page_keeping_the_filter() {
    let mut server = Server::new();
    let q = "/short_codes?filter%5Bmessaging_profile_id%5D=null&page%5Bsize%5D=2&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], Some((1, 2, 3, 6))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["c", "d"], Some((2, 2, 3, 6))));
    let p3 = page(&mut server, &format!("{q}3"), body(&["e", "f"], Some((3, 2, 3, 6))));
    let params = ListShortCodesParams::new().unassigned().page_size(2);
    let items: Vec<_> = client(&server).short_codes().list_all(&params).collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&items, |s| s.id.as_deref()), ["a", "b", "c", "d", "e", "f"]);
    p1.assert();
    p2.assert();
    p3.assert();
}

#[test]
fn empty_list_yields_nothing_after_one_request() {
    let mut server = Server::new();
    let p1 = page(
        &mut server,
        "/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=1",
        body(&[], Some((1, 20, 0, 0))),
    );
    let mut iter = client(&server).short_codes().list_all(&ListShortCodesParams::new());
    assert!(iter.next().is_none());
    assert!(iter.next().is_none());
    p1.assert();
}

#[test]
fn stops_on_an_empty_page_even_if_meta_promises_more() {
    let mut server = Server::new();
    let q = "/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a"], Some((1, 1, 5, 5))));
    let p2 = page(&mut server, &format!("{q}2"), body(&[], Some((2, 1, 5, 5))));
    let p3 = server.mock("GET", format!("{q}3").as_str()).expect(0).create();
    let items: Vec<_> = client(&server)
        .short_codes()
        .list_all(&ListShortCodesParams::new())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids(&items, |s| s.id.as_deref()), ["a"]);
    p1.assert();
    p2.assert();
    p3.assert();
}

#[test]
fn stops_at_total_pages() {
    let mut server = Server::new();
    let q = "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], Some((1, 2, 2, 4))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["c", "d"], Some((2, 2, 2, 4))));
    let p3 = server.mock("GET", format!("{q}3").as_str()).expect(0).create();
    let mut iter = client(&server).messaging_profiles().list_all(&ListMessagingProfilesParams::new());
    let items: Vec<_> = iter.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&items, |p| p.id.as_deref()), ["a", "b", "c", "d"]);
    assert!(iter.next().is_none());
    p1.assert();
    p2.assert();
    p3.assert();
}

#[test]
fn a_page_without_meta_is_the_last_one() {
    let mut server = Server::new();
    let q = "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], None));
    let p2 = server.mock("GET", format!("{q}2").as_str()).expect(0).create();
    assert_eq!(all_profile_ids(&server), ["a", "b"]);
    p1.assert();
    p2.assert();
}

#[test]
fn a_server_repeating_the_same_page_ends_with_unexpected_page() {
    let mut server = Server::new();
    // Whatever page is asked for, the server answers page 1 of 5.
    let repeat = server
        .mock("GET", Matcher::Regex(r"^/messaging_profiles\?".into()))
        .with_body(body(&["a", "b"], Some((1, 2, 5, 10))))
        .expect(2)
        .create();
    let mut iter = client(&server).messaging_profiles().list_all(&ListMessagingProfilesParams::new());
    let mut results = Vec::new();
    for _ in 0..20 {
        match iter.next() {
            Some(r) => results.push(r),
            None => break,
        }
    }
    assert_eq!(results.len(), 3, "two items, then one error");
    assert_eq!(results[0].as_ref().unwrap().id.as_deref(), Some("a"));
    assert_eq!(results[1].as_ref().unwrap().id.as_deref(), Some("b"));
    match &results[2] {
        Err(Error::UnexpectedPage { requested: 2, received: 1 }) => {}
        other => panic!("expected UnexpectedPage, got {other:?}"),
    }
    assert!(iter.next().is_none());
    repeat.assert();
}

#[test]
fn a_server_answering_another_page_first_ends_at_once() {
    let mut server = Server::new();
    let p = page(
        &mut server,
        "/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=3",
        body(&["z"], Some((1, 20, 4, 61))),
    );
    let mut iter = client(&server).short_codes().list_all(&ListShortCodesParams::new().page_number(3));
    assert!(matches!(iter.next(), Some(Err(Error::UnexpectedPage { requested: 3, received: 1 }))));
    assert!(iter.next().is_none());
    p.assert();
}

#[test]
fn an_error_mid_way_is_yielded_once_then_iteration_ends() {
    let mut server = Server::new();
    let q = "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a"], Some((1, 1, 3, 3))));
    let p2 = server
        .mock("GET", format!("{q}2").as_str())
        .with_status(500)
        .with_body(r#"{"errors":[{"code":"10007","title":"Unexpected error"}]}"#)
        .expect(1)
        .create();
    let p3 = server.mock("GET", format!("{q}3").as_str()).expect(0).create();
    let mut iter = client(&server).messaging_profiles().list_all(&ListMessagingProfilesParams::new());
    assert_eq!(iter.next().unwrap().unwrap().id.as_deref(), Some("a"));
    let err = iter.next().unwrap().unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.api_error().unwrap().errors[0].code, "10007");
    assert!(iter.next().is_none());
    assert!(iter.next().is_none());
    p1.assert();
    p2.assert();
    p3.assert();
}

#[test]
fn an_undecodable_page_is_yielded_once_as_decode_error() {
    let mut server = Server::new();
    let p1 = page(
        &mut server,
        "/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=1",
        r#"{"data": [{"id": 5}]}"#.into(),
    );
    let mut iter = client(&server).short_codes().list_all(&ListShortCodesParams::new());
    assert!(matches!(iter.next(), Some(Err(Error::Decode { status: 200, .. }))));
    assert!(iter.next().is_none());
    p1.assert();
}

fn assert_invalid_argument<T: std::fmt::Debug>(result: Option<Result<T, Error>>, what: &str) {
    match result {
        Some(Err(Error::InvalidArgument(message))) => assert!(message.contains(what), "{message}"),
        other => panic!("expected InvalidArgument about {what}, got {other:?}"),
    }
}

#[test]
fn page_size_out_of_bounds_is_rejected_before_any_request() {
    let mut server = Server::new();
    let none = no_request(&mut server);
    let client = client(&server);
    for size in [0u32, 251] {
        let params = ListMessagingProfilesParams::new().page_size(size);
        let mut iter = client.messaging_profiles().list_all(&params);
        assert_invalid_argument(iter.next(), "page_size");
        assert!(iter.next().is_none(), "the argument error is yielded once");
        assert!(matches!(client.messaging_profiles().list(&params), Err(Error::InvalidArgument(_))));

        let params = ListShortCodesParams::new().page_size(size);
        assert_invalid_argument(client.short_codes().list_all(&params).next(), "page_size");
        assert!(matches!(client.short_codes().list(&params), Err(Error::InvalidArgument(_))));

        let page = PageParams::new().page_size(size);
        let profiles = client.messaging_profiles();
        assert_invalid_argument(profiles.list_all_phone_numbers(PROFILE_ID, &page).next(), "page_size");
        assert_invalid_argument(profiles.list_all_short_codes(PROFILE_ID, &page).next(), "page_size");
        assert_invalid_argument(
            profiles.list_all_alphanumeric_sender_ids(PROFILE_ID, &page).next(),
            "page_size",
        );
        assert!(matches!(profiles.list_phone_numbers(PROFILE_ID, &page), Err(Error::InvalidArgument(_))));
        assert!(matches!(profiles.list_short_codes(PROFILE_ID, &page), Err(Error::InvalidArgument(_))));
        assert!(matches!(
            profiles.list_alphanumeric_sender_ids(PROFILE_ID, &page),
            Err(Error::InvalidArgument(_))
        ));
    }
    assert_all(&none);
}

#[test]
fn page_size_bounds_1_and_250_are_accepted() {
    let mut server = Server::new();
    let p1 = page(&mut server, "/short_codes?page%5Bsize%5D=1", body(&[], None));
    let p250 = page(&mut server, "/short_codes?page%5Bsize%5D=250", body(&[], None));
    let client = client(&server);
    client.short_codes().list(&ListShortCodesParams::new().page_size(1)).unwrap();
    client.short_codes().list(&ListShortCodesParams::new().page_size(250)).unwrap();
    p1.assert();
    p250.assert();
}

#[test]
fn page_number_zero_is_rejected_before_any_request() {
    let mut server = Server::new();
    let none = no_request(&mut server);
    let client = client(&server);
    let params = ListMessagingProfilesParams::new().page_number(0);
    assert_invalid_argument(client.messaging_profiles().list_all(&params).next(), "page_number");
    assert!(matches!(client.messaging_profiles().list(&params), Err(Error::InvalidArgument(_))));
    let params = ListShortCodesParams::new().page_number(0);
    assert_invalid_argument(client.short_codes().list_all(&params).next(), "page_number");
    let page = PageParams::new().page_number(0);
    assert_invalid_argument(
        client.messaging_profiles().list_all_phone_numbers(PROFILE_ID, &page).next(),
        "page_number",
    );
    assert_all(&none);
}

#[test]
fn an_empty_profile_id_is_rejected_before_any_request() {
    let mut server = Server::new();
    let none = no_request(&mut server);
    let client = client(&server);
    let mut iter = client.messaging_profiles().list_all_short_codes("", &PageParams::new());
    assert_invalid_argument(iter.next(), "id");
    assert!(iter.next().is_none());
    assert_all(&none);
}

#[test]
fn pages_iterates_page_by_page_with_meta() {
    let mut server = Server::new();
    let q = "/short_codes?page%5Bsize%5D=2&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], Some((1, 2, 2, 3))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["c"], Some((2, 2, 2, 3))));
    let pages: Vec<_> = client(&server)
        .short_codes()
        .list_all(&ListShortCodesParams::new().page_size(2))
        .pages()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(ids(&pages[0].data, |s| s.id.as_deref()), ["a", "b"]);
    assert_eq!(ids(&pages[1].data, |s| s.id.as_deref()), ["c"]);
    assert_eq!(pages[0].meta.as_ref().unwrap().page_number, Some(1));
    assert_eq!(pages[1].meta.as_ref().unwrap().page_number, Some(2));
    assert_eq!(pages[1].meta.as_ref().unwrap().total_results, Some(3));
    p1.assert();
    p2.assert();
}

#[test]
fn iteration_is_lazy_and_fetches_the_next_page_only_when_needed() {
    let mut server = Server::new();
    let q = "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], Some((1, 2, 2, 4))));
    let p2 = page(&mut server, &format!("{q}2"), body(&["c", "d"], Some((2, 2, 2, 4))));
    let client = client(&server);

    let mut iter = client.messaging_profiles().list_all(&ListMessagingProfilesParams::new());
    assert!(!p1.matched() && !p2.matched(), "creating the iterator sends nothing");

    assert_eq!(iter.next().unwrap().unwrap().id.as_deref(), Some("a"));
    assert!(p1.matched() && !p2.matched());
    assert_eq!(iter.next().unwrap().unwrap().id.as_deref(), Some("b"));
    assert!(!p2.matched(), "page 2 waits until page 1 is drained");

    assert_eq!(iter.next().unwrap().unwrap().id.as_deref(), Some("c"));
    assert!(p1.matched() && p2.matched());
    assert_eq!(iter.next().unwrap().unwrap().id.as_deref(), Some("d"));
    assert!(iter.next().is_none());
    p1.assert();
    p2.assert();
}

#[test]
fn dropping_the_iterator_early_fetches_nothing_more() {
    let mut server = Server::new();
    let q = "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=";
    let p1 = page(&mut server, &format!("{q}1"), body(&["a", "b"], Some((1, 2, 9, 18))));
    let rest = server.mock("GET", Matcher::Regex(r"page%5Bnumber%5D=[2-9]$".into())).expect(0).create();
    let first: Vec<_> = client(&server)
        .messaging_profiles()
        .list_all(&ListMessagingProfilesParams::new())
        .take(2)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids(&first, |p| p.id.as_deref()), ["a", "b"]);
    p1.assert();
    rest.assert();
}

/// A list body with a `meta` object of exactly `meta` (members may be missing).
fn body_with_meta(ids: &[&str], meta: Value) -> String {
    let data: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
    json!({"data": data, "meta": meta}).to_string()
}

#[test]
fn a_meta_without_page_size_or_totals_still_paginates_exactly() {
    let mut server = Server::new();
    let p1 = page(
        &mut server,
        "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=1",
        body_with_meta(&["a"], json!({"page_number": 1, "total_pages": 2})),
    );
    let p2 = page(
        &mut server,
        "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=2",
        body_with_meta(&["b"], json!({"page_number": 2, "total_pages": 2})),
    );
    assert_eq!(all_profile_ids(&server), ["a", "b"]);
    p1.assert();
    p2.assert();
}

#[test]
fn without_total_pages_pages_are_fetched_until_an_empty_one() {
    let mut server = Server::new();
    let p1 = page(
        &mut server,
        "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=1",
        body_with_meta(&["a"], json!({"page_number": 1})),
    );
    let p2 = page(
        &mut server,
        "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=2",
        body_with_meta(&["b"], json!({"page_number": 2})),
    );
    let p3 = page(
        &mut server,
        "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=3",
        body_with_meta(&[], json!({"page_number": 3})),
    );
    assert_eq!(all_profile_ids(&server), ["a", "b"]);
    p1.assert();
    p2.assert();
    p3.assert();
}

#[test]
fn without_a_page_number_the_iteration_stops_after_that_page() {
    // A repeated page could not be told from the next one: one request, never a loop.
    let mut server = Server::new();
    let p1 = page(
        &mut server,
        "/messaging_profiles?page%5Bsize%5D=250&page%5Bnumber%5D=1",
        body_with_meta(&["a"], json!({"total_pages": 5})),
    );
    assert_eq!(all_profile_ids(&server), ["a"]);
    p1.assert();
}
