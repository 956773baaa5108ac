"""The Plan page's bound widgets: what each key edits, and applying a widget's value to the
assessment. Called by ui.state.bind_edits() at the start of a run (see ui/state.py and
ui/plan_cards.py); no Streamlit here, so nothing in it is a point where a newer click can cut the
run short, and ui.state can import it without an import circle.

    plan_owner_<ITEM>    text             -> edit_action(owner=…)
    plan_pick_<ITEM>     a suggested name -> edit_action(owner=…)
    plan_due_<ITEM>      date or None     -> edit_action(due=…)
    plan_status_<ITEM>   todo|doing|done  -> edit_action(status=…)
    plan_include_<ITEM>  bool             -> edit_action(include=…)  (None when it matches the suggestion)
    plan_target_<PILLAR> 1–5              -> set_target
    plan_capacity        hours a week     -> set_capacity            (None when it is the size band's default)
"""
from __future__ import annotations

from datetime import date

from assessment.document import Assessment
from checklists.model import AuditModel
from scoring import score
from scoring.plan import STATUSES, build_plan, default_capacity, edit_action, set_capacity, set_target

FIELDS = ("owner", "pick", "due", "status", "include")
CAPACITY_KEY = "plan_capacity"
MAX_OWNER = 200
TARGET_PREFIX = "plan_target_"


def key(field: str, item_id: str) -> str:
    return f"plan_{field}_{item_id}"


def _parse(key_: str) -> tuple[str, str] | None:
    """(field, item) of an action widget key, else None."""
    for field in FIELDS:
        prefix = f"plan_{field}_"
        if key_.startswith(prefix):
            return field, key_.removeprefix(prefix)
    return None


def apply_widget(model: AuditModel, a: Assessment, key_: str, value) -> bool:
    """Apply a Plan page widget's value to `a`; False when `key_` is not one of them. Called by
    state.bind_edits() at the start of a run: it makes no Streamlit call (none is a point where a
    newer click can cut it short). A value the plan cannot take (an unknown status) is ignored:
    seed() then shows the assessment's value again."""
    try:
        if key_ == CAPACITY_KEY:
            hours = None if value is None else float(value)
            if hours is not None and hours == default_capacity(model, a.company.size):
                hours = None  # the size band's default: follow the band if the size changes
            set_capacity(a, hours)
            return True
        if key_.startswith(TARGET_PREFIX):
            pillar = key_.removeprefix(TARGET_PREFIX)
            if pillar not in {p.id for p in model.pillars}:
                return False
            set_target(a, pillar, value)
            return True
        parsed = _parse(key_)
        if parsed is None:
            return False
        field, item = parsed
        if item not in model.items:
            return False
        if field in ("owner", "pick"):
            if field == "pick" and not value:
                return True  # the suggestion was cleared (seed() clears it after every pick)
            edit_action(a, item, owner=(value or "")[:MAX_OWNER])
        elif field == "due":
            edit_action(a, item, due=value if isinstance(value, date) else None)
        elif field == "status":
            if value in STATUSES:
                edit_action(a, item, status=value)
        elif field == "include":
            suggested = build_plan(model, a, score(model, a)).action(item).suggested
            edit_action(a, item, include=None if bool(value) == suggested else bool(value))
    except (ValueError, KeyError):
        return True  # refused: the widget is drawn again with the assessment's value
    return True
