"""Charts of the Word report as PNG images, drawn with Pillow (Word has no vector chart we can
write with python-docx): the summary's radar and the customer-metrics charts."""
from __future__ import annotations

import io
import math

from report.fonts import FONT_DIR
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
    img.save(out, format="PNG")
    return out.getvalue()
