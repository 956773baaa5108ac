"""Which gaps a section's plan closes: its target level and the fewest gaps that reach it.

Rules 1 and 2 of the plan (docs/plan.md; scoring.plan puts them together):
1. **Targets.** Per section, the user's target level (assessment.plan.targets) or current + 1, at
   most 5 (a section without a score: 2).
2. **Target-driven selection.** A section at or above its target gets no actions: its gaps are
   "later". Otherwise the plan suggests the smallest set of its gaps whose closing (answer 4) lifts
   the section to its target level:
   - when the target is above the gate cap (level 2), every critical gate of the section (a
     critical item answered 0, 1 or "don't know") is in the set, because no score can lift the
     level past 2 while one is open; they come first;
   - then the fewest further gaps whose points reach the target's lowest score (model.yaml
     min_score); among sets of that size, the one with the highest total priority (weight ×
     (4 − value) × impact ÷ effort cost, as in scoring.maturity), ties to the gap earlier in
     maturity's order.
   The user can add a "later" gap or drop a suggested one (ActionEdit.include True / False).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from scoring.maturity import GATE_CAP, GATE_VALUES

MAX_LEVEL = 5
NO_SCORE_TARGET = 2


def default_target(current: int | None) -> int:
    """current + 1, at most 5; a pillar without a score starts from 1, so 2."""
    if current is None:
        return NO_SCORE_TARGET
    return min(current + 1, MAX_LEVEL)


@dataclass(frozen=True)
class Reason:
    """Why an action is where it is: a catalog key `plan.why.<code>` and its parameters."""
    code: str
    params: tuple[tuple[str, object], ...] = ()

    def get(self, name: str, default=None):
        return dict(self.params).get(name, default)


@dataclass(frozen=True)
class PillarTarget:
    pillar: str
    current: int | None      # level now (after gates); None when the pillar has no score
    score: float | None
    target: int              # 1–5
    chosen: bool             # True when the user set it, False for the default
    target_score: int        # the lowest score of the target level (model.yaml min_score)

    @property
    def met(self) -> bool:
        return self.current is not None and self.current >= self.target


@dataclass
class SectionGap:
    """One gap of a section as the selection sees it."""
    item: str
    value: int | str
    critical: bool
    points: int               # what closing it adds to the section's points (weight × missing answer steps)
    priority: Fraction
    order: int                # position in maturity's gap order (the tie-break)

    @property
    def gate(self) -> bool:
        return self.critical and self.value in GATE_VALUES


def fewest_reaching(gaps: list[SectionGap], need: int) -> list[SectionGap]:
    """The fewest gaps whose points add up to at least `need`; among those, the highest total
    priority; ties to the set earliest in gap order. [] when need <= 0.

    A small dynamic programme over (number taken, points capped at need): a section has a few
    dozen gaps at most and `need` is a few dozen points, so it is exact and instant."""
    if need <= 0:
        return []
    # best[(count, points)] = (priority sum, indices); points capped at `need`.
    best: dict[tuple[int, int], tuple[Fraction, tuple[int, ...]]] = {(0, 0): (Fraction(0), ())}

    def better(a, b) -> bool:  # higher priority, then the earlier set (compared element by element)
        return a[0] > b[0] or (a[0] == b[0] and a[1] < b[1])

    for i, g in enumerate(gaps):
        for (count, pts), (prio, idx) in list(best.items()):
            key = (count + 1, min(need, pts + g.points))
            cand = (prio + g.priority, idx + (i,))
            if key not in best or better(cand, best[key]):
                best[key] = cand
    for count in range(1, len(gaps) + 1):
        if (count, need) in best:
            return [gaps[i] for i in best[(count, need)][1]]
    return list(gaps)  # cannot happen: closing every gap gives 100 points


def section_plan(target: PillarTarget, gaps: list[SectionGap], points: int, max_points: int,
                 capped: bool) -> dict[str, Reason]:
    """Reasons for the gaps of one section; the keys of the suggested ones are the selection."""
    if target.met or not gaps:
        return {}
    required = [g for g in gaps if g.gate] if target.target > GATE_CAP else []
    # Score after closing: 100 × (points + gained) ⁄ max_points ≥ the target's lowest score.
    need = math.ceil(Fraction(target.target_score * max_points, 100) - points) - sum(g.points for g in required)
    extra = fewest_reaching([g for g in gaps if g not in required], need)
    chosen = required + extra
    reasons: dict[str, Reason] = {}
    for g in required:
        if capped:
            reasons[g.item] = Reason("gate_caps", (("pillar", target.pillar), ("cap", GATE_CAP)))
        else:
            reasons[g.item] = Reason("gate_blocks", (("pillar", target.pillar), ("cap", GATE_CAP),
                                                     ("target", target.target)))
    for g in extra:
        reasons[g.item] = Reason("to_target", (("pillar", target.pillar), ("current", target.current),
                                               ("target", target.target), ("count", len(chosen))))
    return reasons
