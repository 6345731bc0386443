"""Every operation: the exact request on the wire (method, path with percent-encoded query,
headers, JSON body) and the result handed back."""

import json

import pytest

from telnyx_messaging import Page

from conftest import API_KEY
from fixtures import (
    AUTORESP,
    AUTORESP_ID,
    METRICS,
    PHONE_NUMBER,
    PROFILE,
    PROFILE_ID,
    SENDER_ID,
    SHORT_CODE,
    SHORT_CODE_ID,
    meta,
)

P = f"/messaging_profiles/{PROFILE_ID}"

# (name, call, method, target, request body (None = no body), response body, expected result)
CASES = [
    (
        "profiles.list_page",
        lambda c: c.messaging_profiles.list_page(
            filter_name="a b", filter_name_eq="x[1]", filter_name_contains="ü&=", page_number=2, page_size=5
        ),
        "GET",
        "/messaging_profiles?filter%5Bname%5D=a%20b&filter%5Bname%5D%5Beq%5D=x%5B1%5D"
        "&filter%5Bname%5D%5Bcontains%5D=%C3%BC%26%3D&page%5Bnumber%5D=2&page%5Bsize%5D=5",
        None,
        {"data": [PROFILE], "meta": meta(2, 3, 5)},
        Page([PROFILE], meta(2, 3, 5)),
    ),
    (
        "profiles.list_page without params",
        lambda c: c.messaging_profiles.list_page(),
        "GET",
        "/messaging_profiles",
        None,
        {"data": []},
        Page([], None),
    ),
    (
        "profiles.create",
        lambda c: c.messaging_profiles.create(
            name="Summer campaign",
            whitelisted_destinations=("US", "*"),
            webhook_url="https://example.com/hooks",
            number_pool_settings={"long_code_weight": 1, "toll_free_weight": 2.5, "skip_unhealthy": True},
            daily_spend_limit="100.00",
            mobile_only=False,
        ),
        "POST",
        "/messaging_profiles",
        {
            "name": "Summer campaign",
            "whitelisted_destinations": ["US", "*"],
            "webhook_url": "https://example.com/hooks",
            "number_pool_settings": {"long_code_weight": 1, "toll_free_weight": 2.5, "skip_unhealthy": True},
            "daily_spend_limit": "100.00",
            "mobile_only": False,
        },
        {"data": PROFILE},
        PROFILE,
    ),
    ("profiles.retrieve", lambda c: c.messaging_profiles.retrieve(PROFILE_ID), "GET", P, None,
     {"data": PROFILE}, PROFILE),
    (
        "profiles.retrieve encodes the id as one segment",
        lambda c: c.messaging_profiles.retrieve("../a/b?c#d%e f"),
        "GET",
        "/messaging_profiles/..%2Fa%2Fb%3Fc%23d%25e%20f",
        None,
        {"data": PROFILE},
        PROFILE,
    ),
    (
        "profiles.update",
        lambda c: c.messaging_profiles.update(PROFILE_ID, name="New", webhook_url=None, enabled=True),
        "PATCH",
        P,
        {"name": "New", "webhook_url": None, "enabled": True},
        {"data": PROFILE},
        PROFILE,
    ),
    ("profiles.delete", lambda c: c.messaging_profiles.delete(PROFILE_ID), "DELETE", P, None,
     {"data": PROFILE}, PROFILE),
    (
        "profiles.regenerate_secret",
        lambda c: c.messaging_profiles.regenerate_secret(PROFILE_ID),
        "POST",
        P + "/actions/regenerate_secret",
        None,
        {"data": PROFILE},
        PROFILE,
    ),
    (
        "profiles.list_phone_numbers_page",
        lambda c: c.messaging_profiles.list_phone_numbers_page(PROFILE_ID, page_number=1, page_size=250),
        "GET",
        P + "/phone_numbers?page%5Bnumber%5D=1&page%5Bsize%5D=250",
        None,
        {"data": [PHONE_NUMBER], "meta": meta(1, 1, 250)},
        Page([PHONE_NUMBER], meta(1, 1, 250)),
    ),
    (
        "profiles.list_short_codes_page",
        lambda c: c.messaging_profiles.list_short_codes_page(PROFILE_ID, page_size=3),
        "GET",
        P + "/short_codes?page%5Bsize%5D=3",
        None,
        {"data": [SHORT_CODE], "meta": meta(1, 1, 3)},
        Page([SHORT_CODE], meta(1, 1, 3)),
    ),
    (
        "profiles.list_alphanumeric_sender_ids_page",
        lambda c: c.messaging_profiles.list_alphanumeric_sender_ids_page(PROFILE_ID, page_number=4),
        "GET",
        P + "/alphanumeric_sender_ids?page%5Bnumber%5D=4",
        None,
        {"data": [SENDER_ID], "meta": meta(4, 4)},
        Page([SENDER_ID], meta(4, 4)),
    ),
    (
        "profiles.retrieve_metrics",
        lambda c: c.messaging_profiles.retrieve_metrics(PROFILE_ID, time_frame="7d"),
        "GET",
        P + "/metrics?time_frame=7d",
        None,
        {"data": METRICS},
        METRICS,
    ),
    (
        "profiles.retrieve_metrics default time frame",
        lambda c: c.messaging_profiles.retrieve_metrics(PROFILE_ID),
        "GET",
        P + "/metrics",
        None,
        {"data": METRICS},
        METRICS,
    ),
    (
        "autoresp_configs.list",
        lambda c: c.messaging_profiles.autoresp_configs.list(
            PROFILE_ID, country_code="US", created_at_gte="2023-01-01T00:00:00Z", updated_at_lte="2024-01-01"
        ),
        "GET",
        P + "/autoresp_configs?country_code=US&created_at%5Bgte%5D=2023-01-01T00%3A00%3A00Z"
        "&updated_at%5Blte%5D=2024-01-01",
        None,
        {"data": [AUTORESP], "meta": meta()},
        Page([AUTORESP], meta()),
    ),
    (
        "autoresp_configs.create",
        lambda c: c.messaging_profiles.autoresp_configs.create(
            PROFILE_ID, op="start", keywords=["START", "YES"], country_code="US", resp_text="Welcome!"
        ),
        "POST",
        P + "/autoresp_configs",
        {"op": "start", "keywords": ["START", "YES"], "country_code": "US", "resp_text": "Welcome!"},
        {"data": AUTORESP},
        AUTORESP,
    ),
    (
        "autoresp_configs.retrieve",
        lambda c: c.messaging_profiles.autoresp_configs.retrieve(AUTORESP_ID, profile_id=PROFILE_ID),
        "GET",
        P + f"/autoresp_configs/{AUTORESP_ID}",
        None,
        {"data": AUTORESP},
        AUTORESP,
    ),
    (
        "autoresp_configs.update",
        lambda c: c.messaging_profiles.autoresp_configs.update(
            AUTORESP_ID, profile_id=PROFILE_ID, op="stop", keywords=["STOP"], country_code="*"
        ),
        "PUT",
        P + f"/autoresp_configs/{AUTORESP_ID}",
        {"op": "stop", "keywords": ["STOP"], "country_code": "*"},
        {"data": AUTORESP},
        AUTORESP,
    ),
    (
        "autoresp_configs.delete",
        lambda c: c.messaging_profiles.autoresp_configs.delete(AUTORESP_ID, profile_id=PROFILE_ID),
        "DELETE",
        P + f"/autoresp_configs/{AUTORESP_ID}",
        None,
        "OK",
        "OK",
    ),
    (
        "short_codes.list_page",
        lambda c: c.short_codes.list_page(filter_messaging_profile_id="null", page_number=1, page_size=20),
        "GET",
        "/short_codes?filter%5Bmessaging_profile_id%5D=null&page%5Bnumber%5D=1&page%5Bsize%5D=20",
        None,
        {"data": [SHORT_CODE], "meta": meta()},
        Page([SHORT_CODE], meta()),
    ),
    ("short_codes.retrieve", lambda c: c.short_codes.retrieve(SHORT_CODE_ID), "GET",
     f"/short_codes/{SHORT_CODE_ID}", None, {"data": SHORT_CODE}, SHORT_CODE),
    (
        "short_codes.update assigns with tags",
        lambda c: c.short_codes.update(SHORT_CODE_ID, messaging_profile_id=PROFILE_ID, tags=["a", "b"]),
        "PATCH",
        f"/short_codes/{SHORT_CODE_ID}",
        {"messaging_profile_id": PROFILE_ID, "tags": ["a", "b"]},
        {"data": SHORT_CODE},
        SHORT_CODE,
    ),
    (
        "short_codes.update unassigns with None",
        lambda c: c.short_codes.update(SHORT_CODE_ID, messaging_profile_id=None),
        "PATCH",
        f"/short_codes/{SHORT_CODE_ID}",
        {"messaging_profile_id": None},
        {"data": SHORT_CODE},
        SHORT_CODE,
    ),
    (
        "short_codes.update unassigns with empty string",
        lambda c: c.short_codes.update(SHORT_CODE_ID, messaging_profile_id=""),
        "PATCH",
        f"/short_codes/{SHORT_CODE_ID}",
        {"messaging_profile_id": ""},
        {"data": SHORT_CODE},
        SHORT_CODE,
    ),
    (
        "messaging_profile_metrics.list",
        lambda c: c.messaging_profile_metrics.list(time_frame="1h"),
        "GET",
        "/messaging_profile_metrics?time_frame=1h",
        None,
        {"data": [METRICS], "meta": meta()},
        Page([METRICS], meta()),
    ),
]


@pytest.mark.parametrize("name,call,method,target,body,response,expected", CASES, ids=[c[0] for c in CASES])
def test_operation(server, client, name, call, method, target, body, response, expected):
    server.reply(200, response)
    result = call(client)
    assert result == expected
    assert len(server.requests) == 1
    req = server.last
    assert req.method == method
    assert req.target == target
    assert req.headers["authorization"] == f"Bearer {API_KEY}"
    assert req.headers["accept"] == "application/json"
    assert req.headers["user-agent"].startswith("telnyx-messaging")
    if body is None:
        assert req.body == b""
        assert "content-type" not in req.headers
    else:
        assert req.headers["content-type"] == "application/json"
        assert req.json == body


def test_every_list_has_an_iterator_over_all_pages(server, client):
    """The lazy variants of the list operations reach the same endpoints."""
    calls = [
        (lambda: client.messaging_profiles.list(page_size=2), "/messaging_profiles?page%5Bsize%5D=2&page%5Bnumber%5D=1"),
        (lambda: client.messaging_profiles.list_phone_numbers(PROFILE_ID), P + "/phone_numbers?page%5Bsize%5D=250&page%5Bnumber%5D=1"),
        (lambda: client.messaging_profiles.list_short_codes(PROFILE_ID), P + "/short_codes?page%5Bsize%5D=250&page%5Bnumber%5D=1"),
        (lambda: client.messaging_profiles.list_alphanumeric_sender_ids(PROFILE_ID),
         P + "/alphanumeric_sender_ids?page%5Bsize%5D=250&page%5Bnumber%5D=1"),
        (lambda: client.short_codes.list(filter_messaging_profile_id=PROFILE_ID),
         f"/short_codes?filter%5Bmessaging_profile_id%5D={PROFILE_ID}&page%5Bsize%5D=250&page%5Bnumber%5D=1"),
    ]
    for make, target in calls:
        server.requests.clear()
        server.reply(200, {"data": [{"id": "x"}], "meta": meta(1, 1)})
        items = list(make())
        assert [i["id"] for i in items] == ["x"]
        assert [r.target for r in server.requests] == [target]


def test_update_sends_null_for_none_and_leaves_out_omitted(server, client):
    server.reply(200, {"data": PROFILE})
    client.messaging_profiles.update(
        PROFILE_ID,
        webhook_url=None,
        webhook_failover_url=None,
        alpha_sender=None,
        number_pool_settings=None,
        url_shortener_settings=None,
        ai_assistant_id=None,
    )
    assert server.last.json == {
        "webhook_url": None,
        "webhook_failover_url": None,
        "alpha_sender": None,
        "number_pool_settings": None,
        "url_shortener_settings": None,
        "ai_assistant_id": None,
    }
    client.messaging_profiles.update(PROFILE_ID)
    assert server.last.json == {}
    client.messaging_profiles.update(PROFILE_ID, webhook_url="https://e.com/h", whitelisted_destinations=["*"])
    assert server.last.json == {"webhook_url": "https://e.com/h", "whitelisted_destinations": ["*"]}


def test_results_are_plain_dicts_with_unknown_fields_and_nulls_kept(server, client):
    server.reply(200, {"data": PROFILE})
    p = client.messaging_profiles.retrieve(PROFILE_ID)
    assert isinstance(p, dict) and p == PROFILE and json.loads(json.dumps(p)) == PROFILE
    assert p["a_field_from_the_future"] == {"nested": [1, "two"]}
    assert "webhook_failover_url" in p and p["webhook_failover_url"] is None
    assert p["v1_secret"] == PROFILE["v1_secret"]
    assert p["daily_spend_limit"] == "100.00"


def test_v1_secret_is_redacted_in_repr_but_readable(server, client):
    """repr()/str() of a result, of a nested result and of a page never show v1_secret; the
    value is still there by key and in json.dumps (issue 11, item 12)."""
    secret = PROFILE["v1_secret"]
    server.reply(200, {"data": PROFILE})
    p = client.messaging_profiles.retrieve(PROFILE_ID)
    for text in (repr(p), str(p), f"{p}", repr(p.copy()), repr([p]), repr({"outer": p})):
        assert secret not in text and "'v1_secret': '[redacted]'" in text
    assert repr(p).startswith("{'id': '3fa85f64")
    assert p["v1_secret"] == secret and p.get("v1_secret") == secret and json.loads(json.dumps(p)) == PROFILE
    server.reply(200, {"data": [PROFILE, PROFILE], "meta": {"page_number": 1, "page_size": 2, "total_pages": 1,
                                                           "total_results": 2}})
    page = client.messaging_profiles.list_page()
    items = list(client.messaging_profiles.list())
    for text in (repr(page), repr(page.data), str(page.data[1]), repr(items)):
        assert secret not in text
    assert [i["v1_secret"] for i in items] == [secret, secret]
    server.reply(200, {"data": {"id": "x", "nested": {"v1_secret": "inner-s3cret"}}})
    r = client.messaging_profiles.regenerate_secret("x")
    assert "inner-s3cret" not in repr(r) and r["nested"]["v1_secret"] == "inner-s3cret"
