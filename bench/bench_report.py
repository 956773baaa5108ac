"""Report build times for a full assessment: the PDF warm (median of 10 in this process) and cold
(a fresh Python process, imports, content loading and font registration included); the Word
report and the Excel tracker warm, interleaved with the PDF builds of the same run, each quoted
with its ratio to the PDF's median.

The full assessment answers every item of the content model below 4 (so every item is a gap and
every gap is in the plan), with a note on every third item, an owner and due date on every
action, and a saved NPS survey with its breakdowns (mix, six months, four segments: the metrics
charts); the reports carry a full branding (firm name, accent, the firm's and the business's
logos), as the Plan page's downloads do. Limits from the issue: PDF warm ≤ 0.5 s median, cold
≤ 2.5 s; Word and Excel warm ≤ 1 s each. Writes no files.
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
OFFICE_LIMIT_S = 1.0
COLD_LIMIT_S = 2.5


def full_assessment(model):
    from datetime import date, timedelta

    from assessment import Assessment
    from scoring.plan import edit_action

    a = Assessment(company={"name": "Ξενοδοχείο «Η Γαλήνη» Α.Ε.", "sector": "hospitality", "city": "Ναύπλιο"},
                   assessor={"name": "Ελένη Καραγιάννη", "organisation": "Σύμβουλοι Εμπειρίας Πελάτη"})
    for n, iid in enumerate(model.items):
        a.set_value(iid, (0, 1, 2, 3, "unknown")[n % 5])
        if n % 3 == 0:
            a.set_note(iid, "Ο υπεύθυνος βάρδιας απαντά μόνο όταν έχει χρόνο· δεν υπάρχει γραπτή διαδικασία. " * 3)
        edit_action(a, iid, owner="Γιώργος Νικολάου", due=date(2027, 1, 1) + timedelta(days=n))
    a.save_survey(_survey())
    return a


def _survey():
    from assessment.survey_result import Breakdown, SurveyResult

    months = [("2026-01", -7, -20, 6), ("2026-02", -3, -16, 10), ("2026-03", 20, 7, 32), ("2026-04", 21, 8, 33),
              ("2026-05", 37, 25, 48), ("2026-06", 39, 27, 50)]
    channels = [("Booking.com", 19, 9, 29, 176), ("Απευθείας", 24, 10, 37, 105),
                ("Ταξιδιωτικό γραφείο", 13, -4, 29, 82), ("Expedia", 11, -9, 30, 57)]
    return SurveyResult(metric="nps", column="Πόσο πιθανό είναι να μας προτείνετε", value=17.9, n=420, ci_low=10.4,
                        ci_high=25.2, ci_method="adjusted_wald", period_from="2026-01", period_to="2026-06",
                        scale="0-10", formula_id="nps_promoters_minus_detractors",
                        groups={"detractors": 108, "passives": 129, "promoters": 183},
                        by_period=[Breakdown(label=m, value=float(v), n=70, ci_low=float(lo), ci_high=float(hi))
                                   for m, v, lo, hi in months],
                        by_segment=[Breakdown(label=c, value=float(v), n=n, ci_low=float(lo), ci_high=float(hi))
                                    for c, v, lo, hi, n in channels])


def branding():
    """The branding the Plan page stores: firm, accent and two logos (PNG, as load_logo leaves them)."""
    import io

    from PIL import Image

    from report.branding import Branding

    def png(colour, size):
        out = io.BytesIO()
        Image.new("RGB", size, colour).save(out, format="PNG")
        return out.getvalue()

    return Branding(firm="Σύμβουλοι Εμπειρίας Πελάτη", accent="#8e44ad", logo=png("#8e44ad", (900, 340)),
                    client_logo=png("#16a085", (600, 600)))


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
    from report import branded, build_pdf
    from report.tracker import build_tracker
    from report.word import build_docx
    from scoring import score
    from scoring.plan import build_plan

    model = default_model()
    a = full_assessment(model)
    brand = branding()

    def pdf():
        s = score(model, a)
        return build_pdf(model, a, s, build_plan(model, a, s), "el", branding=brand)

    def docx():
        s = score(model, a)
        return build_docx(model, a, s, build_plan(model, a, s), "el", branded(brand))

    def xlsx():
        s = score(model, a)
        return build_tracker(model, a, s, build_plan(model, a, s), "el")

    plain = a.model_copy(deep=True)
    plain.surveys = []

    def pdf_plain():   # the same audit without survey and branding: what those two cost
        s = score(model, plain)
        return build_pdf(model, plain, s, build_plan(model, plain, s), "el")

    builds = {"pdf": pdf, "docx": docx, "xlsx": xlsx, "pdf_plain": pdf_plain}
    for build in builds.values():
        build()  # warm-up: imports, fonts, caches
    times: dict[str, list[float]] = {k: [] for k in builds}
    cpu: dict[str, list[float]] = {k: [] for k in builds}
    sizes = {}
    for _ in range(WARM_RUNS):  # interleaved, so a busy moment of the machine hits all alike
        for kind, build in builds.items():
            t0, c0 = time.perf_counter(), time.process_time()
            sizes[kind] = len(build())
            times[kind].append(time.perf_counter() - t0)
            cpu[kind].append(time.process_time() - c0)
    med = {k: statistics.median(v) for k, v in times.items()}
    cmed = {k: statistics.median(v) for k, v in cpu.items()}
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf())).pages)
    return {"items": len(model.items), "gaps": len(score(model, a).gaps), "bytes": sizes["pdf"], "pdf_pages": pages,
            "warm_median_s": med["pdf"], "warm_min_s": min(times["pdf"]), "warm_limit_s": WARM_LIMIT_S,
            "docx_warm_median_s": med["docx"], "docx_ratio_to_pdf": med["docx"] / med["pdf"],
            "xlsx_warm_median_s": med["xlsx"], "xlsx_ratio_to_pdf": med["xlsx"] / med["pdf"],
            "office_limit_s": OFFICE_LIMIT_S, "docx_bytes": sizes["docx"], "xlsx_bytes": sizes["xlsx"],
            # CPU time of this process per build: what the machine's load (other processes) moves least
            "pdf_cpu_median_s": cmed["pdf"], "docx_cpu_median_s": cmed["docx"], "xlsx_cpu_median_s": cmed["xlsx"],
            "pdf_plain_warm_median_s": med["pdf_plain"], "pdf_plain_cpu_median_s": cmed["pdf_plain"],
            "pdf_over_plain_ratio": med["pdf"] / med["pdf_plain"]}


def cold() -> dict:
    wall, inner = [], []
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _COLD], cwd=ROOT, capture_output=True, text=True, check=True)
        wall.append(time.perf_counter() - t0)
        inner.append(float(out.stdout.split()[0]))
    return {"cold_wall_median_s": statistics.median(wall), "cold_in_process_median_s": statistics.median(inner),
            "cold_limit_s": COLD_LIMIT_S}


def per_rerun(warm_median_s: float, runs: int = 200) -> dict:
    """What a Plan or Results rerun pays for its download buttons: a snapshot of the assessment and
    three callables (the files are built on click, ui/downloads.py). The floor it is set against is
    what building both PDFs while drawing would cost every rerun (twice the warm build)."""
    from checklists import default_model
    from ui import downloads

    model = default_model()
    a = full_assessment(model)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        frozen = downloads.snapshot(a)
        for lang in ("el", "en"):
            downloads.pdf(model, frozen, lang, None)
        downloads.assessment_json(frozen)
        times.append(time.perf_counter() - t0)
    rerun = statistics.median(times)
    eager = 2 * warm_median_s
    return {"rerun_download_cost_ms": rerun * 1000, "eager_pdfs_per_rerun_s": eager,
            "eager_over_rerun_ratio": eager / rerun}


def run() -> dict:
    result = {**warm(), **cold()}
    result.update(per_rerun(result["warm_median_s"]))
    result["ok"] = (result["warm_median_s"] <= WARM_LIMIT_S and result["cold_wall_median_s"] <= COLD_LIMIT_S
                    and max(result["docx_warm_median_s"], result["xlsx_warm_median_s"]) <= OFFICE_LIMIT_S)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
