import pytest

from store_support import ensure_model


@pytest.fixture(scope="session")
def model(tmp_path_factory):
    return ensure_model(tmp_path_factory.mktemp("model"))


@pytest.fixture
def db_url(tmp_path, monkeypatch, model):
    """Each page test gets its own SQLite file through CXAUDIT_DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'pages.sqlite'}"
    monkeypatch.setenv("CXAUDIT_DATABASE_URL", url)
    yield url
    from store import db

    db.dispose(url)
