"""Page furniture: the running header and footer ('page X of Y') and the cover's band."""
from __future__ import annotations

import io

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from i18n import format_date
from report import fonts
from report.context import Ctx
from report.layout import PAGE_H
from report.styles import (
    INK,
    LANDSCAPE_MARGIN,
    LEVEL_COLORS,
    MARGIN,
    MUTED,
    RULE,
)

# ---------------------------------------------------------------- page furniture
HEADER_LOGO_H = 0.62 * cm
HEADER_LOGO_MAX_W = 3.0 * cm


def canvas_class(ctx: Ctx):
    name = fonts.clean(ctx.company_name or ctx.t("report.no_name")).replace("\n", " ")
    title = ctx.t("report.title")
    when = format_date(ctx.a.updated_at, ctx.lang)
    firm = fonts.clean(ctx.branding.firm).replace("\n", " ")
    header_logo = None
    if ctx.branding.logo:
        from reportlab.lib.utils import ImageReader

        from report.logos import header_logo as small

        png, (lw, lh) = small(ctx.branding.logo)
        scale = min(HEADER_LOGO_H / lh, HEADER_LOGO_MAX_W / lw)
        header_logo = (ImageReader(io.BytesIO(png)), lw * scale, lh * scale)
    branded = not ctx.branding.empty

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
            if number > 1:  # running header (the cover has its own design): logo, firm, title, date
                x, base = margin, h - 1.15 * cm
                if header_logo is not None:
                    reader, lw, lh = header_logo
                    self.drawImage(reader, x, h - 1.22 * cm, width=lw, height=lh, mask="auto")
                    x += lw + 0.3 * cm
                room = (w - margin - stringWidth(when, fonts.REGULAR, 7.5) - 0.8 * cm) - x
                if firm:
                    shown = fit(firm, fonts.BOLD, 7.5, room * 0.5)
                    self.setFont(fonts.BOLD, 7.5)
                    self.setFillColor(ctx.accent_ink)
                    self.drawString(x, base, shown)
                    used = stringWidth(shown + " · ", fonts.BOLD, 7.5)
                    x, room = x + used, room - used
                self.setFont(fonts.REGULAR, 7.5)
                self.setFillColor(MUTED)
                self.drawString(x, base, fit(title, fonts.REGULAR, 7.5, room))
                self.drawRightString(w - margin, base, when)
                if branded:
                    self.setStrokeColor(ctx.accent)
                self.line(margin, h - 1.3 * cm, w - margin, h - 1.3 * cm)
                self.setStrokeColor(RULE)
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


def cover_background(ctx: Ctx):
    """The cover's band in the branding's accent, with the five level colours beside it."""
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(ctx.accent)
        canvas.rect(0, 0, 0.9 * cm, PAGE_H, stroke=0, fill=1)
        # The five level colours, a quiet reminder of the scale.
        seg = 3.2 * cm
        for i, level in enumerate(range(1, 6)):
            canvas.setFillColor(LEVEL_COLORS[level])
            canvas.rect(0.9 * cm, PAGE_H - 5.2 * cm - i * seg, 0.18 * cm, seg, stroke=0, fill=1)
        canvas.restoreState()

    return draw
