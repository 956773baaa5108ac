"""The 90-day plan's phases read the same, and make sense, in the PDF, Word and Excel: a phase's
hours only over actions of its own, what else they go to (routines, the start of an action that
finishes later), why an empty phase is empty, and an action begun earlier marked as continued.
Before: 'Ημέρες 61–90 · 2 ώρες από τις 8,6 ώρες που χωρούν' over 'Καμία ενέργεια', and the tracker's
'Ημέρες 31–60' for an action begun in days 1–30."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from report_fixtures import pdf_pages

from i18n import t
from report import report_for
from scoring.plan import carried_text, phase_words, when_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scoring"))
from test_plan import spanning_plan  # noqa: E402


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return flat(" ".join([p.text for p in doc.paragraphs] + [c.text for tb in doc.tables for r in tb.rows
                                                                for c in r.cells]))


@pytest.mark.parametrize("lang", ["el", "en"])
def test_pdf_and_word_phases(lang):
    m, a, plan = spanning_plan()
    pdf = flat(pdf_pages(report_for(m, a, "pdf", lang))[-1])
    word = docx_text(report_for(m, a, "docx", lang))
    for text in (pdf, word):
        for n in (1, 2, 3):
            load, note = phase_words(plan, n, lang)
            heading = t(f"plan.phase.{n}", lang) + (f" · {load}" if load else "")
            assert flat(f"{heading} {note}") in text, (n, text)
        # The empty last phase has no hours over nothing.
        assert flat(t("plan.phase.3", lang) + " " + t("plan.phase_no_new", lang)) in text
        assert flat(carried_text(plan.action("PLAN-05"), lang)) in text


@pytest.mark.parametrize("lang", ["el", "en"])
def test_excel_when_column(lang):
    from openpyxl import load_workbook

    m, a, plan = spanning_plan()
    ws = load_workbook(io.BytesIO(report_for(m, a, "xlsx", lang))).worksheets[0]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    when = list(next(ws.iter_rows(max_row=1, values_only=True))).index(t("tracker.col.phase", lang))
    assert rows["PLAN-05"][when] == when_text(plan.action("PLAN-05"), lang) == \
        t("plan.when_span", lang, start="1–30", finish="31–60")
    assert rows["PLAN-02"][when] == t("plan.phase.1", lang)
