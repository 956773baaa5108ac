"""docs/scoring.md's worked example, number by number, through the CLI a reader would use."""
import json
import subprocess
import sys

import pytest

from fixture_model import ROOT_DIR


def test_worked_example_in_docs_matches_the_cli():
    out = subprocess.run([sys.executable, "-m", "scoring", "docs/example-assessment.json"], cwd=ROOT_DIR,
                         capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    plan, seg = r["pillars"]["cx_plan"], r["pillars"]["segmentation"]
    assert plan["score"] == pytest.approx(52.5, abs=0.01) and plan["level"] == 2 and plan["capped_by"] == ["PLAN-01"]
    # a micro bakery is asked PLAN-11 (thanked at the counter) but not PLAN-14: 5 answered of 21 asked
    assert plan["completeness"] == pytest.approx(5 / 21, abs=1e-4)
    # SEG-02 is answered 4 but not asked of a walk-in business: it does not count
    assert seg["score"] == pytest.approx(90.0, abs=0.01) and seg["level"] == 5 and seg["capped_by"] == []
    assert r["pillars"]["training"]["score"] is None
    assert r["overall"]["score"] == pytest.approx(71.25, abs=0.01) and r["overall"]["level"] == 3
    assert r["overall"]["completeness"] == pytest.approx(7 / 81, abs=1e-4)
    assert [(g["item"], g["value"], g["priority"]) for g in r["gaps"]] == [
        ("PLAN-01", 1, 13.5), ("PLAN-05", "unknown", 8.0), ("PLAN-03", 3, 4.0), ("SEG-03", 3, 3.0)]
    doc = (ROOT_DIR / "docs" / "scoring.md").read_text(encoding="utf-8")
    figures = ("52.5", "**90**", "71.25", "23.81 %", "8.64 %", '"completeness": 0.0864',
               '"completeness": 0.2381', "Ναι, άτυπα", "Yes, and reviewed")
    for figure in figures:
        assert figure in doc
