"""Autosave, resume and conflicts: the thin Streamlit side of store/.

The session keeps what it believes is stored, cell by cell (assessment/cells.py): `seen` =
{path: (value, rev)}. What to write is the difference between the assessment as it is now and
`seen`, so a page only edits the assessment and calls state.changed(), and whatever was not
stored (a database error, a lock that timed out, a run cut short) is written on the next run.

- Writes are made at the start of the run that an edit starts, before anything is drawn:
  state.bind_edits() applies the widgets the user changed, then save_now() writes the difference.
  Not from on_change callbacks: in Streamlit 1.67 a callback is cut short at any st.session_state
  access when a newer click is waiting, and never called again (ui/state.py). Everything here is
  written so that being cut short at any such point loses nothing: the assessment is replaced
  before `seen` is updated, `seen` after the database has the cells, and a write that is repeated
  finds the cells already equal.
- init() (app.py, every run, before the page): `?assessment=<id>` reopens a stored assessment on a
  session's first run; afterwards one `SELECT rev` tells whether another tab wrote. If so, the
  cells written since are fetched and those not changed here are taken over (another tab's answers
  to other questions just appear). A cell changed both here and there is a true conflict, shown at
  the top of the page with both values: "keep mine" writes this tab's values of those cells only,
  "take theirs" adopts the stored ones. A deleted assessment offers "restore with my changes".
- status_line() is the quiet "saved 10:42" line and the resume link, for the sidebar.
"""
from __future__ import annotations

import uuid
from datetime import datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from assessment import AssessmentError, cells, new_assessment
from assessment.document import Assessment
from ui import state
from ui.text import md_escape

KEY_ID = "store_id"                # id of the assessment this session has stored (or loaded)
KEY_SEEN = "store_seen"            # {path: (value, rev)}: the cells as this session believes they are stored
KEY_REV = "store_rev"              # the assessment's rev up to which this session has read others' writes
KEY_CONFLICTS = "store_conflicts"  # {path: store.CellConflict}: waiting for the user's choice
KEY_PENDING = "store_pending"      # an edit not yet confirmed stored
KEY_STATUS = "store_status"        # {"kind": "saved"|"error"|"deleted", "at": datetime, ...}
KEY_NOTICES = "store_notices"      # [(kind, text)] shown once at the top of the next page
KEY_TAB = "store_tab"              # this browser session's id in the edit log
QUERY = "assessment"

try:
    from zoneinfo import ZoneInfo

    _TZ = ZoneInfo("Europe/Athens")
except Exception:  # no tz database: the server's local time
    _TZ = None


def engine():
    return store.get_engine()


def _tab() -> str:
    if KEY_TAB not in st.session_state:
        st.session_state[KEY_TAB] = uuid.uuid4().hex[:16]
    return st.session_state[KEY_TAB]


# ---------------------------------------------------------------- what this session has seen
def _track(assessment_id: str | None, seen: dict | None = None, rev: int = 0) -> None:
    """From now on this session edits `assessment_id`, stored as `seen` up to `rev`."""
    st.session_state[KEY_ID] = assessment_id
    st.session_state[KEY_SEEN] = dict(seen or {})
    st.session_state[KEY_REV] = rev
    st.session_state[KEY_CONFLICTS] = {}
    st.session_state[KEY_PENDING] = False
    _link(assessment_id)


def _link(assessment_id: str | None) -> None:
    if assessment_id:
        if st.query_params.get(QUERY) != assessment_id:
            st.query_params[QUERY] = assessment_id
    elif QUERY in st.query_params:
        del st.query_params[QUERY]


def _tracked(a: Assessment) -> bool:
    return st.session_state.get(KEY_ID) == a.id


def _seen() -> dict:
    return st.session_state.setdefault(KEY_SEEN, {})


def _conflicts() -> dict:
    return st.session_state.setdefault(KEY_CONFLICTS, {})


def _dirty(a: Assessment) -> dict:
    """{path: value} of the cells changed here since they were last seen stored."""
    seen = _seen() if _tracked(a) else {}
    return cells.changed_cells(cells.flatten(a), {p: v for p, (v, _) in seen.items()})


def _status(kind: str, **extra) -> None:
    st.session_state[KEY_STATUS] = {"kind": kind, "at": datetime.now(_TZ), **extra}


def _replace_cells(a: Assessment, values: dict) -> Assessment:
    """The assessment with some cells set to `values` ({path: value}, None = absent), as a new
    object in the session; the pages' keyed widgets follow it (they are seeded from it)."""
    merged = cells.flatten(a)
    for path, value in values.items():
        if value is None:
            merged.pop(path, None)
        else:
            merged[path] = value
    new = Assessment.model_validate(cells.fold(merged, a.id))
    st.session_state[state.ASSESSMENT_KEY] = new
    return new


# ---------------------------------------------------------------- saving
def save_now(a: Assessment | None = None) -> bool:
    """Write what changed in the current assessment. True when everything (but cells waiting
    for a conflict choice) is stored; otherwise the status says why and the next run retries."""
    a = a or state.assessment()
    if not _tracked(a):
        _track(None)
    conflicts, seen = _conflicts(), _seen()
    known = st.session_state.get(KEY_REV, 0)
    tab = _tab()
    dirty = {p: v for p, v in _dirty(a).items() if p not in conflicts}
    if not dirty:
        st.session_state[KEY_PENDING] = False
        return True
    st.session_state[KEY_PENDING] = True
    if st.session_state.get(KEY_ID) != a.id:
        # Before the write: a run cut short right after it must still know that these cells are
        # this session's (else the next run would take its own write for someone else's).
        st.session_state[KEY_ID] = a.id
    try:
        result = store.write_cells(
            engine(),
            a.id,
            {p: (v, seen[p][1] if p in seen else None) for p, v in dirty.items()},
            state.model(),
            tab=tab,
            # With no conflict waiting, `a` is the stored assessment plus these cells if nobody
            # else wrote since `known`: the store then scores it without reading every cell back.
            document=None if conflicts else a,
            known_rev=known,
        )
    except store.AssessmentDeleted:
        _status("deleted", id=a.id)
        return False
    except SQLAlchemyError as exc:
        _status("error", detail=type(exc).__name__)  # kept in memory; the next run tries again
        return False
    # Plain dicts first (no yield points), session keys after: cut short here, the next run finds
    # these cells already stored with these values and just learns their revs.
    for path, rev in result.saved.items():
        seen[path] = (dirty[path], rev)
    for c in result.conflicts:
        conflicts[c.path] = c
    _link(a.id)
    if result.rev == known + 1:
        st.session_state[KEY_REV] = result.rev  # nobody else wrote in between: nothing to fetch
    st.session_state[KEY_PENDING] = False
    _status("saved")
    return not result.conflicts


def _autosave(_a) -> None:
    st.session_state[KEY_PENDING] = True
    save_now()


def _refresh() -> None:
    """Take over what other tabs wrote since this session last looked (one `SELECT rev` when
    nobody did). Cells changed here too and differently are conflicts."""
    a = state.assessment()
    if not _tracked(a):
        return
    try:
        found = store.stored_rev(engine(), a.id)
        if found is None:
            return
        rev, deleted = found
        if deleted:
            _status("deleted", id=a.id)
            return
        if (st.session_state.get(KEY_STATUS) or {}).get("kind") == "deleted":
            st.session_state.pop(KEY_STATUS, None)  # restored elsewhere
        known = st.session_state.get(KEY_REV, 0)
        if rev <= known:
            return
        fresh = store.load_cells(engine(), a.id, since_rev=known)
    except (store.AssessmentDeleted, store.NotFound, SQLAlchemyError):
        return
    seen, conflicts = _seen(), _conflicts()
    current = cells.flatten(a)
    take, learnt = {}, {}
    for path, (value, cell_rev) in fresh.cells.items():
        if seen.get(path, (None, None))[1] == cell_rev:
            continue  # this session's own write
        before = seen.get(path, (None, None))[0]
        mine = current.get(path)
        if cells.same(mine, before):
            take[path] = value             # not changed here: take theirs
        elif path in cells.BOOKKEEPING or cells.same(mine, value):
            pass                           # keep ours (bookkeeping), or changed alike in both places
        else:
            conflicts[path] = store.CellConflict(path, mine, value, cell_rev)
            continue
        learnt[path] = (value, cell_rev)
    if take:
        _replace_cells(a, take)  # first: cut short after it, the cells are merely written again, equal
    seen.update(learnt)
    st.session_state[KEY_REV] = fresh.rev


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


def _adopt(stored: store.StoredCells) -> Assessment:
    """Make a stored assessment current, carried over to the current model (and that written)."""
    a = stored.assessment()
    changes = store.adopt_model(engine(), a, state.model())
    state.replace_assessment(a)
    _track(a.id, stored.cells, stored.rev)
    if changes is not None:
        if changes.changed:
            _notice("info", describe_changes(changes))
        save_now(a)
    return a


def open_assessment(assessment_id: str, *, follow_language: bool = True) -> bool:
    """Make the stored assessment current in this session, carried over to the current model."""
    try:
        stored = store.load_cells(engine(), assessment_id)
    except (store.NotFound, store.AssessmentDeleted):
        _notice("warning", state.t("store.not_found"))
        _track(None)
        return False
    except SQLAlchemyError:
        _notice("error", state.t("store.db_error"))
        return False
    a = _adopt(stored)
    if follow_language:
        st.session_state[state.LANG_KEY] = a.language
    _status("saved")
    return True


def start_new() -> None:
    """A blank assessment; stored on its first edit."""
    state.replace_assessment(new_assessment(state.model(), state.lang()))
    st.session_state.pop(KEY_STATUS, None)
    _track(None)


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
    _track(None)
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
def _keep_mine() -> None:
    """Write this tab's values of the conflicting cells (and nothing else) over the stored ones."""
    seen = _seen()
    for path, c in _conflicts().items():
        seen[path] = (c.theirs, c.rev)  # as if seen: now the write replaces exactly that
    st.session_state[KEY_CONFLICTS] = {}
    save_now()


def _take_theirs() -> None:
    seen, conflicts = _seen(), _conflicts()
    _replace_cells(state.assessment(), {path: c.theirs for path, c in conflicts.items()})
    for path, c in conflicts.items():
        seen[path] = (c.theirs, c.rev)
    st.session_state[KEY_CONFLICTS] = {}


def _restore_keep_mine() -> None:
    a = state.assessment()
    try:
        store.restore_assessment(engine(), a.id)
    except store.NotFound:
        pass  # restored elsewhere meanwhile
    except SQLAlchemyError:
        _status("error", detail="restore")
        return
    st.session_state.pop(KEY_STATUS, None)
    save_now(a)


def _show_conflicts() -> None:
    a = state.assessment()
    status = st.session_state.get(KEY_STATUS) or {}
    if status.get("kind") == "deleted" and status.get("id") == a.id:
        with st.container(border=True, key="store_conflict"):
            st.warning(state.t("store.deleted_elsewhere"), icon=":material/sync_problem:")
            st.button(state.t("store.restore_keep_mine"), on_click=_restore_keep_mine, key="store_keep_mine",
                      icon=":material/restore_from_trash:")
        return
    conflicts = _conflicts() if _tracked(a) else {}
    if not conflicts:
        return
    from ui.conflicts import describe

    lines = "\n".join(f"- {describe(c)}" for c in sorted(conflicts.values(), key=lambda c: c.path))
    with st.container(border=True, key="store_conflict"):
        st.warning(state.t("store.conflict_cells", count=len(conflicts)) + "\n\n" + lines,
                   icon=":material/sync_problem:")
        left, right = st.columns(2)
        left.button(state.t("store.keep_mine"), on_click=_keep_mine, key="store_keep_mine", type="primary",
                    icon=":material/save:")
        right.button(state.t("store.take_theirs"), on_click=_take_theirs, key="store_take_theirs",
                     icon=":material/download:")


def _show_notices() -> None:
    for kind, text in st.session_state.pop(KEY_NOTICES, []) or []:
        getattr(st, kind)(text)


# ---------------------------------------------------------------- entry points
def init(first_run: bool) -> None:
    """Call once per run from app.py, after state.assessment() and before the page."""
    state.on_change(_autosave)
    if first_run:
        wanted = st.query_params.get(QUERY)
        if wanted:
            open_assessment(wanted, follow_language="lang" not in st.query_params)
    else:
        if state.bind_edits():
            st.session_state[KEY_PENDING] = True
        a = state.assessment()
        if _tracked(a):
            if st.query_params.get(QUERY) != a.id:
                st.query_params[QUERY] = a.id  # page changes drop query parameters; keep the link right
            _refresh()
        if st.session_state.get(KEY_PENDING):
            save_now()  # this run's edits, and what an earlier run could not store
    _show_conflicts()
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
        st.session_state[KEY_PENDING] = True
        save_now()
        st.rerun()


def status_line() -> str:
    """The quiet autosave line for the sidebar ("saved 10:42"), with the resume link once there is
    something stored. Markdown; the sidebar draws it under the progress, in the same element."""
    status = st.session_state.get(KEY_STATUS) or {}
    kind = status.get("kind")
    tracked = st.session_state.get(KEY_ID)
    if kind == "deleted" or (tracked and _conflicts()):
        text = state.t("store.not_saved_conflict")
    elif kind == "saved" and not st.session_state.get(KEY_PENDING):
        text = state.t("store.saved_at", time=status["at"].strftime("%H:%M"))
    elif st.session_state.get(KEY_PENDING):
        text = state.t("store.save_failed")  # an edit not stored yet: never "saved"
    elif kind == "error":
        text = state.t("store.save_failed")
    elif tracked:
        text = state.t("store.stored")
    else:
        text = state.t("store.autosave_on")
    if tracked and tracked == state.assessment().id:
        # ./ is the app's root (the start page) from any page, whatever the server's base path.
        text += f" · [{state.t('store.resume_link')}](./?{QUERY}={tracked} \"{state.t('store.resume_help')}\")"
    saved = kind == "saved" and not _conflicts() and not st.session_state.get(KEY_PENDING)
    return f":material/cloud_done: {text}" if saved else text


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
    try:
        a = _adopt(store.load_cells(engine(), result.assessment.id))
    except (store.NotFound, store.AssessmentDeleted, SQLAlchemyError):
        return [("error", state.t("store.db_error"))]
    st.session_state[state.LANG_KEY] = a.language
    _status("saved")
    name = md_escape(a.company.name) or state.t("store.unnamed")
    messages = [("success", state.t("store.import_same" if result.unchanged else "store.import_ok", name=name))]
    if result.copied:
        messages.append(("info", state.t("store.import_copy")))
    if result.changes is not None and result.changes.changed:
        messages.append(("warning", describe_changes(result.changes)))
    return messages
