"""Which columns hold NPS, CSAT, CES, the date and the segment: header keywords in Greek and
English decide, the values break ties and veto columns whose values do not fit."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from i18n.greek import fold

from .dates import parse_dates
from .errors import SurveyInputError
from .scales import METRICS
from .scores import clean_scores


def _kw(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# (folded-header regex, weight); headers are folded with i18n.greek.fold (no accents,
# casefolded, final sigma → σ)
KEYWORDS: dict[str, list[tuple[re.Pattern, float]]] = {
    "nps": [(_kw(r"(?<![a-z])nps(?![a-z])"), 5), (_kw(r"net promoter"), 5),
            (_kw(r"recommend"), 4), (_kw(r"προτειν|προτεινα|συστησ|συστασ"), 4),
            (_kw(r"πιθανο να"), 2), (_kw(r"likely"), 2), (_kw(r"πιθαν"), 1)],
    "csat": [(_kw(r"(?<![a-z])csat(?![a-z])"), 5), (_kw(r"ικανοποι"), 4),
             (_kw(r"satisf"), 4), (_kw(r"δυσαρεστ"), 2)],
    "ces": [(_kw(r"(?<![a-z])ces(?![a-z])"), 5), (_kw(r"customer effort"), 5),
            (_kw(r"ευκολ"), 4), (_kw(r"(?<![a-z])eas(?:y|ily|e)(?![a-z])"), 4),
            (_kw(r"effort"), 4), (_kw(r"προσπαθει"), 4), (_kw(r"δυσκολ|difficult"), 1)],
    "date": [(_kw(r"χρονικη σημανση|χρονοσφραγιδ"), 6), (_kw(r"timestamp"), 6), (_kw(r"ημερομην"), 5),
             (_kw(r"ημ/νια|ημ\.?νια"), 4), (_kw(r"(?<![a-z])date(?![a-z])"), 4),
             (_kw(r"submitted|submission|υποβολη"), 3), (_kw(r"created|ωρα|(?<![a-z])time(?![a-z])"), 1)],
    "segment": [(_kw(r"segment|τμημα πελατ"), 5), (_kw(r"καταστημα"), 5), (_kw(r"καναλι"), 5),
                (_kw(r"(?<![a-z])store(?![a-z])"), 5), (_kw(r"channel"), 5),
                (_kw(r"branch|(?<![a-z])shop(?![a-z])|outlet"), 4),
                (_kw(r"τμημα|department|τοποθεσια|location|περιοχη|region|(?<![a-z])πολη|city"), 2)],
}
# A text column whose values all look like dates ("15/03/2026 10:23:11") is a date column
# whatever its header: a Google Forms export in another language, or a header left blank.
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?.*)?")
# a generic "score"/"rating" header may be any metric; the values decide
_GENERIC_SCORE = _kw(r"score|rating|βαθμολογ|αξιολογ|βαθμο")
ROLES = ("nps", "csat", "ces", "date", "segment")


def _head_non_null(col: pd.Series, k: int) -> pd.Series:
    """``col.dropna().head(k)`` without scanning and copying the whole column: ``dropna`` on
    a growing head until it holds ``k`` values (same values, same index). A numpy integer or
    boolean column holds no missing value, nor does a categorical whose first ``k`` codes are
    all set: their head is taken as it is (``dropna`` copies it, a good part of the guess)."""
    head = col.iloc[:k]
    if isinstance(col.dtype, np.dtype) and col.dtype.kind in "iub":
        return head
    if isinstance(col.dtype, pd.CategoricalDtype) and (head.array.codes >= 0).all():
        return head
    m = k
    while True:
        part = col.iloc[:m].dropna()
        if len(part) >= k or m >= len(col):
            return part.head(k)
        m *= 8


def _distinct_as_text(sample: pd.Series) -> int:
    """``sample.astype(str).nunique()`` of a sample without missing values; a categorical of
    text (the CSV reader's segments) by its codes: its categories are distinct strings already,
    so the count is the same without turning a thousand values into strings one by one."""
    if isinstance(sample.dtype, pd.CategoricalDtype) and \
            pd.api.types.is_string_dtype(sample.cat.categories.dtype):
        return len(np.unique(sample.array.codes))
    return int(sample.astype(str).nunique())


def _looks_like_dates(col: pd.Series) -> bool:
    """Text whose first values are all written as dates (a cheap look before parsing them)."""
    if pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype):
        return False
    head = _head_non_null(col, 20)
    return not head.empty and all(isinstance(v, str) and _DATE_LIKE.fullmatch(v.strip()) for v in head)


def score_fit(col: pd.Series, metric: str) -> tuple[float, float]:
    """(share of a sample that cleans to valid scores for ``metric``, max valid value)."""
    sample = _head_non_null(col, 300)
    if sample.empty:
        return 0.0, 0.0
    scale = 7 if metric == "ces" else None
    cleaned = clean_scores(sample.reset_index(drop=True), metric, scale)
    frac = cleaned.n_valid / len(sample)
    mx = float(cleaned.values.max()) if cleaned.n_valid else 0.0
    return frac, mx


def guess_columns(df: pd.DataFrame) -> dict[str, str | None]:
    """Guess which columns hold NPS, CSAT, CES, the date and the segment.

    Header keywords in Greek and English decide; the values break ties and veto columns
    whose values do not fit (e.g. a free-text "why would you recommend us?" column).
    Each column gets at most one role.  Returns ``{"nps", "csat", "ces", "date", "segment"}``
    → column name or None."""
    candidates: list[tuple[float, int, str, str]] = []
    for idx, col in enumerate(df.columns):
        h = fold(col)
        series = df[col]
        for role in ROLES:
            kw = max((w for rx, w in KEYWORDS[role] if rx.search(h)), default=0.0)
            if role in ("nps", "csat", "ces"):
                if kw == 0 and _GENERIC_SCORE.search(h):
                    kw = 0.5
                if kw == 0:
                    continue
                frac, mx = score_fit(series, role)
                if frac < 0.5:
                    continue
                # range tie-breaker: NPS uses values above 7, CES 6–7, CSAT at most 5
                fit = {"nps": 1.0 if mx > 7 else 0.0,
                       "ces": 1.0 if 5 < mx <= 7 else (0.3 if mx <= 5 else 0.0),
                       "csat": 1.0 if mx <= 5 else 0.0}[role]
                if kw < 1 and fit == 0:
                    continue
                score = kw + frac + fit
            elif role == "date":
                is_dt = pd.api.types.is_datetime64_any_dtype(series.dtype)
                if kw == 0 and not is_dt and not _looks_like_dates(series):
                    continue
                sample = _head_non_null(series, 200)
                if sample.empty:
                    continue
                frac = 1.0 if is_dt else float(parse_dates(sample).dates.notna().mean())
                if frac < 0.5:
                    continue
                score = (kw or 0.5) + frac
            else:
                if kw == 0:
                    continue
                sample = _head_non_null(series, 1000)
                if sample.empty:
                    continue
                nun = _distinct_as_text(sample)
                score = kw + (1.0 if nun <= max(50, len(sample) // 2) else 0.0)
            candidates.append((score, -idx, role, col))
    candidates.sort(reverse=True)
    out: dict[str, str | None] = {r: None for r in ROLES}
    used: set[str] = set()
    for _score, _, role, col in candidates:
        if out[role] is None and col not in used:
            out[role] = col
            used.add(col)
    return out


def resolve_column(df: pd.DataFrame, name: str) -> str:
    """Exact column name, else the one column equal to it ignoring case/accents/spaces."""
    if name in df.columns:
        return name
    matches = [c for c in df.columns if fold(c) == fold(name)]
    if len(matches) == 1:
        return matches[0]
    raise SurveyInputError("no_such_column", column=name, columns=", ".join(map(str, df.columns)))


def metric_for_column(df: pd.DataFrame, col: str, guesses: dict[str, str | None]) -> str:
    for m in METRICS:
        if guesses.get(m) == col:
            return m
    fits = {m: score_fit(df[col], m) for m in METRICS}
    mx = max(v[1] for v in fits.values())
    if fits["nps"][0] >= 0.5 and mx > 7:
        return "nps"
    if fits["ces"][0] >= 0.5 and mx > 5:
        return "ces"
    if fits["csat"][0] >= 0.5:
        return "csat"
    raise SurveyInputError("no_metric_column")
