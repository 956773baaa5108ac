"""The Plan page under AppTest: both languages, empty and full assessments, target and edits."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def at(tmp_path_factory):
    # Its own database: never the user's real one (another checkout may have migrated it further).
    mp = pytest.MonkeyPatch()
    mp.setenv("CXAUDIT_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('plan_page') / 'plan.sqlite'}")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/plan.py")
    app.run()
    yield app
    mp.undo()


def _fill(at, seed=1):
    from checklists import default_model

    a = at.session_state["assessment"]
    rng = random.Random(seed)
    for iid in default_model().items:
        a.set_value(iid, rng.choice([0, 1, 2, 3, 4, "na", "unknown"]))


@pytest.mark.parametrize("lang", ["el", "en"])
def test_empty_assessment(at, lang):
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    from i18n import t

    assert at.title[0].value == t("plan.title", lang)
    assert at.info[0].value == t("plan.empty", lang)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_full_assessment(at, lang):
    from i18n import t

    _fill(at)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert [m.label for m in at.metric][0] == t("plan.m_actions", lang)
    downloads = at.get("download_button")
    assert {d.proto.label for d in downloads} == {t(f"plan.download_{k}", lang) for k in ("el", "en", "docx", "xlsx")}
    assert len(at.selectbox) == 5


def test_target_change_goes_to_the_assessment(at):
    _fill(at)
    at.run()
    at.selectbox(key="plan_target_cx_plan").set_value(5).run()
    assert not at.exception
    assert at.session_state["assessment"].plan.targets["cx_plan"] == 5


@pytest.mark.parametrize("lang", ["el", "en"])
def test_action_table_fits_and_empty_dates_look_empty(at, lang):
    import json

    from i18n import t

    _fill(at)
    at.session_state["lang"] = lang
    at.run()
    editor = at.get("data_editor")[0].proto
    assert editor.HasField("placeholder") and editor.placeholder == ""   # not Streamlit's grey "None"
    columns = json.loads(editor.columns)
    shown = list(editor.column_order)
    assert "item" not in shown
    # every shown column has a fixed width and together they fit the ~940 px main area at 1400 px
    assert sum(columns[c]["width"] for c in shown) <= 940
    assert columns["include"]["label"] == t("plan.col.include", lang)
    assert columns["due"]["label"] == t("report.col.due", lang)
    assert editor.row_height > 64   # over 4rem the grid wraps the action text
