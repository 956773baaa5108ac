"""One answer cell → a score: numbers as typed ("9", "9,0", "9 - Πολύ πιθανό", "8/10", "★★★★")
and answer words ("Συμφωνώ απόλυτα", "Very satisfied"), read from answer_words.yaml."""
from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from i18n.greek import fold

from .scales import Scale

WORDS_FILE = Path(__file__).with_name("answer_words.yaml")
_PUNCT = re.compile(r"[\"'«»“”‘’.,!;·:()\[\]]+")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fold_answer(text: str) -> str:
    """How answer words are compared: folded (i18n.greek.fold), punctuation as spaces."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def _gender(word: str) -> list[str]:
    """Greek adjective in -ος with its feminine/neuter/plural forms."""
    if word.endswith("ος"):
        stem = word[:-2]
        return [word, stem + "η", stem + "ο", stem + "οι", stem + "ες"]
    return [word]


def _forms(phrase: str) -> list[str]:
    """Expand a '{ικανοποιημένος}' placeholder with the Greek gender forms."""
    m = _PLACEHOLDER.search(phrase)
    if not m:
        return [phrase]
    return [phrase[:m.start()] + f + phrase[m.end():] for f in _gender(m.group(1))]


@lru_cache(maxsize=1)
def word_tables() -> dict[str, dict[str, int]]:
    """Scale name ("nps", "csat", "ces7", "ces5") → folded answer words → score."""
    with open(WORDS_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    sets: dict[str, dict[str, int]] = {}
    for name, by_score in data["sets"].items():
        table: dict[str, int] = {}
        for score, phrases in by_score.items():
            for phrase in phrases:
                for form in _forms(str(phrase)):
                    table[fold_answer(form)] = int(score)
        sets[name] = table
    out: dict[str, dict[str, int]] = {}
    for scale, names in data["scales"].items():
        merged: dict[str, int] = {}
        for name in names:
            merged.update(sets[name])
        out[scale] = merged
    return out


def word_table(scale: Scale) -> dict[str, int]:
    """The text answers accepted for a scale (folded keys → score)."""
    key = scale.metric if scale.metric != "ces" else f"ces{scale.high}"
    return word_tables()[key]


_NUM = r"[+-]?\d+(?:[.,]\d+)?"
_PLAIN_NUM = re.compile(rf"^{_NUM}$")
_LEAD_NUM = re.compile(rf"^({_NUM})(.*)$", re.S)
_OUT_OF = re.compile(r"^\s*(?:/|out of|από|απο|στα|of)\s*(\d+)\b(.*)$", re.S | re.I)
_STARS = re.compile(r"^[★⭐☆✩✰*\s]+$")


def _to_float(tok: str) -> float:
    return float(tok.replace(",", "."))


def parse_answer(value: Any, scale: Scale) -> tuple[float | None, str | None]:
    """One answer → (number, None) or (None, reason).  Range is *not* checked here."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, "empty"
    if value is pd.NaT or value is pd.NA:
        return None, "empty"
    if isinstance(value, (bool, np.bool_)):
        return None, "not_a_number"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value), None
    if isinstance(value, (datetime, date, time, pd.Timestamp)):
        return None, "not_a_number"
    text = str(value).replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not text:
        return None, "empty"
    if _PLAIN_NUM.match(text):
        return _to_float(text), None
    if _STARS.match(text) and any(ch in text for ch in "★⭐*"):
        return float(sum(text.count(ch) for ch in "★⭐*")), None
    m = _LEAD_NUM.match(text)
    if m:
        num, rest = m.group(1), m.group(2)
        if rest[:1].isdigit():
            return None, "not_a_number"
        o = _OUT_OF.match(rest)
        if o:
            if int(o.group(1)) != scale.high or re.search(r"\d", o.group(2)):
                return None, "not_a_number"
            rest = o.group(2)
        if re.search(r"\d", rest):
            return None, "not_a_number"
        # the number must be followed by a separator, a star or a label
        if rest and not re.match(r"^[\s\-–—:.)(\[★⭐*/=]|^[^\W\d_]", rest):
            return None, "not_a_number"
        return _to_float(num), None
    key = fold_answer(text)
    table = word_table(scale)
    if key in table:
        return float(table[key]), None
    return None, "not_a_number"


