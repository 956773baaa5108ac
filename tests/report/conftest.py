import pytest
from report_fixtures import greek_pillars

from checklists import load_model
from fixture_model import write_model


@pytest.fixture(scope="session")
def model(tmp_path_factory):
    """Realistic Greek content: long titles and items, key questions, varied actions."""
    return load_model(write_model(tmp_path_factory.mktemp("greek_content"), greek_pillars()))
