"""Shared by the examples: finds the package in a checkout (ffi/python on sys.path when
telnyx_messaging is not installed) and, when TELNYX_API_KEY is not set, starts the library's mock
of the API in this process (telnyx_messaging.mock: seven seeded profiles and everything under
them) and points TELNYX_API_KEY and TELNYX_BASE_URL at it, so that every example runs offline.
With TELNYX_API_KEY set, the examples talk to TELNYX_BASE_URL or the real API."""

import os
import sys
from pathlib import Path

try:
    import telnyx_messaging  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ffi" / "python"))

from telnyx_messaging.mock import API_KEY, MockServer

#: The mock server when the examples run offline; None with a real API key.
MOCK = None

if not os.environ.get("TELNYX_API_KEY"):
    MOCK = MockServer()  # stopped when the interpreter exits
    os.environ["TELNYX_API_KEY"] = API_KEY
    os.environ["TELNYX_BASE_URL"] = MOCK.base_url
    # A proxy from the environment must not see requests meant for 127.0.0.1.
    os.environ["NO_PROXY"] = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1"]))
    print(f"(TELNYX_API_KEY is not set: using the built-in mock server at {MOCK.base_url})")
