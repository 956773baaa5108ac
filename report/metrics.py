"""Customer metrics from the survey results saved on the Measure page."""
from __future__ import annotations

from reportlab.platypus import (
    PageBreak,
)

from report.context import Ctx


def customer_metrics(ctx: Ctx) -> list:
    """The survey results saved on the Measure page, as the same evidence lines the app shows."""
    if not ctx.a.surveys:
        return []
    lines = metric_lines(ctx)
    return [PageBreak()] + lines if lines else []


def metric_lines(ctx: Ctx) -> list:
    """The metrics heading, its intro and one paragraph per evidence line (plain flowables: the
    Word report reads their text back)."""
    from surveys.evidence import evidence_lines

    lines = evidence_lines(ctx.a.surveys, ctx.lang)
    if not lines:
        return []
    out: list = [ctx.p(ctx.esc(ctx.t("report.metrics")), "h2"), ctx.p(ctx.esc(ctx.t("report.metrics_intro")), "muted")]
    out += [ctx.p("• " + ctx.esc(line), "body") for line in lines]
    return out


# The plan table: short columns are as wide as their longest word needs (header or value, in the
