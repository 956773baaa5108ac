"""SurveyResult: what a saved survey result is, how it is saved once per metric and column, and
how entries saved before the type existed still load (or are refused when they cannot be shown)."""
import json

import pytest
from pydantic import ValidationError

from assessment import Assessment, SurveyResult
from surveys.evidence import evidence_lines

# What the Measure page stored before (surveys.evidence.compact_result): a plain dict.
OLD_ENTRY = {
    "metric": "nps", "column": "Πόσο πιθανό", "value": 32.4, "n": 214, "ci_low": 21.6, "ci_high": 41.2,
    "ci_method": "adjusted_wald", "period_from": "2026-01", "period_to": "2026-03",
    "period_label": {"el": "Ιαν–Μαρ 2026", "en": "Jan–Mar 2026"}, "scale": "0-10",
    "formula_id": "nps_promoters_minus_detractors", "formula": "NPS = …", "higher_is_better": True,
    "source": "έρευνα.csv", "invalid": 3, "saved_at": "2026-04-01T10:00:00+00:00",
}


def result(**kw) -> SurveyResult:
    return SurveyResult.model_validate({**OLD_ENTRY, **kw})


def test_old_document_loads_and_reads_the_same():
    a = Assessment.model_validate({"answers": {}, "surveys": [OLD_ENTRY]})
    s = a.surveys[0]
    assert isinstance(s, SurveyResult) and (s.metric, s.n, s.invalid, s.source) == ("nps", 214, 3, "έρευνα.csv")
    assert evidence_lines(a.surveys, "el") == ["NPS +32, n = 214, διάστημα 95 % +22 έως +41, Ιαν–Μαρ 2026"]
    # and it round-trips through JSON unchanged apart from the formula text it now completes
    again = Assessment.model_validate(json.loads(a.to_json()))
    assert again.surveys == a.surveys


def test_fields_the_formula_determines_are_completed():
    s = SurveyResult.model_validate({"metric": "csat", "value": 69.2, "n": 107, "ci_low": 59.9, "ci_high": 77.1})
    assert (s.scale, s.formula_id, s.ci_method, s.higher_is_better) == ("1-5", "csat_share_4_5", "wilson", True)
    s5 = SurveyResult.model_validate({"metric": "ces", "value": 2.1, "n": 40, "scale": "1-5"})
    assert (s5.formula_id, s5.higher_is_better) == ("ces5_effort_mean", False)
    odd = result(formula_id="nps", ci_method="wald")  # hand-made entries seen in the wild
    assert (odd.formula_id, odd.ci_method) == ("nps_promoters_minus_detractors", "adjusted_wald")


@pytest.mark.parametrize("change, code", [
    ({"n": "214"}, "int_type"), ({"value": "πολύ καλό"}, "float_type"), ({"n": -3}, "greater_than_equal"),
    ({"n": True}, "int_type"), ({"metric": "wow"}, "literal_error"), ({"kind": "x"}, "extra_forbidden"),
    ({"value": float("nan")}, "finite_number"), ({"value": 250.0}, "survey_value_out_of_range"),
    ({"ci_low": 50.0, "ci_high": 10.0}, "survey_interval_reversed"), ({"ci_high": None}, "survey_interval_incomplete"),
    ({"value": None}, "survey_value_missing"), ({"scale": "1-7"}, "survey_formula_mismatch"),
    ({"period_from": "2026-13"}, "string_pattern_mismatch"), ({"period_to": "2026Q1"}, "survey_period_mixed"),
])
def test_entries_the_pages_cannot_show_are_refused(change, code):
    with pytest.raises(ValidationError) as e:
        result(**change)
    assert [err["type"] for err in e.value.errors()] == [code]


def test_ces_mean_must_lie_on_its_scale():
    with pytest.raises(ValidationError):
        SurveyResult.model_validate({"metric": "ces", "value": 9.0, "n": 40})
    assert SurveyResult.model_validate({"metric": "ces", "value": 7.0, "n": 40}).value == 7.0


def test_save_survey_replaces_same_metric_and_column_in_place():
    a = Assessment()
    before = a.updated_at
    assert a.save_survey(result()) is False
    assert a.save_survey(result(metric="csat", value=70.0, ci_low=60.0, ci_high=78.0, scale="1-5",
                                formula_id="csat_share_4_5", column="Ικανοποίηση")) is False
    assert a.save_survey(result(value=40.0, n=300)) is True          # same metric + column: replaced
    assert [(s.metric, s.n) for s in a.surveys] == [("nps", 300), ("csat", 214)]
    assert a.save_survey(result(column="Άλλη στήλη")) is False       # another column: a new entry
    assert len(a.surveys) == 3 and a.updated_at >= before
    gone = a.remove_survey(("nps", "Πόσο πιθανό"))
    assert gone is not None and gone.n == 300
    assert [s.key for s in a.surveys] == [("csat", "Ικανοποίηση"), ("nps", "Άλλη στήλη")]
    assert a.remove_survey(("nps", "nope")) is None


def test_key_text_is_unambiguous_for_any_column():
    assert result(column='a", "b').key_text != result(column="a").key_text
    assert json.loads(result(column="x/y").key_text) == ["nps", "x/y"]


def test_schema_lists_every_stored_field():
    from assessment.schema import assessment_schema
    props = assessment_schema()["$defs"]["SurveyResult"]["properties"]
    assert set(props) == set(SurveyResult.model_fields)
    assert assessment_schema()["$defs"]["SurveyResult"]["additionalProperties"] is False
