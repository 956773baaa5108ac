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


# Vowel pairs that read as one sound (a diphthong) unless the first carries the tonos: τσάι is
# τσα-ι. In capitals the tonos goes, so the second vowel takes a diaeresis instead: ΤΣΑΪ.
_DIPHTHONGS = {("α", "ι"), ("ε", "ι"), ("ο", "ι"), ("υ", "ι"), ("α", "υ"), ("ε", "υ"), ("η", "υ"), ("ο", "υ")}
_DIAERESIS = "\u0308"


def upper(text: str) -> str:
    """All-caps that follows Greek rules: the tonos is dropped, the diaeresis kept (ΕΛΛΑΔΑ, ΠΡΩΪΝΟ),
    and added where the tonos kept two vowels apart (τσάι → ΤΣΑΪ, Μάιος → ΜΑΪΟΣ, άυλος → ΑΫΛΟΣ)."""
    # Letters with their combining marks, so that a mark belongs to the letter before it.
    letters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    for first, second in zip(letters, letters[1:], strict=False):
        if (len(second) == 1 and any(m in _TONOS for m in first[1:])
                and (first[0].lower(), second[0].lower()) in _DIPHTHONGS):
            second.append(_DIAERESIS)
    # The tonos goes from Greek letters only: CAFÉ keeps its accent.
    out = "".join(g[0].upper() + "".join(m for m in g[1:] if m not in _TONOS or not _greek(g[0])) for g in letters)
    return unicodedata.normalize("NFC", out)


def _greek(ch: str) -> bool:
    return "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff"
