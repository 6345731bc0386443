"""Lazy iteration across pages: requests are sent only when needed, filters are kept, and a
misbehaving server cannot make an iterator loop."""

import threading
from urllib.parse import parse_qs

import pytest

import telnyx_messaging as tm

from fixtures import meta, profile


def paged(total_pages, per_page=2, total_items=None):
    """A route serving profiles in pages, as page[number] asks."""
    total_items = total_pages * per_page if total_items is None else total_items

    def route(req):
        q = parse_qs(req.query)
        n = int(q.get("page[number]", ["1"])[0])
        first = (n - 1) * per_page
        items = [profile(i) for i in range(first, min(first + per_page, total_items))]
        return 200, {"data": items, "meta": meta(n, total_pages, per_page, total_items)}, {}

    return route


def test_list_is_lazy_and_walks_every_page(server, client):
    server.route(paged(3))
    it = client.messaging_profiles.list(filter_name_contains="p", page_size=2)
    assert len(server.requests) == 0  # nothing fetched until needed
    assert next(it)["name"] == "p0"
    assert len(server.requests) == 1
    assert next(it)["name"] == "p1"
    assert len(server.requests) == 1  # still on page 1
    assert next(it)["name"] == "p2"
    assert len(server.requests) == 2
    rest = list(it)
    assert [p["name"] for p in rest] == ["p3", "p4", "p5"]
    assert len(server.requests) == 3  # stops at total_pages, no extra request
    for n, req in enumerate(server.requests, start=1):
        assert req.path == "/messaging_profiles"
        assert req.query == f"filter%5Bname%5D%5Bcontains%5D=p&page%5Bsize%5D=2&page%5Bnumber%5D={n}"
    assert list(it) == []  # exhausted for good
    assert len(server.requests) == 3


def test_breaking_early_fetches_no_more_pages(server, client):
    server.route(paged(100))
    for i, p in enumerate(client.messaging_profiles.list(page_size=2)):
        if i == 2:
            break
    assert len(server.requests) == 2


def test_starting_page_number(server, client):
    server.route(paged(4))
    names = [p["name"] for p in client.messaging_profiles.list(page_number=3, page_size=2)]
    assert names == ["p4", "p5", "p6", "p7"]
    assert len(server.requests) == 2


def test_threads_sharing_an_item_iterator_get_every_item_once(server, client):
    """Items are read without the lock (list iterators are atomic under the GIL); pages are
    fetched under it, so no item is lost or seen twice and no page is fetched twice."""
    server.route(paged(30, per_page=50))
    it = client.messaging_profiles.list(page_size=50)
    seen = []

    def work():
        seen.extend(p["name"] for p in it)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(seen) == sorted(f"p{i}" for i in range(1500))
    assert len(server.requests) == 30


def test_page_iteration(server, client):
    server.route(paged(2, per_page=2, total_items=3))
    pages = list(client.messaging_profiles.list(page_size=2).pages())
    assert [len(p) for p in pages] == [2, 1]
    assert pages[0].meta["total_pages"] == 2 and pages[0].has_next_page()
    assert not pages[1].has_next_page()
    assert [p["name"] for p in pages[1]] == ["p2"]


def test_stops_on_an_empty_page(server, client):
    server.reply(200, {"data": [], "meta": meta(1, 5)})
    assert list(client.messaging_profiles.list()) == []
    assert len(server.requests) == 1


def test_stops_after_a_page_without_meta(server, client):
    server.reply(200, {"data": [profile(1), profile(2)]})
    assert len(list(client.short_codes.list())) == 2
    assert len(server.requests) == 1


def test_a_server_repeating_page_one_does_not_loop(server, client):
    server.reply(200, {"data": [profile(1)], "meta": meta(1, 3, 1)})
    it = client.messaging_profiles.list(page_size=1)
    assert next(it)["name"] == "p1"
    with pytest.raises(tm.UnexpectedPageError):
        next(it)
    assert list(it) == []  # finished after the error
    assert len(server.requests) == 2


def test_an_error_mid_way_is_raised_once_then_iteration_ends(server, client):
    def route(req):
        if "page%5Bnumber%5D=2" in req.query:
            return 500, {"errors": [{"code": "1", "title": "boom"}]}, {}
        return paged(3)(req)

    server.route(route)
    it = client.messaging_profiles.list(page_size=2)
    got = [next(it), next(it)]
    assert len(got) == 2
    with pytest.raises(tm.InternalServerError):
        next(it)
    assert list(it) == []
    assert len(server.requests) == 2


def test_iterators_outlive_their_client(server, client):
    server.route(paged(2))
    it = client.messaging_profiles.list(page_size=2)
    client.close()
    assert len(list(it)) == 4


def test_closing_an_iterator_stops_it(server, client):
    server.route(paged(3))
    with client.messaging_profiles.list(page_size=2) as it:
        next(it)
    assert list(it) == []
    assert len(server.requests) == 1


def test_read_ahead_fetches_the_next_page_while_this_one_is_used(server):
    import time

    from conftest import API_KEY

    server.route(paged(3))
    with tm.Client(api_key=API_KEY, base_url=server.url, max_retries=0, timeout=5, read_ahead=True) as c:
        it = c.messaging_profiles.list(page_size=2)
        assert len(server.requests) == 0
        assert next(it)["name"] == "p0"
        deadline = time.monotonic() + 5
        while len(server.requests) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(server.requests) == 2  # page 2 is on its way before it is asked for
        time.sleep(0.1)
        assert len(server.requests) == 2  # and only one page ahead
        assert [p["name"] for p in it] == ["p1", "p2", "p3", "p4", "p5"]
        assert len(server.requests) == 3  # no request after the last page


def test_read_ahead_delivers_an_error_in_its_place(server):
    from conftest import API_KEY

    def route(req):
        if "page%5Bnumber%5D=2" in req.query:
            return 500, {"errors": [{"code": "1", "title": "boom"}]}, {}
        return paged(3)(req)

    server.route(route)
    with tm.Client(api_key=API_KEY, base_url=server.url, max_retries=0, timeout=5, read_ahead=True) as c:
        it = c.messaging_profiles.list(page_size=2)
        assert [next(it)["name"], next(it)["name"]] == ["p0", "p1"]
        with pytest.raises(tm.InternalServerError):
            next(it)
        assert list(it) == []
    assert len(server.requests) == 2


def test_read_ahead_must_be_a_bool():
    with pytest.raises(tm.InvalidArgumentTypeError):
        tm.Client(api_key="KEY", read_ahead="yes")
