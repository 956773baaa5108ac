"""Opening an assessment in this session: a stored one (carried over to the current model), a
blank one, a reassessment pre-filled from a stored one, or an imported file; and the notices
these leave for the top of the next page (ui/persistence shows them)."""
from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from assessment import AssessmentError, new_assessment
from assessment.document import Assessment, read_assessment
from ui import saving, state
from ui.text import md_escape


def notice(kind: str, text: str) -> None:
    st.session_state.setdefault(saving.KEY_NOTICES, []).append((kind, text))


def _by_section(ids: list[str]) -> str:
    """Item ids grouped by the section they are in, each group followed by the section's short
    name as the sidebar shows it: "PLAN-12, PLAN-22 (Στρατηγική); TRN-16 (Εκπαίδευση)"."""
    model, lang = state.model(), state.lang()
    where = model.item_pillar
    groups: dict[str | None, list[str]] = {}
    for i in ids:
        groups.setdefault(where.get(i), []).append(i)
    return "; ".join(", ".join(items) + (f" ({model.pillar(pid).short_title(lang)})" if pid else "")
                     for pid, items in groups.items())


def describe_changes(changes) -> str:
    gone = ", ".join(md_escape(i) for i in changes.gone) or state.t("store.none")
    if changes.new_known:
        text = state.t("store.model_changed", old=md_escape(changes.old_version) or "–", new=changes.new_version,
                       gone=gone, added=_by_section(changes.new) or state.t("store.none"))
    else:
        text = state.t("store.model_changed_unknown", old=md_escape(changes.old_version) or "–",
                       new=changes.new_version, gone=gone)
    moved = getattr(changes, "moved", None)
    if moved:  # answers that now sit under another id (checklists/content/carryover.yaml)
        text += " " + state.t("store.model_moved", moved=", ".join(f"{a} → {b}" for a, b in moved.items()))
    return text


def adopt(stored: store.StoredCells) -> Assessment:
    """Make a stored assessment current, carried over to the current model (and that written)."""
    a = stored.assessment()
    changes = store.adopt_model(saving.engine(), a, state.model())
    state.replace_assessment(a)
    saving.track(a.id, stored.cells, stored.rev)
    if changes is not None:
        if changes.changed:
            notice("info", describe_changes(changes))
        saving.save_now(a)
    return a


def open_assessment(assessment_id: str, *, follow_language: bool = True) -> bool:
    """Make the stored assessment current in this session, carried over to the current model."""
    try:
        stored = store.load_cells(saving.engine(), assessment_id)
    except (store.NotFound, store.AssessmentDeleted):
        notice("warning", state.t("store.not_found"))
        saving.track(None)
        return False
    except SQLAlchemyError:
        notice("error", state.t("store.db_error"))
        return False
    a = adopt(stored)
    if follow_language:
        st.session_state[state.LANG_KEY] = a.language
    saving.set_status("saved")
    return True


def start_new() -> None:
    """A blank assessment; stored on its first edit."""
    state.replace_assessment(new_assessment(state.model(), state.lang()))
    st.session_state.pop(saving.KEY_STATUS, None)
    saving.track(None)


def start_reassessment(previous_id: str) -> bool:
    """A new assessment pre-filled from a stored one (profile, answers, notes, plan), stored at once."""
    try:
        previous, _ = store.load_assessment(saving.engine(), previous_id)
    except store.NotFound:
        notice("warning", state.t("store.not_found"))
        return False
    new, dropped = store.prefill_from(previous, state.model())
    state.replace_assessment(new)
    st.session_state.pop(saving.KEY_STATUS, None)
    saving.track(None)
    saving.save_now(new)
    notice("success", state.t("store.reassessment_started", date=_date(previous.created_at)))
    if dropped:
        notice("info", state.t("store.reassessment_dropped", gone=", ".join(dropped)))
    return True


def _date(iso: str) -> str:
    from i18n import format_date

    return format_date(iso, state.lang())


def forget_if_current(assessment_ids) -> None:
    """After a delete: a session on a deleted assessment starts afresh instead of fighting it."""
    if state.assessment().id in set(assessment_ids):
        start_new()


PENDING = "import_pending"  # (file, stored id): a file of a stored assessment, awaiting the user's choice


def _stored_twin(raw: bytes) -> Assessment | None:
    """The stored assessment this file is a different version of (same id, other content), if any:
    the user's own export, imported after more edits. None for an invalid file (the import says
    why), a new one, or an exact copy (the store just opens it)."""
    try:
        a, _, _ = read_assessment(raw, state.model(), allow_unknown_items=None)
        stored, _ = store.load_assessment(saving.engine(), a.id)
    except (AssessmentError, store.NotFound, store.AssessmentDeleted, SQLAlchemyError):
        return None
    return None if stored.to_dict() == a.to_dict() else stored


def import_file(raw: bytes, limit: int = 12, *, as_copy: bool = False,
                follow_language: bool = True) -> list[tuple[str, str]]:
    """Validate, store and open an assessment file. Returns messages [(kind, text)] for the page.
    An invalid file changes nothing, stored or in the session. A file of an assessment stored
    here already, in another version, stores nothing either: import_choice() asks first.
    `follow_language`: the UI takes the file's language (False: the user's stays)."""
    twin = None if as_copy else _stored_twin(raw)
    if twin is not None:
        from i18n import format_datetime, local_time
        from store.common import parse_iso

        st.session_state[PENDING] = (raw, twin.id)
        when = format_datetime(local_time(parse_iso(twin.updated_at)), state.lang())
        return [("warning", state.t("store.import_twin", name=md_escape(twin.company.name) or state.t("store.unnamed"),
                                    when=when))]
    st.session_state.pop(PENDING, None)
    try:
        result = store.import_document(saving.engine(), raw, state.model())
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
        a = adopt(store.load_cells(saving.engine(), result.assessment.id))
    except (store.NotFound, store.AssessmentDeleted, SQLAlchemyError):
        return [("error", state.t("store.db_error"))]
    if follow_language:
        st.session_state[state.LANG_KEY] = a.language
    saving.set_status("saved")
    name = md_escape(a.company.name) or state.t("store.unnamed")
    messages = [("success", state.t("store.import_same" if result.unchanged else "store.import_ok", name=name))]
    if result.copied:
        messages.append(("info", state.t("store.import_copy")))
    if result.changes is not None and result.changes.changed:
        messages.append(("warning", describe_changes(result.changes)))
    return messages


def import_choice(key_prefix: str) -> bool:
    """The two ways on for a file of a stored assessment (import_file): open the stored one, or
    keep the file as a copy. True when the user chose and an assessment is now open; what the
    import says is shown at the top of the next page (notices), wherever the page goes next."""
    pending = st.session_state.get(PENDING)
    if not pending:
        return False
    raw, assessment_id = pending
    with st.container(horizontal=True, gap="small"):
        open_it = st.button(state.t("store.import_open_existing"), type="primary", key=f"{key_prefix}_import_open",
                            icon=":material/edit:")
        copy_it = st.button(state.t("store.import_as_copy"), key=f"{key_prefix}_import_copy",
                            icon=":material/file_copy:")
    if open_it:
        st.session_state.pop(PENDING, None)
        return open_assessment(assessment_id, follow_language=False)
    if copy_it:
        st.session_state.pop(PENDING, None)
        # As with "open": the user chose in the UI's language, which stays (open_assessment).
        messages = import_file(raw, as_copy=True, follow_language=False)
        for kind, text in messages:
            notice(kind, text)
        return all(kind != "error" for kind, _ in messages)
    return False
