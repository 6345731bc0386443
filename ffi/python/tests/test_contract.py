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
    """Prism answers its static example (page 2) whatever page is asked for; the iterator then
    stops with UnexpectedPageError by design. The requests sent are what is checked here."""
    try:
        return list(items)
    except tm.UnexpectedPageError:
        return []


OPERATIONS = {
    "list profiles": lambda c: c.messaging_profiles.list_page(filter_name_contains="a", page_number=1, page_size=5),
    "iterate profiles": lambda c: _iterate(c.messaging_profiles.list(page_size=5)),
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


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_operation_against_the_definition(prism_client, name):
    client, exchanges = prism_client
    start = len(exchanges)
    result = OPERATIONS[name](client)
    assert result is not None
    mine = exchanges[start:]
    assert mine, "no request reached Prism"
    for method, path, status, violations in mine:
        assert violations is None, f"{method} {path}: {violations}"
        assert 200 <= status < 300, f"{method} {path} -> {status}"
