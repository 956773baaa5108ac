"""XLSX workbooks (Google Forms, Microsoft Forms, Excel): the first or a named sheet, Excel
row numbers kept for the report of rejected rows."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

import pandas as pd

from .errors import SurveyInputError
from .rows import LineMap
from .table import ImportedTable, dedupe


def read_xlsx(data: bytes, name: str | None, sheet: str | int | None) -> ImportedTable:
    import openpyxl  # local: only needed for workbooks
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise SurveyInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise SurveyInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
    try:
        names = wb.sheetnames
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
            idx = int(sheet)
            if not 0 <= idx < len(names):
                raise SurveyInputError("no_sheet", sheet=sheet, sheets=", ".join(names))
            ws = wb.worksheets[idx]
        elif sheet in names:
            ws = wb[sheet]
        else:
            raise SurveyInputError("no_sheet", sheet=sheet, sheets=", ".join(names))
        header: list[Any] | None = None
        rows: list[tuple] = []
        row_numbers: list[int] = []
        try:
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()  # don't trust a wrong <dimension> tag
            for excel_row, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                    continue
                if header is None:
                    header = list(values)
                    continue
                rows.append(values)
                row_numbers.append(excel_row)
        except SurveyInputError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise SurveyInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
        sheet_title = ws.title
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001
            pass
    if header is None:
        raise SurveyInputError("empty")
    width = max([len(header)] + [len(r) for r in rows])
    # trim trailing columns that are empty everywhere
    while width > 0 and (width > len(header) or header[width - 1] is None) and all(
            len(r) < width or r[width - 1] is None for r in rows):
        width -= 1
    if width == 0:
        raise SurveyInputError("empty")
    cols = dedupe([("" if h is None else str(h).strip()) for h in
                    (list(header) + [None] * width)[:width]])
    padded = [tuple(r[:width]) + (None,) * (width - len(r)) for r in rows]
    raw = pd.DataFrame(padded, columns=cols, dtype=object) if padded else \
        pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    df = pd.DataFrame({c: _infer(raw[c]) for c in cols})
    return ImportedTable(df=df, kind="xlsx", encoding=None, separator=None,
                         lines=LineMap.from_array(row_numbers), sheet=sheet_title, name=name)


def _infer(col: pd.Series) -> pd.Series:
    vals = col.dropna()
    if len(vals) and all(isinstance(v, (datetime, date)) for v in vals):
        return pd.to_datetime(col, errors="coerce")
    if len(vals) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return pd.to_numeric(col, errors="coerce")
    return col
