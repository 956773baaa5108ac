"""Greek-aware folding and sorting: the one place that decides when two texts are "the same".

- fold(): accents (tonos and diaeresis) dropped, casefolded, final sigma as sigma, spaces collapsed.
  For answer words in survey files and anything compared as typed text.
- fold_words(): fold(), with punctuation and symbols read as spaces. For identities and search,
  so that 'Καφέ «Ήλιος» Ο.Ε.' and 'καφε ηλιος οε' are one business.
- sort_key(): the order of names in lists (DOMAIN.md): accents and case ignored, ties by the
  original. Its first part is stored in the database (clients.name_sort_key), so its output must
  not change without a migration.
"""
from __future__ import annotations

import unicodedata

_TONOS = {"\u0301", "\u0341"}  # combining acute (tonos); the diaeresis (U+0308) is kept in capitals


def _bare(text: str) -> str:
    """NFD without combining marks, casefolded, final sigma as sigma."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().replace("ς", "σ")


def fold(text: object) -> str:
    return " ".join(_bare(str(text or "")).split())


def fold_words(text: object) -> str:
    bare = _bare(str(text or ""))
    return " ".join("".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in bare).split())


def sort_key(text: str) -> tuple[str, str]:
    """Άλφα, άλφα and Αλφα sort together, and deterministically (ties by the original)."""
    return _bare(text or ""), text or ""


def sorted_greek(items, key=lambda x: x):
    return sorted(items, key=lambda x: sort_key(key(x)))


def upper(text: str) -> str:
    """All-caps that follows Greek rules: the tonos is dropped, the diaeresis kept (ΕΛΛΑΔΑ, ΠΡΩΪΝΟ)."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONOS))
