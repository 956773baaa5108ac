"""The Word report: the PDF's content as real Word headings, tables and a picture, in a font with
Greek; LibreOffice opens it (converted to PDF headless) and the text survives."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import pytest
from report_fixtures import realistic_audit

from checklists import default_model
from i18n import t
from report import report_for
from scoring import score
from scoring.plan import build_plan, edit_action


@pytest.fixture(scope="module")
def shipped():
    return default_model()


@pytest.fixture(scope="module")
def audit(shipped):
    return realistic_audit(shipped)


def soffice_pdf(data: bytes, suffix: str, tmp_path) -> bytes:
    exe = shutil.which("soffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("soffice (LibreOffice) is missing: scripts/ensure-system-deps.sh installs it")
        pytest.skip("LibreOffice is not installed")
    src = tmp_path / f"in{suffix}"
    src.write_bytes(data)
    out = subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                         capture_output=True, timeout=240)
    pdf = tmp_path / "in.pdf"
    assert out.returncode == 0 and pdf.exists(), out.stderr.decode(errors="replace")
    return pdf.read_bytes()


@pytest.mark.parametrize("lang", ["el", "en"])
def test_word_has_headings_tables_picture_and_greek_font(shipped, audit, lang):
    from docx import Document

    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", lang)))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for n, pillar in enumerate(shipped.pillars, start=1):
        assert ("Heading 1", f"{n}. {pillar.title(lang)}") in headings
    assert ("Heading 1", t("report.plan", lang)) in headings
    assert len(doc.tables) >= 4                      # cover facts, the phases, sign-off
    assert doc.inline_shapes and doc.inline_shapes[0].type is not None   # the radar
    assert doc.styles["Normal"].font.name == "DejaVu Sans"
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for tb in doc.tables for row in tb.rows for c in row.cells)
    plan = build_plan(shipped, audit, score(shipped, audit))
    for act in plan.start_now:
        assert act.text(lang) in text
    assert audit.company.name in text
    with_appendix = Document(io.BytesIO(report_for(shipped, audit, "docx", lang, appendix=True)))
    rows = sum(len(tb.rows) for tb in with_appendix.tables) - sum(len(tb.rows) for tb in doc.tables)
    assert rows >= len(plan.actions)


def test_libreoffice_opens_the_word_file(shipped, audit, tmp_path):
    import pypdf

    pdf = soffice_pdf(report_for(shipped, audit, "docx", "el"), ".docx", tmp_path)
    text = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Ξενοδοχείο" in text and t("report.summary", "el") in text
    assert shipped.pillars[0].title("el").split()[0] in text


@pytest.mark.parametrize("lang", ["el", "en"])
def test_word_signoff_block_assessor_date_next_review(shipped, audit, lang):
    from datetime import date

    from docx import Document

    from i18n import format_date
    from report.common import next_review

    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", lang)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert t("report.signoff", lang) in headings
    table = next(tb for tb in doc.tables if tb.rows[0].cells[0].text == t("report.signoff_assessor", lang))
    cells = {row.cells[0].text: row.cells[1].text for row in table.rows}
    when = date.fromisoformat(audit.updated_at[:10])
    assert audit.assessor.name in cells[t("report.signoff_assessor", lang)]
    assert cells[t("report.signoff_date", lang)] == format_date(when, lang)
    assert cells[t("report.signoff_next", lang)] == format_date(next_review(when), lang)
    assert t("report.signoff_sign", lang) in cells


@pytest.mark.parametrize("lang", ["el", "en"])
def test_word_tables_fit_the_page_and_split_no_word(shipped, audit, lang):
    """Every Word table is at most its page's text width (17 cm; 25.7 cm on the appendix's landscape
    pages), and every word of every cell fits its column at the table's size (LibreOffice split
    'Υπεύθυν|ος' and 'Κατάστ|αση' before)."""
    from docx import Document
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from report import fonts
    from report.word_parts import TABLE_PT

    fonts.register()
    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", lang, appendix=True)))
    for table in doc.tables[1:]:   # the cover's first table holds the logos (none here) or the facts
        widths = [col.width.cm for col in table.columns]
        landscape = t("report.col.kpi", lang) in [c.text for c in table.rows[0].cells]   # appendix tables
        assert sum(widths) <= (25.75 if landscape else 17.05), widths
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                for word in cell.text.split():
                    need = stringWidth(word, fonts.BOLD, TABLE_PT) / 72 * 2.54 + 0.38
                    assert need <= width + 0.01, (word, width)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_long_owner_names_leave_every_header_whole(shipped, lang):
    """A long owner name took the owner column so much room that the others shrank below their
    headers («Προθεσμί|α», «Κατάστασ|η» in LibreOffice). Now every header word fits its column,
    and a value word too wide for its column is set smaller so that it fits (none is cut)."""
    from docx import Document
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from report import fonts
    from report.word_parts import TABLE_PT

    fonts.register()
    a = realistic_audit(shipped)
    plan = build_plan(shipped, a, score(shipped, a))
    edit_action(a, plan.included[0].item, owner="Αικατερίνη Παπαδοπούλου-Χατζηγεωργίου")
    edit_action(a, plan.included[1].item, owner="Κωνσταντίνος Χατζηκωνσταντινόπουλος")
    doc = Document(io.BytesIO(report_for(shipped, a, "docx", lang, appendix=True)))
    owners = 0
    for table in doc.tables[1:]:
        widths = [col.width.cm for col in table.columns]
        for r, row in enumerate(table.rows):
            for cell, width in zip(row.cells, widths, strict=True):
                owners += "Χατζηκωνσταντινόπουλος" in cell.text
                for run in (x for p in cell.paragraphs for x in p.runs):
                    size = run.font.size.pt if run.font.size else TABLE_PT
                    for word in re.split(r"\s+|(?<=-)", run.text):   # a line may break after a hyphen
                        need = stringWidth(word, fonts.BOLD, size) / 72 * 2.54 + 0.38
                        assert need <= width + 0.01, (r, word, width)
    assert owners >= 2


def test_word_cover_kicker_is_greek_all_caps_without_tonos(shipped, audit):
    """Greek capitals take no tonos: the Word cover's first line reads «ΕΛΕΓΧΟΣ …», like the PDF."""
    from docx import Document

    from i18n import upper

    doc = Document(io.BytesIO(report_for(shipped, audit, "docx", "el")))
    first = next(p.text for p in doc.paragraphs if p.text.strip())
    assert first == upper(t("report.cover_kicker", "el"))
    assert not set(first) & set("ΆΈΉΊΌΎΏ")
