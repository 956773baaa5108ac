"""An assessment as cells: every editable leaf of the document under a path, and back.

The store keeps one row per cell (store/schema.py, docs/store.md), so that two people who edit
different questions never touch the same row, and a session can tell exactly which leaves it has
changed since it last saw the store (ui/persistence.py). Paths:

    schema_version, model_version, language, created_at, updated_at
    company.<name|sector|size|city>, assessor.<name|organisation>
    answers.<ITEM>.value, answers.<ITEM>.note
    plan.targets.<PILLAR>, plan.<other plan field>
    plan.actions.<ITEM>.<owner|due|status|include>
    surveys                      (the whole list of survey results: one cell; see docs/store.md)

A value is what the document holds there in JSON (`Assessment.to_dict()`). A leaf the document
does not have (no answer, no note, no edit of that action) is absent from `flatten`; in the store a
cell that became absent is kept with the value None, so that its history and revision survive.

Pure and self-contained (the migration 0002 uses it on stored documents): it knows the document's
layout, not the Assessment class.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# Scalar fields at the top of the document (the id is the store row's, not a cell).
# Cells that follow the latest writer, never a conflict: bookkeeping no user chose.
BOOKKEEPING = frozenset({"schema_version", "model_version", "updated_at", "language"})


def flatten_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """{path: value} of a document in the layout of Assessment.to_dict(). Generic where the
    document is: a top-level object (company, assessor) gives one cell per field, any other
    top-level value (scalars, the survey list) one cell, and plan fields beside targets and
    actions one cell each, so a field added to the document later is stored without a change here."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "id":
            continue
        if key == "answers":
            for item, answer in (value or {}).items():
                out[f"answers.{item}.value"] = answer.get("value")
                out[f"answers.{item}.note"] = answer.get("note") or None
        elif key == "plan":
            for field, part in (value or {}).items():
                if field == "targets":
                    out.update({f"plan.targets.{pillar}": level for pillar, level in part.items()})
                elif field == "actions":
                    for item, action in part.items():
                        out.update({f"plan.actions.{item}.{f}": v for f, v in action.items()})
                else:
                    out[f"plan.{field}"] = part
        elif isinstance(value, dict):
            out.update({f"{key}.{field}": v for field, v in value.items()})
        elif value != []:
            out[key] = value
    return {p: v for p, v in out.items() if v is not None}  # None and absent are one: the default


def flatten(assessment) -> dict[str, Any]:
    """{path: value} of an Assessment (anything with to_dict())."""
    return flatten_document(assessment.to_dict())


def fold(cells: Mapping[str, Any], assessment_id: str) -> dict:
    """The document (Assessment.to_dict() layout) whose cells are `cells`; None values are absent.
    Answers, targets and actions come out sorted by id, as to_dict() writes them."""
    doc: dict[str, Any] = {"id": assessment_id}
    answers: dict[str, dict] = {}
    plan: dict[str, Any] = {}
    targets: dict[str, Any] = {}
    actions: dict[str, dict] = {}
    for path, value in cells.items():
        if value is None:
            continue
        head, _, rest = path.partition(".")
        if not rest:
            doc[head] = value
        elif head == "answers":
            item, _, field = rest.rpartition(".")
            answers.setdefault(item, {})[field] = value
        elif head == "plan" and rest.startswith("targets."):
            targets[rest.removeprefix("targets.")] = value
        elif head == "plan" and rest.startswith("actions."):
            item, _, field = rest.removeprefix("actions.").rpartition(".")
            actions.setdefault(item, {})[field] = value
        elif head == "plan":
            plan[rest] = value
        else:
            doc.setdefault(head, {})[rest] = value
    doc["answers"] = {k: {"value": v.get("value"), **({"note": v["note"]} if "note" in v else {})}
                      for k, v in sorted(answers.items())}
    doc["plan"] = {"targets": dict(sorted(targets.items())), "actions": dict(sorted(actions.items())), **plan}
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
