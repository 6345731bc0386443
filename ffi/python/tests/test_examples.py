"""The examples in examples/python run against a mock server."""

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


@pytest.mark.parametrize("name", ["list_profiles.py", "create_profile.py", "update_with_null.py",
                                  "error_handling.py"])
def test_examples_run_offline_without_an_api_key(name):
    env = {k: v for k, v in os.environ.items() if k not in ("TELNYX_API_KEY", "TELNYX_BASE_URL")}
    env.update(TELNYX_MESSAGING_LIB=tm.library_path, PYTHONPATH="")
    r = subprocess.run([sys.executable, str(EXAMPLES / name)], env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert "built-in mock server" in r.stdout
