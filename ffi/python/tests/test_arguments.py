"""Bad input is refused before any request: unknown keywords by Python, wrong types and
values by the library's INVALID_ARGUMENT check, surfaced as InvalidArgumentError."""

import pytest

import telnyx_messaging as tm

from fixtures import PROFILE, PROFILE_ID


def test_unknown_keyword_is_a_type_error_before_any_call(server, client):
    server.reply(200, {"data": PROFILE})
    with pytest.raises(TypeError, match="nmae"):
        client.messaging_profiles.create(nmae="x", whitelisted_destinations=["US"])
    with pytest.raises(TypeError):
        client.messaging_profiles.update(PROFILE_ID, id="other")  # read-only fields are not parameters
    with pytest.raises(TypeError):
        client.messaging_profiles.list(filter_nmae="x")
    with pytest.raises(TypeError):
        client.short_codes.update("x", tags=["a"])  # messaging_profile_id is required
    with pytest.raises(TypeError):
        client.messaging_profiles.retrieve(PROFILE_ID, "extra positional")
    with pytest.raises(TypeError):
        tm.Client(api_kye="x")
    assert server.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.messaging_profiles.create(name=123, whitelisted_destinations=["US"]),
        lambda c: c.messaging_profiles.create(name="x", whitelisted_destinations="US"),
        lambda c: c.messaging_profiles.update(PROFILE_ID, enabled="yes"),
        lambda c: c.messaging_profiles.update(PROFILE_ID, number_pool_settings={"long_code_weight": "x"}),
        lambda c: c.messaging_profiles.list_page(page_size="ten"),
        lambda c: c.messaging_profiles.list_page(page_size=0),
        lambda c: c.messaging_profiles.list_page(page_size=251),
        lambda c: c.messaging_profiles.list_page(page_number=0),
        lambda c: c.messaging_profiles.retrieve_metrics(PROFILE_ID, time_frame=5),
        lambda c: c.short_codes.update("x", messaging_profile_id=7),
        lambda c: c.messaging_profiles.autoresp_configs.create(PROFILE_ID, op="start", keywords=[1],
                                                                country_code="US"),
        lambda c: c.messaging_profiles.retrieve(""),
        lambda c: c.messaging_profiles.retrieve(".."),
        lambda c: c.short_codes.update(".", messaging_profile_id=None),
        lambda c: c.messaging_profiles.autoresp_configs.retrieve("..", profile_id="p"),
        lambda c: c.messaging_profiles.retrieve("a\x00b"),
        lambda c: c.messaging_profiles.retrieve("\ud800"),
        lambda c: c.messaging_profiles.create(name=object(), whitelisted_destinations=["US"]),
        lambda c: c.messaging_profiles.update(PROFILE_ID, number_pool_settings={"long_code_weight": float("nan")}),
    ],
)
def test_invalid_arguments(server, client, call):
    server.reply(200, {"data": PROFILE})
    with pytest.raises(tm.InvalidArgumentError) as info:
        call(client)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, tm.TelnyxError)
    assert e.kind == 1 and e.kind_name == "invalid_argument"
    assert e.message
    assert server.requests == []


def test_library_message_names_the_problem(server, client):
    with pytest.raises(tm.InvalidArgumentError) as info:
        client.messaging_profiles.list_page(page_size=0)
    assert "page_size" in str(info.value)
    with pytest.raises(tm.InvalidArgumentError) as info:
        client.messaging_profiles.create(name=123, whitelisted_destinations=["US"])
    assert "name" in str(info.value) or "string" in str(info.value)


def test_bad_page_size_in_a_lazy_list_is_raised_on_first_use(server, client):
    with pytest.raises(tm.InvalidArgumentError):
        list(client.messaging_profiles.list(page_size=0))
    assert server.requests == []


def test_non_string_id_is_a_type_error(server, client):
    with pytest.raises(TypeError):
        client.messaging_profiles.retrieve(123)
    with pytest.raises(TypeError):
        client.messaging_profiles.autoresp_configs.retrieve("x", profile_id=None)
    assert server.requests == []


def test_bad_client_options(server):
    with pytest.raises(tm.InvalidArgumentError):
        tm.Client(api_key="k", base_url=server.url, timeout=-1)
    with pytest.raises(TypeError):
        tm.Client(api_key="k", base_url=server.url, timeout="10")
    with pytest.raises(tm.TelnyxError):
        tm.Client(api_key="k", base_url=server.url, max_retries=-1)
    with pytest.raises(tm.TelnyxError):
        tm.Client(api_key="k", base_url=server.url, default_headers={"Bad Header": "x"})
    with pytest.raises(TypeError):
        tm.Client(api_key="k", base_url=server.url, default_headers=["x"])
