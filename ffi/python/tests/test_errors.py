"""Each exception class: HTTP statuses, connection refused, timeouts, bad bodies, bad config."""

import time

import pytest

import telnyx_messaging as tm
from telnyx_messaging import Client

from conftest import API_KEY
from fixtures import PROFILE_ID

ERRORS = [
    {
        "code": "10015",
        "title": "Invalid parameter",
        "detail": "name is required",
        "source": {"pointer": "/name"},
        "meta": {"url": "https://developers.telnyx.com/docs/overview/errors/10015"},
    }
]


@pytest.mark.parametrize(
    "status,cls",
    [
        (400, tm.BadRequestError),
        (401, tm.AuthenticationError),
        (403, tm.PermissionDeniedError),
        (404, tm.NotFoundError),
        (409, tm.ConflictError),
        (422, tm.UnprocessableEntityError),
        (429, tm.RateLimitError),
        (500, tm.InternalServerError),
        (503, tm.InternalServerError),
        (418, tm.APIStatusError),
    ],
)
def test_status_errors(server, client, status, cls):
    server.reply(status, {"errors": ERRORS}, {"x-request-id": "req-42"})
    with pytest.raises(cls) as info:
        client.messaging_profiles.retrieve(PROFILE_ID)
    e = info.value
    assert type(e) is cls
    assert isinstance(e, tm.APIStatusError) and isinstance(e, tm.APIError) and isinstance(e, tm.TelnyxError)
    assert not isinstance(e, tm.APIConnectionError)
    assert e.status_code == status
    assert e.errors == ERRORS
    assert e.request_id == "req-42"
    assert e.retry_after is None
    assert str(status) in e.message and str(e) == e.message
    assert "name is required" in e.message
    assert len(server.requests) == 1  # max_retries=0


def test_rate_limit_retry_after(server, client):
    server.reply(
        429,
        {"errors": [{"code": "10011", "title": "Too many requests"}]},
        {"Retry-After": "7", "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0"},
    )
    with pytest.raises(tm.RateLimitError) as info:
        client.short_codes.list_page()
    assert info.value.retry_after == 7.0
    assert info.value.errors[0]["code"] == "10011"
    assert info.value.rate_limit == {"limit": 100, "remaining": 0, "reset": None}


def test_retry_after_ms_and_retries_are_used(server):
    """With retries allowed, a 429 asking for 50 ms is retried, then succeeds."""
    answers = iter([(429, {"errors": []}, {"retry-after-ms": "50"}), (200, {"data": {"id": "x"}}, {})])
    server.route(lambda req: next(answers))
    with Client(api_key=API_KEY, base_url=server.url, max_retries=1) as c:
        assert c.messaging_profiles.retrieve("x") == {"id": "x"}
    assert len(server.requests) == 2


def test_error_bodies_that_are_not_json(server, client):
    server.reply(502, b"<html>Bad gateway</html>", {"Content-Type": "text/html"})
    with pytest.raises(tm.InternalServerError) as info:
        client.messaging_profiles.retrieve(PROFILE_ID)
    assert info.value.status_code == 502 and info.value.errors == []
    server.reply(404, None)
    with pytest.raises(tm.NotFoundError) as info:
        client.messaging_profiles.retrieve(PROFILE_ID)
    assert info.value.errors == []


def test_bad_success_body_is_a_response_validation_error(server, client):
    server.reply(200, b"{not json", {"Content-Type": "application/json"})
    with pytest.raises(tm.APIResponseValidationError) as info:
        client.messaging_profiles.retrieve(PROFILE_ID)
    assert isinstance(info.value, tm.APIError)
    assert info.value.kind == 14


def test_connection_refused(closed_port):
    with Client(api_key=API_KEY, base_url=f"http://127.0.0.1:{closed_port}", max_retries=0) as c:
        with pytest.raises(tm.APIConnectionError) as info:
            c.messaging_profiles.retrieve(PROFILE_ID)
    assert type(info.value) is tm.APIConnectionError
    assert info.value.status_code is None
    assert info.value.kind_name == "connection"


def test_timeout_on_a_server_that_never_answers(silent_port):
    start = time.monotonic()
    with Client(api_key=API_KEY, base_url=f"http://127.0.0.1:{silent_port}", max_retries=0, timeout=0.3) as c:
        with pytest.raises(tm.APITimeoutError) as info:
            c.messaging_profiles.retrieve(PROFILE_ID)
    elapsed = time.monotonic() - start
    assert isinstance(info.value, tm.APIConnectionError)
    assert 0.25 <= elapsed < 5
    assert info.value.kind_name == "timeout"


def test_per_call_timeout_through_with_options(silent_port):
    with Client(api_key=API_KEY, base_url=f"http://127.0.0.1:{silent_port}", max_retries=0) as c:
        fast = c.with_options(timeout=0.2)
        start = time.monotonic()
        with pytest.raises(tm.APITimeoutError):
            fast.messaging_profiles.retrieve(PROFILE_ID)
        assert time.monotonic() - start < 5
        fast.close()


def test_deadline_across_retries(silent_port):
    start = time.monotonic()
    with Client(api_key=API_KEY, base_url=f"http://127.0.0.1:{silent_port}", max_retries=5,
                timeout=10, deadline=0.3) as c:
        with pytest.raises(tm.APITimeoutError):
            c.short_codes.retrieve("x")
    assert time.monotonic() - start < 5


def test_missing_api_key_is_a_configuration_error(monkeypatch):
    monkeypatch.delenv("TELNYX_API_KEY", raising=False)
    with pytest.raises(tm.ConfigurationError) as info:
        Client(base_url="http://127.0.0.1:9")
    assert "API key" in str(info.value) or "api key" in str(info.value).lower()
    assert not isinstance(info.value, tm.APIError)


def test_bad_base_url_is_a_configuration_error():
    with pytest.raises(tm.ConfigurationError):
        Client(api_key=API_KEY, base_url="ftp://example.com")
    with pytest.raises(tm.ConfigurationError):  # the API key would go in clear text
        Client(api_key=API_KEY, base_url="http://example.com/v2")


def test_hierarchy_matches_the_official_sdk():
    assert issubclass(tm.APIError, tm.TelnyxError)
    assert issubclass(tm.APIConnectionError, tm.APIError)
    assert issubclass(tm.APITimeoutError, tm.APIConnectionError)
    assert issubclass(tm.APIStatusError, tm.APIError)
    for cls in (tm.BadRequestError, tm.AuthenticationError, tm.PermissionDeniedError, tm.NotFoundError,
                tm.ConflictError, tm.UnprocessableEntityError, tm.RateLimitError, tm.InternalServerError):
        assert issubclass(cls, tm.APIStatusError)
    assert issubclass(tm.InvalidArgumentError, ValueError)
    assert not issubclass(tm.InvalidArgumentError, tm.APIError)
    assert not issubclass(tm.ConfigurationError, tm.APIError)
