"""Contract: every operation against the Prism mock server built from the official OpenAPI
definition. A recording pass-through between the client and Prism keeps Prism's
``sl-violations`` header, which names anything in a request that breaks the definition.

Opt in with ``--contract`` (marker ``contract``); it needs ``TELNYX_PRISM_URL`` (``tests/run-all.sh``
starts Prism, sets it and passes ``--contract``). Opted in without it, these tests fail rather
than pass unchecked.
"""

import http.client
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

import telnyx_messaging as tm

from conftest import read_body

pytestmark = pytest.mark.contract

PRISM = os.environ.get("TELNYX_PRISM_URL", "").strip().rstrip("/")


@pytest.fixture(autouse=True)
def _prism_required():
    if not PRISM:
        pytest.fail("TELNYX_PRISM_URL is not set: run the suite through `bash tests/run-all.sh`, which starts Prism")

PROFILE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
AUTORESP_ID = "7cd8a9c2-3b1e-4f5a-9d6c-0e1f2a3b4c5d"
SHORT_CODE_ID = "12ade33a-21c0-473b-b055-b3c836e1c292"


class _Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _forward(self):
        body = read_body(self) or None
        target = urlsplit(PRISM)
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "connection", "transfer-encoding", "content-length")}
        conn.request(self.command, self.path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        self.server.exchanges.append(
            (self.command, self.path, resp.status, resp.getheader("sl-violations"))
        )
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _forward


@pytest.fixture(scope="module")
def prism_client():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    httpd.daemon_threads = True
    httpd.exchanges = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    client = tm.Client(api_key="KEYcontract", base_url=f"http://127.0.0.1:{httpd.server_address[1]}",
                       max_retries=0, timeout=30)
    try:
        yield client, httpd.exchanges
    finally:
        client.close()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def _iterate(items):
    """Prism answers its static example (page 2) whatever page is asked for: iterating from
    page 2 reads that page's items, then the iterator stops with UnexpectedPageError by design
    when page 3 comes back as page 2. Returns the items read; raises on any other error, and
    when no item came before the repeated page."""
    out = []
    try:
        for item in items:
            out.append(item)
    except tm.UnexpectedPageError:
        pass
    if not out:
        raise AssertionError("no item was read before the repeated page")
    return out


def _profile(p):
    return isinstance(p, dict) and p["record_type"] == "messaging_profile" and isinstance(p["id"], str)


def _autoresp(a):
    return isinstance(a, dict) and a["op"] in ("start", "stop", "info") and isinstance(a["id"], str) \
        and all(isinstance(k, str) for k in a["keywords"])


def _page_of(record_types):
    return lambda page: isinstance(page, tm.Page) and len(page.data) > 0 \
        and all(i["record_type"] in record_types for i in page.data)


# What each result must hold, by operation (the definition's examples, which Prism serves).
CHECKS = {
    "list profiles": _page_of({"messaging_profile"}),
    "iterate profiles": lambda items: all(_profile(p) for p in items),
    "create profile": _profile,
    "retrieve profile": _profile,
    "update profile": _profile,
    "delete profile": _profile,
    "regenerate secret": lambda p: _profile(p) and isinstance(p["v1_secret"], str),
    "phone numbers": _page_of({"messaging_phone_number", "messaging_settings"}),
    "short codes of profile": _page_of({"short_code"}),
    "sender ids": _page_of({"alphanumeric_sender_id"}),
    "profile metrics": lambda m: isinstance(m, dict),
    "all metrics": lambda page: isinstance(page, tm.Page) and all(isinstance(i, dict) for i in page.data),
    "autoresp list": lambda page: isinstance(page, tm.Page) and len(page.data) > 0 and all(map(_autoresp, page.data)),
    "autoresp create": _autoresp,
    "autoresp retrieve": _autoresp,
    "autoresp update": _autoresp,
    "autoresp delete": lambda r: r == "OK",
    "short codes": _page_of({"short_code"}),
    "short code": lambda sc: isinstance(sc, dict) and sc["record_type"] == "short_code",
    "assign short code": lambda sc: isinstance(sc, dict) and sc["record_type"] == "short_code",
    "unassign short code": lambda sc: isinstance(sc, dict) and sc["record_type"] == "short_code",
}


OPERATIONS = {
    "list profiles": lambda c: c.messaging_profiles.list_page(filter_name_contains="a", page_number=1, page_size=5),
    "iterate profiles": lambda c: _iterate(c.messaging_profiles.list(page_size=5, page_number=2)),
    "create profile": lambda c: c.messaging_profiles.create(
        name="Contract", whitelisted_destinations=["US"], webhook_url="https://example.com/h",
        number_pool_settings={"long_code_weight": 1, "toll_free_weight": 2, "skip_unhealthy": True},
        daily_spend_limit="100.00"),
    "retrieve profile": lambda c: c.messaging_profiles.retrieve(PROFILE_ID),
    "update profile": lambda c: c.messaging_profiles.update(PROFILE_ID, name="New", webhook_url=None,
                                                            alpha_sender=None),
    "delete profile": lambda c: c.messaging_profiles.delete(PROFILE_ID),
    "regenerate secret": lambda c: c.messaging_profiles.regenerate_secret(PROFILE_ID),
    "phone numbers": lambda c: c.messaging_profiles.list_phone_numbers_page(PROFILE_ID, page_size=2),
    "short codes of profile": lambda c: c.messaging_profiles.list_short_codes_page(PROFILE_ID, page_number=1),
    "sender ids": lambda c: c.messaging_profiles.list_alphanumeric_sender_ids_page(PROFILE_ID, page_size=2),
    "profile metrics": lambda c: c.messaging_profiles.retrieve_metrics(PROFILE_ID, time_frame="7d"),
    "all metrics": lambda c: c.messaging_profile_metrics.list(time_frame="24h"),
    "autoresp list": lambda c: c.messaging_profiles.autoresp_configs.list(PROFILE_ID, country_code="US"),
    "autoresp create": lambda c: c.messaging_profiles.autoresp_configs.create(
        PROFILE_ID, op="start", keywords=["START"], country_code="US", resp_text="Hi"),
    "autoresp retrieve": lambda c: c.messaging_profiles.autoresp_configs.retrieve(AUTORESP_ID, profile_id=PROFILE_ID),
    "autoresp update": lambda c: c.messaging_profiles.autoresp_configs.update(
        AUTORESP_ID, profile_id=PROFILE_ID, op="stop", keywords=["STOP"], country_code="US"),
    "autoresp delete": lambda c: c.messaging_profiles.autoresp_configs.delete(AUTORESP_ID, profile_id=PROFILE_ID),
    "short codes": lambda c: c.short_codes.list_page(filter_messaging_profile_id=PROFILE_ID, page_size=2),
    "short code": lambda c: c.short_codes.retrieve(SHORT_CODE_ID),
    "assign short code": lambda c: c.short_codes.update(SHORT_CODE_ID, messaging_profile_id=PROFILE_ID,
                                                        tags=["x"]),
    "unassign short code": lambda c: c.short_codes.update(SHORT_CODE_ID, messaging_profile_id=""),
}


def test_every_operation_has_a_check():
    assert set(CHECKS) == set(OPERATIONS)


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_operation_against_the_definition(prism_client, name):
    client, exchanges = prism_client
    start = len(exchanges)
    result = OPERATIONS[name](client)
    assert CHECKS[name](result), f"{name}: unexpected result {result!r:.500}"
    mine = exchanges[start:]
    assert mine, "no request reached Prism"
    for method, path, status, violations in mine:
        assert violations is None, f"{method} {path}: {violations}"
        assert 200 <= status < 300, f"{method} {path} -> {status}"
