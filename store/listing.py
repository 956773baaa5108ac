"""Finding clients and their assessments: the searched, paged client list, one client, a client's
history and the assessments with no business name yet. No Streamlit."""
from __future__ import annotations

from sqlalchemy import and_, func, select

from i18n import search_matches
from store.common import Bind, plain, transaction, utc
from store.rows import ROW_COLUMNS, AssessmentRow, ClientPage, ClientRow, NotFound, assessment_row
from store.schema import assessments, clients


def list_clients(bind: Bind, search: str = "", limit: int = 25, offset: int = 0) -> ClientPage:
    """Live clients with at least one live assessment, in Greek alphabetical order, searched by
    name or city ignoring accents, case and punctuation, in Greek or in Latin letters (i18n
    search_matches: "naxos" finds «Νάξος»); every word of `search` must match."""
    live = and_(assessments.c.deleted_at.is_(None), assessments.c.client_id.is_not(None))
    # Page the clients first (index on the sort key, an indexed EXISTS per client), then gather
    # the statistics of that page only: the cost does not grow with the number of assessments.
    has_live = (select(assessments.c.id).where(assessments.c.client_id == clients.c.id,
                                               assessments.c.deleted_at.is_(None)).exists())
    q = (select(clients.c.id, clients.c.name, clients.c.sector, clients.c.city)
         .where(clients.c.deleted_at.is_(None), has_live))
    with transaction(bind) as conn:
        if plain(search):
            # Matched in Python over the live clients' names and cities (Greek typed in Latin
            # letters has no SQL on either backend; each name's spellings are cached), then
            # counted and paged in SQL as without a search. Fine for thousands of clients; the
            # IN list is bound value by value (SQLite allows 32,766).
            names = conn.execute(select(clients.c.id, clients.c.name, clients.c.city)
                                 .where(clients.c.deleted_at.is_(None))).all()
            q = q.where(clients.c.id.in_([r.id for r in names if search_matches(search, r.name, r.city or "")]))
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        rows = conn.execute(q.order_by(clients.c.name_sort_key, clients.c.name, clients.c.id)
                            .limit(limit).offset(offset)).all()
        stats: dict[str, list] = {}
        if rows:
            for r in conn.execute(
                    select(assessments.c.client_id, assessments.c.id, assessments.c.overall_score,
                           assessments.c.overall_level, assessments.c.created_at, assessments.c.completeness)
                    .where(live, assessments.c.client_id.in_([r.id for r in rows]))
                    .order_by(assessments.c.created_at, assessments.c.id)):
                entry = stats.setdefault(r.client_id, [0, None, None, None, None, False])
                entry[0] += 1
                # The last audit is the last one with answers: a start left blank after it is
                # counted (the history lists it, marked) but is not the business's last result.
                if r.completeness > 0 or not entry[5]:
                    entry[1:] = [utc(r.created_at), r.id, r.overall_score, r.overall_level, r.completeness > 0]
    out = []
    for r in rows:
        n, last_at, last_id, last_score, last_level, _ = stats.get(r.id, [0, None, None, None, None, False])
        out.append(ClientRow(r.id, r.name, r.sector, r.city, n, last_at, last_id, last_score, last_level))
    return ClientPage(out, total)


def get_client(bind: Bind, client_id: str) -> ClientRow:
    with transaction(bind) as conn:
        r = conn.execute(select(clients).where(clients.c.id == client_id, clients.c.deleted_at.is_(None))).first()
    if r is None:
        raise NotFound(client_id)
    return ClientRow(r.id, r.name, r.sector, r.city, 0, None)


def client_history(bind: Bind, client_id: str) -> list[AssessmentRow]:
    """The client's live assessments, oldest first."""
    with transaction(bind) as conn:
        rows = conn.execute(select(*ROW_COLUMNS).where(assessments.c.client_id == client_id,
                                                       assessments.c.deleted_at.is_(None))
                            .order_by(assessments.c.created_at, assessments.c.id)).all()
    return [assessment_row(r) for r in rows]


def list_unnamed(bind: Bind, limit: int = 20) -> list[AssessmentRow]:
    """Live assessments that have no business name yet, most recently edited first."""
    with transaction(bind) as conn:
        rows = conn.execute(select(*ROW_COLUMNS).where(assessments.c.client_id.is_(None),
                                                       assessments.c.deleted_at.is_(None))
                            .order_by(assessments.c.updated_at.desc()).limit(limit)).all()
    return [assessment_row(r) for r in rows]
