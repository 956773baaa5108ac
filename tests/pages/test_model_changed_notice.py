"""An assessment saved with an older model version opens (by its link) with every answer kept and a
notice, in the user's language, naming the new questions and their sections (AppTest)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store
from assessment import new_assessment

APP = str(Path(__file__).resolve().parents[2] / "app.py")
SECTIONS = {"el": ("Στρατηγική", "Συναίσθημα", "Εκπαίδευση"), "en": ("Strategy", "Emotion", "Training")}


def _saved_by_the_2026_12_release(url, model):
    """What the release of 1/12/2026 saved: model 2026.12, its 82 questions answered."""
    step = next(s for s in model.carryover if s.from_version == "2026.12")
    a = new_assessment(model, "el")
    a.company.name = "Ζαχαροπλαστείο Άλφα"
    for n, iid in enumerate(step.previous_items):
        a.set_value(iid, n % 5)
    a.model_version = "2026.12"
    store.save_assessment(store.get_engine(url), a, model)
    return a


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_2026_12_assessment_opens_with_its_answers_and_names_the_new_questions(db_url, model, lang):
    old = _saved_by_the_2026_12_release(db_url, model)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["assessment"] = old.id
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    [notice] = [i.value.replace("\\", "") for i in at.info if "2026.12.1" in i.value]  # as rendered
    assert "2026.12 → 2026.12.1" in notice
    first, emo, train = SECTIONS[lang]
    assert f"PLAN-22 ({first}); EMO-10 ({emo}); TRN-16 ({train})" in notice
    if lang == "el":
        assert "Νέες ερωτήσεις" in notice and "New questions" not in notice
    else:
        assert "New questions" in notice and "Νέες" not in notice
    opened = at.session_state["assessment"]
    assert opened.id == old.id and opened.model_version == "2026.12.1"
    assert {k: v.value for k, v in opened.answers.items()} == {k: v.value for k, v in old.answers.items()}
    stored, _ = store.load_assessment(store.get_engine(db_url), old.id)
    assert stored.model_version == "2026.12.1" and len(stored.answers) == 82
    at.run()  # the notice is said once
    assert not [i for i in at.info if "2026.12.1" in i.value]
