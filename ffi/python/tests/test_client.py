"""Client construction, environment defaults, options, with_options, closing."""

import gc
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
