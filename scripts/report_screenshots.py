"""Render the README's report pictures (docs/report-cover.png, report-summary.png, report-plan.png)
from the shipped model and a realistic audit, so they show what a user gets and can be redone
after any change to the content or the report:

    .venv/bin/python scripts/report_screenshots.py            # writes docs/report-*.png
    .venv/bin/python scripts/report_screenshots.py --out DIR --lang en --keep-pdf

The audit: a pastry shop in Larissa (micro, food service), every question answered the way such a
business typically stands (a seeded draw per section, so the pictures are the same every run),
an assessor's notes on a few questions, owners, due dates and statuses on the first actions, and
an NPS survey of 140 answers saved as evidence. Needs pdftoppm (poppler-utils).
"""
from __future__ import annotations

import argparse
import io
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import SurveyResult, new_assessment  # noqa: E402
from checklists import default_model  # noqa: E402
from report import pdf_for  # noqa: E402
from scoring import score  # noqa: E402
from scoring.plan import build_plan, edit_action  # noqa: E402
from surveys.analysis import analyze_table  # noqa: E402
from surveys.reading import read_table  # noqa: E402

AUDIT_DAY = date(2026, 11, 23)
# How a small pastry shop typically answers, per section: chances of 0, 1, 2, 3, 4, "unknown".
TENDENCY = {
    "cx_plan": (0.20, 0.35, 0.25, 0.12, 0.03, 0.05),
    "segmentation": (0.25, 0.30, 0.25, 0.12, 0.03, 0.05),
    "emotional_connection": (0.03, 0.15, 0.32, 0.35, 0.15, 0.00),
    "training": (0.15, 0.35, 0.30, 0.15, 0.05, 0.00),
    "measurement": (0.35, 0.30, 0.20, 0.08, 0.02, 0.05),
}
VALUES = (0, 1, 2, 3, 4, "unknown")
# Fixed answers where the story needs them (a critical question answered low holds a section back).
FIXED = {"PLAN-01": 1, "EMO-08": 3, "MEAS-05": 1, "TRN-07": 2, "EMO-09": 3, "EMO-06": 4}
NOTES = {
    "PLAN-01": "Υπάρχει μόνο στο μυαλό της ιδιοκτήτριας· δεν έχει γραφτεί ούτε έχει ειπωθεί στο προσωπικό.",
    "EMO-09": "Απαντούν στις κριτικές του Google η Μαρία ή η κόρη της, συνήθως μέσα σε δύο-τρεις μέρες· "
              "στις αρνητικές πιο αργά.",
    "MEAS-05": "Τα παράπονα λέγονται προφορικά στη βάρδια και δεν σημειώνονται πουθενά.",
    "TRN-01": "Η νέα υπάλληλος του Σεπτεμβρίου έμαθε δίπλα στη Ζωή, χωρίς γραπτές οδηγίες.",
    "SEG-04": "Οι παραγγελίες τούρτας γράφονται σε τετράδιο με τηλέφωνο· δεν υπάρχει αρχείο πελατών.",
}
OWNERS = ("Μαρία Παπαδοπούλου", "Ζωή Καραγιάννη", "Νίκος Παπαδόπουλος")


def audit(model, seed: int = 11):
    rng = random.Random(seed)
    a = new_assessment(model)
    a.company.name = "Ζαχαροπλαστείο «Η Γλυκιά Γωνιά»"
    a.company.sector, a.company.size, a.company.city = "food_service", "micro", "Λάρισα"
    a.assessor.name, a.assessor.organisation = "Ελένη Σταθοπούλου", "Σταθοπούλου & Συνεργάτες"
    for p in model.pillars:
        weights = TENDENCY.get(p.id, TENDENCY["training"])
        for it in p.items:
            a.set_value(it.id, FIXED.get(it.id, rng.choices(VALUES, weights)[0]))
    for item, note in NOTES.items():
        if item in model.items:
            a.set_note(item, note)
    plan = build_plan(model, a, score(model, a))
    for n, act in enumerate(plan.open_actions[:6]):
        edit_action(a, act.item, owner=OWNERS[n % len(OWNERS)], due=AUDIT_DAY + timedelta(days=14 + 14 * n),
                    status="doing" if n == 0 else "todo")
    a.save_survey(_nps_survey(rng))
    # Last: every edit above stamps the document with the time it ran, and the report is dated by it.
    a.created_at, a.updated_at = f"{AUDIT_DAY.isoformat()}T09:00:00+00:00", f"{AUDIT_DAY.isoformat()}T11:00:00+00:00"
    return a


def _nps_survey(rng: random.Random) -> SurveyResult:
    rows = ["Ημερομηνία;Κατάστημα;Πόσο πιθανό είναι να μας προτείνετε;"]
    for _ in range(140):
        day = AUDIT_DAY - timedelta(days=rng.randint(1, 85))
        rows.append(f"{day:%d/%m/%Y};{rng.choice(['Κέντρο', 'Νεάπολη'])};"
                    f"{rng.choices(range(11), (1, 1, 1, 2, 2, 4, 6, 10, 16, 14, 12))[0]}")
    table = read_table(io.BytesIO("\n".join(rows).encode("cp1253")), filename="google-forms-nps.csv")
    result = analyze_table(table, "nps", column=table.df.columns[2], date_column="Ημερομηνία",
                           segment_column="Κατάστημα")
    return SurveyResult.from_analysis(result, source="google-forms-nps.csv",
                                      saved_at=f"{AUDIT_DAY.isoformat()}T10:30:00+00:00")


def _page_of(pdf: bytes, text: str) -> int:
    """The first page (1-based) whose text holds `text`."""
    from pypdf import PdfReader

    for n, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        if text in " ".join((page.extract_text() or "").split()):
            return n
    raise SystemExit(f"no page with {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for report-*.png (default docs/)")
    parser.add_argument("--lang", choices=("el", "en"), default="el")
    parser.add_argument("--dpi", type=int, default=70, help="70 dpi: an A4 page is 579 × 819 px")
    parser.add_argument("--keep-pdf", action="store_true", help="also write report-example.pdf")
    args = parser.parse_args(argv)
    if not shutil.which("pdftoppm"):
        raise SystemExit("pdftoppm not found (apt-get install poppler-utils)")
    from i18n import t

    model = default_model()
    pdf = pdf_for(model, audit(model), args.lang)
    pages = {"cover": 1, "summary": 2, "plan": _page_of(pdf, t("plan.phase.1", args.lang))}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.pdf"
        src.write_bytes(pdf)
        for name, page in pages.items():
            stem = Path(tmp) / name
            subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(page), "-l", str(page),
                            "-singlefile", str(src), str(stem)], check=True)
            shutil.copy(stem.with_suffix(".png"), args.out / f"report-{name}.png")
            print(f"{args.out / f'report-{name}.png'}: page {page}")
    if args.keep_pdf:
        (args.out / "report-example.pdf").write_bytes(pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
