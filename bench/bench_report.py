"""PDF build time for a full assessment: warm (median of 10 in this process) and cold (a fresh
Python process, imports, content loading and font registration included).

The full assessment answers every item of the content model below 4 (so every item is a gap and
every gap is in the plan), with a note on every third item and an owner and due date on every
action. Limits from the issue: warm ≤ 0.5 s median, cold ≤ 2.5 s. Writes no files.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_RUNS = 10
COLD_RUNS = 3
WARM_LIMIT_S = 0.5
COLD_LIMIT_S = 2.5


def full_assessment(model):
    from datetime import date, timedelta

    from scoring import Assessment
    from scoring.plan import edit_action

    a = Assessment(company={"name": "Ξενοδοχείο «Η Γαλήνη» Α.Ε.", "sector": "hospitality", "city": "Ναύπλιο"},
                   assessor={"name": "Ελένη Καραγιάννη", "organisation": "Σύμβουλοι Εμπειρίας Πελάτη"})
    for n, iid in enumerate(model.items):
        a.set_value(iid, (0, 1, 2, 3, "unknown")[n % 5])
        if n % 3 == 0:
            a.set_note(iid, "Ο υπεύθυνος βάρδιας απαντά μόνο όταν έχει χρόνο· δεν υπάρχει γραπτή διαδικασία. " * 3)
        edit_action(a, iid, owner="Γιώργος Νικολάου", due=date(2027, 1, 1) + timedelta(days=n))
    return a


_COLD = r"""
import time
t0 = time.perf_counter()
from checklists import default_model
from report import pdf_for
from bench.bench_report import full_assessment
model = default_model()
pdf = pdf_for(model, full_assessment(model), "el")
print(time.perf_counter() - t0, len(pdf))
"""


def warm() -> dict:
    from checklists import default_model
    from report import build_pdf
    from scoring import score
    from scoring.plan import build_plan

    model = default_model()
    a = full_assessment(model)
    build_pdf(model, a, score(model, a), build_plan(model, a, score(model, a)), "el")  # warm-up
    times = []
    pages = 0
    for _ in range(WARM_RUNS):
        t0 = time.perf_counter()
        s = score(model, a)
        pdf = build_pdf(model, a, s, build_plan(model, a, s), "el")
        times.append(time.perf_counter() - t0)
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    return {"items": len(model.items), "gaps": len(score(model, a).gaps), "bytes": len(pdf),
            "warm_median_s": statistics.median(times), "warm_min_s": min(times), "warm_limit_s": WARM_LIMIT_S}


def cold() -> dict:
    wall, inner = [], []
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _COLD], cwd=ROOT, capture_output=True, text=True, check=True)
        wall.append(time.perf_counter() - t0)
        inner.append(float(out.stdout.split()[0]))
    return {"cold_wall_median_s": statistics.median(wall), "cold_in_process_median_s": statistics.median(inner),
            "cold_limit_s": COLD_LIMIT_S}


def run() -> dict:
    result = {**warm(), **cold()}
    result["ok"] = result["warm_median_s"] <= WARM_LIMIT_S and result["cold_wall_median_s"] <= COLD_LIMIT_S
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
