"""Native vector charts (reportlab.graphics) on a fixed 0–100 scale."""
from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from report.fonts import BOLD, REGULAR
from report.styles import INK, LEVEL_BOUNDS, LEVEL_COLORS, MUTED, NO_LEVEL, RULE, TARGET

RINGS = LEVEL_BOUNDS  # 20, 40, 60, 80, 100: each ring is a level boundary


def _drawing(width: float, height: float) -> Drawing:
    # Without this the renderer starts every drawing in Helvetica, which then lands in the PDF.
    d = Drawing(width, height, initialFontName=REGULAR, initialFontSize=8)
    return d


def _wrap(text: str, font: str, size: float, width: float, max_lines: int = 2) -> list[str]:
    words, lines, line = text.split(), [], ""
    for w in words:
        trial = f"{line} {w}".strip()
        if stringWidth(trial, font, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = w
    if line:
        lines.append(line)
    lines = lines or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    # A single word wider than the box is cut, never drawn over its neighbours.
    out = []
    for ln in lines:
        while stringWidth(ln, font, size) > width and len(ln) > 2:
            ln = ln[:-2] + "…"
        out.append(ln)
    return out


def spider(labels: list[str], current: list[float | None], target: list[float | None],
           current_name: str, target_name: str, width: float = 15.5 * cm, height: float = 8.4 * cm) -> Drawing:
    """Current scores (solid, filled) against the target (dashed) per pillar; rings at 20…100."""
    d = _drawing(width, height)
    n = len(labels)
    cx, cy = width / 2, height / 2 + 0.25 * cm
    radius = min(height / 2 - 1.1 * cm, width / 2 - 4.2 * cm)

    def pt(r: float, i: int) -> tuple[float, float]:
        a = 2 * math.pi * i / n
        return cx + radius * r / 100 * math.sin(a), cy + radius * r / 100 * math.cos(a)

    for ring in RINGS:
        pts = [c for i in range(n) for c in pt(ring, i)]
        d.add(Polygon(pts, strokeColor=RULE, strokeWidth=0.6, fillColor=None))
    for i in range(n):
        x, y = pt(100, i)
        d.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.6))
    for ring in RINGS:  # scale along the first spoke
        x, y = pt(ring, 0)
        d.add(String(x + 3, y - 2.5, str(ring), fontName=REGULAR, fontSize=6, fillColor=MUTED))

    def values(series):
        return [0.0 if v is None else max(0.0, min(100.0, float(v))) for v in series]

    tv = values(target)
    d.add(PolyLine([c for i in list(range(n)) + [0] for c in pt(tv[i], i)], strokeColor=TARGET,
                   strokeWidth=1.3, strokeDashArray=[4, 2.5]))
    cv = values(current)
    d.add(Polygon([c for i in range(n) for c in pt(cv[i], i)], strokeColor=colors.HexColor("#e67e22"),
                  strokeWidth=1.8, fillColor=colors.Color(0.902, 0.494, 0.133, alpha=0.18)))
    for i in range(n):
        x, y = pt(cv[i], i)
        d.add(Circle(x, y, 2.2, fillColor=colors.HexColor("#e67e22"), strokeColor=colors.white, strokeWidth=0.6))

    size = 7.8
    for i, label in enumerate(labels):
        x, y = pt(114, i)
        a = 2 * math.pi * i / n
        s = math.sin(a)
        anchor = "middle" if abs(s) < 0.2 else ("start" if s > 0 else "end")
        lines = _wrap(label, BOLD, size, 3.9 * cm)
        lead = size + 1.5
        top = y + (lead * (len(lines) - 1) / 2) - size / 3
        if math.cos(a) > 0.8:
            top = y + lead * (len(lines) - 1)
        elif math.cos(a) < -0.8:
            top = y - size
        for k, ln in enumerate(lines):
            d.add(String(x, top - k * lead, ln, fontName=BOLD, fontSize=size, fillColor=INK, textAnchor=anchor))

    # Legend, bottom left.
    ly = 0.15 * cm
    d.add(Rect(0, ly, 14, 8, fillColor=colors.Color(0.902, 0.494, 0.133, alpha=0.3),
               strokeColor=colors.HexColor("#e67e22"), strokeWidth=1.2))
    d.add(String(19, ly + 1, current_name, fontName=REGULAR, fontSize=7.5, fillColor=INK))
    x2 = 19 + stringWidth(current_name, REGULAR, 7.5) + 16
    d.add(Line(x2, ly + 4, x2 + 14, ly + 4, strokeColor=TARGET, strokeWidth=1.3, strokeDashArray=[4, 2.5]))
    d.add(String(x2 + 19, ly + 1, target_name, fontName=REGULAR, fontSize=7.5, fillColor=INK))
    return d


def gauge(score: float | None, level: int | None, target_score: float | None, target_label: str,
          width: float = 17 * cm, height: float = 1.25 * cm) -> Drawing:
    """One horizontal bar on 0–100 with level bands and a target mark."""
    d = _drawing(width, height)
    bar_y, bar_h = 0.42 * cm, 0.36 * cm
    usable = width - 0.4 * cm
    x0 = 0.2 * cm

    def x(v: float) -> float:
        return x0 + usable * max(0.0, min(100.0, v)) / 100

    d.add(Rect(x0, bar_y, usable, bar_h, fillColor=colors.HexColor("#eef0f2"), strokeColor=None))
    for t in RINGS[:-1]:
        d.add(Line(x(t), bar_y - 2, x(t), bar_y + bar_h + 2, strokeColor=RULE, strokeWidth=0.6))
    for t in (0,) + RINGS:
        d.add(String(x(t), 0.05 * cm, str(t), fontName=REGULAR, fontSize=6, fillColor=MUTED, textAnchor="middle"))
    if score is not None:
        d.add(Rect(x0, bar_y, max(usable * score / 100, 1.5), bar_h,
                   fillColor=LEVEL_COLORS.get(level, NO_LEVEL), strokeColor=None))
    if target_score is not None:
        tx = x(target_score)
        d.add(Line(tx, bar_y - 3, tx, bar_y + bar_h + 3, strokeColor=TARGET, strokeWidth=1.6))
        anchor = "end" if target_score > 75 else "start"
        d.add(String(tx + (-3 if anchor == "end" else 3), bar_y + bar_h + 3, target_label, fontName=REGULAR,
                     fontSize=6.5, fillColor=TARGET, textAnchor=anchor))
    return d
