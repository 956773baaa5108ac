"""Migrations: from an empty database to head, back down and up again, and the schema they build
is the one store/schema.py describes. Startup does no Alembic work when the schema is current."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from store import db, migrations
from store.schema import metadata


def test_head_constant_is_the_script_head():
    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert script.get_current_head() == migrations.HEAD


def test_from_empty_to_head_and_back(db_url):
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            existing = set(inspect(conn).get_table_names())
        if existing:  # the shared PostgreSQL test database: start again from nothing
            migrations.downgrade(engine, "base")
        with engine.connect() as conn:
            assert migrations.current_revision(conn) is None
        migrations.upgrade(engine)
        with engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.HEAD
            assert {"clients", "assessments", "model_items"} <= set(inspect(conn).get_table_names())
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
            assert diff == [], diff
        migrations.downgrade(engine, "base")
        with engine.connect() as conn:
            assert not {"clients", "assessments"} & set(inspect(conn).get_table_names())
        migrations.ensure_schema(engine)
        with engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.HEAD
    finally:
        engine.dispose()


def test_up_to_date_schema_skips_alembic(db_url, monkeypatch):
    engine = create_engine(db_url)
    try:
        migrations.ensure_schema(engine)
        monkeypatch.setattr(migrations, "upgrade", lambda *a, **k: pytest.fail("upgrade ran on a current schema"))
        migrations.ensure_schema(engine)
    finally:
        engine.dispose()


def test_default_url_is_sqlite_in_the_user_data_dir(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv(db.ENV_URL, raising=False)
    assert db.database_url() == f"sqlite:///{db.default_sqlite_path()}"
    assert db.default_sqlite_path().parent == __import__("pathlib").Path(platformdirs.user_data_dir("cxaudit", appauthor=False))
    monkeypatch.setenv(db.ENV_URL, f"sqlite:///{tmp_path / 'x.sqlite'}")
    assert db.database_url().endswith("x.sqlite")


def test_sqlite_engine_is_cached_wal_and_creates_its_folder(tmp_path):
    url = f"sqlite:///{tmp_path / 'new' / 'folder' / 'cx.sqlite'}"
    engine = db.get_engine(url)
    assert db.get_engine(url) is engine
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    db.dispose(url)
