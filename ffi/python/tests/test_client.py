"""Client construction, environment defaults, options, with_options, closing."""

import gc
import json
import re

import pytest

import telnyx_messaging as tm
from telnyx_messaging import Client

from conftest import API_KEY
from fixtures import PROFILE, PROFILE_ID


def test_environment_defaults(server, monkeypatch):
    monkeypatch.setenv("TELNYX_API_KEY", "KEYfromenv")
    monkeypatch.setenv("TELNYX_BASE_URL", server.url)
    server.reply(200, {"data": PROFILE})
    with Client(max_retries=0) as c:
        c.messaging_profiles.retrieve(PROFILE_ID)
    assert server.last.headers["authorization"] == "Bearer KEYfromenv"


def test_arguments_override_the_environment(server, monkeypatch):
    monkeypatch.setenv("TELNYX_API_KEY", "KEYfromenv")
    monkeypatch.setenv("TELNYX_BASE_URL", "http://127.0.0.1:9")
    server.reply(200, {"data": PROFILE})
    with Client(api_key="KEYexplicit", base_url=server.url + "/", max_retries=0) as c:
        c.messaging_profiles.retrieve(PROFILE_ID)
    assert server.last.headers["authorization"] == "Bearer KEYexplicit"
    assert server.last.path == f"/messaging_profiles/{PROFILE_ID}"


def test_base_url_with_a_path_prefix(server):
    server.reply(200, {"data": PROFILE})
    with Client(api_key=API_KEY, base_url=server.url + "/v2", max_retries=0) as c:
        c.messaging_profiles.retrieve(PROFILE_ID)
    assert server.last.path == f"/v2/messaging_profiles/{PROFILE_ID}"


def test_default_headers_and_user_agent_suffix(server):
    server.reply(200, {"data": PROFILE})
    with Client(api_key=API_KEY, base_url=server.url, max_retries=0, default_headers={"X-Team": "ops"},
                user_agent_suffix="myapp/1.2", proxy="none", connect_timeout=1.5, deadline=30,
                retry_post=False, max_retry_wait=2) as c:
        c.messaging_profiles.retrieve(PROFILE_ID)
    h = server.last.headers
    assert h["x-team"] == "ops"
    assert re.match(r"telnyx-messaging\S*/\S+ myapp/1\.2$", h["user-agent"])


def test_with_options_adds_headers_and_shares_the_pool(server, client):
    server.reply(200, {"data": PROFILE})
    traced = client.with_options(headers={"X-Trace": "abc"}, max_retries=0, timeout=2.5, deadline=10,
                                 retry_post=True)
    assert isinstance(traced, Client) and traced is not client
    traced.messaging_profiles.retrieve(PROFILE_ID)
    assert server.last.headers["x-trace"] == "abc"
    client.messaging_profiles.retrieve(PROFILE_ID)
    assert "x-trace" not in server.last.headers
    client.close()  # the derived client has its own handle
    traced.messaging_profiles.retrieve(PROFILE_ID)
    traced.close()


def test_close_is_idempotent_and_later_calls_fail(server):
    c = Client(api_key=API_KEY, base_url=server.url)
    assert not c.is_closed
    c.close()
    c.close()
    assert c.is_closed
    with pytest.raises(tm.TelnyxError, match="closed"):
        c.messaging_profiles.retrieve(PROFILE_ID)
    with pytest.raises(tm.TelnyxError, match="closed"):
        c.with_options(max_retries=1)
    assert server.requests == []
    assert "closed" in repr(c)


def test_context_manager(server):
    with Client(api_key=API_KEY, base_url=server.url) as c:
        assert isinstance(c, Client)
    assert c.is_closed


def test_del_frees_without_close(server):
    c = Client(api_key=API_KEY, base_url=server.url)
    c.with_options(max_retries=1)  # dropped at once
    del c
    gc.collect()


def test_repr_does_not_show_the_api_key(server):
    c = Client(api_key="KEYsecret", base_url=server.url)
    assert "KEYsecret" not in repr(c)
    c.close()


def test_library_version_and_path():
    assert re.match(r"\d+\.\d+\.\d+", tm.library_version())
    assert tm.library_path.endswith(tm._lib.LIBRARY_FILE)


def test_telnyx_alias():
    assert tm.Telnyx is Client


def test_not_given_sentinel():
    assert tm.NOT_GIVEN is tm.NotGiven()
    assert not tm.NOT_GIVEN
    assert repr(tm.NOT_GIVEN) == "NOT_GIVEN"


def test_a_temporary_client_lives_while_its_resources_are_used(server):
    """Client(...).messaging_profiles.retrieve(x): the Client is unreferenced once the resource
    is taken; the call must still work (issue 11, item 10)."""
    server.reply(200, {"data": PROFILE})
    assert Client(api_key=API_KEY, base_url=server.url).messaging_profiles.retrieve(PROFILE_ID) == PROFILE
    resource = Client(api_key=API_KEY, base_url=server.url).messaging_profiles
    gc.collect()
    assert resource.retrieve(PROFILE_ID) == PROFILE
    assert len(server.requests) == 2


def test_a_temporary_parent_lives_while_its_derived_client_is_used(server):
    server.reply(200, {"data": PROFILE})
    c = Client(api_key=API_KEY, base_url=server.url)
    assert c.with_options(max_retries=0).messaging_profiles.retrieve(PROFILE_ID) == PROFILE
    derived = Client(api_key=API_KEY, base_url=server.url).with_options(headers={"X-A": "1"})
    gc.collect()
    assert derived.messaging_profiles.retrieve(PROFILE_ID) == PROFILE
    assert server.last.headers["x-a"] == "1" and len(server.requests) == 2
    c.close()


def test_chained_with_options_keep_the_earlier_ones(server):
    """.with_options(headers) then .with_options(max_retries=0): the header is still sent and
    the retries are off (issue 11, item 9; the C library merges the options)."""
    server.reply(500, {"errors": []}, {"retry-after-ms": "1"})
    with Client(api_key=API_KEY, base_url=server.url, max_retries=2) as c:
        chained = c.with_options(headers={"X-A": "1"}).with_options(max_retries=0)
        with pytest.raises(tm.InternalServerError):
            chained.messaging_profiles.retrieve(PROFILE_ID)
    assert len(server.requests) == 1
    assert server.last.headers.get("x-a") == "1"


def test_extra_query_and_extra_body_reach_the_wire_and_chain(server, client):
    """Fields newer than the library: extra query parameters and body members, per call."""
    server.reply(200, {"data": PROFILE})
    extra = client.with_options(extra_query={"x_new": "a b"}).with_options(extra_body={"x_flag": True, "name": "B"})
    extra.messaging_profiles.update(PROFILE_ID, name="A")
    assert server.last.method == "PATCH"
    assert server.last.target == f"/messaging_profiles/{PROFILE_ID}?x_new=a%20b"
    assert json.loads(server.last.body) == {"name": "B", "x_flag": True}
    with pytest.raises(tm.InvalidArgumentTypeError, match="extra_query must be a mapping of names to string values, not list"):
        client.with_options(extra_query=["x"])
    with pytest.raises(tm.InvalidArgumentTypeError, match=r"extra_query\['n'\] must be a str, not int"):
        client.with_options(extra_query={"n": 1})
    with pytest.raises(tm.InvalidArgumentTypeError, match="extra_body must be a mapping with string keys, not list"):
        client.with_options(extra_body=[1])


@pytest.mark.parametrize(
    "kwargs, exc, message",
    [
        ({"max_retries": -1}, tm.InvalidArgumentError, "max_retries must be a non-negative integer, got -1"),
        ({"max_retries": "3"}, tm.InvalidArgumentTypeError, "max_retries must be a non-negative integer, not str"),
        ({"max_retries": True}, tm.InvalidArgumentTypeError, "max_retries must be a non-negative integer, not bool"),
        ({"max_retries": 2**40}, tm.InvalidArgumentError,
         "max_retries must be at most 4294967295, got 1099511627776"),
        ({"timeout": -1}, tm.InvalidArgumentError, "timeout must be a finite, non-negative number of seconds, got -1"),
        ({"timeout": "5"}, tm.InvalidArgumentTypeError,
         "timeout must be a number of seconds or a timedelta, not str"),
        ({"deadline": float("nan")}, tm.InvalidArgumentError,
         "deadline must be a finite, non-negative number of seconds, got nan"),
        ({"connect_timeout": 1e30}, tm.InvalidArgumentError, "connect_timeout must be at most 31536000 seconds, got 1e+30"),
        ({"default_headers": [("X", "1")]}, tm.InvalidArgumentTypeError,
         "default_headers must be a mapping of names to string values, not list"),
        ({"default_headers": {"X": 1}}, tm.InvalidArgumentTypeError, "default_headers['X'] must be a str, not int"),
        ({"default_headers": {1: "x"}}, tm.InvalidArgumentTypeError, "default_headers name must be a str, not int"),
        ({"proxy": 8080}, tm.InvalidArgumentTypeError, "proxy must be a str, not int"),
        ({"api_key": b"k"}, tm.InvalidArgumentTypeError, "api_key must be a str, not bytes"),
        ({"base_url": "http://x\x00"}, tm.InvalidArgumentError, "base_url must not contain NUL characters"),
        ({"user_agent_suffix": "\ud800"}, tm.InvalidArgumentError,
         "user_agent_suffix must be valid Unicode text (it contains a lone surrogate)"),
        ({"retry_post": 1}, tm.InvalidArgumentTypeError, "retry_post must be a bool, not int"),
        ({"allow_insecure_http": "yes"}, tm.InvalidArgumentTypeError, "allow_insecure_http must be a bool, not str"),
    ],
)
def test_option_errors_name_the_argument_and_rule(server, kwargs, exc, message):
    """Checked in Python before anything reaches the C library (issue 11, item 13)."""
    args = {"api_key": API_KEY, "base_url": server.url, **kwargs}
    with pytest.raises(exc) as e:
        Client(**args)
    assert str(e.value) == message and e.value.kind_name == "invalid_argument"
    assert isinstance(e.value, TypeError) == (exc is tm.InvalidArgumentTypeError)
    with Client(api_key=API_KEY, base_url=server.url) as c:
        wo = {k: v for k, v in kwargs.items() if k in ("max_retries", "timeout", "deadline", "retry_post")}
        if "default_headers" in kwargs:
            wo["headers"] = kwargs["default_headers"]
        if wo:
            with pytest.raises(exc) as e:
                c.with_options(**wo)
            assert str(e.value) == message.replace("default_headers", "headers")
    assert server.requests == []


def test_deep_nesting_is_a_library_error_not_recursion_error(server, client):
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(tm.InvalidArgumentError, match=r"^number_pool_settings\.geomatch(\[0\])+ is nested more than 64 levels deep$"):
        client.messaging_profiles.update(PROFILE_ID, number_pool_settings={"geomatch": deep})
    with pytest.raises(tm.InvalidArgumentTypeError, match=r"^url_shortener_settings\.domain must be a JSON value .*not bytes$"):
        client.messaging_profiles.update(PROFILE_ID, url_shortener_settings={"domain": b"x"})
    with pytest.raises(tm.InvalidArgumentError, match=r"^keywords\[1\] must be valid Unicode text"):
        client.messaging_profiles.autoresp_configs.create(PROFILE_ID, op="start", keywords=["a", "\udc80"],
                                                          country_code="US")
    assert server.requests == []
