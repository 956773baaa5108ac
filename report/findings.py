"""One page per section (pillar): its gauge, what caps it, the gaps with their actions, the gaps
left for later, the strengths and the notes."""
from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    PageBreak,
    Spacer,
)

from assessment.document import MAX_NOTE_CHARS
from report import charts, fonts
from report.common import own_why, pillar_strengths, section_why
from report.context import Ctx
from report.layout import AtWidth, Paragraph, callout, one_page
from scoring.maturity import numeric
from scoring.plan import PlanAction, why_text


def _item_block(ctx: Ctx, item_id: str, value, action: PlanAction | None) -> list:
    item = ctx.items[item_id]
    lang = ctx.lang
    meta = [item_id, ctx.t("report.answer", answer=ctx.answer_label(value, item_id))]
    if item.critical:
        meta.append(ctx.t("report.key_question"))
    if action is not None and not action.include:
        meta.append(ctx.t("plan.phase.later"))
    # The id and answer in grey after the question, as on the compact lines: a line of its own
    # under every question cost a long section its page.
    out = [Paragraph(f"{ctx.esc(item.text(lang))} "
                     f'<font name="{fonts.REGULAR}" size="7.5" color="#5d6d7e">{ctx.esc(" · ".join(meta))}</font>',
                     ctx.s["item"])]
    if action is not None and action.include:
        text = f"<b>{ctx.esc(ctx.t('report.action'))}:</b> {ctx.esc(item.action.text(lang))}"
        if own_why(action):
            text += f'<br/><font size="8" color="#5d6d7e">{ctx.esc(why_text(action.why[0], ctx.model, lang))}</font>'
        out.append(Paragraph(text, ctx.s["action"]))
    note = ctx.a.note(item_id)
    if note.strip():
        out.append(Paragraph(f"<b>{ctx.esc(ctx.t('report.note'))}:</b> {ctx.esc(note.strip(), MAX_NOTE_CHARS)}",
                             ctx.s["note"]))
    return out


_ASIDE = re.compile(r"\s*\([^()]*\)")


def short_question(text: str) -> str:
    """What a question asks, without its examples and lists: no "(…)", nothing after a colon
    ("…complaints: accept, listen…?" → "…complaints?"). A compact line only has to be recognised,
    and a section of twenty-odd findings then stays on its page at full size."""
    short = _ASIDE.sub("", text).strip()
    mark = short[-1] if short and short[-1] in "?;" else ""
    if ":" in short:
        short = short.split(":", 1)[0].rstrip() + mark
    return short


def _compact_line(ctx: Ctx, item_id: str, value, mark: str) -> list:
    """A finding in one short paragraph: the question without its examples, id and answer in
    grey, and its note on the same paragraph in italics (a boxed note under every line of a long
    list cost a section its page)."""
    item = ctx.items[item_id]
    text = f"{ctx.esc(short_question(item.text(ctx.lang)))} " \
           f'<font size="7" color="#5d6d7e">{item_id} · {ctx.esc(ctx.answer_label(value, item_id))}</font>'
    note = ctx.a.note(item_id).strip()
    if note:
        text += f"<br/><i><b>{ctx.esc(ctx.t('report.note'))}:</b> {ctx.esc(note, MAX_NOTE_CHARS)}</i>"
    return [Paragraph(text, _tight(ctx.s["compact"]), bulletText=mark)]


def _tight(style: ParagraphStyle) -> ParagraphStyle:
    """The compact style at the usual 120 % leading and a point between lines of a long list."""
    return ParagraphStyle(f"{style.name}-tight", parent=style, leading=style.fontSize * 1.2,
                          spaceAfter=min(style.spaceAfter, 1.2))


def _pillar_section(ctx: Ctx, number: int, pillar) -> list:
    lang, a = ctx.lang, ctx.a
    ps = ctx.scores.pillars[pillar.id]
    tg = ctx.plan.targets[pillar.id]
    out: list = [ctx.p(f"{number}. {ctx.esc(pillar.title(lang))}", "h1")]
    if ps.score is None:
        meta = ctx.t("report.pillar_meta_none", target=tg.target, target_name=ctx.level_name(tg.target))
    else:
        meta = ctx.t("report.pillar_meta", score=ctx.score(ps.score), level=ps.level,
                     name=ctx.level_name(ps.level), target=tg.target, target_name=ctx.level_name(tg.target))
    answered = ctx.t("report.pillar_answered", count=ps.answered, total=ps.total)
    out.append(Paragraph(f"<b>{ctx.esc(meta)}</b> · {ctx.esc(answered)}", ctx.s["muted"]))
    label = ctx.t("report.gauge_target", target=tg.target)
    out.append(AtWidth(lambda w: charts.gauge(ps.score, ps.level, tg.target_score, label, width=w)))
    if ps.score is None:
        out.append(callout(ctx, [ctx.tx("report.pillar_empty", "callout")], "warn"))
    if ps.capped_by:
        lines = [ctx.tx("report.capped" if ps.capped else "report.capped_soft", "callout", uncapped=ps.uncapped_level)]
        for i in ps.capped_by:
            lines.append(Paragraph(f"<b>{i}</b> {ctx.esc(ctx.items[i].text(lang))} "
                                   f"({ctx.esc(ctx.answer_label(a.value(i), i))})", ctx.s["calloutbullet"],
                                   bulletText="•"))
        out.append(Spacer(1, 4))
        out.append(callout(ctx, lines, "warn"))
    other = [item.id for item in pillar.items if item.id not in ctx.skipped
             and numeric(a.value(item.id)) is None and a.note(item.id).strip()]
    actions = [act for act in ctx.plan.actions if act.pillar == pillar.id]
    if ps.answered:
        in_plan = [act for act in actions if act.include]
        later = [act for act in actions if not act.include]
        out.append(ctx.p(ctx.esc(ctx.t("report.gaps")), "h3"))
        why = section_why(in_plan, ctx.model, lang)
        if why:
            out.append(ctx.p(ctx.esc(why), "muted"))
        if in_plan:
            for act in in_plan:
                out += _item_block(ctx, act.item, act.value, act)
        elif actions:
            out.append(ctx.p(ctx.esc(ctx.t("report.no_plan_pillar", target=tg.target)), "muted"))
        else:
            out.append(ctx.p(ctx.esc(ctx.t("report.no_gaps_pillar")), "muted"))
        if later:
            out.append(ctx.p(ctx.esc(ctx.t("report.later_pillar")), "h3"))
            for act in later:
                out += _compact_line(ctx, act.item, act.value, "○")
        strengths, sentence = pillar_strengths(pillar, a, ctx.skipped, actions)
        out.append(ctx.p(ctx.esc(ctx.t("report.strengths")), "h3"))
        for i, v in strengths:
            out += _compact_line(ctx, i, v, "✓")
        if sentence:
            out.append(ctx.p(ctx.esc(ctx.t(sentence)), "muted"))
    asked = [it for it in pillar.items if it.id not in ctx.skipped]
    unanswered = sum(1 for it in asked if a.value(it.id) is None)
    na = sum(1 for it in asked if a.value(it.id) == "na")
    if unanswered or na:
        out.append(ctx.p(ctx.esc(ctx.t("report.not_scored", unanswered=unanswered, na=na)), "small"))
    if other:
        out.append(ctx.p(ctx.esc(ctx.t("report.other_notes")), "h3"))
        for item_id in other:
            value = a.value(item_id)
            item = ctx.items[item_id]
            label = ctx.answer_label(value, item_id) if value is not None else ctx.t("report.unanswered")
            out += [ctx.p(ctx.esc(item.text(lang)), "item"),
                    ctx.p(ctx.esc(f"{item_id} · {ctx.t('report.answer', answer=label)}"), "itemmeta"),
                    Paragraph(f"<b>{ctx.esc(ctx.t('report.note'))}:</b> "
                              f"{ctx.esc(a.note(item_id).strip(), MAX_NOTE_CHARS)}", ctx.s["note"])]
    return out


def unassessed(ctx: Ctx) -> list:
    """The sections with no answer and no note, in model order. They get one line in the
    summary instead of a page each (a page that could only say "no answers yet": a half-done
    audit's PDF spent three of its eight pages so). The section that shows the customer
    metrics keeps its page while there are metrics to show."""
    from report.metrics import views

    out = []
    for p in ctx.model.pillars:
        if ctx.scores.pillars[p.id].answered:
            continue
        if any(ctx.a.note(it.id).strip() for it in p.items if it.id not in ctx.skipped):
            continue
        if p.id == ctx.metrics_pillar() and views(ctx):
            continue
        out.append(p)
    return out


def findings(ctx: Ctx) -> list:
    """One page per section that has answers or notes (the others are one line of the summary);
    the customer metrics (when surveys are saved) close the Measurement section, on its page when
    they fit there (drawn a little smaller if need be)."""
    from report.metrics import metric_blocks

    out: list = []
    home = ctx.metrics_pillar()
    skipped = {p.id for p in unassessed(ctx)}   # named in the summary instead (report/summary.py)
    for n, p in enumerate(ctx.model.pillars, start=1):
        if p.id in skipped:
            continue
        part = _pillar_section(ctx, n, p)
        if p.id == home:
            part += metric_blocks(ctx)
        out += [PageBreak()] + one_page(part)
    return out
