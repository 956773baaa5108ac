"""Logos: `load_logo` checks one (by its content, size and declared pixels) and returns it as a
PNG; `checked` and `header_logo` make logos ready to draw once per process per logo: the stored
branding's logos are the same bytes on every download, and decoding a 900 px PNG each time
would cost more than the rest of the cover. `header_logo` is a small copy for the running
header, so the header's image is a few kilobytes, embedded once per file.
"""
from __future__ import annotations

import functools
import io
from pathlib import Path

from i18n.problems import Problem, ProblemError, os_problem

HEADER_PX = 160   # 0.62 cm high at about 650 dpi: sharp when printed, small in the file


MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000      # e.g. 8000 × 5000
LOGO_MAX_SIDE = 900               # drawn at most ~5.5 cm wide: more pixels only cost time
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
# Other images people save as ".png": named in the message, so they know what to convert.
_OTHER_IMAGES = ((b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
                 (b"RIFF", "WEBP"), (b"<svg", "SVG"), (b"<?xml", "SVG"))


class LogoError(ProblemError):
    """The logo cannot be used; `problems` says why (i18n.problems codes, rendered in a language)."""


def _refuse(code: str, **params) -> LogoError:
    return LogoError([Problem("", code, params)])


def load_logo(logo: bytes | str | Path):
    """Check a logo and return (PNG file object, (width, height)) ready to draw. Raises LogoError.

    Only real PNG and JPEG files (by their content, not their name), at most MAX_LOGO_BYTES, and
    at most MAX_LOGO_PIXELS as their header declares, checked before any pixel is decoded: a
    small file can declare gigapixels (a decompression bomb)."""
    if isinstance(logo, (str, Path)):
        try:
            data = Path(logo).read_bytes()
        except OSError as exc:
            raise LogoError([os_problem("", exc)]) from None
    else:
        data = bytes(logo)
    if not data:
        raise _refuse("file_empty")
    if len(data) > MAX_LOGO_BYTES:
        raise _refuse("file_too_big", size=round(len(data) / 1048576, 1), limit=MAX_LOGO_BYTES // 1048576)
    if not data.startswith((PNG_SIGNATURE, JPEG_SIGNATURE)):
        kind = next((fmt for sig, fmt in _OTHER_IMAGES if data.startswith(sig)), None)
        raise _refuse("logo_format", format=kind) if kind else _refuse("logo_not_image")
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=("PNG", "JPEG"))
            w, h = img.size
            if w < 1 or h < 1:
                raise _refuse("logo_damaged")
            if w * h > MAX_LOGO_PIXELS:
                raise _refuse("logo_pixels", width=w, height=h, limit=MAX_LOGO_PIXELS // 1_000_000)
            img.load()
    except LogoError:
        raise
    except UnidentifiedImageError:
        raise _refuse("logo_not_image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse("logo_bomb", limit=MAX_LOGO_PIXELS // 1_000_000) from None
    except Exception:  # truncated or corrupt data: PIL raises OSError, SyntaxError, ValueError…
        raise _refuse("logo_damaged") from None
    if img.mode not in ("RGB", "RGBA", "L", "LA"):
        img = img.convert("RGBA" if "transparency" in img.info or img.mode in ("P", "PA") else "RGB")
    if max(w, h) > LOGO_MAX_SIDE:
        img.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    out = io.BytesIO()
    img.save(out, format="PNG")
    out.seek(0)
    return out, (w, h)


@functools.lru_cache(maxsize=16)
def checked(data: bytes) -> tuple[bytes, tuple[int, int]]:
    """(normalised PNG, (width, height)) of a logo; raises report.LogoError (never cached)."""
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
