"""Initial schema: clients, assessments, model_items.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

PILLAR_IDS = ("cx_plan", "segmentation", "emotional_connection", "training", "measurement")


def _sort_string(length: int) -> sa.String:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("name_sort_key", _sort_string(200), nullable=False),
        sa.Column("sector", sa.String(100), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("search_key", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("name_key", name="uq_clients_name_key"),
    )
    op.create_index("ix_clients_sort", "clients", ["name_sort_key", "name"])
    op.create_index("ix_clients_deleted", "clients", ["deleted_at"], sqlite_where=sa.text("deleted_at IS NOT NULL"),
                    postgresql_where=sa.text("deleted_at IS NOT NULL"))
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("client_id", sa.String(32), sa.ForeignKey("clients.id", name="fk_assessments_client"), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("model_version", sa.String(50), nullable=False),
        sa.Column("company_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("overall_score", sa.Float, nullable=True),
        sa.Column("overall_level", sa.Integer, nullable=True),
        sa.Column("completeness", sa.Float, nullable=False),
        *(sa.Column(f"score_{pid}", sa.Float, nullable=True) for pid in PILLAR_IDS),
    )
    op.create_index("ix_assessments_client_created", "assessments", ["client_id", "created_at"])
    op.create_index("ix_assessments_updated", "assessments", ["updated_at"])
    op.create_index("ix_assessments_deleted", "assessments", ["deleted_at"],
                    sqlite_where=sa.text("deleted_at IS NOT NULL"), postgresql_where=sa.text("deleted_at IS NOT NULL"))
    op.create_table(
        "model_items",
        sa.Column("model_version", sa.String(50), primary_key=True),
        sa.Column("item_ids", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("model_items")
    op.drop_index("ix_assessments_deleted", "assessments")
    op.drop_index("ix_assessments_updated", "assessments")
    op.drop_index("ix_assessments_client_created", "assessments")
    op.drop_table("assessments")
    op.drop_index("ix_clients_deleted", "clients")
    op.drop_index("ix_clients_sort", "clients")
    op.drop_table("clients")
