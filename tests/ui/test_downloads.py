"""ui/downloads: the files are built from a snapshot of the assessment taken while the page draws."""
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessment import new_assessment
from checklists import default_model
from ui import downloads

MODEL = default_model()
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
from report_fixtures import HOSTILE  # noqa: E402


def _assessment():
    a = new_assessment(MODEL)
    a.company.name = "Καφέ Άλφα"
    first = MODEL.pillars[0].items[0].id
    a.set_value(first, 0)
    return a, first


def test_the_pdf_is_built_on_click_from_the_drawn_assessment_outside_any_session():
    a, first = _assessment()
    make = downloads.pdf(MODEL, downloads.snapshot(a), "el")
    # The next click edits the live assessment before the user's click on the download arrives.
    a.company.name = "Άλλο όνομα"
    a.set_value(first, 4)
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(make())).pages)
    text = " ".join(text.split())
    assert "Καφέ Άλφα" in text and "Άλλο όνομα" not in text
    assert " ".join(MODEL.items[first].action.text("el").split()) in text


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join([p.text for p in doc.paragraphs] + cells).split())


def _xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    # The business name is in the workbook's title (what Excel shows in File > Info), the actions in the sheets.
    values = [book.properties.title or ""] + [
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None
    ]
    return " ".join(" ".join(values).split())


def test_word_and_excel_are_built_on_click_from_the_drawn_assessment():
    a, first = _assessment()
    frozen = downloads.snapshot(a)
    make_docx = downloads.report(MODEL, frozen, "docx", "el")
    make_xlsx = downloads.report(MODEL, frozen, "xlsx", "en")
    a.company.name = "Άλλο όνομα"
    a.set_value(first, 4)
    word = _docx_text(make_docx())
    assert "Καφέ Άλφα" in word and "Άλλο όνομα" not in word
    assert " ".join(MODEL.items[first].action.text("el").split()) in word
    excel = _xlsx_text(make_xlsx())
    assert "Καφέ Άλφα" in excel and "Άλλο όνομα" not in excel
    assert " ".join(MODEL.items[first].action.text("en").split()) in excel


def test_the_json_is_the_drawn_document():
    a, first = _assessment()
    frozen = downloads.snapshot(a)
    expected = a.to_dict()
    a.set_note(first, "later")
    assert json.loads(downloads.assessment_json(frozen)()) == expected


DAY = date(2026, 12, 2)
# Windows and macOS refuse these in a file name (and / splits a path); none may reach a name.
REFUSED = set('/\\:*?"<>|')


@pytest.mark.parametrize(("lang", "kind", "ext", "doc_lang", "expected"), [
    ("el", "plan", "pdf", "el", "Καφέ_Άλφα_Σια_2_σχέδιο_βελτίωσης_02-12-2026.pdf"),
    ("el", "plan", "pdf", "en", "Καφέ_Άλφα_Σια_2_σχέδιο_βελτίωσης_αγγλικά_02-12-2026.pdf"),
    ("el", "plan", "docx", None, "Καφέ_Άλφα_Σια_2_σχέδιο_βελτίωσης_02-12-2026.docx"),
    ("el", "tracker", "xlsx", None, "Καφέ_Άλφα_Σια_2_παρακολούθηση_σχεδίου_02-12-2026.xlsx"),
    ("el", "assessment", "json", None, "Καφέ_Άλφα_Σια_2_έλεγχος_02-12-2026.json"),
    ("en", "plan", "pdf", "en", "Καφέ_Άλφα_Σια_2_improvement_plan_02-12-2026.pdf"),
    ("en", "plan", "pdf", "el", "Καφέ_Άλφα_Σια_2_improvement_plan_Greek_02-12-2026.pdf"),
    ("en", "tracker", "xlsx", None, "Καφέ_Άλφα_Σια_2_plan_tracker_02-12-2026.xlsx"),
    ("en", "assessment", "json", None, "Καφέ_Άλφα_Σια_2_assessment_02-12-2026.json"),
])
def test_download_names_are_in_the_pages_language(lang, kind, ext, doc_lang, expected):
    """The Greek page gave '…_plan_el.pdf' and '…_tracker_el.xlsx'."""
    a, _ = _assessment()
    a.company.name = "  Καφέ «Άλφα» & Σια / 2  "
    assert downloads.download_name(a, kind, lang, ext, doc_lang=doc_lang, on=DAY) == expected


@pytest.mark.parametrize("name", [*HOSTILE.values(), "../../", 'a/b\\c:d*e?f"g<h>i|j', "CON", "   ", "🍰😀", "x" * 200])
@pytest.mark.parametrize("lang", ["el", "en"])
def test_download_names_are_safe_for_every_file_system(name, lang):
    a, _ = _assessment()
    a.company.name = name[:200]
    for kind, ext in (("plan", "pdf"), ("tracker", "xlsx"), ("assessment", "json")):
        got = downloads.download_name(a, kind, lang, ext, doc_lang="en", on=DAY)
        assert not REFUSED & set(got), got
        assert all(ch.isprintable() and not ch.isspace() for ch in got), got
        assert got.endswith(f"02-12-2026.{ext}") and not got.startswith(("_", ".", "-")), got
        assert len(got) <= 120 and "script" not in got and "<" not in got, got


def test_markup_and_emoji_leave_the_words():
    a, _ = _assessment()
    a.company.name = HOSTILE["markup"]
    assert downloads.download_name(a, "plan", "el", "pdf", on=DAY).startswith("Καφέ_Σία_")
    a.company.name = HOSTILE["emoji"]
    assert downloads.download_name(a, "plan", "el", "pdf", on=DAY) == \
        "Ζαχαροπλαστείο_Η_Γλυκιά_Ζωή_σχέδιο_βελτίωσης_02-12-2026.pdf"
    a.company.name = ""
    assert downloads.download_name(a, "tracker", "el", "xlsx", on=DAY) == "παρακολούθηση_σχεδίου_02-12-2026.xlsx"
