"""What the store hands back: its errors, and the rows, pages and results its functions return.
No Streamlit."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from assessment import cells
from assessment.document import Assessment
from checklists.model import PILLAR_IDS
from store.common import utc
from store.schema import assessments


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


def assessment_row(r) -> AssessmentRow:
    return AssessmentRow(
        id=r.id, client_id=r.client_id, rev=r.rev, company_name=r.company_name,
        model_version=r.model_version, created_at=utc(r.created_at), updated_at=utc(r.updated_at),
        overall_score=r.overall_score, overall_level=r.overall_level, completeness=r.completeness,
        pillar_scores={pid: getattr(r, f"score_{pid}") for pid in PILLAR_IDS}, deleted_at=utc(r.deleted_at),
    )


ROW_COLUMNS = list(assessments.c)
