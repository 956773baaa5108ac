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

