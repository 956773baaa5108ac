"""Edits to the plan part of an assessment. Every entry point (the Plan page, the tracker upload,
tests) writes the assessment through these, so the same rules hold everywhere."""
from __future__ import annotations

from assessment.document import ActionEdit, Assessment
from scoring.phases import MAX_CAPACITY
from scoring.selection import MAX_LEVEL

STATUSES: tuple[str, ...] = ("todo", "doing", "done")


def set_target(assessment: Assessment, pillar_id: str, level: int | None) -> None:
    """Set a pillar's target level (1–5); None goes back to the default."""
    targets = dict(assessment.plan.targets)
    if level is None:
        targets.pop(pillar_id, None)
    else:
        level = int(level)
        if not 1 <= level <= MAX_LEVEL:
            raise ValueError(f"target for {pillar_id} must be 1–5")
        targets[pillar_id] = level
    assessment.plan = assessment.plan.model_copy(update={"targets": targets})
    assessment.touch()


def set_capacity(assessment: Assessment, hours_per_week: float | None) -> None:
    """Set the weekly hours for the plan (more than 0, at most 80); None goes back to the default."""
    if hours_per_week is not None:
        hours_per_week = float(hours_per_week)
        if not 0 < hours_per_week <= MAX_CAPACITY:
            raise ValueError(f"hours a week must be more than 0 and at most {MAX_CAPACITY}")
    assessment.plan = assessment.plan.model_validate(
        {**assessment.plan.model_dump(), "capacity_hours_per_week": hours_per_week})
    assessment.touch()


def edit_action(assessment: Assessment, item_id: str, **changes) -> None:
    """Change owner, due, status or include (True, False, or None = as suggested) of the action
    for `item_id` (validated)."""
    unknown = set(changes) - {"owner", "due", "status", "include"}
    if unknown:
        raise ValueError(f"unknown action field(s): {', '.join(sorted(unknown))}")
    if "owner" in changes:
        changes["owner"] = (changes["owner"] or "").strip()
    if "status" in changes and changes["status"] not in STATUSES:
        raise ValueError("status must be todo, doing or done")
    current = assessment.plan.actions.get(item_id) or ActionEdit()
    updated = ActionEdit.model_validate({**current.model_dump(), **changes})
    actions = dict(assessment.plan.actions)
    if updated == ActionEdit():
        actions.pop(item_id, None)  # back to the defaults: keep the document tidy
    else:
        actions[item_id] = updated
    assessment.plan = assessment.plan.model_copy(update={"actions": actions})
    assessment.touch()
