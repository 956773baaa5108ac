"""ui/downloads: the files are built from a snapshot of the assessment taken while the page draws."""
import io
import json

from pypdf import PdfReader

from assessment import new_assessment
from checklists import default_model
from ui import downloads

MODEL = default_model()


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


def test_file_stem_keeps_letters_and_digits():
    a, _ = _assessment()
    a.company.name = "  Καφέ «Άλφα» & Σια / 2  "
    assert downloads.file_stem(a, "x") == "Καφέ_Άλφα_Σια_2"
    a.company.name = "../../"
    assert downloads.file_stem(a, "cxaudit") == "cxaudit"
