"""The assessment row's own columns, derived from its cells: company, client, dates and scores
(denormalised for listing). A client is found or made from the company name; one left with no
assessments is removed, one left with others takes its profile from them again. No Streamlit."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Connection, select, update

from assessment.document import Assessment
from checklists.model import PILLAR_IDS, AuditModel
from i18n import sort_key
from scoring.maturity import score
from store.common import client_key, dialect_insert, parse_iso
from store.reads import folded
from store.schema import assessments, clients


def score_columns(a: Assessment, model: AuditModel) -> dict:
    s = score(model, a)
    cols = {"overall_score": s.overall_score, "overall_level": s.overall_level, "completeness": s.completeness}
    for pid in PILLAR_IDS:
        ps = s.pillars.get(pid)
        cols[f"score_{pid}"] = ps.score if ps else None
    return cols


def denormalise(conn: Connection, assessment_id: str, model: AuditModel, now: datetime,
                a: Assessment | None = None, *, client: bool = True) -> None:
    """Company, client, dates and scores of the row, from all of its cells as they are now
    (`a`, when the caller knows it is exactly that; else folded from the cells). `client`: the
    company may have changed, so the client is derived again."""
    a = a or folded(conn, assessment_id)
    columns = {"updated_at": parse_iso(a.updated_at), **score_columns(a, model)}
    if not client:
        conn.execute(update(assessments).where(assessments.c.id == assessment_id).values(**columns))
        return
    old = conn.execute(select(assessments.c.client_id).where(assessments.c.id == assessment_id)).scalar()
    client_id = _resolve_client(conn, a, now)
    conn.execute(update(assessments).where(assessments.c.id == assessment_id).values(
        client_id=client_id, model_version=a.model_version, company_name=a.company.name.strip()[:200],
        created_at=parse_iso(a.created_at), **columns))
    if old != client_id:
        _after_leaving(conn, old)


def _resolve_client(conn: Connection, a: Assessment, now: datetime) -> str | None:
    name = a.company.name.strip()
    key = client_key(name)
    if not key:
        return None
    values = {"name": name, "name_sort_key": sort_key(name)[0], "sector": a.company.sector,
              "city": a.company.city.strip()}
    cols = (clients.c.id, clients.c.name, clients.c.sector, clients.c.city, clients.c.deleted_at)
    row = conn.execute(select(*cols).where(clients.c.name_key == key)).first()
    if row is None:
        # ON CONFLICT DO NOTHING: two writers naming the same new business at once get one client.
        ins = dialect_insert(conn)(clients).values(id=uuid.uuid4().hex, name_key=key, created_at=now,
                                                    deleted_at=None, **values)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["name_key"]))
        row = conn.execute(select(*cols).where(clients.c.name_key == key)).one()
    if (row.name, row.sector, row.city) != (values["name"], values["sector"], values["city"]) or row.deleted_at:
        conn.execute(update(clients).where(clients.c.id == row.id).values(deleted_at=None, **values))
    return row.id


def _after_leaving(conn: Connection, client_id: str | None) -> None:
    """An assessment has left the client `client_id`: a client with no assessment left is removed;
    one with others is named, filed and located again as its latest other assessment says. (A
    name is stored while it is typed, so «Φούρνος Παπαδόπουλος» passes through «Φούρνος», another
    client's name: that client had taken the passing audit's name, sector and city.)"""
    if client_id is None:
        return
    rows = conn.execute(
        select(assessments.c.id, assessments.c.deleted_at).where(assessments.c.client_id == client_id)
        .order_by(assessments.c.deleted_at.is_not(None), assessments.c.updated_at.desc())
    ).all()
    if not rows:
        conn.execute(clients.delete().where(clients.c.id == client_id))
        return
    company = folded(conn, rows[0].id).company
    name = company.name.strip()
    # A client in the bin that the passing name brought out (_resolve_client) goes back with the
    # stamp it was deleted with, so that restoring it still brings back its assessments.
    deleted_at = max(r.deleted_at for r in rows) if rows[0].deleted_at is not None else None
    conn.execute(update(clients).where(clients.c.id == client_id).values(
        name=name, name_sort_key=sort_key(name)[0], sector=company.sector, city=company.city.strip(),
        deleted_at=deleted_at))
