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
    """The server holds every request until all 8 have arrived: that happens only if 8 calls are
    in flight at once (ctypes releases the GIL during each C call). Calls made one after the
    other would leave the first request waiting alone; the barrier then breaks after 10 s and
    every request is answered 500."""
    arrived = threading.Barrier(THREADS, timeout=10)

    def route(req):
        try:
            arrived.wait()
        except threading.BrokenBarrierError:
            return 500, {"errors": [{"title": "not all requests arrived together"}]}, {}
        return 200, {"data": {"id": "x"}}, {}

    server.route(route)
    with Client(api_key=API_KEY, base_url=server.url, max_retries=0, timeout=30) as c:
        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(lambda _: c.messaging_profiles.retrieve("x"), range(THREADS)))
    assert results == [{"id": "x"}] * THREADS
    assert len(server.requests) == THREADS


def test_close_while_other_threads_call(server):
    """Closing while calls run never frees the handle under them: running calls finish, later
    ones raise TelnyxError."""
    server.route(lambda req: (time.sleep(0.05), (200, {"data": {"id": "x"}}, {}))[1])
    c = Client(api_key=API_KEY, base_url=server.url, max_retries=0)
    outcomes = []
    first_ok = threading.Event()

    def worker():
        for _ in range(20):
            try:
                c.messaging_profiles.retrieve("x")
                outcomes.append("ok")
                first_ok.set()
            except tm.TelnyxError as e:
                assert "closed" in str(e)
                outcomes.append("closed")

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    assert first_ok.wait(30)  # close once calls are known to work, long before 20 x 50 ms end
    c.close()
    for t in threads:
        t.join()
    assert "ok" in outcomes and "closed" in outcomes
