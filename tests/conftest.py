import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# Tests never touch the user's real data folder (~/.local/share/cxaudit): a test that opens the
# default database gets a throwaway one. platformdirs reads XDG_DATA_HOME on Linux (CI); tests that
# need a database of their own still set CXAUDIT_DATABASE_URL.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cxaudit-tests-")
TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: browser journeys in Chromium (slow)")


@pytest.fixture(scope="session")
def shipped_model():
    from checklists import default_model
    return default_model()


@pytest.fixture(scope="session", autouse=True)
def _private_default_database(tmp_path_factory):
    """Tests that do not choose a database (AppTest of a page) get a file of this run, never the
    user's own database in ~/.local/share/cxaudit (which a test run would otherwise migrate)."""
    import os

    if os.environ.get("CXAUDIT_DATABASE_URL"):
        yield
        return
    os.environ["CXAUDIT_DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('db') / 'default.sqlite'}"
    yield
    os.environ.pop("CXAUDIT_DATABASE_URL", None)
