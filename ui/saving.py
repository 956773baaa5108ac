"""Autosave: what this session believes is stored, and writing the difference.

The session keeps what it believes is stored, cell by cell (assessment/cells.py): `seen` =
{path: (value, rev)}. What to write is the difference between the assessment as it is now and
`seen`, so a page only edits the assessment and calls state.changed(), and whatever was not
stored (a database error, a lock that timed out, a run cut short) is written on the next run.

Writes are made at the start of the run that an edit starts, before anything is drawn:
state.bind_edits() applies the widgets the user changed, then save_now() writes the difference
(ui/persistence.init). Not from on_change callbacks: in Streamlit 1.67 a callback is cut short at
any st.session_state access when a newer click is waiting, and never called again (ui/state.py).
Everything here is written so that being cut short at any such point loses nothing: the assessment
is replaced before `seen` is updated, `seen` after the database has the cells, and a write that is
repeated finds the cells already equal. refresh() takes over what other tabs wrote since this
session last looked; a cell changed here too is a conflict, waiting for the user (ui/conflicts.py).
"""
from __future__ import annotations

import uuid

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from assessment import cells
from assessment.document import Assessment
from i18n import local_time
from ui import state

KEY_ID = "store_id"                # id of the assessment this session has stored (or loaded)
KEY_SEEN = "store_seen"            # {path: (value, rev)}: the cells as this session believes they are stored
KEY_REV = "store_rev"              # the assessment's rev up to which this session has read others' writes
KEY_CONFLICTS = "store_conflicts"  # {path: store.CellConflict}: waiting for the user's choice
KEY_PENDING = "store_pending"      # an edit not yet confirmed stored
KEY_STATUS = "store_status"        # {"kind": "saved"|"error"|"deleted", "at": datetime, ...}
KEY_NOTICES = "store_notices"      # [(kind, text)] shown once at the top of the next page
KEY_TAB = "store_tab"              # this browser session's id in the edit log
QUERY = "assessment"


def engine():
    return store.get_engine()


def tab_id() -> str:
    if KEY_TAB not in st.session_state:
        st.session_state[KEY_TAB] = uuid.uuid4().hex[:16]
    return st.session_state[KEY_TAB]


# ---------------------------------------------------------------- what this session has seen
def track(assessment_id: str | None, seen: dict | None = None, rev: int = 0) -> None:
    """From now on this session edits `assessment_id`, stored as `seen` up to `rev`."""
    st.session_state[KEY_ID] = assessment_id
    st.session_state[KEY_SEEN] = dict(seen or {})
    st.session_state[KEY_REV] = rev
    st.session_state[KEY_CONFLICTS] = {}
    st.session_state[KEY_PENDING] = False
    link(assessment_id)


def link(assessment_id: str | None) -> None:
    if assessment_id:
        if st.query_params.get(QUERY) != assessment_id:
            st.query_params[QUERY] = assessment_id
    elif QUERY in st.query_params:
        del st.query_params[QUERY]


def tracked(a: Assessment) -> bool:
    return st.session_state.get(KEY_ID) == a.id


def seen_cells() -> dict:
    return st.session_state.setdefault(KEY_SEEN, {})


def pending_conflicts() -> dict:
    return st.session_state.setdefault(KEY_CONFLICTS, {})


def dirty_cells(a: Assessment) -> dict:
    """{path: value} of the cells changed here since they were last seen stored."""
    seen = seen_cells() if tracked(a) else {}
    return cells.changed_cells(cells.flatten(a), {p: v for p, (v, _) in seen.items()})


def set_status(kind: str, **extra) -> None:
    st.session_state[KEY_STATUS] = {"kind": kind, "at": local_time(), **extra}


def replace_cells(a: Assessment, values: dict) -> Assessment:
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
    if not tracked(a):
        track(None)
    conflicts, seen = pending_conflicts(), seen_cells()
    known = st.session_state.get(KEY_REV, 0)
    tab = tab_id()
    dirty = {p: v for p, v in dirty_cells(a).items() if p not in conflicts}
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
        set_status("deleted", id=a.id)
        return False
    except SQLAlchemyError as exc:
        set_status("error", detail=type(exc).__name__)  # kept in memory; the next run tries again
        return False
    # Plain dicts first (no yield points), session keys after: cut short here, the next run finds
    # these cells already stored with these values and just learns their revs.
    for path, rev in result.saved.items():
        seen[path] = (dirty[path], rev)
    for c in result.conflicts:
        conflicts[c.path] = c
    link(a.id)
    if result.rev == known + 1:
        st.session_state[KEY_REV] = result.rev  # nobody else wrote in between: nothing to fetch
    st.session_state[KEY_PENDING] = False
    set_status("saved")
    return not result.conflicts


def on_edit(_a) -> None:
    st.session_state[KEY_PENDING] = True
    save_now()


def refresh() -> None:
    """Take over what other tabs wrote since this session last looked (one `SELECT rev` when
    nobody did). Cells changed here too and differently are conflicts."""
    a = state.assessment()
    if not tracked(a):
        return
    try:
        found = store.stored_rev(engine(), a.id)
        if found is None:
            return
        rev, deleted = found
        if deleted:
            set_status("deleted", id=a.id)
            return
        if (st.session_state.get(KEY_STATUS) or {}).get("kind") == "deleted":
            st.session_state.pop(KEY_STATUS, None)  # restored elsewhere
        known = st.session_state.get(KEY_REV, 0)
        if rev <= known:
            return
        fresh = store.load_cells(engine(), a.id, since_rev=known)
    except (store.AssessmentDeleted, store.NotFound, SQLAlchemyError):
        return
    seen, conflicts = seen_cells(), pending_conflicts()
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
        replace_cells(a, take)  # first: cut short after it, the cells are merely written again, equal
    seen.update(learnt)
    st.session_state[KEY_REV] = fresh.rev
