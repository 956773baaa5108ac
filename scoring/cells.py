"""An assessment as cells: every editable leaf of the document under a path, and back.

The store keeps one row per cell (store/schema.py, docs/store.md), so that two people who edit
different questions never touch the same row, and a session can tell exactly which leaves it has
changed since it last saw the store (ui/persistence.py). Paths:

    schema_version, model_version, language, created_at, updated_at
    company.<name|sector|size|city>, assessor.<name|organisation>
    answers.<ITEM>.value, answers.<ITEM>.note
    plan.targets.<PILLAR>
    plan.actions.<ITEM>.<owner|due|status|include>
    surveys                      (the whole list of survey results: one cell)

A value is what the document holds there in JSON (`Assessment.to_dict()`). A leaf the document
does not have (no answer, no note, no edit of that action) is absent from `flatten`; in the store a
cell that became absent is kept with the value None, so that its history and revision survive.

Pure and self-contained (the migration 0002 uses it on stored documents): it knows the document's
layout, not the Assessment class.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

# Scalar fields at the top of the document (the id is the store row's, not a cell).
HEADER = ("schema_version", "model_version", "language", "created_at", "updated_at")
# Cells that follow the latest writer, never a conflict: bookkeeping no user chose.
BOOKKEEPING = frozenset({"schema_version", "model_version", "updated_at"})
_GROUPS = ("company", "assessor")
ACTION_FIELDS = ("owner", "due", "status", "include")


def flatten_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """{path: value} of a document in the layout of Assessment.to_dict()."""
    out: dict[str, Any] = {k: doc[k] for k in HEADER if k in doc}
    for group in _GROUPS:
        for field, value in (doc.get(group) or {}).items():
            out[f"{group}.{field}"] = value
    for item, answer in (doc.get("answers") or {}).items():
        if answer.get("value") is not None:
            out[f"answers.{item}.value"] = answer["value"]
        if answer.get("note"):
            out[f"answers.{item}.note"] = answer["note"]
    plan = doc.get("plan") or {}
    for pillar, level in (plan.get("targets") or {}).items():
        out[f"plan.targets.{pillar}"] = level
    for item, action in (plan.get("actions") or {}).items():
        for field in ACTION_FIELDS:
            if field in action:
                out[f"plan.actions.{item}.{field}"] = action[field]
    if doc.get("surveys"):
        out["surveys"] = doc["surveys"]
    return {p: v for p, v in out.items() if v is not None}  # None and absent are one: the default


def flatten(assessment) -> dict[str, Any]:
    """{path: value} of an Assessment (anything with to_dict())."""
    return flatten_document(assessment.to_dict())


def fold(cells: Mapping[str, Any], assessment_id: str) -> dict:
    """The document (Assessment.to_dict() layout) whose cells are `cells`; None values are absent.
    Answers, targets and actions come out sorted by id, as to_dict() writes them."""
    doc: dict[str, Any] = {"id": assessment_id}
    answers: dict[str, dict] = {}
    targets: dict[str, Any] = {}
    actions: dict[str, dict] = {}
    for path, value in cells.items():
        if value is None:
            continue
        head, _, rest = path.partition(".")
        if not rest:
            doc[head] = value
        elif head in _GROUPS:
            doc.setdefault(head, {})[rest] = value
        elif head == "answers":
            item, _, field = rest.rpartition(".")
            answers.setdefault(item, {})[field] = value
        elif head == "plan" and rest.startswith("targets."):
            targets[rest.removeprefix("targets.")] = value
        elif head == "plan" and rest.startswith("actions."):
            item, _, field = rest.removeprefix("actions.").rpartition(".")
            actions.setdefault(item, {})[field] = value
        else:
            raise ValueError(f"not a cell path: {path!r}")
    doc["answers"] = {k: {"value": v.get("value"), **({"note": v["note"]} if "note" in v else {})}
                      for k, v in sorted(answers.items())}
    doc["plan"] = {"targets": dict(sorted(targets.items())), "actions": dict(sorted(actions.items()))}
    doc.setdefault("surveys", [])
    return doc


def changed_cells(current: Mapping[str, Any], seen: Mapping[str, Any]) -> dict[str, Any]:
    """The cells of `current` that differ from `seen` (both {path: value}); a path `seen` has with a
    value and `current` lacks comes out as None (gone)."""
    out = {p: v for p, v in current.items() if p not in seen or not same(seen[p], v)}
    out.update({p: None for p, v in seen.items() if v is not None and p not in current})
    return out


def same(a: Any, b: Any) -> bool:
    """Equal as stored JSON (so True and 1 differ, as they do in a document)."""
    return dumps(a) == dumps(b)


def dumps(value: Any) -> str:
    """A cell value as stored: compact JSON text, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def item_of(path: str) -> str | None:
    """The checklist item a path belongs to (answers and plan actions), else None."""
    parts = path.split(".")
    if parts[0] == "answers" and len(parts) >= 3:
        return ".".join(parts[1:-1])
    if parts[:2] == ["plan", "actions"] and len(parts) >= 4:
        return ".".join(parts[2:-1])
    return None
