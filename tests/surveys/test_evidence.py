"""evidence_lines: the exact sentences the Measurement pillar and the report show."""
import pytest

from assessment.survey_result import SurveyResult
from surveys.evidence import evidence_lines, period_range_label

SURVEYS = [
    {
        "metric": "nps",
        "value": 32.4,
        "n": 214,
        "ci_low": 21.6,
        "ci_high": 41.2,
        "period_from": "2026-01",
        "period_to": "2026-03",
        "formula_id": "nps_promoters_minus_detractors",
        "scale": "0-10",
    },
    {
        "metric": "csat",
        "value": 69.16,
        "n": 1107,
        "ci_low": 59.87,
        "ci_high": 77.12,
        "formula_id": "csat_share_4_5",
        "scale": "1-5",
    },
    {
        "metric": "ces",
        "value": 5.43,
        "n": 25,
        "ci_low": 5.1,
        "ci_high": 5.76,
        "formula_id": "ces7_mean",
        "scale": "1-7",
        "period_from": "2025Q4",
        "period_to": "2026Q1",
    },
    {
        "metric": "ces",
        "value": 2.1,
        "n": 40,
        "ci_low": None,
        "ci_high": None,
        "formula_id": "ces5_effort_mean",
        "scale": "1-5",
        "higher_is_better": False,
        "period_label": {"el": "Μαρ 2026", "en": "Mar 2026"},
    },
    {
        "metric": "nps",
        "value": -5.2,
        "n": 30,
        "ci_low": -20.4,
        "ci_high": 10.0,
        "formula_id": "nps_promoters_minus_detractors",
    },
]


def test_greek():
    assert evidence_lines(SURVEYS, "el") == [
        "NPS +32, n = 214, διάστημα 95 % +22 έως +41, Ιαν–Μαρ 2026",
        "CSAT 69 %, n = 1.107, διάστημα 95 % 60 % έως 77 %",
        "CES 5,4 (κλίμακα 1–7), n = 25, διάστημα 95 % 5,1 έως 5,8, Οκτ 2025–Μαρ 2026 (λίγες απαντήσεις, ενδεικτικό)",
        "CES 2,1 (κλίμακα 1–5, χαμηλότερο = καλύτερο), n = 40, Μαρ 2026",
        "NPS −5, n = 30, διάστημα 95 % −20 έως +10",
    ]


def test_english():
    assert evidence_lines(SURVEYS, "en") == [
        "NPS +32, n = 214, 95% interval +22 to +41, Jan–Mar 2026",
        "CSAT 69%, n = 1,107, 95% interval 60% to 77%",
        "CES 5.4 (scale 1–7), n = 25, 95% interval 5.1 to 5.8, Oct 2025–Mar 2026 (few answers, indicative)",
        "CES 2.1 (scale 1–5, lower is better), n = 40, Mar 2026",
        "NPS −5, n = 30, 95% interval −20 to +10",
    ]


def test_empty_and_malformed_entries():
    assert evidence_lines([], "el") == []
    assert evidence_lines([{}, "x", {"metric": None}], "en") == []


@pytest.mark.parametrize("first,last,lang,expected", [
    ("2026-01", "2026-03", "el", "Ιαν–Μαρ 2026"), ("2026-05", "2026-05", "el", "Μαΐ 2026"),
    ("2025-12", "2026-02", "en", "Dec 2025–Feb 2026"), ("2026Q1", "2026Q2", "en", "Jan–Jun 2026"),
    (None, None, "el", ""), ("junk", "2026-01", "en", ""),
])
def test_period_range_label(first, last, lang, expected):
    assert period_range_label(first, last, lang) == expected


def test_survey_result_from_analysis():
    result = {
        "metric": "nps",
        "value": 40.0,
        "n": 40,
        "ci_low": 20.1,
        "ci_high": 55.3,
        "ci_method": "adjusted_wald",
        "columns": {"value": "NPS"},
        "scale": "0-10",
        "formula_id": "nps_promoters_minus_detractors",
        "formula": "NPS = …",
        "higher_is_better": True,
        "invalid_rows": [{"line": 4}],
        "by_period": [{"period": "2026-01", "n": 10}, {"period": "2026-02", "n": 0}, {"period": "2026-03", "n": 30}],
    }
    c = SurveyResult.from_analysis(result, source="a.csv", saved_at="2026-04-01T10:00:00+00:00")
    assert [period_range_label(c.period_from, c.period_to, lang) for lang in ("el", "en")] == [
        "Ιαν–Μαρ 2026", "Jan–Mar 2026"]
    assert (c.column, c.source, c.invalid, c.saved_at) == ("NPS", "a.csv", 1, "2026-04-01T10:00:00+00:00")
    assert evidence_lines([c], "en") == ["NPS +40, n = 40, 95% interval +20 to +55, Jan–Mar 2026"]
