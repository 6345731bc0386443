"""One client shared by 8 threads; calls release the GIL and run concurrently."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import telnyx_messaging as tm
from telnyx_messaging import Client

from conftest import API_KEY

THREADS = 8


def test_eight_threads_share_one_client(server, client):
    def route(req):
        pid = req.path.rsplit("/", 1)[1]
        if pid.startswith("missing"):
            return 404, {"errors": [{"code": "10005", "title": "Not found"}]}, {}
        return 200, {"data": {"id": pid, "name": pid}}, {}

    server.route(route)

    def work(t):
        seen = []
        for i in range(40):
            pid = f"t{t}-{i}"
            assert client.messaging_profiles.retrieve(pid) == {"id": pid, "name": pid}
            seen.append(pid)
            if i % 10 == 0:
                try:
                    client.messaging_profiles.retrieve(f"missing-{t}-{i}")
                except tm.NotFoundError as e:
                    assert e.status_code == 404
                else:
                    raise AssertionError("expected NotFoundError")
        return seen

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(work, range(THREADS)))
    assert sum(len(r) for r in results) == THREADS * 40
    assert len(server.requests) == THREADS * (40 + 4)


def test_calls_run_in_parallel(server):
    """A server that takes 0.3 s per answer: 8 concurrent calls take about 0.3 s, not 2.4 s,
    because ctypes releases the GIL during each C call."""
    server.route(lambda req: (time.sleep(0.3), (200, {"data": {"id": "x"}}, {}))[1])
    with Client(api_key=API_KEY, base_url=server.url, max_retries=0) as c:
        barrier = threading.Barrier(THREADS)

        def one(_):
            barrier.wait()
            return c.messaging_profiles.retrieve("x")

        start = time.monotonic()
        with ThreadPoolExecutor(THREADS) as pool:
            assert list(pool.map(one, range(THREADS))) == [{"id": "x"}] * THREADS
        elapsed = time.monotonic() - start
    assert elapsed < 1.5, f"8 calls of 0.3 s took {elapsed:.2f} s: not concurrent"


def test_close_while_other_threads_call(server):
    """Closing while calls run never frees the handle under them: running calls finish, later
    ones raise TelnyxError."""
    server.route(lambda req: (time.sleep(0.05), (200, {"data": {"id": "x"}}, {}))[1])
    c = Client(api_key=API_KEY, base_url=server.url, max_retries=0)
    outcomes = []

    def worker():
        for _ in range(20):
            try:
                c.messaging_profiles.retrieve("x")
                outcomes.append("ok")
            except tm.TelnyxError as e:
                assert "closed" in str(e)
                outcomes.append("closed")

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    c.close()
    for t in threads:
        t.join()
    assert "ok" in outcomes and "closed" in outcomes
