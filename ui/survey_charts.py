"""Altair charts of one survey result (the Measure page): NPS groups, the distribution of
scores, the trend by period and the breakdown by segment, each with its 95% interval.
Pure functions of the result dict (surveys.analysis.analyze_table), no streamlit."""
from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd

from i18n import format_number, format_percent
from report.metric_charts import MIX_COLOURS
from surveys.evidence import period_label

# The NPS groups wear the report's colours, so the page and the PDF a client is handed agree.
GROUP_COLORS = MIX_COLOURS
ACCENT = "#1f6feb"

def _domain(result: dict[str, Any]) -> list[float]:
    if result["metric"] == "nps":
        return [-100, 100]
    if result.get("formula_id") in ("csat_share_4_5", "ces7_share_5_7", "ces5_low_effort_share"):
        return [0, 100]
    scores = [int(k) for k in result.get("counts", {})] or [1, 7]
    return [min(scores), max(scores)]


def _zoom(result: dict[str, Any], rows: list[dict[str, Any]]) -> list[float]:
    """The scale's range, narrowed to the values and intervals shown (plus a margin), so that
    differences are visible; never beyond the scale."""
    lo, hi = _domain(result)
    xs = [v for r in rows for v in (r.get("low"), r.get("high"), r.get("value")) if v is not None]
    if not xs:
        return [lo, hi]
    margin = (hi - lo) * 0.08
    return [max(lo, min(xs) - margin), min(hi, max(xs) + margin)]


def groups_chart(result: dict[str, Any], labels: dict[str, str], share_title: str, lang: str) -> alt.Chart:
    """NPS: one stacked bar, detractors | passives | promoters, in % of n."""
    n = max(result.get("n") or 0, 1)
    order = ["detractors", "passives", "promoters"]
    df = pd.DataFrame([{"group": labels[g], "order": i, "count": result["groups"].get(g, 0),
                        "pct": 100 * result["groups"].get(g, 0) / n} for i, g in enumerate(order)])
    df["text"] = [format_percent(x, lang) for x in df["pct"]]
    base = alt.Chart(df).encode(
        x=alt.X("pct:Q", stack="zero", axis=None, scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("order:Q"),
    )
    bar = base.mark_bar(height=40).encode(
        color=alt.Color("group:N", title=None, sort=[labels[g] for g in order],
                        scale=alt.Scale(domain=[labels[g] for g in order], range=[GROUP_COLORS[g] for g in order]),
                        legend=None),
        tooltip=[alt.Tooltip("group:N", title=" "), alt.Tooltip("count:Q", title="n"),
                 alt.Tooltip("pct:Q", format=".0f", title=share_title)],
    )
    text = base.transform_filter("datum.pct >= 6").transform_stack(
        stack="pct", groupby=[], as_=["x0", "x1"], sort=[alt.SortField("order")]
    ).transform_calculate(mid="(datum.x0 + datum.x1) / 2").mark_text(color="white", fontWeight="bold").encode(
        x="mid:Q", text="text:N")
    return (bar + text).properties(height=48)


def groups_legend(result: dict[str, Any], labels: dict[str, str], lang: str) -> str:
    """The stacked bar's legend as coloured text (a chart legend gets clipped at this height)."""
    n = max(result.get("n") or 0, 1)
    colors = {"detractors": "red", "passives": "gray", "promoters": "green"}
    return " · ".join(f":{colors[g]}[■] {labels[g]}: {format_percent(100 * result['groups'].get(g, 0) / n, lang)}"
                      f" ({format_number(result['groups'].get(g, 0), lang, 0)})"
                      for g in ("detractors", "passives", "promoters"))


def distribution_chart(result: dict[str, Any], score_title: str, answers_title: str) -> alt.Chart:
    """Counts per score of the scale (every score shown, zeros included)."""
    df = pd.DataFrame([{"score": int(k), "count": int(v)} for k, v in result["counts"].items()])
    color = alt.value(ACCENT)
    if result["metric"] == "nps":
        df["group"] = pd.cut(df["score"], [-1, 6, 8, 10], labels=["detractors", "passives", "promoters"]).astype(str)
        color = alt.Color("group:N", legend=None, scale=alt.Scale(domain=list(GROUP_COLORS),
                                                                  range=list(GROUP_COLORS.values())))
    # Room above the tallest bar: on Vega's "nice" scale it reached the axis' top edge.
    top = max(1, int(df["count"].max()) if len(df) else 1)
    return alt.Chart(df).mark_bar(cornerRadiusEnd=2).encode(
        x=alt.X("score:O", title=score_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", title=answers_title, scale=alt.Scale(domain=[0, math.ceil(top * 1.15)], nice=False),
                axis=alt.Axis(tickMinStep=1, format="d")),
        color=color,
        tooltip=[alt.Tooltip("score:O", title=score_title), alt.Tooltip("count:Q", title=answers_title)],
    ).properties(height=220)


def _interval_tooltip(group: str, titles: dict[str, str]) -> list:
    """Tooltip of one group's result: its name, the value, the 95% interval and n."""
    return [
        alt.Tooltip(f"{group}:N", title=titles[group]),
        alt.Tooltip("value:Q", format=".1f", title=titles["value"]),
        alt.Tooltip("low:Q", format=".1f", title=titles["low"]),
        alt.Tooltip("high:Q", format=".1f", title=titles["high"]),
        alt.Tooltip("n:Q", title="n"),
    ]


def trend_chart(periods: list[dict[str, Any]], result: dict[str, Any], lang: str, titles: dict[str, str]) -> alt.Chart:
    """Value per period (line) inside its 95% interval (band)."""
    rows = [{"period": period_label(p.get("period") or p.get("label"), lang), "order": i, "value": p["value"],
             "low": p.get("ci_low"), "high": p.get("ci_high"), "n": p["n"]}
            for i, p in enumerate(periods) if p.get("n")]
    df = pd.DataFrame(rows, columns=["period", "order", "value", "low", "high", "n"])
    sort = list(df["period"])
    x = alt.X("period:N", sort=sort, title=None, axis=alt.Axis(labelAngle=0))
    y_scale = alt.Scale(domain=_zoom(result, rows), nice=False, zero=False)
    tooltip = _interval_tooltip("period", titles)
    base = alt.Chart(df).encode(x=x)
    band = base.mark_area(opacity=0.22, color=ACCENT).encode(
        y=alt.Y("low:Q", scale=y_scale, title=titles["value"]), y2="high:Q")
    line = base.mark_line(color=ACCENT, point=alt.OverlayMarkDef(color=ACCENT, size=60)).encode(
        y=alt.Y("value:Q", scale=y_scale), tooltip=tooltip)
    return (band + line).properties(height=240)


def segments_chart(
    segments: list[dict[str, Any]], result: dict[str, Any], blank: str, titles: dict[str, str]
) -> alt.Chart:
    """One horizontal bar per group with its 95% interval as an error bar."""
    rows = [{"segment": s["segment"] if s.get("segment") is not None else blank, "value": s["value"],
             "low": s.get("ci_low"), "high": s.get("ci_high"), "n": s["n"]}
            for s in segments if s.get("n")]
    df = pd.DataFrame(rows, columns=["segment", "value", "low", "high", "n"])
    df["label"] = df["segment"] + "  (n = " + df["n"].astype(str) + ")"
    sort = list(df["label"])
    y = alt.Y("label:N", sort=sort, title=None, axis=alt.Axis(labelLimit=320))
    # padding: a point at the very end of the scale (e.g. +100) is drawn whole, not cut in half
    x_scale = alt.Scale(domain=_zoom(result, rows), nice=False, zero=False, padding=10)
    tooltip = _interval_tooltip("segment", titles)
    base = alt.Chart(df).encode(y=y)
    err = base.mark_rule(color=ACCENT, strokeWidth=3, opacity=0.45).encode(
        x=alt.X("low:Q", scale=x_scale, title=titles["value"]), x2="high:Q", tooltip=tooltip)
    point = base.mark_point(color=ACCENT, filled=True, size=140, opacity=1).encode(x="value:Q", tooltip=tooltip)
    caps = base.mark_point(shape="stroke", angle=90, size=180, color=ACCENT, strokeWidth=2)
    return (err + point + caps.encode(x="low:Q") + caps.encode(x="high:Q")).properties(
        height=alt.Step(40))
