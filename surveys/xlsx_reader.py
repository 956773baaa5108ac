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
from .source import XLSX_MAX_CELLS, XLSX_MAX_ROWS, XLSX_MAX_UNPACKED
from .table import ImportedTable, dedupe


def check_unpacked_size(data: bytes, limit: int = XLSX_MAX_UNPACKED) -> int:
    """The workbook's size once unpacked, from the zip directory, before anything is unpacked.

    A small file can unpack to gigabytes (a "zip bomb"); Python's zipfile never unpacks more
    than the directory declares, so the declared sizes bound what openpyxl can read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SurveyInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
    if total > limit:
        raise SurveyInputError("xlsx_too_large", size=total, limit=limit,
                               size_mb=total / 1048576, limit_mb=limit / 1048576)
    return total


def count_rows(ws: Any) -> int | None:
    """Rows of a read-only sheet, counted in its XML as it is unpacked (no parsing: about a
    second for 150 MB), so that a <dimension> tag that lies cannot make openpyxl read millions
    of rows.  None when the sheet's source is not reachable."""
    try:
        src = ws._get_source()  # openpyxl's read-only sheet: the zip member of this sheet
    except Exception:  # noqa: BLE001 - another openpyxl version: fall back to counting while reading
        return None
    count, tail = 0, b""
    with src:
        while chunk := src.read(1 << 20):
            data = tail + chunk
            count += data.count(b"<row") + data.count(b":row")  # <row …> and <x:row …>
            tail = data[-4:]
            count -= tail.count(b"<row") + tail.count(b":row")  # counted again with the next chunk
    return count + tail.count(b"<row") + tail.count(b":row")


def _too_many_cells(rows: int, columns: int, limit: int) -> SurveyInputError:
    return SurveyInputError("too_many_cells", rows=rows, columns=columns, limit=limit)


def read_xlsx(data: bytes, name: str | None, sheet: str | int | None, *,
              max_rows: int = XLSX_MAX_ROWS, max_cells: int = XLSX_MAX_CELLS,
              max_unpacked: int = XLSX_MAX_UNPACKED) -> ImportedTable:
    """The first (or the named / 0-based index) sheet as a table; the header is the first
    non-empty row.  Bounded before reading: the unpacked size (zip directory) and the sheet's
    declared dimension; and while reading, the cells actually met (a dimension can lie)."""
    import openpyxl  # local: only needed for workbooks
    check_unpacked_size(data, max_unpacked)
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
        declared_rows, declared_cols = ws.max_row or 0, ws.max_column or 0  # the <dimension> tag
        if declared_rows <= max_rows + 1:
            declared_rows = max(declared_rows, count_rows(ws) or 0)
        if declared_rows > max_rows + 1:  # + the header
            raise SurveyInputError("too_many_rows", rows=declared_rows, limit=max_rows)
        if declared_rows * declared_cols > max_cells:
            raise _too_many_cells(declared_rows, declared_cols, max_cells)
        cells = 0
        try:
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()  # don't trust a wrong <dimension> tag
            for excel_row, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                cells += max(1, len(values))  # empty rows cost reading time too
                if excel_row > max_rows + 1:
                    raise SurveyInputError("too_many_rows", rows=excel_row, limit=max_rows)
                if cells > max_cells:
                    raise _too_many_cells(excel_row, len(values), max_cells)
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
