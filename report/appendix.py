"""The appendix: every action in one landscape table, the KPIs, then the method (portrait)."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from report import fonts
from report.context import Ctx
from report.layout import (
    BODY_W,
    LAND_BODY_W,
    Paragraph,
    callout,
    fit_width,
    level_cell_style,
    level_para,
)
from report.plan_pages import plan_table, plan_widths
from scoring.maturity import points, score_range


def appendix(ctx: Ctx) -> list:
    """Every gap's action (in the plan or for later), the KPIs, then the method (portrait)."""
    plan = ctx.plan
    out: list = [NextPageTemplate("landscape"), PageBreak(), ctx.p(ctx.esc(ctx.t("report.appendix_actions")), "h1")]
    if plan.actions:
        out.append(ctx.p(ctx.esc(ctx.t("report.plan_intro")), "body"))
        out.append(plan_table(ctx, plan.actions, plan_widths(ctx, LAND_BODY_W)))
    elif ctx.scores.overall_level is None:
        out.append(callout(ctx, [ctx.tx("report.plan_not_started", "callout")], "warn", LAND_BODY_W))
    else:
        out.append(callout(ctx, [ctx.tx("report.plan_no_actions", "callout")], "good", LAND_BODY_W))
    if plan.kpis:
        out += [CondPageBreak(4.5 * cm), ctx.p(ctx.esc(ctx.t("report.kpis")), "h2"),
                ctx.p(ctx.esc(ctx.t("report.kpis_intro")), "muted")]
        rank_w = fit_width([ctx.t("report.col.rank"), str(len(plan.kpis))], fonts.BOLD, ctx.s["cell"].fontSize)
        rows = [[ctx.p(ctx.esc(ctx.t(k)), st) for k, st in
                 (("report.col.rank", "headr"), ("report.col.kpi", "head"), ("report.col.pillar", "head"),
                  ("report.col.items", "head"))]]
        for n, k in enumerate(plan.kpis, start=1):
            rows.append([str(n), ctx.p(ctx.esc(k.kpi(ctx.lang)), "cell"),
                         ctx.p(ctx.esc(ctx.pillar_title(k.pillar, short=True)), "cell"),
                         ctx.p(", ".join(k.items), "cell")])
        style = ctx.table_style().getCommands() + [("ALIGN", (0, 1), (0, -1), "RIGHT"),
                                               ("FONTSIZE", (0, 1), (0, -1), ctx.s["cell"].fontSize)]
        out.append(Table(rows, colWidths=[rank_w, LAND_BODY_W - rank_w - 10 * cm, 4 * cm, 6 * cm], repeatRows=1,
                         style=style))
    return out + _method(ctx)


def _method(ctx: Ctx) -> list:
    m, lang = ctx.model, ctx.lang
    out: list = [NextPageTemplate("portrait"), PageBreak(), ctx.p(ctx.esc(ctx.t("report.method")), "h1"),
                 ctx.p(ctx.esc(ctx.t("report.method_intro")), "body"),
                 ctx.p(ctx.esc(ctx.t("report.method_scale")), "h2")]
    rows = [[ctx.p(ctx.esc(ctx.t(k)), st) for k, st in (("report.col.answer", "head"), ("report.col.meaning", "head"),
                                                         ("report.col.points", "headr"))]]
    for o in m.answer_scale:
        pts = points(m, o.value)
        pts = ctx.t("report.points_na") if pts is None else ctx.num(pts)
        rows.append([ctx.p(ctx.esc(o.label(lang)), "cellb"), ctx.p(ctx.esc(o.descriptor(lang)), "cell"),
                     ctx.p(ctx.esc(pts), "cellr")])
    out.append(Table(rows, colWidths=[4.6 * cm, BODY_W - 7.4 * cm, 2.8 * cm], repeatRows=1, style=ctx.table_style()))
    out.append(ctx.p(ctx.esc(ctx.t("report.method_levels")), "h2"))
    rows = [[ctx.p(ctx.esc(ctx.t(k)), st) for k, st in (("report.col.level", "head"), ("report.col.meaning", "head"),
                                                         ("report.col.range", "headr"))]]
    style = ctx.table_style().getCommands()
    ranges = []
    for r, lv in enumerate(m.levels, start=1):
        lo, hi = score_range(m, lv.level)
        ranges.append(ctx.t("report.range", lo=lo, hi=hi) if hi else ctx.t("report.range_top", lo=lo))
        rows.append([level_para(ctx, lv.level), ctx.p(ctx.esc(lv.description(lang)), "cell"),
                     ctx.p(ctx.esc(ranges[-1]), "cellr")])
        style += level_cell_style(r, 0, lv.level)
    # A range on one line ("20 έως κάτω από 40"): a number wrapped under its words reads as another row.
    cell = ctx.s["cellr"]
    range_w = max(2.8 * cm, max(stringWidth(fonts.clean(x), cell.fontName, cell.fontSize) for x in ranges) + 11)
    out.append(Table(rows, colWidths=[4.6 * cm, BODY_W - 4.6 * cm - range_w, range_w], repeatRows=1, style=style))
    out.append(ctx.p(ctx.esc(ctx.t("report.method_rules")), "h2"))
    for n in range(1, 7):
        out.append(Paragraph(ctx.esc(ctx.t(f"report.rule{n}")), ctx.s["bullet"], bulletText="•"))
    out.append(ctx.p(ctx.esc(ctx.t("report.method_completeness")), "h2"))
    out.append(ctx.p(ctx.esc(ctx.t("report.completeness_text", answered=ctx.scores.answered,
                                   total=ctx.scores.total, pct=ctx.pct(ctx.scores.completeness)))))
    out.append(ctx.p(ctx.esc(ctx.t("report.method_na")), "h2"))
    out.append(Paragraph(ctx.esc(ctx.t("report.na_text")), ctx.s["bullet"], bulletText="•"))
    out.append(Paragraph(ctx.esc(ctx.t("report.unknown_text")), ctx.s["bullet"], bulletText="•"))
    out.append(ctx.p(ctx.esc(ctx.t("report.method_plan")), "h2"))
    out.append(ctx.p(ctx.esc(ctx.t("report.plan_rules"))))
    out.append(ctx.p(ctx.esc(ctx.t("report.sources")), "h2"))
    for src in m.sources:
        out.append(Paragraph(ctx.esc(src.title(lang)), ctx.s["bullet"], bulletText="•"))
    out.append(Spacer(1, 6))
    out.append(ctx.p(ctx.esc(ctx.t("report.model_version", version=m.version)), "small"))
    return out
