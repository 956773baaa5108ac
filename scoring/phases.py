"""Capacity-driven phases: the plan's included actions placed into three 30-day phases.

Rule 4 of the plan (docs/plan.md): the business gives H hours a week (assessment.plan
.capacity_hours_per_week, or the model's default for its size band; unknown size: the smallest
default). A phase is 30 days, so it holds H × 30 ⁄ 7 hours. Actions are worked through in value
order, one after the other: an action's set-up hours (model.effort_hours[effort]) take the free
hours of the earliest phase with any left and run on into the next phase if needed; its phase is
the one it finishes in. From the next phase on, its routine (routine_hours_per_month, one month =
one phase) takes hours from every later phase. An action whose set-up or routine does not fit
whole in the 90 days is left out of the phases ("does not fit in 90 days") and the next action is
tried. No phase ever holds more hours than it has.
Status does not move an action: a done action keeps its place, so the phases stay stable while
the team ticks actions off.
"""
from __future__ import annotations

import math
from fractions import Fraction

from checklists.model import AuditModel

PHASES = (1, 2, 3)          # 30-day phases: days 1-30, 31-60, 61-90
PHASE_DAYS = 30
MAX_CAPACITY = 80           # hours a week; the Plan page's upper bound too


def default_capacity(model: AuditModel, size: str) -> float:
    """The model's weekly hours for a size band; the smallest band's when the size is unknown."""
    table = model.capacity_hours_per_week
    return float(table.get(size, min(table.values())))


def phase_hours(hours_per_week: float) -> Fraction:
    """Hours one 30-day phase holds at this weekly capacity."""
    return Fraction(str(hours_per_week)) * PHASE_DAYS / 7


def place(actions: list[tuple[str, Fraction, Fraction]], per_phase: Fraction,
          setup_hours: dict[str, list[Fraction]] | None = None
          ) -> tuple[dict[str, tuple[int, int]], list[Fraction]]:
    """Place (id, set-up hours, routine hours a month) in value order into three phases of
    `per_phase` hours each. Returns {id: (start phase, finish phase)} for the actions that fit,
    and the hours used per phase. See the module docstring. `setup_hours`, if given, receives
    each placed action's set-up hours per phase (what a phase's hours went to, in words)."""
    free = [per_phase] * len(PHASES)
    placed: dict[str, tuple[int, int]] = {}
    for item_id, setup, routine in actions:
        trial = list(free)
        taken = [Fraction(0)] * len(trial)
        left, start, finish = setup, None, None
        for ph in range(len(trial)):
            take = min(trial[ph], left)
            if take > 0:
                start = ph if start is None else start
                trial[ph] -= take
                taken[ph] = take
                left -= take
            if left == 0:
                finish = ph
                break
        if finish is None:
            continue
        if routine and any(trial[ph] < routine for ph in range(finish + 1, len(trial))):
            continue
        for ph in range(finish + 1, len(trial)):
            trial[ph] -= routine
        free = trial
        placed[item_id] = (start + 1, finish + 1)
        if setup_hours is not None:
            setup_hours[item_id] = taken
    return placed, [per_phase - f for f in free]


def hours_to_fit(actions: list[tuple[str, Fraction, Fraction]], hours_per_week: float) -> float | None:
    """The least weekly hours, in half hours, at which every action fits; None if they fit now."""
    if len(place(actions, phase_hours(hours_per_week))[0]) == len(actions):
        return None
    steps = math.ceil(hours_per_week * 2) + 1
    while steps <= 2 * MAX_CAPACITY:
        if len(place(actions, phase_hours(steps / 2))[0]) == len(actions):
            return steps / 2
        steps += 1
    return None if not actions else float(MAX_CAPACITY)
