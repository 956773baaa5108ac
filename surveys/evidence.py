"""Saved survey results as short lines of evidence, e.g.

    "NPS +32, n = 214, διάστημα 95 % +22 έως +41, Ιαν–Μαρ 2026"

Pure (no Streamlit, no pandas): the Measurement pillar page shows them and the PDF report uses
the same function.  A saved survey is a :class:`assessment.survey_result.SurveyResult`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from assessment.survey_result import SurveyResult
from i18n import MONTHS_SHORT_EL, MONTHS_SHORT_EN, format_number, t

SHARE_FORMULAS = {"csat_share_4_5", "ces7_share_5_7", "ces5_low_effort_share"}


def _kind(metric: str, formula_id: str | None) -> str:
    """'nps' (signed points), 'share' (a percentage) or 'mean' (a score on the scale)."""
    if metric == "nps":
        return "nps"
    if formula_id in SHARE_FORMULAS or (formula_id is None and metric == "csat"):
        return "share"
    return "mean"


def format_value(x: float | None, metric: str, formula_id: str | None, lang: str) -> str:
    """A headline number as people read it: NPS +32, CSAT 69 % (69% in English), CES 5,4."""
    kind = _kind(metric, formula_id)
    if x is None:
        return "–"
    if kind == "nps":
        return format_number(round(x), lang, 0, signed=True)
    if kind == "share":
        return format_number(x, lang, 0) + (" %" if lang == "el" else "%")
    return format_number(x, lang, 1)


# ---------------------------------------------------------------- periods
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})|Q([1-4]))$")


def _months(label: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'2026-03' → ((2026, 3), (2026, 3)); '2026Q1' → ((2026, 1), (2026, 3))."""
    m = _PERIOD.match(str(label or "").strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        return (year, month), (year, month)
    q = int(m.group(3))
    return (year, 3 * q - 2), (year, 3 * q)


def period_range_label(first: str | None, last: str | None, lang: str) -> str:
    """'Ιαν–Μαρ 2026' / 'Jan–Mar 2026'; 'Δεκ 2025–Φεβ 2026' across years; 'Μαρ 2026' for one
    month; '' when unknown.  Takes by_period labels ('2026-03' or '2026Q1')."""
    a, b = _months(first or ""), _months(last or first or "")
    if a is None or b is None:
        return ""
    (y1, m1), (y2, m2) = a[0], b[1]
    if (y2, m2) < (y1, m1):
        (y1, m1), (y2, m2) = (y2, m2), (y1, m1)
    names = MONTHS_SHORT_EL if lang == "el" else MONTHS_SHORT_EN
    if (y1, m1) == (y2, m2):
        return f"{names[m1 - 1]} {y1}"
    if y1 == y2:
        return f"{names[m1 - 1]}–{names[m2 - 1]} {y1}"
    return f"{names[m1 - 1]} {y1}–{names[m2 - 1]} {y2}"


def period_label(label: str, lang: str) -> str:
    """One by_period label for a chart axis: 'Μαρ 2026' or 'Q1 2026' (Greek: 'Τ1 2026')."""
    m = _PERIOD.match(str(label or "").strip())
    if not m:
        return str(label)
    if m.group(2):
        names = MONTHS_SHORT_EL if lang == "el" else MONTHS_SHORT_EN
        return f"{names[int(m.group(2)) - 1]} {m.group(1)}"
    return f"{'Τ' if lang == 'el' else 'Q'}{m.group(3)} {m.group(1)}"


# ---------------------------------------------------------------- saved results
def as_results(surveys: Iterable[Any]) -> list[SurveyResult]:
    """Saved results as :class:`SurveyResult`; dicts (older callers) are validated, and an
    entry that cannot be shown is skipped."""
    out = []
    for s in surveys or []:
        if isinstance(s, SurveyResult):
            out.append(s)
        elif isinstance(s, dict):
            try:
                out.append(SurveyResult.model_validate(s))
            except ValidationError:
                continue
    return out


def _period_text(s: SurveyResult, lang: str) -> str:
    if s.period_from:
        return period_range_label(s.period_from, s.period_to, lang)
    label = s.period_label or {}
    return label.get(lang) or label.get("el") or ""


def evidence_line(s: SurveyResult, lang: str) -> str:
    """'NPS +32, n = 214, διάστημα 95 % +22 έως +41, Ιαν–Μαρ 2026'."""
    metric, fid = s.metric, s.formula_id
    parts = [f"{metric.upper()} {format_value(s.value, metric, fid, lang)}"]
    if s.kind == "mean" and s.scale:
        scale = s.scale.replace("-", "–")
        key = "measure.evidence.scale" if s.higher_is_better else "measure.evidence.scale_lower_better"
        parts[0] += f" ({t(key, lang, scale=scale)})"
    parts.append(f"n = {format_number(s.n, lang, 0)}")
    if s.ci_low is not None and s.ci_high is not None:
        parts.append(t("measure.evidence.interval", lang,
                       low=format_value(s.ci_low, metric, fid, lang),
                       high=format_value(s.ci_high, metric, fid, lang)))
    period = _period_text(s, lang)
    if period:
        parts.append(period)
    line = ", ".join(parts)
    if s.small_sample:
        line += " " + t("measure.evidence.small", lang)
    return line


def evidence_lines(surveys: Iterable[Any], lang: str) -> list[str]:
    """One line per saved survey result, in the order saved; malformed entries are skipped."""
    return [evidence_line(s, lang) for s in as_results(surveys)]
