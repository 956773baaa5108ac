"""An assessment made with the previous checklist opens with every answer it can keep: by id, a
split item's answer on the part it belongs to, and the user told which questions are new."""
import json

import pytest

from assessment.document import Assessment, parse_assessment
from checklists.carryover import carry, changes_since

VALUES = (0, 1, 2, 3, 4, "na", "unknown")


def _old_doc(step):
    """An assessment of `step.from_version` answering every one of its questions, each with a
    note naming it, and a plan edit on every item."""
    answers = {i: {"value": VALUES[n % 7], "note": f"σημείωση {i}"} for n, i in enumerate(step.previous_items)}
    actions = {i: {"owner": f"Υπεύθυνος {i}"} for i in step.previous_items}
    return {"schema_version": 1, "model_version": step.from_version, "answers": answers,
            "plan": {"actions": actions}}


@pytest.fixture
def old_doc(shipped_model):
    """A 2026.11 assessment answering all 54 of its questions."""
    step = shipped_model.carryover[0]
    assert step.from_version == "2026.11" and len(step.previous_items) == 54
    return _old_doc(step)


def test_no_version_drops_an_answer(shipped_model):
    """Every old answer needs a question to stay on: from every version the map knows, nothing is
    gone; an item a step removed (EMO-10, out of 2026.12 as released) is restored later."""
    assert len(shipped_model.carryover) >= 2
    for step in shipped_model.carryover:
        assert changes_since(shipped_model, step.from_version).gone == [], step.from_version
    removed = {i for step in shipped_model.carryover for i in step.removed}
    restored = {i for step in shipped_model.carryover for i in step.restored}
    assert removed == restored == {"EMO-10"}


def test_an_assessment_of_every_previous_version_keeps_every_answer(shipped_model):
    """For every version the map knows: each old answer, note and plan edit is found after opening,
    under its own id or (split or moved) under the first part; none is lost, none lands twice."""
    for step in shipped_model.carryover:
        doc = _old_doc(step)
        a, dropped = parse_assessment(json.dumps(doc, ensure_ascii=False), shipped_model)
        assert a.model_version == shipped_model.version
        assert dropped == [], step.from_version  # the map accounts for every old id
        moved = changes_since(shipped_model, step.from_version).moved
        assert len(a.answers) == len(step.previous_items)  # nothing lost, nothing merged
        for old_id, given in doc["answers"].items():
            new_id = moved.get(old_id, old_id)
            assert new_id in shipped_model.items, (step.from_version, old_id)
            assert a.answers[new_id].value == given["value"], old_id
            assert a.answers[new_id].note == given["note"], old_id
            assert a.plan.actions[new_id].owner == f"Υπεύθυνος {old_id}", old_id


def test_every_old_answer_is_kept_by_id_or_on_its_part(shipped_model, old_doc):
    a, dropped = parse_assessment(json.dumps(old_doc, ensure_ascii=False), shipped_model)
    assert dropped == []
    for old_id, given in old_doc["answers"].items():
        new_id = "TRN-12" if old_id == "SEG-09" else old_id
        assert a.answers[new_id].value == given["value"], old_id
        assert a.answers[new_id].note == given["note"], old_id
    # EMO-10 keeps its answer under its own id (it was to be removed; now it asks one thing)
    assert a.answers["EMO-10"].value == old_doc["answers"]["EMO-10"]["value"]
    assert a.plan.actions["EMO-10"].owner == "Υπεύθυνος EMO-10"
    # the plan edit follows the answer
    assert a.plan.actions["TRN-12"].owner == "Υπεύθυνος SEG-09" and "SEG-09" not in a.plan.actions
    # the other part of every split starts unanswered
    for parts in shipped_model.carryover[0].splits.values():
        for part in parts[1:]:
            assert part not in a.answers


def test_the_user_is_told_what_is_new_moved_and_gone(shipped_model):
    ch = changes_since(shipped_model, "2026.11")
    step = shipped_model.carryover[0]
    assert ch.gone == [] and ch.moved == {"SEG-09": "TRN-12"}
    assert "PLAN-12" in ch.new and "SEG-13" in ch.new and "TRN-13" in ch.new
    assert "PLAN-22" in ch.new and "TRN-16" in ch.new
    assert "TRN-12" not in ch.new and "EMO-10" not in ch.new  # they hold old answers
    assert not set(ch.new) & (set(step.previous_items) - {"SEG-09"})
    assert len(ch.new) == len(shipped_model.items) - len(step.previous_items)  # every old id holds an answer
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
    assert changes.gone == [] and "PLAN-12" in changes.new
    assert loaded.answers["TRN-12"].value == old_doc["answers"]["SEG-09"]["value"]
    assert loaded.model_version == shipped_model.version


@pytest.fixture
def released_2026_12(shipped_model):
    """A 2026.12 assessment as saved by the release of 1/12/2026: every one of its 82 questions
    answered (no EMO-10, PLAN-22 or TRN-16 yet; PLAN-20 still asked about complaints too)."""
    step = next(s for s in shipped_model.carryover if s.from_version == "2026.12")
    assert len(step.previous_items) == 82
    assert not {"EMO-10", "PLAN-22", "TRN-16"} & set(step.previous_items)
    return _old_doc(step)


def test_the_model_version_was_bumped_past_2026_12(shipped_model):
    """2026.12 gained EMO-10, PLAN-22 and TRN-16 after its release: a new version number, later
    than every version the map starts from, so that those assessments are carried over."""
    from checklists.model import version_key
    assert shipped_model.version == "2026.12.1"
    assert [s.from_version for s in shipped_model.carryover] == ["2026.11", "2026.12"]
    assert all(version_key(s.from_version) < version_key(shipped_model.version) for s in shipped_model.carryover)


def test_a_released_2026_12_assessment_keeps_every_answer_and_is_told_what_is_new(shipped_model,
                                                                                    released_2026_12):
    a, dropped = parse_assessment(json.dumps(released_2026_12, ensure_ascii=False), shipped_model)
    assert dropped == [] and a.model_version == "2026.12.1"
    assert set(a.answers) == set(released_2026_12["answers"])  # all 82, each under its own id
    for iid, given in released_2026_12["answers"].items():
        assert (a.answers[iid].value, a.answers[iid].note) == (given["value"], given["note"]), iid
        assert a.plan.actions[iid].owner == f"Υπεύθυνος {iid}"
    # PLAN-20 was split: its answer stays on PLAN-20 (returns terms), PLAN-22 (complaints) is new
    assert changes_since(shipped_model, "2026.12").new == ["PLAN-22", "EMO-10", "TRN-16"]
    assert changes_since(shipped_model, "2026.12").gone == [] and changes_since(shipped_model, "2026.12").moved == {}


def test_a_2026_12_assessment_with_the_late_questions_answered_loses_none(shipped_model, released_2026_12):
    """Saved after EMO-10, PLAN-22 and TRN-16 came in, still as 2026.12: those answers stay and
    are not called new."""
    doc = json.loads(json.dumps(released_2026_12))
    for n, iid in enumerate(("EMO-10", "PLAN-22", "TRN-16")):
        doc["answers"][iid] = {"value": n + 1, "note": f"σημείωση {iid}"}
    a, dropped = parse_assessment(json.dumps(doc, ensure_ascii=False), shipped_model)
    assert dropped == [] and len(a.answers) == len(shipped_model.items) == 85
    assert [a.answers[i].value for i in ("EMO-10", "PLAN-22", "TRN-16")] == [1, 2, 3]
    assert changes_since(shipped_model, "2026.12", a.answers).new == []


def test_the_chain_from_2026_11_keeps_emo_10_across_its_removal(shipped_model, old_doc):
    """2026.11 -> 2026.12 (EMO-10 removed, as released) -> 2026.12.1 (EMO-10 back): the 2026.11
    answer to EMO-10 is there at the end, PLAN-22 and TRN-16 are new like the other late items."""
    assert [(s.from_version, s.to_version) for s in shipped_model.carryover] == [
        ("2026.11", "2026.12"), ("2026.12", "2026.12.1")]
    assert shipped_model.carryover[0].removed == ["EMO-10"]
    assert carry(shipped_model, "2026.11", {"EMO-10": 3, "SEG-09": 1}) == {"EMO-10": 3, "TRN-12": 1}
    ch = changes_since(shipped_model, "2026.11")
    assert "EMO-10" not in ch.new and {"PLAN-22", "TRN-16"} <= set(ch.new)


def _adopted(doc, model, tmp_path, version):
    """`doc` saved as the release of `version` saved it, then opened by the store (as the app does)."""
    from store import adopt_model, get_engine, load_assessment, save_assessment
    engine = get_engine(f"sqlite:///{tmp_path / 'v.sqlite'}")
    old = Assessment.model_validate(doc)
    save_assessment(engine, old, model)
    loaded, _ = load_assessment(engine, old.id)
    loaded.model_version = version
    return loaded, adopt_model(engine, loaded, model)


def test_the_store_opens_a_released_2026_12_assessment_and_names_the_new_questions(shipped_model,
                                                                                     released_2026_12, tmp_path):
    loaded, changes = _adopted(released_2026_12, shipped_model, tmp_path, "2026.12")
    assert (changes.old_version, changes.new_version) == ("2026.12", "2026.12.1")
    assert changes.changed and changes.new_known and changes.gone == [] and changes.moved == {}
    assert changes.new == ["PLAN-22", "EMO-10", "TRN-16"]
    assert {k: v.value for k, v in loaded.answers.items()} == {
        k: v["value"] for k, v in released_2026_12["answers"].items()}
    assert loaded.model_version == "2026.12.1"


def test_the_store_says_nothing_new_when_the_late_questions_were_answered(shipped_model, released_2026_12,
                                                                          tmp_path):
    doc = json.loads(json.dumps(released_2026_12))
    doc["answers"].update({i: {"value": 2} for i in ("EMO-10", "PLAN-22", "TRN-16")})
    loaded, changes = _adopted(doc, shipped_model, tmp_path, "2026.12")
    assert changes.new == [] and not changes.changed  # nothing to tell: every question has its answer
    assert len(loaded.answers) == 85 and loaded.model_version == "2026.12.1"
