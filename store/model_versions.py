"""What the store knows of checklist model versions: the item ids of each version it has seen,
what changed between the model an assessment was taken with and the current one, and carrying an
assessment over (adopt_model, prefill_from). No Streamlit."""
from __future__ import annotations

import json

from sqlalchemy import Connection, select

from assessment.document import Assessment, PlanEdits, now_iso
from checklists.carryover import carry, carry_assessment, changes_since
from checklists.model import AuditModel
from store.common import Bind, dialect_insert, transaction
from store.rows import ModelChanges
from store.schema import model_items


def current_model() -> AuditModel:
    from checklists import default_model

    return default_model()


_recorded_models: set[tuple[str, str]] = set()


def record_model(conn: Connection, model: AuditModel) -> tuple[str, str] | None:
    """Remember the item ids of `model` (once per database and process). Returns the cache key
    to mark as done once the transaction has committed."""
    key = (str(conn.engine.url), model.version)
    if key in _recorded_models:
        return None
    exists = conn.execute(
        select(model_items.c.model_version).where(model_items.c.model_version == model.version)
    ).first()
    if not exists:
        conn.execute(dialect_insert(conn)(model_items).values(model_version=model.version,
                                                              item_ids=json.dumps(sorted(model.items)))
                     .on_conflict_do_nothing(index_elements=["model_version"]))
    return key


def remember_recorded(key: tuple[str, str] | None) -> None:
    """After the transaction that recorded a model has committed: never record it again here."""
    if key is not None:
        _recorded_models.add(key)


def forget_recorded() -> None:
    """Record every model again (a test that emptied the database)."""
    _recorded_models.clear()


def _model_item_ids(conn: Connection, version: str) -> set[str] | None:
    raw = conn.execute(select(model_items.c.item_ids).where(model_items.c.model_version == version)).scalar()
    return set(json.loads(raw)) if raw else None


def model_changes_since(conn: Connection, old_version: str, answered: set[str], dropped: list[str],
                        model: AuditModel) -> ModelChanges:
    current = set(model.items)
    mapped = changes_since(model, old_version, answered) if old_version else None
    if mapped is not None:  # the content's carry-over map knows that version: the exact story
        return ModelChanges(old_version, model.version, gone=sorted(set(mapped.gone) | set(dropped)),
                            new=mapped.new, moved=mapped.moved)
    old_ids = _model_item_ids(conn, old_version) if old_version else None
    if old_ids is None:
        return ModelChanges(old_version, model.version, gone=sorted(set(dropped)), new=[], new_known=False)
    gone = sorted((old_ids - current) | set(dropped))
    return ModelChanges(old_version, model.version, gone=gone, new=sorted(current - old_ids - answered))


def adopt_model(bind: Bind, assessment: Assessment, model: AuditModel) -> ModelChanges | None:
    """Carry an assessment over to `model` by item id, in place: answers and plan edits of items
    the model no longer has are dropped. Returns what changed, or None when it was already current."""
    if assessment.model_version == model.version:
        return None
    carry_assessment(assessment, model)  # split and moved items keep their answers (checklists/carryover.py)
    known = model.item_pillar
    dropped = sorted(k for k in assessment.answers if k not in known)
    with transaction(bind) as conn:
        changes = model_changes_since(conn, assessment.model_version, set(assessment.answers), dropped, model)
    for k in dropped:
        del assessment.answers[k]
    for k in [k for k in assessment.plan.actions if k not in known]:
        del assessment.plan.actions[k]
    assessment.model_version = model.version
    return changes


def prefill_from(previous: Assessment, model: AuditModel) -> tuple[Assessment, list[str]]:
    """A re-assessment: a new assessment (new id, today's date) that starts from `previous`'s
    profile, answers, notes and plan edits, carried over to `model` by item id. Survey results
    are not copied: they describe the earlier period. Returns (new, ids dropped)."""
    known = model.item_pillar
    answers = carry(model, previous.model_version, previous.answers)
    actions = carry(model, previous.model_version, previous.plan.actions)
    dropped = sorted(k for k in answers if k not in known)
    stamp = now_iso()
    new = Assessment(
        model_version=model.version, language=previous.language,
        company=previous.company.model_copy(), assessor=previous.assessor.model_copy(),
        created_at=stamp, updated_at=stamp,
        answers={k: v.model_copy() for k, v in answers.items() if k in known},
        brought_back=[i for i in previous.brought_back if i in known],
        plan=PlanEdits(targets=dict(previous.plan.targets),
                       actions={k: v.model_copy() for k, v in actions.items() if k in known}),
    )
    return new, dropped
