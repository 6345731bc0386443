"""10,000 calls through the C ABI (successes, API errors, argument errors, pages) and the
resident set size stays flat: every owned string, error and iterator is freed."""

import gc
import logging
import os

import pytest

import telnyx_messaging as tm

from fixtures import meta, profile

CALLS = 10_000


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_rss_stays_flat_over_10000_calls(server, client, record_property, monkeypatch):
    # Logging off: pytest keeps every captured record (a warning per failed call) in memory.
    monkeypatch.setattr(logging.getLogger("telnyx_messaging"), "disabled", True)
    tm._logging.sync_level()
    # Payloads of a few KiB, so that leaking any one result string, error or page per call
    # would add megabytes.
    big = "x" * 2048
    page = {"data": [dict(profile(i), description=big) for i in range(5)], "meta": meta(1, 1, 5)}

    def route(req):
        if req.path.endswith("/missing"):
            return 404, {"errors": [{"code": "10005", "title": "Not found", "detail": big}]}, {}
        if req.path == "/messaging_profiles":
            return 200, page, {}
        return 200, {"data": dict(profile(1), description=big)}, {}

    server.route(route)
    server.record = False

    def one(i):
        r = i % 4
        if r == 0:
            assert client.messaging_profiles.retrieve("p")["name"] == "p1"
        elif r == 1:
            with pytest.raises(tm.NotFoundError):
                client.messaging_profiles.retrieve("missing")
        elif r == 2:
            with pytest.raises(tm.InvalidArgumentError):
                client.messaging_profiles.list_page(page_size=0)
        else:
            assert len(list(client.messaging_profiles.list())) == 5

    for i in range(1000):  # warm-up: pools, allocator arenas, caches
        one(i)
    server.requests.clear()
    gc.collect()
    before = rss_bytes()
    for i in range(CALLS):
        one(i)
    gc.collect()
    after = rss_bytes()
    growth = after - before
    record_property("rss_before_mib", round(before / 2**20, 2))
    record_property("rss_after_mib", round(after / 2**20, 2))
    print(f"\nRSS before {before / 2**20:.1f} MiB, after {CALLS} calls {after / 2**20:.1f} MiB, "
          f"growth {growth / 2**10:.0f} KiB")
    # Each kind of call runs 2,500 times with 2-10 KiB payloads: a leak of any one of them
    # would add 5 MiB or more. Measured growth is a few KiB; the bound is generous.
    assert growth < 3 * 2**20, f"RSS grew by {growth / 2**20:.1f} MiB over {CALLS} calls"
