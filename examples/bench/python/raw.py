"""The benchmark scenarios as a Python program could do them by hand: `http.client` on one
keep-alive connection and `json.loads`, the same requests and headers as the binding (run by
examples/bench; the target of the Python binding is to be no slower than this).

usage: python3 raw.py <list250|list20|create|retrieve|iter100k> <base_url> <runs>

One connection for the whole process: one warm-up run, then <runs> timed runs. Prints one JSON
line: {"times_ms": [...], "items": N, "hwm_kib": N}.
"""

import http.client
import json
import os
import sys
import urllib.parse

from timing import hwm_kib, timed_runs

API_KEY = "KEY_MOCK_0123456789ABCDEF"
SINGLE_CALLS = 1000
HEADERS = {
    "authorization": f"Bearer {API_KEY}",
    "accept": "application/json",
    "user-agent": "telnyx-messaging-rust/0.1.0",
}


class Raw:
    def __init__(self, base_url: str) -> None:
        url = urllib.parse.urlsplit(base_url)
        self.conn = http.client.HTTPConnection(url.hostname, url.port)
        self.prefix = url.path.rstrip("/")

    def call(self, method: str, path: str, body=None):
        headers = dict(HEADERS)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["content-type"] = "application/json"
        self.conn.request(method, self.prefix + path, body=data, headers=headers)
        response = self.conn.getresponse()
        text = response.read()
        if not 200 <= response.status < 300:
            raise SystemExit(f"HTTP {response.status}: {text[:200]!r}")
        return json.loads(text)


def run(raw: Raw, scenario: str) -> int:
    seen = 0
    checksum = 0
    if scenario in ("list250", "list20", "iter100k"):
        size = 20 if scenario == "list20" else 250
        number = 1
        while True:
            page = raw.call("GET", f"/messaging_profiles?page%5Bsize%5D={size}&page%5Bnumber%5D={number}")
            data = page["data"]
            for profile in data:
                checksum += len(profile["name"])
            seen += len(data)
            if not data or number >= page["meta"]["total_pages"]:
                break
            number += 1
    elif scenario == "create":
        for k in range(SINGLE_CALLS):
            body = {"name": f"bench {k}", "whitelisted_destinations": ["US", "CA"]}
            checksum += len(raw.call("POST", "/messaging_profiles", body)["data"]["name"])
            seen += 1
    elif scenario == "retrieve":
        ids = os.environ["BENCH_IDS"].split(",")
        for k in range(SINGLE_CALLS):
            checksum += len(raw.call("GET", f"/messaging_profiles/{ids[k % len(ids)]}")["data"]["name"])
            seen += 1
    else:
        raise SystemExit(f"unknown scenario {scenario}")
    return seen


def main() -> None:
    scenario, base_url, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    raw = Raw(base_url)
    times, items = timed_runs(lambda: run(raw, scenario), runs)
    print(json.dumps({"times_ms": times, "items": items, "hwm_kib": hwm_kib()}))


if __name__ == "__main__":
    main()
