"""The Excel plan tracker and its round trip: what a consultant edits comes back exactly, what
cannot be used is listed by row, nothing is applied until confirmed."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from report_fixtures import realistic_audit

from assessment import Assessment
from checklists import default_model
from i18n import t
from report import report_for
from report.tracker import PLAN_COLUMNS, apply_changes, read_tracker
from scoring import score
from scoring.plan import build_plan

COL = {k: i + 1 for i, k in enumerate(PLAN_COLUMNS)}


@pytest.fixture(scope="module")
def shipped():
    return default_model()


@pytest.fixture
def audit(shipped):
    return realistic_audit(shipped)


def plan_of(model, a):
    return build_plan(model, a, score(model, a))


def edited(data: bytes, edits: dict[tuple[int, str], object]) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    for (row, key), value in edits.items():
        ws.cell(row=row, column=COL[key], value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["el", "en"])
def test_sheets_dates_dropdown_frozen_header_filters(shipped, audit, lang):
    from scoring.plan import edit_action
    plan = plan_of(shipped, audit)
    edit_action(audit, plan.included[0].item, due=date(2027, 3, 31))
    wb = load_workbook(io.BytesIO(report_for(shipped, audit, "xlsx", lang)))
    assert wb.sheetnames == [t("tracker.sheet.plan", lang), t("tracker.sheet.answers", lang),
                             t("tracker.sheet.scores", lang)]
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert [c.value for c in ws[1]] == [t(f"tracker.col.{k}", lang) for k in PLAN_COLUMNS]
    assert ws.max_row == 1 + len(plan.actions)
    due = ws.cell(row=2, column=COL["due"])
    assert isinstance(due.value, datetime) and due.value.date() == date(2027, 3, 31)
    assert due.number_format == "DD/MM/YYYY"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and t("report.status.doing", lang) in lists[0].formula1
    assert str(lists[0].sqref) == f"I2:I{ws.max_row}"
    answers = wb.worksheets[1]
    assert answers.max_row == 1 + len(shipped.items)
    assert any(row[4] for row in answers.iter_rows(min_row=2, values_only=True))   # the notes are there
    scores = wb.worksheets[2]
    overall_row = 2 + len(shipped.pillars)  # under the header and one row per section
    assert scores.cell(row=overall_row, column=1).value == {"el": "Συνολικά", "en": "Overall"}[lang]


def test_round_trip_applies_exactly_the_edited_cells(shipped, audit):
    before = audit.model_copy(deep=True)
    plan = plan_of(shipped, audit)
    data = report_for(shipped, audit, "xlsx", "el")
    changed = edited(data, {(2, "owner"): "Μαρία", (2, "due"): "31/03/2027", (3, "status"): "Ολοκληρώθηκε",
                            (4, "due"): datetime(2027, 1, 5), (5, "status"): "In progress"})
    review = read_tracker(changed, shipped, audit, plan)
    assert review.problems == []
    items = [a.item for a in plan.actions]
    assert {(c.row, c.item, c.field, c.new) for c in review.changes} == {
        (2, items[0], "owner", "Μαρία"), (2, items[0], "due", date(2027, 3, 31)),
        (3, items[1], "status", "done"), (4, items[2], "due", date(2027, 1, 5)), (5, items[3], "status", "doing")}
    assert audit == before                     # reading applies nothing
    apply_changes(audit, review.changes)
    after = plan_of(shipped, audit)
    assert (after.action(items[0]).owner, after.action(items[0]).due) == ("Μαρία", date(2027, 3, 31))
    assert after.action(items[1]).status == "done" and after.action(items[3]).status == "doing"
    untouched = [a for a in after.actions if a.item not in items[:4]]
    assert all((a.owner, a.due, a.status) == ("", None, "todo") for a in untouched)
    # The same file again: nothing left to change.
    assert read_tracker(changed, shipped, audit, after).changes == []


def test_tampered_rows_are_listed_with_their_row_numbers(shipped, audit):
    plan = plan_of(shipped, audit)
    data = edited(report_for(shipped, audit, "xlsx", "el"),
                  {(2, "due"): "32/13/2027", (3, "status"): "ίσως", (4, "item"): "ZZZ-99", (5, "owner"): "Ο" * 201,
                   (6, "item"): plan.actions[0].item, (7, "owner"): "Νίκος"})
    review = read_tracker(data, shipped, audit, plan)
    codes = {(p.row, p.code) for p in review.problems}
    assert codes == {(2, "bad_date"), (3, "bad_status"), (4, "unknown_action"), (5, "owner_too_long"),
                     (6, "duplicate")}
    assert not review.refused
    assert [(c.row, c.field) for c in review.changes] == [(7, "owner")]   # the good row still counts
    for p in review.problems:
        for lang in ("el", "en"):
            text = p.text(lang)
            assert str(p.row) in text and not text.startswith("tracker.")


def test_a_status_typed_without_accents_or_in_capitals_is_read(shipped, audit):
    """«σε υλοποιηση» (no accent, as many type Greek) was refused as an unknown status."""
    data = edited(report_for(shipped, audit, "xlsx", "el"),
                  {(2, "status"): "σε υλοποιηση", (3, "status"): "ΟΛΟΚΛΗΡΩΘΗΚΕ", (4, "status"): " in progress "})
    review = read_tracker(data, shipped, audit, plan_of(shipped, audit))
    assert not review.problems
    assert [(c.row, c.new) for c in review.changes] == [(2, "doing"), (3, "done"), (4, "doing")]


def test_a_file_that_is_not_this_audits_tracker_is_refused(shipped, audit):
    plan = plan_of(shipped, audit)
    other = realistic_audit(shipped, seed=5)
    refused = read_tracker(report_for(shipped, other, "xlsx", "el"), shipped, audit, plan)
    assert refused.refused and refused.problems[0].code == "other_audit"
    assert read_tracker(b"not a zip", shipped, audit, plan).problems[0].code == "not_xlsx"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/huge.xml", b"0" * (60 * 1024 * 1024))
    assert read_tracker(bomb.getvalue(), shipped, audit, plan).problems[0].code == "too_big"
    wb = load_workbook(io.BytesIO(report_for(shipped, audit, "xlsx", "el")))
    wb.worksheets[0].cell(row=1, column=1, value="Κάτι άλλο")
    out = io.BytesIO()
    wb.save(out)
    assert read_tracker(out.getvalue(), shipped, audit, plan).problems[0].code == "bad_header"


def test_empty_audit_tracker_has_only_headers(shipped):
    a = Assessment()
    wb = load_workbook(io.BytesIO(report_for(shipped, a, "xlsx", "en")))
    assert wb.worksheets[0].max_row == 1


def test_libreoffice_opens_the_tracker(shipped, audit, tmp_path):
    import pypdf
    from test_report_word import soffice_pdf

    pdf = soffice_pdf(report_for(shipped, audit, "xlsx", "el"), ".xlsx", tmp_path)
    text = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert t("tracker.col.action", "el") in text and plan_of(shipped, audit).actions[0].item in text


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_hostile_text_does_not_break_the_office_files(shipped, fmt):
    """A note, owner or name pasted with control characters (XML cannot hold them) still gives a
    file; python-docx and openpyxl raised on them before."""
    from report_fixtures import HOSTILE

    from scoring.plan import edit_action

    for text in HOSTILE.values():
        a = realistic_audit(shipped)
        a.company.name = text[:200]
        a.set_note(next(iter(shipped.items)), text)
        edit_action(a, plan_of(shipped, a).actions[0].item, owner=text[:200])
        data = report_for(shipped, a, fmt, "el")
        assert data.startswith(b"PK")
    if fmt == "xlsx":
        wb = load_workbook(io.BytesIO(data))
        assert wb.worksheets[0].cell(row=2, column=COL["owner"]).value.startswith("Κοντρόλ")
