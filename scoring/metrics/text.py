"""Small text helpers: accent-insensitive normalisation and Greek-aware sorting."""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """NFD, drop combining marks (tonos and diaeresis), NFC again."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def norm(text: object) -> str:
    """Accent-free, casefolded, whitespace-collapsed text; final sigma folded to sigma."""
    out = strip_accents(str(text)).casefold().replace("ς", "σ")
    return _WS.sub(" ", out).strip()


def sort_key(text: object) -> tuple[str, str]:
    """DOMAIN.md sorting: strip accents, casefold, compare; break ties by the original."""
    s = str(text)
    return (strip_accents(s).casefold(), s)
