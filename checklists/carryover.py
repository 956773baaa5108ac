"""Carry answers given with an older model version over to the current one.

The map is data (checklists/content/carryover.yaml, validated into AuditModel.carryover): an id
still in the model keeps its answer; a split item's answer goes to the first of its parts; a
removed item's answer is dropped, unless a later step restores the item. Pure functions over
mappings, so the store, the importer and the CLIs share one rule without this package knowing the
assessment's classes.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from checklists.model import AuditModel, CarryStep

V = TypeVar("V")


@dataclass(frozen=True)
class Changes:
    """What changed between an older version and the model's, as far as the map knows."""

    gone: list[str] = field(default_factory=list)            # removed: their answers are dropped
    new: list[str] = field(default_factory=list)             # questions with no old answer to carry
    moved: dict[str, str] = field(default_factory=dict)      # old id -> the id its answer now has


def _path(model: AuditModel, from_version: str) -> list[CarryStep] | None:
    """The steps from `from_version` to the model's version; [] when it is current; None when
    the map does not know that version."""
    if from_version == model.version:
        return []
    for n, step in enumerate(model.carryover):
        if step.from_version == from_version:
            return model.carryover[n:]
    return None


def _rename(steps: list[CarryStep]) -> dict[str, str | None]:
    """old id -> id after all steps (None: removed), for every id of the first step. An id a
    step removes and a later step restores keeps its answer."""
    mapping: dict[str, str | None] = {i: i for i in steps[0].previous_items}
    removed_as: dict[str, str] = {}  # old id -> the id it had when a step removed it
    for step in steps:
        for old, now in mapping.items():
            if now is None:
                if removed_as.get(old) in step.restored:
                    mapping[old] = removed_as.pop(old)
            elif now in step.splits:
                mapping[old] = step.splits[now][0]
            elif now in step.removed:
                mapping[old], removed_as[old] = None, now
    return mapping


def changes_since(model: AuditModel, from_version: str, answered: Collection[str] = ()) -> Changes | None:
    """Changes from `from_version` to the model, or None when the map does not know it. Ids in
    `answered` (the assessment's answers, carried over) are not new to its user: a version that
    grew after its release (2026.12) may have answers the map does not list."""
    steps = _path(model, from_version)
    if steps is None:
        return None
    if not steps:
        return Changes()
    rename = _rename(steps)
    kept = {now for now in rename.values() if now is not None} | set(answered)
    return Changes(
        gone=sorted(old for old, now in rename.items() if now is None),
        new=[i for i in model.items if i not in kept],
        moved={old: now for old, now in sorted(rename.items()) if now is not None and now != old},
    )


def carry(model: AuditModel, from_version: str, values: Mapping[str, V]) -> dict[str, V]:
    """`values` keyed by item id (answers, plan edits) re-keyed for the model. Ids the map does
    not know pass through unchanged (the caller decides what to do with unknown ids); a value
    never overwrites one already under the new id."""
    steps = _path(model, from_version)
    if not steps:
        return dict(values)
    rename = _rename(steps)
    out: dict[str, V] = {k: v for k, v in values.items() if k not in rename}
    for k, v in values.items():
        if k in rename:
            now = rename[k]
            if now is not None and now not in out:
                out[now] = v
    return out


def carry_assessment(assessment, model: AuditModel) -> Changes | None:
    """Re-key an assessment's answers and plan edits in place (duck-typed: `.model_version`,
    `.answers`, `.plan.actions`). Does not change `model_version`: callers that adopt the model
    set it. Returns the changes, or None when the map does not know the assessment's version."""
    old = assessment.model_version
    if old == model.version:
        return Changes()
    assessment.answers = carry(model, old, assessment.answers)
    assessment.plan.actions = carry(model, old, assessment.plan.actions)
    return changes_since(model, old, assessment.answers)
