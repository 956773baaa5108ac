"""Score cleaning: a raw answer column → valid integer scores and every rejected row with why.

Numeric columns are checked with array operations only; text columns are factorised and only
their *distinct* values go through :func:`surveys.answers.parse_answer`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .answers import parse_answer
from .errors import SurveyInputError
from .rows import R_EMPTY, R_NOTINT, R_OK, R_RANGE, REASON_CODE, factorize, invalid_list
from .scales import Scale, get_scale


@dataclass
class CleanedScores:
    """Result of :func:`clean_scores`: valid scores and every rejected row, with its reason."""
    values: pd.Series            # integer scores of the valid rows (int64, or the column's own
                                 # narrower integer type), original index kept
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


def resolve_scale(metric: str, scale: Any) -> Scale:
    metric = str(metric).lower()
    if metric == "ces":
        return get_scale("ces", 7 if scale is None else scale)
    sc = get_scale(metric)
    if scale is not None and str(scale).replace(" ", "") not in (sc.label, str(sc.high)):
        raise SurveyInputError("bad_scale", scale=scale, metric=metric)
    return sc


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
    sc = resolve_scale(metric, scale)
    s = series if isinstance(series, pd.Series) else pd.Series(list(series), dtype=object)
    n = len(s)
    if s.dtype.kind in "iu":  # integer column without gaps: the common, fastest case
        arr = s.to_numpy()
        if n == 0 or (arr.min() >= sc.low and arr.max() <= sc.high):
            # all in range (the usual case): two reductions, no per-row reason array
            # a narrower integer column (the CSV reader's int8 scores) is used as it is: an int64
            # copy would cost 8 MB per million rows and change no count
            values = s if s.dtype.kind == "i" else s.astype("int64")
            return CleanedScores(values=values, invalid_rows=[], metric=sc.metric,
                                 scale=sc.label, n_rows=n, valid_mask=np.ones(n, dtype=bool))
        reason = np.zeros(n, dtype="int8")
        reason[(arr < sc.low) | (arr > sc.high)] = R_RANGE
        ok = reason == R_OK
        values = s.astype("int64") if ok.all() else \
            pd.Series(arr[ok].astype("int64"), index=s.index[ok], name=s.name, copy=False)
        return CleanedScores(values=values, invalid_rows=invalid_list(s, reason, lines),
                             metric=sc.metric, scale=sc.label, n_rows=n, valid_mask=ok)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        num = s.to_numpy(dtype="float64", na_value=np.nan, copy=True)
        reason = np.where(np.isnan(num), R_EMPTY, R_OK).astype("int8")
    else:
        codes, uniq = factorize(s)
        u = pd.Series(np.asarray(uniq, dtype=object), dtype=object)
        u_num = pd.to_numeric(u, errors="coerce").to_numpy(dtype="float64", na_value=np.nan,
                                                           copy=True)
        u_reason = np.zeros(len(u) + 1, dtype="int8")  # last slot: code -1 (missing)
        u_reason[-1] = R_EMPTY
        for i in np.flatnonzero(np.isnan(u_num)):
            v, r = parse_answer(u.iat[i], sc)
            if v is None:
                u_reason[i] = REASON_CODE[r or "not_a_number"]
            else:
                u_num[i] = v
        u_num = np.append(u_num, np.nan)
        num = u_num[codes]           # code -1 picks the appended NaN / EMPTY slot
        reason = u_reason[codes]
    has_num = (reason == R_OK) & ~np.isnan(num)
    with np.errstate(invalid="ignore"):
        out_rng = has_num & ((num < sc.low) | (num > sc.high))
        not_int = has_num & ~out_rng & (num != np.floor(num))
    reason[out_rng] = R_RANGE
    reason[not_int] = R_NOTINT
    reason[(reason == R_OK) & np.isnan(num)] = R_EMPTY
    ok = reason == R_OK
    if ok.all():
        values = pd.Series(num.astype("int64"), index=s.index, name=s.name, copy=False)
    else:
        values = pd.Series(num[ok].astype("int64"), index=s.index[ok], name=s.name, copy=False)
    return CleanedScores(values=values, invalid_rows=invalid_list(s, reason, lines),
                         metric=sc.metric, scale=sc.label, n_rows=n, valid_mask=ok)
