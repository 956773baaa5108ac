"""Autosave and resume: the thin Streamlit side of store/.

- init() (app.py, every run, after the assessment exists): on the first run of a session,
  `?assessment=<id>` reopens that stored assessment; registers the autosave listener; keeps the
  URL's `?assessment=` pointing at the current assessment so a refresh or the link resumes it;
  shows a version conflict, if any, with its choices, at the top of the page.
- The listener saves after every edit (state.changed()). A new assessment is written on its first
  edit, not before. The stored version travels in session state; a write that finds another
  version stored is not made: the user is told and chooses (reload theirs, or keep mine).
- status_line() is the quiet "saved 10:42" line and the resume link, for the sidebar.
"""
from __future__ import annotations

import uuid
from datetime import datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from scoring import AssessmentError, new_assessment
from ui import state
from ui.text import md_escape

KEY_ID = "store_id"            # id of the assessment this session has stored (or loaded)
KEY_VERSION = "store_version"  # its stored version as this session knows it
KEY_STATUS = "store_status"    # {"kind": "saved"|"error"|"conflict"|"deleted", "at": datetime, ...}
KEY_NOTICES = "store_notices"  # [(kind, text)] shown once at the top of the next page
QUERY = "assessment"

try:
    from zoneinfo import ZoneInfo

    _TZ = ZoneInfo("Europe/Athens")
except Exception:  # no tz database: the server's local time
    _TZ = None


def engine():
    return store.get_engine()


# ---------------------------------------------------------------- saving
def _track(assessment_id: str | None, version: int) -> None:
    st.session_state[KEY_ID] = assessment_id
    st.session_state[KEY_VERSION] = version
    if assessment_id:
        if st.query_params.get(QUERY) != assessment_id:
            st.query_params[QUERY] = assessment_id
    elif QUERY in st.query_params:
        del st.query_params[QUERY]


def _saved(assessment_id: str, version: int) -> None:
    _track(assessment_id, version)
    st.session_state[KEY_STATUS] = {"kind": "saved", "at": datetime.now(_TZ)}


def save_now(a=None) -> bool:
    """Write the current assessment through. True when stored; otherwise the status says why."""
    a = a or state.assessment()
    tracked = st.session_state.get(KEY_ID)
    expected = st.session_state.get(KEY_VERSION, 0) if tracked == a.id else 0
    try:
        version = store.save_assessment(engine(), a, expected, state.model())
    except store.VersionConflict as exc:
        if expected == 0 and tracked != a.id:
            return _save_foreign(a)
        st.session_state[KEY_STATUS] = {"kind": "deleted" if exc.deleted else "conflict", "at": datetime.now(_TZ),
                                        "id": a.id}
        return False
    except SQLAlchemyError as exc:
        # Kept in memory; the next edit tries again.
        st.session_state[KEY_STATUS] = {"kind": "error", "at": datetime.now(_TZ), "detail": type(exc).__name__}
        return False
    _saved(a.id, version)
    return True


def _save_foreign(a) -> bool:
    """An assessment this session did not load (an imported file) whose id is stored already:
    the same document is adopted; a different one is stored as a copy, never over the other."""
    try:
        stored, version = store.load_assessment(engine(), a.id, include_deleted=True)
        if stored.to_dict() == a.to_dict() and store.stored_version(engine(), a.id) is not None:
            _saved(a.id, version)
            return True
        a.id = uuid.uuid4().hex
        version = store.save_assessment(engine(), a, 0, state.model())
    except (store.NotFound, store.VersionConflict, SQLAlchemyError) as exc:
        st.session_state[KEY_STATUS] = {"kind": "error", "at": datetime.now(_TZ), "detail": type(exc).__name__}
        return False
    _saved(a.id, version)
    return True


def _autosave(a) -> None:
    if _pending_conflict():
        return  # waiting for the user's choice; the edit stays in this tab
    if not save_now(a) and _pending_conflict():
        # Found while the page is drawn (an answer just given): start the run again so that the
        # notice is drawn at the top of the page. From a callback, this just ends the callback;
        # every callback calls state.changed() last, and a rerun follows a callback anyway.
        st.rerun()


def _pending_conflict() -> bool:
    status = st.session_state.get(KEY_STATUS) or {}
    return status.get("kind") in ("conflict", "deleted") and status.get("id") == state.assessment().id


# ---------------------------------------------------------------- opening
def _notice(kind: str, text: str) -> None:
    st.session_state.setdefault(KEY_NOTICES, []).append((kind, text))


def describe_changes(changes) -> str:
    gone = ", ".join(md_escape(i) for i in changes.gone) or state.t("store.none")
    if changes.new_known:
        text = state.t("store.model_changed", old=md_escape(changes.old_version) or "–", new=changes.new_version,
                       gone=gone, added=", ".join(changes.new) or state.t("store.none"))
    else:
        text = state.t("store.model_changed_unknown", old=md_escape(changes.old_version) or "–",
                       new=changes.new_version, gone=gone)
    moved = getattr(changes, "moved", None)
    if moved:  # answers that now sit under another id (checklists/content/carryover.yaml)
        text += " " + state.t("store.model_moved", moved=", ".join(f"{a} → {b}" for a, b in moved.items()))
    return text


def open_assessment(assessment_id: str, *, follow_language: bool = True) -> bool:
    """Make the stored assessment current in this session, carried over to the current model."""
    try:
        a, version = store.load_assessment(engine(), assessment_id)
    except store.NotFound:
        _notice("warning", state.t("store.not_found"))
        _track(None, 0)
        return False
    except SQLAlchemyError:
        _notice("error", state.t("store.db_error"))
        return False
    changes = store.adopt_model(engine(), a, state.model())
    state.replace_assessment(a)
    if follow_language:
        st.session_state[state.LANG_KEY] = a.language
    _saved(a.id, version)
    if changes is not None:
        if changes.changed:
            _notice("info", describe_changes(changes))
        save_now(a)
    return True


def start_new() -> None:
    """A blank assessment; stored on its first edit."""
    state.replace_assessment(new_assessment(state.model(), state.lang()))
    st.session_state.pop(KEY_STATUS, None)
    _track(None, 0)


def start_reassessment(previous_id: str) -> bool:
    """A new assessment pre-filled from a stored one (profile, answers, notes, plan), stored at once."""
    try:
        previous, _ = store.load_assessment(engine(), previous_id)
    except store.NotFound:
        _notice("warning", state.t("store.not_found"))
        return False
    new, dropped = store.prefill_from(previous, state.model())
    state.replace_assessment(new)
    st.session_state[state.LANG_KEY] = new.language
    st.session_state.pop(KEY_STATUS, None)
    _track(None, 0)
    save_now(new)
    _notice("success", state.t("store.reassessment_started", date=_date(previous.created_at)))
    if dropped:
        _notice("info", state.t("store.reassessment_dropped", gone=", ".join(dropped)))
    return True


def _date(iso: str) -> str:
    from i18n import format_date

    return format_date(iso, state.lang())


def forget_if_current(assessment_ids) -> None:
    """After a delete: a session on a deleted assessment starts afresh instead of fighting it."""
    if state.assessment().id in set(assessment_ids):
        start_new()


# ---------------------------------------------------------------- conflicts
def _reload() -> None:
    status = st.session_state.get(KEY_STATUS) or {}
    st.session_state.pop(KEY_STATUS, None)
    open_assessment(status.get("id") or state.assessment().id, follow_language=False)


def _keep_mine() -> None:
    a = state.assessment()
    st.session_state.pop(KEY_STATUS, None)
    try:
        if store.stored_version(engine(), a.id) is None:
            store.restore_assessment(engine(), a.id)
        st.session_state[KEY_ID] = a.id
        st.session_state[KEY_VERSION] = store.stored_version(engine(), a.id) or 0
    except (store.NotFound, SQLAlchemyError):
        _track(None, 0)
    save_now(a)


def _show_conflict() -> None:
    if not _pending_conflict():
        return
    deleted = st.session_state[KEY_STATUS]["kind"] == "deleted"
    with st.container(border=True, key="store_conflict"):
        st.warning(state.t("store.deleted_elsewhere" if deleted else "store.conflict"), icon=":material/sync_problem:")
        left, right = st.columns(2)
        if not deleted:
            left.button(state.t("store.reload"), on_click=_reload, key="store_reload", type="primary",
                        icon=":material/refresh:")
        right.button(state.t("store.restore_keep_mine" if deleted else "store.keep_mine"), on_click=_keep_mine,
                     key="store_keep_mine", icon=":material/save:")


def _show_notices() -> None:
    for kind, text in st.session_state.pop(KEY_NOTICES, []) or []:
        getattr(st, kind)(text)


# ---------------------------------------------------------------- entry points
def init(first_run: bool) -> None:
    """Call once per run from app.py, after state.assessment()."""
    state.on_change(_autosave)
    if first_run:
        wanted = st.query_params.get(QUERY)
        if wanted:
            open_assessment(wanted, follow_language="lang" not in st.query_params)
    else:
        tracked = st.session_state.get(KEY_ID)
        if tracked and tracked == state.assessment().id and st.query_params.get(QUERY) != tracked:
            st.query_params[QUERY] = tracked  # page changes drop query parameters; keep the link right
    _show_conflict()
    _show_notices()


def status_line() -> str:
    """The quiet autosave line for the sidebar ("saved 10:42"), with the resume link once there is
    something stored. Markdown; the sidebar draws it under the progress, in the same element."""
    status = st.session_state.get(KEY_STATUS) or {}
    kind = status.get("kind")
    tracked = st.session_state.get(KEY_ID)
    if kind == "saved":
        text = state.t("store.saved_at", time=status["at"].strftime("%H:%M"))
    elif kind == "error":
        text = state.t("store.save_failed")
    elif kind in ("conflict", "deleted"):
        text = state.t("store.not_saved_conflict")
    elif tracked:
        text = state.t("store.stored")
    else:
        text = state.t("store.autosave_on")
    if tracked and tracked == state.assessment().id:
        # ./ is the app's root (the start page) from any page, whatever the server's base path.
        text += f" · [{state.t('store.resume_link')}](./?{QUERY}={tracked} \"{state.t('store.resume_help')}\")"
    return f":material/cloud_done: {text}" if kind == "saved" else text


# ---------------------------------------------------------------- import
def import_file(raw: bytes, limit: int = 12) -> list[tuple[str, str]]:
    """Validate, store and open an assessment file. Returns messages [(kind, text)] for the page.
    An invalid file changes nothing, stored or in the session."""
    try:
        result = store.import_document(engine(), raw, state.model())
    except AssessmentError as exc:
        # Escaped: a location can hold a key from the file ("answers.**x**"), shown as typed.
        lines = [md_escape(line) for line in exc.lines(state.lang())]
        shown = "\n".join(f"- {line}" for line in lines[:limit])
        if len(lines) > limit:
            shown += "\n- " + state.t("problem.more", count=len(lines) - limit)
        return [("error", state.t("store.import_bad", count=len(lines)) + "\n\n" + shown)]
    except SQLAlchemyError:
        return [("error", state.t("store.db_error"))]
    a = result.assessment
    state.replace_assessment(a)
    st.session_state[state.LANG_KEY] = a.language
    st.session_state.pop(KEY_STATUS, None)
    _saved(a.id, result.version)
    name = md_escape(a.company.name) or state.t("store.unnamed")
    messages = [("success", state.t("store.import_same" if result.unchanged else "store.import_ok", name=name))]
    if result.copied:
        messages.append(("info", state.t("store.import_copy")))
    if result.changes is not None and result.changes.changed:
        messages.append(("warning", describe_changes(result.changes)))
    return messages
