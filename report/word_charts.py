"""Charts of the Word report as PNG images, drawn with Pillow (Word has no vector chart we can
write with python-docx): the summary's radar and the customer-metrics charts."""
from __future__ import annotations

import io
import math

from report.fonts import FONT_DIR
from report.metric_charts import mix_colour, mix_text
from report.styles import LEVEL_BOUNDS


def radar_png(labels: list[str], current: list[float | None], target: list[float | None],
              current_name: str, target_name: str, size: int = 900) -> bytes:
    """The summary's radar (today against the target, rings at 20…100) as a PNG."""
    from PIL import Image, ImageDraw, ImageFont

    w, h = size, int(size * 0.62)
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), size // 40)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), size // 38)
    cx, cy, r = w / 2, h / 2 + size * 0.01, h / 2 - size * 0.07
    n = len(labels)

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * value / 100 * math.cos(angle), cy + r * value / 100 * math.sin(angle)

    for ring in LEVEL_BOUNDS:
        d.polygon([point(i, ring) for i in range(n)], outline="#d5d8dc")
    for i, label in enumerate(labels):
        d.line([point(i, 0), point(i, 100)], fill="#d5d8dc")
        x, y = point(i, 118)
        d.text((x, y), label, font=bold, fill="#1f2d3d", anchor="mm")
    tgt = [point(i, v or 0) for i, v in enumerate(target)]
    d.line(tgt + tgt[:1], fill="#1f4e79", width=3)
    if any(v is not None for v in current):
        cur = [point(i, v or 0) for i, v in enumerate(current)]
        overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
        ImageDraw.Draw(overlay).polygon(cur, fill=(230, 126, 34, 90))
        img.paste(overlay, (0, 0), overlay)
        d = ImageDraw.Draw(img)
        d.line(cur + cur[:1], fill="#e67e22", width=4)
    d.rectangle([20, h - 40, 44, h - 24], fill="#e67e22")
    d.text((52, h - 32), current_name, font=font, fill="#1f2d3d", anchor="lm")
    d.line([220, h - 32, 250, h - 32], fill="#1f4e79", width=3)
    d.text((258, h - 32), target_name, font=font, fill="#1f2d3d", anchor="lm")
    out = io.BytesIO()
    img.save(out, format="PNG", compress_level=3)   # a fraction of the default's time, a little larger
    return out.getvalue()


# ---------------------------------------------------------------- customer metrics (report/metrics.py views)
def _fonts(px: int):
    from PIL import ImageFont

    return (ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), px),
            ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), px))


def _png(img) -> bytes:
    out = io.BytesIO()
    img.save(out, format="PNG", compress_level=3)
    return out.getvalue()


def mix_png(parts, width: int = 1400) -> bytes:
    """The NPS mix as one 100 % bar with its legend (the PDF's metric_charts.mix_bar)."""
    from PIL import Image, ImageDraw

    h = 120
    img = Image.new("RGB", (width, h), "white")
    d = ImageDraw.Draw(img)
    font, bold = _fonts(22)
    x = 0.0
    for group, _label, share, text in parts:
        w = width * max(0.0, share) / 100
        if w <= 0:
            continue
        d.rectangle([x, 10, x + w - 2, 60], fill=mix_colour(group))
        if d.textlength(text, font=bold) + 8 <= w:
            d.text((x + w / 2, 35), text, font=bold, anchor="mm", fill=mix_text(group))
        x += w
    lx = 0
    for group, label, _share, text in parts:
        d.rectangle([lx, 82, lx + 18, 100], fill=mix_colour(group))
        entry = f"{label} {text}"
        d.text((lx + 26, 91), entry, font=font, anchor="lm", fill="#1f2d3d")
        lx += 26 + int(d.textlength(entry, font=font)) + 36
    return _png(img)


def _ticks(lo: float, hi: float):
    from report.metric_charts import axis_range

    return axis_range(lo, hi)


def trend_png(points, bounds, fmt, title: str, width: int = 1400, height: int = 380) -> bytes:
    """The value per period with its interval as a band (the PDF's metric_charts.trend)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img, "RGBA")
    font, bold = _fonts(20)
    values = [v for p in points for v in (p[1], p[2], p[3]) if v is not None]
    lo, hi, ticks = _ticks(max(bounds[0], min(values)), min(bounds[1], max(values)))
    left, right, top, bottom = 90, 20, 50, 70
    pw, ph = width - left - right, height - top - bottom
    n = len(points)

    def x(i):
        return left + pw * (i + 0.5) / n

    def y(v):
        return top + ph * (1 - (v - lo) / (hi - lo))

    d.text((0, 4), title, font=bold, fill="#1f2d3d")
    for tv in ticks:
        d.line([left, y(tv), left + pw, y(tv)], fill="#d5d8dc", width=1)
        d.text((left - 8, y(tv)), fmt(tv), font=font, anchor="rm", fill="#5d6d7e")
    band = [(x(i), p[2], p[3]) for i, p in enumerate(points) if p[2] is not None and p[3] is not None]
    if len(band) >= 2:
        d.polygon([(bx, y(bh)) for bx, _, bh in band] + [(bx, y(bl)) for bx, bl, _ in reversed(band)],
                  fill=(31, 78, 121, 45))
    d.line([(x(i), y(p[1])) for i, p in enumerate(points)], fill="#1f4e79", width=4)
    every = max(1, -(-n // 8))
    for i, (label, value, _lo, _hi, ntext) in enumerate(points):
        d.ellipse([x(i) - 6, y(value) - 6, x(i) + 6, y(value) + 6], fill="#1f4e79")
        d.text((x(i), y(value) - 12), fmt(value), font=bold, anchor="mb", fill="#1f2d3d")
        if i % every == 0 or i == n - 1:
            d.text((x(i), height - bottom + 10), label, font=font, anchor="mt", fill="#1f2d3d")
            d.text((x(i), height - bottom + 36), ntext, font=font, anchor="mt", fill="#5d6d7e")
    return _png(img)


def segments_png(rows, bounds, fmt, title: str, width: int = 1400) -> bytes:
    """One bar per segment with its interval (the PDF's metric_charts.segments)."""
    from PIL import Image, ImageDraw

    row_h, head = 44, 44
    height = head + row_h * len(rows) + 36
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    font, bold = _fonts(20)
    d.text((0, 4), title, font=bold, fill="#1f2d3d")
    labels = [f"{r[0]} ({r[4]})" for r in rows]
    label_w = min(430, max(int(d.textlength(t, font=font)) for t in labels) + 16)
    left, pw = label_w, width - label_w - 110
    values = [v for r in rows for v in (r[1], r[2], r[3]) if v is not None]
    lo, hi, ticks = _ticks(max(bounds[0], min(values + [0 if bounds[0] < 0 else bounds[0]])),
                           min(bounds[1], max(values)))
    base = 0 if lo < 0 < hi else lo

    def x(v):
        return left + pw * (max(lo, min(hi, v)) - lo) / (hi - lo)

    for tv in ticks:
        d.line([x(tv), head, x(tv), height - 30], fill="#d5d8dc", width=1)
        d.text((x(tv), height - 4), fmt(tv), font=font, anchor="mb", fill="#5d6d7e")
    for k, (_label, value, c_lo, c_hi, _n) in enumerate(rows):
        cy = head + row_h * (k + 0.5)
        text = labels[k]
        while d.textlength(text, font=font) > label_w - 12 and len(text) > 2:
            text = text[:-2] + "…"
        d.text((0, cy), text, font=font, anchor="lm", fill="#1f2d3d")
        x0, x1 = sorted((x(base), x(value)))
        colour = ("#27ae60" if value >= base else "#c0392b") if lo < 0 else "#1f4e79"
        d.rectangle([x0, cy - 13, max(x1, x0 + 2), cy + 13], fill=colour)
        if c_lo is not None and c_hi is not None:
            d.line([x(c_lo), cy, x(c_hi), cy], fill="#1f2d3d", width=2)
            for cx in (x(c_lo), x(c_hi)):
                d.line([cx, cy - 8, cx, cy + 8], fill="#1f2d3d", width=2)
        d.text((width, cy), fmt(value), font=bold, anchor="rm", fill="#1f2d3d")
    return _png(img)
