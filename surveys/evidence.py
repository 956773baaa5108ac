"""Saved survey results as short lines of evidence, e.g.

    "NPS +32, n = 214, διάστημα 95 % +22 έως +41, Ιαν–Μαρ 2026"

Pure (no Streamlit): the Measurement pillar page shows them and the PDF report uses the same
function.  A saved survey is the compact dict the Measure page stores in
``Assessment.surveys`` (see :func:`compact_result`).
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

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
def compact_result(result: dict[str, Any], source: str | None = None,
                   saved_at: str | None = None) -> dict[str, Any]:
    """The dict stored in ``Assessment.surveys`` for one analyze_table() result."""
    periods = [p.get("period") or p.get("label") for p in result.get("by_period") or [] if p.get("n")]
    first, last = (periods[0], periods[-1]) if periods else (None, None)
    return {
        "metric": result["metric"], "column": (result.get("columns") or {}).get("value"),
        "value": result.get("value"), "n": result.get("n"),
        "ci_low": result.get("ci_low"), "ci_high": result.get("ci_high"),
        "ci_method": result.get("ci_method"),
        "period_from": first, "period_to": last,
        "period_label": {lang: period_range_label(first, last, lang) for lang in ("el", "en")},
        "scale": result.get("scale"), "formula_id": result.get("formula_id"),
        "formula": result.get("formula"), "higher_is_better": result.get("higher_is_better", True),
        "source": source, "invalid": len(result.get("invalid_rows") or []),
        "saved_at": saved_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _period_text(s: dict[str, Any], lang: str) -> str:
    if s.get("period_from"):
        return period_range_label(s.get("period_from"), s.get("period_to"), lang)
    label = s.get("period_label")
    if isinstance(label, dict):
        return label.get(lang) or label.get("el") or ""
    return label or ""


def evidence_line(s: dict[str, Any], lang: str) -> str:
    metric = str(s.get("metric") or "").lower()
    fid = s.get("formula_id")
    name = metric.upper() or "?"
    parts = [f"{name} {format_value(s.get('value'), metric, fid, lang)}"]
    if _kind(metric, fid) == "mean" and s.get("scale"):
        scale = str(s["scale"]).replace("-", "–")
        key = "measure.evidence.scale_lower_better" if s.get("higher_is_better") is False else "measure.evidence.scale"
        parts[0] += f" ({t(key, lang, scale=scale)})"
    parts.append(f"n = {format_number(s.get('n') or 0, lang, 0)}")
    if s.get("ci_low") is not None and s.get("ci_high") is not None:
        parts.append(t("measure.evidence.interval", lang,
                       low=format_value(s["ci_low"], metric, fid, lang),
                       high=format_value(s["ci_high"], metric, fid, lang)))
    period = _period_text(s, lang)
    if period:
        parts.append(period)
    line = ", ".join(parts)
    if 0 < (s.get("n") or 0) < 30:
        line += " " + t("measure.evidence.small", lang)
    return line


def evidence_lines(surveys: list[dict[str, Any]], lang: str) -> list[str]:
    """One line per saved survey result, in the order saved; malformed entries are skipped."""
    out = []
    for s in surveys or []:
        if isinstance(s, dict) and s.get("metric"):
            out.append(evidence_line(s, lang))
    return out
