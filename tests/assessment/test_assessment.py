"""The assessment document: validation messages, round trip, and the `python -m scoring` CLI."""
import json

import pytest

from assessment import AssessmentError, parse_assessment
from checklists import load_model
from cli_support import run_scoring
from fixture_model import write_model


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory):
    return write_model(tmp_path_factory.mktemp("content"))


@pytest.fixture(scope="module")
def model(content_dir):
    return load_model(content_dir)


def doc(**answers):
    return {
        "schema_version": 1,
        "model_version": "2026.11",
        "language": "el",
        "company": {"name": "Φούρνος «Η Ζύμη» & Σια <b>", "sector": "food_service", "size": "micro", "city": "Βόλος"},
        "assessor": {"name": "Μαρία", "organisation": ""},
        "created_at": "2026-11-01T09:00:00+00:00",
        "updated_at": "2026-11-01T10:00:00+00:00",
        "answers": {k: v for k, v in answers.items()},
    }


def test_round_trip_is_exact(model):
    original = doc(**{"PLAN-01": {"value": 3, "note": "Σημείωση 🙂\nδεύτερη γραμμή"}, "SEG-02": {"value": "na"},
                      "EMO-03": {"value": "unknown"}})
    a, dropped = parse_assessment(json.dumps(original), model)
    assert dropped == []
    again, _ = parse_assessment(a.to_json(), model)
    assert again.to_dict() == a.to_dict()
    assert a.company.name == original["company"]["name"]
    assert a.answers["PLAN-01"].note.endswith("δεύτερη γραμμή")


@pytest.mark.parametrize("raw,where,what", [
    (b"{not json", "", "not valid JSON"),
    (b"[1, 2]", "", "JSON object"),
    (json.dumps(doc(**{"PLAN-01": {"value": 5}})), "answers.PLAN-01.value", "0–4"),
    (json.dumps(doc(**{"PLAN-01": {"value": "yes"}})), "answers.PLAN-01.value", "0–4"),
    (json.dumps(doc(**{"PLAN-01": {"value": True}})), "answers.PLAN-01.value", "0–4"),
    (json.dumps(doc(**{"PLAN-01": {"value": 2.5}})), "answers.PLAN-01.value", "0–4"),
    (json.dumps(doc(**{"PLAN-01": 3})), "answers.PLAN-01", ""),
    (json.dumps(doc(**{"NOPE-01": {"value": 3}})), "answers.NOPE-01", "unknown question id"),
    (json.dumps({**doc(), "schema_version": 99}), "schema_version", "newer"),
    (json.dumps({**doc(), "company": "Acme"}), "company", ""),
    (json.dumps({k: v for k, v in doc().items() if k != "answers"}), "answers", "missing"),
    (b"\xff\x00garbage", "", "UTF-8"),
])
def test_bad_documents_name_the_problem_and_where(model, raw, where, what):
    with pytest.raises(AssessmentError) as err:
        parse_assessment(raw, model)
    first = err.value.first_line()
    assert first.startswith(where) and what in first
    assert "\n" not in first


def test_every_problem_is_reported(model):
    bad = doc(**{"PLAN-01": {"value": 9}, "PLAN-02": {"value": "x"}, "ZZZ-01": {"value": 1}})
    with pytest.raises(AssessmentError) as err:
        parse_assessment(json.dumps(bad), model)
    wheres = [p.where for p in err.value.problems]
    assert "answers.PLAN-01.value" in wheres and "answers.PLAN-02.value" in wheres


def test_too_big_is_refused_before_parsing(model):
    with pytest.raises(AssessmentError, match="5 MB"):
        parse_assessment(b" " * (5 * 1024 * 1024 + 1), model)


def test_other_model_version_drops_unknown_items_and_says_which(model):
    old = {**doc(**{"PLAN-01": {"value": 2}, "OLD-01": {"value": 4}}), "model_version": "2025.01"}
    a, dropped = parse_assessment(json.dumps(old), model, allow_unknown_items=None)
    assert dropped == ["OLD-01"] and "OLD-01" not in a.answers and a.value("PLAN-01") == 2
    assert a.model_version == model.version


def test_cli_scores_a_file(tmp_path, content_dir):
    f = tmp_path / "a.json"
    f.write_text(json.dumps(doc(**{"PLAN-01": {"value": 4}, "PLAN-02": {"value": 2}, "PLAN-03": {"value": "na"}})),
                 encoding="utf-8")
    out = run_scoring(content_dir, f, text=True)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["pillars"]["cx_plan"]["score"] == 75.0 and data["pillars"]["cx_plan"]["level"] == 4
    assert data["pillars"]["segmentation"]["score"] is None
    assert data["overall"]["score"] == 75.0 and data["overall"]["completeness"] == pytest.approx(3 / 40, abs=1e-4)
    assert [g["item"] for g in data["gaps"]] == ["PLAN-02"]


@pytest.mark.parametrize("content,needle", [
    ("{oops", "not valid JSON"),
    (json.dumps(doc(**{"PLAN-01": {"value": 7}})), "answers.PLAN-01.value"),
    (json.dumps(doc(**{"XYZ-99": {"value": 1}})), "XYZ-99"),
    (json.dumps({**doc(), "answers": []}), "answers"),
])
def test_cli_bad_file_exits_2_with_one_line(tmp_path, content_dir, content, needle):
    f = tmp_path / "bad.json"
    f.write_text(content, encoding="utf-8")
    out = run_scoring(content_dir, f, text=True)
    assert out.returncode == 2
    assert out.stdout == "" and out.stderr.count("\n") == 1 and needle in out.stderr
    assert "Traceback" not in out.stderr


def test_cli_missing_file(tmp_path, content_dir):
    out = run_scoring(content_dir, tmp_path / "nope.json", text=True)
    assert out.returncode == 2 and "cannot read" in out.stderr and out.stderr.count("\n") == 1
