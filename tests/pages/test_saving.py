"""Autosave, resume and two tabs on one assessment, with AppTest: every answer is written as it is
given; another tab's answers to other questions just appear; a true conflict names the question
with both values, and "keep mine" / "take theirs" settle exactly the conflicting cells."""
from __future__ import annotations

from pathlib import Path

import pytest
from pagekit import radio_for
from streamlit.testing.v1 import AppTest

import store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _app(assessment: str | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if assessment:
        at.query_params["assessment"] = assessment
    if lang:
        at.query_params["lang"] = lang
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _aid(at: AppTest) -> str:
    aid = at.query_params["assessment"]
    return aid[0] if isinstance(aid, list) else aid


def _on_pillar(at: AppTest, pillar_id: str) -> AppTest:
    at.run()
    at.switch_page(f"pages/audit_{pillar_id}.py").run()
    _ok(at)
    return at


@pytest.fixture
def two_tabs(db_url, model):
    """Tab 1 answered the first question; tab 2 opened the same assessment by its link."""
    pillar = model.pillars[0]
    ids = [it.id for it in pillar.items]
    tab1 = _on_pillar(_app(), pillar.id)
    radio_for(tab1, ids[0]).set_value(1).run()
    aid = _aid(tab1)
    tab2 = _on_pillar(_app(assessment=aid), pillar.id)
    return store.get_engine(db_url), aid, ids, tab1, tab2


def test_answers_are_saved_as_they_happen_and_resume_by_link(db_url, model):
    engine = store.get_engine(db_url)
    pillar = model.pillars[0]
    at = _on_pillar(_app(), pillar.id)
    first, second = pillar.items[0].id, pillar.items[1].id
    radio_for(at, first).set_value(3).run()
    radio_for(at, second).set_value("na").run()
    radio_for(at, first).set_value(4).run()     # a correction
    _ok(at)
    aid = _aid(at)
    stored, rev = store.load_assessment(engine, aid)
    assert stored.value(first) == 4 and stored.value(second) == "na" and rev == 3
    assert any("Αποθηκεύτηκε" in m.value for m in at.sidebar.markdown)
    resumed = _app(assessment=aid)
    resumed.run()
    _ok(resumed)
    a = resumed.session_state["assessment"]
    assert a.id == aid and a.value(first) == 4 and a.value(second) == "na"
    resumed.switch_page(f"pages/audit_{pillar.id}.py").run()
    assert radio_for(resumed, first).value == 4     # the keyed radio shows the stored answer


def test_other_tabs_answers_to_other_questions_just_appear(two_tabs):
    engine, aid, ids, tab1, tab2 = two_tabs
    radio_for(tab2, ids[1]).set_value(4).run()      # tab 2 writes
    radio_for(tab1, ids[2]).set_value(2).run()      # tab 1 was behind: no conflict, both kept
    _ok(tab1)
    assert not tab1.warning, [w.value for w in tab1.warning]
    stored, _ = store.load_assessment(engine, aid)
    assert (stored.value(ids[0]), stored.value(ids[1]), stored.value(ids[2])) == (1, 4, 2)
    assert radio_for(tab1, ids[1]).value == 4       # tab 2's answer is on tab 1's screen
    tab2.run()
    assert radio_for(tab2, ids[2]).value == 2


@pytest.mark.parametrize("lang,scale", [("el", {1: "Ξεκίνησε", 4: "Πλήρως"}), ("en", {1: "Started", 4: "Fully"})])
def test_same_question_is_a_conflict_that_names_it_with_both_values(db_url, model, lang, scale):
    from checklists import default_model
    labels = {o.value: o.label(lang) for o in default_model().answer_scale}
    pillar = model.pillars[0]
    ids = [it.id for it in pillar.items]
    tab1 = _on_pillar(_app(lang=lang), pillar.id)
    radio_for(tab1, ids[0]).set_value(2).run()
    tab2 = _on_pillar(_app(assessment=_aid(tab1), lang=lang), pillar.id)
    radio_for(tab2, ids[0]).set_value(4).run()
    radio_for(tab1, ids[0]).set_value(1).run()
    _ok(tab1)
    (box,) = [w.value.replace("\\", "") for w in tab1.warning]  # as shown: Markdown escapes removed
    assert ids[0] in box and pillar.items[0].text(lang) in box
    assert f"{labels[1]}" in box and f"{labels[4]}" in box
    assert box.index(labels[1]) < box.index(labels[4])   # here first, then elsewhere
    stored, _ = store.load_assessment(store.get_engine(db_url), _aid(tab1))
    assert stored.value(ids[0]) == 4                     # nothing overwritten until the choice


def test_keep_mine_keeps_the_other_tabs_other_answers(two_tabs):
    engine, aid, ids, tab1, tab2 = two_tabs
    radio_for(tab2, ids[0]).set_value(4).run()
    radio_for(tab2, ids[5]).set_value("na").run()   # tab 2's answer to another question
    radio_for(tab1, ids[0]).set_value(0).run()      # the same question: a conflict
    _ok(tab1)
    assert tab1.warning
    tab1.button(key="store_keep_mine").click().run()
    _ok(tab1)
    assert not tab1.warning
    stored, _ = store.load_assessment(engine, aid)
    assert stored.value(ids[0]) == 0 and stored.value(ids[5]) == "na"
    assert radio_for(tab1, ids[5]).value == "na" and radio_for(tab1, ids[0]).value == 0


def test_take_theirs_adopts_the_stored_value(two_tabs):
    engine, aid, ids, tab1, tab2 = two_tabs
    radio_for(tab2, ids[0]).set_value(4).run()
    radio_for(tab1, ids[0]).set_value(0).run()
    radio_for(tab1, ids[3]).set_value(3).run()      # saved although the conflict waits
    tab1.button(key="store_take_theirs").click().run()
    _ok(tab1)
    assert not tab1.warning
    assert radio_for(tab1, ids[0]).value == 4 and tab1.session_state["assessment"].value(ids[0]) == 4
    stored, _ = store.load_assessment(engine, aid)
    assert stored.value(ids[0]) == 4 and stored.value(ids[3]) == 3


def test_deleted_elsewhere_offers_restore_with_my_changes(two_tabs):
    engine, aid, ids, tab1, tab2 = two_tabs
    store.delete_assessment(engine, aid)
    radio_for(tab1, ids[2]).set_value(3).run()
    _ok(tab1)
    assert tab1.warning and not tab1.get("button") == []
    tab1.button(key="store_keep_mine").click().run()
    _ok(tab1)
    stored, _ = store.load_assessment(engine, aid)
    assert stored.value(ids[2]) == 3 and stored.value(ids[0]) == 1


def test_a_failed_write_is_retried_on_the_next_run(two_tabs, monkeypatch):
    from sqlalchemy.exc import OperationalError
    engine, aid, ids, tab1, _ = two_tabs
    real = store.write_cells

    def locked(*args, **kwargs):
        raise OperationalError("UPDATE assessments", {}, Exception("database is locked"))

    monkeypatch.setattr(store, "write_cells", locked)
    radio_for(tab1, ids[4]).set_value(2).run()
    _ok(tab1)
    assert store.load_assessment(engine, aid)[0].value(ids[4]) is None
    assert any("Δεν αποθηκεύτηκε" in m.value for m in tab1.sidebar.markdown)
    monkeypatch.setattr(store, "write_cells", real)
    tab1.run()                                       # any next run: nothing shown is left unsaved
    assert store.load_assessment(engine, aid)[0].value(ids[4]) == 2
