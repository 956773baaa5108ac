"""Schema migrations with Alembic, run in-process when an engine is first created.

Startup stays cheap: one SELECT of alembic_version, compared with HEAD below; Alembic itself
(and its script directory) is loaded only when the database is behind. tests/store checks that
HEAD is the head of versions/.

To add a migration: `alembic -c store/migrations/alembic.ini revision -m "…"` (or copy a file in
versions/), write upgrade()/downgrade(), then set HEAD to its revision id.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HEAD = "0004"
HERE = Path(__file__).resolve().parent


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def ensure_schema(engine: Engine) -> None:
    """Bring the database to HEAD; a no-op (one query) when it is already there."""
    with engine.connect() as conn:
        if current_revision(conn) == HEAD:
            return
    upgrade(engine)
