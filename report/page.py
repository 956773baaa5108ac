"""Page furniture: the running header and footer ('page X of Y') and the cover's band."""
from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from i18n import format_date
from report import fonts
from report.context import Ctx
from report.layout import PAGE_H
from report.styles import (
    ACCENT,
    INK,
    LANDSCAPE_MARGIN,
    LEVEL_COLORS,
    MARGIN,
    MUTED,
    RULE,
)


# ---------------------------------------------------------------- page furniture
def canvas_class(ctx: Ctx):
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


def cover_background(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, 0, 0.9 * cm, PAGE_H, stroke=0, fill=1)
    # The five level colours, a quiet reminder of the scale.
    seg = 3.2 * cm
    for i, level in enumerate(range(1, 6)):
        canvas.setFillColor(LEVEL_COLORS[level])
        canvas.rect(0.9 * cm, PAGE_H - 5.2 * cm - i * seg, 0.18 * cm, seg, stroke=0, fill=1)
    canvas.restoreState()
