"""Shared by the store, page and browser tests: a usable audit model, database URLs and an emptied
database for migration tests."""
from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

PG_ENV = "CXAUDIT_TEST_POSTGRES_URL"


def ensure_model(tmp_dir: Path):
    """The configured model (shipped content or $CXAUDIT_CONTENT_DIR); when there is none yet,
    the small fixture model, exported through $CXAUDIT_CONTENT_DIR for child processes too."""
    from checklists import ContentError, default_model

    try:
        return default_model()
    except ContentError:
        from fixture_model import write_model

        os.environ["CXAUDIT_CONTENT_DIR"] = str(write_model(tmp_dir / "content"))
        default_model.cache_clear()
        return default_model()


def create_pg_database(base_url: str) -> str:
    """A fresh, empty database on the server of `base_url`; returns its URL."""
    name = f"cxaudit_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(base_url: str, url: str) -> None:
    name = make_url(url).database
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@contextlib.contextmanager
def empty_database(url: str, revision: str | None = None):
    """An engine on the database at `url` with no tables in it (the shared PostgreSQL test
    database is taken down to base first), migrated up to `revision` if given; disposed after."""
    from store import migrations

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            existing = set(inspect(conn).get_table_names())
        if existing:
            migrations.downgrade(engine, "base")
        if revision:
            migrations.upgrade(engine, revision)
        yield engine
    finally:
        engine.dispose()
