"""Every store test runs on SQLite (a temp file per test) and, when $CXAUDIT_TEST_POSTGRES_URL is
set, on PostgreSQL too (one fresh database per test run, emptied before each test)."""
import os

import pytest
from sqlalchemy import delete

from store_support import PG_ENV, create_pg_database, drop_pg_database, ensure_model


@pytest.fixture(scope="session")
def model(tmp_path_factory):
    return ensure_model(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="session")
def pg_url():
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    url = create_pg_database(base)
    yield url
    from store import db

    db.dispose(url)
    drop_pg_database(base, url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, pg_url):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cxaudit.sqlite'}"
    if not pg_url:
        pytest.skip(f"{PG_ENV} is not set")
    from store import get_engine, model_versions
    from store.schema import assessment_cells, assessment_edits, assessments, clients, model_items

    engine = get_engine(pg_url)
    with engine.begin() as conn:
        for table in (assessment_edits, assessment_cells, assessments, clients, model_items):
            conn.execute(delete(table))
    model_versions.forget_recorded()
    return pg_url


@pytest.fixture
def engine(db_url, model):
    from store import get_engine

    return get_engine(db_url)
