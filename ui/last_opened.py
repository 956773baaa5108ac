"""The browser remembers which assessment it last worked on, so that opening the app again offers
"continue: <business> · n/N · <date>" on the start page.

Only the assessment's id is kept in the browser, in a first-party cookie (`cxaudit_last`, one
year, SameSite=Strict); everything else is read from the database when the offer is drawn. A
cookie because Streamlit reads cookies itself (st.context.cookies, sent with the session's
connection) and a few lines of script set it, with nothing to download: it works offline. The
cookie is written by a tiny st.html script in the sidebar on every run with a stored assessment
(an element the same from run to run, so the browser does not redraw it), and read on a session's
first runs: a cookie set during this session is seen by the next one (a new tab, the next day),
which is exactly when the offer is useful. Measured in Chromium: tests/e2e/test_continue.py.
"""
from __future__ import annotations

import re

import streamlit as st

COOKIE = "cxaudit_last"
MAX_AGE = 365 * 24 * 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # an assessment id (assessment/document.py); nothing else is written


def recall() -> str | None:
    """The id of the assessment this browser last worked on, if it sent one."""
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser connection (bare mode)
        return None
    return value if isinstance(value, str) and _ID.match(value) else None


def remember(assessment_id: str | None) -> None:
    """Keep `assessment_id` in the browser (call on every run, after the page)."""
    if not assessment_id or not _ID.match(assessment_id):
        return
    with st.sidebar:
        st.html(f"<script>document.cookie = '{COOKIE}={assessment_id}; Max-Age={MAX_AGE}; Path=/; SameSite=Strict';"
                f"</script>", unsafe_allow_javascript=True)


def stored(assessment_id: str):
    """The stored assessment `assessment_id` (live, not deleted), or None: the offer is then left out."""
    from sqlalchemy.exc import SQLAlchemyError

    import store

    try:
        a, _ = store.load_assessment(store.get_engine(), assessment_id)
    except (store.NotFound, store.AssessmentDeleted, SQLAlchemyError):
        return None
    return a
