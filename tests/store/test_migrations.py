"""Migrations: from an empty database to head, back down and up again, and the schema they build
is the one store/schema.py describes. Startup does no Alembic work when the schema is current."""
from __future__ import annotations

from datetime import UTC

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from store import db, migrations
from store.schema import metadata
from store_support import empty_database


def test_head_constant_is_the_script_head():
    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert script.get_current_head() == migrations.HEAD


def test_from_empty_to_head_and_back(db_url):
    with empty_database(db_url) as engine:
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
    assert db.default_sqlite_path().parent == __import__("pathlib").Path(
        platformdirs.user_data_dir("cxaudit", appauthor=False)
    )
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


# ---------------------------------------------------------------- 0001 -> 0002: documents become cells
def _documents(model) -> list[dict]:
    """Documents as 0001 stored them, of every shape: full, empty, a note without an answer,
    markup and emoji, plan edits, survey results, targets in no particular order."""
    from test_repository import full

    from assessment import new_assessment

    docs = [full(model, seed=n).to_dict() for n in range(3)]
    empty = new_assessment(model)
    docs.append(empty.to_dict())
    odd = full(model, "Ταβέρνα «Ο Μήτσος» & Υιοί 🍷 <b>*x*</b>", seed=5)
    first = next(iter(model.items))
    odd.set_value(first, None)
    odd.set_note(first, "μόνο σημείωση, χωρίς απάντηση $$x$$")
    odd.plan.targets = {p.id: 5 - n % 3 for n, p in enumerate(reversed(model.pillars))}
    docs.append(odd.to_dict())
    return docs


def test_0001_documents_become_cells_without_loss_and_back(db_url, model):
    import json
    from datetime import datetime

    import sqlalchemy as sa

    import store
    from assessment import Assessment

    with empty_database(db_url, "0001") as engine:
        docs = _documents(model)
        old = sa.table("assessments", *(sa.column(c) for c in (
            "id", "client_id", "version", "document", "model_version", "company_name", "created_at", "updated_at",
            "deleted_at", "overall_score", "overall_level", "completeness")))
        now = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
        with engine.begin() as conn:
            for n, doc in enumerate(docs):
                conn.execute(old.insert().values(
                    id=doc["id"], client_id=None, version=n + 3, model_version=doc["model_version"],
                    document=json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
                    company_name=doc["company"]["name"], created_at=now, updated_at=now,
                    deleted_at=now if n == 1 else None, overall_score=50.0 + n, overall_level=3, completeness=0.5))
        migrations.upgrade(engine)
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        for n, doc in enumerate(docs):
            a, rev = store.load_assessment(engine, doc["id"], include_deleted=True)
            assert rev == n + 3
            assert a.to_dict() == Assessment.model_validate(doc).to_dict()
            assert store.load_cells(engine, doc["id"], include_deleted=True).rev == n + 3
        assert store.stored_rev(engine, docs[1]["id"]) == (4, True)     # the bin stays the bin
        log = store.edits(engine, docs[0]["id"])
        assert log and {e["tab"] for e in log} == {"migration-0002"} and {e["rev"] for e in log} == {3}
        with engine.connect() as conn:   # denormalised columns are kept as they were
            assert [r.overall_score for r in conn.execute(sa.text("SELECT overall_score FROM assessments ORDER BY "
                                                                  "overall_score"))] == [50.0 + n for n in range(5)]
        migrations.downgrade(engine, "0001")
        with engine.connect() as conn:
            back = {r.id: (json.loads(r.document), r.version)
                    for r in conn.execute(sa.text("SELECT id, document, version FROM assessments"))}
        for n, doc in enumerate(docs):
            assert Assessment.model_validate(back[doc["id"]][0]).to_dict() == Assessment.model_validate(doc).to_dict()
            assert back[doc["id"]][1] == n + 3
        migrations.upgrade(engine)


# ---------------------------------------------------------------- 0003 -> 0004: clients.search_key goes
def test_0004_drops_search_key_and_keeps_every_client_and_link(db_url, model):
    """The column goes with the clients table's rows, and the assessments' links to them, intact:
    SQLite drops a column by copying the table, with foreign keys on as the app runs."""
    from test_repository import full

    import store

    with empty_database(db_url):
        pass
    engine = store.get_engine(db_url)
    try:
        migrations.ensure_schema(engine)
        for n, name in enumerate(("Καφέ Ήλιος", "Φούρνος «Ζωή» 🍞")):
            store.save_assessment(engine, full(model, name, seed=n))
        before = [(c.name, c.city, c.assessments, c.last_assessment_id) for c in store.list_clients(engine).rows]
        migrations.downgrade(engine, "0003")
        with engine.connect() as conn:
            assert "search_key" in {c["name"] for c in inspect(conn).get_columns("clients")}
        migrations.ensure_schema(engine)
        with engine.connect() as conn:
            assert "search_key" not in {c["name"] for c in inspect(conn).get_columns("clients")}
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        after = [(c.name, c.city, c.assessments, c.last_assessment_id) for c in store.list_clients(engine).rows]
        assert after == before
        assert [c.name for c in store.list_clients(engine, search="ilios").rows] == ["Καφέ Ήλιος"]
    finally:
        db.dispose(db_url)
