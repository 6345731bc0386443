"""The examples in examples/python: against a recording server with a key, and offline against the
library's mock without one."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs

import pytest

import telnyx_messaging as tm

from fixtures import PROFILE, PROFILE_ID, meta, profile

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"


def route(req):
    if req.method == "GET" and req.path == "/messaging_profiles":
        q = parse_qs(req.query)
        n = int(q.get("page[number]", ["1"])[0])
        return 200, {"data": [profile(n * 10 + i) for i in range(2)], "meta": meta(n, 2, 2)}, {}
    if req.path.endswith("/00000000-0000-0000-0000-000000000000"):
        return 404, {"errors": [{"code": "10005", "title": "Resource not found"}]}, {"x-request-id": "r1"}
    if req.method in ("POST", "PATCH", "GET"):
        body = dict(PROFILE)
        body.update(req.json or {})
        return 200, {"data": body}, {}
    return 404, None, {}


def run(server, name, *args):
    env = dict(os.environ, TELNYX_API_KEY="KEYexample", TELNYX_BASE_URL=server.url,
               TELNYX_MESSAGING_LIB=tm.library_path, PYTHONPATH="")
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], env=env, capture_output=True,
                          text=True, timeout=60)


def test_examples(server):
    server.route(route)
    r = run(server, "list_profiles.py")
    assert r.returncode == 0, r.stderr
    assert "4 profile(s)" in r.stdout and "page 1 of 2" in r.stdout

    r = run(server, "create_profile.py", "Mine")
    assert r.returncode == 0, r.stderr
    assert "created" in r.stdout and server.last.json["name"] == "Mine"

    r = run(server, "update_with_null.py", PROFILE_ID, "New name")
    assert r.returncode == 0, r.stderr
    assert server.last.method == "PATCH" and server.last.json == {"name": "New name", "webhook_url": None}
    assert "webhook_url=None" in r.stdout

    r = run(server, "error_handling.py")
    assert r.returncode == 0, r.stderr
    assert "HTTP 404" in r.stdout and "request id r1" in r.stdout and "refused before sending" in r.stdout and "with_options: " in r.stdout


# What each example prints offline, against the library's mock (telnyx_messaging.mock) and its
# seeded data.
OFFLINE = {
    "list_profiles.py": ["'Alerts (US)'  enabled=True", "'Staging (disabled)'  enabled=False", "7 profile(s)",
                         "first page: 7 item(s), page 1 of 1, 7 in all"],
    "create_profile.py": ["'Example profile'"],
    "update_with_null.py": ["name='Alerts (US)' webhook_url='https://hooks.example.com/telnyx/alerts'",
                            "name='Renamed profile' webhook_url=None"],
    "error_handling.py": ["(HTTP 404, request id mock-00000001)", "rate limited (HTTP 429); retry in 1.0 s",
                          "with_options: 2 profile(s) on page 1", "refused before sending: "],
}


@pytest.mark.parametrize("name", sorted(OFFLINE))
def test_examples_run_offline_without_an_api_key(name):
    env = {k: v for k, v in os.environ.items() if k not in ("TELNYX_API_KEY", "TELNYX_BASE_URL")}
    env.update(TELNYX_MESSAGING_LIB=tm.library_path, PYTHONPATH="")
    r = subprocess.run([sys.executable, str(EXAMPLES / name)], env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert "built-in mock server at http://127.0.0.1:" in r.stdout
    for line in OFFLINE[name]:
        assert line in r.stdout, r.stdout
