"""Session state: the UI language and the one Assessment object the pages edit.

Answers live in the Assessment (a domain object in st.session_state), never only in widget keys,
because Streamlit drops the state of widgets on pages that are not being drawn (a page change
removes every widget state the new page's run did not register). Keyed widgets are seeded from
the assessment before they are drawn (seed()) and write back from their callbacks.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.runtime.state import get_session_state

from assessment import Assessment, new_assessment
from checklists import AuditModel, default_model
from checklists.applicability import for_assessment
from i18n import DEFAULT_LANG, LANGS
from i18n import t as _t
from scoring import Scores, score

LANG_KEY = "lang"
ASSESSMENT_KEY = "assessment"
STARTED_KEY = "session_started"

# Called after every edit with the edited assessment (the store hooks autosave in here).
_change_listeners: list[Callable[[Assessment], None]] = []


def first_run_of_session() -> bool:
    """True on the first run of a browser session (a new tab, a refresh, a reconnect after a server
    restart), False on every rerun after it."""
    if STARTED_KEY in st.session_state:
        return False
    st.session_state[STARTED_KEY] = True
    return True


def model() -> AuditModel:
    """The audit model (immutable, loaded once per process by default_model's own cache)."""
    return default_model()


def worded_model() -> AuditModel:
    """The model in the words of the current assessment's business (checklists.for_assessment):
    what the Results and Plan pages show, as the reports do."""
    return for_assessment(model(), assessment())


def lang() -> str:
    value = st.session_state.get(LANG_KEY)
    if value not in LANGS:
        # First run of the session: a link may ask for a language (?lang=en); Greek otherwise.
        asked = st.query_params.get("lang")
        value = asked if asked in LANGS else DEFAULT_LANG
        st.session_state[LANG_KEY] = value
    return value


def t(key: str, **params) -> str:
    return _t(key, lang(), **params)


def assessment() -> Assessment:
    a = st.session_state.get(ASSESSMENT_KEY)
    if a is None:
        a = new_assessment(model(), lang())
        st.session_state[ASSESSMENT_KEY] = a
    return a


def replace_assessment(a: Assessment) -> None:
    """Make `a` the current assessment (after an import or when reopening a stored one)."""
    st.session_state[ASSESSMENT_KEY] = a
    # Widget keys hold the previous assessment's values; drop them so the pages redraw from `a`.
    st.session_state.pop(SYNCED_KEY, None)
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(("answer_", "note_", "profile_", "plan_")):
            del st.session_state[key]


def scores() -> Scores:
    """Scores of the current assessment. Cheap (pure, ~50 items), so always derived, never stored."""
    return score(model(), assessment())


def on_change(listener: Callable[[Assessment], None]) -> None:
    if listener not in _change_listeners:
        _change_listeners.append(listener)


# ---------------------------------------------------------------- widgets bound to the assessment
# Answers, notes, the profile and the plan are edited through keyed widgets whose key says what they edit.
# Their edits are applied by bind_edits() at the start of every run, not by on_change callbacks:
# in Streamlit 1.67 every st.session_state access (and every st.* call) made by a callback is a
# point where a newer rerun request interrupts it (SafeSessionState calls the script runner's
# yield check, which raises RerunException), and the widget states that rerun carries have
# already been applied, so a callback cut short is never called again: in a burst of clicks,
# some answers stayed on screen without reaching the assessment (measured: scripts/click_losses.py).
# bind_edits() compares each widget with the value it last agreed with the assessment (SYNCED_KEY):
# a widget that moved is the user's edit; one that did not is left to seed(), which makes it show
# the assessment. Cut short, it is simply done again by the next run (the widget states persist:
# Streamlit keeps them across runs stopped for a rerun).
SYNCED_KEY = "widgets_synced"  # {widget key: the value widget and assessment last agreed on}

PROFILE_FIELDS = {  # widget key -> (part of the assessment, attribute)
    "profile_name": ("company", "name"), "profile_sector": ("company", "sector"),
    "profile_size": ("company", "size"), "profile_city": ("company", "city"),
    "profile_assessor": ("assessor", "name"), "profile_org": ("assessor", "organisation"),
}


def _apply(a: Assessment, key: str, value) -> bool:
    """Apply a bound widget's value to the assessment; False when `key` is not a bound widget."""
    if key.startswith("answer_"):
        a.set_value(key.removeprefix("answer_"), value)
    elif key.startswith("note_"):
        a.set_note(key.removeprefix("note_"), value or "")
    elif key in PROFILE_FIELDS:
        part, attr = PROFILE_FIELDS[key]
        setattr(getattr(a, part), attr, value.strip() if isinstance(value, str) else (value or ""))
        a.touch()
    elif key.startswith("plan_"):
        from ui.plan_widgets import apply_widget  # the Plan page's bound widgets (owner, date, status…)

        return apply_widget(model(), a, key, value)
    else:
        return False
    return True


def bind_edits() -> bool:
    """Apply every bound widget the user changed since it last agreed with the assessment.
    True when something changed (the caller saves). Called by persistence.init on every run."""
    synced = st.session_state.get(SYNCED_KEY)
    if not synced:
        return False
    a = assessment()
    edited = False
    # Every bound widget is seeded before it is drawn, so the synced keys are all there are.
    # (Iterating st.session_state would give widget ids, not keys.)
    for key in list(synced):
        if key not in st.session_state:
            continue  # its page is not drawn: Streamlit dropped its state; seed() restores it
        value = st.session_state[key]
        if synced[key] == value:
            continue
        if value is None and key.startswith("answer_"):
            # A radio cannot be unselected by a click: no answer means the browser forgot the
            # widget (a page change crossing a late rerun of the old page, e.g. a note's commit
            # on blur), never that the user cleared it. Applying it erased stored answers;
            # seed() sends the assessment's answer again instead.
            continue
        if _apply(a, key, value):
            synced[key] = value
            edited = True
    return edited


PAGE_KEY = "widgets_page"  # the page (and language) the bound widgets were last drawn on


def page_shown(page: str) -> None:
    """Call before drawing a page (app.py). After a navigation, even to the same page in the other
    language, the browser has forgotten its widgets' values while the server may still hold them
    (a run cut short keeps widget states); a widget the server does not assign would then show
    its default, empty. So on a new page the bound widgets are dropped, and seed() sends the
    assessment's values again. (Any edit they carried was applied by bind_edits() already.)

    What each widget last agreed on (SYNCED_KEY) is kept: a rerun of the old page can still
    arrive after the navigation (a note committed on blur by the click on a page link), with the
    widget states of the old page, and bind_edits() must then see the note as the edit it is.
    With the record cleared, the note was taken for the assessment's and overwritten by seed()."""
    page = f"{page}|{lang()}"
    if st.session_state.get(PAGE_KEY) == page:
        return
    st.session_state[PAGE_KEY] = page
    for key in list(st.session_state.get(SYNCED_KEY) or {}):
        if key in st.session_state:
            del st.session_state[key]


def apply_widget_edits() -> None:
    """bind_edits(), and save what it applied. Pages with bound widgets call it before drawing
    them (persistence.init has normally done it already, and then this finds nothing to do)."""
    if bind_edits():
        changed()


def seed(key: str, value, default=None) -> None:
    """Make the widget `key` show `value` (the assessment's). Call it just before drawing the
    widget, and draw it with its default (index=None, no value=): the key alone holds its value.

    After bind_edits() a widget and the assessment agree unless the assessment changed underneath
    (another tab, an import, a reopened assessment) or Streamlit dropped the widget's state (the
    page was not drawn). Only then is the key assigned: an assigned key is sent to the browser as
    a value to show, and would overwrite a click the browser has made but the server has not yet
    received. So a widget that is absent and would show `default` anyway is left alone too."""
    synced = st.session_state.setdefault(SYNCED_KEY, {})
    if key in st.session_state:
        # The server's copy can agree with the assessment while the browser has nothing to show:
        # a new browser's second run (e.g. opening the notes expander) sometimes carries no value
        # for a widget the first run assigned, and the radio then showed blank although the answer
        # was stored (1 run in 5-10 of tests/e2e/test_note_then_navigate.py). Assigning it again
        # is safe then: with no value from the browser there is no click to overwrite.
        if st.session_state[key] != value or (value != default and not _browser_sent(key)):
            st.session_state[key] = value
    elif value != default:
        st.session_state[key] = value
    synced[key] = value


def _browser_sent(key: str) -> bool:
    """True when this run's widget states from the browser carry a value for the widget `key`.
    Streamlit has no public API for this; if its internals change, assume the browser sent it
    (seed() then behaves as it did before, assigning only on a difference)."""
    try:
        state = get_session_state()._state
        widget_id = state.get_widget_id_from_key(key)
        if widget_id is None:
            return False  # no widget has registered this key: nothing in the browser to keep
        return widget_id in state._new_widget_state.states
    except AttributeError:
        return True


def changed() -> None:
    """Tell listeners (autosave) the current assessment was edited (from a callback, after the
    edit). Whatever a run cut short leaves unsaved, the next run's save writes (ui/persistence)."""
    a = assessment()
    for listener in _change_listeners:
        listener(a)
