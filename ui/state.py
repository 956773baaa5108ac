"""Session state: the UI language and the one Assessment object the pages edit.

Answers live in the Assessment (a domain object in st.session_state), never only in widget keys,
because Streamlit drops the state of widgets on pages that are not being drawn (a page change
removes every widget state the new page's run did not register). Keyed widgets are seeded from
the assessment before they are drawn (seed()) and write back from their callbacks.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

from checklists import AuditModel, default_model
from i18n import DEFAULT_LANG, LANGS
from i18n import t as _t
from scoring import Assessment, Scores, new_assessment, score

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
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(("answer_", "note_", "profile_", "plan_")):
            del st.session_state[key]


def scores() -> Scores:
    """Scores of the current assessment. Cheap (pure, ~50 items), so always derived, never stored."""
    return score(model(), assessment())


def on_change(listener: Callable[[Assessment], None]) -> None:
    if listener not in _change_listeners:
        _change_listeners.append(listener)


def seed(key: str, value) -> None:
    """Make the widget `key` show `value` (the assessment's) unless it already does. Call it before
    drawing the widget, and draw the widget without index=/value=: the key alone holds its value.
    A click has already updated both (its callback ran before this run's body), so this only acts
    when the assessment changed underneath: another tab, an import, a reopened assessment."""
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value


def changed() -> None:
    """Tell listeners (autosave) the current assessment was edited. Call it from the widget's
    callback, after the edit: the write then happens before the run that follows, which the
    next click may cut short."""
    a = assessment()
    for listener in _change_listeners:
        listener(a)
