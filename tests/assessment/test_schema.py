import json

from assessment.schema import assessment_schema
from fixture_model import ROOT_DIR


def test_published_schema_matches_the_code():
    published = json.loads((ROOT_DIR / "docs" / "assessment.schema.json").read_text(encoding="utf-8"))
    assert published == assessment_schema(), "run: python -m assessment.schema > docs/assessment.schema.json"


def test_schema_describes_answers_and_plan():
    props = assessment_schema()["properties"]
    assert {"schema_version", "model_version", "language", "company", "assessor", "answers", "plan"} <= set(props)
