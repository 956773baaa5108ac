"""The repository on a real database: save/load, cells and conflicts, clients, history, soft delete,
import validation and model changes. Item ids always come from the model."""
from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from sqlalchemy import func, select

import store
from assessment import Assessment, AssessmentError, SurveyResult, cells, new_assessment
from assessment.document import ActionEdit
from checklists import load_model
from fixture_model import item, pillar, write_model
from i18n import sort_key
from scoring import score
from store.schema import assessment_cells, assessments, clients, model_items

ANSWERS = (0, 1, 2, 3, 4, "na", "unknown")


def full(model, name="Καφέ Ήλιος", created_at=None, seed=0) -> Assessment:
    """An assessment answering every item, with a note, profile, plan edits and a survey result."""
    a = new_assessment(model)
    a.company.name, a.company.city, a.company.sector, a.company.size = name, "Λάρισα", "food_service", "micro"
    a.assessor.name = "Μαρία Παπαδοπούλου"
    for n, item_id in enumerate(model.items):
        a.set_value(item_id, ANSWERS[(n + seed) % len(ANSWERS)])
    first = next(iter(model.items))
    a.set_note(first, "Σημείωση: «πελάτες» με τόνους — ΆΈΉ ϊΐ")
    a.plan.targets[model.pillars[0].id] = 4
    a.plan.actions[first] = ActionEdit(owner="Νίκος", due=date(2027, 3, 31), status="doing")
    a.save_survey(SurveyResult(metric="nps", column="Σύσταση", n=120, value=31.5, ci_low=22.1, ci_high=40.3,
                               period_label={"el": "Καλοκαίρι", "en": "Summer"}))
    if created_at:
        a.created_at = a.updated_at = created_at
    return a


def snapshot(engine) -> list:
    with engine.connect() as conn:
        return [
            sorted(map(tuple, conn.execute(select(t)).all()), key=repr)
            for t in (clients, assessments, assessment_cells)
        ]


# ---------------------------------------------------------------- save, load, cells and conflicts
def test_save_and_load_exact(engine, model):
    a = full(model)
    result = store.save_assessment(engine, a, model)
    assert result.rev == 1 and not result.conflicts
    loaded, rev = store.load_assessment(engine, a.id)
    assert rev == 1
    assert loaded.to_dict() == a.to_dict()
    assert loaded.to_json() == a.to_json()


def _tab(engine, assessment_id):
    """A tab that opened the assessment: its copy and what it saw ({path: (value, rev)})."""
    stored = store.load_cells(engine, assessment_id)
    return stored.assessment(), dict(stored.cells)


def _write(engine, model, a, seen, tab=None):
    """Write what `a` changed since `seen`, as ui/persistence does."""
    current = cells.flatten(a)
    dirty = cells.changed_cells(current, {p: v for p, (v, _) in seen.items()})
    result = store.write_cells(engine, a.id, {p: (v, seen.get(p, (None, None))[1]) for p, v in dirty.items()},
                               model, tab=tab)
    for p, rev in result.saved.items():
        seen[p] = (dirty[p], rev)
    return result


def _stored_with_two_tabs(engine, model, a):
    """`a` stored, the model's item ids, and two tabs that opened it."""
    store.save_assessment(engine, a, model)
    return a, list(model.items), _tab(engine, a.id), _tab(engine, a.id)


def test_every_write_bumps_the_rev_and_stamps_its_cells(engine, model):
    a = full(model)
    store.save_assessment(engine, a, model)
    tab, seen = _tab(engine, a.id)
    first = next(iter(model.items))
    for n in range(3):
        tab.set_note(first, f"note {n}")
        result = _write(engine, model, tab, seen, "t")
        assert not result.conflicts
    assert result.rev == 4
    loaded, rev = store.load_assessment(engine, a.id)
    assert rev == 4 and loaded.note(first) == "note 2"
    assert store.load_cells(engine, a.id, since_rev=3).cells[f"answers.{first}.note"] == ("note 2", 4)
    log = [e for e in store.edits(engine, a.id) if e["path"] == f"answers.{first}.note"]
    assert [e["value"] for e in log] == [full(model).note(first), "note 0", "note 1", "note 2"]
    assert [e["tab"] for e in log][1:] == ["t", "t", "t"] and all(e["at"] for e in log)


def test_writers_of_different_items_never_conflict(engine, model):
    a, ids, (tab1, seen1), (tab2, seen2) = _stored_with_two_tabs(engine, model, full(model))
    tab1.set_value(ids[0], 4)
    assert not _write(engine, model, tab1, seen1, "tab1").conflicts
    tab2.set_value(ids[1], 0)
    tab2.set_note(ids[2], "από την καρτέλα 2")
    assert not _write(engine, model, tab2, seen2, "tab2").conflicts   # was a VersionConflict before
    stored, rev = store.load_assessment(engine, a.id)
    assert rev == 3
    assert stored.value(ids[0]) == 4 and stored.value(ids[1]) == 0 and stored.note(ids[2]) == "από την καρτέλα 2"
    assert stored.updated_at == tab2.updated_at   # bookkeeping follows the latest writer


def test_same_item_is_a_conflict_with_both_values_and_the_rest_is_saved(engine, model):
    a, ids, (tab1, seen1), (tab2, seen2) = _stored_with_two_tabs(engine, model, full(model))
    tab1.set_value(ids[0], 4)
    _write(engine, model, tab1, seen1)
    tab2.set_value(ids[0], 1)
    tab2.set_value(ids[3], 2 if a.value(ids[3]) != 2 else 3)
    result = _write(engine, model, tab2, seen2)
    (conflict,) = result.conflicts
    assert conflict.path == f"answers.{ids[0]}.value" and conflict.mine == 1 and conflict.theirs == 4
    stored, _ = store.load_assessment(engine, a.id)
    assert stored.value(ids[0]) == 4                     # theirs stays until tab 2 chooses
    assert stored.value(ids[3]) == tab2.value(ids[3])    # the other cell of the batch is saved
    # "keep mine": write again with the stored cell's rev; only that cell changes
    result = store.write_cells(engine, a.id, {conflict.path: (conflict.mine, conflict.rev)}, model)
    assert not result.conflicts
    stored, _ = store.load_assessment(engine, a.id)
    assert stored.value(ids[0]) == 1 and stored.value(ids[3]) == tab2.value(ids[3])


def test_keep_mine_keeps_the_other_tabs_other_answers(engine, model):
    a = new_assessment(model)
    ids = list(model.items)
    a.set_value(ids[0], 2)
    store.save_assessment(engine, a, model)
    tab1, seen1 = _tab(engine, a.id)
    tab2, seen2 = _tab(engine, a.id)
    tab2.set_value(ids[0], 3)
    tab2.set_value(ids[5], "na")        # tab 2's answer to another question
    _write(engine, model, tab2, seen2)
    tab1.set_value(ids[0], 0)
    (conflict,) = _write(engine, model, tab1, seen1).conflicts
    store.write_cells(engine, a.id, {conflict.path: (conflict.mine, conflict.rev)}, model)
    stored, _ = store.load_assessment(engine, a.id)
    assert stored.value(ids[0]) == 0 and stored.value(ids[5]) == "na"


def test_both_answering_a_new_question_alike_is_no_conflict(engine, model):
    a = new_assessment(model)
    store.save_assessment(engine, a, model)
    tab1, seen1 = _tab(engine, a.id)
    tab2, seen2 = _tab(engine, a.id)
    item = next(iter(model.items))
    tab1.set_value(item, 3)
    tab2.set_value(item, 3)
    _write(engine, model, tab1, seen1)
    assert not _write(engine, model, tab2, seen2).conflicts
    tab2.set_value(item, 1)
    tab1.set_value(item, 2)
    _write(engine, model, tab2, seen2)
    (conflict,) = _write(engine, model, tab1, seen1).conflicts
    assert (conflict.mine, conflict.theirs) == (2, 1)


def test_cleared_cells_fold_as_absent_and_keep_their_history(engine, model):
    a = full(model)
    store.save_assessment(engine, a, model)
    tab, seen = _tab(engine, a.id)
    first = next(iter(model.items))
    tab.set_note(first, "")
    tab.set_value(first, None)
    _write(engine, model, tab, seen)
    stored, _ = store.load_assessment(engine, a.id)
    assert first not in stored.answers and stored.to_dict() == tab.to_dict()
    assert store.load_cells(engine, a.id).cells[f"answers.{first}.value"][0] is None
    # a tab that never saw the answer may give one: the store says "none", as it believed
    other = new_assessment(model)
    other.id = a.id
    other.set_value(first, 4)
    result = store.write_cells(engine, a.id, {f"answers.{first}.value": (4, None)}, model)
    assert not result.conflicts and store.load_assessment(engine, a.id)[0].value(first) == 4


def test_scores_and_client_follow_every_cell_write(engine, model):
    a = new_assessment(model)
    store.save_assessment(engine, a, model)
    tab, seen = _tab(engine, a.id)
    tab.company.name = "Φούρνος Ζωή"
    for item_id in model.items:
        tab.set_value(item_id, 4)
    _write(engine, model, tab, seen)
    (row,) = store.client_history(engine, store.list_clients(engine).rows[0].id)
    assert row.company_name == "Φούρνος Ζωή" and row.completeness == 1 and row.overall_score == pytest.approx(
        score(model, tab).overall_score)


def _row(engine, assessment_id):
    return next(r for c in store.list_clients(engine).rows for r in store.client_history(engine, c.id)
                if r.id == assessment_id)


def test_a_write_with_the_writers_document_scores_like_a_fold(engine, model):
    """The cheap autosave path (document + known_rev): the row is scored from the writer's copy only
    when nobody else wrote since it looked, and then matches the fold of the stored cells."""
    a = full(model)
    stored_rev = store.save_assessment(engine, a, model).rev
    mine, seen = _tab(engine, a.id)
    theirs, their_seen = _tab(engine, a.id)
    first, second = list(model.items)[:2]
    mine.set_value(first, 0)
    path = f"answers.{first}.value"
    result = store.write_cells(engine, a.id, {path: (0, seen[path][1])}, model, document=mine, known_rev=stored_rev)
    assert _row(engine, a.id).overall_score == pytest.approx(score(model, mine).overall_score)
    # Another tab writes; this tab's copy is now stale: its next write must not score from it.
    theirs.set_value(second, 0)
    _write(engine, model, theirs, their_seen)
    other = f"answers.{list(model.items)[2]}.value"
    mine.set_value(list(model.items)[2], 1)
    store.write_cells(engine, a.id, {other: (1, seen[other][1])}, model, document=mine, known_rev=result.rev)
    folded, _ = store.load_assessment(engine, a.id)
    assert folded.value(second) == 0 and mine.value(second) != 0
    assert _row(engine, a.id).overall_score == pytest.approx(score(model, folded).overall_score)


def test_a_renamed_business_moves_client_on_the_cheap_path(engine, model):
    a = full(model)
    rev = store.save_assessment(engine, a, model).rev
    mine, seen = _tab(engine, a.id)
    mine.company.name = "Νέο Όνομα"
    store.write_cells(engine, a.id, {"company.name": ("Νέο Όνομα", seen["company.name"][1])}, model,
                      document=mine, known_rev=rev)
    assert [c.name for c in store.list_clients(engine).rows] == ["Νέο Όνομα"]
    assert _row(engine, a.id).company_name == "Νέο Όνομα"


def test_saving_another_assessment_under_a_stored_id_overwrites_nothing(engine, model):
    a = full(model)
    store.save_assessment(engine, a, model)
    assert not store.save_assessment(engine, a, model).conflicts   # the same again: nothing to report
    other = full(model, "Άλλη επιχείρηση", seed=3)
    other.id = a.id
    result = store.save_assessment(engine, other, model)
    assert {c.path for c in result.conflicts} >= {"company.name", f"answers.{next(iter(model.items))}.value"}
    assert store.load_assessment(engine, a.id)[0].company.name == a.company.name


def test_unknown_id_is_not_found(engine):
    with pytest.raises(store.NotFound):
        store.load_assessment(engine, "nope")
    with pytest.raises(store.NotFound):
        store.load_cells(engine, "nope")
    assert store.stored_rev(engine, "nope") is None


def test_denormalised_scores_match_scoring(engine, model):
    a = full(model, seed=2)
    store.save_assessment(engine, a, model)
    s = score(model, a)
    row = store.client_history(engine, store.list_clients(engine).rows[0].id)[0]
    assert row.overall_score == pytest.approx(s.overall_score)
    assert row.overall_level == s.overall_level
    assert row.completeness == pytest.approx(s.completeness)
    for pid, ps in s.pillars.items():
        assert (
            row.pillar_scores[pid] == pytest.approx(ps.score)
            if ps.score is not None
            else row.pillar_scores[pid] is None
        )


def test_empty_assessment_saves_without_a_client(engine, model):
    a = new_assessment(model)
    a.set_value(next(iter(model.items)), 2)
    store.save_assessment(engine, a, model)
    assert store.list_clients(engine).total == 0
    assert [r.id for r in store.list_unnamed(engine)] == [a.id]


# ---------------------------------------------------------------- clients
def test_client_is_the_normalised_name(engine, model):
    names = ["Καφέ «Ήλιος» Ο.Ε.", "ΚΑΦΕ ΗΛΙΟΣ ΟΕ", "  καφέ   ήλιος οε ", "Φούρνος Λάρισας"]
    for n in names:
        store.save_assessment(engine, full(model, n), model)
    page = store.list_clients(engine)
    assert page.total == 2
    counts = {r.name: r.assessments for r in page.rows}
    assert sorted(counts.values()) == [1, 3]
    assert store.client_key(names[0]) == store.client_key(names[1]) == store.client_key(names[2])


def test_renaming_moves_the_assessment_and_drops_the_empty_client(engine, model):
    a = full(model, "Καφέ Ήλιος")
    store.save_assessment(engine, a, model)
    tab, seen = _tab(engine, a.id)
    tab.company.name = "Καφέ Ήλιος και Σελήνη"
    _write(engine, model, tab, seen)
    page = store.list_clients(engine)
    assert [r.name for r in page.rows] == ["Καφέ Ήλιος και Σελήνη"]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(clients)).scalar() == 1


def test_a_name_typed_through_another_clients_name_leaves_that_client_as_it_was(engine, model):
    """A name is stored while it is typed (ui/static/text_autosave.js): «Φούρνος Παπαδόπουλος»
    passes through «Φούρνος», another client's name, with the city not typed yet. The new audit
    belongs to that client for a moment; once it moves on, the client is again named, filed and
    located as its own audits say (before: its city and sector were those of the passing audit)."""
    bakery = full(model, "Φούρνος")
    bakery.company.city, bakery.company.sector = "Ιωάννινα", "bakery"
    store.save_assessment(engine, bakery, model)
    new = new_assessment(model)
    new.company.name = "ΦΟΥΡΝΟΣ"
    new.set_value(next(iter(model.items)), 2)
    store.save_assessment(engine, new, model)
    assert store.list_clients(engine).total == 1  # the same name, so the same client, for now
    tab, seen = _tab(engine, new.id)
    tab.company.name = "ΦΟΥΡΝΟΣ Παπαδόπουλος"
    _write(engine, model, tab, seen)
    rows = {r.name: r for r in store.list_clients(engine).rows}
    assert set(rows) == {"Φούρνος", "ΦΟΥΡΝΟΣ Παπαδόπουλος"}
    assert (rows["Φούρνος"].city, rows["Φούρνος"].sector, rows["Φούρνος"].assessments) == ("Ιωάννινα", "bakery", 1)


def test_a_name_typed_through_a_deleted_clients_name_leaves_it_in_the_bin(engine, model):
    """The passing name matches a client in the bin: once the name moves on, the client is in the
    bin again, and restoring it brings back its assessment."""
    bakery = full(model, "Φούρνος")
    store.save_assessment(engine, bakery, model)
    client = store.list_clients(engine).rows[0].id
    store.delete_client(engine, client)
    new = new_assessment(model)
    new.company.name = "Φούρνος"
    new.set_value(next(iter(model.items)), 2)
    store.save_assessment(engine, new, model)
    tab, seen = _tab(engine, new.id)
    tab.company.name = "Φούρνος Παπαδόπουλος"
    _write(engine, model, tab, seen)
    assert [r.name for r in store.list_clients(engine).rows] == ["Φούρνος Παπαδόπουλος"]
    assert [(d["kind"], d["name"]) for d in store.list_deleted(engine)] == [("client", "Φούρνος")]
    store.restore_client(engine, client)
    assert [r.id for r in store.client_history(engine, client)] == [bakery.id]


def test_clients_in_greek_alphabetical_order(engine, model):
    names = ["Ωραία Θέα", "άλφα Καφέ", "Βήτα Φούρνος", "Alpha Bakery", "Άλφα Βιβλία", "Σοφία Ζαχαροπλαστείο",
             "ζήτα Ταβέρνα", "Έψιλον", "εψιλον Β"]
    for n in names:
        store.save_assessment(engine, full(model, n), model)
    got = [r.name for r in store.list_clients(engine, limit=100).rows]
    assert got == sorted(names, key=sort_key)


def test_search_ignores_accents_and_case_and_finds_cities(engine, model):
    for n in ["Καφέ Ήλιος", "Φούρνος Ηλιόπουλου", "Βιβλιοπωλείο Σελήνη"]:
        store.save_assessment(engine, full(model, n), model)
    assert {r.name for r in store.list_clients(engine, "ΗΛΙΟ").rows} == {"Καφέ Ήλιος", "Φούρνος Ηλιόπουλου"}
    assert {r.name for r in store.list_clients(engine, "ηλιος").rows} == {"Καφέ Ήλιος"}
    assert store.list_clients(engine, "λαρισα").total == 3
    assert store.list_clients(engine, "100%_").total == 0


def test_search_finds_a_name_of_several_words_typed_as_stored(engine, model):
    for n in ["Καφέ Άλφα", "Καφέ Βήτα", "Άλφα Βιβλία"]:
        store.save_assessment(engine, full(model, n), model)

    def found(term):
        return {r.name for r in store.list_clients(engine, term).rows}

    assert found("Καφέ Άλφα") == {"Καφέ Άλφα"}
    assert found("καφε  αλφα") == {"Καφέ Άλφα"}           # case, accents, a double space
    assert found("Καφέ-Άλφα") == {"Καφέ Άλφα"}            # punctuation between the words
    assert found("άλφα καφέ") == {"Καφέ Άλφα"}            # the words in another order
    assert found("Καφέ Άλφα Λάρισα") == {"Καφέ Άλφα"}     # name and city together
    assert found("Καφέ Γάμμα") == set()


def test_pagination(engine, model):
    for n in range(7):
        store.save_assessment(engine, full(model, f"Επιχείρηση {n:02d}"), model)
    first = store.list_clients(engine, limit=3, offset=0)
    last = store.list_clients(engine, limit=3, offset=6)
    assert first.total == last.total == 7
    assert [r.name for r in first.rows] == ["Επιχείρηση 00", "Επιχείρηση 01", "Επιχείρηση 02"]
    assert [r.name for r in last.rows] == ["Επιχείρηση 06"]


def test_history_over_time_and_latest_score(engine, model):
    dates = ["2025-03-01T09:00:00+00:00", "2025-09-01T09:00:00+00:00", "2026-03-01T09:00:00+00:00"]
    made = []
    for seed, d in enumerate(dates):
        a = full(model, "Καφέ Ήλιος", created_at=d, seed=seed)
        store.save_assessment(engine, a, model)
        made.append(a)
    row = store.list_clients(engine).rows[0]
    assert row.assessments == 3 and row.last_assessment_id == made[-1].id
    assert row.last_score == pytest.approx(score(model, made[-1]).overall_score)
    history = store.client_history(engine, row.id)
    assert [h.id for h in history] == [a.id for a in made]
    assert [h.overall_score for h in history] == pytest.approx([score(model, a).overall_score for a in made])


# ---------------------------------------------------------------- soft delete and restore
def test_delete_and_restore_an_assessment(engine, model):
    a, b = full(model), full(model, seed=1)
    store.save_assessment(engine, a, model)
    store.save_assessment(engine, b, model)
    store.delete_assessment(engine, b.id)
    cid = store.list_clients(engine).rows[0].id
    assert [h.id for h in store.client_history(engine, cid)] == [a.id]
    with pytest.raises(store.NotFound):
        store.load_assessment(engine, b.id)
    assert store.stored_rev(engine, b.id) == (2, True)
    first = next(iter(model.items))
    with pytest.raises(store.AssessmentDeleted):  # a tab still editing it is told, and nothing is written
        store.write_cells(engine, b.id, {f"answers.{first}.value": (0 if b.value(first) != 0 else 1, 1)}, model)
    assert [d["id"] for d in store.list_deleted(engine)] == [b.id]
    store.restore_assessment(engine, b.id)
    assert len(store.client_history(engine, cid)) == 2
    assert store.load_assessment(engine, b.id)[0].to_dict() == b.to_dict()


def test_delete_client_and_undo_restores_exactly_its_assessments(engine, model):
    a, b, c = full(model), full(model, seed=1), full(model, seed=2)
    for x in (a, b, c):
        store.save_assessment(engine, x, model)
    store.delete_assessment(engine, a.id)  # deleted earlier, on its own
    cid = store.list_clients(engine).rows[0].id
    store.delete_client(engine, cid)
    assert store.list_clients(engine).total == 0
    assert [d["kind"] for d in store.list_deleted(engine)] == ["client"]
    store.restore_client(engine, cid)
    assert {h.id for h in store.client_history(engine, cid)} == {b.id, c.id}


# ---------------------------------------------------------------- import
def test_export_import_round_trip_is_exact(engine, model, tmp_path):
    a = full(model)
    exported = a.to_json()
    result = store.import_document(engine, exported.encode("utf-8"), model)
    assert not result.copied and not result.unchanged and result.dropped == []
    loaded, _ = store.load_assessment(engine, a.id)
    assert loaded.to_json() == exported
    again = store.import_document(engine, exported, model)
    assert again.unchanged and again.assessment.id == a.id


def test_import_under_a_taken_id_makes_a_copy(engine, model):
    a = full(model)
    store.save_assessment(engine, a, model)
    other = full(model, "Άλλη επιχείρηση", seed=3)
    other.id = a.id
    result = store.import_document(engine, other.to_json(), model)
    assert result.copied and result.assessment.id != a.id
    assert store.load_assessment(engine, a.id)[0].to_dict() == a.to_dict()


def _bad_documents(model):
    ids = list(model.items)
    good = full(model).to_dict()

    def changed(**kw):
        d = json.loads(json.dumps(good))
        d.update(kw)
        return json.dumps(d)

    too_big = json.dumps({**good, "surveys": [{"pad": "x" * (5 * 1024 * 1024)}]})
    return {
        "not_json": "{this is not json",
        "empty": "",
        "not_utf8": b"\xff\xfe\x00garbage",
        "not_object": "[1, 2, 3]",
        "unknown_item": changed(answers={**good["answers"], "ZZZ-99": {"value": 2}}),
        "out_of_range": changed(answers={ids[0]: {"value": 7}}),
        "negative": changed(answers={ids[0]: {"value": -1}}),
        "bool_value": changed(answers={ids[0]: {"value": True}}),
        "wrong_type_answers": changed(answers=[1, 2]),
        "wrong_type_name": changed(company={"name": 42}),
        "wrong_type_note": changed(answers={ids[0]: {"value": 2, "note": ["x"]}}),
        "newer_schema": changed(schema_version=99),
        "unknown_field": changed(colour="blue"),
        "missing_answers": json.dumps({k: v for k, v in good.items() if k != "answers"}),
        "bad_target": changed(plan={"targets": {model.pillars[0].id: 9}, "actions": {}}),
        "too_big": too_big,
    }


BAD_CASES = ["not_json", "empty", "not_utf8", "not_object", "unknown_item", "out_of_range", "negative",
             "bool_value", "wrong_type_answers", "wrong_type_name", "wrong_type_note", "newer_schema",
             "unknown_field", "missing_answers", "bad_target", "too_big"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_malformed_import_is_refused_and_changes_nothing(engine, model, case):
    store.save_assessment(engine, full(model), model)
    before = snapshot(engine)
    raw = _bad_documents(model)[case]
    with pytest.raises(AssessmentError) as exc:
        store.import_document(engine, raw, model)
    assert exc.value.problems and exc.value.first_line()
    assert snapshot(engine) == before


def test_import_reports_every_problem_at_once(engine, model):
    ids = list(model.items)
    doc = full(model).to_dict()
    doc["answers"] = {ids[0]: {"value": 9}, "ZZZ-98": {"value": 1}, "ZZZ-99": {"value": 2}}
    doc["company"]["name"] = 5
    with pytest.raises(AssessmentError) as exc:
        store.import_document(engine, json.dumps(doc), model)
    where = [p.where for p in exc.value.problems]
    assert f"answers.{ids[0]}.value" in where and "answers.ZZZ-98" in where and "answers.ZZZ-99" in where
    assert "company.name" in where


# ---------------------------------------------------------------- a changed checklist
@pytest.fixture
def models(tmp_path):
    """Two versions of a model: v2 drops the last item of the first pillar and adds a new one."""
    v1 = load_model(write_model(tmp_path / "v1"))
    first = v1.pillars[0]
    prefix = first.prefix
    kept = [item(prefix, n) for n in range(1, len(first.items))]
    v2_dir = write_model(tmp_path / "v2", {first.id: pillar(first.id, first.order, items=kept + [item(prefix, 42)])})
    meta = yaml.safe_load((v2_dir / "model.yaml").read_text(encoding="utf-8"))
    meta["version"] = f"{v1.version}-next"
    (v2_dir / "model.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    v2 = load_model(v2_dir)
    assert v2.version != v1.version
    return v1, v2


def test_answers_carry_over_by_item_id_when_the_model_changes(engine, models):
    v1, v2 = models
    a = full(v1)
    store.save_assessment(engine, a, v1)
    stored = store.load_cells(engine, a.id)
    loaded, seen = stored.assessment(), dict(stored.cells)
    changes = store.adopt_model(engine, loaded, v2)
    gone = sorted(set(v1.items) - set(v2.items))
    new = sorted(set(v2.items) - set(v1.items))
    assert changes.gone == gone and changes.new == new and changes.new_known and changes.changed
    assert loaded.model_version == v2.version
    assert set(loaded.answers) == set(a.answers) - set(gone)
    for k in loaded.answers:
        assert loaded.answers[k] == a.answers[k]
    assert not _write(engine, v2, loaded, seen).conflicts
    assert store.adopt_model(engine, store.load_assessment(engine, a.id)[0], v2) is None


def test_import_from_an_older_model_drops_gone_items_and_says_so(engine, models):
    v1, v2 = models
    store.save_assessment(engine, full(v1, "Ήδη εδώ"), v1)  # the store has seen v1
    doc = full(v1, "Από αρχείο").to_json()
    result = store.import_document(engine, doc, v2)
    gone = sorted(set(v1.items) - set(v2.items))
    assert result.dropped == gone
    assert result.changes.gone == gone and result.changes.new == sorted(set(v2.items) - set(v1.items))
    assert result.assessment.model_version == v2.version


def test_prefill_from_the_last_assessment(model):
    prev = full(model, seed=4)
    new, dropped = store.prefill_from(prev, model)
    assert new.id != prev.id and dropped == [] and new.surveys == []
    assert new.answers == prev.answers and new.plan == prev.plan and new.company == prev.company
    assert new.created_at >= prev.created_at


def test_model_item_ids_are_recorded(engine, model):
    store.save_assessment(engine, full(model), model)
    with engine.connect() as conn:
        raw = conn.execute(select(model_items.c.item_ids).where(model_items.c.model_version == model.version)).scalar()
    assert sorted(json.loads(raw)) == sorted(model.items)


def test_a_tab_never_conflicts_with_its_own_earlier_write(engine, model):
    """A run cut short after its write, before the tab noted the revs: the tab writes again as if it
    had never seen the cells. Its own cells are not someone else's change."""
    a = new_assessment(model)
    store.save_assessment(engine, a, model, tab="tab-1")
    a.company.city = "Ιωάννινα"
    result = store.save_assessment(engine, a, model, tab="tab-1")   # seen nothing, same tab
    assert not result.conflicts and store.load_assessment(engine, a.id)[0].company.city == "Ιωάννινα"
    a.company.city = "Λάρισα"
    assert [c.path for c in store.save_assessment(engine, a, model, tab="tab-2").conflicts] == ["company.city"]


def test_search_finds_greek_typed_in_latin_letters_and_latin_typed_in_greek(engine, model):
    """A consultant with a Latin keyboard: "naxos" finds «Νάξος», "kafe alfa" «Καφέ Άλφα»; and
    «καφε» finds a business stored as 'Cafe Alpha'. Paging counts the matches only."""
    for n in ["Καφέ Άλφα", "Ταβέρνα Νάξος", "Cafe Alpha", "Φούρνος Θεσσαλονίκης", "Ψαράς", "Βιβλία Βήτα"]:
        store.save_assessment(engine, full(model, n), model)

    def found(term, **kw):
        return {r.name for r in store.list_clients(engine, term, **kw).rows}

    assert found("naxos") == found("NAKSOS") == found("Νάξος") == {"Ταβέρνα Νάξος"}
    assert found("kafe alfa") == found("cafe alpha") == found("καφε αλφα") == {"Καφέ Άλφα", "Cafe Alpha"}
    assert found("thessaloniki") == found("8essalonikis") == {"Φούρνος Θεσσαλονίκης"}
    assert found("psaras") == {"Ψαράς"}
    assert found("larisa") == found("Λάρισα") and store.list_clients(engine, "larisa").total == 6
    assert found("naxos zeta") == set()
    page = store.list_clients(engine, "alfa", limit=1, offset=1)
    assert page.total == 2 and [r.name for r in page.rows] == ["Καφέ Άλφα"]


def test_a_blank_start_is_not_the_clients_last_assessment(engine, model):
    """The list's "last assessment" (date, score, level) is the last one with answers; a start
    left blank after it still counts among the assessments. With only blank starts, the latest."""
    store.save_assessment(engine, full(model, "Ταβέρνα Νάξος", "2025-05-12T09:00:00+00:00"), model)
    blank = new_assessment(model)
    blank.company.name = "Ταβέρνα Νάξος"
    blank.created_at = blank.updated_at = "2025-11-20T08:00:00+00:00"
    store.save_assessment(engine, blank, model)
    (row,) = store.list_clients(engine).rows
    assert row.assessments == 2
    assert row.last_at.date() == date(2025, 5, 12) and row.last_score is not None
    only_blank = new_assessment(model)
    only_blank.company.name = "Φούρνος Ζωή"
    store.save_assessment(engine, only_blank, model)
    assert store.list_clients(engine, "ζωη").rows[0].last_assessment_id == only_blank.id
