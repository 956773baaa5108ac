"""Logos made ready to draw, once per process per logo: the stored branding's logos are the same
bytes on every download, and decoding a 900 px PNG for each of them would cost more than the
rest of the cover.

`checked` runs report.load_logo (content checks, normalised PNG); `header_logo` is a small copy
for the running header, so the header's image is a few kilobytes, embedded once per file.
"""
from __future__ import annotations

import functools
import io

HEADER_PX = 160   # 0.62 cm high at about 650 dpi: sharp when printed, small in the file


@functools.lru_cache(maxsize=16)
def checked(data: bytes) -> tuple[bytes, tuple[int, int]]:
    """(normalised PNG, (width, height)) of a logo; raises report.LogoError (never cached)."""
    from report import load_logo

    reader, size = load_logo(data)
    return reader.getvalue(), size


@functools.lru_cache(maxsize=16)
def header_logo(data: bytes) -> tuple[bytes, tuple[int, int]]:
    from PIL import Image

    png, _ = checked(data)
    img = Image.open(io.BytesIO(png))
    img.thumbnail((HEADER_PX * 4, HEADER_PX))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue(), img.size
