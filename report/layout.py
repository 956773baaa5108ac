"""The report's page geometry and small building blocks: a paragraph that remembers its line
breaks, callouts, level-coloured cells, key figures, column widths that fit their words, and
`one_page`, which keeps a part on its page by drawing it slightly smaller."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus import (
    Table,
)
from reportlab.platypus.flowables import Flowable

from i18n import upper
from report import fonts
from report.styles import (
    GOOD_BG,
    GOOD_LINE,
    INK,
    LANDSCAPE_MARGIN,
    LEVEL_COLORS,
    LEVEL_TEXT,
    MARGIN,
    NO_LEVEL,
    NO_LEVEL_TEXT,
    WARN_BG,
    WARN_LINE,
)

if TYPE_CHECKING:
    from report.context import Ctx


class Paragraph(_Paragraph):
    """A paragraph that remembers its line breaks per width: one_page measures a part before the
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


# ---------------------------------------------------------------- small building blocks
class AtWidth(Flowable):
    """A flowable made for the width it is laid out at (`make(width)`): a chart spans the text
    above it also on a page that one_page lays out wider and draws smaller."""

    def __init__(self, make):
        super().__init__()
        self.make, self._made = make, {}

    def wrap(self, availWidth, availHeight):
        inner = self._made.get(availWidth)
        if inner is None:
            inner = self._made[availWidth] = self.make(availWidth)
        self._inner = inner
        self.width, self.height = inner.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        inner = self._made.get(availWidth) or self.make(availWidth)
        return inner.splitOn(self.canv, availWidth, availHeight)

    def draw(self):
        self._inner.drawOn(self.canv, 0, 0)


def callout(ctx: Ctx, paragraphs: list, kind: str = "info", width: float | None = None) -> Flowable:
    """A tinted box with a coloured rule on its left; as wide as the frame unless `width` is given."""
    if width is None:
        return AtWidth(lambda w: callout(ctx, paragraphs, kind, w))
    bg, line = {"warn": (WARN_BG, WARN_LINE), "good": (GOOD_BG, GOOD_LINE)}.get(kind, (ctx.accent_light, ctx.accent))
    tbl = Table([[p] for p in paragraphs], colWidths=[width])
    tbl.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("BACKGROUND", (0, 0), (-1, -1), bg),
                  ("LINEBEFORE", (0, 0), (0, -1), 3, line),
                  ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                  ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                  ("TOPPADDING", (0, 0), (-1, 0), 7), ("BOTTOMPADDING", (0, -1), (-1, -1), 7)])
    return tbl


def level_cell_style(row: int, col: int, level: int | None) -> list:
    return [("BACKGROUND", (col, row), (col, row), LEVEL_COLORS.get(level, NO_LEVEL)),
            ("TEXTCOLOR", (col, row), (col, row), LEVEL_TEXT.get(level, NO_LEVEL_TEXT))]


def level_para(ctx: Ctx, level: int | None, style: str = "cellb") -> Paragraph:
    color = LEVEL_TEXT.get(level, NO_LEVEL_TEXT).hexval()[2:]
    return Paragraph(f'<font color="#{color}">{ctx.esc(ctx.level_label(level))}</font>', ctx.s[style])


def key_figures(ctx: Ctx, cells: list[tuple[str, str, int | None]], width: float | None = None) -> Flowable:
    """A row of boxed key numbers: (label, value, level for colouring or None), as wide as the frame."""
    if width is None:
        return AtWidth(lambda w: key_figures(ctx, cells, w))
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
    if cells[0][2]:  # the level box gets more room: level names are long words, kept on one line
        level = cells[0][2]
        need = stringWidth(fonts.clean(ctx.level_label(level)), fonts.BOLD, s["bigger"].fontSize) + 9 + 6 + 2
        first = min(max(width * 0.4, need), width * 0.5)
        widths = [first] + [(width - first) / (n - 1)] * (n - 1)
    else:
        widths = [width / n] * n
    return Table([row], colWidths=widths, style=style)


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


def _height(flowables: list, width: float, canv: Canvas) -> float:
    return sum(f.wrapOn(canv, width, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def one_page(flowables: list, steps: int = 2) -> list:
    """Keep a part on its page: content that fits when drawn at MAX_SHRINK of its size is drawn
    smaller to fit (a few notes too many should not cost a page); anything longer flows on, at
    full size. The scale is the largest found to fit in `steps` tries of one layout each: laid
    out wider, text takes fewer lines, so FRAME_H ⁄ height surely fits; each try interpolates the
    drawn height between the largest scale seen to fit and the smallest seen not to (a scale is
    used only once it has been seen to fit)."""
    canv = Canvas(io.BytesIO())
    room = FRAME_H - 2
    height = _height(flowables, BODY_W, canv)
    if height <= FRAME_H:
        return flowables
    low = max(MAX_SHRINK, room / height)
    low_h = _height(flowables, BODY_W / low, canv) * low
    if low_h > room:   # only when even MAX_SHRINK is too little
        return flowables
    high, high_h = 1.0, height
    for _ in range(steps):
        guess = low + (high - low) * (room - low_h) / (high_h - low_h) * 0.98
        if guess - low < 0.005:
            break
        drawn = _height(flowables, BODY_W / guess, canv) * guess
        if drawn <= room:
            low, low_h = guess, drawn
        else:
            high, high_h = guess, drawn
    return [_Scaled(flowables, low)]


CELL_PAD = 4


def fit_width(texts: list[str], font: str, size: float, minimum: float = 0) -> float:
    words = [w for text in texts for w in text.split()] or [""]
    return max(minimum, max(stringWidth(w, font, size) for w in words) + 2 * CELL_PAD + 1)


MIN_WORD_SIZE = 5.5   # pt: the smallest a too-long word in a cell is set (fit_words)


def fit_words(text: str, width: float, font: str, size: float) -> str:
    """User text (an owner's name) as markup for a cell `width` points wide (its padding
    included), so that no word is cut mid-letters: a word wider than the cell breaks after a
    hyphen it has («Παπαδοπούλου-» «Χατζηγεωργίου»), and a part still too wide is set smaller,
    down to MIN_WORD_SIZE. Only a longer string still (a pasted run of letters) is split by
    ReportLab, as before."""
    room = width - 2 * CELL_PAD - 1
    lines = []
    for line in fonts.clean(text).split("\n"):
        words = []
        for word in line.split(" "):
            if stringWidth(word, font, size) <= room:
                words.append(fonts.escape(word))
                continue
            parts, packed = [p for p in word.replace("-", "-\n").split("\n") if p], []
            for part in parts:   # hyphen-joined parts, packed greedily onto lines of the cell's width
                if packed and stringWidth(packed[-1] + part, font, size) <= room:
                    packed[-1] += part
                else:
                    packed.append(part)
            shown = []
            for part in packed:
                wide = stringWidth(part, font, size)
                small = max(MIN_WORD_SIZE, int(10 * size * room / wide) / 10) if wide > room else size
                part = fonts.escape(part)
                shown.append(part if small == size else f'<font size="{small}">{part}</font>')
            words.append("<br/>".join(shown))
        lines.append(" ".join(words))
    return "<br/>".join(lines)
