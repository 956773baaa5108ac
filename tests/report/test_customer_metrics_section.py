"""Survey results saved on the Measure page appear in the report at the end of the Measurement
section: the evidence line, the NPS mix as a stacked bar, the trend by period with its interval
band, and the segments; PDF and Word. An older result without breakdowns shows its line and says
how to get the charts."""
import io

import pytest
from pypdf import PdfReader
from report_fixtures import survey_results

from assessment import Assessment
from checklists import default_model
from i18n import t
from report import pdf_for, report_for
from surveys.evidence import evidence_lines


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _assessment(surveys):
    model = default_model()
    first = model.pillars[0].items[0].id
    a = Assessment(model_version=model.version, company={"name": "Φούρνος Δοκιμή"}, answers={first: {"value": 2}})
    stored = [s for s in surveys if isinstance(s, dict)]  # as an older version wrote them
    for s in surveys:
        if not isinstance(s, dict):
            a.save_survey(s)
    data = a.to_dict()
    data["surveys"] = data.get("surveys", []) + stored
    return model, Assessment.model_validate(data)   # as stored and read back


SURVEY = {"metric": "nps", "column": "Πόσο πιθανό", "value": 32.0, "n": 214, "ci_low": 22.1, "ci_high": 41.3,
          "period_from": "2026-01", "period_to": "2026-03", "scale": "0-10", "formula_id": "nps"}


@pytest.mark.parametrize("lang", ["el", "en"])
def test_charts_close_the_measurement_section(lang):
    model, a = _assessment(survey_results())
    pages = _pages(pdf_for(model, a, lang))
    text = "\n".join(pages)
    heading = t("report.metrics", lang)
    where = next(i for i, p in enumerate(pages) if heading in p)
    measurement = next(i for i, p in enumerate(pages) if model.pillar("measurement").title(lang) in p)
    assert where in (measurement, measurement + 1)                  # with its section, before the plan
    assert t("report.plan", lang) not in pages[where].split(heading)[1]
    s = a.surveys[0]
    assert evidence_lines(a.surveys, lang)[0].split(",")[0] in text
    # the mix, each group with its share
    assert t("measure.group.promoters", lang) in text and t("measure.group.detractors", lang) in text
    # the trend: one label per month, with its n; the segments with theirs
    assert t("report.metrics_trend", lang) in text
    first, last = ("Ιαν 2026", "Ιουν 2026") if lang == "el" else ("Jan 2026", "Jun 2026")
    assert first in text and last in text
    assert "n = 70" in text
    top = s.by_segment[0]
    assert f"{top.label} (n = {top.n})" in text
    assert t("report.metrics_no_breakdown", lang) not in text
    # the segments' chart is named by the file's own column, not a generic "customer segment"
    assert s.segment_column == "Κανάλι"
    assert t("report.metrics_segments_by", lang, column="Κανάλι") in text
    assert t("report.metrics_segments", lang) not in text


def test_an_older_result_without_breakdowns_says_how_to_get_charts():
    model, a = _assessment([SURVEY])
    text = "\n".join(_pages(pdf_for(model, a, "el")))
    assert "NPS +32" in text and "214" in text
    assert " ".join(t("report.metrics_no_breakdown", "el").split()[:6]) in " ".join(text.split())


def test_no_section_without_surveys():
    model, a = _assessment([])
    assert t("report.metrics", "el") not in "\n".join(_pages(pdf_for(model, a, "el")))


def test_word_report_has_the_metrics_and_their_charts():
    from docx import Document

    model, a = _assessment(survey_results())
    _, plain = _assessment([])
    for lang in ("el", "en"):
        doc = Document(io.BytesIO(report_for(model, a, "docx", lang)))
        assert ("Heading 2", t("report.metrics", lang)) in [(p.style.name, p.text) for p in doc.paragraphs]
        text = "\n".join(p.text for p in doc.paragraphs)
        assert evidence_lines(a.surveys, lang)[0] in text
        pictures = len(doc.inline_shapes)
        assert pictures == len(Document(io.BytesIO(report_for(model, plain, "docx", lang))).inline_shapes) + 3


def test_breakdowns_are_kept_with_the_result():
    s = survey_results()[0]
    assert sum(s.groups.values()) == s.n
    assert [b.label for b in s.by_period] == [f"2026-0{m}" for m in range(1, 7)]
    assert sum(b.n for b in s.by_segment) == s.n and s.by_segment[0].n == max(b.n for b in s.by_segment)
    again = type(s).model_validate_json(s.model_dump_json())
    assert again == s
