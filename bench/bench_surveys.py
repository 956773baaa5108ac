"""Benchmark of the survey import and analysis (surveys/) against a plain ``pandas.read_csv``.

Generates (in a temp dir) a 1,000,000-row UTF-8 CSV (``,`` separator so that the floor
reads it correctly without arguments; Greek headers, dd/mm/yyyy dates, Greek segment names,
NPS/CSAT/CES columns) and measures, median of 7 interleaved runs each (after one warm-up run
of each), in one process:

(a) floor: ``pandas.read_csv(path)`` alone (reads all columns);
(b) ours: ``read_table`` (size check, encoding + separator detection, a pyarrow read of all
    columns, in two halves on two threads when the file has no quotes (surveys/csv_parts.py),
    text columns with few distinct values dictionary-encoded) + ``guess_columns`` + for
    NPS, CSAT and CES: ``clean_scores`` + the metric with its interval + breakdown by month +
    breakdown by segment.

Two more figures, interleaved in the same runs, say where the time goes: (c) ``read_table``
alone (our import without the analysis) and (d) a plain ``pyarrow.csv.read_csv(path)`` (pyarrow's
own threads and type inference: the parse the issue prescribes, with nothing of ours).

Wall and CPU time (the process's, all threads) are both recorded: on a shared machine the wall
ratio moves with the load, the CPU ratio much less.

Peak memory (VmHWM, i.e. peak RSS) of (a) and (b) is measured in separate fresh subprocesses, next to a
baseline subprocess that only imports pandas and the toolkit.

Run: ``python -m bench.bench_surveys [--rows N]``; ``run()`` returns the figures as a dict.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.0   # the goal (issue 10)
LIMIT_RATIO = 1.3    # must not be slower than this
SEGMENTS = ["Αθήνα - Σύνταγμα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "e-shop", "Τηλεφωνικό κέντρο"]


def generate(path: Path, rows: int = 1_000_000, seed: int = 7) -> Path:
    """Write the benchmark CSV (vectorised; a few seconds for 1M rows)."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 730, rows), unit="D")
    df = pd.DataFrame({
        "Ημερομηνία": days.strftime("%d/%m/%Y"),
        "Κατάστημα": np.array(SEGMENTS, dtype=object)[rng.integers(0, len(SEGMENTS), rows)],
        "Πόσο πιθανό είναι να μας προτείνετε (NPS)": rng.choice(
            11, rows, p=[.02, .02, .03, .03, .04, .06, .08, .14, .18, .2, .2]),
        "Πόσο ικανοποιημένος είστε (CSAT)": rng.choice(5, rows, p=[.08, .07, .15, .35, .35]) + 1,
        "Μου ήταν εύκολο να εξυπηρετηθώ (CES)": rng.choice(
            7, rows, p=[.03, .04, .08, .15, .25, .25, .2]) + 1,
    })
    df.to_csv(path, index=False, encoding="utf-8")
    return path


def floor(path: str) -> pd.DataFrame:
    return pd.read_csv(path)


def ours(path: str) -> dict:
    from surveys.analysis import analyze_table
    from surveys.columns import guess_columns
    from surveys.csv_parts import UNMAP_THREAD
    from surveys.reading import read_table
    table = read_table(path)
    guesses = guess_columns(table.df)
    out = {m: analyze_table(table, m, guesses=guesses, freq="M") for m in ("nps", "csat", "ces")}
    for thread in threading.enumerate():  # the input's unmapping (csv_parts.release) is ours:
        if thread.name == UNMAP_THREAD:    # counted here, not in the floor's next call
            thread.join()
    return out


def import_only(path: str) -> None:
    from surveys.reading import read_table
    read_table(path)


def pyarrow_plain(path: str) -> None:
    import pyarrow.csv as pacsv
    pacsv.read_csv(path)


def _timed(fn, *args) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process, every thread counted)."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - t0, time.process_time() - c0


_MEM_SNIPPET = """
import sys
sys.path.insert(0, {root!r})
import pandas as pd
import surveys.analysis
from bench.bench_surveys import floor, ours, _hwm_kb
before = _hwm_kb()
mode = {mode!r}
if mode == "floor":
    floor({path!r})
elif mode == "ours":
    ours({path!r})
print(before, _hwm_kb())
"""


def _hwm_kb() -> int:
    """Peak RSS of this process in KiB: VmHWM (Linux; unlike ru_maxrss it is not inherited
    from the parent across fork/exec), else ru_maxrss."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def _peak_mb(mode: str, path: str) -> tuple[float, float]:
    """(peak RSS MB of a fresh subprocess running ``mode``, RSS MB after its imports)."""
    code = _MEM_SNIPPET.format(root=str(ROOT), path=path, mode=mode)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    return int(out[1]) / 1024, int(out[0]) / 1024


def run(rows: int = 1_000_000, repeats: int = 7) -> dict:
    """Generate, measure, and return the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-surveys-") as tmp:
        path = generate(Path(tmp) / "survey.csv", rows)
        size = path.stat().st_size
        spath = str(path)
        check = ours(spath)  # warm-up + sanity
        floor(spath)         # warm-up of the floor too: both then read a file in the page cache
        assert check["nps"]["n"] == rows and not check["nps"]["invalid_rows"]
        assert len(check["nps"]["by_period"]) == 24 and len(check["nps"]["by_segment"]) == len(SEGMENTS)
        t_floor, t_ours, c_floor, c_ours, t_import, t_arrow = [], [], [], [], [], []
        pyarrow_plain(spath)
        for _ in range(repeats):
            (w, c) = _timed(floor, spath)
            t_floor.append(w)
            c_floor.append(c)
            (w, c) = _timed(ours, spath)
            t_ours.append(w)
            c_ours.append(c)
            t_import.append(_timed(import_only, spath)[0])
            t_arrow.append(_timed(pyarrow_plain, spath)[0])
        peak_floor, base = _peak_mb("floor", spath)
        peak_ours, _ = _peak_mb("ours", spath)
        peak_base, _ = _peak_mb("none", spath)
    a, b = statistics.median(t_floor), statistics.median(t_ours)
    ca, cb = statistics.median(c_floor), statistics.median(c_ours)
    return {
        "bench": "surveys_import",
        "rows": rows, "file_mb": round(size / 1048576, 1), "repeats": repeats,
        "floor_read_csv_s": round(a, 3), "ours_full_s": round(b, 3),
        "ratio": round(b / a, 2), "target_ratio": TARGET_RATIO, "limit_ratio": LIMIT_RATIO,
        # CPU time moves less with the machine's load than wall time; ours counts pyarrow's threads
        "floor_cpu_s": round(ca, 3), "ours_cpu_s": round(cb, 3), "cpu_ratio": round(cb / ca, 2),
        "ok": b <= LIMIT_RATIO * a, "peak_ok": peak_ours <= peak_floor,
        # where the time goes, same runs: the import without the analysis, and pyarrow's plain read
        "import_only_ratio": round(statistics.median(t_import) / a, 2),
        "pyarrow_plain_ratio": round(statistics.median(t_arrow) / a, 2),
        "floor_runs_s": [round(x, 3) for x in t_floor], "ours_runs_s": [round(x, 3) for x in t_ours],
        "peak_rss_mb_baseline": round(peak_base, 1),
        "peak_rss_mb_floor": round(peak_floor, 1), "peak_rss_mb_ours": round(peak_ours, 1),
        "python": platform.python_version(), "pandas": pd.__version__,
        "cpus": os.cpu_count(),
        "values": {m: check[m]["value"] for m in ("nps", "csat", "ces")},
    }


def markdown_row(r: dict) -> str:
    return (f"| survey import, {r['rows']:,} rows ({r['file_mb']} MB CSV) | "
            f"{r['floor_read_csv_s']:.3f} s | {r['ours_full_s']:.3f} s | {r['ratio']:.2f}× "
            f"(goal ≤ {r['target_ratio']:.1f}×, limit {r['limit_ratio']:.1f}×) | {r['peak_rss_mb_floor']:.0f} MB | "
            f"{r['peak_rss_mb_ours']:.0f} MB | {r['peak_rss_mb_baseline']:.0f} MB |")


MD_HEADER = ("| benchmark | floor `pd.read_csv` (median of 7) | ours: import + 3 metrics + "
             "breakdowns (median of 7) | ratio | peak RSS floor | peak RSS ours | "
             "RSS after imports |\n|---|---|---|---|---|---|---|")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bench_surveys")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeats", type=int, default=7)
    args = p.parse_args(argv)
    r = run(args.rows, args.repeats)
    print(json.dumps(r, ensure_ascii=False))
    print(MD_HEADER)
    print(markdown_row(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
