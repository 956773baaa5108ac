"""ui/downloads: the files are built from a snapshot of the assessment taken while the page draws."""
import io
import json

from pypdf import PdfReader

from checklists import default_model
from scoring import new_assessment
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
