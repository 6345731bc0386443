"""What both Python bench drivers share (bench.py must not differ from raw.py in how it times,
and raw.py must not import the package): peak RSS and the warm-up-then-timed-runs loop."""

import time
from typing import Callable, List, Tuple


def hwm_kib() -> int:
    """Peak resident set size of this process (VmHWM), in KiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def timed_runs(run: Callable[[], int], runs: int) -> Tuple[List[float], int]:
    """One warm-up run, then `runs` timed ones (ms); each must see as many items as the warm-up."""
    times: List[float] = []
    items = 0
    for i in range(runs + 1):
        start = time.perf_counter()
        seen = run()
        elapsed = (time.perf_counter() - start) * 1000.0
        if i > 0:
            times.append(elapsed)
            if seen != items:
                raise SystemExit(f"run {i} saw {seen} items, the warm-up {items}")
        items = seen
    return times, items
