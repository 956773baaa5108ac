"""The one-page 90-day plan with the sign-off block, and the full plan table of the appendix."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import (
    PageBreak,
    Spacer,
    Table,
)

from i18n import format_date
from report import fonts
from report.common import assessed_on, next_review
from report.context import Ctx
from report.layout import CELL_PAD, STATUS_COLORS, AtWidth, Paragraph, callout, fit_width, fit_words
from report.styles import (
    INK,
    MUTED,
    NO_LEVEL,
)
from scoring.plan import PlanAction, carried_text, hours_text, phase_words

# The appendix's action table: short columns are as wide as their longest word needs (header or
# value, in the language of the report); what is left goes to the action (62 %) and the KPI
# (38 %). The section and the question share a column, and so do the owner and the due date:
# every column less is room for the action, and a row of fewer lines (eight or more rows a page).
PLAN_COLS = ("rank", "action", "where", "impact", "effort", "phase", "kpi", "owner", "status")
ACTION_SHARE = 0.62


def plan_cols(ctx: Ctx) -> tuple[str, ...]:
    """The columns of the full action table: owner and due date only when some action has them
    (a first report has none, and their room goes to the action and the KPI: fewer lines a row)."""
    return tuple(k for k in PLAN_COLS if k != "owner" or _owner_head(ctx))


def _owner_head(ctx: Ctx) -> str:
    """The owner column's header: owner, due date or both, as the actions have them ('' for neither)."""
    acts = ctx.plan.actions
    owner, due = any(a.owner.strip() for a in acts), any(a.due for a in acts)
    key = {(True, True): "owner_due", (True, False): "owner", (False, True): "due"}.get((owner, due))
    return ctx.t(f"report.col.{key}") if key else ""


def plan_heads(ctx: Ctx) -> dict[str, str]:
    """The action table's column headers, in the report's language (PDF and Word)."""
    head = {k: ctx.t(f"report.col.{k}") for k in PLAN_COLS if k not in ("where", "owner")}
    return {**head, "where": ctx.t("report.col.pillar_item"), "owner": _owner_head(ctx)}


def plan_widths(ctx: Ctx, total: float) -> list[float]:
    s = ctx.s
    cols = plan_cols(ctx)
    hf, hs = s["head"].fontName, s["head"].fontSize
    cf, cs = fonts.BOLD, s["tcell"].fontSize
    head = plan_heads(ctx)
    values = {
        "rank": [str(len(ctx.plan.actions))],
        "where": [ctx.pillar_title(p.id, short=True) for p in ctx.model.pillars] + list(ctx.items),
        "impact": [ctx.t(f"report.impact.{i}") for i in (1, 2, 3)],
        "effort": [ctx.t(f"report.effort.{e}") for e in "SML"],
        "phase": [ctx.t(f"plan.phase_short.{k}") for k in ("1", "2", "3", "none", "later")],
        "status": [ctx.t(f"report.status.{st}") for st in ("todo", "doing", "done")],
    }
    widths = {k: max(fit_width([head[k]], hf, hs), fit_width(vals, cf, cs)) for k, vals in values.items()}
    widths["where"] = max(2.0 * cm, min(widths["where"], 3.2 * cm))
    # The owner's longest word too, up to 4 cm (a longer one is set smaller: fit_words).
    owners = [a.owner[:200] for a in ctx.plan.actions]
    widths["owner"] = max(2.6 * cm, fit_width([head["owner"], "30/12/2026"], cf, cs),
                          min(fit_width(owners, ctx.s["tcell"].fontName, cs), 4.0 * cm))
    rest = total - sum(w for k, w in widths.items() if k in cols)
    widths["action"], widths["kpi"] = rest * ACTION_SHARE, rest * (1 - ACTION_SHARE)
    return [widths[k] for k in cols]


def plan_table(ctx: Ctx, actions: tuple[PlanAction, ...], widths: list[float]) -> Table:
    lang = ctx.lang
    cols = plan_cols(ctx)
    head = plan_heads(ctx)
    at = {k: i for i, k in enumerate(cols)}
    rows = [[ctx.p(ctx.esc(head[k]), "headr" if k == "rank" else "head") for k in cols]]
    size, leading = ctx.s["tcell"].fontSize, ctx.s["tcell"].leading
    style = ctx.table_style().getCommands() + [("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                                           ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD)]
    style += [("FONTSIZE", (0, 1), (-1, -1), size), ("LEADING", (0, 1), (-1, -1), leading),
              ("TEXTCOLOR", (0, 1), (-1, -1), INK), ("ALIGN", (0, 1), (0, -1), "RIGHT"),
              ("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 3)]
    none = "–"
    key = f'<br/><font size="{size - 1}" color="#c0392b">{ctx.esc(ctx.t("report.key_short"))}</font>'
    # Short values are plain strings (the column is as wide as they need): far cheaper than paragraphs.
    for r, act in enumerate(actions, start=1):
        owner_w = widths[at["owner"]] if "owner" in at else 0
        who = [fit_words(act.owner[:200], owner_w, ctx.s["tcell"].fontName, size)] if act.owner.strip() else []
        if act.due:
            who.append(format_date(act.due, lang))
        cells = {
            "rank": str(act.rank or ""),
            "action": ctx.p(ctx.esc(act.text(lang)), "tcell"),
            "where": ctx.p(f"{ctx.esc(ctx.pillar_title(act.pillar, short=True))}<br/>"
                           f'<font color="#5d6d7e">{act.item}</font>{key if act.critical else ""}', "tcell"),
            "impact": ctx.t(f"report.impact.{act.impact}"),
            "effort": ctx.t(f"report.effort.{act.effort}"),
            "phase": ctx.t(f"plan.phase_short.{act.phase or ('none' if act.include else 'later')}"),
            "kpi": ctx.p(ctx.esc(act.kpi(lang)), "tcell"),
            "owner": ctx.p("<br/>".join(who), "tcell") if who else none,
            "status": ctx.t(f"report.status.{act.status}"),
        }
        rows.append([cells[k] for k in cols])
        c = at["status"]
        style.append(("TEXTCOLOR", (c, r), (c, r), STATUS_COLORS[act.status]))
        if act.status != "todo":
            style.append(("FONTNAME", (c, r), (c, r), fonts.BOLD))
        if "owner" in at and not who:
            style.append(("TEXTCOLOR", (at["owner"], r), (at["owner"], r), NO_LEVEL))
    return Table(rows, colWidths=widths, repeatRows=1, style=style)


def ninety_days(ctx: Ctx) -> list:
    """One page: the three 30-day phases at the business's weekly hours, what does not fit, sign-off."""
    plan, lang = ctx.plan, ctx.lang
    out: list = [PageBreak(), ctx.p(ctx.esc(ctx.t("report.plan")), "h1")]
    if ctx.scores.overall_level is None:
        # Nothing scored yet: an empty plan means "not started", never "no gaps found".
        out.append(callout(ctx, [ctx.tx("report.plan_not_started", "callout")], "warn"))
        return out + signoff(ctx)
    if not plan.actions:
        out.append(callout(ctx, [ctx.tx("report.plan_no_actions", "callout")], "good"))
        return out + signoff(ctx)
    out.append(ctx.p(ctx.esc(ctx.t("plan.capacity_line", hours=hours_text(plan.hours_per_week, lang),
                                   phase=hours_text(round(plan.phases[0].capacity, 1), lang))), "body"))
    if not plan.included:
        out.append(callout(ctx, [ctx.tx("report.plan_all_excluded", "callout")], "info"))
    cols = ("rank", "action", "pillar", "hours", "owner")
    cf, cs = fonts.BOLD, ctx.s["cell"].fontSize
    head = {k: ctx.t(f"report.col.{k}") for k in cols}
    head["owner"] = ctx.t("report.col.owner_due")
    fixed = {
        "rank": fit_width([head["rank"], str(len(plan.actions))], cf, cs),
        "pillar": max(2.0 * cm, min(fit_width([ctx.pillar_title(p.id, short=True) for p in ctx.model.pillars]
                                               + [head["pillar"]], cf, cs), 3.0 * cm)),
        "hours": fit_width([head["hours"], ctx.num(160)], cf, cs),
        # As wide as the longest word of an owner's name needs, between 3 and 4,2 cm (the action
        # has room to give); a longer word is set smaller (fit_words).
        "owner": min(max(3.0 * cm, fit_width([a.owner[:200] for a in plan.included], ctx.s["cell"].fontName, cs)),
                     4.2 * cm),
    }
    fixed_w = [fixed.get(k, 0) for k in cols]

    def widths(w: float) -> list[float]:   # the action takes what the frame leaves
        return [w - sum(fixed_w) if k == "action" else fixed_w[i] for i, k in enumerate(cols)]

    none = "–"
    for phase in plan.phases:
        load, note = phase_words(plan, phase.number, lang)
        title = ctx.esc(ctx.t(f"plan.phase.{phase.number}"))
        if load:
            title += f' <font size="8.5" color="#5d6d7e">· {ctx.esc(load)}</font>'
        out.append(Paragraph(title, ctx.s["h3"]))
        if note:
            out.append(ctx.p(ctx.esc(note), "muted"))
        if not phase.actions:
            continue
        rows = [[ctx.p(ctx.esc(head[k]), "headr" if k in ("rank", "hours") else "head") for k in cols]]
        style = ctx.table_style().getCommands() + [("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                                               ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                                               ("FONTSIZE", (0, 1), (-1, -1), cs), ("LEADING", (0, 1), (-1, -1), 10),
                                               ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                                               ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (3, 1), (3, -1), "RIGHT")]
        for act in phase.actions:
            text = ctx.esc(act.text(lang))
            carried = carried_text(act, lang)
            if carried:
                text += f' <font color="#5d6d7e">· {ctx.esc(carried)}</font>'
            if act.status != "todo":
                color = STATUS_COLORS[act.status].hexval()[2:]
                text += f' <font color="#{color}"><b>· {ctx.esc(ctx.t(f"report.status.{act.status}"))}</b></font>'
            who = fit_words(act.owner[:200], fixed["owner"], ctx.s["cell"].fontName, cs) if act.owner.strip() else none
            due = format_date(act.due, lang) if act.due else none
            rows.append([str(act.rank or ""), ctx.p(text, "cell"),
                         ctx.p(ctx.esc(ctx.pillar_title(act.pillar, short=True)), "cell"),
                         ctx.num(act.hours, 1 if not float(act.hours).is_integer() else 0),
                         ctx.p(f"{who}<br/>{due}", "cell")])
        out.append(AtWidth(lambda w, rows=rows, style=style: Table(rows, colWidths=widths(w), repeatRows=1,
                                                                   style=style)))
    if plan.overflow:
        hours = sum(a.hours for a in plan.overflow)
        key = "plan.overflow" if plan.hours_to_fit else "plan.overflow_nofit"
        text = ctx.t(key, count=len(plan.overflow), hours=hours_text(hours, lang),
                     per_week=hours_text(plan.hours_per_week, lang),
                     fit=hours_text(plan.hours_to_fit or 0, lang))
        # One a line, under its number: joined with "; " a sentence's full stop ran into the next one.
        items = "<br/>".join(ctx.esc(f"{a.rank}. {a.item} {a.text(lang)}") for a in plan.overflow)
        out += [Spacer(1, 6), callout(ctx, [ctx.p(ctx.esc(text), "callout"), ctx.p(items, "small")], "warn")]
    elif plan.included:
        out.append(ctx.p(ctx.esc(ctx.t("plan.all_fit", per_week=hours_text(plan.hours_per_week, lang))), "small"))
    if plan.later:
        out.append(ctx.p(ctx.esc(ctx.t("report.plan_later", count=len(plan.later))), "small"))
    return out + signoff(ctx)


def signoff(ctx: Ctx) -> list:
    """Who assessed, when, and when to look again (six months on: the consultant's return visit)."""
    a, lang = ctx.a, ctx.lang
    when = assessed_on(a)
    assessor = ", ".join(x for x in (a.assessor.name.strip()[:200], a.assessor.organisation.strip()[:200]) if x)
    rows = [[ctx.p(ctx.esc(ctx.t(k)), "cover_label"), ctx.p(ctx.esc(v) if v else "–", "cell")] for k, v in (
        ("report.signoff_assessor", assessor), ("report.signoff_date", format_date(when, lang)),
        ("report.signoff_next", format_date(next_review(when), lang)))]
    rows.append([ctx.p(ctx.esc(ctx.t("report.signoff_sign")), "cover_label"), ""])
    style = [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (1, 3), (1, 3), 0.6, MUTED),
             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2)]
    tbl = AtWidth(lambda w: Table(rows, colWidths=[5 * cm, w - 5 * cm], rowHeights=[None, None, None, 1.3 * cm],
                                  style=style))
    return [ctx.p(ctx.esc(ctx.t("report.signoff")), "h2"), tbl]  # the heading keeps with the table
