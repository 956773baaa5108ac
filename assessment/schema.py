"""The assessment document's JSON Schema, generated from the pydantic model so it cannot drift.

`python -m assessment.schema > docs/assessment.schema.json` rewrites the published copy;
tests/assessment/test_schema.py fails when the two differ.
"""
from __future__ import annotations

import json

from assessment.document import Assessment


def assessment_schema() -> dict:
    schema = Assessment.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cxaudit assessment"
    schema["description"] = (
        "One business's CX audit: profile, answers keyed by item id (e.g. PLAN-03), notes, plan edits "
        "and survey results. Answer values: 0–4, \"na\" (not applicable) or \"unknown\" (don't know)."
    )
    return schema


if __name__ == "__main__":
    print(json.dumps(assessment_schema(), ensure_ascii=False, indent=2))
