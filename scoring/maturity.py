"""Maturity scoring: answers in, scores, levels, gates, completeness and ranked gaps out.

The rules (docs/scoring.md has them with a worked example). The figures are facts of the model
(checklists/content/model.yaml), read from it here and nowhere else:
- item score s = answer_points[value] / 100 (0, 25, 50, 75, 100 for 0–4; "unknown" scores 0 and
  counts as answered); "na" and unanswered items are left out of numerator and denominator.
- pillar score = 100 × Σ(w·s) / Σ(w) over its answered, non-na items; None when there are none.
- level: the highest level whose min_score the score reaches (≥80 → 5, ≥60 → 4, ≥40 → 3, ≥20 → 2,
  else 1).
- gate: a critical item answered 0, 1 or "unknown" caps its pillar's level at 2.
- overall score = pillar-weighted mean of the existing pillar scores; its level is never above the
  lowest existing pillar level + 1. When that rule lowers it, the section with the lowest level
  (then the lowest score) is the one that holds it back (Scores.holds_back).
- completeness = answered / total items ("na" counts as answered).
- questions left out for the business's size or sector (checklists/applicability.py) and not
  brought back count as "na" and are left out of the question count too: the business was never
  asked them. Their answers, if any, stay in the assessment.
- gaps: every answered item below 4 ("unknown" as 0), ranked critical first, then by
  priority = weight × (4 − value) × impact ÷ effort cost (S=1, M=2, L=3), ties by id.

Arithmetic is exact (fractions) so a score of exactly 60 is level 4, never 59.999….
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from assessment.document import Assessment
from checklists.applicability import Profile, not_asked
from checklists.model import EFFORT_COST, AuditModel

GATE_CAP = 2
GATE_VALUES = (0, 1, "unknown")
STRENGTH_MIN_VALUE = 3    # an answer of 3 or 4 ("Mostly", "Yes, written down" or better) is a strength


def level_for(model: AuditModel, score: float | Fraction | None) -> int | None:
    """The highest level whose min_score (model.yaml) the score reaches; None without a score."""
    if score is None:
        return None
    return max(lv.level for lv in model.levels if score >= lv.min_score)


def min_score(model: AuditModel, level: int) -> int:
    """The lowest score of a level (1 → 0, 2 → 20, … 5 → 80)."""
    return model.level(level).min_score


def score_range(model: AuditModel, level: int) -> tuple[int, int | None]:
    """(lowest score, the next level's lowest score) of a level; None above the top level."""
    nxt = level + 1
    return min_score(model, level), (min_score(model, nxt) if nxt <= len(model.levels) else None)


def points(model: AuditModel, value) -> int | None:
    """The points out of 100 an answer scores (model.yaml answer_points); None for na and unanswered."""
    if value is None or value == "na":
        return None
    return model.answer_points[value]


def is_strength(value) -> bool:
    """An answer the report counts as a strength: 3 or 4 (never "unknown", "na" or unanswered)."""
    v = numeric(value)
    return v is not None and value != "unknown" and v >= STRENGTH_MIN_VALUE


def numeric(value) -> int | None:
    """The 0–4 value an answer scores as; None for na and unanswered."""
    if value == "unknown":
        return 0
    if value is None or value == "na":
        return None
    return int(value)


@dataclass(frozen=True)
class PillarScore:
    pillar: str
    score: float | None
    level: int | None          # after the gate
    uncapped_level: int | None  # what the score alone would give
    completeness: float
    answered: int
    total: int
    capped_by: tuple[str, ...] = ()

    @property
    def capped(self) -> bool:
        return self.level is not None and self.uncapped_level is not None and self.level < self.uncapped_level


@dataclass(frozen=True)
class Gap:
    item: str
    pillar: str
    value: int | str   # the answer as given: 0–3 or "unknown"
    priority: float
    critical: bool


@dataclass(frozen=True)
class Scores:
    overall_score: float | None
    overall_level: int | None
    overall_uncapped_level: int | None
    completeness: float
    answered: int
    total: int
    pillars: dict[str, PillarScore] = field(default_factory=dict)
    gaps: tuple[Gap, ...] = ()
    # The section whose level keeps the overall level below what the overall score gives (the
    # lowest level, then the lowest score); None when nothing holds it back.
    holds_back: str | None = None

    def to_dict(self) -> dict:
        """The JSON shape printed by `python -m scoring`."""
        return {
            "overall": {
                "score": _round(self.overall_score),
                "level": self.overall_level,
                "completeness": round(self.completeness, 4),
            },
            "pillars": {
                pid: {
                    "score": _round(ps.score),
                    "level": ps.level,
                    "completeness": round(ps.completeness, 4),
                    "capped_by": list(ps.capped_by),
                }
                for pid, ps in self.pillars.items()
            },
            "gaps": [
                {"item": g.item, "pillar": g.pillar, "value": g.value, "priority": _round(g.priority),
                 "critical": g.critical}
                for g in self.gaps
            ],
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def score(model: AuditModel, assessment: Assessment) -> Scores:
    answers = assessment.answers
    skipped = not_asked(model, Profile.of(assessment.company.sector, assessment.company.size), assessment.brought_back)
    pillars: dict[str, PillarScore] = {}
    exact_scores: dict[str, Fraction] = {}
    gaps: list[Gap] = []
    answered_all = total_all = 0

    for pillar in model.pillars:
        num = Fraction(0)
        den = 0
        answered = 0
        capped_by: list[str] = []
        asked = [item for item in pillar.items if item.id not in skipped]
        for item in asked:
            a = answers.get(item.id)
            value = a.value if a else None
            if value is None:
                continue
            answered += 1
            v = numeric(value)
            if v is None:  # na
                continue
            num += Fraction(item.weight * points(model, value), 100)
            den += item.weight
            if item.critical and value in GATE_VALUES:
                capped_by.append(item.id)
            if v < 4:
                act = item.action
                priority = Fraction(item.weight * (4 - v) * act.impact, EFFORT_COST[act.effort])
                gaps.append(Gap(item.id, pillar.id, value, float(priority), item.critical))
        total = len(asked)
        answered_all += answered
        total_all += total
        if den:
            exact = 100 * num / den
            exact_scores[pillar.id] = exact
            uncapped = level_for(model, exact)
            level = min(uncapped, GATE_CAP) if capped_by else uncapped
            pillars[pillar.id] = PillarScore(
                pillar.id, float(exact), level, uncapped, answered / total, answered, total, tuple(capped_by)
            )
        else:
            pillars[pillar.id] = PillarScore(pillar.id, None, None, None, answered / total if total else 0.0,
                                             answered, total)

    overall = overall_level = uncapped_overall = holds_back = None
    if exact_scores:
        weights = {p.id: Fraction(str(p.weight)) for p in model.pillars}
        wsum = sum(weights[pid] for pid in exact_scores)
        exact_overall = sum(weights[pid] * s for pid, s in exact_scores.items()) / wsum
        overall = float(exact_overall)
        uncapped_overall = level_for(model, exact_overall)
        lowest = min(pillars[pid].level for pid in exact_scores)
        overall_level = min(uncapped_overall, lowest + 1)
        if overall_level < uncapped_overall:
            weakest = min((pillars[pid] for pid in exact_scores), key=lambda ps: (ps.level, ps.score))
            holds_back = weakest.pillar

    gaps.sort(key=lambda g: (not g.critical, -g.priority, g.item))
    return Scores(
        overall_score=overall,
        overall_level=overall_level,
        overall_uncapped_level=uncapped_overall,
        completeness=answered_all / total_all if total_all else 0.0,
        answered=answered_all,
        total=total_all,
        pillars=pillars,
        gaps=tuple(gaps),
        holds_back=holds_back,
    )
