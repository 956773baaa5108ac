"""Engine from a URL, cached per URL; SQLite pragmas; migrations to head on first use.

CXAUDIT_DATABASE_URL chooses the database (any SQLAlchemy URL; PostgreSQL through
`postgresql+psycopg://…`). Without it, an SQLite file in the user's data directory.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

ENV_URL = "CXAUDIT_DATABASE_URL"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir("cxaudit", appauthor=False)) / "cxaudit.sqlite"


def database_url() -> str:
    """The configured URL: $CXAUDIT_DATABASE_URL, or the SQLite file in the user's data directory."""
    url = os.environ.get(ENV_URL, "").strip()
    return url or f"sqlite:///{default_sqlite_path()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")     # readers never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")   # durable across a crashed process; fast commits
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")    # two app processes on one file wait, not fail
    cur.close()


def _create(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    from store.migrations import ensure_schema

    ensure_schema(engine)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url` (default: database_url()), created and migrated once per process."""
    url = url or database_url()
    engine = _engines.get(url)
    if engine is None:
        with _lock:
            engine = _engines.get(url)
            if engine is None:
                engine = _engines[url] = _create(url)
    return engine


def dispose(url: str | None = None) -> None:
    """Forget cached engines (tests; a process that changes its URL)."""
    with _lock:
        for key in [url] if url else list(_engines):
            engine = _engines.pop(key, None)
            if engine is not None:
                engine.dispose()
