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
    assert plan["score"] == pytest.approx(47.22, abs=0.01) and plan["level"] == 2 and plan["capped_by"] == ["PLAN-01"]
    assert plan["completeness"] == pytest.approx(5 / 11, abs=1e-4)
    assert seg["score"] == pytest.approx(92.86, abs=0.01) and seg["level"] == 5 and seg["capped_by"] == []
    assert r["pillars"]["training"]["score"] is None
    assert r["overall"]["score"] == pytest.approx(70.04, abs=0.01) and r["overall"]["level"] == 3
    assert r["overall"]["completeness"] == pytest.approx(8 / 54, abs=1e-4)
    assert [(g["item"], g["value"], g["priority"]) for g in r["gaps"]] == [
        ("PLAN-01", 1, 27.0), ("PLAN-05", "unknown", 16.0), ("PLAN-03", 3, 4.0), ("SEG-03", 3, 3.0)]
    doc = (ROOT_DIR / "docs" / "scoring.md").read_text(encoding="utf-8")
    for figure in ("47.22", "92.86", "70.04", "45.45 %", "14.81 %"):
        assert figure in doc
