"""Reading survey exports (CSV / XLSX) robustly, guessing columns, cleaning scores and dates.

Nothing here raises anything but :class:`MetricsInputError` for bad input.  The hot path is
vectorised: one ``pandas.read_csv`` call (C engine, same call as a plain ``read_csv`` apart
from the detected ``sep``/``encoding``), ``pd.to_numeric`` for the scores, and the slow text
mapping only for the *distinct* values that did not parse as numbers.
"""
from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
import warnings as _warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .compute import Scale, get_scale
from .errors import MetricsInputError
from .text import norm

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SAMPLE_BYTES = 64 * 1024
_SEP_CANDIDATES = (";", ",", "\t", "|")

# reasons for invalid rows
REASONS = ("empty", "not_a_number", "not_integer", "out_of_range", "bad_date")


# =========================================================================== table reading
class LineMap:
    """Maps a row position (0-based, as in the DataFrame) to the line/row number a user sees.

    CSV: the physical line where the record starts (header = line 1 when the file starts with
    it; blank lines and multi-line quoted cells are accounted for).  XLSX: the Excel row
    number.  Computed lazily, only when something has to be reported."""

    def __init__(self, compute: Callable[[], np.ndarray]):
        self._compute = compute
        self._lines: np.ndarray | None = None

    @classmethod
    def from_array(cls, lines: Sequence[int]) -> "LineMap":
        arr = np.asarray(lines, dtype="int64")
        m = cls(lambda: arr)
        m._lines = arr
        return m

    @property
    def array(self) -> np.ndarray:
        if self._lines is None:
            self._lines = self._compute()
        return self._lines

    def __getitem__(self, pos: int) -> int:
        return int(self.array[pos])

    def __len__(self) -> int:
        return len(self.array)


@dataclass
class ImportedTable:
    """A table read from a file: the DataFrame plus how it was read."""
    df: pd.DataFrame
    kind: str                       # "csv" | "xlsx"
    encoding: str | None            # CSV only
    separator: str | None           # CSV only
    lines: LineMap
    sheet: str | None = None        # XLSX only
    name: str | None = None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # parsed dates, group codes


class _Source:
    """The input, size-checked before anything is parsed.  A path is not read into memory
    up front: only its first ``SAMPLE_BYTES`` (for detection); pandas then reads the path
    itself, which is what makes the import as fast as a plain ``read_csv``."""

    def __init__(self, source: Any, max_bytes: int):
        self.path: str | None = None
        self._data: bytes | None = None
        self.name: str | None = None

        def too_large(size: int) -> MetricsInputError:
            return MetricsInputError("too_large", size=size, limit=max_bytes,
                                     size_mb=size / 1048576, limit_mb=max_bytes / 1048576)

        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            if len(data) > max_bytes:
                raise too_large(len(data))
            self._data = data
        elif isinstance(source, (str, os.PathLike)):
            path = os.fspath(source)
            try:
                size = os.path.getsize(path)
            except FileNotFoundError:
                raise MetricsInputError("file_not_found", path=path) from None
            except OSError as exc:
                raise MetricsInputError("unreadable", detail=exc.strerror or str(exc)) from None
            if os.path.isdir(path):
                raise MetricsInputError("unreadable", detail=f"{path} is a directory")
            if size > max_bytes:
                raise too_large(size)
            self.path, self.name, self.size = path, os.path.basename(path), size
            try:
                with open(path, "rb") as fh:
                    self.head = fh.read(SAMPLE_BYTES)
            except OSError as exc:
                raise MetricsInputError("unreadable", detail=exc.strerror or str(exc)) from None
            self._max = max_bytes
            return
        elif hasattr(source, "read"):
            size = getattr(source, "size", None)  # e.g. Streamlit's UploadedFile
            if isinstance(size, int) and size > max_bytes:
                raise too_large(size)
            try:
                if hasattr(source, "seek"):
                    try:
                        source.seek(0)
                    except (OSError, ValueError):
                        pass
                data = source.read(max_bytes + 1)
            except (OSError, ValueError) as exc:
                raise MetricsInputError("unreadable", detail=str(exc)) from None
            if isinstance(data, str):
                data = data.encode("utf-8")
            if len(data) > max_bytes:
                raise too_large(len(data))
            self._data = bytes(data)
            name = getattr(source, "name", None)
            self.name = os.path.basename(name) if isinstance(name, str) else None
        else:
            raise MetricsInputError("unreadable",
                                    detail=f"unsupported source type {type(source).__name__}")
        self.size = len(self._data)
        self.head = self._data[:SAMPLE_BYTES]

    @property
    def complete(self) -> bool:
        """Whether ``head`` is the whole input."""
        return len(self.head) >= self.size

    def data(self) -> bytes:
        if self._data is None:
            try:
                with open(self.path, "rb") as fh:  # type: ignore[arg-type]
                    self._data = fh.read(self._max + 1)
            except OSError as exc:
                raise MetricsInputError("unreadable", detail=exc.strerror or str(exc)) from None
        return self._data

    def binary(self) -> Any:
        """What to hand to pandas: the path itself, or a BytesIO."""
        return self.path if self.path is not None else io.BytesIO(self._data)


# --------------------------------------------------------------------------- encodings
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LATIN_EXT = re.compile(r"[\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")


def _decodes(data: bytes, encoding: str, chunk: int = 1 << 20) -> bool:
    """Strict decode of the whole buffer in chunks (bounded memory)."""
    dec = codecs.getincrementaldecoder(encoding)("strict")
    try:
        mv = memoryview(data)
        for i in range(0, len(data), chunk):
            dec.decode(mv[i:i + chunk], False)
        dec.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def _plausibility(text: str) -> int:
    """Score how plausible decoded text is: words wholly in one script count up,
    words mixing Greek with other letters count down hard."""
    score = 0
    for w in _WORD.findall(text):
        if not any(ord(ch) > 127 for ch in w):
            continue
        g = len(_GREEK.findall(w))
        if g == len(w):
            score += 2 if len(w) > 1 else 0
        elif g:
            score -= 3
        elif _LATIN_EXT.search(w):
            # Latin word with accents (café, Müller) is plausible only with few of them
            latin_ext = len(_LATIN_EXT.findall(w))
            score += 2 if latin_ext * 3 <= len(w) else -3
        else:
            score -= 1
    return score


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """utf-8-sig (strict) → UTF-16 by BOM (or NUL pattern) → cp1253 vs cp1252/latin-1
    by which decoding gives plausible Greek/Latin words."""
    if data.startswith(codecs.BOM_UTF8):
        if _decodes(data, "utf-8-sig"):
            return "utf-8-sig"
    elif _decodes(data, "utf-8"):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    guess16 = _looks_utf16(data)
    if guess16 and _decodes(data, guess16):
        return guess16
    candidates = [enc for enc in ("cp1253", "cp1252") if _decodes(data, enc)]
    if not candidates:
        return "latin-1"
    if len(candidates) == 1:
        return candidates[0]
    # Both decode: judge on the non-ASCII part of a sample.
    sample = data[: 256 * 1024]
    scores = {enc: _plausibility(sample.decode(enc, "replace")) for enc in candidates}
    return "cp1253" if scores["cp1253"] >= scores["cp1252"] else "cp1252"


# --------------------------------------------------------------------------- separators
def _field_counts(lines: list[str], sep: str) -> list[int]:
    try:
        return [len(r) for r in csv.reader(lines, delimiter=sep, quotechar='"') if r]
    except csv.Error:
        return []


def _consistency(lines: list[str], sep: str) -> tuple[float, int]:
    counts = _field_counts(lines, sep)
    if not counts or counts[0] < 2:
        return (0.0, 0)
    header = counts[0]
    same = sum(1 for c in counts if c == header) / len(counts)
    return (same, header)


def detect_separator(sample: str) -> str:
    """csv.Sniffer on the sample, checked by field-count consistency; else by counting."""
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # drop a possibly cut last line
    lines = lines[:200]
    if not lines:
        return ","
    scored: dict[str, tuple[float, int]] = {}

    def score(sep: str) -> tuple[float, int]:  # computed only when needed (a CSV parse each)
        if sep not in scored:
            scored[sep] = _consistency(lines, sep)
        return scored[sep]

    best = None
    try:
        sniffed = csv.Sniffer().sniff("".join(lines[:50]), delimiters="".join(_SEP_CANDIDATES))
        s = sniffed.delimiter
        if s in _SEP_CANDIDATES and score(s)[0] >= 0.9:
            best = s
    except csv.Error:
        pass
    if best is None:
        ranked = sorted(((sep, score(sep)) for sep in _SEP_CANDIDATES),
                        key=lambda kv: (kv[1][0] >= 0.9, kv[1][0], kv[1][1]), reverse=True)
        sep, (cons, nfields) = ranked[0]
        best = sep if nfields >= 2 and cons > 0 else ","
    return best


# --------------------------------------------------------------------------- CSV line map
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


def _utf8_head_ok(head: bytes, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, complete)
    except UnicodeDecodeError:
        return False
    return True


def _parse_csv(buf: Any, sep: str, encoding: str | None) -> pd.DataFrame:
    kwargs: dict[str, Any] = {"encoding": encoding} if encoding else {}
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            return pd.read_csv(buf, sep=sep, engine="c", **kwargs)
    except pd.errors.EmptyDataError:
        raise MetricsInputError("empty") from None
    except pd.errors.ParserError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise MetricsInputError("malformed_csv", line=int(m.group(1)) if m else "?",
                                detail=str(exc).split("C error: ")[-1].strip()) from None
    except UnicodeError:
        raise
    except MemoryError:
        raise MetricsInputError("unreadable", detail="not enough memory") from None
    except Exception as exc:  # noqa: BLE001 - never let a pandas exception escape
        raise MetricsInputError("unreadable", detail=f"{type(exc).__name__}: {exc}") from None


def _read_csv(src: _Source, encoding: str | None, sep: str | None) -> ImportedTable:
    head = src.head
    full_text: str | None = None
    if encoding is not None:
        try:
            enc = codecs.lookup(encoding).name
        except LookupError:
            raise MetricsInputError("unknown_encoding", encoding=encoding) from None
        if enc == "utf-8" and head.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"  # a BOM must not end up in the first header
        user_enc = True
    else:
        user_enc = False
        # utf-8(-sig) is tried strictly first: on the head here, on the rest by pandas itself
        # (strict decoding); a failure there falls back to full detection below.
        if head.startswith(codecs.BOM_UTF8) and _utf8_head_ok(head[3:], src.complete):
            enc = "utf-8-sig"
        elif not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and \
                _looks_utf16(head) is None and _utf8_head_ok(head, src.complete):
            enc = "utf-8"
        else:
            enc = detect_encoding(src.data())
    is_utf8 = enc in ("utf-8", "utf-8-sig")

    def load_text(e: str) -> str:
        try:
            return src.data().decode(e).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise MetricsInputError("bad_encoding", encoding=e) from None

    if not is_utf8:
        full_text = load_text(enc)
        sample = full_text[:SAMPLE_BYTES]
    else:
        sample = codecs.getincrementaldecoder(enc)("replace").decode(head, src.complete)
        sample = sample.lstrip("\ufeff")
    if not sample.strip():
        raise MetricsInputError("empty")
    if _looks_binary(sample[:8192]):
        raise MetricsInputError("not_a_table")

    if sep is not None:
        if sep in ("\\t", "tab", "TAB"):
            sep = "\t"
        if len(sep) != 1:
            raise MetricsInputError("bad_separator", sep=sep)
    else:
        sep = detect_separator(sample)

    if is_utf8:
        try:
            df = _parse_csv(src.binary(), sep, enc)
        except UnicodeError:
            if user_enc:
                raise MetricsInputError("bad_encoding", encoding=enc) from None
            enc = detect_encoding(src.data())  # not UTF-8 after all (past the head)
            full_text = load_text(enc)
            df = _parse_csv(io.StringIO(full_text), sep, None)
    else:
        try:
            df = _parse_csv(io.StringIO(full_text), sep, None)
        except UnicodeError:
            raise MetricsInputError("bad_encoding", encoding=enc) from None
    if df.shape[1] == 0:
        raise MetricsInputError("not_a_table")
    df.columns = _dedupe([str(c).strip() for c in df.columns])

    table_warnings: list[dict[str, Any]] = []
    final_enc = enc

    def get_text() -> str:
        if full_text is not None:
            return full_text
        return src.data().decode(final_enc, "replace").lstrip("\ufeff")

    lines = LineMap(lambda: _csv_line_map(get_text, sep, len(df), table_warnings.append))
    return ImportedTable(df=df, kind="csv", encoding=enc, separator=sep, lines=lines,
                         name=src.name, warnings=table_warnings)


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, nm in enumerate(names):
        nm = nm or f"Unnamed: {i}"
        if nm in seen:
            seen[nm] += 1
            new = f"{nm}.{seen[nm]}"
            while new in seen:
                seen[nm] += 1
                new = f"{nm}.{seen[nm]}"
            seen[new] = 0
            out.append(new)
        else:
            seen[nm] = 0
            out.append(nm)
    return out


# --------------------------------------------------------------------------- XLSX
def _read_xlsx(data: bytes, name: str | None, sheet: str | int | None) -> ImportedTable:
    import openpyxl  # local: only needed for workbooks
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise MetricsInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise MetricsInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
    try:
        names = wb.sheetnames
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
            idx = int(sheet)
            if not 0 <= idx < len(names):
                raise MetricsInputError("no_sheet", sheet=sheet, sheets=", ".join(names))
            ws = wb.worksheets[idx]
        elif sheet in names:
            ws = wb[sheet]
        else:
            raise MetricsInputError("no_sheet", sheet=sheet, sheets=", ".join(names))
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
        except MetricsInputError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise MetricsInputError("bad_xlsx", detail=str(exc) or type(exc).__name__) from None
        sheet_title = ws.title
    finally:
        try:
            wb.close()
        except Exception:  # noqa: BLE001
            pass
    if header is None:
        raise MetricsInputError("empty")
    width = max([len(header)] + [len(r) for r in rows])
    # trim trailing columns that are empty everywhere
    while width > 0 and (width > len(header) or header[width - 1] is None) and all(
            len(r) < width or r[width - 1] is None for r in rows):
        width -= 1
    if width == 0:
        raise MetricsInputError("empty")
    cols = _dedupe([("" if h is None else str(h).strip()) for h in
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


def read_table(source: Any, *, encoding: str | None = None, sep: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, sheet: str | int | None = None,
               filename: str | None = None) -> ImportedTable:
    """Read a CSV or XLSX export (path, bytes or binary file-like such as an upload).

    The size limit is checked before parsing.  Encoding and separator are detected unless
    given.  XLSX is recognised by content (a zip), not by extension.  Raises
    :class:`MetricsInputError` only."""
    src = _Source(source, max_bytes)
    head = src.head
    if src.size == 0 or (src.complete and not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")):
        raise MetricsInputError("empty")
    if head.startswith(b"PK\x03\x04"):
        table = _read_xlsx(src.data(), src.name, sheet)
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise MetricsInputError("xls_not_supported")
    elif head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK")):
        raise MetricsInputError("not_a_table")
    else:
        table = _read_csv(src, encoding, sep)
    if filename:
        table.name = filename
    return table


# =========================================================================== score cleaning
def _gender(word: str) -> list[str]:
    """Greek adjective in -ος with its feminine/neuter/plural forms."""
    if word.endswith("ος"):
        stem = word[:-2]
        return [word, stem + "η", stem + "ο", stem + "οι", stem + "ες"]
    return [word]


def _table(entries: Iterable[tuple[int, Iterable[str]]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, phrases in entries:
        for ph in phrases:
            out[_norm_answer(ph)] = value
    return out


_PUNCT = re.compile(r"[\"'«»“”‘’.,!;·:()\[\]]+")


def _norm_answer(text: str) -> str:
    return re.sub(r"\s+", " ", _PUNCT.sub(" ", norm(text))).strip()


def _forms(*templates: str) -> list[str]:
    """Expand '{ικανοποιημένος}' placeholders with Greek gender forms."""
    out: list[str] = []
    for t in templates:
        m = re.search(r"\{(\w+)\}", t)
        if m:
            out += [t[:m.start()] + f + t[m.end():] for f in _gender(m.group(1))]
        else:
            out.append(t)
    return out


AGREE7 = _table([
    (1, ["strongly disagree", "completely disagree", "totally disagree",
         "διαφωνώ απόλυτα", "διαφωνώ απολύτως", "διαφωνώ πλήρως", "διαφωνώ έντονα",
         "διαφωνώ κάθετα", "διαφωνώ πολύ", "διαφωνώ σε μεγάλο βαθμό"]),
    (2, ["disagree", "διαφωνώ"]),
    (3, ["somewhat disagree", "slightly disagree", "disagree somewhat", "μάλλον διαφωνώ",
         "διαφωνώ κάπως", "διαφωνώ εν μέρει", "διαφωνώ λίγο", "διαφωνώ μερικώς"]),
    (4, ["neither agree nor disagree", "neutral", "neither", "ούτε συμφωνώ ούτε διαφωνώ",
         "ούτε συμφωνώ, ούτε διαφωνώ", "ουδέτερο", "ουδέτερος", "ουδέτερη", "ουδέτερα"]),
    (5, ["somewhat agree", "slightly agree", "agree somewhat", "μάλλον συμφωνώ",
         "συμφωνώ κάπως", "συμφωνώ εν μέρει", "συμφωνώ λίγο", "συμφωνώ μερικώς"]),
    (6, ["agree", "συμφωνώ"]),
    (7, ["strongly agree", "completely agree", "totally agree", "συμφωνώ απόλυτα",
         "συμφωνώ απολύτως", "συμφωνώ πλήρως", "συμφωνώ έντονα", "συμφωνώ πολύ",
         "συμφωνώ σε μεγάλο βαθμό"]),
])
AGREE5 = _table([
    (1, ["strongly disagree", "completely disagree", "totally disagree",
         "διαφωνώ απόλυτα", "διαφωνώ απολύτως", "διαφωνώ πλήρως", "διαφωνώ έντονα"]),
    (2, ["disagree", "διαφωνώ"]),
    (3, ["neither agree nor disagree", "neutral", "ούτε συμφωνώ ούτε διαφωνώ",
         "ούτε συμφωνώ, ούτε διαφωνώ", "ουδέτερο", "ουδέτερος", "ουδέτερη"]),
    (4, ["agree", "συμφωνώ"]),
    (5, ["strongly agree", "completely agree", "totally agree", "συμφωνώ απόλυτα",
         "συμφωνώ απολύτως", "συμφωνώ πλήρως", "συμφωνώ έντονα"]),
])
SATISFACTION5 = _table([
    (1, ["very dissatisfied", "very unsatisfied", "not at all satisfied", "extremely dissatisfied",
         *_forms("καθόλου {ικανοποιημένος}", "πολύ {δυσαρεστημένος}",
                 "εντελώς {δυσαρεστημένος}", "απόλυτα {δυσαρεστημένος}")]),
    (2, ["dissatisfied", "unsatisfied", "somewhat dissatisfied",
         *_forms("{δυσαρεστημένος}", "μη {ικανοποιημένος}", "όχι {ικανοποιημένος}")]),
    (3, ["neutral", "neither satisfied nor dissatisfied", "ουδέτερο",
         *_forms("{ουδέτερος}", "ούτε {ικανοποιημένος} ούτε δυσαρεστημένος",
                 "ούτε ικανοποιημένη ούτε δυσαρεστημένη", "ούτε ικανοποιημένο ούτε δυσαρεστημένο")]),
    (4, ["satisfied", *_forms("{ικανοποιημένος}")]),
    (5, ["very satisfied", "extremely satisfied", "completely satisfied", "totally satisfied",
         *_forms("πολύ {ικανοποιημένος}", "απόλυτα {ικανοποιημένος}", "απολύτως {ικανοποιημένος}",
                 "πλήρως {ικανοποιημένος}", "εξαιρετικά {ικανοποιημένος}")]),
])
# CSAT also accepts the 5-point agreement words (e.g. "I am satisfied with …": Strongly agree = 5)
CSAT_WORDS = {**AGREE5, **SATISFACTION5}
EFFORT5 = _table([
    (1, ["very low effort", "very easy", "πολύ εύκολο", "πολύ εύκολα", "ελάχιστη προσπάθεια",
         "πολύ μικρή προσπάθεια"]),
    (2, ["low effort", "easy", "εύκολο", "εύκολα", "μικρή προσπάθεια"]),
    (3, ["neutral", "moderate effort", "neither easy nor difficult", "ουδέτερο",
         "μέτρια προσπάθεια", "ούτε εύκολο ούτε δύσκολο"]),
    (4, ["high effort", "difficult", "δύσκολο", "δύσκολα", "μεγάλη προσπάθεια"]),
    (5, ["very high effort", "very difficult", "πολύ δύσκολο", "πολύ δύσκολα",
         "πολύ μεγάλη προσπάθεια"]),
])
NPS_WORDS = _table([
    (0, ["not at all likely", "not likely at all", "extremely unlikely", "καθόλου πιθανό",
         "καθόλου πιθανόν", "απίθανο"]),
    (10, ["extremely likely", "εξαιρετικά πιθανό", "εξαιρετικά πιθανόν", "απόλυτα πιθανό",
          "απολύτως πιθανό", "σίγουρα"]),
])


def word_table(scale: Scale) -> dict[str, int]:
    """The text answers accepted for a scale (normalised keys → score)."""
    if scale.metric == "nps":
        return NPS_WORDS
    if scale.metric == "csat":
        return CSAT_WORDS
    if scale.high == 7:
        return AGREE7
    return EFFORT5


_NUM = r"[+-]?\d+(?:[.,]\d+)?"
_PLAIN_NUM = re.compile(rf"^{_NUM}$")
_LEAD_NUM = re.compile(rf"^({_NUM})(.*)$", re.S)
_OUT_OF = re.compile(r"^\s*(?:/|out of|από|απο|στα|of)\s*(\d+)\b(.*)$", re.S | re.I)
_STARS = re.compile(r"^[★⭐☆✩✰*\s]+$")


def _to_float(tok: str) -> float:
    return float(tok.replace(",", "."))


def parse_answer(value: Any, scale: Scale) -> tuple[float | None, str | None]:
    """One answer → (number, None) or (None, reason).  Range is *not* checked here."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, "empty"
    if value is pd.NaT or value is pd.NA:
        return None, "empty"
    if isinstance(value, (bool, np.bool_)):
        return None, "not_a_number"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value), None
    if isinstance(value, (datetime, date, time, pd.Timestamp)):
        return None, "not_a_number"
    text = str(value).replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not text:
        return None, "empty"
    if _PLAIN_NUM.match(text):
        return _to_float(text), None
    if _STARS.match(text) and any(ch in text for ch in "★⭐*"):
        return float(sum(text.count(ch) for ch in "★⭐*")), None
    m = _LEAD_NUM.match(text)
    if m:
        num, rest = m.group(1), m.group(2)
        if rest[:1].isdigit():
            return None, "not_a_number"
        o = _OUT_OF.match(rest)
        if o:
            if int(o.group(1)) != scale.high or re.search(r"\d", o.group(2)):
                return None, "not_a_number"
            rest = o.group(2)
        if re.search(r"\d", rest):
            return None, "not_a_number"
        # the number must be followed by a separator, a star or a label
        if rest and not re.match(r"^[\s\-–—:.)(\[★⭐*/=]|^[^\W\d_]", rest):
            return None, "not_a_number"
        return _to_float(num), None
    key = _norm_answer(text)
    table = word_table(scale)
    if key in table:
        return float(table[key]), None
    return None, "not_a_number"


@dataclass
class CleanedScores:
    """Result of :func:`clean_scores`: valid scores and every rejected row, with its reason."""
    values: pd.Series            # int64 scores of the valid rows (original index kept)
    invalid_rows: list[dict[str, Any]]
    metric: str
    scale: str
    n_rows: int
    valid_mask: np.ndarray       # positional boolean mask of valid rows

    @property
    def n_valid(self) -> int:
        return int(self.valid_mask.sum())

    def invalid_summary(self) -> dict[str, int]:
        out = {r: 0 for r in ("empty", "not_a_number", "not_integer", "out_of_range")}
        for row in self.invalid_rows:
            out[row["reason"]] = out.get(row["reason"], 0) + 1
        return out


def _line_getter(lines: Any, n: int) -> Callable[[np.ndarray], list[int]]:
    if lines is None:
        return lambda pos: (pos + 2).tolist()
    if isinstance(lines, LineMap):
        return lambda pos: lines.array[pos].tolist()
    if callable(lines):
        return lambda pos: [int(lines(int(p))) for p in pos]
    arr = np.asarray(lines, dtype="int64")
    return lambda pos: arr[pos].tolist()


def _display(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.isoformat(sep=" ")
    return str(value)


def _resolve_scale(metric: str, scale: Any) -> Scale:
    metric = str(metric).lower()
    if metric == "ces":
        return get_scale("ces", 7 if scale is None else scale)
    sc = get_scale(metric)
    if scale is not None and str(scale).replace(" ", "") not in (sc.label, str(sc.high)):
        raise MetricsInputError("bad_scale", scale=scale, metric=metric)
    return sc


_R_OK, _R_EMPTY, _R_NAN, _R_NOTINT, _R_RANGE, _R_DATE = range(6)
_REASON_NAMES = np.array(["", "empty", "not_a_number", "not_integer", "out_of_range", "bad_date"],
                         dtype=object)
_REASON_CODE = {name: i for i, name in enumerate(_REASON_NAMES) if name}


def _invalid_list(s: pd.Series, reason: np.ndarray, lines: Any) -> list[dict[str, Any]]:
    bad_pos = np.flatnonzero(reason != _R_OK)
    if not len(bad_pos):
        return []
    line_nos = _line_getter(lines, len(s))(bad_pos)
    raw = s.iloc[bad_pos].to_numpy(dtype=object)
    return [{"line": int(ln), "value": _display(v), "reason": str(_REASON_NAMES[r])}
            for ln, v, r in zip(line_nos, raw, reason[bad_pos])]


def clean_scores(series: pd.Series, metric: str, scale: Any = None, *,
                 lines: Any = None) -> CleanedScores:
    """Turn a raw answer column into valid integer scores and a list of rejected rows.

    ``scale``: for CES 7 (default, "made it easy" agreement) or 5 (older effort scale);
    for NPS/CSAT leave None (or give "0-10"/"1-5").  ``lines`` maps row positions to what the
    user sees (an :class:`LineMap`, array, or callable); default position + 2 (header = line 1).
    Each rejected row is ``{"line", "value", "reason"}`` with reason ``empty``,
    ``not_a_number``, ``not_integer`` or ``out_of_range``.

    Numeric columns are checked with array operations only; text columns are factorised and
    only their *distinct* values are parsed (``pd.to_numeric`` first, then the text rules).
    """
    sc = _resolve_scale(metric, scale)
    s = series if isinstance(series, pd.Series) else pd.Series(list(series), dtype=object)
    n = len(s)
    if s.dtype.kind in "iu":  # integer column without gaps: the common, fastest case
        arr = s.to_numpy()
        if n == 0 or (arr.min() >= sc.low and arr.max() <= sc.high):
            # all in range (the usual case): two reductions, no per-row reason array
            return CleanedScores(values=s.astype("int64"), invalid_rows=[], metric=sc.metric,
                                 scale=sc.label, n_rows=n, valid_mask=np.ones(n, dtype=bool))
        reason = np.zeros(n, dtype="int8")
        reason[(arr < sc.low) | (arr > sc.high)] = _R_RANGE
        ok = reason == _R_OK
        values = s.astype("int64") if ok.all() else \
            pd.Series(arr[ok].astype("int64"), index=s.index[ok], name=s.name, copy=False)
        return CleanedScores(values=values, invalid_rows=_invalid_list(s, reason, lines),
                             metric=sc.metric, scale=sc.label, n_rows=n, valid_mask=ok)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        num = s.to_numpy(dtype="float64", na_value=np.nan, copy=True)
        reason = np.where(np.isnan(num), _R_EMPTY, _R_OK).astype("int8")
    else:
        codes, uniq = pd.factorize(s, use_na_sentinel=True)
        u = pd.Series(np.asarray(uniq, dtype=object), dtype=object)
        u_num = pd.to_numeric(u, errors="coerce").to_numpy(dtype="float64", na_value=np.nan,
                                                           copy=True)
        u_reason = np.zeros(len(u) + 1, dtype="int8")  # last slot: code -1 (missing)
        u_reason[-1] = _R_EMPTY
        for i in np.flatnonzero(np.isnan(u_num)):
            v, r = parse_answer(u.iat[i], sc)
            if v is None:
                u_reason[i] = _REASON_CODE[r or "not_a_number"]
            else:
                u_num[i] = v
        u_num = np.append(u_num, np.nan)
        num = u_num[codes]           # code -1 picks the appended NaN / EMPTY slot
        reason = u_reason[codes]
    has_num = (reason == _R_OK) & ~np.isnan(num)
    with np.errstate(invalid="ignore"):
        out_rng = has_num & ((num < sc.low) | (num > sc.high))
        not_int = has_num & ~out_rng & (num != np.floor(num))
    reason[out_rng] = _R_RANGE
    reason[not_int] = _R_NOTINT
    reason[(reason == _R_OK) & np.isnan(num)] = _R_EMPTY
    ok = reason == _R_OK
    if ok.all():
        values = pd.Series(num.astype("int64"), index=s.index, name=s.name, copy=False)
    else:
        values = pd.Series(num[ok].astype("int64"), index=s.index[ok], name=s.name, copy=False)
    return CleanedScores(values=values, invalid_rows=_invalid_list(s, reason, lines),
                         metric=sc.metric, scale=sc.label, n_rows=n, valid_mask=ok)


# =========================================================================== dates
@dataclass
class ParsedDates:
    dates: pd.Series | None          # datetime64 (naive), NaT where not usable; see _parse_dates
    invalid_rows: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    order: str                       # "day_first" | "month_first" | "excel_serial" | "native"
    invalid_positions: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"))
    # text columns: factorisation (codes, −1 = missing) and the date of each distinct value,
    # so that grouping by period only touches the distinct values
    codes: np.ndarray | None = field(default=None, repr=False)
    unique_dates: np.ndarray | None = field(default=None, repr=False)


_DAY_FIRST = ["%d/%m/%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %I:%M:%S %p",
              "%d/%m/%Y %I:%M %p", "%d-%m-%Y", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
              "%d.%m.%Y", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d/%m/%y", "%d/%m/%y %H:%M",
              "%d.%m.%y"]
_MONTH_FIRST = [f.replace("%d", "§").replace("%m", "%d").replace("§", "%m") for f in _DAY_FIRST]
_YEAR_FIRST = ["ISO8601", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %I:%M:%S %p", "%Y/%m/%d %H:%M",
               "%Y/%m/%d", "%Y.%m.%d"]
_AMPM = [(re.compile(r"\s*π\.?\s?μ\.?(?=\s|$)", re.I), " AM"),
         (re.compile(r"\s*μ\.?\s?μ\.?(?=\s|$)", re.I), " PM")]
_TZ_TAIL = re.compile(r"\s+(?:[A-Z]{2,5}|(?:GMT|UTC)\s?[+-]\d{1,2}(?::?\d{2})?)$")


def _normalise_date_text(u: pd.Series) -> pd.Series:
    t = u.str.strip()
    for rx, rep in _AMPM:
        t = t.str.replace(rx, rep, regex=True)
    return t.str.replace(_TZ_TAIL, "", regex=True).str.replace(r"\s+", " ", regex=True)


def _try_formats(u: pd.Series, formats: list[str]) -> pd.Series:
    """Parse the unique strings ``u`` trying formats in order (most successful on a sample first)."""
    out = pd.Series(pd.NaT, index=u.index, dtype="datetime64[ns]")
    sample = u.head(200)

    def attempt(vals: pd.Series, fmt: str) -> pd.Series:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            try:
                r = pd.to_datetime(vals, format=fmt, errors="coerce")
            except (ValueError, TypeError, OverflowError):
                try:
                    r = pd.to_datetime(vals, format=fmt, errors="coerce", utc=True)
                except (ValueError, TypeError, OverflowError):
                    return pd.Series(pd.NaT, index=vals.index, dtype="datetime64[ns]")
        if getattr(r.dt, "tz", None) is not None:
            r = r.dt.tz_localize(None)
        return r.astype("datetime64[ns]")

    # rank the formats on a sample; stop at the first that reads the whole sample
    hits: dict[str, int] = {}
    on_sample: dict[str, pd.Series] = {}
    for fmt in formats:
        on_sample[fmt] = attempt(sample, fmt)
        hits[fmt] = int(on_sample[fmt].notna().sum())
        if hits[fmt] == len(sample):
            break
    ranked = sorted(formats, key=lambda f: -hits.get(f, 0))
    remaining = u
    for fmt in ranked:
        if remaining.empty:
            break
        if remaining is u and len(sample) == len(u) and fmt in on_sample:
            r = on_sample[fmt]  # the sample is all of u: no second parse
        else:
            r = attempt(remaining, fmt)
        good = r.notna()
        if remaining is u and good.all():
            return r  # the best format reads every value: nothing to merge
        if good.any():
            out.loc[r.index[good]] = r[good]
            remaining = remaining[~good]
    return out


def _excel_serial(num: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = (num >= 1) & (num < 2958466)
    d = np.full(len(num), np.datetime64("NaT"), dtype="datetime64[ns]")
    base = np.datetime64("1899-12-30", "ns")
    d[ok] = base + (num[ok] * 86400e9).round().astype("int64").astype("timedelta64[ns]")
    return d, ok


def _parse_unique_dates(u: pd.Series, dayfirst: bool) -> tuple[np.ndarray, str, list[dict]]:
    """Parse distinct raw values (strings, datetimes, numbers) → datetime64[ns] array."""
    out = np.full(len(u), np.datetime64("NaT"), dtype="datetime64[ns]")
    warn: list[dict[str, Any]] = []
    is_dt = np.array([isinstance(v, (datetime, date, pd.Timestamp)) for v in u], dtype=bool)
    is_num = np.array([isinstance(v, (int, float, np.integer, np.floating))
                       and not isinstance(v, (bool, np.bool_)) for v in u], dtype=bool)
    if is_dt.any():
        conv = pd.to_datetime(pd.Series(list(u[is_dt]), dtype=object), errors="coerce", utc=True)
        out[is_dt] = conv.dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    if is_num.any():
        out[is_num] = _excel_serial(u[is_num].to_numpy(dtype="float64"))[0]
    order = "day_first" if dayfirst else "month_first"
    is_str = ~is_dt & ~is_num
    if is_str.any():
        strs = pd.Series([str(v) for v in u[is_str]], dtype=object).str.strip()
        strs = strs[strs != ""]
        if len(strs):
            cand = (_DAY_FIRST if dayfirst else _MONTH_FIRST) + _YEAR_FIRST
            parsed = _try_formats(strs, cand)
            left = strs[parsed.isna()]
            if len(left):
                parsed.loc[left.index] = _try_formats(_normalise_date_text(left), cand)
            if dayfirst and parsed.isna().any():
                # month-first export (03/15/2026)? only if no value contradicts it
                alt = _try_formats(_normalise_date_text(strs), _MONTH_FIRST)
                only_mf = int((alt.notna() & parsed.isna()).sum())
                only_df = int((parsed.notna() & alt.isna()).sum())
                if only_mf > 0 and only_df == 0:
                    parsed = alt
                    order = "month_first"
                    warn.append({"code": "dates_month_first",
                                 "message": "Dates were read as month/day/year (US order)."})
            idx = np.flatnonzero(is_str)[strs.index.to_numpy()]
            out[idx] = parsed.to_numpy(dtype="datetime64[ns]")
    return out, order, warn


def parse_dates(series: pd.Series, *, dayfirst: bool = True, lines: Any = None) -> ParsedDates:
    """Parse a date column: dd/mm/yyyy (day first, Greek default), ISO, Google Forms
    timestamps ("2026/03/15 10:23:11 π.μ. EET"), Excel serial numbers, native datetimes.
    Unusable values become NaT and are listed in ``invalid_rows`` (reasons ``bad_date``,
    ``empty``); they only drop out of the breakdown by period.  Text columns are factorised
    and only distinct values are parsed."""
    return _parse_dates(series, dayfirst=dayfirst, lines=lines)


def _parse_dates(series: pd.Series, *, dayfirst: bool = True, lines: Any = None,
                 with_dates: bool = True) -> ParsedDates:
    """:func:`parse_dates`.  ``with_dates=False`` leaves ``dates`` None for a text column:
    ``analyze_table`` groups by ``codes``/``unique_dates`` and never needs the per-row
    Series (one gather of a million rows less)."""
    s = series if isinstance(series, pd.Series) else pd.Series(list(series), dtype=object)
    warn: list[dict[str, Any]] = []
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        dates = s
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_localize(None)
        d = dates.to_numpy(dtype="datetime64[ns]")
        reason = np.where(np.isnat(d), _R_EMPTY, _R_OK).astype("int8")
        order = "native"
    elif pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        num = s.to_numpy(dtype="float64", na_value=np.nan)
        d, ok = _excel_serial(num)
        reason = np.where(np.isnan(num), _R_EMPTY, np.where(ok, _R_OK, _R_DATE)).astype("int8")
        order = "excel_serial"
    else:
        codes, uniq = pd.factorize(s, use_na_sentinel=True)
        u = pd.Series(np.asarray(uniq, dtype=object), dtype=object)
        u_d, order, warn = _parse_unique_dates(u, dayfirst)
        u_blank = np.array([isinstance(v, str) and not v.strip() for v in u], dtype=bool)
        u_reason = np.where(u_blank, _R_EMPTY, np.where(np.isnat(u_d), _R_DATE, _R_OK))
        u_reason = np.append(u_reason, _R_EMPTY).astype("int8")
        u_d = np.append(u_d, np.datetime64("NaT"))
        # copy=False: the gathered array is new (pandas 3 would copy it again)
        dates = pd.Series(u_d[codes], index=s.index, name=s.name, copy=False) \
            if with_dates else None
        if u_reason[:-1].any() or (len(codes) and codes.min() < 0):
            reason = u_reason[codes]
            invalid_rows = _invalid_list(s, reason, lines)
            invalid_positions = np.flatnonzero(reason != _R_OK)
        else:  # every distinct value is a usable date and none is missing: no per-row pass
            invalid_rows, invalid_positions = [], np.zeros(0, dtype="int64")
        return ParsedDates(dates=dates, invalid_rows=invalid_rows, warnings=warn, order=order,
                           invalid_positions=invalid_positions,
                           codes=codes, unique_dates=u_d[:-1])
    dates = pd.Series(d, index=s.index, name=s.name)
    return ParsedDates(dates=dates, invalid_rows=_invalid_list(s, reason, lines),
                       warnings=warn, order=order,
                       invalid_positions=np.flatnonzero(reason != _R_OK))


# =========================================================================== column guessing
def _kw(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# (normalised-header regex, weight); headers are normalised with text.norm (no accents,
# casefolded, final sigma → σ)
KEYWORDS: dict[str, list[tuple[re.Pattern, float]]] = {
    "nps": [(_kw(r"(?<![a-z])nps(?![a-z])"), 5), (_kw(r"net promoter"), 5),
            (_kw(r"recommend"), 4), (_kw(r"προτειν|προτεινα|συστησ|συστασ"), 4),
            (_kw(r"πιθανο να"), 2), (_kw(r"likely"), 2), (_kw(r"πιθαν"), 1)],
    "csat": [(_kw(r"(?<![a-z])csat(?![a-z])"), 5), (_kw(r"ικανοποι"), 4),
             (_kw(r"satisf"), 4), (_kw(r"δυσαρεστ"), 2)],
    "ces": [(_kw(r"(?<![a-z])ces(?![a-z])"), 5), (_kw(r"customer effort"), 5),
            (_kw(r"ευκολ"), 4), (_kw(r"(?<![a-z])eas(?:y|ily|e)(?![a-z])"), 4),
            (_kw(r"effort"), 4), (_kw(r"προσπαθει"), 4), (_kw(r"δυσκολ|difficult"), 1)],
    "date": [(_kw(r"χρονικη σημανση"), 6), (_kw(r"timestamp"), 6), (_kw(r"ημερομην"), 5),
             (_kw(r"ημ/νια|ημ\.?νια"), 4), (_kw(r"(?<![a-z])date(?![a-z])"), 4),
             (_kw(r"submitted|submission|υποβολη"), 3), (_kw(r"created|ωρα|(?<![a-z])time(?![a-z])"), 1)],
    "segment": [(_kw(r"segment|τμημα πελατ"), 5), (_kw(r"καταστημα"), 5), (_kw(r"καναλι"), 5),
                (_kw(r"(?<![a-z])store(?![a-z])"), 5), (_kw(r"channel"), 5),
                (_kw(r"branch|(?<![a-z])shop(?![a-z])|outlet"), 4),
                (_kw(r"τμημα|department|τοποθεσια|location|περιοχη|region|(?<![a-z])πολη|city"), 2)],
}
# a generic "score"/"rating" header may be any metric; the values decide
_GENERIC_SCORE = _kw(r"score|rating|βαθμολογ|αξιολογ|βαθμο")
ROLES = ("nps", "csat", "ces", "date", "segment")


def _head_non_null(col: pd.Series, k: int) -> pd.Series:
    """``col.dropna().head(k)`` without scanning and copying the whole column: ``dropna`` on
    a growing head until it holds ``k`` values (same values, same index)."""
    m = k
    while True:
        part = col.iloc[:m].dropna()
        if len(part) >= k or m >= len(col):
            return part.head(k)
        m *= 8


def _score_fit(col: pd.Series, metric: str) -> tuple[float, float]:
    """(share of a sample that cleans to valid scores for ``metric``, max valid value)."""
    sample = _head_non_null(col, 300)
    if sample.empty:
        return 0.0, 0.0
    scale = 7 if metric == "ces" else None
    cleaned = clean_scores(sample.reset_index(drop=True), metric, scale)
    frac = cleaned.n_valid / len(sample)
    mx = float(cleaned.values.max()) if cleaned.n_valid else 0.0
    return frac, mx


def guess_columns(df: pd.DataFrame) -> dict[str, str | None]:
    """Guess which columns hold NPS, CSAT, CES, the date and the segment.

    Header keywords in Greek and English decide; the values break ties and veto columns
    whose values do not fit (e.g. a free-text "why would you recommend us?" column).
    Each column gets at most one role.  Returns ``{"nps", "csat", "ces", "date", "segment"}``
    → column name or None."""
    candidates: list[tuple[float, int, str, str]] = []
    for idx, col in enumerate(df.columns):
        h = norm(col)
        series = df[col]
        for role in ROLES:
            kw = max((w for rx, w in KEYWORDS[role] if rx.search(h)), default=0.0)
            if role in ("nps", "csat", "ces"):
                if kw == 0 and _GENERIC_SCORE.search(h):
                    kw = 0.5
                if kw == 0:
                    continue
                frac, mx = _score_fit(series, role)
                if frac < 0.5:
                    continue
                # range tie-breaker: NPS uses values above 7, CES 6–7, CSAT at most 5
                fit = {"nps": 1.0 if mx > 7 else 0.0,
                       "ces": 1.0 if 5 < mx <= 7 else (0.3 if mx <= 5 else 0.0),
                       "csat": 1.0 if mx <= 5 else 0.0}[role]
                if kw < 1 and fit == 0:
                    continue
                score = kw + frac + fit
            elif role == "date":
                is_dt = pd.api.types.is_datetime64_any_dtype(series.dtype)
                if kw == 0 and not is_dt:
                    continue
                sample = _head_non_null(series, 200)
                if sample.empty:
                    continue
                frac = 1.0 if is_dt else float(parse_dates(sample).dates.notna().mean())
                if frac < 0.5:
                    continue
                score = (kw or 0.5) + frac
            else:
                if kw == 0:
                    continue
                sample = _head_non_null(series, 1000)
                if sample.empty:
                    continue
                nun = sample.astype(str).nunique()
                score = kw + (1.0 if nun <= max(50, len(sample) // 2) else 0.0)
            candidates.append((score, -idx, role, col))
    candidates.sort(reverse=True)
    out: dict[str, str | None] = {r: None for r in ROLES}
    used: set[str] = set()
    for score, _, role, col in candidates:
        if out[role] is None and col not in used:
            out[role] = col
            used.add(col)
    return out
