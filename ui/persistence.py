"""Autosave, resume and conflicts: the thin Streamlit side of store/. app.py calls, every run:

- init(), before the page: `?assessment=<id>` reopens a stored assessment on a session's first run;
  afterwards the widgets the user changed are applied (state.bind_edits()) and the difference is
  written at once, before anything is drawn (ui/saving.py), and one `SELECT rev` tells whether
  another tab wrote. If so, the cells written since are fetched and those not changed here are
  taken over (another tab's answers to other questions just appear). A cell changed both here and
  there is a true conflict, shown at the top of the page with both values: "keep mine" writes this
  tab's values of those cells only, "take theirs" adopts the stored ones. A deleted assessment
  offers "restore with my changes" (ui/conflicts.py).
- after_page(), after it: edits the browser resent after a reconnect are saved, not just shown.
- status_line() is the quiet "saved 10:42" line and the resume link, for the sidebar.

Opening a stored, new, pre-filled or imported assessment is ui/opening.py. The pages reach all of
it through this module (the names in __all__).
"""
from __future__ import annotations

import streamlit as st

from ui import saving, state
from ui.conflicts import show_conflicts
from ui.opening import (
    describe_changes,
    forget_if_current,
    import_choice,
    import_file,
    open_assessment,
    start_new,
    start_reassessment,
)
from ui.saving import KEY_ID, engine, save_now

# What pages and app.py use; each lives in the module of its concern (saving, opening, conflicts).
__all__ = ["KEY_ID", "after_page", "describe_changes", "engine", "forget_if_current", "import_choice", "import_file",
           "init", "open_assessment", "save_now", "start_new", "start_reassessment", "status_line"]


def _show_notices() -> None:
    for kind, text in st.session_state.pop(saving.KEY_NOTICES, []) or []:
        getattr(st, kind)(text)


def init(first_run: bool) -> None:
    """Call once per run from app.py, after state.assessment() and before the page."""
    state.on_change(saving.on_edit)
    if first_run:
        wanted = st.query_params.get(saving.QUERY)
        if wanted:
            open_assessment(wanted, follow_language="lang" not in st.query_params)
    else:
        if state.bind_edits():
            st.session_state[saving.KEY_PENDING] = True
        a = state.assessment()
        if saving.tracked(a):
            if st.query_params.get(saving.QUERY) != a.id:
                st.query_params[saving.QUERY] = a.id  # page changes drop query parameters; keep the link right
            saving.refresh()
        if st.session_state.get(saving.KEY_PENDING):
            saving.save_now()  # this run's edits, and what an earlier run could not store
    show_conflicts()
    _show_notices()


def after_page() -> None:
    """Call once per run from app.py, after the page is drawn.

    A bound widget drawn with no value assigned by seed() shows what the browser sent for it, and
    that can be an edit this session never applied: after a server restart the browser reconnects
    to a new session with the page it had, clicks the dead server never stored included. The page
    shows them as given, so they are the user's edits: applied and saved now, and the page drawn
    again from the assessment. (In any other run every bound widget agrees with the assessment here.)

    What makes the browser run at all after a reconnect is ui/static/reconnect.js: Streamlit's
    client asks for a run on reconnecting only in some states, and otherwise kept showing the old
    page on the new session, edits unsaved and "saved 10:42" in the sidebar."""
    if state.bind_edits():
        st.session_state[saving.KEY_PENDING] = True
        saving.save_now()
        st.rerun()


def status_line() -> str:
    """The quiet autosave line for the sidebar ("saved 10:42"), with the resume link once there is
    something stored. Markdown; the sidebar draws it under the progress, in the same element."""
    status = st.session_state.get(saving.KEY_STATUS) or {}
    kind = status.get("kind")
    tracked = st.session_state.get(saving.KEY_ID)
    if kind == "deleted" or (tracked and saving.pending_conflicts()):
        text = state.t("store.not_saved_conflict")
    elif kind == "saved" and not st.session_state.get(saving.KEY_PENDING):
        text = state.t("store.saved_at", time=status["at"].strftime("%H:%M"))
    elif st.session_state.get(saving.KEY_PENDING):
        text = state.t("store.save_failed")  # an edit not stored yet: never "saved"
    elif kind == "error":
        text = state.t("store.save_failed")
    elif tracked:
        text = state.t("store.stored")
    else:
        text = state.t("store.autosave_on")
    if tracked and tracked == state.assessment().id:
        # ./ is the app's root (the start page) from any page, whatever the server's base path.
        text += f" · [{state.t('store.resume_link')}](./?{saving.QUERY}={tracked} \"{state.t('store.resume_help')}\")"
    saved = kind == "saved" and not saving.pending_conflicts() and not st.session_state.get(saving.KEY_PENDING)
    return f":material/cloud_done: {text}" if saved else text
