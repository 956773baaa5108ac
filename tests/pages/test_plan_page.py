"""The Plan page under AppTest: both languages, empty and full assessments, targets, the hours a
week, and the action cards (owner, date, status, in or out), each edit stored cell by cell."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def at(tmp_path_factory):
    # Its own database: never the user's real one (another checkout may have migrated it further).
    mp = pytest.MonkeyPatch()
    mp.setenv("CXAUDIT_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('plan_page') / 'plan.sqlite'}")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/plan.py")
    app.run()
    yield app
    mp.undo()


def _fill(at, seed=1, size="small"):
    from checklists import default_model

    a = at.session_state["assessment"]
    a.company.size = size
    rng = random.Random(seed)
    for iid in default_model().items:
        a.set_value(iid, rng.choice([0, 1, 2, 3, 4, "na", "unknown"]))
    return a


def _plan(at):
    from checklists import default_model
    from scoring import score
    from scoring.plan import build_plan

    m = default_model()
    a = at.session_state["assessment"]
    return build_plan(m, a, score(m, a))


@pytest.fixture
def plan_page(tmp_path, monkeypatch):
    """A fresh app on the Plan page with a full audit, saved in its own SQLite file."""
    url = f"sqlite:///{tmp_path / 'cards.sqlite'}"
    monkeypatch.setenv("CXAUDIT_DATABASE_URL", url)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/plan.py")
    _fill(app)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    yield app, url
    from store import db

    db.dispose(url)


def _stored(url, a_id):
    import store

    stored, _ = store.load_assessment(store.get_engine(url), a_id)
    return stored


def _open_later(at):
    """Open the 'for later' list, as a click on it does (it is drawn only while open)."""
    at.session_state["plan_later_open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_empty_assessment(at, lang):
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert at.title[0].value == t("plan.title", lang)
    assert at.info[0].value == t("plan.empty", lang)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_intro_names_every_file(at, lang):
    at.session_state["lang"] = lang
    at.run()
    intro = t("plan.intro", lang)
    assert intro in [m.value for m in at.markdown]
    for kind in ("PDF", "Word", "Excel"):
        assert kind in intro


@pytest.mark.parametrize("lang", ["el", "en"])
def test_full_assessment(at, lang):
    _fill(at)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert [m.label for m in at.metric][0] == t("plan.m_actions", lang)
    downloads = at.get("download_button")
    assert {d.proto.label for d in downloads} == {t(f"plan.download_{k}", lang) for k in ("el", "en", "docx", "xlsx")}
    assert len([s for s in at.selectbox if s.key.startswith("plan_target_")]) == 5
    assert not at.get("arrow_data_frame") and not at.get("data_editor"), "the grid is gone: cards instead"


def test_target_change_goes_to_the_assessment(at):
    _fill(at)
    at.run()
    at.selectbox(key="plan_target_cx_plan").set_value(5).run()
    assert not at.exception
    assert at.session_state["assessment"].plan.targets["cx_plan"] == 5


@pytest.mark.parametrize("lang", ["el", "en"])
def test_one_card_per_action_with_its_full_text(at, lang):
    _fill(at)
    at.session_state["lang"] = lang
    at.run()
    plan = _plan(at)
    assert plan.included
    texts = "\n".join(m.value for m in at.markdown)
    for act in plan.included:
        item = act.item
        assert act.text(lang).replace(".", "\\.").split()[0] in texts
        owner = at.text_input(key=f"plan_owner_{item}")
        assert owner.label == t("report.col.owner", lang)
        due = at.date_input(key=f"plan_due_{item}")
        assert due.proto.format == "DD/MM/YYYY"
        status = [b for b in at.button_group if b.key == f"plan_status_{item}"]
        assert len(status) == 1
        assert status[0].value == act.status  # "todo" shown selected too, not an empty control
        assert [o.content for o in status[0].proto.options] == [t(f"report.status.{s}", lang)
                                                                for s in ("todo", "doing", "done")]
        assert at.toggle(key=f"plan_include_{item}").value is True
    # the later gaps are drawn only once their list is opened: then each has a switch to add it
    assert not [w for w in at.toggle if w.key == f"plan_include_{plan.later[0].item}"]
    _open_later(at)
    for act in plan.later:
        assert at.toggle(key=f"plan_include_{act.item}").value is False


def test_start_now_comes_first_then_the_phases_in_order(at):
    from ui import plan_cards

    _fill(at)
    at.session_state["lang"] = "el"
    at.run()
    plan = _plan(at)
    order = [g for g, _ in plan_cards.groups(plan)]
    assert order[0] == "start_now"
    assert order == sorted(order, key=["start_now", "phase_1", "phase_2", "phase_3", "overflow"].index)
    grouped = [a.item for _, acts in plan_cards.groups(plan) for a in acts]
    assert sorted(grouped) == sorted(a.item for a in plan.included)  # each included action once
    assert [a.item for a in plan_cards.groups(plan)[0][1]] == [a.item for a in plan.start_now]
    # ticking one "done" does not move its card (plan.start_now, what to do next, leaves it out)
    from scoring.plan import edit_action

    ticked = plan.start_now[0].item
    edit_action(at.session_state["assessment"], ticked, status="done")
    again = _plan(at)
    assert ticked not in [a.item for a in again.start_now]
    assert [a.item for a in plan_cards.groups(again)[0][1]] == [a.item for a in plan.start_now]
    edit_action(at.session_state["assessment"], ticked, status="todo")
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert t("plan.start_now", "el") in headings[0]


def test_card_edits_are_stored_cell_by_cell(plan_page):
    app, url = plan_page
    a_id = app.session_state["assessment"].id
    item = _plan(app).included[0].item
    app.text_input(key=f"plan_owner_{item}").input("Μαρία Παπαδάκη").run()
    app.date_input(key=f"plan_due_{item}").set_value(date(2027, 3, 31)).run()
    [status] = [b for b in app.button_group if b.key == f"plan_status_{item}"]
    status.set_value("doing").run()
    assert not app.exception
    edit = _stored(url, a_id).plan.actions[item]
    assert (edit.owner, edit.due, edit.status) == ("Μαρία Παπαδάκη", date(2027, 3, 31), "doing")
    # the card shows what is stored
    assert app.text_input(key=f"plan_owner_{item}").value == "Μαρία Παπαδάκη"
    assert app.date_input(key=f"plan_due_{item}").value == date(2027, 3, 31)


def test_a_burst_of_edits_in_one_run_keeps_every_one(plan_page):
    """Several cards changed before the server runs once (clicks faster than a rerun): all kept."""
    app, url = plan_page
    a_id = app.session_state["assessment"].id
    items = [x.item for x in _plan(app).included[:3]]
    for n, item in enumerate(items):
        app.text_input(key=f"plan_owner_{item}").input(f"Owner {n}")
        [status] = [b for b in app.button_group if b.key == f"plan_status_{item}"]
        status.set_value("done")
    app.run()
    assert not app.exception
    stored = _stored(url, a_id).plan.actions
    assert {i: (stored[i].owner, stored[i].status) for i in items} == {
        i: (f"Owner {n}", "done") for n, i in enumerate(items)}


def test_leaving_out_and_taking_back_an_action(plan_page):
    app, url = plan_page
    a_id = app.session_state["assessment"].id
    act = _plan(app).included[0]
    app.toggle(key=f"plan_include_{act.item}").set_value(False).run()
    assert not app.exception
    assert _stored(url, a_id).plan.actions[act.item].include is False
    assert act.item in [x.item for x in _plan(app).later]
    assert not [w for w in app.text_input if w.key == f"plan_owner_{act.item}"], "no card: it is for later"
    _open_later(app)
    app.toggle(key=f"plan_include_{act.item}").set_value(True).run()
    # back to the suggestion: nothing left to store for that action
    assert act.item not in _stored(url, a_id).plan.actions
    assert app.text_input(key=f"plan_owner_{act.item}")


def test_adding_a_later_gap(plan_page):
    app, url = plan_page
    a_id = app.session_state["assessment"].id
    later = _plan(app).later[0]
    _open_later(app)
    app.toggle(key=f"plan_include_{later.item}").set_value(True).run()
    assert not app.exception
    assert _stored(url, a_id).plan.actions[later.item].include is True
    assert app.text_input(key=f"plan_owner_{later.item}")


def test_owner_suggestions_come_from_this_audit(plan_page):
    app, url = plan_page
    a_id = app.session_state["assessment"].id
    first, second = [x.item for x in _plan(app).included[:2]]
    app.text_input(key=f"plan_owner_{first}").input("Γιώργος").run()
    [pick] = [b for b in app.button_group if b.key == f"plan_pick_{second}"]
    assert [o.content for o in pick.proto.options] == ["Γιώργος"]
    pick.set_value("Γιώργος").run()
    assert not app.exception
    assert _stored(url, a_id).plan.actions[second].owner == "Γιώργος"
    assert app.text_input(key=f"plan_owner_{second}").value == "Γιώργος"
    assert not [b for b in app.button_group if b.key == f"plan_pick_{second}"], "its own owner is not suggested"


@pytest.mark.parametrize("lang", ["el", "en"])
def test_hours_a_week_default_by_size_and_changing_them_replans(plan_page, lang):
    from checklists import default_model
    from scoring.plan import default_capacity

    app, url = plan_page
    app.session_state["lang"] = lang
    app.run()
    a_id = app.session_state["assessment"].id
    box = app.selectbox(key="plan_capacity")
    assert box.label == t("plan.capacity_question", lang)
    assert box.value == default_capacity(default_model(), "small") == 4
    before = {x.item: x.phase for x in _plan(app).included}
    box.set_value(1.0).run()
    assert not app.exception
    assert _stored(url, a_id).plan.capacity_hours_per_week == 1.0
    after = _plan(app)
    assert after.hours_per_week == 1.0
    assert {x.item: x.phase for x in after.included} != before  # placed again at 1 hour a week
    if after.overflow:
        assert any(t("plan.phase.none", lang) in m.value for m in app.markdown)
    app.selectbox(key="plan_capacity").set_value(4.0).run()  # the size band's default: follow the band
    assert _stored(url, a_id).plan.capacity_hours_per_week is None


@pytest.mark.parametrize("lang", ["el", "en"])
def test_phase_captions_and_spanning_cards_read_plainly(app, lang):
    """A card read 'Ημέρες 31–60 · ξεκινά στις ημέρες 1–30' and a phase '2 ώρες από τις 8,6 ώρες που
    χωρούν'; now 'Ξεκινά στις ημέρες 1–30, ολοκληρώνεται στις 31–60' and the phase's hours with
    what else they go to, the same words as the PDF (scoring.plan.phase_words)."""
    import sys

    from scoring.plan import phase_words
    from ui.text import WORD_JOINER

    sys.path.insert(0, str(ROOT / "tests" / "scoring"))
    from test_plan import spanning_plan

    _, a, plan = spanning_plan()
    at = app(lang)
    at.session_state["assessment"] = a
    at.switch_page("pages/plan.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value.replace("\\", "").replace(WORD_JOINER, "") for c in at.caption]
    shown = " ".join(captions)
    span = t("plan.when_span", lang, start="1–30", finish="31–60")
    assert span in shown
    assert t("plan.phase.2", lang) + " · " not in shown
    # Both start in days 1–30, so both are under "start now". A full audit draws phase groups:
    # each one's caption is phase_words' own.
    _fill(at)
    at.run()
    plan = _plan(at)
    captions = [c.value.replace("\\", "").replace(WORD_JOINER, "") for c in at.caption]
    drawn = [n for n in (1, 2, 3) if any(m.value == f"#### {t(f'plan.phase.{n}', lang)}" for m in at.markdown)]
    assert drawn
    for n in drawn:
        load, note = phase_words(plan, n, lang)
        assert " · ".join(x for x in (load, note) if x) in captions


@pytest.mark.parametrize("lang", ["el", "en"])
def test_targets_offered_are_above_today_and_the_top_level_is_said(plan_page, lang):
    """The target picker offered levels at or below today's (a 'target' of 2 for a section at 3);
    a section already at level 5 had a picker with nothing above it to pick."""
    from checklists import default_model

    app, _ = plan_page
    m = default_model()
    a = app.session_state["assessment"]
    for it in m.pillar("cx_plan").items:
        a.set_value(it.id, 4)
    app.session_state["lang"] = lang
    app.run()
    assert not app.exception
    plan = _plan(app)
    assert plan.targets["cx_plan"].current == 5
    keys = {s.key for s in app.selectbox}
    assert "plan_target_cx_plan" not in keys
    assert app.selectbox(key="plan_top_cx_plan").disabled
    assert t("plan.target_top", lang) in [c.value for c in app.caption]
    for p in m.pillars:
        tg = plan.targets[p.id]
        if p.id == "cx_plan":
            continue
        above = range((tg.current or 0) + 1, 6)
        options = app.selectbox(key=f"plan_target_{p.id}").options
        assert options == [t("plan.level_option", lang, level=lv, name=m.level(lv).name(lang)) for lv in above]
