"""The offline mock of the Telnyx messaging-profile API, for testing your own code.

It is the library's one mock (Rust's ``telnyx_messaging::mock``, the ``telnyx-messaging-mock``
program), served from threads of the C library inside this process: no program to start, no
port to pick. All 19 operations, the same seeded data every time (seven messaging profiles with
phone numbers, short codes, sender IDs, auto-response configs and metrics), stateful creates,
updates and deletes, pagination, filters, validation and the API's error envelope::

    from telnyx_messaging import Client
    from telnyx_messaging.mock import API_KEY, MockServer

    with MockServer(fault_every=3, fault="status:503") as mock, \\
            Client(api_key=API_KEY, base_url=mock.base_url) as client:
        page = client.messaging_profiles.list_page(page_size=5)
        assert page.meta["total_results"] == 7
        assert mock.requests_received == 1

A request with the header ``x-mock-status: 429`` (any 4xx/5xx status) gets that error back.
"""

from __future__ import annotations

import datetime
import threading
from ctypes import byref
from typing import Any, Dict, Optional, Union

from . import _lib
from ._base import _bad, _bad_type, check_text, json_arg, take_error
from ._client import _ms

__all__ = ["MockServer", "API_KEY"]

#: The API key the mock accepts; any other key gets a 401.
API_KEY: str = _lib.lib.telnyx_mock_api_key().decode("ascii")

#: The most profiles ``extra_profiles`` may add (the C library's limit).
MAX_EXTRA_PROFILES = 100_000
#: The longest ``latency`` in seconds (the C library's limit on ``latency_ms``).
MAX_LATENCY = 60.0


def _int(value: Any, what: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _bad_type(f"{what} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise _bad(f"{what} must be from {low} to {high}, got {value!r}")
    return value


def _latency_ms(value: Any) -> int:
    ms = _ms(value, "latency")
    if ms > MAX_LATENCY * 1000:
        raise _bad(f"latency must be from 0 to {MAX_LATENCY:g} seconds, got {value!r}")
    return ms


class MockServer:
    """A running mock of the API on ``127.0.0.1``, started by the constructor and stopped by
    :meth:`close` (or the ``with`` block). Point a :class:`~telnyx_messaging.Client` at it with
    ``api_key=API_KEY, base_url=mock.base_url``.

    ``extra_profiles`` adds that many profiles (``Profile 00001``, ...) after the seeded seven,
    for pagination and load tests (at most 100000). ``latency`` (seconds or a timedelta, at most
    60) is waited before every answer. ``fault_every=N`` makes every N-th request it receives
    (counting from 1) get ``fault`` instead of its answer: ``"status:CODE"`` or
    ``"status:CODE:RETRY_AFTER_S"`` (CODE 400 to 599, with the API's error envelope and
    ``Retry-After``), ``"reset"`` (the connection is closed without an answer) or ``"delay:MS"``
    (the answer comes late, at most 60000 ms); the default fault is ``"status:503"``. ``port`` 0
    (the default) picks a free port.

    A wrong type is an :class:`~telnyx_messaging.InvalidArgumentTypeError`, a bad value an
    :class:`~telnyx_messaging.InvalidArgumentError`, each naming the argument; a port that cannot
    be listened on is a :class:`~telnyx_messaging.ConfigurationError`. Thread-safe.
    """

    def __init__(
        self,
        *,
        extra_profiles: int = 0,
        latency: Union[float, int, datetime.timedelta] = 0.0,
        fault_every: Optional[int] = None,
        fault: Optional[str] = None,
        port: int = 0,
    ) -> None:
        self._ptr: Any = None
        self._lock = threading.Lock()
        self._final = (0, 0)
        options: Dict[str, Any] = {
            "port": _int(port, "port", 0, 65535),
            "extra_profiles": _int(extra_profiles, "extra_profiles", 0, MAX_EXTRA_PROFILES),
            "latency_ms": _latency_ms(latency),
        }
        if fault_every is not None:
            options["fault_every"] = _int(fault_every, "fault_every", 1, 2**64 - 1)
        if fault is not None:
            options["fault"] = check_text(fault, "fault")
            if fault_every is None:
                raise _bad("fault needs fault_every (how often to inject it)")
        out = _lib.MockP()
        err = _lib.lib.telnyx_mock_start(json_arg(options, "mock options"), byref(out))
        if err:
            raise take_error(err)
        self._ptr = out
        url = _lib.lib.telnyx_mock_base_url(out)
        #: The base URL to give a client, like ``http://127.0.0.1:40123/v2``.
        self.base_url: str = url.decode("utf-8") if url else ""

    def _count(self, fn: Any, index: int) -> int:
        with self._lock:
            if not self._ptr:
                return self._final[index]
            return int(fn(self._ptr))

    @property
    def requests_received(self) -> int:
        """How many requests the mock has received so far, faulted ones included (each retry of
        a client counts); after :meth:`close`, how many it had received."""
        return self._count(_lib.lib.telnyx_mock_requests_received, 0)

    @property
    def connections_accepted(self) -> int:
        """How many TCP connections the mock has accepted so far (a client reuses its
        connections); after :meth:`close`, how many it had accepted."""
        return self._count(_lib.lib.telnyx_mock_connections_accepted, 1)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return not self._ptr

    def close(self) -> None:
        """Stops the server and waits for its threads (answers in progress are written first).
        Clients pointed at it get connection errors afterwards. Idempotent."""
        with self._lock:
            ptr, self._ptr = self._ptr, None
            if ptr:
                lib = _lib.lib
                self._final = (int(lib.telnyx_mock_requests_received(ptr)),
                               int(lib.telnyx_mock_connections_accepted(ptr)))
                lib.telnyx_mock_free(ptr)

    def __enter__(self) -> "MockServer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown, or __init__ failed before the lock existed
            pass

    def __repr__(self) -> str:
        return f"<telnyx_messaging.mock.MockServer {self.base_url}{' (closed)' if self.closed else ''}>"
