"""A conflicting cell in words: which question or field, this tab's value and the stored one, in
the user's language. ui/persistence.py lists them above the page with the two choices."""
from __future__ import annotations

from typing import Any

from i18n import format_date, t
from ui import state
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
