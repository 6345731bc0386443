"""Contract: the scenarios of tests/contract/scenarios.json, which every language's contract
suite runs, through the Python binding against the Prism mock server serving the official
OpenAPI definition, behind the one recording proxy of the suites (``telnyx-contract-proxy``, see
tests/contract/proxy_bin.rs). The proxy also serves the definition's operations and checks each
outcome and the requests it recorded with the shared checker; a failure shows the wire with
Prism's ``sl-violations``.

Opt in with ``--contract`` (marker ``contract``); it needs ``TELNYX_CONTRACT_PROXY_URL``
(``tests/run-all.sh`` starts Prism and the proxy, sets it and passes ``--contract``). Opted in
without it, these tests fail rather than pass unchecked.
"""

import json
import os
import urllib.request
import uuid
from pathlib import Path

import pytest

import telnyx_messaging as tm

pytestmark = pytest.mark.contract

PROXY = os.environ.get("TELNYX_CONTRACT_PROXY_URL", "").strip().rstrip("/")
SCENARIOS = json.loads((Path(__file__).resolve().parents[3] / "tests/contract/scenarios.json").read_text())["scenarios"]


def _proxy(path, body=None):
    if not PROXY:
        pytest.fail("TELNYX_CONTRACT_PROXY_URL is not set: run the suite through `bash tests/run-all.sh`, which "
                    "starts Prism and the contract proxy (cargo run --features contract --bin telnyx-contract-proxy)")
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(PROXY + path, data=data), timeout=30) as answer:
        return json.load(answer)


def _call(client, call, args):
    """The scenario's call through the Python API; a list_all call gives the items it yielded."""
    mp, ac, sc = client.messaging_profiles, client.messaging_profiles.autoresp_configs, client.short_codes
    i, cfg, p = args.get("id"), args.get("config_id"), args.get("params") or {}
    return {
        "messaging_profiles_list": lambda: mp.list_page(**p),
        "messaging_profiles_list_all": lambda: mp.list(**p),
        "messaging_profiles_create": lambda: mp.create(**p),
        "messaging_profiles_retrieve": lambda: mp.retrieve(i),
        "messaging_profiles_update": lambda: mp.update(i, **p),
        "messaging_profiles_delete": lambda: mp.delete(i),
        "messaging_profiles_regenerate_secret": lambda: mp.regenerate_secret(i),
        "messaging_profiles_list_phone_numbers": lambda: mp.list_phone_numbers_page(i, **p),
        "messaging_profiles_list_all_phone_numbers": lambda: mp.list_phone_numbers(i, **p),
        "messaging_profiles_list_short_codes": lambda: mp.list_short_codes_page(i, **p),
        "messaging_profiles_list_all_short_codes": lambda: mp.list_short_codes(i, **p),
        "messaging_profiles_list_alphanumeric_sender_ids": lambda: mp.list_alphanumeric_sender_ids_page(i, **p),
        "messaging_profiles_list_all_alphanumeric_sender_ids": lambda: mp.list_alphanumeric_sender_ids(i, **p),
        "messaging_profiles_retrieve_metrics": lambda: mp.retrieve_metrics(i, **p),
        "messaging_profile_metrics_list": lambda: client.messaging_profile_metrics.list(**p),
        "messaging_profiles_autoresp_configs_list": lambda: ac.list(i, **p),
        "messaging_profiles_autoresp_configs_create": lambda: ac.create(i, **p),
        "messaging_profiles_autoresp_configs_retrieve": lambda: ac.retrieve(cfg, profile_id=i),
        "messaging_profiles_autoresp_configs_update": lambda: ac.update(cfg, profile_id=i, **p),
        "messaging_profiles_autoresp_configs_delete": lambda: ac.delete(cfg, profile_id=i),
        "short_codes_list": lambda: sc.list_page(**p),
        "short_codes_list_all": lambda: sc.list(**p),
        "short_codes_retrieve": lambda: sc.retrieve(i),
        "short_codes_update": lambda: sc.update(i, **p),
    }[call]()


def _outcome(client, scenario):
    """{"result": ..., "error": None | {kind, status, message, errors}}; an iterator must end after its error."""
    iterator = "_list_all" in scenario["call"]
    outcome, value = {"result": [] if iterator else None, "error": None}, None
    try:
        value = _call(client, scenario["call"], scenario["args"])
        if iterator:
            for item in value:
                outcome["result"].append(item)
                if len(outcome["result"]) >= 50:
                    break
        else:
            outcome["result"] = {"data": value.data, "meta": value.meta} if isinstance(value, tm.Page) else value
    except tm.TelnyxError as e:
        outcome["error"] = {"kind": e.kind_name, "status": e.status_code, "message": e.message, "errors": e.errors,
                            "retry_after_ms": None if e.retry_after is None else round(e.retry_after * 1000)}
        if value is not None and next(value, None) is not None:
            outcome["error"] = {"kind": "went on after its error"}
    return outcome


def test_scenarios_cover_every_operation():
    operations = _proxy("/__contract/operations")
    assert len(operations) == 19, operations
    assert {s["operation"] for s in SCENARIOS} == {o["operation_id"] for o in operations}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(scenario):
    _proxy("/__contract/operations")  # fails without the proxy
    session, options = uuid.uuid4().hex, scenario.get("options", {})
    headers = {"Prefer": f"code={options['prefer']}"} if "prefer" in options else None
    with tm.Client(api_key="KEYcontract", base_url=f"{PROXY}/s/{session}", max_retries=options.get("max_retries", 0),
                   timeout=30, default_headers=headers) as client:
        outcome = _outcome(client, scenario)
    failures = _proxy(f"/__contract/check/{session}", {"scenario": scenario["name"], "outcome": outcome})["failures"]
    assert not failures, "\n".join(failures)
