"""The tables. One row per client (a business) and one per assessment; an assessment's content is
its cells (assessment/cells.py: one row per answer, note, plan field, profile field), so that two
writers of different questions never touch the same row; every accepted cell write is also
appended to assessment_edits (when, which tab, later who). The assessment row keeps a revision
(+1 on every write) and denormalised columns (company name, scores) so that lists and history
never fold cells. docs/store.md has the write rule.

model_items remembers which item ids each model version had, so that an assessment reopened
under a newer model can tell the user exactly which items are new and which are gone.
"""
from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from checklists.model import PILLAR_IDS

metadata = MetaData()

# Byte-order collation for the sort keys: they are already accent-stripped and casefolded
# (i18n.sort_key), so binary order is the Greek alphabetical order on SQLite and PostgreSQL alike.
SORT_COLLATION = "C"


def _sort_string(length: int) -> String:
    # SQLite compares bytes by default; PostgreSQL needs to be told (its default is the locale's).
    return String(length).with_variant(String(length, collation=SORT_COLLATION), "postgresql")


clients = Table(
    "clients", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),            # as last typed
    Column("name_key", String(200), nullable=False),  # identity: normalised name (unique)
    Column("name_sort_key", _sort_string(200), nullable=False),     # Greek-aware order
    Column("sector", String(100), nullable=False, default=""),
    Column("city", String(100), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("name_key", name="uq_clients_name_key"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", String(64), primary_key=True),  # the document's id
    Column(
        "client_id", String(32), ForeignKey("clients.id", name="fk_assessments_client"), nullable=True
    ),  # None until named
    # +1 on every write, delete and restore; a cell written by a write carries its revision.
    Column("rev", Integer, nullable=False),
    Column("model_version", String(50), nullable=False, default=""),
    Column("company_name", String(200), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Column("overall_score", Float, nullable=True),
    Column("overall_level", Integer, nullable=True),
    Column("completeness", Float, nullable=False, default=0.0),
    *(Column(f"score_{pid}", Float, nullable=True) for pid in PILLAR_IDS),
    Index("ix_assessments_client_created", "client_id", "created_at"),
    Index("ix_assessments_updated", "updated_at"),
)

assessment_cells = Table(
    "assessment_cells", metadata,
    Column("assessment_id", String(64), ForeignKey("assessments.id", name="fk_cells_assessment"),
           primary_key=True),
    Column("path", String(200), primary_key=True),
    Column("value", Text, nullable=False),       # JSON; "null" once the leaf is gone (answer cleared)
    Column("rev", Integer, nullable=False),      # the assessment's rev of the write that set it
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(64), nullable=True),   # a user id, once there is sign-in
    Index("ix_cells_rev", "assessment_id", "rev"),
)

assessment_edits = Table(
    "assessment_edits", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("assessment_id", String(64), ForeignKey("assessments.id", name="fk_edits_assessment"),
           nullable=False),
    Column("rev", Integer, nullable=False),
    Column("path", String(200), nullable=False),
    Column("value", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by", String(64), nullable=True),
    Column("tab", String(64), nullable=True),    # the browser session that made the edit
    Index("ix_edits_assessment_rev", "assessment_id", "rev"),
)

model_items = Table(
    "model_items", metadata,
    Column("model_version", String(50), primary_key=True),
    Column("item_ids", Text, nullable=False),  # JSON list
)

# Branding (migration 0003). A report is branded by the organisation that makes it (the consultancy):
# firm name, accent colour, logo. Before sign-in there is one organisation, id "default"; sign-in
# will give each user an organisation id, and every read here already takes one.
organisations = Table(
    "organisations", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("accent", String(7), nullable=False, default=""),   # "#rrggbb"; "" = the report's own blue
    Column("logo", LargeBinary, nullable=True),                # PNG as report.load_logo made it (≤ 900 px)
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(64), nullable=True),           # a user id, once there is sign-in
)

# The business's own logo for its report's cover, per assessment. No foreign key: a logo may be
# chosen before the assessment's first write creates its row. A reassessment of the same client
# finds the client's latest logo (store/branding.py).
business_logos = Table(
    "business_logos", metadata,
    Column("assessment_id", String(64), primary_key=True),
    Column("logo", LargeBinary, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

Index("ix_clients_sort", clients.c.name_sort_key, clients.c.name)
# Partial indexes for the bin: only deleted rows, so they never mislead queries on live rows.
Index("ix_clients_deleted", clients.c.deleted_at, sqlite_where=clients.c.deleted_at.is_not(None),
      postgresql_where=clients.c.deleted_at.is_not(None))
Index("ix_assessments_deleted", assessments.c.deleted_at, sqlite_where=assessments.c.deleted_at.is_not(None),
      postgresql_where=assessments.c.deleted_at.is_not(None))
