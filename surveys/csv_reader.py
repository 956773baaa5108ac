"""CSV exports: encoding and separator detected (or given), one C-engine parse, line numbers
as the user sees them in the file."""
from __future__ import annotations

import codecs
import csv
import io
import re
import warnings as _warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
from pandas._libs.parsers import STR_NA_VALUES

from .encodings import detect_encoding, looks_utf16, utf8_head_ok
from .errors import SurveyInputError
from .rows import LineMap
from .separators import detect_separator
from .source import MAX_ROWS, SAMPLE_BYTES, Source
from .table import ImportedTable, dedupe

DICT_MAX_CARDINALITY = 20_000
USE_THREADS = True
BLOCK_SIZE = 1 << 20   # pyarrow's default; 8 MB looked better in one same-run comparison, not in the next
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


# pyarrow reads as pandas.read_csv would: the same words for missing values and booleans,
# no dates guessed (dates are parsed later, day first), empty text as missing.
_NULLS = sorted(STR_NA_VALUES)
_ARROW_CONVERT = dict(null_values=_NULLS, strings_can_be_null=True, quoted_strings_can_be_null=True,
                      true_values=["True", "TRUE", "true"], false_values=["False", "FALSE", "false"],
                      timestamp_parsers=[],
                      # text columns with few distinct values (dates, stores, answer words)
                      # arrive dictionary-encoded: pandas categoricals, factorised for free
                      auto_dict_encode=True, auto_dict_max_cardinality=DICT_MAX_CARDINALITY)


class _NotForArrow(Exception):
    """pyarrow refused the file where pandas may still read it (e.g. short rows)."""


def _has_quotes(buf: Any) -> bool:
    """Whether the input has a double quote anywhere (a C-speed scan)."""
    if isinstance(buf, (bytes, bytearray)):
        return b'"' in buf
    if isinstance(buf, io.BytesIO):
        return buf.getvalue().find(b'"') >= 0  # getvalue() shares the buffer, no copy
    try:
        with open(buf, "rb") as fh:  # in 1 MB reads: a memory map would add the file to the RSS
            while chunk := fh.read(1 << 20):
                if b'"' in chunk:
                    return True
        return False
    except (OSError, ValueError, TypeError):
        return True


def _arrow_csv(buf: Any, sep: str) -> pd.DataFrame:
    """Parse UTF-8 CSV (a path, bytes or a binary file) with pyarrow, into pandas on Arrow data.

    Without any quote in the file no value can hold a line break, and pyarrow may split the
    file into blocks at any newline and parse them in parallel (about twice as fast here)."""
    multiline = _has_quotes(buf)
    source = pa.py_buffer(buf) if isinstance(buf, (bytes, bytearray)) else buf
    try:
        table = pacsv.read_csv(
            source, read_options=pacsv.ReadOptions(use_threads=USE_THREADS, block_size=BLOCK_SIZE),
            parse_options=pacsv.ParseOptions(delimiter=sep, quote_char='"', double_quote=True,
                                             escape_char=False, newlines_in_values=multiline,
                                             ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(**_ARROW_CONVERT))
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc) or "UTF-8" in str(exc):
            raise UnicodeError(str(exc)) from None
        raise _NotForArrow(str(exc)) from None
    if table.num_columns == 0 or table.num_rows == 0:
        raise _NotForArrow("no rows")  # pandas says what is wrong (empty, header only …)
    columns = []
    for name, col in zip(table.column_names, table.columns, strict=True):
        typ = col.type.value_type if pa.types.is_dictionary(col.type) else col.type
        if pa.types.is_binary(typ) or pa.types.is_large_binary(typ):
            raise UnicodeError(f"column {name!r} is not UTF-8")  # as pandas' strict decoding
        if pa.types.is_null(typ):
            col = pa.chunked_array([pa.nulls(len(col), pa.float64())])  # pandas: all-NaN float
        elif not (pa.types.is_integer(typ) or pa.types.is_floating(typ) or pa.types.is_boolean(typ)
                  or pa.types.is_string(typ) or pa.types.is_dictionary(col.type)):
            raise _NotForArrow(f"column type {typ}")  # e.g. a decimal or time: pandas decides
        columns.append(col)
    table = pa.Table.from_arrays(columns, names=table.column_names)
    # split_blocks + self_destruct: numeric columns without gaps are handed over, not copied
    return table.to_pandas(split_blocks=True, self_destruct=True)


def _parse_csv(buf: Any, sep: str, encoding: str | None) -> pd.DataFrame:
    """pyarrow for UTF-8 (the hot path); pandas' C parser when pyarrow refuses the file, so
    that short rows, errors and their line numbers stay what they were."""
    arrow_input = buf
    if isinstance(buf, io.StringIO):
        arrow_input = buf.getvalue().encode("utf-8")
    if encoding in (None, "utf-8", "utf-8-sig"):
        try:
            return _arrow_csv(arrow_input, sep)
        except _NotForArrow:
            pass
        except MemoryError:
            raise SurveyInputError("unreadable", detail="not enough memory") from None
        if hasattr(buf, "seek"):
            buf.seek(0)
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
