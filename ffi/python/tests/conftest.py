"""Local mock HTTP servers that record every request. Nothing reaches the internet: every
server listens on 127.0.0.1 with a port chosen by the OS, and every one is stopped by its
fixture."""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple, Union
from urllib.parse import unquote

import pytest

# Make the package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Keep the environment from leaking into tests.
for _var in ("TELNYX_API_KEY", "TELNYX_BASE_URL", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY",
             "https_proxy", "http_proxy", "all_proxy"):
    os.environ.pop(_var, None)

API_KEY = "KEYtest_123"


def pytest_addoption(parser):
    parser.addoption("--contract", action="store_true",
                     help="also run the contract suite (marker 'contract') against the Prism mock server through "
                          "telnyx-contract-proxy at TELNYX_CONTRACT_PROXY_URL (tests/run-all.sh starts both)")


def pytest_configure(config):
    config.addinivalue_line("markers", "contract: needs the Prism mock server; runs only with --contract")


def pytest_report_header(config):
    if not config.getoption("--contract"):
        return ("contract suite: deselected (opt in with --contract and TELNYX_CONTRACT_PROXY_URL, "
                "as tests/run-all.sh does)")
    return None


def pytest_collection_modifyitems(config, items):
    """Without --contract the contract tests are deselected, which pytest reports as such."""
    if config.getoption("--contract"):
        return
    contract = [item for item in items if item.get_closest_marker("contract")]
    if contract:
        config.hook.pytest_deselected(items=contract)
        items[:] = [item for item in items if not item.get_closest_marker("contract")]


@dataclass
class Recorded:
    method: str
    target: str  # path with the raw (percent-encoded) query
    headers: Dict[str, str]  # lower-cased names
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


Reply = Tuple[int, Any, Dict[str, str]]  # status, body (dict/list/str JSON, or bytes raw), headers


@dataclass
class MockServer:
    url: str
    requests: List[Recorded] = field(default_factory=list)
    handler: Optional[Callable[[Recorded], Reply]] = None
    record: bool = True  # off for long runs (the memory test)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reply(self, status: int = 200, body: Any = None, headers: Optional[Dict[str, str]] = None) -> None:
        """Answer every request with this."""
        self.handler = lambda req: (status, body, headers or {})

    def route(self, fn: Callable[[Recorded], Reply]) -> None:
        self.handler = fn

    @property
    def last(self) -> Recorded:
        return self.requests[-1]


def read_body(handler: BaseHTTPRequestHandler) -> bytes:
    """The request body, by Content-Length or chunked (the client sends a body-less POST as
    `Transfer-Encoding: chunked` with one empty chunk)."""
    if "chunked" in (handler.headers.get("Transfer-Encoding") or "").lower():
        out = b""
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return out
            out += handler.rfile.read(size)
            handler.rfile.readline()  # CRLF after the chunk
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the client reuses connections
    timeout = 10  # idle keep-alive connections end on their own

    def log_message(self, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        # Answer at once: without this, Nagle's algorithm and the client's delayed ACK add
        # ~40 ms to each response sent in two writes (headers, then body).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.conn_lock:  # type: ignore[attr-defined]
            self.server.conns.add(self.connection)  # type: ignore[attr-defined]

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.conn_lock:  # type: ignore[attr-defined]
                self.server.conns.discard(self.connection)  # type: ignore[attr-defined]

    def _handle(self) -> None:
        body = read_body(self)
        rec = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        mock: MockServer = self.server.mock  # type: ignore[attr-defined]
        if mock.record:
            with mock.lock:
                mock.requests.append(rec)
        if mock.handler is None:
            status, payload, headers = 404, {"errors": [{"code": "10005", "title": "Not found"}]}, {}
        else:
            status, payload, headers = mock.handler(rec)
        if isinstance(payload, bytes):
            data = payload
        elif payload is None:
            data = b""
        else:
            data = json.dumps(payload).encode()
        self.send_response(status)
        if payload is not None and not isinstance(payload, bytes):
            self.send_header("Content-Type", "application/json")
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self._headers_buffer.append(b"\r\n")  # end_headers() without its flush: one write
        self._headers_buffer.append(data)
        self.flush_headers()

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle


def _start_server() -> Tuple[ThreadingHTTPServer, threading.Thread, MockServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.conns = set()  # type: ignore[attr-defined]
    httpd.conn_lock = threading.Lock()  # type: ignore[attr-defined]
    host, port = httpd.server_address[:2]
    mock = MockServer(url=f"http://{host}:{port}")
    httpd.mock = mock  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return httpd, thread, mock


def _stop_server(httpd: ThreadingHTTPServer, thread: threading.Thread) -> None:
    httpd.shutdown()
    httpd.server_close()
    with httpd.conn_lock:  # type: ignore[attr-defined]
        conns = list(httpd.conns)  # type: ignore[attr-defined]
    for c in conns:  # end idle keep-alive connections
        try:
            c.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    thread.join(5)


@pytest.fixture
def server():
    httpd, thread, mock = _start_server()
    try:
        yield mock
    finally:
        _stop_server(httpd, thread)


@pytest.fixture
def client(server):
    from telnyx_messaging import Client

    c = Client(api_key=API_KEY, base_url=server.url, max_retries=0, timeout=5)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def silent_port():
    """A port that accepts TCP connections (the kernel completes the handshake) but never
    reads or answers."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    try:
        yield s.getsockname()[1]
    finally:
        s.close()


@pytest.fixture
def closed_port():
    """A port nobody listens on: connections are refused."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
