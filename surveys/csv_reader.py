"""CSV exports: encoding and separator detected (or given), one C-engine parse, line numbers
as the user sees them in the file."""
from __future__ import annotations

import codecs
import csv
import io
import re
import warnings as _warnings
from typing import Any, Callable

import numpy as np
import pandas as pd

from .encodings import detect_encoding, looks_utf16, utf8_head_ok
from .errors import SurveyInputError
from .rows import LineMap
from .separators import detect_separator
from .source import MAX_ROWS, SAMPLE_BYTES, Source
from .table import ImportedTable, dedupe

_BLANK_LINE = re.compile(r"(?:^|\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))")


def _csv_line_map(text_getter: Callable[[], str], sep: str, n_rows: int,
                  warn: Callable[[dict], None]) -> np.ndarray:
    text = text_getter()
    if '"' not in text and not _BLANK_LINE.search(text):
        return np.arange(2, n_rows + 2, dtype="int64")
    starts: list[int] = []
    prev = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, quotechar='"')
    try:
        for row in reader:
            start = prev + 1
            prev = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            starts.append(start)
    except csv.Error:
        starts = []
    data_starts = starts[1:]
    if len(data_starts) != n_rows:
        warn({"code": "line_numbers_approximate",
              "message": "Line numbers could not be matched exactly; they assume one line per row."})
        return np.arange(2, n_rows + 2, dtype="int64")
    return np.asarray(data_starts, dtype="int64")


_CTRL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")  # below 32, not \t \n \f \r \x1a


def _looks_binary(text_sample: str) -> bool:
    if not text_sample:
        return False
    if "\x00" in text_sample:
        return True
    ctrl = len(_CTRL_CHARS.findall(text_sample))
    return ctrl / len(text_sample) > 0.01


def _parse_csv(buf: Any, sep: str, encoding: str | None) -> pd.DataFrame:
    kwargs: dict[str, Any] = {"encoding": encoding} if encoding else {}
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            return pd.read_csv(buf, sep=sep, engine="c", **kwargs)
    except pd.errors.EmptyDataError:
        raise SurveyInputError("empty") from None
    except pd.errors.ParserError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise SurveyInputError("malformed_csv", line=int(m.group(1)) if m else "?",
                                detail=str(exc).split("C error: ")[-1].strip()) from None
    except UnicodeError:
        raise
    except MemoryError:
        raise SurveyInputError("unreadable", detail="not enough memory") from None
    except Exception as exc:  # noqa: BLE001 - never let a pandas exception escape
        raise SurveyInputError("unreadable", detail=f"{type(exc).__name__}: {exc}") from None


def read_csv(src: Source, encoding: str | None, sep: str | None) -> ImportedTable:
    head = src.head
    full_text: str | None = None
    if encoding is not None:
        try:
            enc = codecs.lookup(encoding).name
        except LookupError:
            raise SurveyInputError("unknown_encoding", encoding=encoding) from None
        if enc == "utf-8" and head.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"  # a BOM must not end up in the first header
        user_enc = True
    else:
        user_enc = False
        # utf-8(-sig) is tried strictly first: on the head here, on the rest by pandas itself
        # (strict decoding); a failure there falls back to full detection below.
        if head.startswith(codecs.BOM_UTF8) and utf8_head_ok(head[3:], src.complete):
            enc = "utf-8-sig"
        elif not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and \
                looks_utf16(head) is None and utf8_head_ok(head, src.complete):
            enc = "utf-8"
        else:
            enc = detect_encoding(src.data())
    is_utf8 = enc in ("utf-8", "utf-8-sig")

    def load_text(e: str) -> str:
        try:
            return src.data().decode(e).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise SurveyInputError("bad_encoding", encoding=e) from None

    if not is_utf8:
        full_text = load_text(enc)
        sample = full_text[:SAMPLE_BYTES]
    else:
        sample = codecs.getincrementaldecoder(enc)("replace").decode(head, src.complete)
        sample = sample.lstrip("\ufeff")
    if not sample.strip():
        raise SurveyInputError("empty")
    if _looks_binary(sample[:8192]):
        raise SurveyInputError("not_a_table")

    if sep is not None:
        if sep in ("\\t", "tab", "TAB"):
            sep = "\t"
        if len(sep) != 1:
            raise SurveyInputError("bad_separator", sep=sep)
    else:
        sep = detect_separator(sample)

    if is_utf8:
        try:
            df = _parse_csv(src.binary(), sep, enc)
        except UnicodeError:
            if user_enc:
                raise SurveyInputError("bad_encoding", encoding=enc) from None
            enc = detect_encoding(src.data())  # not UTF-8 after all (past the head)
            full_text = load_text(enc)
            df = _parse_csv(io.StringIO(full_text), sep, None)
    else:
        try:
            df = _parse_csv(io.StringIO(full_text), sep, None)
        except UnicodeError:
            raise SurveyInputError("bad_encoding", encoding=enc) from None
    if df.shape[1] == 0:
        raise SurveyInputError("not_a_table")
    if len(df) > MAX_ROWS:
        raise SurveyInputError("too_many_rows", rows=len(df), limit=MAX_ROWS)
    df.columns = dedupe([str(c).strip() for c in df.columns])

    table_warnings: list[dict[str, Any]] = []
    final_enc = enc

    def get_text() -> str:
        if full_text is not None:
            return full_text
        return src.data().decode(final_enc, "replace").lstrip("\ufeff")

    lines = LineMap(lambda: _csv_line_map(get_text, sep, len(df), table_warnings.append))
    return ImportedTable(df=df, kind="csv", encoding=enc, separator=sep, lines=lines,
                         name=src.name, warnings=table_warnings)
