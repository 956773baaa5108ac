"""Reading a survey export: CSV or XLSX recognised by content (not by extension), size-checked
first.  Raises :class:`SurveyInputError` only."""
from __future__ import annotations

from typing import Any

from .csv_reader import read_csv
from .errors import SurveyInputError
from .source import DEFAULT_MAX_BYTES, Source
from .table import ImportedTable
from .xlsx_reader import read_xlsx


def read_table(source: Any, *, encoding: str | None = None, sep: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, sheet: str | int | None = None,
               filename: str | None = None) -> ImportedTable:
    """Read a CSV or XLSX export (path, bytes or binary file-like such as an upload).

    The size limit is checked before parsing.  Encoding and separator are detected unless
    given.  XLSX is recognised by content (a zip), not by extension.  Raises
    :class:`SurveyInputError` only."""
    src = Source(source, max_bytes)
    head = src.head
    if src.size == 0 or (src.complete and not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")):
        raise SurveyInputError("empty")
    if head.startswith(b"PK\x03\x04"):
        table = read_xlsx(src.data(), src.name, sheet)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SurveyInputError("xls_not_supported")
    elif head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK")):
        raise SurveyInputError("not_a_table")
    else:
        table = read_csv(src, encoding, sep)
    if filename:
        table.name = filename
    return table
