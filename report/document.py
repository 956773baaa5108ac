"""The report document: cover, executive summary, one section per pillar, the action plan,
the KPIs and the method appendix, laid out with reportlab platypus on A4.

Every user string goes through `_Ctx.esc` (font-safe characters, XML-escaped, newlines as <br/>)
before it meets reportlab's paragraph markup; canvas text goes through fonts.clean.
"""
from __future__ import annotations

import io
import math

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.flowables import Flowable, HRFlowable, Image

from assessment.document import MAX_NOTE_CHARS, Assessment
from checklists.model import AuditModel
from i18n import catalog, format_date, format_number, t, upper
from report import charts, fonts
from report.common import assessed_on, next_review
from report.styles import (
    ACCENT,
    ACCENT_LIGHT,
    GOOD_BG,
    GOOD_LINE,
    INK,
    LANDSCAPE_MARGIN,
    LEVEL_COLORS,
    LEVEL_TEXT,
    MARGIN,
    MUTED,
    NO_LEVEL,
    RULE,
    WARN_BG,
    WARN_LINE,
    styles,
    table_style,
)
from scoring.maturity import LEVEL_THRESHOLDS, Scores, numeric
from scoring.plan import Plan, PlanAction, hours_text, why_text


class Paragraph(_Paragraph):
    """A paragraph that remembers its line breaks per width: _one_page measures a part before the
    frame lays it out at the same width, and breaking lines is most of a build's time."""

    def wrap(self, availWidth, availHeight):
        memo = self.__dict__.setdefault("_wrap_memo", {})
        hit = memo.get(availWidth)
        if hit is None:
            size = super().wrap(availWidth, availHeight)
            memo[availWidth] = (size, self.blPara, self._wrapWidths, self.width, self.height)
            return size
        size, self.blPara, self._wrapWidths, self.width, self.height = hit
        return size


PAGE_W, PAGE_H = A4
LAND_W, LAND_H = landscape(A4)
BODY_W = PAGE_W - 2 * MARGIN
LAND_BODY_W = LAND_W - 2 * LANDSCAPE_MARGIN
STATUS_COLORS = {"todo": INK, "doing": colors.HexColor("#b9770e"), "done": colors.HexColor("#1e8449")}
LANG_TAGS = {"el": "el-GR", "en": "en-GB"}


def _score_text(x: float | None, lang: str) -> str:
    """One decimal, truncated (never rounded up across a level threshold: 59.96 shows as 59,9)."""
    if x is None:
        return "–"
    return format_number(math.floor(x * 10 + 1e-9) / 10, lang, 1)


class _Ctx:
    def __init__(self, model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str):
        self.model, self.a, self.scores, self.plan, self.lang = model, assessment, scores, plan, lang
        self.s = styles()
        from checklists.applicability import Profile, for_profile, not_asked
        profile = Profile.of(assessment.company.sector, assessment.company.size)
        # The questions and actions in the business's own words (sector wording).
        self.items = for_profile(model, profile).items
        # Questions not asked of this business (size, sector): never shown as strengths or notes.
        self.skipped = not_asked(model, profile, assessment.brought_back)

    # text helpers
    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    @staticmethod
    def esc(text: str | None, limit: int | None = None) -> str:
        text = fonts.clean(text if limit is None else (text or "")[:limit])
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return text.replace("\n", "<br/>")

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of text that is already markup-safe (catalog strings with escaped params)."""
        return Paragraph(text, self.s[style])

    def tx(self, key: str, style: str = "body", **params) -> Paragraph:
        # ints stay ints (nothing to escape): a `count` picks the singular or plural form.
        return Paragraph(self.t(key, **{k: v if isinstance(v, int) else self.esc(str(v)) for k, v in params.items()}),
                         self.s[style])

    def q(self, text: str) -> str:
        """Quote a title the way each language does."""
        return f"«{text}»" if self.lang == "el" else f"‘{text}’"

    def num(self, x, decimals: int = 0) -> str:
        return format_number(x, self.lang, decimals)

    def pct(self, x: float) -> str:
        return format_number(100 * x, self.lang, 0) + " %"

    def score(self, x: float | None) -> str:
        return _score_text(x, self.lang)

    def level_name(self, level: int | None) -> str:
        return self.model.level(level).name(self.lang) if level else self.t("report.level_none")

    def level_label(self, level: int | None) -> str:
        return f"{level} · {self.level_name(level)}" if level else self.t("report.level_none")

    def pillar_title(self, pid: str, short: bool = False) -> str:
        p = self.model.pillar(pid)
        return (p.short_title if short else p.title)(self.lang)

    def answer_label(self, value, item_id: str | None = None) -> str:
        """The answer's label in the item's own answer set (frequency or existence)."""
        return self.model.option(value, item_id).label(self.lang)

    @property
    def company_name(self) -> str:
        return (self.a.company.name or "").strip()[:200]

    def sector_label(self) -> str:
        key = (self.a.company.sector or "").strip()
        if not key:
            return ""
        return self.t(f"sector.{key}") if f"sector.{key}" in catalog() else key[:100]


# ---------------------------------------------------------------- page furniture
def _canvas_class(ctx: _Ctx):
    name = fonts.clean(ctx.company_name or ctx.t("report.no_name")).replace("\n", " ")
    title = ctx.t("report.title")
    when = format_date(ctx.a.updated_at, ctx.lang)

    def fit(text: str, font: str, size: float, width: float) -> str:
        if stringWidth(text, font, size) <= width:
            return text
        while text and stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        return text + "…"

    class NumberedCanvas(Canvas):
        """Defers each page until the end, so every footer can say 'page X of Y'."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            w, h = self._pagesize
            margin = LANDSCAPE_MARGIN if w > h else MARGIN
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            if number > 1:  # running header (the cover has its own design)
                self.setFont(fonts.REGULAR, 7.5)
                self.setFillColor(MUTED)
                self.drawString(margin, h - 1.15 * cm, fit(title, fonts.REGULAR, 7.5, (w - 2 * margin) * 0.6))
                self.drawRightString(w - margin, h - 1.15 * cm, when)
                self.line(margin, h - 1.3 * cm, w - margin, h - 1.3 * cm)
            self.line(margin, 1.35 * cm, w - margin, 1.35 * cm)
            page = ctx.t("report.page", page=number, pages=total)
            self.setFont(fonts.REGULAR, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(w - margin, 0.95 * cm, page)
            room = w - 2 * margin - stringWidth(page, fonts.REGULAR, 7.5) - 1 * cm
            self.setFont(fonts.BOLD, 7.5)
            self.setFillColor(INK)
            self.drawString(margin, 0.95 * cm, fit(name, fonts.BOLD, 7.5, room))
            self.restoreState()

    return NumberedCanvas


def _cover_background(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, 0, 0.9 * cm, PAGE_H, stroke=0, fill=1)
    # The five level colours, a quiet reminder of the scale.
    seg = 3.2 * cm
    for i, level in enumerate(range(1, 6)):
        canvas.setFillColor(LEVEL_COLORS[level])
        canvas.rect(0.9 * cm, PAGE_H - 5.2 * cm - i * seg, 0.18 * cm, seg, stroke=0, fill=1)
    canvas.restoreState()


# ---------------------------------------------------------------- small building blocks
def _callout(ctx: _Ctx, paragraphs: list, kind: str = "info", width: float = BODY_W) -> Table:
    bg, line = {"warn": (WARN_BG, WARN_LINE), "good": (GOOD_BG, GOOD_LINE)}.get(kind, (ACCENT_LIGHT, ACCENT))
    tbl = Table([[p] for p in paragraphs], colWidths=[width])
    tbl.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("BACKGROUND", (0, 0), (-1, -1), bg),
            ("LINEBEFORE", (0, 0), (0, -1), 3, line),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]
    )
    return tbl


def _level_cell_style(row: int, col: int, level: int | None) -> list:
    return [("BACKGROUND", (col, row), (col, row), LEVEL_COLORS.get(level, NO_LEVEL)),
            ("TEXTCOLOR", (col, row), (col, row), LEVEL_TEXT.get(level, colors.white))]


def _level_para(ctx: _Ctx, level: int | None, style: str = "cellb") -> Paragraph:
    color = LEVEL_TEXT.get(level, colors.white).hexval()[2:]
    return Paragraph(f'<font color="#{color}">{ctx.esc(ctx.level_label(level))}</font>', ctx.s[style])


def _key_figures(ctx: _Ctx, cells: list[tuple[str, str, int | None]], width: float = BODY_W) -> Table:
    """A row of boxed key numbers: (label, value, level for colouring or None)."""
    s = ctx.s
    row = []
    style = [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 9),
             ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
    for i, (label, value, level) in enumerate(cells):
        fg = LEVEL_TEXT.get(level, INK) if level else INK
        hexfg = fg.hexval()[2:]
        row.append([Paragraph(f'<font color="#{hexfg}">{ctx.esc(upper(label))}</font>', s["kicker"]),
                    Paragraph(f'<font color="#{hexfg}">{value}</font>', s["bigger" if level else "big"])])
        if level:
            style.append(("BACKGROUND", (i, 0), (i, 0), LEVEL_COLORS[level]))
        else:
            style += [("BACKGROUND", (i, 0), (i, 0), colors.HexColor("#f4f6f7"))]
    n = len(cells)
    if cells[0][2]:  # the level box gets more room: level names are long words
        widths = [width * 0.4] + [width * 0.6 / (n - 1)] * (n - 1)
    else:
        widths = [width / n] * n
    return Table([row], colWidths=widths, style=style)


# ---------------------------------------------------------------- sections
def _cover(ctx: _Ctx, logo_flowable) -> list:
    a = ctx.a
    out: list = [Spacer(1, 1.2 * cm)]
    if logo_flowable is not None:
        out += [logo_flowable, Spacer(1, 1.0 * cm)]
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
    if sc.overall_level:
        out.append(_key_figures(ctx, [
            (ctx.t("report.overall_level"), ctx.esc(ctx.level_label(sc.overall_level)), sc.overall_level),
            (ctx.t("report.overall_score"), f'{ctx.score(sc.overall_score)}<font size="13"> / 100</font>', None),
            (ctx.t("report.completeness"), ctx.pct(sc.completeness), None),
        ]))
    out += [Spacer(1, 0.6 * cm), ctx.p(ctx.esc(ctx.t("report.cover_note")), "small")]
    return out


def _narrative(ctx: _Ctx) -> list:
    sc, m, lang = ctx.scores, ctx.model, ctx.lang
    out: list = []
    lv = m.level(sc.overall_level)
    out.append(ctx.tx("report.narr.overall", "lead", level=lv.level, name=lv.name(lang),
                      score=ctx.score(sc.overall_score)))
    out.append(ctx.p(ctx.esc(lv.description(lang))))
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
    if sc.overall_uncapped_level and sc.overall_level < sc.overall_uncapped_level:
        weakest = min(scored, key=lambda ps: (ps.level, ps.score))
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
        threshold = next(th for th, level in LEVEL_THRESHOLDS if level == nxt)
        out.append(ctx.tx("report.narr.next", level=nxt, name=m.level(nxt).name(lang), threshold=threshold))
    elif not held:
        out.append(ctx.tx("report.narr.top"))
    return out


def _urgent(ctx: _Ctx) -> list:
    plan = ctx.plan
    if not plan.actions:
        return [_callout(ctx, [ctx.tx("report.narr.no_gaps", "callout")], "good")]
    urgent = plan.start_now
    if not urgent:
        key = "report.narr.all_done" if plan.included else "report.narr.all_excluded"
        return [_callout(ctx, [ctx.tx(key, "callout")], "good" if plan.included else "info")]
    out = [ctx.p(ctx.esc(ctx.t("plan.start_now")), "h3")]
    for n, act in enumerate(urgent, start=1):
        meta = ctx.t("report.narr.first_meta", pillar=ctx.pillar_title(act.pillar, short=True), item=act.item,
                     horizon=hours_text(act.hours, ctx.lang))
        out.append(Paragraph(f"<b>{ctx.esc(act.text(ctx.lang))}</b><br/>"
                             f'<font size="8" color="#5d6d7e">{ctx.esc(meta)} · '
                             f'{ctx.esc(why_text(act.why[0], ctx.model, ctx.lang))}</font>',
                             ctx.s["numbered"], bulletText=f"{n}."))
    return out


def _pillar_table(ctx: _Ctx) -> Table:
    head = [ctx.p(ctx.esc(ctx.t(k)), st) for k, st in (("report.col.pillar", "head"), ("report.col.score", "headr"),
                                                        ("report.col.level", "head"), ("report.col.target", "head"),
                                                        ("report.col.answered", "headr"))]
    rows = [head]
    style = table_style().getCommands()
    for r, p in enumerate(ctx.model.pillars, start=1):
        ps = ctx.scores.pillars[p.id]
        tg = ctx.plan.targets[p.id]
        rows.append([
            ctx.p(ctx.esc(p.title(ctx.lang)), "cellb"),
            ctx.p(ctx.score(ps.score), "cellr"),
            _level_para(ctx, ps.level),
            ctx.p(ctx.esc(ctx.level_label(tg.target)), "cell"),
            ctx.p(f"{ps.answered}/{ps.total}", "cellr"),
        ])
        style += _level_cell_style(r, 2, ps.level)
    widths = [BODY_W - 11.8 * cm, 2.4 * cm, 3.6 * cm, 3.4 * cm, 2.4 * cm]
    return Table(rows, colWidths=widths, repeatRows=1, style=style)


def _summary(ctx: _Ctx) -> list:
    sc = ctx.scores
    out: list = [ctx.p(ctx.esc(ctx.t("report.summary")), "h1")]
    if sc.overall_level is None:
        out.append(_callout(ctx, [ctx.tx("report.summary_empty", "callout")], "warn"))
        out += [Spacer(1, 10), _pillar_table(ctx)]
        return out
    out.append(_key_figures(ctx, [
        (ctx.t("report.overall_level"), ctx.esc(ctx.level_label(sc.overall_level)), sc.overall_level),
        (ctx.t("report.overall_score"), f'{ctx.score(sc.overall_score)}<font size="13"> / 100</font>', None),
        (ctx.t("report.completeness"), ctx.pct(sc.completeness), None),
    ]))
    out.append(Spacer(1, 10))
    if sc.completeness < 1:
        out += [_callout(ctx, [ctx.tx("report.provisional", "callout", count=sc.answered, total=sc.total,
                                      pct=ctx.pct(sc.completeness))], "warn"), Spacer(1, 8)]
    out += _narrative(ctx)
    labels, current, target = [], [], []
    for p in ctx.model.pillars:
        labels.append(fonts.clean(p.short_title(ctx.lang)))
        current.append(sc.pillars[p.id].score)
        target.append(ctx.plan.targets[p.id].target_score)
    chart = charts.spider(labels, current, target, ctx.t("report.chart_current"), ctx.t("report.chart_target"),
                          width=BODY_W, height=5.0 * cm)
    out.append(chart)  # its legend names today and the target; the method explains the rings
    out += _urgent(ctx)
    return out


def _item_block(ctx: _Ctx, item_id: str, value, action: PlanAction | None) -> list:
    item = ctx.items[item_id]
    lang = ctx.lang
    meta = [item_id, ctx.t("report.answer", answer=ctx.answer_label(value, item_id))]
    if item.critical:
        meta.append(ctx.t("report.key_question"))
    if action is not None and not action.include:
        meta.append(ctx.t("plan.phase.later"))
    out = [ctx.p(ctx.esc(item.text(lang)), "item"), ctx.p(ctx.esc(" · ".join(meta)), "itemmeta")]
    if action is not None and action.include:
        out.append(Paragraph(f"<b>{ctx.esc(ctx.t('report.action'))}:</b> {ctx.esc(item.action.text(lang))}<br/>"
                             f'<font size="8" color="#5d6d7e">{ctx.esc(why_text(action.why[0], ctx.model, lang))}'
                             f"</font>", ctx.s["action"]))
    note = ctx.a.note(item_id)
    if note.strip():
        out.append(Paragraph(f"<b>{ctx.esc(ctx.t('report.note'))}:</b> {ctx.esc(note.strip(), MAX_NOTE_CHARS)}",
                             ctx.s["note"]))
    return out


def _compact_line(ctx: _Ctx, item_id: str, value, mark: str) -> list:
    """A finding in one short paragraph: the question, then id and answer in grey; its note below."""
    item = ctx.items[item_id]
    text = f"{ctx.esc(item.text(ctx.lang))} " \
           f'<font size="7" color="#5d6d7e">{item_id} · {ctx.esc(ctx.answer_label(value, item_id))}</font>'
    out = [Paragraph(text, ctx.s["compact"], bulletText=mark)]
    note = ctx.a.note(item_id).strip()
    if note:
        out.append(Paragraph(f"<b>{ctx.esc(ctx.t('report.note'))}:</b> {ctx.esc(note, MAX_NOTE_CHARS)}",
                             ctx.s["compactnote"]))
    return out


def _pillar_section(ctx: _Ctx, number: int, pillar) -> list:
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
    out.append(charts.gauge(ps.score, ps.level, tg.target_score,
                            ctx.t("report.gauge_target", target=tg.target), width=BODY_W))
    if ps.score is None:
        out.append(_callout(ctx, [ctx.tx("report.pillar_empty", "callout")], "warn"))
    if ps.capped_by:
        lines = [ctx.tx("report.capped" if ps.capped else "report.capped_soft", "callout", uncapped=ps.uncapped_level)]
        for i in ps.capped_by:
            lines.append(
                Paragraph(
                    f"<b>{i}</b> {ctx.esc(ctx.items[i].text(lang))} ({ctx.esc(ctx.answer_label(a.value(i), i))})",
                    ctx.s["calloutbullet"],
                    bulletText="•",
                )
            )
        out.append(Spacer(1, 4))
        out.append(_callout(ctx, lines, "warn"))
    strengths, other = [], []
    for item in pillar.items:
        if item.id in ctx.skipped:
            continue
        value = a.value(item.id)
        v = numeric(value)
        if v is not None and v >= 3 and value != "unknown":
            strengths.append((item.id, value))
        elif v is None and a.note(item.id).strip():
            other.append(item.id)
    actions = [act for act in ctx.plan.actions if act.pillar == pillar.id]
    if ps.answered:
        in_plan = [act for act in actions if act.include]
        later = [act for act in actions if not act.include]
        out.append(ctx.p(ctx.esc(ctx.t("report.gaps")), "h3"))
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
        shown = {act.item for act in actions}
        strengths = [(i, v) for i, v in strengths if i not in shown]
        out.append(ctx.p(ctx.esc(ctx.t("report.strengths")), "h3"))
        if strengths:
            for i, v in strengths:
                out += _compact_line(ctx, i, v, "✓")
        else:
            out.append(ctx.p(ctx.esc(ctx.t("report.no_strengths")), "muted"))
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


FRAME_H = PAGE_H - 2 * MARGIN
MAX_SHRINK = 0.8   # a page's content may be drawn down to 80 % of its size to stay on its page


class _Scaled(Flowable):
    """Flowables laid out at width ⁄ scale and drawn scaled: one more layout, not KeepInFrame's
    search for the best scale (which lays everything out again at each try)."""

    def __init__(self, flowables: list, scale: float):
        super().__init__()
        self.flowables, self.scale = flowables, scale

    def wrap(self, availWidth, availHeight):
        inner_w = availWidth / self.scale
        self._sizes = [f.wrapOn(self.canv, inner_w, 10 ** 6) for f in self.flowables]
        total = sum(
            h + f.getSpaceBefore() + f.getSpaceAfter() for f, (_, h) in zip(self.flowables, self._sizes, strict=True)
        )
        self.width, self.height = availWidth, total * self.scale
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(self.scale, self.scale)
        y = 0.0
        for f, (_, h) in zip(self.flowables, self._sizes, strict=True):
            y -= f.getSpaceBefore() + h
            f.drawOn(c, 0, y)
            y -= f.getSpaceAfter()
        c.restoreState()


def _one_page(flowables: list) -> list:
    """Keep a part on its page: content up to 1 ⁄ MAX_SHRINK of a page is drawn smaller to fit (a
    few notes too many should not cost a page); anything longer flows on, at full size."""
    height, canv = 0.0, Canvas(io.BytesIO())
    for f in flowables:
        height += f.wrapOn(canv, BODY_W, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    if height <= FRAME_H or height * MAX_SHRINK > FRAME_H:
        return flowables
    # Laid out wider, the text takes fewer lines: FRAME_H ⁄ height is a scale that surely fits.
    return [_Scaled(flowables, (FRAME_H - 2) / height)]


def _findings(ctx: _Ctx) -> list:
    out: list = []
    for n, p in enumerate(ctx.model.pillars, start=1):
        out += [PageBreak()] + _one_page(_pillar_section(ctx, n, p))
    return out


def _customer_metrics(ctx: _Ctx) -> list:
    """The survey results saved on the Measure page, as the same evidence lines the app shows."""
    if not ctx.a.surveys:
        return []
    lines = _metric_lines(ctx)
    return [PageBreak()] + lines if lines else []


def _metric_lines(ctx: _Ctx) -> list:
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
# language of the report); what is left goes to the action (58 %) and the KPI (42 %).
PLAN_COLS = ("rank", "action", "pillar", "item", "impact", "effort", "phase", "kpi", "owner", "due", "status")
CELL_PAD = 4


def _fit_width(texts: list[str], font: str, size: float, minimum: float = 0) -> float:
    words = [w for text in texts for w in text.split()] or [""]
    return max(minimum, max(stringWidth(w, font, size) for w in words) + 2 * CELL_PAD + 1)


def _plan_widths(ctx: _Ctx, total: float) -> list[float]:
    s = ctx.s
    hf, hs = s["head"].fontName, s["head"].fontSize
    cf, cs = fonts.BOLD, s["cell"].fontSize
    head = {k: ctx.t(f"report.col.{k}") for k in PLAN_COLS}
    values = {
        "rank": [str(len(ctx.plan.actions))],
        "pillar": [ctx.pillar_title(p.id, short=True) for p in ctx.model.pillars],
        "item": list(ctx.items),
        "impact": [ctx.t(f"report.impact.{i}") for i in (1, 2, 3)],
        "effort": [ctx.t(f"report.effort.{e}") for e in "SML"],
        "phase": [ctx.t(f"plan.phase_short.{k}") for k in ("1", "2", "3", "none", "later")],
        "due": ["30/12/2026"],
        "status": [ctx.t(f"report.status.{st}") for st in ("todo", "doing", "done")],
    }
    widths = {}
    for k, vals in values.items():
        w = max(_fit_width([head[k]], hf, hs), _fit_width(vals, cf, cs))
        if k == "phase":  # "61–90" on one line
            w = max(w, max(stringWidth(v, cf, cs) for v in vals) + 2 * CELL_PAD + 1)
        widths[k] = w
    widths["pillar"] = max(2.3 * cm, min(widths["pillar"], 3.2 * cm))
    widths["owner"] = 2.8 * cm
    rest = total - sum(widths.values())
    widths["action"], widths["kpi"] = rest * 0.58, rest * 0.42
    return [widths[k] for k in PLAN_COLS]


def _plan_table(ctx: _Ctx, actions: tuple[PlanAction, ...], widths: list[float]) -> Table:
    lang = ctx.lang
    rows = [[ctx.p(ctx.esc(ctx.t(f"report.col.{k}")), "headr" if k == "rank" else "head") for k in PLAN_COLS]]
    style = table_style().getCommands() + [("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                                           ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD)]
    style += [("FONTSIZE", (0, 1), (-1, -1), ctx.s["cell"].fontSize), ("LEADING", (0, 1), (-1, -1), 10),
              ("TEXTCOLOR", (0, 1), (-1, -1), INK), ("ALIGN", (0, 1), (0, -1), "RIGHT"),
              ("TOPPADDING", (0, 1), (-1, -1), 5)]
    none = "–"
    # Short values are plain strings (the column is as wide as they need): far cheaper than paragraphs.
    for r, act in enumerate(actions, start=1):
        item_cell = act.item
        if act.critical:
            item_cell = [ctx.p(act.item, "cell"),
                         ctx.p(f'<font color="#c0392b">{ctx.esc(ctx.t("report.key_short"))}</font>', "cellsmall")]
        rows.append([
            str(act.rank or ""),
            ctx.p(ctx.esc(act.text(lang)), "cell"),
            ctx.p(ctx.esc(ctx.pillar_title(act.pillar, short=True)), "cell"),
            item_cell,
            ctx.t(f"report.impact.{act.impact}"),
            ctx.t(f"report.effort.{act.effort}"),
            ctx.t(f"plan.phase_short.{act.phase or ('none' if act.include else 'later')}"),
            ctx.p(ctx.esc(act.kpi(lang)), "cell"),
            ctx.p(ctx.esc(act.owner, 200), "cell") if act.owner.strip() else none,
            format_date(act.due, lang) if act.due else none,
            ctx.t(f"report.status.{act.status}"),
        ])
        style.append(("TEXTCOLOR", (10, r), (10, r), STATUS_COLORS[act.status]))
        if act.status != "todo":
            style.append(("FONTNAME", (10, r), (10, r), fonts.BOLD))
        if not act.owner.strip():
            style.append(("TEXTCOLOR", (8, r), (8, r), NO_LEVEL))
        if not act.due:
            style.append(("TEXTCOLOR", (9, r), (9, r), NO_LEVEL))
    return Table(rows, colWidths=widths, repeatRows=1, style=style)


def _ninety_days(ctx: _Ctx) -> list:
    """One page: the three 30-day phases at the business's weekly hours, what does not fit, sign-off."""
    plan, lang = ctx.plan, ctx.lang
    out: list = [PageBreak(), ctx.p(ctx.esc(ctx.t("report.plan")), "h1")]
    if ctx.scores.overall_level is None:
        # Nothing scored yet: an empty plan means "not started", never "no gaps found".
        out.append(_callout(ctx, [ctx.tx("report.plan_not_started", "callout")], "warn"))
        return out + _signoff(ctx)
    if not plan.actions:
        out.append(_callout(ctx, [ctx.tx("report.plan_no_actions", "callout")], "good"))
        return out + _signoff(ctx)
    out.append(ctx.p(ctx.esc(ctx.t("plan.capacity_line", hours=hours_text(plan.hours_per_week, lang),
                                   phase=hours_text(round(plan.phases[0].capacity, 1), lang))), "body"))
    if not plan.included:
        out.append(_callout(ctx, [ctx.tx("report.plan_all_excluded", "callout")], "info"))
    cols = ("rank", "action", "pillar", "hours", "owner")
    cf, cs = fonts.BOLD, ctx.s["cell"].fontSize
    head = {k: ctx.t(f"report.col.{k}") for k in cols}
    head["owner"] = ctx.t("report.col.owner_due")
    fixed = {
        "rank": _fit_width([head["rank"], str(len(plan.actions))], cf, cs),
        "pillar": max(2.0 * cm, min(_fit_width([ctx.pillar_title(p.id, short=True) for p in ctx.model.pillars]
                                               + [head["pillar"]], cf, cs), 3.0 * cm)),
        "hours": _fit_width([head["hours"], ctx.num(160)], cf, cs),
        "owner": 3.0 * cm,
    }
    widths = [fixed.get(k, 0) for k in cols]
    widths[1] = BODY_W - sum(widths)
    none = "–"
    for phase in plan.phases:
        used = ctx.t("plan.phase_load", used=hours_text(round(phase.used, 1), lang),
                     capacity=hours_text(round(phase.capacity, 1), lang))
        out.append(Paragraph(f"{ctx.esc(ctx.t(f'plan.phase.{phase.number}'))} "
                             f'<font size="8.5" color="#5d6d7e">· {ctx.esc(used)}</font>', ctx.s["h3"]))
        if not phase.actions:
            out.append(ctx.p(ctx.esc(ctx.t("report.phase_empty")), "muted"))
            continue
        rows = [[ctx.p(ctx.esc(head[k]), "headr" if k in ("rank", "hours") else "head") for k in cols]]
        style = table_style().getCommands() + [("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                                               ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                                               ("FONTSIZE", (0, 1), (-1, -1), cs), ("LEADING", (0, 1), (-1, -1), 10),
                                               ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                                               ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (3, 1), (3, -1), "RIGHT")]
        for act in phase.actions:
            text = ctx.esc(act.text(lang))
            if act.status != "todo":
                color = STATUS_COLORS[act.status].hexval()[2:]
                text += f' <font color="#{color}"><b>· {ctx.esc(ctx.t(f"report.status.{act.status}"))}</b></font>'
            who = ctx.esc(act.owner, 200) if act.owner.strip() else none
            due = format_date(act.due, lang) if act.due else none
            rows.append([str(act.rank or ""), ctx.p(text, "cell"),
                         ctx.p(ctx.esc(ctx.pillar_title(act.pillar, short=True)), "cell"),
                         ctx.num(act.hours, 1 if not float(act.hours).is_integer() else 0),
                         ctx.p(f"{who}<br/>{due}", "cell")])
        out.append(Table(rows, colWidths=widths, repeatRows=1, style=style))
    if plan.overflow:
        hours = sum(a.hours for a in plan.overflow)
        key = "plan.overflow" if plan.hours_to_fit else "plan.overflow_nofit"
        text = ctx.t(key, count=len(plan.overflow), hours=hours_text(hours, lang),
                     per_week=hours_text(plan.hours_per_week, lang),
                     fit=hours_text(plan.hours_to_fit or 0, lang))
        items = "; ".join(f"{a.item} {a.text(lang)}" for a in plan.overflow)
        out += [Spacer(1, 6), _callout(ctx, [ctx.p(ctx.esc(text), "callout"), ctx.p(ctx.esc(items), "small")], "warn")]
    elif plan.included:
        out.append(ctx.p(ctx.esc(ctx.t("plan.all_fit", per_week=hours_text(plan.hours_per_week, lang))), "small"))
    if plan.later:
        out.append(ctx.p(ctx.esc(ctx.t("report.plan_later", count=len(plan.later))), "small"))
    return out + _signoff(ctx)


def _signoff(ctx: _Ctx) -> list:
    """Who assessed, when, and when to look again (six months on: the consultant's return visit)."""
    a, lang = ctx.a, ctx.lang
    when = assessed_on(a)
    assessor = ", ".join(x for x in (a.assessor.name.strip()[:200], a.assessor.organisation.strip()[:200]) if x)
    rows = [[ctx.p(ctx.esc(ctx.t(k)), "cover_label"), ctx.p(ctx.esc(v) if v else "–", "cell")] for k, v in (
        ("report.signoff_assessor", assessor), ("report.signoff_date", format_date(when, lang)),
        ("report.signoff_next", format_date(next_review(when), lang)))]
    rows.append([ctx.p(ctx.esc(ctx.t("report.signoff_sign")), "cover_label"), ""])
    tbl = Table(rows, colWidths=[5 * cm, BODY_W - 5 * cm], rowHeights=[None, None, None, 1.3 * cm])
    tbl.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (1, 3), (1, 3), 0.6, MUTED),
                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2)])
    return [ctx.p(ctx.esc(ctx.t("report.signoff")), "h2"), tbl]  # the heading keeps with the table


def _appendix(ctx: _Ctx) -> list:
    """Every gap's action (in the plan or for later), the KPIs, then the method (portrait)."""
    plan = ctx.plan
    out: list = [NextPageTemplate("landscape"), PageBreak(), ctx.p(ctx.esc(ctx.t("report.appendix_actions")), "h1")]
    if plan.actions:
        out.append(ctx.p(ctx.esc(ctx.t("report.plan_intro")), "body"))
        out.append(_plan_table(ctx, plan.actions, _plan_widths(ctx, LAND_BODY_W)))
    elif ctx.scores.overall_level is None:
        out.append(_callout(ctx, [ctx.tx("report.plan_not_started", "callout")], "warn", LAND_BODY_W))
    else:
        out.append(_callout(ctx, [ctx.tx("report.plan_no_actions", "callout")], "good", LAND_BODY_W))
    if plan.kpis:
        out += [CondPageBreak(4.5 * cm), ctx.p(ctx.esc(ctx.t("report.kpis")), "h2"),
                ctx.p(ctx.esc(ctx.t("report.kpis_intro")), "muted")]
        rank_w = _fit_width([ctx.t("report.col.rank"), str(len(plan.kpis))], fonts.BOLD, ctx.s["cell"].fontSize)
        rows = [[ctx.p(ctx.esc(ctx.t(k)), st) for k, st in
                 (("report.col.rank", "headr"), ("report.col.kpi", "head"), ("report.col.pillar", "head"),
                  ("report.col.items", "head"))]]
        for n, k in enumerate(plan.kpis, start=1):
            rows.append([str(n), ctx.p(ctx.esc(k.kpi(ctx.lang)), "cell"),
                         ctx.p(ctx.esc(ctx.pillar_title(k.pillar, short=True)), "cell"),
                         ctx.p(", ".join(k.items), "cell")])
        style = table_style().getCommands() + [("ALIGN", (0, 1), (0, -1), "RIGHT"),
                                               ("FONTSIZE", (0, 1), (0, -1), ctx.s["cell"].fontSize)]
        out.append(Table(rows, colWidths=[rank_w, LAND_BODY_W - rank_w - 10 * cm, 4 * cm, 6 * cm], repeatRows=1,
                         style=style))
    return out + _method(ctx)


def _method(ctx: _Ctx) -> list:
    m, lang = ctx.model, ctx.lang
    out: list = [NextPageTemplate("portrait"), PageBreak(), ctx.p(ctx.esc(ctx.t("report.method")), "h1"),
                 ctx.p(ctx.esc(ctx.t("report.method_intro")), "body"),
                 ctx.p(ctx.esc(ctx.t("report.method_scale")), "h2")]
    rows = [[ctx.p(ctx.esc(ctx.t(k)), st) for k, st in (("report.col.answer", "head"), ("report.col.meaning", "head"),
                                                         ("report.col.points", "headr"))]]
    for o in m.answer_scale:
        pts = ctx.num(25 * o.value) if isinstance(o.value, int) else (
            ctx.num(0) if o.value == "unknown" else ctx.t("report.points_na"))
        rows.append([ctx.p(ctx.esc(o.label(lang)), "cellb"), ctx.p(ctx.esc(o.descriptor(lang)), "cell"),
                     ctx.p(ctx.esc(pts), "cellr")])
    out.append(Table(rows, colWidths=[4.6 * cm, BODY_W - 7.4 * cm, 2.8 * cm], repeatRows=1, style=table_style()))
    out.append(ctx.p(ctx.esc(ctx.t("report.method_levels")), "h2"))
    rows = [[ctx.p(ctx.esc(ctx.t(k)), st) for k, st in (("report.col.level", "head"), ("report.col.meaning", "head"),
                                                         ("report.col.range", "headr"))]]
    style = table_style().getCommands()
    bounds = {level: th for th, level in LEVEL_THRESHOLDS}
    for r, lv in enumerate(m.levels, start=1):
        lo = bounds.get(lv.level, 0)
        hi = {1: 20, 2: 40, 3: 60, 4: 80}.get(lv.level)
        rng = ctx.t("report.range", lo=lo, hi=hi) if hi else ctx.t("report.range_top", lo=lo)
        rows.append([_level_para(ctx, lv.level), ctx.p(ctx.esc(lv.description(lang)), "cell"),
                     ctx.p(ctx.esc(rng), "cellr")])
        style += _level_cell_style(r, 0, lv.level)
    out.append(Table(rows, colWidths=[4.6 * cm, BODY_W - 7.4 * cm, 2.8 * cm], repeatRows=1, style=style))
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


# ---------------------------------------------------------------- the document
def build(model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str,
          logo: bytes | None = None, appendix: bool = False) -> bytes:
    fonts.register()
    ctx = _Ctx(model, assessment, scores, plan, lang)
    buf = io.BytesIO()
    name = ctx.company_name
    assessor = ", ".join(x for x in (assessment.assessor.name.strip(), assessment.assessor.organisation.strip()) if x)
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=fonts.clean(f"{ctx.t('report.title')} – {name}" if name else ctx.t("report.title")).replace("\n", " "),
        author=fonts.clean(assessor or "cxaudit").replace("\n", " "),
        subject=ctx.t("report.subject"), creator="cxaudit", producer="cxaudit (reportlab)",
        keywords=ctx.t("report.keywords"), lang=LANG_TAGS.get(lang, lang),
        initialFontName=fonts.REGULAR, initialFontSize=10, initialLeading=12,
    )
    portrait_frame = Frame(MARGIN, MARGIN, BODY_W, PAGE_H - 2 * MARGIN, id="body", leftPadding=0, rightPadding=0,
                           topPadding=0, bottomPadding=0)
    cover_frame = Frame(MARGIN + 0.6 * cm, MARGIN, BODY_W - 0.6 * cm, PAGE_H - 2 * MARGIN, id="cover",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    land_frame = Frame(LANDSCAPE_MARGIN, 1.8 * cm, LAND_BODY_W, LAND_H - 3.6 * cm, id="land", leftPadding=0,
                       rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("cover", [cover_frame], onPage=_cover_background, pagesize=A4, autoNextPageTemplate="portrait"),
        PageTemplate("portrait", [portrait_frame], pagesize=A4),
        PageTemplate("landscape", [land_frame], pagesize=landscape(A4)),
    ])
    logo_flowable = None
    if logo:
        reader, (w, h) = logo
        scale = min(5.5 * cm / w, 2.6 * cm / h)
        logo_flowable = Image(reader, width=w * scale, height=h * scale, hAlign="LEFT")
    story = _cover(ctx, logo_flowable)
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += _one_page(_summary(ctx))
    story += _findings(ctx)
    story += _customer_metrics(ctx)
    story += [PageBreak()] + _one_page(_ninety_days(ctx)[1:])
    if appendix:
        story += _appendix(ctx)
    doc.build(story, canvasmaker=_canvas_class(ctx))
    return buf.getvalue()
