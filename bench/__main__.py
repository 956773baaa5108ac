"""`python -m bench [name ...]`: run the benchmarks, print JSON and keep it in bench/out/results.json
(docs/benchmarks.md quotes these figures, with what they mean).

Each benchmark module exposes run() -> dict and measures its figure against a floor in the same
run (the machine is shared and noisy: only same-run ratios mean anything).
"""
from __future__ import annotations

import importlib
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHES = ("bench_app", "bench_clicks", "bench_surveys", "bench_report", "bench_store")
RESULTS = ROOT / "bench" / "out" / "results.json"


def main(argv: list[str]) -> int:
    names = argv or [b for b in BENCHES if (ROOT / "bench" / f"{b}.py").exists()]
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name in names:
        print(f"running {name} …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        results[name] = {"figures": importlib.import_module(f"bench.{name}").run(),
                         "measured_at": time.strftime("%Y-%m-%d %H:%M"), "seconds": round(time.perf_counter() - t0, 1)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, default=str))
    print(json.dumps(results, indent=2, default=str))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; raw figures in {RESULTS}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
