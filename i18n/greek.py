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

import functools
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


# Greek in Latin letters, for search: a consultant on a laptop with a Latin keyboard types
# "naxos" for «Νάξος» and "kafe alfa" for «Καφέ Άλφα». First ELOT 743 (the Greek standard, as on
# passports and road signs), digraphs before letters; then both sides are brought to one Latin
# spelling that absorbs the usual Greeklish variants (ph/f, ch/h, w/o, y/i, b for μπ, d for ντ,
# doubled letters), so "Cafe Alpha" is also found by «καφε αλφα». Search only: never stored.
# (PyPI's Greeklish packages are small and unmaintained; one table here is easier to keep.)
_ELOT_PAIRS = {"ου": "ou", "αυ": "av", "ευ": "ev", "ηυ": "iv", "γγ": "ng", "γξ": "nx", "γχ": "nch"}
_ELOT = str.maketrans({
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "υ": "y",
    "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"})
# One spelling for the ways Greeklish writes a sound, in this order (ch before c, ou before o).
_LATIN_VARIANTS = (("8", "th"), ("ph", "f"), ("ch", "h"), ("kh", "h"), ("ck", "k"), ("c", "k"), ("q", "k"),
                   ("ks", "x"), ("mp", "b"), ("nt", "d"), ("gk", "g"), ("ng", "g"), ("b", "v"),
                   ("ou", "u"), ("w", "o"), ("ai", "e"), ("ei", "i"), ("oi", "i"), ("y", "i"), ("j", "i"))


def to_latin(text: object) -> str:
    """ELOT 743 transliteration of fold_words(text): «Καφέ Άλφα» → 'kafe alfa', «Νάξος» → 'naxos'."""
    out = fold_words(text)
    for greek, latin in _ELOT_PAIRS.items():
        out = out.replace(greek, latin)
    return out.translate(_ELOT)


@functools.lru_cache(maxsize=8192)
def search_spelling(text: str) -> str:
    """The one Latin spelling that search compares: Greek, Greeklish and Latin typings of a name
    meet ('Νάξος', 'naxos', 'NAKSOS' → 'naxos'; 'Καφέ Άλφα', 'cafe alpha' → 'kafe alfa')."""
    out = to_latin(text)
    for variant, canonical in _LATIN_VARIANTS:
        out = out.replace(variant, canonical)
    # Doubled letters as one (Άννα / Ana, Καφφέ / kafe), spaces kept.
    return "".join(ch for k, ch in enumerate(out) if k == 0 or ch != out[k - 1] or ch == " ")


def search_matches(query: str, *texts: str) -> bool:
    """Every word of `query` is found in `texts`, as typed (accents, case and punctuation aside)
    or in Latin letters: 'ηλιος', 'ΗΛΙΟΣ', 'ilios', 'hlios' and 'kafe' find «Καφέ Ήλιος»; «καφε»
    finds 'Cafe'; 'fo', the start of 'fournos', finds «Φούρνος»."""
    forms = _search_forms(" ".join(texts))
    return all(any(spelling in form for form in forms for spelling in spellings) for spellings in _query_words(query))


@functools.lru_cache(maxsize=8192)
def _search_forms(text: str) -> tuple[str, str, str]:
    """As typed; in the one Latin spelling; in plain ELOT 743, where a word typed half-way ('fo'
    for 'fou…') still matches a digraph the one spelling has already merged (ου → u)."""
    return fold_words(text), search_spelling(text), to_latin(text)


@functools.lru_cache(maxsize=256)
def _query_words(query: str) -> tuple[tuple[str, ...], ...]:
    """Each word's spellings: as typed, in the one Latin spelling and, since Greeklish also
    writes η as 'h' ('hlios' for «Ήλιος») and English spelling as 'e' ('Zoe' for «Ζωή»), with its
    h, and then its e, read as i."""
    words = []
    for word in fold_words(query).split():
        spelt = search_spelling(word)
        words.append(tuple(dict.fromkeys((word, spelt, spelt.replace("h", "i"), spelt.replace("e", "i")))))
    return tuple(words)
