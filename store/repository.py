"""Repository: pure functions over an Engine (or an open Connection). No Streamlit.

Rules, in one place:
- An assessment is stored as its cells (assessment/cells.py: one row per answer, note, plan field,
  profile field), and read back as their fold, so export → import → store → load returns the very
  same document. Scores are denormalised on the assessment row for listing.
- Writes are per cell (write_cells): a cell is written if it is still as the writer last saw it;
  otherwise it is a conflict, reported with both values, and the rest of the batch is written.
  Every write adds 1 to the assessment's `rev` and stamps the cells it wrote with it, so a reader
  can fetch exactly what changed since the rev it knows. Deleting and restoring bump `rev` too.
  Each written cell is appended to assessment_edits (when, which tab; later who).
- A client (business) is identified by its normalised name (`client_key`: accents, case,
  punctuation and extra spaces ignored), because the assessment document carries no client id.
  Every save re-derives the client from the company name: renaming moves the assessment to the
  renamed client, and a client left with no assessments at all is removed. Assessments without a
  name yet belong to no client (`list_unnamed`).
- Deletes are soft (deleted_at). Deleting a client stamps it and its live assessments with one
  timestamp; restoring the client brings back exactly those.
- Imports are validated completely (assessment.document.read_assessment: every field, unknown
  item ids even when other fields are wrong) before anything is written.
"""
from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, insert, select, update

from assessment import cells
from assessment.document import Assessment, PlanEdits, now_iso, read_assessment
from checklists.carryover import carry, carry_assessment, changes_since
from checklists.model import PILLAR_IDS, AuditModel
from i18n import fold_words, sort_key
from scoring.maturity import score
from store.schema import assessment_cells, assessment_edits, assessments, clients, model_items

Bind = Engine | Connection


# ---------------------------------------------------------------- errors and rows
class NotFound(LookupError):
    """No live assessment or client with that id."""


class AssessmentDeleted(Exception):
    """The assessment is in the bin: nothing is written to it until it is restored."""


@dataclass(frozen=True)
class CellConflict:
    """A cell someone else changed since this writer saw it: nothing of it was written."""

    path: str
    mine: Any      # the value this writer wanted
    theirs: Any    # the value stored (None: cleared)
    rev: int       # the stored cell's rev: write again with it to keep `mine`


@dataclass(frozen=True)
class WriteResult:
    rev: int                      # the assessment's rev after this write
    saved: dict[str, int]         # path -> rev of the cell as stored now (written, or already equal)
    conflicts: list[CellConflict]


@dataclass(frozen=True)
class StoredCells:
    id: str
    rev: int
    deleted: bool
    cells: dict[str, tuple[Any, int]]   # path -> (value, rev)

    def assessment(self) -> Assessment:
        return Assessment.model_validate(cells.fold({p: v for p, (v, _) in self.cells.items()}, self.id))


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    client_id: str | None
    rev: int
    company_name: str
    model_version: str
    created_at: datetime
    updated_at: datetime
    overall_score: float | None
    overall_level: int | None
    completeness: float
    pillar_scores: dict[str, float | None]
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class ClientRow:
    id: str
    name: str
    sector: str
    city: str
    assessments: int
    last_at: datetime | None
    last_assessment_id: str | None = None
    last_score: float | None = None
    last_level: int | None = None


@dataclass(frozen=True)
class ClientPage:
    rows: list[ClientRow]
    total: int


@dataclass(frozen=True)
class ModelChanges:
    """What changed in the checklist between the model an assessment was taken with and now."""

    old_version: str
    new_version: str
    gone: list[str] = field(default_factory=list)        # item ids no longer in the model (answers dropped)
    new: list[str] = field(default_factory=list)         # item ids added since
    new_known: bool = True                                # False: the old model's items are unknown here
    moved: dict[str, str] = field(default_factory=dict)  # old id -> the id its answer moved to

    @property
    def changed(self) -> bool:
        return self.old_version != self.new_version and bool(self.gone or self.new or self.moved
                                                             or not self.new_known)


@dataclass(frozen=True)
class ImportResult:
    assessment: Assessment
    rev: int
    dropped: list[str]
    changes: ModelChanges | None
    copied: bool = False       # the id was taken by a different stored assessment: saved under a new id
    unchanged: bool = False    # the very same document was already stored: nothing written


# ---------------------------------------------------------------- helpers
def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


def _parse_iso(text: str) -> datetime:
    try:
        return _utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except (ValueError, AttributeError):
        return _now()


@contextlib.contextmanager
def _tx(bind: Bind) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.begin() as conn:
            yield conn


_plain = fold_words  # identity and search: accents, case, punctuation and extra spaces ignored


def client_key(name: str) -> str:
    """The identity of a business: accents, case, punctuation and spaces ignored, so
    'Καφέ «Ήλιος» Ο.Ε.', 'καφε ηλιος οε' and 'ΚΑΦΕ ΗΛΙΟΣ ΟΕ' are one client."""
    return _plain(name).replace(" ", "")


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _score_columns(a: Assessment, model: AuditModel) -> dict:
    s = score(model, a)
    cols = {"overall_score": s.overall_score, "overall_level": s.overall_level, "completeness": s.completeness}
    for pid in PILLAR_IDS:
        ps = s.pillars.get(pid)
        cols[f"score_{pid}"] = ps.score if ps else None
    return cols


def _default_model() -> AuditModel:
    from checklists import default_model

    return default_model()


_recorded_models: set[tuple[str, str]] = set()


def _record_model(conn: Connection, model: AuditModel) -> tuple[str, str] | None:
    """Remember the item ids of `model` (once per database and process). Returns the cache key
    to mark as done once the transaction has committed."""
    key = (str(conn.engine.url), model.version)
    if key in _recorded_models:
        return None
    exists = conn.execute(
        select(model_items.c.model_version).where(model_items.c.model_version == model.version)
    ).first()
    if not exists:
        conn.execute(_dialect_insert(conn)(model_items).values(model_version=model.version,
                                                               item_ids=json.dumps(sorted(model.items)))
                     .on_conflict_do_nothing(index_elements=["model_version"]))
    return key


def _model_item_ids(conn: Connection, version: str) -> set[str] | None:
    raw = conn.execute(select(model_items.c.item_ids).where(model_items.c.model_version == version)).scalar()
    return set(json.loads(raw)) if raw else None


def _resolve_client(conn: Connection, a: Assessment, now: datetime) -> str | None:
    name = a.company.name.strip()
    key = client_key(name)
    if not key:
        return None
    values = {"name": name, "name_sort_key": sort_key(name)[0], "sector": a.company.sector,
              "city": a.company.city.strip(), "search_key": f"{key} {_plain(a.company.city)}".strip()}
    cols = (clients.c.id, clients.c.name, clients.c.sector, clients.c.city, clients.c.deleted_at)
    row = conn.execute(select(*cols).where(clients.c.name_key == key)).first()
    if row is None:
        # ON CONFLICT DO NOTHING: two writers naming the same new business at once get one client.
        ins = _dialect_insert(conn)(clients).values(id=uuid.uuid4().hex, name_key=key, created_at=now,
                                                     deleted_at=None, **values)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["name_key"]))
        row = conn.execute(select(*cols).where(clients.c.name_key == key)).one()
    if (row.name, row.sector, row.city) != (values["name"], values["sector"], values["city"]) or row.deleted_at:
        conn.execute(update(clients).where(clients.c.id == row.id).values(deleted_at=None, **values))
    return row.id


def _dialect_insert(conn: Connection):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert


def _drop_orphan(conn: Connection, client_id: str | None) -> None:
    if client_id is None:
        return
    left = conn.execute(
        select(func.count()).select_from(assessments).where(assessments.c.client_id == client_id)
    ).scalar()
    if not left:
        conn.execute(clients.delete().where(clients.c.id == client_id))


def _row(r) -> AssessmentRow:
    return AssessmentRow(
        id=r.id, client_id=r.client_id, rev=r.rev, company_name=r.company_name,
        model_version=r.model_version, created_at=_utc(r.created_at), updated_at=_utc(r.updated_at),
        overall_score=r.overall_score, overall_level=r.overall_level, completeness=r.completeness,
        pillar_scores={pid: getattr(r, f"score_{pid}") for pid in PILLAR_IDS}, deleted_at=_utc(r.deleted_at),
    )


_ROW_COLS = list(assessments.c)


# ---------------------------------------------------------------- writing and reading cells
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
    model = model or _default_model()
    now = _now()
    created = False
    with _tx(bind) as conn:
        recorded = _record_model(conn, model)
        if not _bump(conn, assessment_id):
            created = True
            if conn.execute(select(assessments.c.id).where(assessments.c.id == assessment_id)).first():
                raise AssessmentDeleted(assessment_id)
            ins = _dialect_insert(conn)(assessments).values(
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
            ins = _dialect_insert(conn)(assessment_cells)
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
        _denormalise(conn, assessment_id, model, now, current, client=client)
    if recorded and not isinstance(bind, Connection):
        _recorded_models.add(recorded)
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


def _fold(conn: Connection, assessment_id: str) -> Assessment:
    found = {r.path: cells.loads(r.value) for r in conn.execute(
        select(assessment_cells.c.path, assessment_cells.c.value)
        .where(assessment_cells.c.assessment_id == assessment_id))}
    return Assessment.model_validate(cells.fold(found, assessment_id))


def _denormalise(conn: Connection, assessment_id: str, model: AuditModel, now: datetime,
                 a: Assessment | None = None, *, client: bool = True) -> None:
    """Company, client, dates and scores of the row, from all of its cells as they are now
    (`a`, when the caller knows it is exactly that; else folded from the cells). `client`: the
    company may have changed, so the client is derived again."""
    a = a or _fold(conn, assessment_id)
    columns = {"updated_at": _parse_iso(a.updated_at), **_score_columns(a, model)}
    if not client:
        conn.execute(update(assessments).where(assessments.c.id == assessment_id).values(**columns))
        return
    old = conn.execute(select(assessments.c.client_id).where(assessments.c.id == assessment_id)).scalar()
    client_id = _resolve_client(conn, a, now)
    conn.execute(update(assessments).where(assessments.c.id == assessment_id).values(
        client_id=client_id, model_version=a.model_version, company_name=a.company.name.strip()[:200],
        created_at=_parse_iso(a.created_at), **columns))
    if old != client_id:
        _drop_orphan(conn, old)


def save_assessment(bind: Bind, assessment: Assessment, model: AuditModel | None = None, *,
                    tab: str | None = None) -> WriteResult:
    """Write every cell of `assessment` as a writer that has seen none of them: a new assessment
    is stored whole; over a stored one, only cells that already hold the same value (or are
    bookkeeping) are accepted and every other stored cell is reported as a conflict."""
    changes = {path: (value, None) for path, value in cells.flatten(assessment).items()}
    return write_cells(bind, assessment.id, changes, model, tab=tab)


def stored_rev(bind: Bind, assessment_id: str) -> tuple[int, bool] | None:
    """(rev, deleted) of a stored assessment, or None when it is not stored. One indexed read:
    a session calls it on every run to learn whether someone else wrote."""
    with _tx(bind) as conn:
        r = conn.execute(select(assessments.c.rev, assessments.c.deleted_at)
                         .where(assessments.c.id == assessment_id)).first()
    return None if r is None else (r.rev, r.deleted_at is not None)


def load_cells(bind: Bind, assessment_id: str, since_rev: int = 0, include_deleted: bool = False) -> StoredCells:
    """The assessment's rev and its cells written after `since_rev` (all of them by default),
    including cleared ones (value None). Raises NotFound (or AssessmentDeleted)."""
    with _tx(bind) as conn:
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
    with _tx(bind) as conn:
        rows = conn.execute(select(assessment_edits).where(assessment_edits.c.assessment_id == assessment_id)
                            .order_by(assessment_edits.c.id)).all()
    return [{"rev": r.rev, "path": r.path, "value": cells.loads(r.value), "at": _utc(r.at), "by": r.by, "tab": r.tab}
            for r in rows]


# ---------------------------------------------------------------- model changes
def _changes(conn: Connection, old_version: str, answered: set[str], dropped: list[str],
             model: AuditModel) -> ModelChanges:
    current = set(model.items)
    mapped = changes_since(model, old_version) if old_version else None
    if mapped is not None:  # the content's carry-over map knows that version: the exact story
        return ModelChanges(old_version, model.version, gone=sorted(set(mapped.gone) | set(dropped)),
                            new=mapped.new, moved=mapped.moved)
    old_ids = _model_item_ids(conn, old_version) if old_version else None
    if old_ids is None:
        return ModelChanges(old_version, model.version, gone=sorted(set(dropped)), new=[], new_known=False)
    gone = sorted((old_ids - current) | set(dropped))
    return ModelChanges(old_version, model.version, gone=gone, new=sorted(current - old_ids))


def adopt_model(bind: Bind, assessment: Assessment, model: AuditModel) -> ModelChanges | None:
    """Carry an assessment over to `model` by item id, in place: answers and plan edits of items
    the model no longer has are dropped. Returns what changed, or None when it was already current."""
    if assessment.model_version == model.version:
        return None
    carry_assessment(assessment, model)  # split and moved items keep their answers (checklists/carryover.py)
    known = model.item_pillar
    dropped = sorted(k for k in assessment.answers if k not in known)
    with _tx(bind) as conn:
        changes = _changes(conn, assessment.model_version, set(assessment.answers), dropped, model)
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


# ---------------------------------------------------------------- clients and history
def list_clients(bind: Bind, search: str = "", limit: int = 25, offset: int = 0) -> ClientPage:
    """Live clients with at least one live assessment, in Greek alphabetical order, searched by
    name or city ignoring accents, case and punctuation; every word of `search` must match."""
    live = and_(assessments.c.deleted_at.is_(None), assessments.c.client_id.is_not(None))
    # Page the clients first (index on the sort key, an indexed EXISTS per client), then gather
    # the statistics of that page only: the cost does not grow with the number of assessments.
    has_live = (select(assessments.c.id).where(assessments.c.client_id == clients.c.id,
                                               assessments.c.deleted_at.is_(None)).exists())
    q = (select(clients.c.id, clients.c.name, clients.c.sector, clients.c.city)
         .where(clients.c.deleted_at.is_(None), has_live))
    # Every word typed must be in the name or the city, in any order: the name's words are stored
    # joined (its identity key), so "Καφέ Άλφα" is found word by word, not as one phrase.
    for word in _plain(search).split():
        q = q.where(clients.c.search_key.like(_like(word), escape="\\"))
    with _tx(bind) as conn:
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        rows = conn.execute(q.order_by(clients.c.name_sort_key, clients.c.name, clients.c.id)
                            .limit(limit).offset(offset)).all()
        stats: dict[str, list] = {}
        if rows:
            for r in conn.execute(
                    select(assessments.c.client_id, assessments.c.id, assessments.c.overall_score,
                           assessments.c.overall_level, assessments.c.created_at)
                    .where(live, assessments.c.client_id.in_([r.id for r in rows]))
                    .order_by(assessments.c.created_at, assessments.c.id)):
                entry = stats.setdefault(r.client_id, [0, None, None, None, None])
                entry[0] += 1
                entry[1:] = [_utc(r.created_at), r.id, r.overall_score, r.overall_level]
    out = []
    for r in rows:
        n, last_at, last_id, last_score, last_level = stats.get(r.id, [0, None, None, None, None])
        out.append(ClientRow(r.id, r.name, r.sector, r.city, n, last_at, last_id, last_score, last_level))
    return ClientPage(out, total)


def get_client(bind: Bind, client_id: str) -> ClientRow:
    with _tx(bind) as conn:
        r = conn.execute(select(clients).where(clients.c.id == client_id, clients.c.deleted_at.is_(None))).first()
    if r is None:
        raise NotFound(client_id)
    return ClientRow(r.id, r.name, r.sector, r.city, 0, None)


def client_history(bind: Bind, client_id: str) -> list[AssessmentRow]:
    """The client's live assessments, oldest first."""
    with _tx(bind) as conn:
        rows = conn.execute(select(*_ROW_COLS).where(assessments.c.client_id == client_id,
                                                     assessments.c.deleted_at.is_(None))
                            .order_by(assessments.c.created_at, assessments.c.id)).all()
    return [_row(r) for r in rows]


def list_unnamed(bind: Bind, limit: int = 20) -> list[AssessmentRow]:
    """Live assessments that have no business name yet, most recently edited first."""
    with _tx(bind) as conn:
        rows = conn.execute(select(*_ROW_COLS).where(assessments.c.client_id.is_(None),
                                                     assessments.c.deleted_at.is_(None))
                            .order_by(assessments.c.updated_at.desc()).limit(limit)).all()
    return [_row(r) for r in rows]


def list_deleted(bind: Bind, limit: int = 50) -> list[dict]:
    """The bin: deleted clients, and deleted assessments of clients that are not deleted, newest first.
    Each: {"kind": "client" | "assessment", "id", "name", "created_at", "deleted_at"}."""
    with _tx(bind) as conn:
        cl = conn.execute(select(clients.c.id, clients.c.name, clients.c.created_at, clients.c.deleted_at)
                          .where(clients.c.deleted_at.is_not(None))
                          .order_by(clients.c.deleted_at.desc()).limit(limit)).all()
        asm = conn.execute(select(assessments.c.id, assessments.c.company_name, assessments.c.created_at,
                                  assessments.c.deleted_at)
                           .select_from(assessments.outerjoin(clients, clients.c.id == assessments.c.client_id))
                           .where(assessments.c.deleted_at.is_not(None), clients.c.deleted_at.is_(None))
                           .order_by(assessments.c.deleted_at.desc()).limit(limit)).all()
    items = [{"kind": "client", "id": r.id, "name": r.name, "created_at": _utc(r.created_at),
              "deleted_at": _utc(r.deleted_at)} for r in cl]
    items += [{"kind": "assessment", "id": r.id, "name": r.company_name, "created_at": _utc(r.created_at),
               "deleted_at": _utc(r.deleted_at)} for r in asm]
    items.sort(key=lambda d: d["deleted_at"], reverse=True)
    return items[:limit]


def delete_assessment(bind: Bind, assessment_id: str) -> None:
    with _tx(bind) as conn:
        n = conn.execute(
            update(assessments)
            .where(assessments.c.id == assessment_id, assessments.c.deleted_at.is_(None))
            .values(deleted_at=_now(), rev=assessments.c.rev + 1)
        ).rowcount
    if n != 1:
        raise NotFound(assessment_id)


def restore_assessment(bind: Bind, assessment_id: str) -> None:
    with _tx(bind) as conn:
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
    stamp = _now()
    with _tx(bind) as conn:
        n = conn.execute(update(clients).where(clients.c.id == client_id, clients.c.deleted_at.is_(None))
                         .values(deleted_at=stamp)).rowcount
        if n != 1:
            raise NotFound(client_id)
        conn.execute(update(assessments).where(assessments.c.client_id == client_id, assessments.c.deleted_at.is_(None))
                     .values(deleted_at=stamp, rev=assessments.c.rev + 1))


def restore_client(bind: Bind, client_id: str) -> None:
    """Undo delete_client: the client and exactly the assessments deleted with it."""
    with _tx(bind) as conn:
        stamp = conn.execute(select(clients.c.deleted_at).where(clients.c.id == client_id)).scalar()
        if stamp is None:
            raise NotFound(client_id)
        conn.execute(update(clients).where(clients.c.id == client_id).values(deleted_at=None))
        conn.execute(update(assessments).where(assessments.c.client_id == client_id, assessments.c.deleted_at == stamp)
                     .values(deleted_at=None, rev=assessments.c.rev + 1))


def pillar_deltas(older: AssessmentRow, newer: AssessmentRow) -> dict[str, float | None]:
    """newer − older per pillar (and "overall"); None where either has no score."""
    out = {pid: (None if older.pillar_scores[pid] is None or newer.pillar_scores[pid] is None
                 else newer.pillar_scores[pid] - older.pillar_scores[pid]) for pid in PILLAR_IDS}
    out["overall"] = (None if older.overall_score is None or newer.overall_score is None
                      else newer.overall_score - older.overall_score)
    return out


# ---------------------------------------------------------------- import
def import_document(bind: Bind, raw: bytes | str | dict, model: AuditModel) -> ImportResult:
    """Validate `raw` completely, then store it. Raises AssessmentError (nothing written) when
    invalid. A document whose id is free keeps it (exact round trip); the same document stored
    already is left alone; a different assessment under that id is stored as a copy with a new id."""
    a, dropped, old_version = read_assessment(raw, model, allow_unknown_items=None)
    with _tx(bind) as conn:
        changes = (_changes(conn, str(old_version), set(a.answers) | set(dropped), dropped, model)
                   if old_version != model.version else None)
        existing = conn.execute(select(assessments.c.rev, assessments.c.deleted_at)
                                .where(assessments.c.id == a.id)).first()
        if existing is not None and existing.deleted_at is None and _fold(conn, a.id).to_dict() == a.to_dict():
            return ImportResult(a, existing.rev, dropped, changes, unchanged=True)
        copied = existing is not None
        if copied:
            a.id = uuid.uuid4().hex
        result = save_assessment(conn, a, model)
    return ImportResult(a, result.rev, dropped, changes, copied=copied)
