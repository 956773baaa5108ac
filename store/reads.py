"""Reading an assessment back from its cells: its rev, the cells written since a rev, the
document they fold to, and its edit log. No Streamlit."""
from __future__ import annotations

from sqlalchemy import Connection, select

from assessment import cells
from assessment.document import Assessment
from store.common import Bind, transaction, utc
from store.rows import AssessmentDeleted, NotFound, StoredCells
from store.schema import assessment_cells, assessment_edits, assessments


def stored_rev(bind: Bind, assessment_id: str) -> tuple[int, bool] | None:
    """(rev, deleted) of a stored assessment, or None when it is not stored. One indexed read:
    a session calls it on every run to learn whether someone else wrote."""
    with transaction(bind) as conn:
        r = conn.execute(select(assessments.c.rev, assessments.c.deleted_at)
                         .where(assessments.c.id == assessment_id)).first()
    return None if r is None else (r.rev, r.deleted_at is not None)


def load_cells(bind: Bind, assessment_id: str, since_rev: int = 0, include_deleted: bool = False) -> StoredCells:
    """The assessment's rev and its cells written after `since_rev` (all of them by default),
    including cleared ones (value None). Raises NotFound (or AssessmentDeleted)."""
    with transaction(bind) as conn:
        r = conn.execute(select(assessments.c.rev, assessments.c.deleted_at)
                         .where(assessments.c.id == assessment_id)).first()
        if r is None:
            raise NotFound(assessment_id)
        if r.deleted_at is not None and not include_deleted:
            raise AssessmentDeleted(assessment_id)
        found = {c.path: (cells.loads(c.value), c.rev) for c in conn.execute(
            select(assessment_cells.c.path, assessment_cells.c.value, assessment_cells.c.rev)
            .where(assessment_cells.c.assessment_id == assessment_id, assessment_cells.c.rev > since_rev))}
    return StoredCells(assessment_id, r.rev, r.deleted_at is not None, found)


def load_assessment(bind: Bind, assessment_id: str, include_deleted: bool = False) -> tuple[Assessment, int]:
    """(assessment exactly as saved, its rev). Raises NotFound, also for a deleted one unless
    `include_deleted`."""
    try:
        stored = load_cells(bind, assessment_id, include_deleted=include_deleted)
    except AssessmentDeleted:
        raise NotFound(assessment_id) from None
    return stored.assessment(), stored.rev


def edits(bind: Bind, assessment_id: str) -> list[dict]:
    """The edit log of an assessment, oldest first: {rev, path, value, at, by, tab}."""
    with transaction(bind) as conn:
        rows = conn.execute(select(assessment_edits).where(assessment_edits.c.assessment_id == assessment_id)
                            .order_by(assessment_edits.c.id)).all()
    return [{"rev": r.rev, "path": r.path, "value": cells.loads(r.value), "at": utc(r.at), "by": r.by, "tab": r.tab}
            for r in rows]


def folded(conn: Connection, assessment_id: str) -> Assessment:
    found = {r.path: cells.loads(r.value) for r in conn.execute(
        select(assessment_cells.c.path, assessment_cells.c.value)
        .where(assessment_cells.c.assessment_id == assessment_id))}
    return Assessment.model_validate(cells.fold(found, assessment_id))
