"""Row problems: why a row was not counted, and on which line of the file the user finds it.

Every rejected row is reported as ``{"line", "value", "reason"}``; ``line`` is what the user
sees in the file (CSV: the physical line where the record starts, header = line 1; XLSX: the
Excel row number), ``value`` the raw cell as text.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

REASONS = ("empty", "not_a_number", "not_integer", "out_of_range", "bad_date")

# Reason codes in per-row int8 arrays: 0 = valid.
R_OK, R_EMPTY, R_NAN, R_NOTINT, R_RANGE, R_DATE = range(6)
REASON_NAMES = np.array(["", "empty", "not_a_number", "not_integer", "out_of_range", "bad_date"],
                        dtype=object)
REASON_CODE = {name: i for i, name in enumerate(REASON_NAMES) if name}


class LineMap:
    """Maps a row position (0-based, as in the DataFrame) to the line/row number a user sees.

    Computed lazily (a CSV needs a second pass over the text when it has quotes or blank
    lines), only when something has to be reported."""

    def __init__(self, compute: Callable[[], np.ndarray]):
        self._compute = compute
        self._lines: np.ndarray | None = None

    @classmethod
    def from_array(cls, lines: Sequence[int]) -> LineMap:
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


def _all_used(codes: np.ndarray, n_cats: int) -> bool:
    """Whether every category code 0..n_cats-1 occurs, counted in slices of 128k rows (bincount
    widens its input to 64-bit integers: a whole column at once would be a 8 MB temporary)."""
    seen = np.zeros(n_cats + 1, dtype="int64")
    for i in range(0, len(codes), 1 << 17):
        seen += np.bincount(codes[i:i + (1 << 17)] + 1, minlength=n_cats + 1)
    return bool(seen[1:].all())


def factorize(s: pd.Series, *, categories_occur: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(code of every row, −1 = missing; the distinct values as an object array).

    A categorical column (a text column pyarrow read dictionary-encoded) already is this: its
    codes and categories are used as they are, with no pass over a million strings.
    ``categories_occur``: the caller knows that every category occurs (a column as the CSV
    reader returned it, see :attr:`ImportedTable.complete_categories`), so that is not checked."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.array.codes   # a read-only view (``s.cat.codes`` copies a million codes)
        cats = s.cat.categories
        if len(cats) == 0 or categories_occur or _all_used(codes, len(cats)):
            return codes, np.asarray(cats, dtype=object)
        # unused categories would read as values of the file: factorise what is there
    codes, uniq = pd.factorize(s, use_na_sentinel=True)
    return codes, np.asarray(uniq, dtype=object)


def _line_getter(lines: Any) -> Callable[[np.ndarray], list[int]]:
    if lines is None:
        return lambda pos: (pos + 2).tolist()
    if isinstance(lines, LineMap):
        return lambda pos: lines.array[pos].tolist()
    if callable(lines):
        return lambda pos: [int(lines(int(p))) for p in pos]
    arr = np.asarray(lines, dtype="int64")
    return lambda pos: arr[pos].tolist()


def display(value: Any) -> str:
    """A raw cell as the user typed it ('' for a missing value, 9 rather than 9.0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.isoformat(sep=" ")
    return str(value)


def invalid_list(s: pd.Series, reason: np.ndarray, lines: Any) -> list[dict[str, Any]]:
    """The rows of ``s`` whose ``reason`` code is not R_OK, as ``{"line", "value", "reason"}``.

    ``lines``: a :class:`LineMap`, an array or a callable (position → line); default
    position + 2 (header = line 1)."""
    bad_pos = np.flatnonzero(reason != R_OK)
    if not len(bad_pos):
        return []
    line_nos = _line_getter(lines)(bad_pos)
    raw = s.iloc[bad_pos].to_numpy(dtype=object)
    return [{"line": int(ln), "value": display(v), "reason": str(REASON_NAMES[r])}
            for ln, v, r in zip(line_nos, raw, reason[bad_pos], strict=True)]
