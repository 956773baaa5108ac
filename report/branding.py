"""The consultant's branding on every report: firm name, accent colour, logo; and the business's
own logo, optional, on the cover.

Pure data (no store, no streamlit): the store keeps it (store/branding.py), the Plan page edits it
(ui/branding.py), and the PDF and Word builders draw it. An accent colour a reader could not read
is not refused but adjusted: headings use it darkened until it reads on white, and text on it
(table headers, the cover band) is white or dark, whichever contrasts more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_ACCENT = "#1f4e79"
MAX_FIRM_CHARS = 200
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def valid_accent(text: str | None) -> bool:
    return bool(text) and bool(_HEX.match(text.strip()))


@dataclass(frozen=True)
class Branding:
    """What a report is branded with. `logo` and `client_logo` are PNG bytes already checked by
    report.load_logo (the store keeps them normalised, so a download never checks them again)."""

    firm: str = ""
    accent: str = DEFAULT_ACCENT
    logo: bytes | None = None
    client_logo: bytes | None = None

    def __post_init__(self):
        firm = " ".join((self.firm or "").split())[:MAX_FIRM_CHARS]
        object.__setattr__(self, "firm", firm)
        accent = (self.accent or "").strip().lower()
        object.__setattr__(self, "accent", accent if valid_accent(accent) else DEFAULT_ACCENT)

    @property
    def empty(self) -> bool:
        return not self.firm and self.accent == DEFAULT_ACCENT and not self.logo and not self.client_logo


NONE = Branding()


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


INK_HEX = "#1f2d3d"


def text_on(accent: str) -> str:
    """White or dark text on a band of the accent colour, whichever reads better."""
    return "#ffffff" if contrast(accent, "#ffffff") >= contrast(accent, INK_HEX) else INK_HEX


def heading_colour(accent: str, minimum: float = 4.5) -> str:
    """The accent, darkened (in steps of 8 %) until it reads on white at `minimum` contrast (WCAG AA)."""
    rgb = _rgb(accent)
    colour = accent
    factor = 1.0
    while contrast(colour, "#ffffff") < minimum and factor > 0:
        factor -= 0.08
        colour = _hex(tuple(c * factor for c in rgb))
    return colour


def tint(accent: str, amount: float = 0.9) -> str:
    """The accent mixed with white (`amount` of white): a light background of the same hue."""
    return _hex(tuple(c + (255 - c) * amount for c in _rgb(accent)))
