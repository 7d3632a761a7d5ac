"""`resume-tool serve` under load: 20 concurrent POST /api/check on 2 workers.

    python bench/bench_serve.py [--requests 20] [--workers 2]

Starts the real command (`python -m resume_tool serve`) on 127.0.0.1 and a free port, waits
for it, warms each worker, then sends ``--requests`` checks of examples/resume.pdf against
examples/posting.txt at once (one thread each). Reports: every status, p50 and p95 latency,
both as a ratio to the warm library check of the same file in this process (what one check
costs when nothing else runs), and the peak resident memory of the server and its workers
(summed, sampled from /proc every 50 ms). With 2 workers and 20 requests the ideal p95 is
~10 warm checks (the queue drains two at a time), so p95/warm near 10 means no overhead.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
RESUME = ROOT / "examples" / "resume.pdf"
POSTING = ROOT / "examples" / "posting.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_tree_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total / 1024


def warm_library(runs: int = 5) -> float:
    """Median seconds of one check inside the library, pipeline built and warm."""
    from resume_tool.api import check

    check(RESUME, posting=POSTING)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        check(RESUME, posting=POSTING)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "resume_tool", "serve", "--port", str(port),
                             "--no-open", "--workers", str(args.workers)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, rss_tree_mb(proc.pid))
            time.sleep(0.05)

    files = {"resume": ("resume.pdf", RESUME.read_bytes()),
             "posting_file": ("posting.txt", POSTING.read_bytes())}
    try:
        t_start = time.perf_counter()
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        startup = time.perf_counter() - t_start
        # One client, made before the clock starts (a new httpx client per request costs the
        # client ~50 ms of CPU for its SSL context, on the same cores as the server).
        client = httpx.Client(timeout=300, limits=httpx.Limits(max_connections=args.requests))
        with ThreadPoolExecutor(args.workers) as pool:  # each worker builds its engine
            list(pool.map(lambda _: client.post(f"{url}/api/check", files=files),
                          range(args.workers * 2)))
        seq = []  # one at a time: the server's own overhead, without queueing
        for _ in range(5):
            t0 = time.perf_counter()
            client.post(f"{url}/api/check", files=files)
            seq.append(time.perf_counter() - t0)
        idle = rss_tree_mb(proc.pid)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()

        def one(_: int) -> tuple[int, float]:
            t0 = time.perf_counter()
            r = client.post(f"{url}/api/check", files=files)
            return r.status_code, time.perf_counter() - t0

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.requests) as pool:
            results = list(pool.map(one, range(args.requests)))
        wall = time.perf_counter() - t0
        stop.set()
        sampler.join()
        client.close()
    finally:
        proc.terminate()
        proc.wait(30)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    statuses = [s for s, _ in results]
    lat = [t for _, t in results]
    warm = warm_library()
    p50, p95 = percentile(lat, 0.5), percentile(lat, 0.95)
    ok = statuses.count(200)
    lines = [
        f"Measured {date.today().isoformat()} on {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores shared with other work (load average {load:.1f}), "
        f"Python {platform.python_version()}; "
        f"`python bench/bench_serve.py` ({args.requests} concurrent POST /api/check of "
        f"examples/resume.pdf + examples/posting.txt, {args.workers} workers).",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| succeeded | {ok}/{args.requests} (statuses: {sorted(set(statuses))}) |",
        f"| server start to /healthz | {startup:.2f} s |",
        f"| warm library check (this process) | {warm * 1000:.0f} ms |",
        f"| one request at a time, median of 5 | {statistics.median(seq) * 1000:.0f} ms "
        f"({statistics.median(seq) / warm:.1f} × warm check) |",
        f"| p50 latency, {args.requests} at once | {p50 * 1000:.0f} ms ({p50 / warm:.1f} × warm check; "
        f"queueing alone: {args.requests // 2 // args.workers}×) |",
        f"| p95 latency, {args.requests} at once | {p95 * 1000:.0f} ms ({p95 / warm:.1f} × warm check; "
        f"queueing alone: {-(-args.requests * 19 // 20 // args.workers)}×) |",
        f"| all {args.requests} done (wall) | {wall:.2f} s (ideal {args.requests} × warm ÷ "
        f"{args.workers} workers = {args.requests * warm / args.workers:.2f} s) |",
        f"| resident memory, server + workers, idle after warm-up | {idle:.0f} MB |",
        f"| peak resident memory, server + workers, under load | {peak:.0f} MB |",
    ]
    print("\n".join(lines))
    if ok != args.requests:
        sys.exit(1)


if __name__ == "__main__":
    main()
