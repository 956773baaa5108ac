"""Engine from a URL, cached per URL; SQLite pragmas; migrations to head on first use.

CXAUDIT_DATABASE_URL chooses the database (any SQLAlchemy URL; PostgreSQL through
`postgresql+psycopg://…`). Without it, an SQLite file in the user's data directory, created
readable by its owner only (file 0600, folder 0700).
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


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")


def _owner_only(path: Path, mode: int) -> None:
    """Take the group's and others' rights away from `path` (an existing file of ours)."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(mode)
    except FileNotFoundError:
        pass
    except PermissionError:  # someone else's file: not ours to change; SQLite will say if it cannot open it
        pass


def private_sqlite_file(path: Path) -> None:
    """Make the database file readable by its owner only, before SQLite opens it.

    The file holds every client's audit and notes. SQLite creates its -wal and -shm files with the
    database file's permissions, so creating the file 0600 first covers them too; an existing file
    (one made by an older version, 0644) and its side files are tightened. The folder is made 0700
    when we create it, and our own default data folder is tightened as well; a folder the user chose
    (for example /srv/data) keeps its rights.
    """
    if os.name == "nt":  # NTFS rights come from the user's profile folder, already private
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        folder.chmod(PRIVATE_FOLDER)  # mkdir's mode is filtered by the umask
    elif folder == default_sqlite_path().parent:
        _owner_only(folder, PRIVATE_FOLDER)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    except FileExistsError:
        pass
    for p in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        _owner_only(p, PRIVATE_FILE)


def _create(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.database.startswith("file:"):
            private_sqlite_file(Path(u.database).expanduser())
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
