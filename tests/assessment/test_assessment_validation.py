"""Every kind of bad assessment file is refused before anything is stored, as problem codes with
where they are: JSON that Python's json module would take (duplicate keys, NaN, 5,000-digit
numbers, nesting deep enough for a RecursionError), wrong types in every field group, survey
results the pages could not show, and files too big or in the wrong encoding."""
from __future__ import annotations

import json

import pytest

from assessment.document import MAX_IMPORT_BYTES, AssessmentError, read_assessment
from bad_inputs import BAD_SURVEYS, GOOD_SURVEY, deep_json, document, duplicate_key_json
from checklists import load_model
from fixture_model import write_model


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return load_model(write_model(tmp_path_factory.mktemp("content")))


def problems(raw, model, **kw) -> list[tuple[str, str]]:
    with pytest.raises(AssessmentError) as err:
        read_assessment(raw, model, **kw)
    return [(p.where, p.code) for p in err.value.problems]


def dumps(doc) -> str:
    return json.dumps(doc, ensure_ascii=False)


def test_a_good_document_is_read_as_written(model):
    text = dumps(document(model))
    imported = read_assessment(text, model)
    assert [s.model_dump(mode="json") for s in imported.assessment.surveys] == [GOOD_SURVEY]
    assert imported.dropped == [] and imported.assessment.to_dict()["surveys"] == [GOOD_SURVEY]
    assert imported.source_model_version == model.version


@pytest.mark.parametrize("depth", [33, 1_000, 100_000])
def test_deep_nesting_is_refused_without_recursion_error(model, depth):
    raw = b'{"answers": {}, "surveys": ' + b"[" * depth + b"]" * depth + b"}"
    assert problems(raw, model) == [("", "json_too_deep")]


def test_deep_nesting_in_a_dict_given_directly(model):
    data = {"answers": {}, "surveys": []}
    node = data["surveys"]
    for _ in range(50):
        node.append([])
        node = node[0]
    assert problems(data, model) == [("", "json_too_deep")]


def test_deep_json_helper_is_deep(model):
    assert problems(deep_json(), model) == [("", "json_too_deep")]


@pytest.mark.parametrize("where,expected", [
    ("top", ""), ("company", "company"), ("answer", None),
])
def test_duplicate_keys_at_any_level_are_refused_and_located(model, where, expected):
    first = next(iter(model.items))
    found = problems(duplicate_key_json(model, where), model)
    assert found == [(expected if expected is not None else f"answers.{first}", "json_duplicate_key")]


def test_every_duplicate_key_is_listed_in_file_order(model):
    raw = '{"answers": {"X": {"value": 1}, "X": {"value": 2}}, "plan": {"targets": {}, "targets": {}}, "answers": {}}'
    # (the first "answers", with its own duplicate inside, is the one a decoder throws away)
    assert problems(raw, model) == [("", "json_duplicate_key"), ("plan", "json_duplicate_key")]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "9" * 5000])
def test_numbers_json_would_accept_but_we_cannot_use(model, number):
    first = next(iter(model.items))
    raw = dumps(document(model)).replace('"value": 3', f'"value": {number}', 1)
    assert first in raw
    assert problems(raw, model) == [("", "json_number")]


@pytest.mark.parametrize("raw,code", [
    (b"", "file_empty"), (b"   \n", "file_empty"), (b"{oops", "not_json"), (b"[1, 2]", "not_object"),
    (b'"text"', "not_object"), (b"\xff\x00garbage", "not_utf8"),
])
def test_not_a_document(model, raw, code):
    assert problems(raw, model) == [("", code)]


def test_greek_windows_encoding_is_refused_with_the_byte(model):
    raw = dumps(document(model, surveys=[])).encode("cp1253")
    with pytest.raises(AssessmentError) as err:
        read_assessment(raw, model)
    (p,) = err.value.problems
    first_greek = next(i for i, b in enumerate(raw) if b >= 0x80)  # Φ of Φούρνος
    assert p.code == "not_utf8" and p.params["byte"] == first_greek


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8-sig"), lambda s: s.encode("utf-16"), lambda s: "\ufeff" + s,
])
def test_a_bom_or_utf16_is_fine(model, encode):
    read_assessment(encode(dumps(document(model))), model)


def test_huge_file_is_refused_before_parsing(model):
    raw = b"{" + b" " * MAX_IMPORT_BYTES + b"}"
    with pytest.raises(AssessmentError) as err:
        read_assessment(raw, model)
    (p,) = err.value.problems
    assert p.code == "file_too_big" and p.params == {"size": 5.0, "limit": 5}


FIELD_GROUPS = {
    # the document's own fields
    "schema_version": ({"schema_version": "1"}, "schema_version", "int_type"),
    "schema_newer": ({"schema_version": 99}, "schema_version", "newer_schema"),
    "schema_bool": ({"schema_version": True}, "schema_version", "int_type"),
    "id_long": ({"id": "x" * 65}, "id", "id_format"),
    "id_markup": ({"id": "<b>x</b>"}, "id", "id_format"),
    "id_number": ({"id": 5}, "id", "string_type"),
    "model_version": ({"model_version": 2026}, "model_version", "string_type"),
    "model_version_long": ({"model_version": "v" * 51}, "model_version", "string_too_long"),
    "language": ({"language": "fr"}, "language", "literal_error"),
    "created_at": ({"created_at": "χθες"}, "created_at", "datetime_text"),
    "updated_at": ({"updated_at": 1700000000}, "updated_at", "string_type"),
    "unknown_top": ({"colour": "blue"}, "colour", "extra_forbidden"),
    # company and assessor
    "company": ({"company": "Acme"}, "company", "model_type"),
    "company_name": ({"company": {"name": 5}}, "company.name", "string_type"),
    "company_name_long": ({"company": {"name": "x" * 201}}, "company.name", "string_too_long"),
    "sector": ({"company": {"sector": "spaceships"}}, "company.sector", "unknown_sector"),
    "size": ({"company": {"size": "huge"}}, "company.size", "unknown_size"),
    "assessor": ({"assessor": {"name": ["Μαρία"]}}, "assessor.name", "string_type"),
    # answers
    "answers_list": ({"answers": []}, "answers", "dict_type"),
    "answer_number": ({"answers": {"@first": 3}}, "answers.@first", "model_type"),
    "answer_value": ({"answers": {"@first": {"value": 9}}}, "answers.@first.value", "answer_value"),
    "answer_bool": ({"answers": {"@first": {"value": True}}}, "answers.@first.value", "answer_value"),
    "answer_text": ({"answers": {"@first": {"value": "3"}}}, "answers.@first.value", "answer_value"),
    "note": ({"answers": {"@first": {"note": 5}}}, "answers.@first.note", "string_type"),
    "note_long": ({"answers": {"@first": {"note": "x" * 20_001}}}, "answers.@first.note", "string_too_long"),
    "answer_extra": ({"answers": {"@first": {"value": 1, "score": 1}}}, "answers.@first.score", "extra_forbidden"),
    "unknown_item": ({"answers": {"NOPE-01": {"value": 1}}}, "answers.NOPE-01", "unknown_item"),
    # plan edits
    "plan": ({"plan": []}, "plan", "model_type"),
    "target_range": ({"plan": {"targets": {"@pillar": 9}}}, "plan.targets", "target_range"),
    "target_bool": ({"plan": {"targets": {"@pillar": True}}}, "plan.targets.@pillar", "int_type"),
    "target_pillar": ({"plan": {"targets": {"nope": 3}}}, "plan.targets.nope", "unknown_pillar"),
    "action_status": ({"plan": {"actions": {"@first": {"status": "later"}}}}, "plan.actions.@first.status",
                      "literal_error"),
    "action_due": ({"plan": {"actions": {"@first": {"due": "31/12/2026"}}}}, "plan.actions.@first.due",
                   "date_parsing"),
    "action_due_number": ({"plan": {"actions": {"@first": {"due": 20261231}}}}, "plan.actions.@first.due",
                          "date_type"),
    "action_include": ({"plan": {"actions": {"@first": {"include": "yes"}}}}, "plan.actions.@first.include",
                       "bool_type"),
    "action_owner": ({"plan": {"actions": {"@first": {"owner": {"name": "Νίκος"}}}}}, "plan.actions.@first.owner",
                     "string_type"),
    "action_item": ({"plan": {"actions": {"NOPE-01": {}}}}, "plan.actions.NOPE-01", "unknown_item"),
    # survey results
    "surveys": ({"surveys": {"nps": 32}}, "surveys", "list_type"),
    **{f"survey_{k}": ({"surveys": [v]}, None, None) for k, v in BAD_SURVEYS.items()},
}


@pytest.mark.parametrize("case", list(FIELD_GROUPS))
def test_wrong_value_in_every_field_group(model, case):
    change, where, code = FIELD_GROUPS[case]
    first, pillar = next(iter(model.items)), model.pillars[0].id
    text = dumps(change).replace("@first", first).replace("@pillar", pillar)
    change = json.loads(text)
    doc = document(model)
    for key, value in change.items():
        doc[key] = {**doc[key], **value} if key in ("company", "assessor") and isinstance(value, dict) else value
    found = problems(dumps(doc), model)
    if where is None:  # survey entries: located in the entry
        assert found and all(w.startswith("surveys.0") for w, _ in found), found
    else:
        where = where.replace("@first", first).replace("@pillar", pillar)
        assert (where, code) in found, found


EXPECTED_SURVEY_CODES = {
    "value_text": ("surveys.0.value", "float_type"), "n_text": ("surveys.0.n", "int_type"),
    "n_negative": ("surveys.0.n", "greater_than_equal"), "interval_text": ("surveys.0.ci_low", "float_type"),
    "metric_unknown": ("surveys.0.metric", "literal_error"), "metric_missing": ("surveys.0.metric", "missing"),
    "label_number": ("surveys.0.period_label", "dict_type"), "scale_number": ("surveys.0.scale", "string_type"),
    "unknown_field": ("surveys.0.kind", "extra_forbidden"), "not_an_object": ("surveys.0", "model_type"),
    "bool_for_number": ("surveys.0.n", "int_type"), "off_the_scale": ("surveys.0.value", "survey_value_out_of_range"),
    "interval_reversed": ("surveys.0", "survey_interval_reversed"),
    "period_text": ("surveys.0.period_from", "string_pattern_mismatch"),
}


@pytest.mark.parametrize("case", list(BAD_SURVEYS))
def test_survey_results_the_pages_cannot_show_are_refused(model, case):
    assert problems(dumps(document(model, surveys=[BAD_SURVEYS[case]])), model) == [EXPECTED_SURVEY_CODES[case]]


def test_literal_problem_names_the_choices(model):
    with pytest.raises(AssessmentError) as err:
        read_assessment(dumps(document(model, language="fr")), model)
    (p,) = err.value.problems
    assert p.params == {"allowed": ["el", "en"]}
    assert err.value.first_line("el") == 'language: μη αποδεκτή τιμή· επιτρέπονται: "el" ή "en"'
    assert err.value.first_line("en") == 'language: value not allowed; allowed: "el" or "en"'


def test_wrong_fields_and_unknown_items_are_reported_together(model):
    doc = document(model, answers={"NOPE-01": {"value": 1}}, company={"name": 5})
    found = problems(dumps(doc), model)
    assert ("company.name", "string_type") in found and ("answers.NOPE-01", "unknown_item") in found


def test_other_model_version_drops_unknown_answers_and_actions(model):
    first = next(iter(model.items))
    doc = document(model, model_version="2020.01", answers={first: {"value": 2}, "OLD-01": {"value": 4}},
                   plan={"targets": {}, "actions": {"OLD-01": {"owner": "Νίκος"}}})
    imported = read_assessment(dumps(doc), model, allow_unknown_items=None)
    assert imported.dropped == ["OLD-01"] and imported.source_model_version == "2020.01"
    assert "OLD-01" not in imported.assessment.answers and imported.assessment.plan.actions == {}
