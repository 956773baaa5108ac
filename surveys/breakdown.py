"""Breakdowns by period (month or quarter) and by segment (store, channel …).

One implementation, used by :func:`surveys.analysis.analyze_table` (the app, the CLI, the
bench) and by the :func:`by_period` / :func:`by_segment` shortcuts: rows get small integer
group codes, computed on the *distinct* values only; one count over
(period, segment, score) then gives the total, every period and every segment at once.

Group codes are kept factorised as :class:`Factors`: ``codes`` of the distinct values (−1 =
missing), ``remap`` from distinct value to group code (a last entry −1 for code −1) and the
``labels``; the group code of row i is ``remap[codes[i]]``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from i18n.greek import sort_key

from .dates import parse_dates
from .errors import SurveyInputError
from .rows import factorize
from .scales import Scale, get_scale
from .statistics import MetricResult, MetricWarning, result_from_counts, valid_scores

MAX_CUBE = 4_000_000  # bins of the (period × segment × score) count cube
FREQS = {"M": "M", "ME": "M", "MS": "M", "MONTH": "M", "Q": "Q", "QE": "Q", "QS": "Q", "QUARTER": "Q"}


class Factors(NamedTuple):
    codes: np.ndarray
    remap: np.ndarray
    labels: list[str]

    def row_codes(self) -> np.ndarray:
        return self.remap[self.codes]


class Counts(NamedTuple):
    """Score counts (columns low..high of the scale): ``total``; ``per_period`` and
    ``per_segment`` have one row per label plus a first row for rows without a group."""
    total: np.ndarray
    per_period: np.ndarray | None
    per_segment: np.ndarray | None


# --------------------------------------------------------------------------- group codes
def segment_factors(segments: pd.Series, *, categories_occur: bool = False) -> Factors:
    """Segment values are stripped; empty/missing → −1; labels are sorted Greek-aware (accents
    stripped, casefolded, ties by the original).  Only the distinct values are handled in Python.
    ``categories_occur``: see :func:`surveys.rows.factorize`."""
    codes, uniq = factorize(segments, categories_occur=categories_occur)
    stripped = [str(u).strip() for u in uniq]
    labels = sorted({x for x in stripped if x}, key=sort_key)
    pos = {lab: i for i, lab in enumerate(labels)}
    remap = np.array([pos.get(x, -1) for x in stripped] + [-1], dtype="int64")
    return Factors(codes, remap, labels)


def check_freq(freq: str) -> str:
    f = FREQS.get(str(freq).upper())
    if f is None:
        raise SurveyInputError("bad_freq", freq=freq)
    return f


def period_factors(dates: pd.Series | np.ndarray | None, freq: str = "M", *,
                   factorized: tuple[np.ndarray, np.ndarray] | None = None) -> Factors:
    """Periods by month ("2026-03") or quarter ("2026Q1"); NaT → −1.  Labels run
    chronologically from the first to the last period (gaps included).  ``factorized`` =
    (codes, distinct dates) skips the factorisation when already known."""
    f = check_freq(freq)
    if factorized is not None:
        codes, uniq = factorized
    else:
        if isinstance(dates, pd.Series) and getattr(getattr(dates, "dt", None), "tz", None) is not None:
            dates = dates.dt.tz_localize(None)
        d64 = np.asarray(dates, dtype="datetime64[ns]")
        # calendar arithmetic only on the distinct dates
        codes, uniq = pd.factorize(d64, use_na_sentinel=True)
    u = np.asarray(uniq, dtype="datetime64[ns]")
    valid_u = ~np.isnat(u)
    if not valid_u.any():
        return Factors(codes, np.full(len(u) + 1, -1, dtype="int64"), [])
    ukeys = u.astype("datetime64[M]").astype("int64")
    if f == "Q":
        ukeys = ukeys // 3
    lo, hi = int(ukeys[valid_u].min()), int(ukeys[valid_u].max())
    remap = np.append(np.where(valid_u, ukeys - lo, -1), -1).astype("int64")
    return Factors(codes, remap, [_period_label(k, f) for k in range(lo, hi + 1)])


def _period_label(key: int, f: str) -> str:
    """Label of a month (months since 1970-01) or quarter key: "2026-03" / "2026Q1"."""
    if f == "Q":
        return f"{1970 + key // 4}Q{key % 4 + 1}"
    return f"{1970 + key // 12:04d}-{key % 12 + 1:02d}"


# --------------------------------------------------------------------------- counting
def group_counts(codes: np.ndarray, n_groups: int, scores: np.ndarray, scale: Scale
                 ) -> tuple[np.ndarray, np.ndarray | None]:
    """Score counts per group with one bincount: ``codes`` (int, −1 = no group) aligned with
    valid ``scores``.  Returns (n_groups × width counts, counts of the rows without group or None)."""
    width = scale.high - scale.low + 1
    codes = np.asarray(codes, dtype="int64")
    sc = np.asarray(scores, dtype="int64") - scale.low
    has = codes >= 0
    if has.all():
        flat = np.bincount(codes * width + sc, minlength=n_groups * width)
        return flat.reshape(n_groups, width), None
    flat = np.bincount(codes[has] * width + sc[has], minlength=n_groups * width)
    return flat.reshape(n_groups, width), np.bincount(sc[~has], minlength=width)


def _distinct_key(periods: Factors | None, segments: Factors | None, n_rows: int,
                  p_step: int, s_step: int, bins: int) -> np.ndarray:
    """Row key (period code + 1) · ``p_step`` + (segment code + 1) · ``s_step`` of the distinct
    raw values, in two bytes a row when the bins allow it (a month of dates × a few stores),
    else four. Computed in place in the key's own type: three or four passes over the rows and
    no temporaries (a million-row key in 2 MB). In two bytes the arithmetic is modulo 2**16:
    code −1 wraps round, and since the key itself is below 2**16 it comes out exact."""
    typ = np.uint16 if bins <= 1 << 16 else np.int32
    key = np.zeros(n_rows, dtype=typ)
    offset = 0
    if periods is not None:
        np.multiply(periods.codes, typ(p_step), out=key, dtype=typ, casting="unsafe")
        offset += p_step
    if segments is not None:
        part = np.multiply(segments.codes, typ(s_step), dtype=typ, casting="unsafe")
        np.add(key, part, out=key)
        offset += s_step
    np.add(key, typ(offset), out=key)
    return key


def _fold(counts: np.ndarray, f: Factors, n_groups: int) -> np.ndarray:
    """Counts per distinct raw value (row 0: missing) summed onto the groups (row 0: none)."""
    out = np.zeros((n_groups, counts.shape[1]), dtype="int64")
    np.add.at(out, np.concatenate(([0], f.remap[:-1] + 1)), counts)
    return out


def count_groups(scores: np.ndarray, mask: np.ndarray, periods: Factors | None,
                 segments: Factors | None, scale: Scale, *, n_rows: int,
                 cache: dict[Any, Any] | None = None, cache_key: Any = None) -> Counts:
    """Counts of the valid ``scores`` (``mask``: which of the ``n_rows`` rows they are) in
    total, per period and per segment.

    The composite row key ((period + 1) · n_segments + (segment + 1)) · 11 does not depend on
    the metric, so it is kept in ``cache`` under ``cache_key`` and shared by NPS, CSAT and CES."""
    width = scale.high - scale.low + 1
    p_labels = periods.labels if periods is not None else []
    s_labels = segments.labels if segments is not None else []
    n_p, n_s = len(p_labels) + 1, len(s_labels) + 1
    all_valid = bool(mask.all())
    # score slots per group: 0..10 for every scale, so that the row keys are shared by NPS,
    # CSAT and CES and a score is added as it is (slots below ``low`` stay empty)
    slots = max(11, scale.high + 1)
    cache = {} if cache is None else cache
    n_pu = len(periods.remap) - 1 if periods is not None else 0   # distinct raw values
    n_su = len(segments.remap) - 1 if segments is not None else 0
    if (n_pu + 1) * (n_su + 1) * slots <= MAX_CUBE:
        # Count by distinct raw value first (the row key is plain arithmetic on the codes, int32:
        # no per-row gather), then fold the small cube onto the periods and segments.
        bins = (n_pu + 1) * (n_su + 1) * slots
        ckey = ("distinct_key", cache_key, slots)
        if ckey not in cache:
            cache[ckey] = _distinct_key(periods, segments, n_rows, (n_su + 1) * slots, slots, bins)
        key = cache[ckey] if all_valid else cache[ckey][mask]
        # key + score (< bins) in the key's own type, counted by ``np.add.at``: numpy 2's indexed
        # loop takes two-byte indices as they are, where ``bincount`` first widens every one to
        # eight bytes (a fifth less CPU per metric here, and a 2 MB temporary instead of 8). The
        # bins in four bytes (a count never exceeds the rows) and a four-byte 1 to add: the same
        # typed loop, a quarter faster than into eight bytes (a Python ``1`` would take numpy's
        # slow generic path for an int32 table)
        small = np.zeros(bins, dtype=np.int32 if n_rows < 1 << 31 else np.int64)
        np.add.at(small, np.add(key, scores, dtype=key.dtype, casting="unsafe"), small.dtype.type(1))
        small = small.reshape(n_pu + 1, n_su + 1, slots)[:, :, scale.low:scale.high + 1]
        # distinct value i (0 = missing) -> group row (0 = no group); each table summed over the
        # other dimension first, then its distinct values folded onto their groups
        by_date, by_seg = small.sum(axis=1, dtype=np.int64), small.sum(axis=0, dtype=np.int64)
        return Counts(by_seg.sum(axis=0),
                      _fold(by_date, periods, n_p) if periods is not None else None,
                      _fold(by_seg, segments, n_s) if segments is not None else None)
    if n_p * n_s * slots <= MAX_CUBE:
        ckey = ("composite", cache_key, slots)
        if ckey not in cache:
            # gathered straight from small per-distinct-value tables (code −1 picks their last
            # entry: no group)
            if periods is not None:
                comp = np.take((periods.remap + 1) * (n_s * slots), periods.codes)
            else:
                comp = np.zeros(n_rows, dtype="int64")
            if segments is not None:
                comp += np.take((segments.remap + 1) * slots, segments.codes)
            cache[ckey] = comp
        composite = cache[ckey] if all_valid else cache[ckey][mask]
        cube = np.bincount(composite + scores, minlength=n_p * n_s * slots)
        cube = cube.reshape(n_p, n_s, slots)[:, :, scale.low:scale.high + 1]
        return Counts(cube.sum(axis=(0, 1)), cube.sum(axis=1) if periods is not None else None,
                      cube.sum(axis=0) if segments is not None else None)
    # very many periods × segments: separate counts instead of one big cube
    total = np.bincount(scores - scale.low, minlength=width)

    def per(f: Factors | None, n: int) -> np.ndarray | None:
        if f is None:
            return None
        codes = f.row_codes()
        cnt, nok = group_counts(codes if all_valid else codes[mask], n - 1, scores, scale)
        return np.vstack([nok if nok is not None else np.zeros(width, "int64"), cnt])

    return Counts(total, per(periods, n_p), per(segments, n_s))


# --------------------------------------------------------------------------- results
def results_from_group_counts(scale: Scale, counts: np.ndarray, nokey: np.ndarray | None,
                              labels: Sequence[str], *, kind: str, keep_empty: bool = True,
                              missing: str | None = None) -> list[MetricResult]:
    """One :class:`MetricResult` per label (``kind`` = "segment" or "period").

    Groups with no answers are kept (n = 0) only if ``keep_empty``.  Rows without a group form
    a last group (segment None, warning ``missing_segment``) when ``missing == "group"``, or
    are only counted in a ``missing_date`` warning on every result when ``missing == "warn"``."""
    n_nokey = int(nokey.sum()) if nokey is not None else 0
    extra = ([MetricWarning("missing_date", {"count": n_nokey})]
             if n_nokey and missing == "warn" else [])
    out = [result_from_counts(scale, counts[i].tolist(), extra_warnings=extra,
                              **{kind: str(lab)})
           for i, lab in enumerate(labels) if keep_empty or counts[i].any()]
    if n_nokey and missing == "group":
        out.append(result_from_counts(
            scale, nokey.tolist(), extra_warnings=[MetricWarning("missing_segment", {"count": n_nokey})],
            **{kind: None}))
    return out


def period_results(scale: Scale, per_period: np.ndarray, labels: Sequence[str], *,
                   keep_empty: bool = False) -> list[MetricResult]:
    """Per-period results from :attr:`Counts.per_period` (periods without answers left out
    unless ``keep_empty``; answers without a date only counted in a warning)."""
    nokey = per_period[0] if per_period[0].any() else None
    return results_from_group_counts(scale, per_period[1:], nokey, labels, kind="period",
                                     keep_empty=keep_empty, missing="warn")


def segment_results(scale: Scale, per_segment: np.ndarray, labels: Sequence[str]) -> list[MetricResult]:
    """Per-segment results from :attr:`Counts.per_segment` (every segment, n = 0 included;
    answers without a segment as a last group ``segment=None``)."""
    nokey = per_segment[0] if per_segment[0].any() else None
    return results_from_group_counts(scale, per_segment[1:], nokey, labels, kind="segment",
                                     missing="group")


# --------------------------------------------------------------------------- shortcuts
def _check_cols(df: pd.DataFrame, *cols: str) -> None:
    for col in cols:
        if col not in df.columns:
            raise SurveyInputError("no_such_column", column=col,
                                   columns=", ".join(map(str, df.columns)))


def by_segment(df: pd.DataFrame, value_col: str, segment_col: str, metric: str, *,
               ces_scale: int | str = 7, ces_headline: str = "mean") -> list[MetricResult]:
    """One result per segment value (label in ``.segment``), sorted Greek-aware.  Values are
    compared after ``strip()``.  A segment whose answers are all invalid appears with n = 0.
    Valid answers without a segment form a last group with ``segment=None`` and a
    ``missing_segment`` warning."""
    scale = get_scale(metric, ces_scale, ces_headline)
    _check_cols(df, value_col, segment_col)
    segments = segment_factors(df[segment_col])
    valid, ok, _ = valid_scores(df[value_col], scale)
    counts = count_groups(valid.to_numpy(), ok, None, segments, scale, n_rows=len(df))
    return segment_results(scale, counts.per_segment, segments.labels)


def by_period(df: pd.DataFrame, value_col: str, date_col: str, metric: str, freq: str = "M", *,
              ces_scale: int | str = 7, ces_headline: str = "mean",
              fill_gaps: bool = False) -> list[MetricResult]:
    """One result per month ("2026-03") or quarter ("2026Q1"), sorted chronologically.

    ``date_col`` should hold datetimes (see ``surveys.dates.parse_dates``); other values are
    converted with the same rules (day first).  Valid answers without a usable date are left
    out of the breakdown; then every result carries a ``missing_date`` warning with their
    number.  Periods without answers are left out unless ``fill_gaps`` (then n = 0)."""
    scale = get_scale(metric, ces_scale, ces_headline)
    check_freq(freq)
    _check_cols(df, value_col, date_col)
    dates = df[date_col]
    if not pd.api.types.is_datetime64_any_dtype(dates.dtype):
        dates = parse_dates(dates).dates
    periods = period_factors(dates, freq)
    valid, ok, _ = valid_scores(df[value_col], scale)
    counts = count_groups(valid.to_numpy(), ok, periods, None, scale, n_rows=len(df))
    return period_results(scale, counts.per_period, periods.labels, keep_empty=fill_gaps)
