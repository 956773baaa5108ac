"""A business's own wording of an action (checklists.applicability.for_assessment) is the one shown
everywhere, not only on the question pages: the Results page's gaps, the Plan page's cards, the PDF
(its findings, "start now", 90-day plan and action list), the Word report and the Excel tracker.
A bakery's PDF once gave an action two different texts on two pages, and the Word and Excel files
the generic one."""
from __future__ import annotations

import io
import re
import subprocess

import pytest

ITEM = "MEAS-01"  # has a food-service wording of its action


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\", "")).strip()


def _snippets(generic: str, worded: str, words: int = 6) -> tuple[str, str]:
    """A few words of each text from where they part: the one must be seen, the other never."""
    g, w = generic.split(), worded.split()
    n = 0
    while n < min(len(g), len(w)) and g[n] == w[n]:
        n += 1
    start = max(0, n - 2)
    return " ".join(g[start:n + words]), " ".join(w[start:n + words])


def _assessment(model, lang):
    from assessment import Assessment
    from scoring.plan import edit_action

    a = Assessment(language=lang, company={"name": "Φούρνος Η Γωνιά", "sector": "food_service", "size": "micro"})
    for iid in model.items:
        a.set_value(iid, 2)
    a.set_value(ITEM, 0)
    edit_action(a, ITEM, include=True)
    return a


def _texts(model, lang):
    from checklists.applicability import Profile, for_profile

    generic = model.items[ITEM].action.text(lang)
    worded = for_profile(model, Profile.of("food_service", "micro")).items[ITEM].action.text(lang)
    assert generic != worded and generic not in worded
    return _snippets(generic, worded)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_results_and_plan_pages_show_the_business_wording(app, lang):
    from checklists import default_model

    model = default_model()
    old, new = _texts(model, lang)
    at = app(lang)
    at.session_state["assessment"] = _assessment(model, lang)
    for page in ("pages/results.py", "pages/plan.py"):
        at.switch_page(page)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        shown = _flat("\n".join(m.value for m in at.markdown))
        assert new in shown, page
        assert old not in shown, page


@pytest.mark.parametrize("lang", ["el", "en"])
def test_pdf_word_and_excel_show_the_business_wording(lang):
    from docx import Document
    from openpyxl import load_workbook

    from checklists import default_model
    from report import report_for

    model = default_model()
    old, new = _texts(model, lang)
    a = _assessment(model, lang)

    pdf = report_for(model, a, "pdf", lang, appendix=True)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    # Wrapped lines may break a word with a hyphen nowhere (reportlab does not hyphenate): spaces only.
    pdf_text = _flat(text)
    assert new in pdf_text and old not in pdf_text

    doc = Document(io.BytesIO(report_for(model, a, "docx", lang, appendix=True)))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for tb in doc.tables for row in tb.rows for c in row.cells]
    word_text = _flat("\n".join(parts))
    assert new in word_text and old not in word_text

    wb = load_workbook(io.BytesIO(report_for(model, a, "xlsx", lang)))
    plan_sheet = _flat("\n".join(str(c.value) for row in wb.worksheets[0].iter_rows() for c in row
                                 if c.value is not None))
    assert new in plan_sheet and old not in plan_sheet
