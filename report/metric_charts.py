"""Customer-metric charts for the PDF (reportlab.graphics, vector): the NPS mix as one stacked
bar, the trend by period with its 95 % interval as a band, and the segments as bars with their
intervals. Each takes plain numbers and labels already in the report's language (report/metrics.py
prepares them from the saved SurveyResult), so the Word file's PNGs (report/word_charts.py) draw
the very same series."""
from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from report.branding import text_on
from report.fonts import BOLD, REGULAR
from report.styles import INK, MUTED, RULE

MIX_COLOURS = {"detractors": "#c0392b", "passives": "#aab7b8", "promoters": "#27ae60"}
OTHER_GROUP = "#5d6d7e"


def mix_colour(group: str) -> str:
    return MIX_COLOURS.get(group, OTHER_GROUP)


def mix_text(group: str) -> str:
    """The share's text on its part of the bar: white or dark, whichever reads better."""
    return text_on(mix_colour(group))
LINE = colors.HexColor("#1f4e79")
BAND = colors.Color(0.122, 0.306, 0.475, alpha=0.16)


def _drawing(width: float, height: float) -> Drawing:
    return Drawing(width, height, initialFontName=REGULAR, initialFontSize=7)


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while len(text) > 1 and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def mix_bar(parts: list[tuple[str, str, float, str]], width: float, height: float = 1.35 * cm) -> Drawing:
    """One 100 % bar: parts are (group, label, share 0…100, share text); legend under it."""
    d = _drawing(width, height)
    bar_y, bar_h = 0.55 * cm, 0.5 * cm
    x = 0.0
    for group, _label, share, text in parts:
        w = width * max(0.0, share) / 100
        if w <= 0:
            continue
        fill = colors.HexColor(mix_colour(group))
        d.add(Rect(x, bar_y, w, bar_h, fillColor=fill, strokeColor=colors.white, strokeWidth=0.8))
        if stringWidth(text, BOLD, 7.5) + 4 <= w:
            ink = colors.HexColor(mix_text(group))
            d.add(String(x + w / 2, bar_y + bar_h / 2 - 2.6, text, fontName=BOLD, fontSize=7.5, fillColor=ink,
                         textAnchor="middle"))
        x += w
    lx = 0.0
    for group, label, _share, text in parts:
        d.add(Rect(lx, 0.05 * cm, 7, 7, fillColor=colors.HexColor(mix_colour(group)), strokeColor=None))
        entry = f"{label} {text}"
        d.add(String(lx + 10, 0.05 * cm + 0.5, entry, fontName=REGULAR, fontSize=7, fillColor=INK))
        lx += 10 + stringWidth(entry, REGULAR, 7) + 14
    return d


def axis_range(lo: float, hi: float) -> tuple[float, float, list[float]]:
    """A range a little wider than [lo, hi] on round steps, and its ticks."""
    span = max(hi - lo, 1e-9)
    step = next(s for s in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100) if span / s <= 5)
    import math

    a = math.floor(lo / step) * step
    b = math.ceil(hi / step) * step
    if a == b:
        b = a + step
    ticks, v = [], a
    while v <= b + 1e-9:
        ticks.append(round(v, 6))
        v += step
    return a, b, ticks


def trend(points: list[tuple[str, float | None, float | None, float | None, str]], bounds: tuple[float, float],
          fmt, width: float, height: float = 4.4 * cm, title: str = "") -> Drawing:
    """The value per period (label, value, ci_low, ci_high, n text) as a line with its interval as a
    band; `bounds` is the metric's own range (NPS −100…100), `fmt` formats a value for a label."""
    d = _drawing(width, height)
    pts = [p for p in points if p[1] is not None]
    values = [v for p in pts for v in (p[1], p[2], p[3]) if v is not None]
    lo, hi, ticks = axis_range(max(bounds[0], min(values)), min(bounds[1], max(values)))
    left, right, bottom, top = 1.0 * cm, 0.3 * cm, 0.95 * cm, 0.45 * cm
    pw, ph = width - left - right, height - bottom - top

    def y(v: float) -> float:
        return bottom + ph * (v - lo) / (hi - lo)

    n = len(pts)

    def x(i: int) -> float:
        return left + (pw * (i + 0.5) / n)

    if title:
        d.add(String(0, height - 8, title, fontName=BOLD, fontSize=7.5, fillColor=INK))
    for tv in ticks:
        d.add(Line(left, y(tv), left + pw, y(tv), strokeColor=RULE, strokeWidth=0.5))
        d.add(String(left - 3, y(tv) - 2.5, fmt(tv), fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                     textAnchor="end"))
    band = [(x(i), p[2], p[3]) for i, p in enumerate(pts) if p[2] is not None and p[3] is not None]
    if len(band) >= 2:
        upper = [c for bx, _, bh in band for c in (bx, y(bh))]
        lower = [c for bx, bl, _ in reversed(band) for c in (bx, y(bl))]
        d.add(Polygon(upper + lower, fillColor=BAND, strokeColor=None))
    d.add(PolyLine([c for i, p in enumerate(pts) for c in (x(i), y(p[1]))], strokeColor=LINE, strokeWidth=1.6))
    # At most eight axis labels, fewer if they would not fit; a label too wide for its room goes on
    # two lines ("Ιουν" over "2026") rather than be cut.
    every = max(1, -(-n // 8))
    while every < n and _label_width([p[0] for p in pts], pw / n * every - 2) > pw / n * every - 2:
        every += 1
    room = pw / n * every - 2
    for i, (label, value, _lo, _hi, ntext) in enumerate(pts):
        d.add(Circle(x(i), y(value), 2.2, fillColor=LINE, strokeColor=colors.white, strokeWidth=0.6))
        d.add(String(x(i), y(value) + 4, fmt(value), fontName=BOLD, fontSize=6.5, fillColor=INK, textAnchor="middle"))
        if i % every == 0 or (i == n - 1 and (n - 1) % every >= every / 2):
            lines = _label_lines(label, room)
            for k, line in enumerate(lines):
                d.add(String(x(i), bottom - 8 - 7 * k, _fit(line, REGULAR, 6.5, room), fontName=REGULAR,
                             fontSize=6.5, fillColor=INK, textAnchor="middle"))
            d.add(String(x(i), bottom - 8 - 7 * len(lines) - 1, _fit(ntext, REGULAR, 6, room), fontName=REGULAR,
                         fontSize=6, fillColor=MUTED, textAnchor="middle"))
    return d


def _label_lines(label: str, room: float) -> list[str]:
    """A period's axis label on one line, or on two at its last space when one is too wide."""
    if stringWidth(label, REGULAR, 6.5) <= room or " " not in label.strip():
        return [label]
    return label.strip().rsplit(" ", 1)


def _label_width(labels: list[str], room: float) -> float:
    return max(stringWidth(line, REGULAR, 6.5) for label in labels for line in _label_lines(label, room))


SEGMENT_VALUE_W = 1.2 * cm
SEGMENT_BARS_W = 3.2 * cm   # room the bars and their whiskers need to be read


def _segment_label_width(rows) -> float:
    return max(stringWidth(f"{r[0]} ({r[4]})", REGULAR, 7) for r in rows if r[1] is not None) + 6


def segments_width(rows) -> float:
    """The width the segments chart needs for its labels whole, its bars and its values."""
    return min(5.2 * cm, _segment_label_width(rows)) + SEGMENT_BARS_W + SEGMENT_VALUE_W


def segments(rows: list[tuple[str, float | None, float | None, float | None, str]], bounds: tuple[float, float],
             fmt, width: float, title: str = "", row_h: float = 0.52 * cm) -> Drawing:
    """One bar per segment (label, value, ci_low, ci_high, n text) from the metric's zero (or its
    scale's low end) with the interval as a whisker; labels left, values right."""
    rows = [r for r in rows if r[1] is not None]
    head = 0.45 * cm if title else 0.0
    height = head + row_h * len(rows) + 0.45 * cm
    d = _drawing(width, height)
    if title:
        d.add(String(0, height - 8, title, fontName=BOLD, fontSize=7.5, fillColor=INK))
    label_w = min(5.2 * cm, 0.5 * width, _segment_label_width(rows))
    value_w = SEGMENT_VALUE_W
    left, pw = label_w, width - label_w - value_w
    lo, hi = bounds
    values = [v for r in rows for v in (r[1], r[2], r[3]) if v is not None]
    lo, hi, ticks = axis_range(max(lo, min(values + [0 if lo < 0 else lo])), min(hi, max(values)))
    base = 0 if lo < 0 < hi else lo

    def x(v: float) -> float:
        return left + pw * (max(lo, min(hi, v)) - lo) / (hi - lo)

    axis_y = 0.3 * cm
    for tv in ticks:
        d.add(Line(x(tv), axis_y, x(tv), height - head, strokeColor=RULE, strokeWidth=0.4))
        d.add(String(x(tv), 0.02 * cm, fmt(tv), fontName=REGULAR, fontSize=6, fillColor=MUTED, textAnchor="middle"))
    for k, (label, value, c_lo, c_hi, ntext) in enumerate(rows):
        cy = height - head - row_h * (k + 0.5)
        text = _fit(f"{label} ({ntext})", REGULAR, 7, label_w - 6)
        d.add(String(0, cy - 2.5, text, fontName=REGULAR, fontSize=7, fillColor=INK))
        x0, x1 = sorted((x(base), x(value)))
        fill = colors.HexColor("#27ae60" if value >= base else "#c0392b") if lo < 0 else LINE
        d.add(Rect(x0, cy - row_h * 0.3, max(x1 - x0, 1), row_h * 0.6, fillColor=fill, strokeColor=None))
        if c_lo is not None and c_hi is not None:
            d.add(Line(x(c_lo), cy, x(c_hi), cy, strokeColor=INK, strokeWidth=0.8))
            for cx in (x(c_lo), x(c_hi)):
                d.add(Line(cx, cy - 3, cx, cy + 3, strokeColor=INK, strokeWidth=0.8))
        d.add(String(width, cy - 2.5, fmt(value), fontName=BOLD, fontSize=7, fillColor=INK, textAnchor="end"))
    return d
