"""The cover and the one-page summary: key figures, the narrative (level, what holds it back),
the radar against the targets, and the "start now" actions."""
from __future__ import annotations

import math

from reportlab.lib.units import cm
from reportlab.platypus import (
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from i18n import format_date, upper
from report import charts, fonts
from report.common import overall_explained
from report.context import Ctx
from report.layout import (
    BODY_W,
    AtWidth,
    Paragraph,
    callout,
    key_figures,
    level_cell_style,
    level_para,
)
from report.styles import (
    RULE,
)
from scoring.maturity import min_score
from scoring.plan import hours_text, why_text


# ---------------------------------------------------------------- sections
def cover(ctx: Ctx, logo=None, client_logo=None) -> list:
    """The consultant's logo (or the firm's name) top left, the business's logo top right."""
    a = ctx.a
    out: list = [Spacer(1, 1.2 * cm)]
    mark = logo
    if mark is None and ctx.branding.firm:
        mark = ctx.p(ctx.esc(ctx.branding.firm), "cover_firm")
    if mark is not None or client_logo is not None:
        width = BODY_W - 0.6 * cm
        row = Table([[mark or "", client_logo or ""]], colWidths=[width * 0.6, width * 0.4],
                    style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
        out += [row, Spacer(1, 1.0 * cm)]
    else:
        out.append(Spacer(1, 2.0 * cm))
    out += [
        ctx.p(ctx.esc(upper(ctx.t("report.cover_kicker"))), "cover_kicker"),
        ctx.p(ctx.esc(ctx.t("report.title")), "cover_title"),
        ctx.p(ctx.esc(ctx.t("report.subtitle")), "cover_sub"),
        ctx.p(ctx.esc(ctx.company_name) or f'<font color="#5d6d7e">{ctx.esc(ctx.t("report.no_name"))}</font>',
              "cover_name"),
        HRFlowable(width="100%", thickness=1, color=RULE, spaceBefore=8, spaceAfter=14),
    ]
    rows = []
    assessor = ", ".join(x for x in (a.assessor.name.strip()[:200], a.assessor.organisation.strip()[:200]) if x)
    fields = [
        ("report.cover_sector", ctx.sector_label()),
        ("report.cover_city", a.company.city.strip()[:100]),
        ("report.cover_date", format_date(a.updated_at, ctx.lang)),
        ("report.cover_assessor", assessor),
    ]
    for key, value in fields:
        rows.append([ctx.p(ctx.esc(ctx.t(key)), "cover_label"),
                     ctx.p(ctx.esc(value) if value else "–", "cover_value")])
    tbl = Table(rows, colWidths=[4.2 * cm, BODY_W - 4.2 * cm])
    tbl.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                  ("TOPPADDING", (0, 0), (0, -1), 5)])
    out += [tbl, Spacer(1, 1.2 * cm)]
    sc = ctx.scores
    if sc.completeness < 1:   # a half-done audit's cover read like a finished one
        out += [callout(ctx, [ctx.tx("report.cover_partial", "callout", count=sc.answered, total=sc.total)], "warn"),
                Spacer(1, 0.6 * cm)]
    if sc.overall_level:
        out.append(key_figures(ctx, [
            (ctx.t("report.overall_level"), ctx.esc(ctx.level_label(sc.overall_level)), sc.overall_level),
            (ctx.t("report.overall_score"), f'{ctx.score(sc.overall_score)}<font size="13"> / 100</font>', None),
            (ctx.t("report.completeness"), ctx.pct(sc.completeness), None),
        ]))
    out += [Spacer(1, 0.6 * cm), ctx.p(ctx.esc(ctx.t("report.cover_note")), "small")]
    return out


def narrative(ctx: Ctx) -> list:
    sc, m, lang = ctx.scores, ctx.model, ctx.lang
    out: list = []
    lv = m.level(sc.overall_level)
    out.append(ctx.tx("report.narr.overall", "lead", level=lv.level, name=lv.name(lang),
                      score=ctx.score(sc.overall_score)))
    out.append(ctx.p(ctx.esc(lv.description(lang))))
    # An overall level above a section's reads as a contradiction unless the rule is said.
    for line in overall_explained(m, sc, lang, coverage=False):
        out.append(ctx.p(ctx.esc(line)))
    scored = [ps for ps in sc.pillars.values() if ps.score is not None]
    if len(scored) == 1:
        out.append(ctx.tx("report.narr.single", pillar=ctx.pillar_title(scored[0].pillar),
                          score=ctx.score(scored[0].score)))
    elif scored:
        strong = max(scored, key=lambda ps: ps.score)
        weak = min(scored, key=lambda ps: ps.score)
        if math.isclose(strong.score, weak.score):
            out.append(ctx.tx("report.narr.even", score=ctx.score(strong.score)))
        else:
            out.append(ctx.tx("report.narr.strong_weak", strong=ctx.pillar_title(strong.pillar),
                              strong_score=ctx.score(strong.score), weak=ctx.pillar_title(weak.pillar),
                              weak_score=ctx.score(weak.score)))
    # What holds the level back.
    held = False
    if sc.holds_back:
        weakest = sc.pillars[sc.holds_back]
        out.append(ctx.tx("report.narr.cap_overall", level=sc.overall_level, uncapped=sc.overall_uncapped_level,
                          pillar=ctx.pillar_title(weakest.pillar), pillar_level=weakest.level))
        held = True
    capped = [ps for ps in scored if ps.capped]  # a key question that really lowers the level
    if len(capped) == 1:
        ps = capped[0]
        items = "; ".join(f"{i} {ctx.q(ctx.items[i].text(lang))}" for i in ps.capped_by)
        key = "report.narr.cap_pillar" if len(ps.capped_by) == 1 else "report.narr.cap_pillar_many"
        out.append(ctx.tx(key, pillar=ctx.pillar_title(ps.pillar), items=items, uncapped=ps.uncapped_level))
    elif capped:
        out.append(ctx.tx("report.narr.cap_pillars", n=len(capped)))
        for ps in capped:
            line = ctx.t("report.narr.cap_pillars_line", pillar=ctx.pillar_title(ps.pillar), uncapped=ps.uncapped_level,
                         items=", ".join(ps.capped_by))
            out.append(Paragraph(ctx.esc(line), ctx.s["bullet"], bulletText="•"))
    held = held or bool(capped)
    if not held and sc.overall_level < 5:
        nxt = sc.overall_level + 1
        out.append(ctx.tx("report.narr.next", level=nxt, name=m.level(nxt).name(lang), threshold=min_score(m, nxt)))
    elif not held:
        out.append(ctx.tx("report.narr.top"))
    return out


def _urgent(ctx: Ctx) -> list:
    plan = ctx.plan
    if not plan.actions:
        return [callout(ctx, [ctx.tx("report.narr.no_gaps", "callout")], "good")]
    urgent = plan.start_now
    if not urgent:
        key = "report.narr.all_done" if plan.included else "report.narr.all_excluded"
        return [callout(ctx, [ctx.tx(key, "callout")], "good" if plan.included else "info")]
    out = [ctx.p(ctx.esc(ctx.t("plan.start_now")), "h3")]
    for act in urgent:   # under their plan numbers: with action 1 done, the list starts at 2
        meta = ctx.t("report.narr.first_meta", pillar=ctx.pillar_title(act.pillar, short=True), item=act.item,
                     horizon=hours_text(act.hours, ctx.lang))
        out.append(Paragraph(f"<b>{ctx.esc(act.text(ctx.lang))}</b><br/>"
                             f'<font size="8" color="#5d6d7e">{ctx.esc(meta)} · '
                             f'{ctx.esc(why_text(act.why[0], ctx.model, ctx.lang))}</font>',
                             ctx.s["numbered"], bulletText=f"{act.rank}."))
    return out


def _pillar_table(ctx: Ctx) -> Table:
    head = [ctx.p(ctx.esc(ctx.t(k)), st) for k, st in (("report.col.pillar", "head"), ("report.col.score", "headr"),
                                                        ("report.col.level", "head"), ("report.col.target", "head"),
                                                        ("report.col.answered", "headr"))]
    rows = [head]
    style = ctx.table_style().getCommands()
    for r, p in enumerate(ctx.model.pillars, start=1):
        ps = ctx.scores.pillars[p.id]
        tg = ctx.plan.targets[p.id]
        rows.append([
            ctx.p(ctx.esc(p.title(ctx.lang)), "cellb"),
            ctx.p(ctx.score(ps.score), "cellr"),
            level_para(ctx, ps.level),
            ctx.p(ctx.esc(ctx.level_label(tg.target)), "cell"),
            ctx.p(f"{ps.answered}/{ps.total}", "cellr"),
        ])
        style += level_cell_style(r, 2, ps.level)
    widths = [BODY_W - 11.8 * cm, 2.4 * cm, 3.6 * cm, 3.4 * cm, 2.4 * cm]
    return Table(rows, colWidths=widths, repeatRows=1, style=style)


def not_assessed_text(ctx: Ctx) -> str:
    """The one line that stands for the sections with no answers (they get no page); "" if none."""
    from report.findings import unassessed

    waiting = unassessed(ctx)
    if not waiting:
        return ""
    names = ", ".join(ctx.q(p.short_title(ctx.lang)) for p in waiting)
    return ctx.t("report.not_assessed", count=len(waiting), pillars=names)


def summary(ctx: Ctx) -> list:
    sc = ctx.scores
    out: list = [ctx.p(ctx.esc(ctx.t("report.summary")), "h1")]
    if sc.overall_level is None:
        out.append(callout(ctx, [ctx.tx("report.summary_empty", "callout")], "warn"))
        out += [Spacer(1, 10), _pillar_table(ctx)]
        return out
    out.append(key_figures(ctx, [
        (ctx.t("report.overall_level"), ctx.esc(ctx.level_label(sc.overall_level)), sc.overall_level),
        (ctx.t("report.overall_score"), f'{ctx.score(sc.overall_score)}<font size="13"> / 100</font>', None),
        (ctx.t("report.completeness"), ctx.pct(sc.completeness), None),
    ]))
    out.append(Spacer(1, 10))
    if sc.completeness < 1:
        lines = [ctx.tx("report.provisional", "callout", count=sc.answered, total=sc.total,
                        pct=ctx.pct(sc.completeness))]
        waiting = not_assessed_text(ctx)
        if waiting:
            lines.append(ctx.p(ctx.esc(waiting), "callout"))
        out += [callout(ctx, lines, "warn"), Spacer(1, 8)]
    out += narrative(ctx)
    labels, current, target = [], [], []
    for p in ctx.model.pillars:
        labels.append(fonts.clean(p.short_title(ctx.lang)))
        current.append(sc.pillars[p.id].score)
        target.append(ctx.plan.targets[p.id].target_score)
    names = ctx.t("report.chart_current"), ctx.t("report.chart_target")
    # Its legend names today and the target; the method explains the rings.
    out.append(AtWidth(lambda w: charts.spider(labels, current, target, *names, width=w, height=5.0 * cm)))
    out += _urgent(ctx)
    return out
