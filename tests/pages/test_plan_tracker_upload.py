"""An edited Excel tracker uploaded on the Plan page (AppTest): the changes are shown in a table,
rows it cannot use are listed by row number, nothing is applied (or stored) until the user
confirms; then exactly the edited cells change. Bad and tampered files are refused in the user's
language, with the store unchanged."""
from __future__ import annotations

import io
import random
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from ui.text import md_escape

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def plan_page(tmp_path, monkeypatch):
    from checklists import default_model

    url = f"sqlite:///{tmp_path / 'tracker.sqlite'}"
    monkeypatch.setenv("CXAUDIT_DATABASE_URL", url)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/plan.py")
    a = app.session_state["assessment"]
    a.company.size = "small"
    rng = random.Random(3)
    for iid in default_model().items:
        a.set_value(iid, rng.choice([0, 1, 2, 3, 4, "na", "unknown"]))
    app.run()
    assert not app.exception
    yield app, url
    from store import db

    db.dispose(url)


def _tracker(app, lang="el") -> bytes:
    from checklists import default_model
    from report import report_for

    return report_for(default_model(), app.session_state["assessment"], "xlsx", lang)


def _edit(data: bytes, edits) -> bytes:
    """Edit the plan sheet as a person would: edits = [(row, column header index, value)]."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    for row, col, value in edits:
        ws.cell(row=row, column=col, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _col(name: str) -> int:
    from report.tracker import PLAN_COLUMNS

    return PLAN_COLUMNS.index(name) + 1


def _row_item(data: bytes, row: int) -> str:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data)).worksheets[0].cell(row=row, column=1).value


def _stored_actions(url, a_id):
    import store

    try:
        a, _ = store.load_assessment(store.get_engine(url), a_id)
    except store.NotFound:
        return {}
    return {i: (e.owner, e.due, e.status) for i, e in a.plan.actions.items()}


def _upload(app, data: bytes, name="tracker.xlsx"):
    [uploader] = [u for u in app.get("file_uploader") if u.proto.id and "plan_tracker_" in (u.key or "")]
    return uploader.set_value((name, data, XLSX)).run()


@pytest.mark.parametrize("lang", ["el", "en"])
def test_changes_shown_then_applied_only_when_confirmed(plan_page, lang):
    app, url = plan_page
    app.session_state["lang"] = lang
    app.run()
    a_id = app.session_state["assessment"].id
    original = _tracker(app, lang)
    done = t("report.status.done", lang)
    edited = _edit(original, [
        (2, _col("owner"), "Μαρία"),
        (3, _col("due"), datetime(2027, 3, 31)),
        (4, _col("status"), done),
        (5, _col("due"), "31/02/2027"),        # no such day
        (6, _col("status"), "maybe"),           # no such status
        (7, _col("item"), "NOPE-99"),           # no such action
    ])
    before = _stored_actions(url, a_id)
    _upload(app, edited)
    assert not app.exception, [e.value for e in app.exception]
    # the table of changes
    [table] = app.dataframe
    rows = table.value
    assert list(rows[t("tracker.review.row", lang)]) == [2, 3, 4]
    changes = list(rows[t("tracker.review.change", lang)])
    assert [c.split(" → ")[1] for c in changes] == ["Μαρία", "31/03/2027", done]
    # rows it cannot use, each with its row number
    [warning] = app.warning
    for row in (5, 6, 7):
        assert (f"Γραμμή {row}" if lang == "el" else f"Row {row}") in warning.value
    # nothing applied yet, in the session or the store
    assert _stored_actions(url, a_id) == before
    assert _row_item(original, 2) not in app.session_state["assessment"].plan.actions or \
        app.session_state["assessment"].plan.actions[_row_item(original, 2)].owner != "Μαρία"
    app.button(key="plan_tracker_apply").click().run()
    assert not app.exception
    stored = _stored_actions(url, a_id)
    assert stored[_row_item(original, 2)][0] == "Μαρία"
    assert stored[_row_item(original, 3)][1] == date(2027, 3, 31)
    assert stored[_row_item(original, 4)][2] == "done"
    # only those three cells changed
    assert {i: v for i, v in stored.items() if i not in {_row_item(original, r) for r in (2, 3, 4)}} == before
    assert any(t("tracker.review.applied", lang, count=3) == s.value for s in app.success)
    # the cards show it, and the uploader is empty again
    assert app.text_input(key=f"plan_owner_{_row_item(original, 2)}").value == "Μαρία"
    assert not app.dataframe


def test_cancel_applies_nothing(plan_page):
    app, url = plan_page
    a_id = app.session_state["assessment"].id
    _upload(app, _edit(_tracker(app), [(2, _col("owner"), "Κώστας")]))
    before = _stored_actions(url, a_id)
    app.button(key="plan_tracker_cancel").click().run()
    assert not app.exception
    assert _stored_actions(url, a_id) == before
    assert not app.dataframe


@pytest.mark.parametrize("lang", ["el", "en"])
def test_bad_and_tampered_files_are_refused_in_the_users_language(plan_page, lang):
    from openpyxl import load_workbook

    app, url = plan_page
    app.session_state["lang"] = lang
    app.run()
    a_id = app.session_state["assessment"].id
    good = _tracker(app, lang)
    wb = load_workbook(io.BytesIO(good))
    wb.properties.identifier = "another-audit"
    other = io.BytesIO()
    wb.save(other)
    renamed = _edit(good, [(1, _col("owner"), "Person")])
    cases = {
        "not_xlsx": b"PK\x03\x04 this is not a workbook",
        "other_audit": other.getvalue(),
        "bad_header": renamed,
    }
    before = _stored_actions(url, a_id)
    for code, data in cases.items():
        _upload(app, data, f"{code}.xlsx")
        assert not app.exception, (code, [e.value for e in app.exception])
        errors = [e.value for e in app.error]
        assert errors == [md_escape(t(f"tracker.problem.{code}", lang))], (code, errors)
        assert not app.dataframe
        assert _stored_actions(url, a_id) == before
