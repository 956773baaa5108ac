"""The bin: deletes are soft (deleted_at). Deleting a client stamps it and its live assessments
with one timestamp; restoring the client brings back exactly those. No Streamlit."""
from __future__ import annotations

from sqlalchemy import select, update

from store.common import Bind, transaction, utc, utc_now
from store.rows import NotFound
from store.schema import assessments, clients


def list_deleted(bind: Bind, limit: int = 50) -> list[dict]:
    """The bin: deleted clients, and deleted assessments of clients that are not deleted, newest first.
    Each: {"kind": "client" | "assessment", "id", "name", "created_at", "deleted_at"}."""
    with transaction(bind) as conn:
        cl = conn.execute(select(clients.c.id, clients.c.name, clients.c.created_at, clients.c.deleted_at)
                          .where(clients.c.deleted_at.is_not(None))
                          .order_by(clients.c.deleted_at.desc()).limit(limit)).all()
        asm = conn.execute(select(assessments.c.id, assessments.c.company_name, assessments.c.created_at,
                                  assessments.c.deleted_at)
                           .select_from(assessments.outerjoin(clients, clients.c.id == assessments.c.client_id))
                           .where(assessments.c.deleted_at.is_not(None), clients.c.deleted_at.is_(None))
                           .order_by(assessments.c.deleted_at.desc()).limit(limit)).all()
    items = [{"kind": "client", "id": r.id, "name": r.name, "created_at": utc(r.created_at),
              "deleted_at": utc(r.deleted_at)} for r in cl]
    items += [{"kind": "assessment", "id": r.id, "name": r.company_name, "created_at": utc(r.created_at),
               "deleted_at": utc(r.deleted_at)} for r in asm]
    items.sort(key=lambda d: d["deleted_at"], reverse=True)
    return items[:limit]


def delete_assessment(bind: Bind, assessment_id: str) -> None:
    with transaction(bind) as conn:
        n = conn.execute(
            update(assessments)
            .where(assessments.c.id == assessment_id, assessments.c.deleted_at.is_(None))
            .values(deleted_at=utc_now(), rev=assessments.c.rev + 1)
        ).rowcount
    if n != 1:
        raise NotFound(assessment_id)


def restore_assessment(bind: Bind, assessment_id: str) -> None:
    with transaction(bind) as conn:
        r = conn.execute(select(assessments.c.client_id).where(assessments.c.id == assessment_id,
                                                               assessments.c.deleted_at.is_not(None))).first()
        if r is None:
            raise NotFound(assessment_id)
        conn.execute(update(assessments).where(assessments.c.id == assessment_id)
                     .values(deleted_at=None, rev=assessments.c.rev + 1))
        if r.client_id:
            conn.execute(update(clients).where(clients.c.id == r.client_id).values(deleted_at=None))


def delete_client(bind: Bind, client_id: str) -> None:
    """Soft-delete a client and its live assessments, all with one timestamp."""
    stamp = utc_now()
    with transaction(bind) as conn:
        n = conn.execute(update(clients).where(clients.c.id == client_id, clients.c.deleted_at.is_(None))
                         .values(deleted_at=stamp)).rowcount
        if n != 1:
            raise NotFound(client_id)
        conn.execute(update(assessments).where(assessments.c.client_id == client_id, assessments.c.deleted_at.is_(None))
                     .values(deleted_at=stamp, rev=assessments.c.rev + 1))


def restore_client(bind: Bind, client_id: str) -> None:
    """Undo delete_client: the client and exactly the assessments deleted with it."""
    with transaction(bind) as conn:
        stamp = conn.execute(select(clients.c.deleted_at).where(clients.c.id == client_id)).scalar()
        if stamp is None:
            raise NotFound(client_id)
        conn.execute(update(clients).where(clients.c.id == client_id).values(deleted_at=None))
        conn.execute(update(assessments).where(assessments.c.client_id == client_id, assessments.c.deleted_at == stamp)
                     .values(deleted_at=None, rev=assessments.c.rev + 1))
