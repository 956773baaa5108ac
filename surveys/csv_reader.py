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
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from pandas._libs.parsers import STR_NA_VALUES

from .csv_parts import one_dictionary, pandas_codes, read_whole, release, to_pandas, whole_input
from .encodings import detect_encoding, looks_utf16, utf8_head_ok
from .errors import SurveyInputError
from .rows import LineMap
from .separators import detect_separator
from .source import MAX_ROWS, SAMPLE_BYTES, Source
from .table import ImportedTable, dedupe

DICT_MAX_CARDINALITY = 20_000
HEAD_LOOK = SAMPLE_BYTES  # bytes looked at for a quote before the read (the head's, see below)
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


_MISSING_WORDS = pa.array([v for v in _NULLS if v], pa.string())


def _holds_missing_words(col: pa.ChunkedArray) -> bool:
    """Whether a text column holds one of pandas' missing-value words ("NA", "null", "N/A" …);
    a dictionary-encoded column is checked on its dictionaries only."""
    if pa.types.is_dictionary(col.type):
        return any(pc.any(pc.is_in(ch.dictionary, value_set=_MISSING_WORDS)).as_py() for ch in col.chunks)
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        return bool(pc.any(pc.is_in(col, value_set=_MISSING_WORDS)).as_py())
    return False


_INT_TYPES = ((pa.int8(), 127), (pa.int16(), 32_767), (pa.int32(), 2_147_483_647))


def _narrowest_int(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """A whole-number column without gaps in the smallest integer type that holds it (scores
    0–10 in one byte, not eight): the values and what the analysis reports are the same, and
    the DataFrame holds a survey's score columns in an eighth of the memory."""
    lo_hi = pc.min_max(col).as_py()
    if lo_hi["min"] is None:
        return col
    for typ, top in _INT_TYPES:
        if -top - 1 <= lo_hi["min"] and lo_hi["max"] <= top:
            return col.cast(typ)
    return col


DICT_SAMPLE_SHARE = 0.5   # a text column is read dictionary-encoded when the head repeats its values
_DICT = pa.dictionary(pa.int32(), pa.string())


def _from_the_head(head: bytes | None, parse: pacsv.ParseOptions
                   ) -> tuple[list[str] | None, dict[str, pa.DataType]]:
    """The column names and the types declared up front from the file's head (best effort: any
    doubt, e.g. no head, a cut quoted value or repeated headers, gives no names and declares
    nothing):

    - text columns whose values repeat in the head (dates, stores, answer words) are read
      dictionary-encoded: pyarrow encodes them in its parallel parse (about a quarter faster here
      than letting it try every text column and give up on the free text);
    - whole-number columns whose head fits in one byte (scores 0–10) are read as ``int8``: a
      million-row column in 1 MB, not 8, and no second pass to narrow it (the parse's peak memory
      is about 50 MB lower for three score columns). A value further down that does not fit (a
      word, a decimal, 300) fails that read, and the file is read again without the declaration."""
    if not head:
        return None, {}
    head = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    cut = head.rfind(b"\n")
    if cut <= 0:
        return None, {}
    try:
        sample = pacsv.read_csv(pa.py_buffer(head[:cut + 1]), parse_options=parse,
                                read_options=pacsv.ReadOptions(use_threads=False),
                                convert_options=pacsv.ConvertOptions(**dict(_ARROW_CONVERT, auto_dict_encode=False)))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None, {}
    names = sample.column_names
    if len(set(names)) != len(names):
        return None, {}
    if sample.num_rows < 20:
        return names, {}
    out: dict[str, pa.DataType] = {}
    for name, col in zip(names, sample.columns, strict=True):
        filled = len(col) - col.null_count
        if not filled:
            continue
        if pa.types.is_string(col.type) and pc.count_distinct(col).as_py() <= DICT_SAMPLE_SHARE * filled:
            out[name] = _DICT
        elif pa.types.is_integer(col.type):
            lo_hi = pc.min_max(col).as_py()
            if -128 <= lo_hi["min"] and lo_hi["max"] <= 127:
                out[name] = pa.int8()
    return names, out


def _check_utf8(table: pa.Table) -> None:
    """UTF-8 checked after the parse (pyarrow's ``check_utf8`` off): a dictionary-encoded column
    only on its dictionaries (a few hundred values, not a million), a text column in full.
    Invalid text raises UnicodeError, as pandas' strict decoding and pyarrow's own check do."""
    for name, col in zip(table.column_names, table.columns, strict=True):
        is_dict = pa.types.is_dictionary(col.type)
        if not (is_dict or pa.types.is_string(col.type) or pa.types.is_large_string(col.type)):
            continue
        try:
            for ch in col.chunks:
                (ch.dictionary if is_dict else ch).validate(full=True)
        except pa.ArrowInvalid:
            raise UnicodeError(f"column {name!r} is not UTF-8") from None


def _arrow_csv(buf: Any, sep: str, head: bytes | None = None) -> pd.DataFrame:
    """Parse UTF-8 CSV (a path, bytes or a binary file) with pyarrow, into pandas on Arrow data.

    Without any quote in the file no value can hold a line break, and the file may be cut at
    any newline and its parts parsed in parallel (:mod:`surveys.csv_parts`)."""
    data = whole_input(buf)
    # a quote in the head: values may hold line breaks. None there: not known yet, and the
    # read finds out (csv_parts.read_whole) without a pass of its own over the whole file
    quoted: bool | None = True if data.find(b'"', 0, HEAD_LOOK) >= 0 else None
    parse = pacsv.ParseOptions(delimiter=sep, quote_char='"', double_quote=True, escape_char=False,
                               newlines_in_values=bool(quoted), ignore_empty_lines=True)
    names, declared = _from_the_head(head, parse)  # the head holds no quote unless ``quoted``

    def read(null_values: list[str], types: dict[str, pa.DataType]) -> pa.Table:
        convert = dict(_ARROW_CONVERT, null_values=null_values, check_utf8=False)
        if types:
            convert.update(auto_dict_encode=False, column_types=types)
        nonlocal quoted
        try:
            table, quoted = read_whole(data, quoted=quoted, names=names, parse=parse,
                                       convert=pacsv.ConvertOptions(**convert))
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc) or "UTF-8" in str(exc):
                raise UnicodeError(str(exc)) from None
            raise _NotForArrow(str(exc)) from None
        table = one_dictionary(table)
        _check_utf8(table)
        return table

    def read_as_pandas_would(types: dict[str, pa.DataType]) -> pa.Table:
        # Only the empty cell as missing first: checking every cell against pandas' 20
        # missing-value words costs about a sixth of the parse. Where one of those words could
        # have made a difference (a number column refused, or a text column holding one) the
        # file is read again with all of them, so the values are always what pandas would read.
        try:
            table = read([""], types)
            if any(_holds_missing_words(col) for col in table.columns):
                table = read(_NULLS, types)
        except _NotForArrow:
            table = read(_NULLS, types)
        return table

    try:
        table = read_as_pandas_would(declared)
    except _NotForArrow:
        untyped = {k: t for k, t in declared.items() if not pa.types.is_integer(t)}
        if untyped == declared:
            raise
        table = read_as_pandas_would(untyped)  # a declared int8 column holds something else
    release(data)  # the table holds copies of every value; the input is read no more
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
        elif pa.types.is_int64(typ) and col.null_count == 0:
            col = _narrowest_int(col)
        columns.append(col)
    # numeric columns without gaps are handed over, not copied (see csv_parts.to_pandas)
    return to_pandas(pandas_codes(pa.Table.from_arrays(columns, names=table.column_names)))


def _parse_csv(buf: Any, sep: str, encoding: str | None, head: bytes | None = None) -> pd.DataFrame:
    """pyarrow for UTF-8 (the hot path); pandas' C parser when pyarrow refuses the file, so
    that short rows, errors and their line numbers stay what they were."""
    arrow_input = buf
    if isinstance(buf, io.StringIO):
        arrow_input = buf.getvalue().encode("utf-8")
    if encoding in (None, "utf-8", "utf-8-sig"):
        try:
            return _arrow_csv(arrow_input, sep, head)
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
            df = _parse_csv(src.binary(), sep, enc, head=src.head)
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
    categorical = frozenset(c for c, t in df.dtypes.items() if isinstance(t, pd.CategoricalDtype))
    return ImportedTable(df=df, kind="csv", encoding=enc, separator=sep, lines=lines,
                         name=src.name, warnings=table_warnings, complete_categories=categorical)
