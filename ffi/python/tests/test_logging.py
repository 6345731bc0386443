"""Records of the C library in Python's logging: a call retried once, a failed call, and no
secret in any record at any level."""

import logging
import os
import subprocess
import sys

import telnyx_messaging as tm
from telnyx_messaging.mock import API_KEY, MockServer

MISSING = "00000000-0000-0000-0000-000000000000"


def test_a_retried_call_and_a_failed_call_are_logged_without_secrets(caplog):
    caplog.set_level(5, logger="telnyx_messaging")
    # Requests 2, 4, ... get a 503: the retrieve (request 2) is retried once.
    with MockServer(fault_every=2, fault="status:503") as mock, \
            tm.Client(api_key=API_KEY, base_url=mock.base_url) as client:
        profile_id = client.messaging_profiles.list_page().data[0]["id"]
        secret = client.messaging_profiles.retrieve(profile_id)["v1_secret"]
        try:
            client.messaging_profiles.retrieve(MISSING)
        except tm.NotFoundError:
            pass
    records = [r for r in caplog.records if r.name == "telnyx_messaging"]
    line = f"GET /messaging_profiles/{profile_id}"
    debug = [r.getMessage() for r in records if r.levelno == logging.DEBUG and r.getMessage().startswith(line + " ")]
    assert len(debug) == 2, debug
    assert debug[0].startswith(f"{line} -> 503 in ") and "(attempt 1, request id " in debug[0]
    assert debug[1].startswith(f"{line} -> 200 in ") and "(attempt 2, request id mock-" in debug[1]
    info = [r.getMessage() for r in records if r.levelno == logging.INFO and r.getMessage().startswith(line)]
    assert len(info) == 1 and info[0].startswith(f"{line}: retrying in ") and info[0].endswith("(attempt 1 failed)")
    warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith(f"GET /messaging_profiles/{MISSING} failed: API error 404")
    bodies = [r.getMessage() for r in records if r.levelno == 5]
    assert any('"v1_secret":"[redacted]"' in m for m in bodies)
    for r in records:
        assert API_KEY not in r.getMessage() and secret not in r.getMessage(), r.getMessage()


def test_telnyx_log_writes_debug_records_to_stderr():
    code = (
        "import telnyx_messaging as tm\n"
        "from telnyx_messaging.mock import API_KEY, MockServer\n"
        "with MockServer() as m, tm.Client(api_key=API_KEY, base_url=m.base_url) as c:\n"
        "    c.messaging_profiles.list_page()\n"
    )
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(tm.__file__)))
    env = dict(os.environ, TELNYX_LOG="debug", PYTHONPATH=package_parent)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "telnyx_messaging DEBUG: GET /messaging_profiles -> 200 in " in done.stderr, done.stderr
    assert API_KEY not in done.stderr
