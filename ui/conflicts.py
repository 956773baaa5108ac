"""Conflicts: a cell changed both here and in another tab (or an assessment deleted elsewhere).
describe() puts one in words (which question or field, this tab's value and the stored one, in the
user's language); show_conflicts() lists them above the page with the two choices, "keep mine"
and "take theirs" (ui/persistence.init calls it on every run)."""
from __future__ import annotations

from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import store
from i18n import format_date, t
from ui import saving, state
from ui.text import md_escape

_PROFILE = {"company.name": "start.name", "company.sector": "start.sector", "company.size": "start.size",
            "company.city": "start.city", "assessor.name": "start.assessor_name",
            "assessor.organisation": "start.assessor_org"}
_ACTION_FIELDS = {"owner": "report.col.owner", "due": "report.col.due", "status": "report.col.status",
                  "include": "plan.col.include"}
_NOTE_CHARS = 80


def what(path: str) -> str:
    """The question or field a cell path stands for."""
    lang, model = state.lang(), state.model()
    parts = path.split(".")
    if parts[0] == "answers" and parts[1] in model.items:
        item = model.items[parts[1]]
        key = "store.what.note" if parts[-1] == "note" else "store.what.answer"
        return state.t(key, id=item.id, text=item.text(lang))
    if parts[:2] == ["plan", "actions"] and parts[2] in model.items:
        return state.t(
            "store.what.action", id=parts[2], field=t(_ACTION_FIELDS.get(parts[3], "store.what.field"), lang)
        )
    if parts[:2] == ["plan", "targets"]:
        pillar = next((p for p in model.pillars if p.id == parts[2]), None)
        return state.t("store.what.target", pillar=pillar.short_title(lang) if pillar else parts[2])
    if path in _PROFILE:
        return t(_PROFILE[path], lang)
    if path == "surveys":
        return state.t("store.what.surveys")
    return path


def value_text(path: str, value: Any) -> str:
    """A cell's value as the page shows it."""
    lang, model = state.lang(), state.model()
    if value is None or value == "":
        return state.t("store.value.none")
    field = path.rsplit(".", 1)[-1]
    if path.startswith("answers.") and field == "value":
        option = next((o for o in model.answer_scale if o.value == value), None)
        return option.label(lang) if option else str(value)
    if path.startswith("plan.targets."):
        return state.t("plan.level_option", level=value, name=model.level(int(value)).name(lang))
    if path.startswith("plan.actions."):
        if field == "status":
            return t(f"report.status.{value}", lang)
        if field == "include":
            return state.t("store.value.yes" if value else "store.value.no")
        if field == "due":
            return format_date(value, lang)
    if path in ("company.sector", "company.size"):
        return t(f"{path.split('.')[1]}.{value}", lang)
    if path == "surveys":
        return state.t("store.value.results", count=len(value))
    text = str(value)
    return text if len(text) <= _NOTE_CHARS else text[:_NOTE_CHARS - 1] + "…"


def describe(conflict) -> str:
    """One line (Markdown, user text escaped): the question, here «mine», elsewhere «theirs»."""
    return state.t("store.conflict_line", what=md_escape(what(conflict.path)),
                   mine=md_escape(value_text(conflict.path, conflict.mine)),
                   theirs=md_escape(value_text(conflict.path, conflict.theirs)))


# ---------------------------------------------------------------- the choice, above the page
def _keep_mine() -> None:
    """Write this tab's values of the conflicting cells (and nothing else) over the stored ones."""
    seen = saving.seen_cells()
    for path, c in saving.pending_conflicts().items():
        seen[path] = (c.theirs, c.rev)  # as if seen: now the write replaces exactly that
    st.session_state[saving.KEY_CONFLICTS] = {}
    saving.save_now()


def _take_theirs() -> None:
    seen, conflicts = saving.seen_cells(), saving.pending_conflicts()
    saving.replace_cells(state.assessment(), {path: c.theirs for path, c in conflicts.items()})
    for path, c in conflicts.items():
        seen[path] = (c.theirs, c.rev)
    st.session_state[saving.KEY_CONFLICTS] = {}


def _restore_keep_mine() -> None:
    a = state.assessment()
    try:
        store.restore_assessment(saving.engine(), a.id)
    except store.NotFound:
        pass  # restored elsewhere meanwhile
    except SQLAlchemyError:
        saving.set_status("error", detail="restore")
        return
    st.session_state.pop(saving.KEY_STATUS, None)
    saving.save_now(a)


def show_conflicts() -> None:
    a = state.assessment()
    status = st.session_state.get(saving.KEY_STATUS) or {}
    if status.get("kind") == "deleted" and status.get("id") == a.id:
        with st.container(border=True, key="store_conflict"):
            st.warning(state.t("store.deleted_elsewhere"), icon=":material/sync_problem:")
            st.button(state.t("store.restore_keep_mine"), on_click=_restore_keep_mine, key="store_keep_mine",
                      icon=":material/restore_from_trash:")
        return
    conflicts = saving.pending_conflicts() if saving.tracked(a) else {}
    if not conflicts:
        return
    lines = "\n".join(f"- {describe(c)}" for c in sorted(conflicts.values(), key=lambda c: c.path))
    with st.container(border=True, key="store_conflict"):
        st.warning(state.t("store.conflict_cells", count=len(conflicts)) + "\n\n" + lines,
                   icon=":material/sync_problem:")
        left, right = st.columns(2)
        left.button(state.t("store.keep_mine"), on_click=_keep_mine, key="store_keep_mine", type="primary",
                    icon=":material/save:")
        right.button(state.t("store.take_theirs"), on_click=_take_theirs, key="store_take_theirs",
                     icon=":material/download:")
