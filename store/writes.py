"""Writing an assessment, cell by cell (write_cells), whole (save_assessment) or from a file
(import_document). No Streamlit."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select, update

from assessment import cells
from assessment.document import Assessment, read_assessment
from checklists.model import AuditModel
from store.common import Bind, dialect_insert, transaction, utc_now
from store.denormalise import denormalise
from store.model_versions import current_model, model_changes_since, record_model, remember_recorded
from store.reads import folded
from store.rows import AssessmentDeleted, CellConflict, ImportResult, WriteResult
from store.schema import assessment_cells, assessment_edits, assessments


def write_cells(bind: Bind, assessment_id: str, changes: Mapping[str, tuple[Any, int | None]],
                model: AuditModel | None = None, *, tab: str | None = None, by: str | None = None,
                document: Assessment | None = None, known_rev: int | None = None) -> WriteResult:
    """Write cells of one assessment: `changes` is {path: (new value, the cell's rev as the writer
    last saw it, or None if it never saw the cell)}; None as a value clears the leaf.

    One transaction. The assessment row's rev is bumped first: that UPDATE locks the row, so the
    writers of one assessment go one at a time and the scores recomputed at the end, from all of
    its cells, are those of the cells as committed. A cell is written if the stored cell is still
    the one the writer saw (same rev; or none, or a cleared one, and the writer saw none), or
    already holds the new value, or is bookkeeping (updated_at …). Any other cell is a conflict,
    returned with both values and left as stored; the other cells of the batch are written.
    An assessment not stored yet is created. Raises AssessmentDeleted for a deleted one.

    `document` and `known_rev` make a write cheap (an autosave per click): the writer's whole
    assessment with these changes applied, and the rev up to which it has seen every cell. If
    nobody wrote since (the bumped rev is known_rev + 1) and no cell conflicted, the stored cells
    are exactly `document`'s, so the row's scores come from it instead of a fold of every cell,
    and the client is looked up again only when a company field changed.
    """
    model = model or current_model()
    now = utc_now()
    created = False
    with transaction(bind) as conn:
        recorded = record_model(conn, model)
        if not _bump(conn, assessment_id):
            created = True
            if conn.execute(select(assessments.c.id).where(assessments.c.id == assessment_id)).first():
                raise AssessmentDeleted(assessment_id)
            ins = dialect_insert(conn)(assessments).values(
                id=assessment_id, client_id=None, rev=0, model_version="", company_name="", created_at=now,
                updated_at=now, deleted_at=None, completeness=0.0)
            conn.execute(ins.on_conflict_do_nothing(index_elements=["id"]))
            if not _bump(conn, assessment_id):  # created and deleted by others in between
                raise AssessmentDeleted(assessment_id)
        rev = conn.execute(select(assessments.c.rev).where(assessments.c.id == assessment_id)).scalar_one()
        stored = _stored_cells(conn, assessment_id, list(changes))
        saved: dict[str, int] = {}
        conflicts: list[CellConflict] = []
        rows = []
        for path, (value, seen_rev) in changes.items():
            text = cells.dumps(value)
            old = stored.get(path)
            if old is not None and old[0] == text:
                saved[path] = old[1]
                continue
            if (path in cells.BOOKKEEPING or old is None or old[1] == seen_rev
                    or (seen_rev is None and old[0] == "null")):
                rows.append({"assessment_id": assessment_id, "path": path, "value": text, "rev": rev,
                             "updated_at": now, "updated_by": by})
                saved[path] = rev
            else:
                conflicts.append(CellConflict(path, value, cells.loads(old[0]), old[1]))
        if conflicts and tab:
            # A tab never conflicts with itself: a run cut short between its write and noting the
            # revs it got leaves the tab with an older view of cells it wrote itself.
            own = _written_by(conn, assessment_id, tab, [(c.path, c.rev) for c in conflicts])
            for c in [c for c in conflicts if (c.path, c.rev) in own]:
                conflicts.remove(c)
                rows.append({"assessment_id": assessment_id, "path": c.path, "value": cells.dumps(c.mine), "rev": rev,
                             "updated_at": now, "updated_by": by})
                saved[c.path] = rev
        if rows:
            ins = dialect_insert(conn)(assessment_cells)
            conn.execute(ins.on_conflict_do_update(
                index_elements=["assessment_id", "path"],
                set_={k: ins.excluded[k] for k in ("value", "rev", "updated_at", "updated_by")}), rows)
            conn.execute(insert(assessment_edits), [
                {"assessment_id": assessment_id, "rev": rev, "path": r["path"], "value": r["value"], "at": now,
                 "by": by, "tab": tab} for r in rows])
        current = (document if document is not None and known_rev is not None and rev == known_rev + 1
                   and not conflicts else None)
        client = created or current is None or any(r["path"].startswith(("company.", "model_version", "created_at"))
                                                   for r in rows)
        denormalise(conn, assessment_id, model, now, current, client=client)
    if recorded and not isinstance(bind, Connection):
        remember_recorded(recorded)
    return WriteResult(rev, saved, conflicts)


def _bump(conn: Connection, assessment_id: str) -> bool:
    return conn.execute(update(assessments).where(assessments.c.id == assessment_id, assessments.c.deleted_at.is_(None))
                        .values(rev=assessments.c.rev + 1)).rowcount == 1


def _written_by(conn: Connection, assessment_id: str, tab: str, cells_at: list[tuple[str, int]]) -> set:
    """Which of the (path, rev) cells were written by `tab` (read from the edit log)."""
    revs = sorted({rev for _, rev in cells_at})
    found = conn.execute(select(assessment_edits.c.path, assessment_edits.c.rev).where(
        assessment_edits.c.assessment_id == assessment_id, assessment_edits.c.tab == tab,
        assessment_edits.c.rev.in_(revs))).all()
    return {(r.path, r.rev) for r in found} & set(cells_at)


def _stored_cells(conn: Connection, assessment_id: str, paths: list[str]) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for start in range(0, len(paths), 500):  # within every database's limit of bound parameters
        for r in conn.execute(select(assessment_cells.c.path, assessment_cells.c.value, assessment_cells.c.rev)
                              .where(assessment_cells.c.assessment_id == assessment_id,
                                     assessment_cells.c.path.in_(paths[start:start + 500]))):
            out[r.path] = (r.value, r.rev)
    return out


def save_assessment(bind: Bind, assessment: Assessment, model: AuditModel | None = None, *,
                    tab: str | None = None) -> WriteResult:
    """Write every cell of `assessment` as a writer that has seen none of them: a new assessment
    is stored whole; over a stored one, only cells that already hold the same value (or are
    bookkeeping) are accepted and every other stored cell is reported as a conflict."""
    changes = {path: (value, None) for path, value in cells.flatten(assessment).items()}
    return write_cells(bind, assessment.id, changes, model, tab=tab)


def import_document(bind: Bind, raw: bytes | str | dict, model: AuditModel) -> ImportResult:
    """Validate `raw` completely, then store it. Raises AssessmentError (nothing written) when
    invalid. A document whose id is free keeps it (exact round trip); the same document stored
    already is left alone; a different assessment under that id is stored as a copy with a new id."""
    a, dropped, old_version = read_assessment(raw, model, allow_unknown_items=None)
    with transaction(bind) as conn:
        changes = (model_changes_since(conn, str(old_version), set(a.answers) | set(dropped), dropped, model)
                   if old_version != model.version else None)
        existing = conn.execute(select(assessments.c.rev, assessments.c.deleted_at)
                                .where(assessments.c.id == a.id)).first()
        if existing is not None and existing.deleted_at is None and folded(conn, a.id).to_dict() == a.to_dict():
            return ImportResult(a, existing.rev, dropped, changes, unchanged=True)
        copied = existing is not None
        if copied:
            a.id = uuid.uuid4().hex
        result = save_assessment(conn, a, model)
    return ImportResult(a, result.rev, dropped, changes, copied=copied)
