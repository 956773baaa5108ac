"""clients.search_key goes: the Clients search compares names and cities in Python (Greek typed in
Latin letters has no SQL form on either backend), so the column was written on every save and
never read.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not batch mode: batch copies the table, and with
    # foreign keys on (as the app runs) dropping the old clients table fails on the assessments
    # that point at it.
    op.drop_column("clients", "search_key")


def downgrade() -> None:
    # 0003's code writes the column on every save and never reads it, so empty is enough.
    op.add_column("clients", sa.Column("search_key", sa.String(320), nullable=False, server_default=""))
