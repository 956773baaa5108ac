"""One-call analysis of an imported table (the CLI, the bench and the Measure page use it):
the metric, its interval, the breakdowns by period and segment, and every row not counted."""
from __future__ import annotations

from typing import Any

from .breakdown import (
    count_groups,
    period_factors,
    period_results,
    segment_factors,
    segment_results,
)
from .columns import guess_columns, metric_for_column, resolve_column
from .dates import parse_dates
from .errors import SurveyInputError
from .reading import read_table
from .scales import METRICS, get_scale
from .scores import clean_scores
from .source import DEFAULT_MAX_BYTES
from .statistics import MetricResult, result_from_counts
from .table import ImportedTable


def _choose_columns(df, metric, column, date_column, segment_column, guesses):
    if metric is not None:
        metric = str(metric).lower()
        if metric not in METRICS:
            raise SurveyInputError("unknown_metric", metric=metric)
    if column is not None:
        column = resolve_column(df, column)
        if metric is None:
            metric = metric_for_column(df, column, guesses)
    else:
        if metric is None:
            metric = next((m for m in METRICS if guesses.get(m)), None)
            if metric is None:
                raise SurveyInputError("no_metric_column")
        column = guesses.get(metric)
        if column is None:
            raise SurveyInputError("no_metric_column", metric=metric)
    date_col = resolve_column(df, date_column) if date_column else guesses.get("date")
    seg_col = resolve_column(df, segment_column) if segment_column else guesses.get("segment")
    return metric, column, (None if date_col == column else date_col), \
        (None if seg_col == column else seg_col)


def analyze_table(table: ImportedTable, metric: str | None = None, *, column: str | None = None,
                  date_column: str | None = None, segment_column: str | None = None,
                  ces_scale: int | str = 7, ces_headline: str = "mean", freq: str = "M",
                  guesses: dict[str, str | None] | None = None) -> dict[str, Any]:
    """Compute one metric with its breakdowns; returns the CLI's JSON-ready dict.

    Without ``metric`` the first of nps, csat, ces found among the columns is used (or the
    metric whose scale fits ``column``).  Date and segment columns are guessed unless given;
    rows with an invalid score are listed in ``invalid_rows``, rows with a valid score but no
    usable date in ``invalid_dates`` (they only drop out of ``by_period``).

    Parsed dates and group codes are cached on the table and shared by every metric."""
    df = table.df
    if guesses is None:
        guesses = guess_columns(df)
    metric, column, date_col, seg_col = _choose_columns(
        df, metric, column, date_column, segment_column, guesses)

    scale_arg = ces_scale if metric == "ces" else None
    cleaned = clean_scores(df[column], metric, scale_arg, lines=table.lines)
    scale = get_scale(metric, ces_scale, ces_headline)
    mask = cleaned.valid_mask
    scores = cleaned.values.to_numpy()

    extra_warnings: list[dict[str, Any]] = []
    invalid_dates: list[dict[str, Any]] = []
    periods = None
    if date_col is not None:
        key = ("dates", date_col)
        if key not in table.cache:
            table.cache[key] = parse_dates(df[date_col], lines=table.lines, with_dates=False,
                                           categories_occur=date_col in table.complete_categories)
        parsed = table.cache[key]
        pkey = ("period_factors", date_col, freq)
        if pkey not in table.cache:
            table.cache[pkey] = period_factors(
                parsed.dates, freq,
                factorized=None if parsed.codes is None else (parsed.codes, parsed.unique_dates))
        periods = table.cache[pkey]
        keep = mask[parsed.invalid_positions]
        invalid_dates = [r for r, k in zip(parsed.invalid_rows, keep, strict=True) if k]
        extra_warnings += parsed.warnings
    segments = None
    if seg_col is not None:
        skey = ("segment_factors", seg_col)
        if skey not in table.cache:
            table.cache[skey] = segment_factors(
                df[seg_col], categories_occur=seg_col in table.complete_categories)
        segments = table.cache[skey]
    counts = count_groups(scores, mask, periods, segments, scale, n_rows=len(df),
                          cache=table.cache, cache_key=(date_col, freq, seg_col))
    result: MetricResult = result_from_counts(scale, counts.total.tolist())
    by_period = [] if periods is None else [
        r.to_dict() for r in period_results(scale, counts.per_period, periods.labels)]
    by_segment = [] if segments is None else [
        r.to_dict() for r in segment_results(scale, counts.per_segment, segments.labels)]
    if cleaned.invalid_rows:
        extra_warnings.append({"code": "invalid_rows",
                               "message": f"{len(cleaned.invalid_rows)} rows were not counted; see invalid_rows.",
                               "params": {"count": len(cleaned.invalid_rows),
                                          **{k: v for k, v in cleaned.invalid_summary().items() if v}}})
    if invalid_dates:
        extra_warnings.append(
            {
                "code": "invalid_dates",
                "message": f"{len(invalid_dates)} answers have no usable date and are left out of by_period.",
                "params": {"count": len(invalid_dates)},
            }
        )
    # table warnings last: line numbers are computed lazily, possibly just above
    extra_warnings = [dict(w) for w in table.warnings] + [dict(w) for w in extra_warnings]
    for w in extra_warnings:
        w.setdefault("message_key", f"metrics.warning.{w['code']}")
        w.setdefault("params", {})

    rd = result.to_dict()
    return {
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
        "by_period": by_period, "by_segment": by_segment, "invalid_dates": invalid_dates,
    }


def analyze_file(source: Any, metric: str | None = None, *, column: str | None = None,
                 date_column: str | None = None, segment_column: str | None = None,
                 encoding: str | None = None, sep: str | None = None,
                 ces_scale: int | str = 7, ces_headline: str = "mean", freq: str = "M",
                 max_bytes: int = DEFAULT_MAX_BYTES, sheet: str | int | None = None) -> dict[str, Any]:
    """:func:`surveys.reading.read_table` + :func:`analyze_table`."""
    table = read_table(source, encoding=encoding, sep=sep, max_bytes=max_bytes, sheet=sheet)
    return analyze_table(table, metric, column=column, date_column=date_column,
                         segment_column=segment_column, ces_scale=ces_scale,
                         ces_headline=ces_headline, freq=freq)
