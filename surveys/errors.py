"""Error type of the survey toolkit.

Every problem with the user's input is raised as :class:`SurveyInputError` with a stable
``code`` (the UI translates by code) and an English ``message``.  Parameters used in the
message are kept in ``params`` so that a translation can use them too.
"""
from __future__ import annotations

from typing import Any

# code -> English message template (str.format with the params).
MESSAGES: dict[str, str] = {
    "file_not_found": "File not found: {path}",
    "unreadable": "The file could not be read: {detail}",
    "too_large": "The file is {size_mb:.1f} MB; the limit is {limit_mb:.1f} MB.",
    "xlsx_too_large": "The workbook unpacks to {size_mb:.0f} MB; the limit is {limit_mb:.0f} MB.",
    "too_many_cells": "The sheet has {rows} rows × {columns} columns; at most {limit} cells are read from a workbook.",
    "too_many_rows": "The file has more than {limit} rows.",
    "empty": "The file is empty.",
    "not_a_table": "The file does not look like a table (CSV or XLSX).",
    "xls_not_supported": "Old Excel .xls files are not supported; save the file as .xlsx or CSV.",
    "bad_xlsx": "The Excel file could not be read: {detail}",
    "no_sheet": "The workbook has no sheet {sheet!r}; it has: {sheets}.",
    "bad_encoding": "The file cannot be read with the encoding {encoding!r}.",
    "unknown_encoding": "Unknown text encoding {encoding!r}.",
    "bad_separator": "The column separator must be a single character, got {sep!r}.",
    "malformed_csv": "The CSV file is malformed near line {line}: {detail}",
    "no_such_column": "There is no column {column!r}. Columns: {columns}.",
    "no_metric_column": "No NPS, CSAT or CES column was recognised; name one with --column and --metric.",
    "unknown_metric": "Unknown metric {metric!r}; use nps, csat or ces.",
    "bad_scale": "Unsupported scale {scale!r} for {metric}.",
    "bad_freq": "Unsupported period {freq!r}; use M (month) or Q (quarter).",
}


class SurveyInputError(Exception):
    """A problem with the input (file, column, option), identified by a stable ``code``."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        template = MESSAGES.get(code, code.replace("_", " "))
        try:
            message = template.format(**params)
        except (KeyError, IndexError, ValueError):
            message = template
        self.message = message
        super().__init__(message)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message,
                "params": {k: (v if isinstance(v, (int, float, str, bool, type(None))) else str(v))
                           for k, v in self.params.items()}}
