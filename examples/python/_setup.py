"""Shared by the examples: finds the package in a checkout (ffi/python on sys.path when
telnyx_messaging is not installed) and, when TELNYX_API_KEY is not set, starts a small
built-in mock server on 127.0.0.1 and points TELNYX_BASE_URL at it, so that every example
runs offline. With TELNYX_API_KEY set, the examples talk to TELNYX_BASE_URL or the real API."""

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

try:
    import telnyx_messaging  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ffi" / "python"))

MISSING_ID = "00000000-0000-0000-0000-000000000000"


def _profile(n):
    return {"id": f"3fa85f64-5717-4562-b3fc-{n:012d}", "record_type": "messaging_profile",
            "name": f"Profile {n}", "enabled": True, "webhook_url": "https://example.com/hooks",
            "whitelisted_destinations": ["US"]}


class _Mock(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null") if length else None
        if url.path.endswith(MISSING_ID):
            status, out = 404, {"errors": [{"code": "10005", "title": "Resource not found",
                                            "detail": "The requested resource was not found."}]}
        elif self.command == "GET" and url.path == "/messaging_profiles":
            q = parse_qs(url.query)
            n, size = int(q.get("page[number]", ["1"])[0]), int(q.get("page[size]", ["20"])[0])
            total = 120
            items = [_profile(i) for i in range((n - 1) * size + 1, min(n * size, total) + 1)]
            pages = max(1, -(-total // size))
            status, out = 200, {"data": items, "meta": {"page_number": n, "page_size": size,
                                                        "total_pages": pages, "total_results": total}}
        else:
            profile = _profile(1)
            profile.update(body or {})
            status, out = 200, {"data": profile}
        data = json.dumps(out).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = _answer


if not os.environ.get("TELNYX_API_KEY"):
    _server = ThreadingHTTPServer(("127.0.0.1", 0), _Mock)
    _server.daemon_threads = True
    threading.Thread(target=_server.serve_forever, daemon=True).start()
    os.environ["TELNYX_API_KEY"] = "KEYoffline"
    os.environ["TELNYX_BASE_URL"] = f"http://127.0.0.1:{_server.server_address[1]}"
    print(f"(TELNYX_API_KEY is not set: using a built-in mock server at {os.environ['TELNYX_BASE_URL']})")
