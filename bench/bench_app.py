"""Pillar page rerun against bare radios, and cold start against a one-line app, in one run."""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
RERUNS = 30
COLD_RUNS = 5


def _median_rerun(at: AppTest, n: int = RERUNS) -> float:
    at.run()  # warm: imports, caches
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def pillar_rerun(pillar: str = "cx_plan") -> dict:
    from checklists import default_model

    n_items = len(default_model().pillar(pillar).items)
    ours = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    ours.run()
    ours.switch_page(f"pages/audit_{pillar}.py")
    os.environ["BENCH_RADIOS"] = str(n_items)
    floor = AppTest.from_file(str(ROOT / "bench" / "floor_radios.py"), default_timeout=60)
    # Interleave so that machine noise hits both alike.
    ours_t, floor_t = [], []
    for _ in range(3):
        floor_t.append(_median_rerun(floor, RERUNS // 3 + 1))
        ours_t.append(_median_rerun(ours, RERUNS // 3 + 1))
    o, f = statistics.median(ours_t), statistics.median(floor_t)
    return {"items": n_items, "ours_ms": o * 1000, "floor_ms": f * 1000, "ratio": o / f}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cold_start(script: str) -> float:
    port = _free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return time.perf_counter() - t0
            except OSError:
                time.sleep(0.02)
            if time.perf_counter() - t0 > 60:
                raise RuntimeError(f"{script} did not start")
    finally:
        proc.terminate()
        proc.wait()


def cold_start() -> dict:
    ours, floor = [], []
    for _ in range(COLD_RUNS):
        floor.append(_cold_start("bench/floor_hello.py"))
        ours.append(_cold_start("app.py"))
    o, f = statistics.median(ours), statistics.median(floor)
    return {"ours_s": o, "floor_s": f, "ratio": o / f}


def run() -> dict:
    return {"pillar_rerun": pillar_rerun(), "cold_start": cold_start()}


if __name__ == "__main__":
    import json
    print(json.dumps(run(), indent=2))
