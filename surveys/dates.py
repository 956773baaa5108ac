"""Date columns: dd/mm/yyyy first (the Greek default), then ISO, Google Forms timestamps,
Excel serial numbers and native datetimes; US month-first only when no value contradicts it."""
from __future__ import annotations

import re
import warnings as _warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .rows import R_DATE, R_EMPTY, R_OK, factorize, invalid_list


@dataclass
class ParsedDates:
    dates: pd.Series | None          # datetime64 (naive), NaT where not usable; see parse_dates
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
        # pandas reads 01/01/0999 (a typo) at a coarser resolution than the nanoseconds used
        # here: a date outside 1677–2262 is no usable date, not a crash
        r = r.where((r >= pd.Timestamp.min) & (r <= pd.Timestamp.max))
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


_CANONICAL_YEARS = (np.datetime64("1900-01-01", "s"), np.datetime64("2200-01-01", "s"))


def _canonical_day_first(u: pd.Series) -> np.ndarray | None:
    """The dates of the distinct values ``u`` when every one is a valid dd/mm/yyyy date
    written out in full ("05/03/2026", years 1900–2199), else None (the general rules decide).

    The common case of a Greek export, read by pyarrow in microseconds rather than by pandas'
    format trials (a few ms for a few hundred dates). pyarrow's strptime rolls 31/04 over to
    01/05, so each date must give back its own text (as yyyy-mm-dd against the text's parts
    in that order): what passes is exactly what ``pd.to_datetime(format="%d/%m/%Y")`` reads,
    to the same date, with nothing to strip."""
    if pd.api.types.infer_dtype(u, skipna=False) != "string":
        return None
    text = pa.array(u.to_numpy(dtype=object), pa.string())
    if not pc.all(pc.match_like(text, "__/__/____")).as_py():
        return None
    ts = pc.strptime(text, format="%d/%m/%Y", unit="s", error_is_null=True)
    if ts.null_count:
        return None
    iso = pc.cast(pc.cast(ts, pa.date32()), pa.string())
    parts = [pc.utf8_slice_codeunits(text, a, b) for a, b in ((6, 10), (3, 5), (0, 2))]
    if not pc.all(pc.equal(iso, pc.binary_join_element_wise(*parts, "-"))).as_py():
        return None
    days = ts.to_numpy()
    if days.min() < _CANONICAL_YEARS[0] or days.max() >= _CANONICAL_YEARS[1]:
        return None
    return days.astype("datetime64[ns]")


def _parse_unique_dates(u: pd.Series, dayfirst: bool) -> tuple[np.ndarray, str, list[dict]]:
    """Parse distinct raw values (strings, datetimes, numbers) → datetime64[ns] array."""
    if dayfirst and len(u):
        canonical = _canonical_day_first(u)
        if canonical is not None:
            return canonical, "day_first", []
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


def parse_dates(series: pd.Series, *, dayfirst: bool = True, lines: Any = None,
                with_dates: bool = True, categories_occur: bool = False) -> ParsedDates:
    """Parse a date column: dd/mm/yyyy (day first, Greek default), ISO, Google Forms
    timestamps ("2026/03/15 10:23:11 π.μ. EET"), Excel serial numbers, native datetimes.
    Unusable values become NaT and are listed in ``invalid_rows`` (reasons ``bad_date``,
    ``empty``); they only drop out of the breakdown by period.  Text columns are factorised
    and only distinct values are parsed.

    ``with_dates=False`` leaves ``dates`` None for a text column: ``analyze_table`` groups by
    ``codes``/``unique_dates`` and never needs the per-row Series (one gather of a million
    rows less). ``categories_occur``: see :func:`surveys.rows.factorize`."""
    s = series if isinstance(series, pd.Series) else pd.Series(list(series), dtype=object)
    warn: list[dict[str, Any]] = []
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        dates = s
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_localize(None)
        d = dates.to_numpy(dtype="datetime64[ns]")
        reason = np.where(np.isnat(d), R_EMPTY, R_OK).astype("int8")
        order = "native"
    elif pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        num = s.to_numpy(dtype="float64", na_value=np.nan)
        d, ok = _excel_serial(num)
        reason = np.where(np.isnan(num), R_EMPTY, np.where(ok, R_OK, R_DATE)).astype("int8")
        order = "excel_serial"
    else:
        codes, uniq = factorize(s, categories_occur=categories_occur)
        u = pd.Series(np.asarray(uniq, dtype=object), dtype=object)
        u_d, order, warn = _parse_unique_dates(u, dayfirst)
        u_blank = np.array([isinstance(v, str) and not v.strip() for v in u], dtype=bool)
        u_reason = np.where(u_blank, R_EMPTY, np.where(np.isnat(u_d), R_DATE, R_OK))
        u_reason = np.append(u_reason, R_EMPTY).astype("int8")
        u_d = np.append(u_d, np.datetime64("NaT"))
        # copy=False: the gathered array is new (pandas 3 would copy it again)
        dates = pd.Series(u_d[codes], index=s.index, name=s.name, copy=False) \
            if with_dates else None
        if u_reason[:-1].any() or (len(codes) and codes.min() < 0):
            reason = u_reason[codes]
            invalid_rows = invalid_list(s, reason, lines)
            invalid_positions = np.flatnonzero(reason != R_OK)
        else:  # every distinct value is a usable date and none is missing: no per-row pass
            invalid_rows, invalid_positions = [], np.zeros(0, dtype="int64")
        return ParsedDates(dates=dates, invalid_rows=invalid_rows, warnings=warn, order=order,
                           invalid_positions=invalid_positions,
                           codes=codes, unique_dates=u_d[:-1])
    dates = pd.Series(d, index=s.index, name=s.name)
    return ParsedDates(dates=dates, invalid_rows=invalid_list(s, reason, lines),
                       warnings=warn, order=order,
                       invalid_positions=np.flatnonzero(reason != R_OK))
