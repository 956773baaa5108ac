"""An assessment made with the previous checklist opens with every answer it can keep: by id, a
split item's answer on the part it belongs to, and the user told which questions are new."""
import json

import pytest

from assessment.document import Assessment, parse_assessment
from checklists.carryover import carry, changes_since

VALUES = (0, 1, 2, 3, 4, "na", "unknown")


@pytest.fixture
def old_doc(shipped_model):
    """A 2026.11 assessment answering all 54 of its questions, each with a note naming it."""
    step = shipped_model.carryover[0]
    assert step.from_version == "2026.11"
    answers = {i: {"value": VALUES[n % 7], "note": f"σημείωση {i}"} for n, i in enumerate(step.previous_items)}
    return {"schema_version": 1, "model_version": "2026.11", "answers": answers,
            "plan": {"actions": {"SEG-09": {"owner": "Νίκος", "status": "doing"}, "EMO-10": {"owner": "Άννα"}}}}


def test_every_old_answer_is_kept_by_id_or_on_its_part(shipped_model, old_doc):
    a, dropped = parse_assessment(json.dumps(old_doc, ensure_ascii=False), shipped_model)
    assert a.model_version == shipped_model.version
    assert dropped == []  # nothing unknown: the map accounts for every old id
    old = old_doc["answers"]
    for old_id, given in old.items():
        if old_id == "EMO-10":
            continue  # removed, and the user is told (below)
        new_id = "TRN-12" if old_id == "SEG-09" else old_id
        assert a.answers[new_id].value == given["value"], old_id
        assert a.answers[new_id].note == given["note"], old_id
    assert "EMO-10" not in a.answers
    # the plan edit follows the answer; the removed item's edit goes with it
    assert a.plan.actions["TRN-12"].owner == "Νίκος" and "EMO-10" not in a.plan.actions
    # the other part of every split starts unanswered
    for parts in shipped_model.carryover[0].splits.values():
        for part in parts[1:]:
            assert part not in a.answers


def test_the_user_is_told_what_is_new_moved_and_gone(shipped_model):
    ch = changes_since(shipped_model, "2026.11")
    step = shipped_model.carryover[0]
    assert ch.gone == ["EMO-10"] and ch.moved == {"SEG-09": "TRN-12"}
    assert "PLAN-12" in ch.new and "SEG-13" in ch.new and "TRN-13" in ch.new
    assert "TRN-12" not in ch.new  # it holds SEG-09's answer
    assert not set(ch.new) & (set(step.previous_items) - {"SEG-09"})
    assert len(ch.new) == len(shipped_model.items) - (len(step.previous_items) - 1)
    assert changes_since(shipped_model, shipped_model.version).new == []
    assert changes_since(shipped_model, "1999.01") is None


def test_carry_never_overwrites_and_leaves_unknown_versions_alone(shipped_model):
    assert carry(shipped_model, "2026.11", {"SEG-09": 1, "TRN-12": 3}) == {"TRN-12": 3}
    assert carry(shipped_model, "1999.01", {"SEG-09": 1}) == {"SEG-09": 1}
    assert carry(shipped_model, shipped_model.version, {"PLAN-01": 2}) == {"PLAN-01": 2}


def test_adopt_model_in_the_store_carries_and_reports(shipped_model, old_doc, tmp_path):
    from store import adopt_model, get_engine, load_assessment, save_assessment
    engine = get_engine(f"sqlite:///{tmp_path / 'c.sqlite'}")
    old = Assessment.model_validate(old_doc)
    # stored as it was saved by the old release (the store keeps documents as they are)
    save_assessment(engine, old, shipped_model)
    loaded, _ = load_assessment(engine, old.id)
    loaded.model_version = "2026.11"
    changes = adopt_model(engine, loaded, shipped_model)
    assert changes.changed and changes.new_known and changes.moved == {"SEG-09": "TRN-12"}
    assert changes.gone == ["EMO-10"] and "PLAN-12" in changes.new
    assert loaded.answers["TRN-12"].value == old_doc["answers"]["SEG-09"]["value"]
    assert loaded.model_version == shipped_model.version
