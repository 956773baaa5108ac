"""AppTest helpers: one app per test, driven like a user would."""
import pytest
from streamlit.testing.v1 import AppTest

from fixture_model import ROOT_DIR
from store_support import ensure_model

APP = str(ROOT_DIR / "app.py")


@pytest.fixture(autouse=True)
def app_py_runs_on_every_page(monkeypatch):
    """Every AppTest run goes through app.py, as the served app does (ui/serve.py).

    AppTest starts each run as if new, and Streamlit then takes an app beside a pages/ folder for
    a legacy multipage app: a run whose page has the file's name (clients, results, plan, measure,
    start) executed pages/<name>.py alone, without app.py: no sidebar (its language link), no
    language switch, no resume. Only the section pages, whose addresses differ from their file
    names, ran the app. st.navigation turns legacy mode off, as here, but only once app.py runs."""
    from streamlit.runtime.pages_manager import PagesManager

    init = PagesManager.__init__

    def init_without_legacy_pages(self, *args, **kwargs):
        init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init_without_legacy_pages)


@pytest.fixture
def app(tmp_path, monkeypatch):
    # Each test gets its own empty database, so that no test sees another's saved assessments.
    monkeypatch.setenv("CXAUDIT_DATABASE_URL", f"sqlite:///{tmp_path / 'test.sqlite'}")

    def make(lang: str = "el") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        if lang != "el":
            at.session_state["lang"] = lang
        at.run()
        assert not at.exception, at.exception
        return at

    return make


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
