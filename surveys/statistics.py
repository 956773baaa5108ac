"""NPS, CSAT and CES with their 95 % intervals, as pure functions of per-score counts.

Every function returns a frozen :class:`MetricResult`; nothing here touches files or the UI.
Values are expected to be already cleaned scores (see ``surveys.scores.clean_scores``); anything
else that slips through (missing values, values outside the scale, non-integers) is left out
of the calculation *and reported* in the result's warnings, never silently.

All numbers are computed from the per-score counts, so a breakdown over a million rows costs
one count per group (``surveys.breakdown``).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .scales import SMALL_SAMPLE, Scale, get_scale

Z95 = 1.96  # two-sided 95% normal quantile, as DOMAIN.md writes it

# Two-sided 95% Student t quantiles for df = 1..30; beyond, interpolated on 1/df.
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
         2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
         2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
_T975_TAIL = [(30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (math.inf, 1.960)]


def t975(df: int) -> float:
    """Two-sided 95% quantile of Student's t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("df must be >= 1")
    if df <= 30:
        return _T975[df - 1]
    for (d0, t0), (d1, t1) in zip(_T975_TAIL, _T975_TAIL[1:], strict=False):
        if df <= d1:
            x0, x1, x = 1 / d0, (0.0 if d1 == math.inf else 1 / d1), 1 / df
            return t0 + (t1 - t0) * (x0 - x) / (x0 - x1)
    return 1.960  # pragma: no cover


# --------------------------------------------------------------------------- result
WARNING_MESSAGES = {
    "no_data": "No valid answers: the metric cannot be computed.",
    "small_sample": "Only {n} answers (fewer than {threshold}): treat the result as indicative only.",
    "excluded_missing": "{count} empty values were left out.",
    "excluded_invalid": "{count} values outside the {scale} scale or not whole numbers were left out.",
    "single_answer": "Only one answer: no interval for the mean.",
    "missing_segment": "{count} answers have no segment value and are grouped as “(none)”.",
    "missing_date": "{count} answers have no usable date and are left out of the breakdown by period.",
}


@dataclass(frozen=True)
class MetricWarning:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"metrics.warning.{self.code}"

    @property
    def message(self) -> str:
        try:
            return WARNING_MESSAGES.get(self.code, self.code).format(**self.params)
        except (KeyError, ValueError):
            return WARNING_MESSAGES.get(self.code, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message_key": self.message_key,
                "message": self.message, "params": dict(self.params)}


@dataclass(frozen=True)
class MetricResult:
    """One computed metric.

    ``value`` is the headline number with its 95% interval ``ci_low``/``ci_high`` (method in
    ``ci_method``): NPS in −100…100; CSAT the % of 4–5; CES the mean (or the share, if asked).
    ``counts`` has every score of the scale (int keys, zeros included); ``groups`` has the
    named categories (promoters/passives/detractors …).  ``share`` is the % of the favourable
    group (promoters, satisfied, easy, low_effort) with its Wilson interval; ``mean`` the mean
    score with a t interval.  ``None`` stands for "not computable" (n = 0 or n = 1 for the mean CI).
    """
    metric: str
    value: float | None
    n: int
    ci_low: float | None
    ci_high: float | None
    ci_method: str | None
    counts: Mapping[int, int]
    groups: Mapping[str, int]
    mean: float | None
    mean_ci_low: float | None
    mean_ci_high: float | None
    share: float | None
    share_ci_low: float | None
    share_ci_high: float | None
    scale: str
    formula_id: str
    formula: str
    higher_is_better: bool
    warnings: tuple[MetricWarning, ...] = ()
    period: str | None = None
    segment: str | None = None

    @property
    def label(self) -> str | None:
        return self.period if self.period is not None else self.segment

    @property
    def warning_codes(self) -> list[str]:
        return [w.code for w in self.warnings]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (string keys, no NaN)."""
        return {
            "metric": self.metric, "value": self.value, "n": self.n,
            "ci_low": self.ci_low, "ci_high": self.ci_high, "ci_method": self.ci_method,
            "counts": {str(k): int(v) for k, v in self.counts.items()},
            "groups": {k: int(v) for k, v in self.groups.items()},
            "mean": self.mean, "mean_ci_low": self.mean_ci_low, "mean_ci_high": self.mean_ci_high,
            "share": self.share, "share_ci_low": self.share_ci_low,
            "share_ci_high": self.share_ci_high,
            "scale": self.scale, "formula_id": self.formula_id, "formula": self.formula,
            "higher_is_better": self.higher_is_better,
            "warnings": [w.to_dict() for w in self.warnings],
            "period": self.period, "segment": self.segment, "label": self.label,
        }


# --------------------------------------------------------------------------- intervals
def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Wilson score interval for a proportion, as percentages (0–100)."""
    if n <= 0:
        return (None, None)
    p = successes / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return (max(0.0, 100 * (centre - half)), min(100.0, 100 * (centre + half)))


def nps_adjusted_wald(promoters: int, detractors: int, n: int,
                      z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Adjusted-Wald 95% interval for NPS (DOMAIN.md), clipped to [−100, 100].

    n' = n + 3, p = (P + 3/4)/n', d = (D + 3/4)/n', var = p + d − (p − d)², se = sqrt(var/n'),
    interval = 100·((p − d) ± z·se).
    """
    if n <= 0:
        return (None, None)
    n_adj = n + 3
    p = (promoters + 0.75) / n_adj
    d = (detractors + 0.75) / n_adj
    var = p + d - (p - d) ** 2
    se = math.sqrt(var / n_adj)
    centre = p - d
    return (max(-100.0, 100 * (centre - z * se)), min(100.0, 100 * (centre + z * se)))


def mean_interval(mean: float, sd: float, n: int) -> tuple[float, float] | tuple[None, None]:
    """Student-t 95% interval for a mean (None when n < 2)."""
    if n < 2 or mean is None:
        return (None, None)
    half = t975(n - 1) * sd / math.sqrt(n)
    return (mean - half, mean + half)


# --------------------------------------------------------------------------- core
def _clean_float(x: float | None) -> float | None:
    if x is None:
        return None
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    # remove float noise such as 35.00000000000001 without hiding real precision
    return float(round(x, 10))


def result_from_counts(scale: Scale, counts: Mapping[int, int] | Sequence[int], *,
                       period: str | None = None, segment: str | None = None,
                       extra_warnings: Iterable[MetricWarning] = ()) -> MetricResult:
    """Build a :class:`MetricResult` from per-score counts (mapping or list low..high)."""
    if isinstance(counts, Mapping):
        cnt = {s: int(counts.get(s, 0)) for s in scale.scores}
    else:
        seq = list(counts)
        if len(seq) != len(scale.scores):
            raise ValueError("counts must have one entry per score of the scale")
        cnt = {s: int(c) for s, c in zip(scale.scores, seq, strict=True)}
    n = sum(cnt.values())
    groups = {name: sum(cnt[s] for s in range(lo, hi + 1)) for name, lo, hi in scale.groups}
    warnings: list[MetricWarning] = list(extra_warnings)

    if n == 0:
        warnings.insert(0, MetricWarning("no_data", {"n": 0}))
        return MetricResult(
            metric=scale.metric, value=None, n=0, ci_low=None, ci_high=None, ci_method=None,
            counts=cnt, groups=groups, mean=None, mean_ci_low=None, mean_ci_high=None,
            share=None, share_ci_low=None, share_ci_high=None, scale=scale.label,
            formula_id=scale.formula_id, formula=scale.formula,
            higher_is_better=scale.higher_is_better, warnings=tuple(warnings),
            period=period, segment=segment)
    if n < SMALL_SAMPLE:
        warnings.insert(0, MetricWarning("small_sample", {"n": n, "threshold": SMALL_SAMPLE}))

    total = sum(s * c for s, c in cnt.items())
    mean = total / n
    if n > 1:
        ss = sum(c * (s - mean) ** 2 for s, c in cnt.items())
        sd = math.sqrt(ss / (n - 1))
    else:
        sd = float("nan")
        if scale.headline == "mean":
            warnings.append(MetricWarning("single_answer", {"n": n}))
    m_lo, m_hi = mean_interval(mean, sd, n)

    fav = groups[scale.share_group]
    share = 100 * fav / n
    s_lo, s_hi = wilson_interval(fav, n)

    if scale.headline == "nps":
        value = 100 * (groups["promoters"] - groups["detractors"]) / n
        lo, hi = nps_adjusted_wald(groups["promoters"], groups["detractors"], n)
        method = "adjusted_wald"
    elif scale.headline == "share":
        value, lo, hi, method = share, s_lo, s_hi, "wilson"
    else:
        value, lo, hi, method = mean, m_lo, m_hi, "t"

    c = _clean_float
    return MetricResult(
        metric=scale.metric, value=c(value), n=n, ci_low=c(lo), ci_high=c(hi), ci_method=method,
        counts=cnt, groups=groups, mean=c(mean), mean_ci_low=c(m_lo), mean_ci_high=c(m_hi),
        share=c(share), share_ci_low=c(s_lo), share_ci_high=c(s_hi), scale=scale.label,
        formula_id=scale.formula_id, formula=scale.formula,
        higher_is_better=scale.higher_is_better, warnings=tuple(warnings),
        period=period, segment=segment)


def valid_scores(values: pd.Series | Sequence, scale: Scale
                  ) -> tuple[pd.Series, np.ndarray, list[MetricWarning]]:
    """Keep whole-number scores inside the scale; report what was left out.

    Returns the valid scores (int64, original index), the positional mask of valid rows and
    the warnings (``excluded_missing`` / ``excluded_invalid``)."""
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype="object")
    if s.dtype.kind in "iu":  # already clean integers (the importer's output): no copies
        arr_i = s.to_numpy()
        if len(arr_i) == 0 or (arr_i.min() >= scale.low and arr_i.max() <= scale.high):
            return s.astype("int64"), np.ones(len(s), dtype=bool), []
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        num = s.astype("float64")
        missing = num.isna()
    else:
        num = pd.to_numeric(s, errors="coerce").astype("float64")
        missing = s.isna()
    arr = num.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        ok = (arr >= scale.low) & (arr <= scale.high) & (arr == np.floor(arr))
    warnings = []
    n_missing = int(missing.sum())
    n_bad = int(len(s) - n_missing - ok.sum())
    if n_missing:
        warnings.append(MetricWarning("excluded_missing", {"count": n_missing}))
    if n_bad:
        warnings.append(MetricWarning("excluded_invalid", {"count": n_bad, "scale": scale.label}))
    valid = pd.Series(arr[ok].astype("int64"), index=s.index[ok], name=s.name)
    return valid, ok, warnings


def score_counts(valid: pd.Series, scale: Scale) -> list[int]:
    arr = valid.to_numpy(dtype="int64", copy=False) - scale.low
    return np.bincount(arr, minlength=scale.high - scale.low + 1).tolist()


def compute(metric: str, values: pd.Series | Sequence, *, ces_scale: int | str = 7,
            ces_headline: str = "mean", period: str | None = None,
            segment: str | None = None) -> MetricResult:
    """Compute ``metric`` ("nps" | "csat" | "ces") on a Series of scores."""
    scale = get_scale(metric, ces_scale, ces_headline)
    valid, _, warnings = valid_scores(values, scale)
    return result_from_counts(scale, score_counts(valid, scale), period=period, segment=segment,
                              extra_warnings=warnings)


def nps(values: pd.Series | Sequence, **kw: Any) -> MetricResult:
    """Net Promoter Score on 0–10 answers, adjusted-Wald 95% interval."""
    return compute("nps", values, **kw)


def csat(values: pd.Series | Sequence, **kw: Any) -> MetricResult:
    """CSAT on 1–5: value = % of 4–5 (Wilson interval); mean also reported."""
    return compute("csat", values, **kw)


def ces(values: pd.Series | Sequence, scale: int | str = 7, headline: str = "mean",
        **kw: Any) -> MetricResult:
    """CES: 7-point agreement (mean; share of 5–7) or the older 1–5 effort scale (lower is better)."""
    return compute("ces", values, ces_scale=scale, ces_headline=headline, **kw)
