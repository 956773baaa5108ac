"""The report as a Word document (.docx, python-docx): the PDF's content as editable text.

Same sections, same sentences (the narrative is built once, in report.summary, and read back as
plain text here), real Word tables, headings as Word's Heading styles, the radar as a PNG drawn
with Pillow, and DejaVu Sans (full Greek) as the document font, with its East Asian and complex
script slots set too so Word never substitutes a font without Greek.
"""
from __future__ import annotations

import io

from assessment.document import Assessment
from checklists.model import AuditModel
from i18n import format_date, format_number, t, upper
from report import word_charts
from report.branding import NONE, Branding, heading_colour, tint
from report.common import assessed_on, next_review, office_text, own_why, pillar_strengths, section_why
from report.word_parts import (
    LANDSCAPE_BODY_CM,
    as_key_value,
    cover_logos,
    fit_widths,
    running_header,
    set_font,
    style_id,
    word_table,
)
from scoring.maturity import Scores
from scoring.plan import Plan, carried_text, hours_text, phase_words, why_text


def build_docx(model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str,
               branding: Branding = NONE, appendix: bool = False) -> bytes:
    """The Word report; `branding` as report.branded returns it (logos already checked)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    from report.context import Ctx
    from report.findings import unassessed as findings_unassessed
    from report.metrics import views
    from report.plan_pages import plan_cols, plan_heads
    from report.summary import narrative, not_assessed_text

    ctx = Ctx(model, assessment, scores, plan, lang, branding)
    model = ctx.model  # in the business's words (report.context)
    accent = heading_colour(branding.accent).lstrip("#").upper()
    shade = tint(branding.accent, 0.85).lstrip("#").upper()
    statuses = {s: t(f"report.status.{s}", lang) for s in ("todo", "doing", "done")}
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    set_font(doc.styles["Normal"], 10)
    for level, size in ((0, 24), (1, 16), (2, 13), (3, 11)):
        name = "Title" if level == 0 else f"Heading {level}"
        set_font(doc.styles[name], size, True, accent)
    for name in ("List Bullet", "List Number", "Table Grid"):
        set_font(doc.styles[name])
    props = doc.core_properties
    name = (assessment.company.name or "").strip() or t("report.no_name", lang)
    props.title = office_text(f"{t('report.title', lang)} – {name}")
    props.author = office_text(", ".join(x for x in (assessment.assessor.name, assessment.assessor.organisation)
                                         if x) or "cxaudit")
    props.language = {"el": "el-GR", "en": "en-GB"}[lang]
    props.subject = t("report.subject", lang)

    # Style ids looked up once: python-docx resolves a style name by scanning every style of the
    # document on each paragraph, which was half of a full report's build time.
    style_ids = {name: style_id(doc, name) for name in
                 ("List Bullet", "List Number", "Title", "Heading 1", "Heading 2", "Heading 3")}

    def para(text: str, style: str | None = None, size: float | None = None, italic: bool = False):
        p = doc.add_paragraph()
        if style:
            p._p.style = style_ids[style]
        run = p.add_run(office_text(text))
        if size:
            run.font.size = Pt(size)
        if italic:
            run.italic = True
        return p

    def heading(text: str, level: int):
        p = doc.add_paragraph()
        p._p.style = style_ids["Title" if level == 0 else f"Heading {level}"]
        p.add_run(office_text(text))
        return p

    def page_break() -> None:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(head, rows, widths):
        return word_table(doc, head, rows, widths, shade)

    running_header(doc, section, branding, t("report.title", lang))

    # ---- cover: the consultant's logo (or firm name) left, the business's logo right
    cover_logos(doc, branding)
    para(upper(t("report.cover_kicker", lang)), size=9)
    heading(t("report.title", lang), level=0)
    para(t("report.subtitle", lang))
    heading(name, level=1)
    assessor = ", ".join(x for x in (assessment.assessor.name.strip(), assessment.assessor.organisation.strip()) if x)
    fields = [(t("report.cover_sector", lang), ctx.sector_label() or "–"),
              (t("report.cover_city", lang), assessment.company.city.strip() or "–"),
              (t("report.cover_date", lang), format_date(assessed_on(assessment), lang)),
              (t("report.cover_assessor", lang), assessor or "–")]
    if scores.overall_level:
        fields += [(t("report.overall_level", lang), ctx.level_label(scores.overall_level)),
                   (t("report.overall_score", lang), f"{ctx.score(scores.overall_score)} / 100"),
                   (t("report.completeness", lang), ctx.pct(scores.completeness))]
    as_key_value(table(list(fields[0]), [[k, v] for k, v in fields[1:]], [5, 12]))
    if scores.completeness < 1:   # a half-done audit's cover read like a finished one
        partial = para(t("report.cover_partial", lang, count=scores.answered, total=scores.total))
        partial.runs[0].bold = True
        partial.paragraph_format.space_before = Pt(8)
    note = para(t("report.cover_note", lang), size=9)
    note.paragraph_format.space_before = Pt(8)   # it touched the table
    page_break()

    # ---- summary
    heading(t("report.summary", lang), level=1)
    if scores.overall_level is None:
        para(t("report.summary_empty", lang))
    else:
        if scores.completeness < 1:
            para(t("report.provisional", lang, count=scores.answered, total=scores.total,
                   pct=ctx.pct(scores.completeness)), italic=True)
            if not_assessed_text(ctx):
                para(not_assessed_text(ctx), italic=True)
        for p in narrative(ctx):
            para(p.getPlainText(), "List Bullet" if getattr(p, "bulletText", None) else None)
        png = word_charts.radar_png([pl.short_title(lang) for pl in model.pillars],
                        [scores.pillars[pl.id].score for pl in model.pillars],
                        [plan.targets[pl.id].target_score for pl in model.pillars],
                        t("report.chart_current", lang), t("report.chart_target", lang))
        doc.add_picture(io.BytesIO(png), width=Cm(14))
        if plan.start_now:
            heading(t("plan.start_now", lang), level=2)
            for act in plan.start_now:   # under their plan numbers (Word's own list would restart at 1)
                p = para(f"{act.rank}. {act.text(lang)}")
                meta = f"{model.pillar(act.pillar).short_title(lang)} · {act.item} · {hours_text(act.hours, lang)} · " \
                       f"{why_text(act.why[0], model, lang)}"
                p.add_run(office_text("\n" + meta)).font.size = Pt(8)

    metrics_home = ctx.metrics_pillar()
    unassessed = {p.id for p in findings_unassessed(ctx)}   # one line in the summary, no section

    def metrics() -> None:
        """The customer metrics at the end of the Measurement section, as in the PDF."""
        shown = views(ctx)
        if not shown:
            return
        heading(t("report.metrics", lang), level=2)
        para(t("report.metrics_intro", lang), size=9)
        for v in shown:
            heading(v.title, level=3)
            para(v.line)
            if v.mix:
                doc.add_picture(io.BytesIO(word_charts.mix_png(v.mix)), width=Cm(16))
            if v.trend:
                doc.add_picture(io.BytesIO(word_charts.trend_png(v.trend, v.bounds, v.fmt, t("report.metrics_trend",
                                                                                            lang))), width=Cm(16))
            if v.segments:
                doc.add_picture(io.BytesIO(word_charts.segments_png(v.segments, v.bounds, v.fmt,
                                                                    v.segments_title)),
                                width=Cm(16))
            if not (v.mix or v.trend or v.segments):
                para(t("report.metrics_no_breakdown", lang), size=8, italic=True)

    # ---- one section per pillar
    for n, pillar in enumerate(model.pillars, start=1):
        if pillar.id in unassessed:
            continue
        page_break()
        ps, tg = scores.pillars[pillar.id], plan.targets[pillar.id]
        heading(f"{n}. {pillar.title(lang)}", level=1)
        if ps.score is None:
            meta = t("report.pillar_meta_none", lang, target=tg.target, target_name=ctx.level_name(tg.target))
        else:
            meta = t("report.pillar_meta", lang, score=ctx.score(ps.score), level=ps.level,
                     name=ctx.level_name(ps.level), target=tg.target, target_name=ctx.level_name(tg.target))
        para(f"{meta} · {t('report.pillar_answered', lang, count=ps.answered, total=ps.total)}", size=9)
        actions = [a for a in plan.actions if a.pillar == pillar.id]
        in_plan = [a for a in actions if a.include]

        def other_notes(items, shown) -> None:   # the notes of questions not shown with an action
            for it in items:
                note = assessment.note(it.id).strip()
                if note and it.id not in shown:
                    para(f"{it.id} – {t('report.note', lang)}: {note}", italic=True)

        def line(iid, value) -> None:   # a finding's bullet with its note right under it, as in the PDF
            para(f"{model.items[iid].text(lang)} ({iid} · {ctx.answer_label(value, iid)})", "List Bullet")
            if assessment.note(iid).strip():
                para(f"{t('report.note', lang)}: {assessment.note(iid).strip()}", italic=True)

        if not ps.answered:   # kept for its notes or metrics (report.findings.unassessed)
            other_notes(pillar.items, {a.item for a in in_plan})
            if pillar.id == metrics_home:
                metrics()
            continue
        heading(t("report.gaps", lang), level=2)
        why = section_why(in_plan, model, lang)
        if why:
            para(why, size=9, italic=True)
        if not in_plan:
            para(t("report.no_plan_pillar", lang, target=tg.target) if actions else t("report.no_gaps_pillar", lang),
                 italic=True)
        for act in in_plan:
            item = model.items[act.item]
            heading(item.text(lang), level=3)
            para(f"{act.item} · {t('report.answer', lang, answer=ctx.answer_label(act.value, act.item))}", size=8)
            p = doc.add_paragraph()
            p.add_run(f"{t('report.action', lang)}: ").bold = True
            p.add_run(office_text(act.text(lang)))
            if own_why(act):
                para(why_text(act.why[0], model, lang), size=8, italic=True)
            if assessment.note(act.item).strip():
                para(f"{t('report.note', lang)}: {assessment.note(act.item).strip()}", italic=True)
        later = [a for a in actions if not a.include]
        if later:
            heading(t("report.later_pillar", lang), level=2)
            for act in later:
                line(act.item, act.value)
        strengths, sentence = pillar_strengths(pillar, assessment, ctx.skipped, actions)
        heading(t("report.strengths", lang), level=2)
        for iid, value in strengths:
            line(iid, value)
        if sentence:
            para(t(sentence, lang), italic=True)
        other_notes(pillar.items, {a.item for a in actions} | {i for i, _ in strengths})
        if pillar.id == metrics_home:
            metrics()

    # ---- the 90-day plan
    page_break()
    heading(t("report.plan", lang), level=1)
    if not plan.actions:
        para(t("report.plan_no_actions", lang))
    else:
        para(t("plan.capacity_line", lang, hours=hours_text(plan.hours_per_week, lang),
               phase=hours_text(round(plan.phases[0].capacity, 1), lang)))
        def action_cell(a) -> str:   # 'continued from days 1–30' after one begun in an earlier phase
            return " · ".join(x for x in (a.text(lang), carried_text(a, lang)) if x)

        for phase in plan.phases:
            load, note = phase_words(plan, phase.number, lang)
            heading(" · ".join(x for x in (t(f"plan.phase.{phase.number}", lang), load) if x), level=2)
            if note:
                para(note, italic=True, size=9)
            if not phase.actions:
                continue
            # The owner over the due date, as in the PDF: a column less is room for the action.
            rows = [[str(a.rank), action_cell(a), model.pillar(a.pillar).short_title(lang),
                     format_number(a.hours, lang, 0 if float(a.hours).is_integer() else 1),
                     f"{a.owner or '–'}\n{format_date(a.due, lang) if a.due else '–'}", statuses[a.status]]
                    for a in phase.actions]
            head = [t(f"report.col.{k}", lang) for k in ("rank", "action", "pillar", "hours", "owner_due", "status")]
            table(head, rows, fit_widths(head, rows, {1: 3, 4: 1}))
        if plan.overflow:
            hours = sum(a.hours for a in plan.overflow)
            key = "plan.overflow" if plan.hours_to_fit else "plan.overflow_nofit"
            para(t(key, lang, count=len(plan.overflow), hours=hours_text(hours, lang),
                   per_week=hours_text(plan.hours_per_week, lang), fit=hours_text(plan.hours_to_fit or 0, lang)))
            for a in plan.overflow:
                para(f"{a.rank}. {a.item} {a.text(lang)}", "List Bullet")
        elif plan.included:
            para(t("plan.all_fit", lang, per_week=hours_text(plan.hours_per_week, lang)), size=9)
        if plan.later:
            para(t("report.plan_later", lang, count=len(plan.later)), size=9)

    # ---- sign-off
    heading(t("report.signoff", lang), level=2)
    when = assessed_on(assessment)
    as_key_value(table([t("report.signoff_assessor", lang), assessor or "–"],
                       [[t("report.signoff_date", lang), format_date(when, lang)],
                        [t("report.signoff_next", lang), format_date(next_review(when), lang)],
                        [t("report.signoff_sign", lang), "\n\n"]], [5, 12]))

    # ---- appendix
    if appendix:
        # The full action table and the KPIs on landscape pages, as in the PDF; the method after
        # them in portrait. A new section repeats the running header (no first-page exception).
        wide = doc.add_section(WD_SECTION.NEW_PAGE)
        wide.orientation = WD_ORIENT.LANDSCAPE
        wide.page_width, wide.page_height = Cm(29.7), Cm(21)
        wide.different_first_page_header_footer = False
        heading(t("report.appendix_actions", lang), level=1)
        # The PDF's columns: the section over the question, the owner over the due date.
        keys, heads = plan_cols(ctx), plan_heads(ctx)
        key = t("report.key_short", lang)

        def cells(a) -> dict[str, str]:
            who = [x for x in (a.owner.strip(), format_date(a.due, lang) if a.due else "") if x]
            return {"rank": str(a.rank or ""), "action": a.text(lang),
                    "where": "\n".join([model.pillar(a.pillar).short_title(lang), a.item] + [key] * a.critical),
                    "impact": t(f"report.impact.{a.impact}", lang), "effort": t(f"report.effort.{a.effort}", lang),
                    "phase": t(f"plan.phase_short.{a.phase or ('none' if a.include else 'later')}", lang),
                    "kpi": a.kpi(lang), "owner": "\n".join(who) or "–", "status": statuses[a.status]}

        rows = [[row[k] for k in keys] for row in map(cells, plan.actions)]
        if rows:
            flex = {keys.index("action"): 5, keys.index("kpi"): 3}
            if "owner" in keys:
                flex[keys.index("owner")] = 1.4
            table([heads[k] for k in keys], rows, fit_widths([heads[k] for k in keys], rows, flex, LANDSCAPE_BODY_CM))
        if plan.kpis:
            heading(t("report.kpis", lang), level=2)
            head = [t("report.col.rank", lang), t("report.col.kpi", lang), t("report.col.items", lang)]
            rows = [[str(n), k.kpi(lang), ", ".join(k.items)] for n, k in enumerate(plan.kpis, start=1)]
            table(head, rows, fit_widths(head, rows, {1: 2, 2: 1}, LANDSCAPE_BODY_CM))
        tall = doc.add_section(WD_SECTION.NEW_PAGE)
        tall.orientation = WD_ORIENT.PORTRAIT
        tall.page_width, tall.page_height = Cm(21), Cm(29.7)
        tall.different_first_page_header_footer = False
        heading(t("report.method", lang), level=2)
        para(t("report.method_intro", lang))
        for n in range(1, 7):
            para(t(f"report.rule{n}", lang), "List Bullet")
        para(t("report.plan_rules", lang))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
