"""Pillar page rerun against bare radios, and cold start against a one-line app, in one run."""
from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
RERUNS = 20
ROUNDS = 5
COLD_RUNS = 5


def _reruns(at: AppTest, n: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of n reruns. CPU time (this process, all threads) is the figure
    that other load on a shared machine disturbs least; wall time is reported beside it."""
    at.run()  # warm: imports, caches
    wall, cpu = [], []
    for _ in range(n):
        w0, c0 = time.perf_counter(), time.process_time()
        at.run()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


@contextmanager
def as_served():
    """Run AppTest the way the server runs the app, for ours and the floor alike.

    Out of the box AppTest differs from `python -m ui.serve` in two ways that cost every rerun:
    - it forgets, before each run, that st.navigation owns routing, so an app with a pages/
      folder goes through Streamlit's legacy multipage shim (an extra st.navigation over the
      folder, and app.py run as a page of it). ui.serve clears that flag once, as here;
    - it compiles the scripts afresh on each run, where the server keeps one ScriptCache.
    """
    import streamlit.testing.v1.app_test as app_test
    import streamlit.testing.v1.local_script_runner as local_runner
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared = ScriptCache()
    saved = PagesManager.__init__, app_test.ScriptCache, local_runner.ScriptCache
    original_init = saved[0]

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False  # what ui.serve does

    PagesManager.__init__ = init
    app_test.ScriptCache = local_runner.ScriptCache = lambda: shared
    try:
        yield
    finally:
        PagesManager.__init__, app_test.ScriptCache, local_runner.ScriptCache = saved


def pillar_rerun(pillar: str = "cx_plan", served: bool = True) -> dict:
    """Median rerun of our pillar page and of the floor, interleaved. `served=False` is AppTest
    out of the box (reported too, for comparison with earlier runs)."""
    if served:
        with as_served():
            return pillar_rerun(pillar, served=False)
    from checklists import default_model

    n_items = len(default_model().pillar(pillar).items)
    ours = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    ours.run()
    ours.switch_page(f"pages/audit_{pillar}.py")
    os.environ["BENCH_RADIOS"] = str(n_items)
    floor = AppTest.from_file(str(ROOT / "bench" / "floor_radios.py"), default_timeout=60)
    # Interleave rounds so that machine noise hits both alike; median over all reruns.
    ours_w, ours_c, floor_w, floor_c = [], [], [], []
    for _ in range(ROUNDS):
        w, c = _reruns(floor, RERUNS)
        floor_w += w
        floor_c += c
        w, c = _reruns(ours, RERUNS)
        ours_w += w
        ours_c += c
    med = statistics.median
    return {"items": n_items, "reruns_each": ROUNDS * RERUNS,
            "ours_ms": med(ours_w) * 1000, "floor_ms": med(floor_w) * 1000, "ratio": med(ours_w) / med(floor_w),
            "ours_cpu_ms": med(ours_c) * 1000, "floor_cpu_ms": med(floor_c) * 1000,
            "cpu_ratio": med(ours_c) / med(floor_c)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cold_start(script: str) -> float:
    port = _free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            *(["ui.serve"] if script == "app.py" else ["streamlit", "run", script]),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
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


PROCESSES = 3


def pillar_rerun_processes(served: bool = True, processes: int = PROCESSES) -> dict:
    """pillar_rerun() in several fresh interpreters; the figure is the median process.

    One process's ratio moves by ±10 % with its hash seed and memory layout, more than the
    differences being measured, so each process is a sample and the median of them is quoted."""
    samples = []
    for _ in range(processes):
        out = subprocess.run([sys.executable, "-m", "bench.bench_app", "--pillar-once", str(served)], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        samples.append(json.loads(out.strip().splitlines()[-1]))
    samples.sort(key=lambda r: r["ratio"])
    median = dict(samples[len(samples) // 2])
    median["ratio_by_process"] = [round(r["ratio"], 3) for r in samples]
    median["cpu_ratio_by_process"] = sorted(round(r["cpu_ratio"], 3) for r in samples)
    return median


def run() -> dict:
    return {"pillar_rerun": pillar_rerun_processes(),
            "pillar_rerun_apptest_default": pillar_rerun_processes(served=False, processes=1),
            "cold_start": cold_start()}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--pillar-once"]:
        print(json.dumps(pillar_rerun(served=sys.argv[2] == "True")))
    else:
        print(json.dumps(run(), indent=2))
