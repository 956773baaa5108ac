"""scripts/report_screenshots.py: the README's report pictures come from the shipped model and a
full, realistic audit (not a test fixture), and the PNGs are written for cover, summary and plan."""
import importlib.util
import shutil

import pytest
from PIL import Image

from checklists import default_model
from fixture_model import ROOT_DIR
from scoring import score


def _script():
    spec = importlib.util.spec_from_file_location("report_screenshots", ROOT_DIR / "scripts" / "report_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_audit_answers_every_question_of_the_shipped_model():
    model = default_model()
    a = _script().audit(model)
    s = score(model, a)
    assert s.completeness == 1 and s.answered == s.total > 60   # every question this business is asked
    assert len({a.value(i) for i in model.items}) >= 5          # not one answer everywhere
    assert sum(bool(a.note(i)) for i in model.items) >= 3
    assert sum(bool(e.owner) for e in a.plan.actions.values()) >= 3 and a.surveys
    assert a.updated_at.startswith("2026-11-23")


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs pdftoppm (poppler-utils)")
def test_it_writes_the_three_pictures(tmp_path):
    assert _script().main(["--out", str(tmp_path)]) == 0
    for name in ("cover", "summary", "plan"):
        with Image.open(tmp_path / f"report-{name}.png") as img:
            assert img.size == (579, 819)
