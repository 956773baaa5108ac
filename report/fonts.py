"""The bundled DejaVu Sans family (full Greek), registered once per process.

reportlab's built-in fonts (Helvetica and friends) and its bundled Vera have no Greek, so the
report never uses them: every style, chart label and the canvas's initial font name is "CX".
Characters DejaVu Sans lacks, and every character beyond the Basic Multilingual Plane (emoji), are
replaced by U+FFFD (one per run) instead of being drawn as boxes.
"""
from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "CX"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = "CX", "CX-Bold", "CX-Italic", "CX-BoldItalic"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
REPLACEMENT = "\ufffd"

_lock = threading.Lock()
_registered = False
_charset: frozenset[int] = frozenset()
_kept: frozenset[str] = frozenset()  # characters clean() keeps as they are


def register() -> None:
    """Register the four faces and the family (so <b> and <i> work). Idempotent, thread-safe."""
    global _registered, _charset, _kept
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = {}
        for name, file in FILES.items():
            fonts[name] = TTFont(name, str(FONT_DIR / file))
            pdfmetrics.registerFont(fonts[name])
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        for name, (bold, italic) in {REGULAR: (0, 0), BOLD: (1, 0), ITALIC: (0, 1), BOLD_ITALIC: (1, 1)}.items():
            addMapping(REGULAR, bold, italic, name)
        # Characters every face can draw (the faces share almost all of them; use the intersection).
        sets = [set(f.face.charToGlyph) for f in fonts.values()]
        # Only the Basic Multilingual Plane: reportlab writes characters beyond it (DejaVu has a few
        # emoji there) into the ToUnicode map in a form text extractors cannot read back.
        _charset = frozenset(cp for cp in set.intersection(*sets) if cp <= 0xFFFF)
        _kept = frozenset(chr(cp) for cp in _charset if not _dropped(cp)) | {"\n"}
        _registered = True


def charset() -> frozenset[int]:
    register()
    return _charset


_DROP = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}  # zero-width joiner, variation selectors, keycap


def _dropped(cp: int) -> bool:
    """Control characters, emoji joiners and selectors, lone surrogates, skin-tone modifiers."""
    return cp < 32 or 0x7F <= cp < 0xA0 or cp in _DROP or 0xD800 <= cp <= 0xDFFF or 0x1F3FB <= cp <= 0x1F3FF


def clean(text: str | None) -> str:
    """User text made safe to draw: control characters out (tabs become spaces, newlines stay),
    lone surrogates and emoji joiners dropped, emoji and other pictographs the font lacks left out
    (with the space they leave), other characters the font lacks replaced by U+FFFD (one per run)."""
    if not text:
        return ""
    register()
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    if _kept.issuperset(text):
        return text  # the common case (every text of the report passes here): nothing to change
    chars = _charset
    out: list[str] = []
    after_symbol = False  # a dropped pictograph's space is dropped with it
    for ch in text:
        cp = ord(ch)
        if after_symbol and ch == " " and (not out or out[-1] in " \n"):
            continue
        if ch == "\n":
            out.append("\n")
        elif ch in "\t\r\v\f":
            out.append("\n" if ch in "\r\v\f" else " ")
        elif _dropped(cp):
            continue
        elif cp in chars:
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue  # a mark or format character the font cannot place: leave it out
        elif unicodedata.category(ch) == "So":
            # An emoji or pictograph (🥖 in «Φούρνος 🥖»): decoration, left out of a printed
            # report rather than shown as a mark. A letter the font lacks stays visible as U+FFFD.
            after_symbol = True
            continue
        elif not out or out[-1] != REPLACEMENT:
            out.append(REPLACEMENT)
        after_symbol = False
    return "".join(out).rstrip(" ") if after_symbol else "".join(out)


def escape(text: str | None, limit: int | None = None) -> str:
    """User text as Paragraph markup: cleaned as drawn (clean()), cut to `limit` characters,
    &, < and > escaped, line breaks kept."""
    text = clean(text if limit is None else (text or "")[:limit])
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")
