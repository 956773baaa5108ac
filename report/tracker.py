"""The Excel plan tracker (.xlsx, openpyxl) and its round trip.

build_tracker() writes three sheets: the plan (one row per action: in the plan first, then for
later; owner, due date as a real date shown dd/mm/yyyy, status from a drop-down; frozen header and
filters), the answers with notes, and the scores. The workbook carries the assessment id (its
`identifier` property), so a tracker is only ever read back into the audit it came from.

read_tracker() compares an edited tracker with the assessment and returns the changes (owner, due,
status) and the problems (row number, code, params), without touching the assessment;
apply_changes() applies the changes the user confirmed, through scoring.plan.edit_action.
Problem codes are rendered by the catalog keys `tracker.problem.<code>`.
"""
from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from assessment.document import Assessment
from checklists.model import AuditModel
from i18n import fold, score_value, t
from report.common import assessed_on, next_review, office_text
from scoring.maturity import Scores
from scoring.plan import STATUSES, Plan, edit_action, when_text, why_text

MAX_TRACKER_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024   # a zip bomb is refused before openpyxl reads it
MAX_ROWS = 2000
# Column keys of the plan sheet, in order; the header row shows their catalog labels.
PLAN_COLUMNS = ("item", "action", "pillar", "question", "phase", "hours", "owner", "due", "status", "kpi", "why")
WIDTHS = {"item": 10, "action": 60, "pillar": 16, "question": 50, "phase": 13, "hours": 8, "owner": 20,
          "due": 13, "status": 16, "kpi": 40, "why": 50}
EDITABLE = ("owner", "due", "status")
DATE_FORMAT = "DD/MM/YYYY"


def _label(key: str, lang: str) -> str:
    return t(f"tracker.col.{key}", lang)


def status_labels(lang: str) -> dict[str, str]:
    return {s: t(f"report.status.{s}", lang) for s in STATUSES}


def _fit_rows(ws, widths: list[float]) -> None:
    """Row heights for wrapped text: neither Excel nor LibreOffice grows a row openpyxl wrote, so
    each row gets the lines its longest cell needs (about one character per width unit)."""
    for row in ws.iter_rows(min_row=2):
        lines = 1
        for cell, width in zip(row, widths, strict=False):
            text = "" if cell.value is None else str(cell.value)
            if text:
                lines = max(lines, sum(math.ceil(max(len(part), 1) / max(width - 1, 1)) for part in text.split("\n")))
        ws.row_dimensions[row[0].row].height = 15 * min(lines, 30)


def build_tracker(model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str) -> bytes:
    from checklists.applicability import for_assessment

    model = for_assessment(model, assessment)  # questions in the business's words, as the plan's actions
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()

    def clean_row(values: list) -> list:
        return [office_text(v) if isinstance(v, str) else v for v in values]

    wb.properties.identifier = assessment.id
    wb.properties.title = office_text(
        t("tracker.title", lang, name=assessment.company.name or t("report.no_name", lang))
    )
    wb.properties.creator = "cxaudit"
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E79")
    wrap = Alignment(wrap_text=True, vertical="top")

    def header(ws, keys: tuple[str, ...], widths: dict[str, int]) -> None:
        ws.append([_label(k, lang) for k in keys])
        for col, key in enumerate(keys, start=1):
            cell = ws.cell(row=1, column=col)
            cell.font, cell.fill, cell.alignment = head_font, head_fill, Alignment(vertical="center", wrap_text=True)
            ws.column_dimensions[cell.column_letter].width = widths.get(key, 14)
        ws.freeze_panes = "A2"
        # Printed (or turned into PDF): landscape, every column on the page width.
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = "1:1"

    # ---- the plan
    ws = wb.active
    ws.title = t("tracker.sheet.plan", lang)[:31]
    header(ws, PLAN_COLUMNS, WIDTHS)
    labels = status_labels(lang)
    for act in plan.actions:
        phase = when_text(act, lang)
        ws.append(
            clean_row(
                [
                    act.item,
                    # Numbered as in the PDF, Word and on the Plan page (a later gap has no number).
                    f"{act.rank}. {act.text(lang)}" if act.rank else act.text(lang),
                    model.pillar(act.pillar).short_title(lang),
                    model.items[act.item].text(lang),
                    phase,
                    act.hours,
                    act.owner,
                    act.due,
                    labels[act.status],
                    act.kpi(lang),
                    " ".join(why_text(r, model, lang) for r in act.why),
                ]
            )
        )
    last = ws.max_row
    due_col = PLAN_COLUMNS.index("due") + 1
    status_col = ws.cell(row=1, column=PLAN_COLUMNS.index("status") + 1).column_letter
    for row in ws.iter_rows(min_row=2, max_row=last):
        for cell in row:
            cell.alignment = wrap
        row[due_col - 1].number_format = DATE_FORMAT
    _fit_rows(ws, [WIDTHS[k] for k in PLAN_COLUMNS])
    if last >= 2:
        dv = DataValidation(type="list", formula1='"' + ",".join(labels.values()) + '"', allow_blank=False,
                            showErrorMessage=True, errorTitle=t("tracker.status_error_title", lang),
                            error=t("tracker.status_error", lang, options=", ".join(labels.values())))
        dv.add(f"{status_col}2:{status_col}{last}")
        ws.add_data_validation(dv)
        dates = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                               showErrorMessage=True, error=t("tracker.date_error", lang))
        letter = ws.cell(row=1, column=due_col).column_letter
        dates.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dates)
    ws.auto_filter.ref = ws.dimensions

    # ---- answers and notes
    ws = wb.create_sheet(t("tracker.sheet.answers", lang)[:31])
    keys = ("item", "pillar", "question", "answer", "note")
    answer_widths = {"item": 10, "pillar": 16, "question": 70, "answer": 22, "note": 60}
    header(ws, keys, answer_widths)
    for p in model.pillars:
        for it in p.items:
            value = assessment.value(it.id)
            ws.append(
                clean_row(
                    [
                        it.id,
                        p.short_title(lang),
                        it.text(lang),
                        model.option(value, it.id).label(lang) if value is not None else t("report.unanswered", lang),
                        assessment.note(it.id),
                    ]
                )
            )
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    _fit_rows(ws, [answer_widths[k] for k in keys])
    ws.auto_filter.ref = ws.dimensions

    # ---- scores
    ws = wb.create_sheet(t("tracker.sheet.scores", lang)[:31])
    keys = ("pillar", "score", "level", "target", "answered")
    header(ws, keys, {"pillar": 40, "score": 10, "level": 22, "target": 22, "answered": 14})
    for p in model.pillars:
        ps, tg = scores.pillars[p.id], plan.targets[p.id]
        ws.append([p.title(lang), score_value(ps.score),
                   f"{ps.level} · {model.level(ps.level).name(lang)}" if ps.level else t("report.level_none", lang),
                   f"{tg.target} · {model.level(tg.target).name(lang)}", f"{ps.answered}/{ps.total}"])
    ws.append(
        [
            t("tracker.overall", lang),
            score_value(scores.overall_score),
            f"{scores.overall_level} · {model.level(scores.overall_level).name(lang)}"
            if scores.overall_level
            else t("report.level_none", lang),
            "",
            f"{scores.answered}/{scores.total}",
        ]
    )
    when = assessed_on(assessment)
    ws.append([])
    ws.append([t("report.signoff_date", lang), when])
    ws.append([t("report.signoff_next", lang), next_review(when)])
    for row in ws.iter_rows(min_row=ws.max_row - 1, max_row=ws.max_row, min_col=2, max_col=2):
        row[0].number_format = DATE_FORMAT
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- the round trip
@dataclass(frozen=True)
class Change:
    row: int
    item: str
    field: str          # owner, due, status
    old: object
    new: object


@dataclass(frozen=True)
class Problem:
    row: int | None     # the sheet row (1 = header); None for the file as a whole
    code: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        return t(f"tracker.problem.{self.code}", lang, row=self.row, **dict(self.params))


@dataclass
class TrackerReview:
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """The file as a whole cannot be used (not a tracker, another audit, too big)."""
        return any(p.row is None for p in self.problems)


def _file_problem(code: str, **params) -> TrackerReview:
    return TrackerReview(problems=[Problem(None, code, tuple(params.items()))])


def _parse_date(value) -> tuple[date | None, bool]:
    """(date, ok): a real Excel date, or text dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, datetime):
        return value.date(), True
    if isinstance(value, date):
        return value, True
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(text, fmt).date(), True
            except ValueError:
                continue
    return None, False


def read_tracker(data: bytes, model: AuditModel, assessment: Assessment, plan: Plan) -> TrackerReview:
    """What an edited tracker would change (owner, due, status), and every row it cannot use.
    Reads only; nothing is applied."""
    if len(data) > MAX_TRACKER_BYTES:
        return _file_problem("too_big", mb=MAX_TRACKER_BYTES // 1048576)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED_BYTES:
                return _file_problem("too_big", mb=MAX_TRACKER_BYTES // 1048576)
    except (zipfile.BadZipFile, ValueError, OSError):
        return _file_problem("not_xlsx")
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged workbook: openpyxl raises many kinds
        return _file_problem("not_xlsx")
    try:
        if (wb.properties.identifier or "") != assessment.id:
            return _file_problem("other_audit")
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        head = next(rows, None)
        known = {lang: [_label(k, lang) for k in PLAN_COLUMNS] for lang in ("el", "en")}
        lang = next(
            (
                lg
                for lg, labels in known.items()
                if head and [str(h or "").strip() for h in head[: len(PLAN_COLUMNS)]] == labels
            ),
            None,
        )
        if lang is None:
            return _file_problem("bad_header")
        col = {k: i for i, k in enumerate(PLAN_COLUMNS)}
        by_status = {}
        for lg in ("el", "en"):
            for code, label in status_labels(lg).items():
                by_status[fold(label)] = code  # «σε υλοποιηση», «ΣΕ ΥΛΟΠΟΙΗΣΗ»: as people type it
                by_status[code] = code
        actions = {a.item: a for a in plan.actions}
        review = TrackerReview()
        seen: set[str] = set()
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                review.problems.append(Problem(number, "too_many_rows", (("max", MAX_ROWS),)))
                break
            row = tuple(row) + (None,) * (len(PLAN_COLUMNS) - len(row))
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            item = str(row[col["item"]] or "").strip()
            act = actions.get(item)
            if act is None:
                review.problems.append(Problem(number, "unknown_action", (("item", item[:20] or "–"),)))
                continue
            if item in seen:
                review.problems.append(Problem(number, "duplicate", (("item", item),)))
                continue
            seen.add(item)
            owner = row[col["owner"]]
            owner = "" if owner is None else str(owner).strip()
            if len(owner) > 200:
                review.problems.append(Problem(number, "owner_too_long", (("item", item), ("max", 200))))
            elif owner != act.owner:
                review.changes.append(Change(number, item, "owner", act.owner, owner))
            due, ok = _parse_date(row[col["due"]])
            if not ok:
                review.problems.append(
                    Problem(number, "bad_date", (("item", item), ("value", str(row[col["due"]])[:30])))
                )
            elif due != act.due:
                review.changes.append(Change(number, item, "due", act.due, due))
            raw = row[col["status"]]
            status = by_status.get(fold(raw))
            if status is None:
                review.problems.append(Problem(number, "bad_status", (("item", item), ("value", str(raw or "")[:30]))))
            elif status != act.status:
                review.changes.append(Change(number, item, "status", act.status, status))
        return review
    finally:
        wb.close()


def apply_changes(assessment: Assessment, changes: list[Change]) -> None:
    """Apply confirmed changes (validated again by edit_action)."""
    for ch in changes:
        edit_action(assessment, ch.item, **{ch.field: ch.new})
