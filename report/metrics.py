"""Customer metrics from the survey results saved on the Measure page: per result its evidence
line ("NPS +32, n = 214, …"), the NPS mix as a stacked bar, the trend by period with its 95 %
interval as a band, and the segments with their intervals. Shown at the end of the Measurement
section (the page it belongs to), so surveys do not cost the default report a page of its own
when they fit there.

Results saved before the breakdowns were kept (session 14) have only their headline: the report
shows the line and says that saving the file again on the Measure page adds the charts.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Spacer, Table

from i18n import format_number
from report import fonts, metric_charts
from report.context import Ctx
from report.layout import AtWidth

SHOWN_SEGMENTS = 8
NPS_GROUPS = ("detractors", "passives", "promoters")


@dataclass(frozen=True)
class MetricView:
    """One saved result made ready to draw, in the report's language (PDF and Word share it)."""

    title: str
    line: str
    mix: list[tuple[str, str, float, str]]           # (group, label, share, share text)
    trend: list[tuple[str, float | None, float | None, float | None, str]]
    segments: list[tuple[str, float | None, float | None, float | None, str]]
    bounds: tuple[float, float]
    fmt: object                                       # value -> text, as the app writes it
    segments_title: str = ""                          # «Ανά «Κατάστημα»»: the file's own column


def views(ctx: Ctx) -> list[MetricView]:
    from surveys.evidence import as_results, evidence_line, format_value, period_label
    from surveys.scales import BY_FORMULA

    lang, out = ctx.lang, []
    for s in as_results(ctx.a.surveys):
        sc = BY_FORMULA[s.formula_id]
        bounds = {"nps": (-100.0, 100.0), "share": (0.0, 100.0)}.get(sc.headline, (float(sc.low), float(sc.high)))

        def fmt(v, s=s):
            return format_value(v, s.metric, s.formula_id, lang)

        def n_text(n: int) -> str:
            return f"n = {format_number(n, lang, 0)}"

        mix = []
        if s.metric == "nps" and s.groups and sum(s.groups.values()):
            total = sum(s.groups.get(g, 0) for g in NPS_GROUPS) or 1
            for g in NPS_GROUPS:
                share = 100 * s.groups.get(g, 0) / total
                mix.append((g, ctx.t(f"measure.group.{g}"), share, ctx.pct(share / 100)))
        trend = [(period_label(b.label, lang), b.value, b.ci_low, b.ci_high, n_text(b.n)) for b in s.by_period
                 if b.value is not None]
        segs = [(b.label or ctx.t("report.metrics_no_segment"), b.value, b.ci_low, b.ci_high, n_text(b.n))
                for b in s.by_segment if b.value is not None][:SHOWN_SEGMENTS]
        title = s.metric.upper() + (f" · {s.column}" if s.column else "")
        seg_title = ctx.t("report.metrics_segments")
        if s.segment_column:
            seg_title = ctx.t("report.metrics_segments_by", column=_short(fonts.clean(s.segment_column), 40))
        out.append(MetricView(title[:120], evidence_line(s, lang), mix, trend if len(trend) >= 2 else [],
                              segs if len(segs) >= 2 else [], bounds, fmt, seg_title))
    return out


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


GUTTER = 0.6 * cm


def metric_blocks(ctx: Ctx) -> list:
    """The metrics heading, its intro and, per saved result, its line and charts: the NPS mix
    across the page, the trend and the segments side by side under it (one below the other
    would cost the Measurement section its page). Charts are drawn to the frame's width."""
    shown = views(ctx)
    if not shown:
        return []
    out: list = [CondPageBreak(5 * cm), ctx.p(ctx.esc(ctx.t("report.metrics")), "h2"),
                 ctx.p(ctx.esc(ctx.t("report.metrics_intro")), "small")]
    for v in shown:
        out.append(ctx.p(f"<b>{ctx.esc(v.title)}</b> · {ctx.esc(v.line)}", "metricline"))
        if v.mix:
            out.append(AtWidth(lambda w, v=v: metric_charts.mix_bar(v.mix, w)))
        if v.trend or v.segments:
            out += [Spacer(1, 4), AtWidth(lambda w, v=v: _charts(ctx, v, w))]
        else:
            out.append(ctx.p(ctx.esc(ctx.t("report.metrics_no_breakdown")), "small"))
        out.append(Spacer(1, 6))
    return out


def _charts(ctx: Ctx, v: MetricView, width: float):
    """The trend and the segments, side by side when there are both: the segments get the room
    their labels need (within 40–55 %), the trend the rest."""
    trend_title, seg_title = ctx.t("report.metrics_trend"), v.segments_title
    if not (v.trend and v.segments):
        if v.trend:
            return metric_charts.trend(v.trend, v.bounds, v.fmt, width, title=trend_title)
        return metric_charts.segments(v.segments, v.bounds, v.fmt, width, title=seg_title)
    room = width - GUTTER
    seg_w = min(max(metric_charts.segments_width(v.segments), 0.4 * room), 0.55 * room)
    row = [metric_charts.trend(v.trend, v.bounds, v.fmt, room - seg_w, height=4.0 * cm, title=trend_title),
           metric_charts.segments(v.segments, v.bounds, v.fmt, seg_w, title=seg_title)]
    return Table([row], colWidths=[width - seg_w, seg_w], style=_SIDE_BY_SIDE)


_SIDE_BY_SIDE = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
