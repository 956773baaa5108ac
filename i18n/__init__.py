"""Visible strings in Greek and English, and Greek-correct formatting and sorting.

Strings live in i18n/catalog/*.yaml as `key: {el: "...", en: "..."}`, one file per area of the
app so that each area owns its strings. `t(key, lang, **params)` looks one up and fills in
`{params}`. Nothing here imports streamlit, so the report and the CLIs use the same strings.

A string with a count has two forms in a language that needs them, chosen by the parameter
`count` (the name the metrics toolkit's warnings use too):

    store.import_bad:
      el: {one: "Το αρχείο δεν εισήχθη (1 πρόβλημα).", other: "Το αρχείο δεν εισήχθη ({count} προβλήματα)."}
      en: {one: "...", other: "..."}

`t(key, lang, count=n)` takes `one` when n == 1 and `other` otherwise (0 included, as both
languages say "0 answers"), and shows an int count formatted for the language (1.234 / 1,234).
A language whose wording does not change may keep a plain string.
"""
from __future__ import annotations

import functools
import math
from datetime import date, datetime
from pathlib import Path

import yaml

LANGS = ("el", "en")
DEFAULT_LANG = "el"
CATALOG_DIR = Path(__file__).parent / "catalog"


PLURAL_FORMS = ("one", "other")
Text = str | dict[str, str]  # a plain string, or {one: ..., other: ...}


def _valid(text) -> bool:
    if isinstance(text, dict):
        return set(text) == set(PLURAL_FORMS) and all(isinstance(v, str) and v.strip() for v in text.values())
    return isinstance(text, str) and bool(text.strip())


# libyaml's parser when PyYAML has it (its wheels do): the same catalog, read several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, Text]]:
    merged: dict[str, dict[str, Text]] = {}
    for path in sorted(CATALOG_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}  # noqa: S506 (a safe loader)
        for key, texts in data.items():
            if key in merged:
                raise ValueError(f"{path.name}: key {key!r} is defined twice")
            missing = [lang for lang in LANGS if not (isinstance(texts, dict) and _valid(texts.get(lang)))]
            if missing:
                raise ValueError(f"{path.name}: key {key!r} has no text (or not both plural forms "
                                 f"{'/'.join(PLURAL_FORMS)}) for {', '.join(missing)}")
            merged[key] = texts
    return merged


def t(key: str, lang: str = DEFAULT_LANG, /, **params) -> str:
    texts = catalog().get(key)
    if texts is None:
        # A missing key is a bug; show it plainly rather than crash a page.
        return key
    text = texts.get(lang) or texts[DEFAULT_LANG]
    count = params.get("count")
    if isinstance(text, dict):
        text = text["one"] if count == 1 else text["other"]
    if isinstance(count, int) and not isinstance(count, bool):
        params["count"] = format_number(count, lang)
    return text.format(**params) if params else text


# Sorting, folding and capitals live in i18n/greek.py; re-exported here for the pages and the report.
from i18n.greek import fold, fold_words, search_matches, sort_key, sorted_greek, upper  # noqa: E402,F401


# ---------------------------------------------------------------- numbers and dates
def format_number(x: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 0, signed: bool = False) -> str:
    """1234.5 → '1.234,5' in Greek, '1,234.5' in English. None → '–'."""
    if x is None:
        return "–"
    text = f"{x:+,.{decimals}f}" if signed else f"{x:,.{decimals}f}"
    if lang == "el":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text.replace("-", "−")


def format_percent(share: float | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """A percentage (35 for 35 %) as the UI writes it: '35 %' in Greek (a space before %, the
    Greek style), '35%' in English; decimals as format_number. None → '–'."""
    if share is None:
        return "–"
    return format_number(share, lang, decimals) + (" %" if lang == "el" else "%")


def score_value(x: float | None) -> float | None:
    """A score as shown: floored to one decimal, never rounded up across a level threshold
    (59.96 is 59.9, not 60). The one rule for every screen and file (format_score)."""
    return None if x is None else math.floor(x * 10 + 1e-9) / 10


def format_score(x: float | None, lang: str = DEFAULT_LANG) -> str:
    """A score for display: score_value in the language's decimals (59.96 → '59,9' / '59.9'). None → '–'."""
    return format_number(score_value(x), lang, 1)


MONTHS_SHORT_EL = ("Ιαν", "Φεβ", "Μαρ", "Απρ", "Μαΐ", "Ιουν", "Ιουλ", "Αυγ", "Σεπ", "Οκτ", "Νοε", "Δεκ")
MONTHS_SHORT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _as_date(d: date | datetime | str | None) -> date | None:
    if d is None or d == "":
        return None
    if isinstance(d, str):
        try:
            d = datetime.fromisoformat(d.replace("Z", "+00:00"))
        except ValueError:
            return None
    return d.date() if isinstance(d, datetime) else d


def format_date(d: date | datetime | str | None, lang: str = DEFAULT_LANG) -> str:
    """dd/mm/yyyy in both languages (the product's convention); '–' when missing."""
    d = _as_date(d)
    return d.strftime("%d/%m/%Y") if d else "–"


try:
    from zoneinfo import ZoneInfo

    # Times are shown in Greek time: the consultant and the businesses are in Greece, while the
    # server (a laptop, or a host in another zone) may not be.
    LOCAL_TZ = ZoneInfo("Europe/Athens")
except Exception:  # no time-zone database: the server's own local time
    LOCAL_TZ = None


def local_time(dt: datetime | None = None) -> datetime | None:
    """`dt` (default: now) in the product's time zone, Greek time."""
    if dt is None:
        return datetime.now(LOCAL_TZ)
    return dt.astimezone(LOCAL_TZ) if LOCAL_TZ is not None else dt


def format_datetime(d: datetime | None, lang: str = DEFAULT_LANG) -> str:
    """dd/mm/yyyy HH:MM (24-hour, both languages) of `d` as given: the caller picks the time zone."""
    return d.strftime("%d/%m/%Y %H:%M") if d is not None else "–"

