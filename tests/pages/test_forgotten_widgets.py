"""Widget states the browser forgot, or sent late, never erase what is stored (AppTest): a radio
that comes back blank (the browser forgot it across a page change) leaves the stored answer, and
a note that arrives in a late rerun of the page already left is stored, not overwritten. Before
the fix both lost data: the blank radios cleared a section's answers, and the note was replaced
by the stored blank. (The browser side: tests/e2e/test_note_then_navigate.py.)"""
from __future__ import annotations

from pathlib import Path

from pagekit import open_notes, radio_for
from streamlit.testing.v1 import AppTest

import store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _on_pillar(pillar_id: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(f"pages/audit_{pillar_id}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _stored(db_url: str, at: AppTest):
    aid = at.query_params["assessment"]
    a, _ = store.load_assessment(store.get_engine(db_url), aid[0] if isinstance(aid, list) else aid)
    return a


def test_a_blank_radio_does_not_erase_the_stored_answer(db_url, model):
    pillar = model.pillars[0]
    first, second = pillar.items[0].id, pillar.items[1].id
    at = _on_pillar(pillar.id)
    radio_for(at, first).set_value(3).run()
    radio_for(at, second).set_value(1).run()
    at.session_state[f"answer_{first}"] = None  # what a browser that forgot the radio sends
    radio_for(at, second).set_value(2).run()    # with the next click
    assert not at.exception, [e.value for e in at.exception]
    assert _stored(db_url, at).value(first) == 3
    assert _stored(db_url, at).value(second) == 2
    assert radio_for(at, first).value == 3      # and the page shows it again


def test_a_note_sent_late_by_the_page_left_is_stored(db_url, model):
    pillar, following = model.pillars[0], model.pillars[1]
    first = pillar.items[0].id
    at = _on_pillar(pillar.id)
    radio_for(at, first).set_value(3).run()
    open_notes(at)  # the person opens the notes and types in one
    at.switch_page(f"pages/audit_{following.id}.py").run()  # the page change reaches the server first
    # then the note's commit (on blur): a rerun of the page left, with its widget states
    at.session_state[f"note_{first}"] = "Αφίσα στο ταμείο"
    at.switch_page(f"pages/audit_{pillar.id}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _stored(db_url, at).note(first) == "Αφίσα στο ταμείο"
    assert _stored(db_url, at).value(first) == 3


def test_a_run_whose_browser_sent_no_radio_value_sends_the_answer_again(db_url, model):
    """A new browser's second run (opening the notes, say) sometimes carries no value for a radio
    the first run filled in; the server still holds the answer, so nothing differed and nothing
    was sent, and the question showed blank although the answer was stored."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    first = model.pillars[0].items[0].id
    at = _on_pillar(model.pillars[0].id)
    radio_for(at, first).set_value(3).run()
    at._run(WidgetStates())  # a run with no widget values from the browser
    assert not at.exception, [e.value for e in at.exception]
    radio = radio_for(at, first)
    assert radio.proto.set_value, "the answer was not sent to a browser that had none"
    assert radio.proto.HasField("raw_value") and radio.value == 3
