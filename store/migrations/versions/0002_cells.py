"""Item-level storage: each assessment's document becomes its cells (assessment_cells), every
write is logged (assessment_edits), and the assessment row's `version` becomes `rev`.

Every stored document is converted with assessment.cells.flatten_document, each cell carrying the
row's version as its revision, and logged once as the migration's edit; the `document` column is
dropped (the document is the fold of the cells). Downgrade folds the cells back into documents.

Order matters on SQLite: batch mode recreates the assessments table, and dropping a table that
other rows reference fails with foreign keys on (and cannot be switched off inside the migration's
transaction). So the documents wait in a scratch table while `assessments` is rebuilt, and only
then do the tables that reference it appear (downgrade: they go first).

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-01
"""
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from assessment.cells import dumps, flatten_document, fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCRATCH = "_documents_0002"
BATCH = 500


def _cells_tables() -> None:
    op.create_table(
        "assessment_cells",
        sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", name="fk_cells_assessment"),
                  primary_key=True),
        sa.Column("path", sa.String(200), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=True),
    )
    op.create_index("ix_cells_rev", "assessment_cells", ["assessment_id", "rev"])
    op.create_table(
        "assessment_edits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", name="fk_edits_assessment"),
                  nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(64), nullable=True),
        sa.Column("tab", sa.String(64), nullable=True),
    )
    op.create_index("ix_edits_assessment_rev", "assessment_edits", ["assessment_id", "rev"])


def _utc(dt):
    if dt is None:
        return datetime.now(UTC)
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def upgrade() -> None:
    bind = op.get_bind()
    op.execute(f"CREATE TABLE {SCRATCH} AS SELECT id, version, document, updated_at FROM assessments")
    op.add_column("assessments", sa.Column("rev", sa.Integer, nullable=True))
    op.execute("UPDATE assessments SET rev = version")
    with op.batch_alter_table("assessments") as batch:
        batch.alter_column("rev", existing_type=sa.Integer, nullable=False)
        batch.drop_column("version")
        batch.drop_column("document")
    _cells_tables()

    scratch = sa.table(SCRATCH, sa.column("id", sa.String), sa.column("version", sa.Integer),
                       sa.column("document", sa.Text), sa.column("updated_at", sa.DateTime(timezone=True)))
    cells = sa.table("assessment_cells", *(sa.column(c) for c in ("assessment_id", "path", "value", "rev",
                                                                  "updated_at", "updated_by")))
    edits = sa.table("assessment_edits", *(sa.column(c) for c in ("assessment_id", "rev", "path", "value", "at",
                                                                  "by", "tab")))
    last = ""
    while True:
        rows = bind.execute(sa.select(scratch).where(scratch.c.id > last).order_by(scratch.c.id).limit(BATCH)).all()
        if not rows:
            break
        cell_rows, edit_rows = [], []
        for r in rows:
            at = _utc(r.updated_at)
            for path, value in flatten_document(json.loads(r.document)).items():
                text = dumps(value)
                cell_rows.append({"assessment_id": r.id, "path": path, "value": text, "rev": r.version,
                                  "updated_at": at, "updated_by": None})
                edit_rows.append({"assessment_id": r.id, "rev": r.version, "path": path, "value": text, "at": at,
                                  "by": None, "tab": "migration-0002"})
        if cell_rows:
            bind.execute(cells.insert(), cell_rows)
            bind.execute(edits.insert(), edit_rows)
        last = rows[-1].id
    op.drop_table(SCRATCH)


def downgrade() -> None:
    bind = op.get_bind()
    op.create_table(SCRATCH, sa.Column("id", sa.String(64), primary_key=True), sa.Column("document", sa.Text))
    scratch = sa.table(SCRATCH, sa.column("id", sa.String), sa.column("document", sa.Text))
    cells = sa.table("assessment_cells", sa.column("assessment_id", sa.String), sa.column("path", sa.String),
                     sa.column("value", sa.Text))
    ids = [r.id for r in bind.execute(sa.text("SELECT id FROM assessments ORDER BY id"))]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found: dict[str, dict] = {i: {} for i in chunk}
        for r in bind.execute(sa.select(cells).where(cells.c.assessment_id.in_(chunk))):
            found[r.assessment_id][r.path] = json.loads(r.value)
        bind.execute(scratch.insert(), [
            {"id": i, "document": json.dumps(fold(c, i), ensure_ascii=False, separators=(",", ":"))}
            for i, c in found.items()])
    op.drop_index("ix_edits_assessment_rev", "assessment_edits")
    op.drop_table("assessment_edits")
    op.drop_index("ix_cells_rev", "assessment_cells")
    op.drop_table("assessment_cells")
    op.add_column("assessments", sa.Column("version", sa.Integer, nullable=True))
    op.add_column("assessments", sa.Column("document", sa.Text, nullable=True))
    op.execute("UPDATE assessments SET version = rev, document = "
               f"(SELECT document FROM {SCRATCH} WHERE {SCRATCH}.id = assessments.id)")
    with op.batch_alter_table("assessments") as batch:
        batch.alter_column("version", existing_type=sa.Integer, nullable=False)
        batch.alter_column("document", existing_type=sa.Text, nullable=False)
        batch.drop_column("rev")
    op.drop_table(SCRATCH)
