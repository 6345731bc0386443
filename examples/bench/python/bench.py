"""The benchmark scenarios through the Python binding (run by examples/bench).

usage: python3 bench.py <list250|list20|create|retrieve|iter100k> <base_url> <runs>

One client for the whole process: one warm-up run, then <runs> timed runs. Prints one JSON
line: {"times_ms": [...], "items": N, "hwm_kib": N, "import_ms": X}, where import_ms is the
time to import the package and build a client (measured first, in a fresh interpreter).
"""

import time

_started = time.perf_counter()
import telnyx_messaging  # noqa: E402

_client = telnyx_messaging.Client(api_key="KEY_MOCK_0123456789ABCDEF", base_url="http://127.0.0.1:9/v2", proxy="none")
IMPORT_MS = (time.perf_counter() - _started) * 1000.0
_client.close()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

from timing import hwm_kib, timed_runs  # noqa: E402

SINGLE_CALLS = 1000


def run(client: telnyx_messaging.Client, scenario: str) -> int:
    profiles = client.messaging_profiles
    seen = 0
    checksum = 0
    if scenario in ("list250", "list20", "iter100k"):
        for profile in profiles.list(page_size=20 if scenario == "list20" else 250):
            checksum += len(profile["name"])
            seen += 1
    elif scenario == "create":
        for k in range(SINGLE_CALLS):
            profile = profiles.create(name=f"bench {k}", whitelisted_destinations=["US", "CA"])
            checksum += len(profile["name"])
            seen += 1
    elif scenario == "retrieve":
        ids = os.environ["BENCH_IDS"].split(",")
        for k in range(SINGLE_CALLS):
            profile = profiles.retrieve(ids[k % len(ids)])
            checksum += len(profile["name"])
            seen += 1
    else:
        raise SystemExit(f"unknown scenario {scenario}")
    return seen


def main() -> None:
    scenario, base_url, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with telnyx_messaging.Client(api_key="KEY_MOCK_0123456789ABCDEF", base_url=base_url, proxy="none") as client:
        times, items = timed_runs(lambda: run(client, scenario), runs)
    print(json.dumps({"times_ms": times, "items": items, "hwm_kib": hwm_kib(), "import_ms": IMPORT_MS}))


if __name__ == "__main__":
    main()
