"""assessment.cells: an assessment as {path: value} and back, and what changed between two."""
from __future__ import annotations

import random
from datetime import date

from assessment import Assessment, SurveyResult, cells, new_assessment
from assessment.document import ActionEdit

VALUES = [0, 1, 2, 3, 4, "na", "unknown", None]


def _random(model, seed: int) -> Assessment:
    rng = random.Random(seed)
    a = new_assessment(model)
    a.company.name = rng.choice(["", "Καφέ «Ήλιος»", "a.b.c", "🍷 <b>"])
    for item_id in model.items:
        if rng.random() < 0.7:
            a.set_value(item_id, rng.choice(VALUES))
        if rng.random() < 0.2:
            a.set_note(item_id, rng.choice(["", "σημείωση", "x.y.z"]))
        if rng.random() < 0.2:
            a.plan.actions[item_id] = ActionEdit(owner=rng.choice(["", "Νίκος"]), status=rng.choice(["todo", "done"]),
                                                 include=rng.random() < 0.5,
                                                 due=rng.choice([None, date(2027, 1, 31)]))
    for p in model.pillars:
        if rng.random() < 0.5:
            a.plan.targets[p.id] = rng.randint(1, 5)
    if rng.random() < 0.5:
        a.save_survey(SurveyResult(metric="nps", column="Σύσταση", n=10, value=12.5))
    return a


def test_fold_of_flatten_is_the_document(shipped_model):
    for seed in range(200):
        a = _random(shipped_model, seed)
        back = Assessment.model_validate(cells.fold(cells.flatten(a), a.id))
        assert back.to_dict() == a.to_dict() and back.to_json() == a.to_json()


def test_paths_name_the_leaves(shipped_model):
    a = new_assessment(shipped_model)
    item = next(iter(shipped_model.items))
    a.set_value(item, 3)
    a.set_note(item, "ok")
    a.plan.actions[item] = ActionEdit(owner="Μαρία")
    a.plan.targets["training"] = 4
    flat = cells.flatten(a)
    assert flat[f"answers.{item}.value"] == 3 and flat[f"answers.{item}.note"] == "ok"
    assert flat[f"plan.actions.{item}.owner"] == "Μαρία" and flat[f"plan.actions.{item}.status"] == "todo"
    assert flat["plan.targets.training"] == 4 and flat["company.name"] == "" and flat["language"] == "el"
    assert "surveys" not in flat and "id" not in flat
    assert cells.item_of(f"answers.{item}.note") == item == cells.item_of(f"plan.actions.{item}.due")
    assert cells.item_of("company.name") is None


def test_changed_cells_are_the_edits_and_removals(shipped_model):
    a = new_assessment(shipped_model)
    first, second = list(shipped_model.items)[:2]
    a.set_value(first, 2)
    a.set_note(first, "πριν")
    seen = cells.flatten(a)
    assert cells.changed_cells(cells.flatten(a), seen) == {}
    a.set_value(first, 4)
    a.set_value(second, "na")
    a.set_note(first, "")
    changed = cells.changed_cells(cells.flatten(a), seen)
    changed.pop("updated_at", None)   # touched by every edit (when it falls in another second)
    assert changed == {f"answers.{first}.value": 4, f"answers.{second}.value": "na", f"answers.{first}.note": None}


def test_same_is_json_equality():
    assert cells.same({"a": [1, "β"]}, {"a": [1, "β"]})
    assert not cells.same(True, 1) and not cells.same(None, "") and not cells.same(1, "1")
    assert cells.loads(cells.dumps("Καφέ «x»")) == "Καφέ «x»" and cells.dumps(None) == "null"
