"""Survey results saved on the Measure page appear in the PDF as a customer-metrics section."""
import io

from pypdf import PdfReader

from assessment import Assessment
from checklists import default_model
from report import pdf_for
from surveys.evidence import evidence_lines


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _assessment(surveys):
    model = default_model()
    first = model.pillars[0].items[0].id
    return model, Assessment(model_version=model.version, company={"name": "Φούρνος Δοκιμή"},
                             answers={first: {"value": 2}}, surveys=surveys)


SURVEY = {"metric": "nps", "column": "Πόσο πιθανό", "value": 32.0, "n": 214, "ci_low": 22.1, "ci_high": 41.3,
          "period_from": "2026-01", "period_to": "2026-03", "scale": "0-10", "formula_id": "nps"}


def test_section_present_in_both_languages_when_surveys_exist():
    for lang, heading in (("el", "Μετρήσεις πελατών"), ("en", "Customer metrics")):
        model, a = _assessment([SURVEY])
        text = _text(pdf_for(model, a, lang))
        assert heading in text
        line = evidence_lines(a.surveys, lang)[0]
        assert line.split(",")[0] in text  # "NPS +32"
        assert "214" in text


def test_no_section_without_surveys():
    model, a = _assessment([])
    assert "Μετρήσεις πελατών" not in _text(pdf_for(model, a, "el"))


def test_word_report_has_the_metrics_too():
    from docx import Document

    from report import report_for

    model, a = _assessment([SURVEY])
    for lang, heading in (("el", "Μετρήσεις πελατών"), ("en", "Customer metrics")):
        doc = Document(io.BytesIO(report_for(model, a, "docx", lang)))
        assert ("Heading 1", heading) in [(p.style.name, p.text) for p in doc.paragraphs]
        text = "\n".join(p.text for p in doc.paragraphs)
        assert evidence_lines(a.surveys, lang)[0].split(",")[0] in text and "214" in text
