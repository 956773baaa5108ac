"""Text encodings of survey exports: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
text"), and the Windows code pages cp1253 (Greek) and cp1252 (Western)."""
from __future__ import annotations

import codecs
import re

_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LATIN_EXT = re.compile(r"[\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")


def _decodes(data: bytes, encoding: str, chunk: int = 1 << 20) -> bool:
    """Strict decode of the whole buffer in chunks (bounded memory)."""
    dec = codecs.getincrementaldecoder(encoding)("strict")
    try:
        mv = memoryview(data)
        for i in range(0, len(data), chunk):
            dec.decode(mv[i:i + chunk], False)
        dec.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def _plausibility(text: str) -> int:
    """Score how plausible decoded text is: words wholly in one script count up,
    words mixing Greek with other letters count down hard."""
    score = 0
    for w in _WORD.findall(text):
        if not any(ord(ch) > 127 for ch in w):
            continue
        g = len(_GREEK.findall(w))
        if g == len(w):
            score += 2 if len(w) > 1 else 0
        elif g:
            score -= 3
        elif _LATIN_EXT.search(w):
            # Latin word with accents (café, Müller) is plausible only with few of them
            latin_ext = len(_LATIN_EXT.findall(w))
            score += 2 if latin_ext * 3 <= len(w) else -3
        else:
            score -= 1
    return score


def looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """utf-8-sig (strict) → UTF-16 by BOM (or NUL pattern) → cp1253 vs cp1252/latin-1
    by which decoding gives plausible Greek/Latin words."""
    if data.startswith(codecs.BOM_UTF8):
        if _decodes(data, "utf-8-sig"):
            return "utf-8-sig"
    elif _decodes(data, "utf-8"):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    guess16 = looks_utf16(data)
    if guess16 and _decodes(data, guess16):
        return guess16
    candidates = [enc for enc in ("cp1253", "cp1252") if _decodes(data, enc)]
    if not candidates:
        return "latin-1"
    if len(candidates) == 1:
        return candidates[0]
    # Both decode: judge on the non-ASCII part of a sample.
    sample = data[: 256 * 1024]
    scores = {enc: _plausibility(sample.decode(enc, "replace")) for enc in candidates}
    return "cp1253" if scores["cp1253"] >= scores["cp1252"] else "cp1252"


def utf8_head_ok(head: bytes, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, complete)
    except UnicodeDecodeError:
        return False
    return True
