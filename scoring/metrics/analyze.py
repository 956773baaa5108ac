"""One-call analysis of an imported table: used by the CLI, the bench and the UI."""
from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pandas as pd

from .compute import (METRICS, MetricResult, get_scale, group_counts, period_factors,
                      result_from_counts, results_from_group_counts, segment_factors)
from .errors import MetricsInputError
from .importer import (DEFAULT_MAX_BYTES, ImportedTable, _parse_dates, _score_fit, clean_scores,
                       guess_columns, read_table)
from .text import norm


class _Job:
    """Run ``fn(*args)`` in a thread; ``result()`` joins and re-raises its exception."""

    def __init__(self, fn: Any, *args: Any) -> None:
        self._out: Any = None
        self._exc: BaseException | None = None

        def target() -> None:
            try:
                self._out = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - re-raised in result()
                self._exc = exc

        self._thread = threading.Thread(target=target, daemon=True)
        self._thread.start()

    def result(self) -> Any:
        self._thread.join()
        if self._exc is not None:
            raise self._exc
        return self._out


MAX_CUBE = 4_000_000  # bins of the (period × segment × score) count cube


def resolve_column(df: pd.DataFrame, name: str) -> str:
    """Exact column name, else the one column equal to it ignoring case/accents/spaces."""
    if name in df.columns:
        return name
    matches = [c for c in df.columns if norm(c) == norm(name)]
    if len(matches) == 1:
        return matches[0]
    raise MetricsInputError("no_such_column", column=name, columns=", ".join(map(str, df.columns)))


def _metric_for_column(df: pd.DataFrame, col: str, guesses: dict[str, str | None]) -> str:
    for m in METRICS:
        if guesses.get(m) == col:
            return m
    fits = {m: _score_fit(df[col], m) for m in METRICS}
    mx = max(v[1] for v in fits.values())
    if fits["nps"][0] >= 0.5 and mx > 7:
        return "nps"
    if fits["ces"][0] >= 0.5 and mx > 5:
        return "ces"
    if fits["csat"][0] >= 0.5:
        return "csat"
    raise MetricsInputError("no_metric_column")


def analyze_table(table: ImportedTable, metric: str | None = None, *, column: str | None = None,
                  date_column: str | None = None, segment_column: str | None = None,
                  ces_scale: int | str = 7, ces_headline: str = "mean", freq: str = "M",
                  guesses: dict[str, str | None] | None = None) -> dict[str, Any]:
    """Compute one metric with its breakdowns; returns the CLI's JSON-ready dict.

    Without ``metric`` the first of nps, csat, ces found among the columns is used (or the
    metric whose scale fits ``column``).  Date and segment columns are guessed unless given;
    rows with an invalid score are listed in ``invalid_rows``, rows with a valid score but no
    usable date in ``invalid_dates`` (they only drop out of ``by_period``)."""
    df = table.df
    if metric is not None:
        metric = str(metric).lower()
        if metric not in METRICS:
            raise MetricsInputError("unknown_metric", metric=metric)
    if guesses is None:
        guesses = guess_columns(df)
    if column is not None:
        column = resolve_column(df, column)
        if metric is None:
            metric = _metric_for_column(df, column, guesses)
    else:
        if metric is None:
            metric = next((m for m in METRICS if guesses.get(m)), None)
            if metric is None:
                raise MetricsInputError("no_metric_column")
        column = guesses.get(metric)
        if column is None:
            raise MetricsInputError("no_metric_column", metric=metric)
    date_col = resolve_column(df, date_column) if date_column else guesses.get("date")
    seg_col = resolve_column(df, segment_column) if segment_column else guesses.get("segment")
    if date_col == column:
        date_col = None
    if seg_col == column:
        seg_col = None

    scale_arg = ces_scale if metric == "ces" else None
    cleaned = clean_scores(df[column], metric, scale_arg, lines=table.lines)
    scale = get_scale(metric, ces_scale, ces_headline)
    mask = cleaned.valid_mask
    all_valid = bool(mask.all())
    scores = cleaned.values.to_numpy()

    extra_warnings: list[dict[str, Any]] = []
    invalid_dates: list[dict[str, Any]] = []
    # Group codes of every row, cached on the table and shared by every metric.  They are kept
    # factorised: (codes of the distinct values, remap from distinct value to group code with
    # a last entry −1 for code −1, labels); the group code of row i is remap[codes[i]].
    skey = ("segment_factors", seg_col)
    seg_job = None
    if seg_col is not None and skey not in table.cache and date_col is not None \
            and ("dates", date_col) not in table.cache and len(df) >= 100_000:
        # big table: factorise the segment text in a thread while the dates are parsed
        # (pyarrow's dictionary encoding releases the GIL); same result, less wall time
        seg_job = _Job(segment_factors, df[seg_col])
    p_fac, p_labels = None, []
    if date_col is not None:
        key = ("dates", date_col)
        if key not in table.cache:
            table.cache[key] = _parse_dates(df[date_col], lines=table.lines, with_dates=False)
        parsed = table.cache[key]
        pkey = ("period_factors", date_col, freq)
        if pkey not in table.cache:
            table.cache[pkey] = period_factors(
                parsed.dates, freq,
                factorized=None if parsed.codes is None else (parsed.codes, parsed.unique_dates))
        p_fac = table.cache[pkey]
        p_labels = p_fac[2]
        keep = mask[parsed.invalid_positions]
        invalid_dates = [r for r, k in zip(parsed.invalid_rows, keep) if k]
        extra_warnings += parsed.warnings
    s_fac, s_labels = None, []
    if seg_col is not None:
        if seg_job is not None:
            table.cache[skey] = seg_job.result()
        elif skey not in table.cache:
            table.cache[skey] = segment_factors(df[seg_col])
        s_fac = table.cache[skey]
        s_labels = s_fac[2]
    width = scale.high - scale.low + 1
    n_p, n_s = len(p_labels) + 1, len(s_labels) + 1
    # score slots per group: 0..10 for every scale, so that the row keys below are shared by
    # NPS, CSAT and CES and a score is added as it is (slots below ``low`` stay empty)
    slots = max(11, scale.high + 1)
    if n_p * n_s * slots <= MAX_CUBE:
        # one bincount over (period, segment, score) gives the total, periods and segments
        ckey = ("composite", date_col, freq, seg_col, slots)
        if ckey not in table.cache:
            # ((period + 1) * n_s + (segment + 1)) * slots for every row, gathered straight
            # from small per-distinct-value tables (code −1 picks their last entry: no group)
            if p_fac is not None:
                codes, remap, _ = p_fac
                comp = np.take((remap + 1) * (n_s * slots), codes)
            else:
                comp = np.zeros(len(df), dtype="int64")
            if s_fac is not None:
                codes, remap, _ = s_fac
                comp += np.take((remap + 1) * slots, codes)
            table.cache[ckey] = comp
        composite = table.cache[ckey] if all_valid else table.cache[ckey][mask]
        cube = np.bincount(composite + scores, minlength=n_p * n_s * slots)
        cube = cube.reshape(n_p, n_s, slots)[:, :, scale.low:scale.high + 1]
        total = cube.sum(axis=(0, 1))
        per_p = cube.sum(axis=1)
        per_s = cube.sum(axis=0)
    else:  # very many periods × segments: two separate counts instead of one big cube
        total = np.bincount(scores - scale.low, minlength=width)
        per_p = per_s = None
        if p_fac is not None:
            p_codes = p_fac[1][p_fac[0]]
            cnt, nok = group_counts(p_codes if all_valid else p_codes[mask], n_p - 1, scores, scale)
            per_p = np.vstack([nok if nok is not None else np.zeros(width, "int64"), cnt])
        if s_fac is not None:
            s_codes = s_fac[1][s_fac[0]]
            cnt, nok = group_counts(s_codes if all_valid else s_codes[mask], n_s - 1, scores, scale)
            per_s = np.vstack([nok if nok is not None else np.zeros(width, "int64"), cnt])
    result: MetricResult = result_from_counts(scale, total.tolist())
    periods: list[dict[str, Any]] = []
    if date_col is not None:
        periods = [r.to_dict() for r in results_from_group_counts(
            scale, per_p[1:], per_p[0] if per_p[0].any() else None, p_labels, kind="period",
            keep_empty=False, missing="warn")]
    segments: list[dict[str, Any]] = []
    if seg_col is not None:
        segments = [r.to_dict() for r in results_from_group_counts(
            scale, per_s[1:], per_s[0] if per_s[0].any() else None, s_labels, kind="segment",
            missing="group")]
    if cleaned.invalid_rows:
        extra_warnings.append({"code": "invalid_rows",
                               "message": f"{len(cleaned.invalid_rows)} rows were not counted; see invalid_rows.",
                               "params": {"count": len(cleaned.invalid_rows),
                                          **{k: v for k, v in cleaned.invalid_summary().items() if v}}})
    if invalid_dates:
        extra_warnings.append({"code": "invalid_dates",
                               "message": f"{len(invalid_dates)} answers have no usable date and are left out of by_period.",
                               "params": {"count": len(invalid_dates)}})
    # table warnings last: line numbers are computed lazily, possibly just above
    extra_warnings = [dict(w) for w in table.warnings] + [dict(w) for w in extra_warnings]
    for w in extra_warnings:
        w.setdefault("message_key", f"metrics.warning.{w['code']}")
        w.setdefault("params", {})

    rd = result.to_dict()
    out: dict[str, Any] = {
        "metric": metric, "value": rd["value"], "n": rd["n"],
        "ci_low": rd["ci_low"], "ci_high": rd["ci_high"], "ci_method": rd["ci_method"],
        "counts": rd["counts"], "groups": rd["groups"],
        "invalid_rows": cleaned.invalid_rows,
        "warnings": rd["warnings"] + extra_warnings,
        "mean": rd["mean"], "mean_ci_low": rd["mean_ci_low"], "mean_ci_high": rd["mean_ci_high"],
        "share": rd["share"], "share_ci_low": rd["share_ci_low"], "share_ci_high": rd["share_ci_high"],
        "scale": rd["scale"], "formula": rd["formula"], "formula_id": rd["formula_id"],
        "higher_is_better": rd["higher_is_better"],
        "encoding": table.encoding, "separator": table.separator, "kind": table.kind,
        "sheet": table.sheet,
        "columns": {"value": column, "date": date_col, "segment": seg_col},
        "rows": cleaned.n_rows,
        "by_period": periods, "by_segment": segments, "invalid_dates": invalid_dates,
    }
    return out


def analyze_file(source: Any, metric: str | None = None, *, column: str | None = None,
                 date_column: str | None = None, segment_column: str | None = None,
                 encoding: str | None = None, sep: str | None = None,
                 ces_scale: int | str = 7, ces_headline: str = "mean", freq: str = "M",
                 max_bytes: int = DEFAULT_MAX_BYTES, sheet: str | int | None = None) -> dict[str, Any]:
    """:func:`read_table` + :func:`analyze_table`."""
    table = read_table(source, encoding=encoding, sep=sep, max_bytes=max_bytes, sheet=sheet)
    return analyze_table(table, metric, column=column, date_column=date_column,
                         segment_column=segment_column, ces_scale=ces_scale,
                         ces_headline=ces_headline, freq=freq)
