"""«Δυνατά σημεία» follows one rule in the PDF and the Word file: the «none at Mostly/Fully» sentence is
said only when true; «Mostly» answers shown above as steps to Fully are named as such, not denied."""
from __future__ import annotations

import io

import pytest
from report_fixtures import answered, flat, pdf_pages

from checklists import default_model
from i18n import t
from report import report_for


@pytest.fixture(scope="module")
def shipped():
    return default_model()


@pytest.mark.parametrize("lang", ["el", "en"])
def test_mostly_answers_are_not_denied_under_strengths(shipped, lang):
    from docx import Document

    audit = answered(shipped, 3)             # every question «Σε μεγάλο βαθμό»
    pdf = flat(" ".join(pdf_pages(report_for(shipped, audit, "pdf", lang))))
    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", lang)))
    word = flat(" ".join(p.text for p in doc.paragraphs))
    for text in (pdf, word):
        assert flat(t("report.no_strengths", lang)) not in text
        assert flat(t("report.strengths_above", lang)) in text


def test_none_sentence_stays_when_nothing_is_at_mostly(shipped):
    from docx import Document

    audit = answered(shipped, 1)
    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", "el")))
    word = " ".join(p.text for p in doc.paragraphs)
    assert t("report.no_strengths", "el") in word
    assert t("report.strengths_above", "el") not in word


def test_word_puts_a_later_gaps_note_right_under_it(shipped):
    """As in the PDF, the assessor's note of a «for later» gap sits under that gap, not after «Strengths»."""
    from docx import Document

    from scoring import score
    from scoring.plan import build_plan

    audit = answered(shipped, 3)
    later = next(a for a in build_plan(shipped, audit, score(shipped, audit)).actions if not a.include)
    audit.set_note(later.item, "Το είδαμε στο ταμείο.")
    texts = [p.text for p in Document(io.BytesIO(report_for(shipped, audit, "docx", "el"))).paragraphs]
    at = next(n for n, x in enumerate(texts) if "Το είδαμε στο ταμείο." in x)
    assert f"({later.item} · " in texts[at - 1]


def test_word_cover_facts_have_no_header_row(shipped):
    """«Κλάδος | Εστίαση…» is data: it is not shaded or repeated as a header; every label is bold."""
    from docx import Document
    from docx.oxml.ns import qn

    audit = answered(shipped, 3)
    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", "el")))
    cover = doc.tables[0]
    assert cover.rows[0].cells[0].text == t("report.cover_sector", "el")
    assert not cover._tbl.findall(".//" + qn("w:shd")) and not cover._tbl.findall(".//" + qn("w:tblHeader"))
    for row in cover.rows:
        assert all(r.bold for r in row.cells[0].paragraphs[0].runs)
        assert not any(r.bold for r in row.cells[1].paragraphs[0].runs)
