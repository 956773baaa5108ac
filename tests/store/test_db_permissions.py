"""The SQLite file holds every client's audit: it and its folder are readable by their owner only."""
from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import text

from store import db

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """The usual umask (022) would make new files 0644: exactly what must not happen."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_database_file_folder_and_wal_are_owner_only(tmp_path, open_umask):
    folder = tmp_path / "data" / "cxaudit"
    path = folder / "cxaudit.sqlite"
    url = f"sqlite:///{path}"
    try:
        engine = db.get_engine(url)
        with engine.begin() as conn:  # a write, so that SQLite has its -wal and -shm files open
            conn.execute(text("CREATE TABLE IF NOT EXISTS perm_probe (x INTEGER)"))
            conn.execute(text("INSERT INTO perm_probe VALUES (1)"))
        with engine.connect() as conn:
            conn.execute(text("SELECT * FROM perm_probe")).all()
            wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
            assert wal.exists() and shm.exists()
            assert mode(path) == 0o600
            assert mode(wal) == 0o600 and mode(shm) == 0o600
            assert mode(folder) == 0o700
    finally:
        db.dispose(url)


def test_an_older_world_readable_file_is_tightened(tmp_path, open_umask):
    path = tmp_path / "old.sqlite"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    url = f"sqlite:///{path}"
    try:
        db.get_engine(url)
        assert mode(path) == 0o600
    finally:
        db.dispose(url)


def test_the_default_data_folder_is_private(tmp_path, monkeypatch, open_umask):
    monkeypatch.setattr(db, "default_sqlite_path", lambda: tmp_path / "share" / "cxaudit" / "cxaudit.sqlite")
    folder = tmp_path / "share" / "cxaudit"
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)  # as an older version left it
    db.private_sqlite_file(db.default_sqlite_path())
    assert mode(folder) == 0o700 and mode(folder / "cxaudit.sqlite") == 0o600


def test_a_folder_the_user_chose_keeps_its_rights(tmp_path, open_umask):
    os.chmod(tmp_path, 0o755)
    db.private_sqlite_file(tmp_path / "mine.sqlite")
    assert mode(tmp_path) == 0o755 and mode(tmp_path / "mine.sqlite") == 0o600
