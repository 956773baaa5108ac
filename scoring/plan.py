"""The focused improvement plan: which gaps to close, in which 30-day phase, and what to start now.

Pure functions, no streamlit; docs/plan.md has the rules with a worked example, and
tests/scoring/test_plan_worked_example.py checks that example number by number.

1. **Targets.** Per section, the user's target level (assessment.plan.targets) or current + 1, at
   most 5 (a section without a score: 2).
2. **Target-driven selection.** A section at or above its target gets no actions: its gaps are
   "later". Otherwise the plan suggests the smallest set of its gaps whose closing (answer 4) lifts
   the section to its target level:
   - when the target is above the gate cap (level 2), every critical gate of the section (a
     critical item answered 0, 1 or "don't know") is in the set, because no score can lift the
     level past 2 while one is open; they come first;
   - then the fewest further gaps whose points reach the target's threshold; among sets of that
     size, the one with the highest total priority (weight × (4 − value) × impact ÷ effort cost,
     as in scoring.maturity), ties to the gap earlier in maturity's order.
   The user can add a "later" gap or drop a suggested one (ActionEdit.include True / False).
3. **Value order.** Included actions are ordered: gates that hold a level down first, then by
   priority (highest first), ties by item id. Later gaps follow in the same order.
4. **Capacity-driven phases.** The business gives H hours a week (assessment.plan
   .capacity_hours_per_week, or the model's default for its size band; unknown size: the smallest
   default). A phase is 30 days, so it holds H × 30 ⁄ 7 hours. Actions are worked through in value
   order, one after the other: an action's set-up hours (model.effort_hours[effort]) take the free
   hours of the earliest phase with any left and run on into the next phase if needed; its phase
   is the one it finishes in. From the next phase on, its routine (routine_hours_per_month, one
   month = one phase) takes hours from every later phase. An action whose set-up or routine does
   not fit whole in the 90 days is left out of the phases ("does not fit in 90 days") and the next
   action is tried. No phase ever holds more hours than it has.
   Status does not move an action: a done action keeps its place, so the phases stay stable while
   the team ticks actions off.
5. **Start now.** The first (at most 5) included actions, not done, that start in phase 1.
6. **Why.** Every action carries the reasons it is where it is (Reason codes rendered by
   why_text through the catalog) and its own gain: the points its section gains when it is closed.

Edits go through set_target(), set_capacity() and edit_action() so every entry point (page,
tracker upload, tests) writes the assessment the same way.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from assessment.document import ActionEdit, Assessment
from checklists.applicability import Profile, not_asked
from checklists.model import EFFORT_COST, AuditModel, Text
from scoring.maturity import GATE_CAP, GATE_VALUES, LEVEL_THRESHOLDS, Scores, numeric

STATUSES: tuple[str, ...] = ("todo", "doing", "done")
MAX_LEVEL = 5
NO_SCORE_TARGET = 2
PHASES = (1, 2, 3)          # 30-day phases: days 1-30, 31-60, 61-90
PHASE_DAYS = 30
START_NOW_MAX = 5
MAX_CAPACITY = 80           # hours a week; the Plan page's upper bound too


def default_target(current: int | None) -> int:
    """current + 1, at most 5; a pillar without a score starts from 1, so 2."""
    if current is None:
        return NO_SCORE_TARGET
    return min(current + 1, MAX_LEVEL)


def threshold(level: int) -> int:
    """The lowest score of a level (1 → 0, 2 → 20, … 5 → 80), from maturity's one table."""
    for low, lv in LEVEL_THRESHOLDS:
        if lv == level:
            return low
    return 0


def default_capacity(model: AuditModel, size: str) -> float:
    """The model's weekly hours for a size band; the smallest band's when the size is unknown."""
    table = model.capacity_hours_per_week
    return float(table.get(size, min(table.values())))


def phase_hours(hours_per_week: float) -> Fraction:
    """Hours one 30-day phase holds at this weekly capacity."""
    return Fraction(str(hours_per_week)) * PHASE_DAYS / 7


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

    @property
    def met(self) -> bool:
        return self.current is not None and self.current >= self.target

    @property
    def target_score(self) -> int:
        """The lowest score of the target level (level 1 → 0, 2 → 20, … 5 → 80)."""
        return threshold(self.target)


@dataclass(frozen=True)
class PlanAction:
    item: str
    pillar: str
    value: int | str          # the answer: 0–3 or "unknown"
    critical: bool
    priority: float
    text: Text                # what to do
    kpi: Text
    impact: int               # 1–3
    effort: str               # S, M, L
    horizon: int              # 30, 60, 90 days (the model's estimate; placement uses capacity)
    hours: float              # one-off hours to set it up
    routine_hours: float      # hours a month once set up
    gain: float               # points its section's score gains when this gap is closed
    suggested: bool           # the target rule picked it
    include: bool             # in the plan (the user's choice, else `suggested`)
    why: tuple[Reason, ...] = ()
    phase: int | None = None        # 1–3: the phase it finishes in; None: later or does not fit
    start_phase: int | None = None  # the phase its set-up starts in
    owner: str = ""
    due: date | None = None
    status: str = "todo"
    rank: int | None = None   # 1… among included actions, in value order

    @property
    def fits(self) -> bool:
        return self.phase is not None

    @property
    def gate(self) -> bool:
        return any(r.code in ("gate_caps", "gate_blocks") for r in self.why)


@dataclass(frozen=True)
class Phase:
    number: int               # 1, 2, 3
    capacity: float           # hours it holds
    used: float               # hours taken by set-ups and routines (never above capacity)
    actions: tuple[PlanAction, ...]   # the actions that finish in it, value order


@dataclass(frozen=True)
class PlanKpi:
    kpi: Text
    pillar: str               # pillar of the first action that tracks it
    items: tuple[str, ...]    # the item ids whose actions it tracks


@dataclass(frozen=True)
class Plan:
    targets: dict[str, PillarTarget]
    actions: tuple[PlanAction, ...]     # every gap: included in value order, then the rest
    hours_per_week: float
    capacity_chosen: bool               # the user set the weekly hours
    phases: tuple[Phase, ...] = ()
    kpis: tuple[PlanKpi, ...] = ()
    hours_to_fit: float | None = None   # weekly hours that would fit every included action (None: they fit)

    @property
    def included(self) -> tuple[PlanAction, ...]:
        return tuple(a for a in self.actions if a.include)

    @property
    def later(self) -> tuple[PlanAction, ...]:
        """Gaps not in the plan (at target, not needed, or dropped), value order."""
        return tuple(a for a in self.actions if not a.include)

    @property
    def overflow(self) -> tuple[PlanAction, ...]:
        """Included actions that do not fit in the 90 days at this capacity."""
        return tuple(a for a in self.actions if a.include and a.phase is None)

    @property
    def open_actions(self) -> tuple[PlanAction, ...]:
        """Included and not done, in value order: what to do next."""
        return tuple(a for a in self.actions if a.include and a.status != "done")

    @property
    def start_now(self) -> tuple[PlanAction, ...]:
        """At most 5: the first open actions that start in phase 1."""
        return tuple(a for a in self.open_actions if a.start_phase == 1)[:START_NOW_MAX]

    def phase(self, number: int) -> Phase:
        return self.phases[number - 1]

    def action(self, item_id: str) -> PlanAction:
        for a in self.actions:
            if a.item == item_id:
                return a
        raise KeyError(item_id)

    def counts(self) -> dict[str, int]:
        inc = self.included
        return {
            "actions": len(self.actions),
            "included": len(inc),
            "later": len(self.actions) - len(inc),
            "overflow": len(self.overflow),
            "start_now": len(self.start_now),
            "todo": sum(a.status == "todo" for a in inc),
            "doing": sum(a.status == "doing" for a in inc),
            "done": sum(a.status == "done" for a in inc),
            "with_owner": sum(bool(a.owner.strip()) for a in inc),
            "with_due": sum(a.due is not None for a in inc),
        }


# ---------------------------------------------------------------- target-driven selection
@dataclass
class _Gap:
    item: str
    value: int | str
    critical: bool
    points: int               # weight × (4 − value): what closing it adds to the section's points
    priority: Fraction
    order: int                # position in maturity's gap order (the tie-break)

    @property
    def gate(self) -> bool:
        return self.critical and self.value in GATE_VALUES


def fewest_reaching(gaps: list[_Gap], need: int) -> list[_Gap]:
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


def _section_plan(target: PillarTarget, gaps: list[_Gap], points: int, max_points: int,
                  capped: bool) -> dict[str, Reason]:
    """Reasons for the gaps of one section; the keys of the suggested ones are the selection."""
    if target.met or not gaps:
        return {}
    required = [g for g in gaps if g.gate] if target.target > GATE_CAP else []
    # Score after closing: 100 × (points + gained) ⁄ max_points ≥ threshold(target).
    need = math.ceil(Fraction(threshold(target.target) * max_points, 100) - points) - sum(g.points for g in required)
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


# ---------------------------------------------------------------- capacity-driven phases
def place(actions: list[tuple[str, Fraction, Fraction]], per_phase: Fraction
          ) -> tuple[dict[str, tuple[int, int]], list[Fraction]]:
    """Place (id, set-up hours, routine hours a month) in value order into three phases of
    `per_phase` hours each. Returns {id: (start phase, finish phase)} for the actions that fit,
    and the hours used per phase. See the module docstring, rule 4."""
    free = [per_phase] * len(PHASES)
    placed: dict[str, tuple[int, int]] = {}
    for item_id, setup, routine in actions:
        trial = list(free)
        left, start, finish = setup, None, None
        for ph in range(len(trial)):
            take = min(trial[ph], left)
            if take > 0:
                start = ph if start is None else start
                trial[ph] -= take
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
    return placed, [per_phase - f for f in free]


def _hours_to_fit(actions: list[tuple[str, Fraction, Fraction]], hours_per_week: float) -> float | None:
    """The least weekly hours, in half hours, at which every action fits; None if they fit now."""
    if len(place(actions, phase_hours(hours_per_week))[0]) == len(actions):
        return None
    steps = math.ceil(hours_per_week * 2) + 1
    while steps <= 2 * MAX_CAPACITY:
        if len(place(actions, phase_hours(steps / 2))[0]) == len(actions):
            return steps / 2
        steps += 1
    return None if not actions else float(MAX_CAPACITY)


# ---------------------------------------------------------------- the plan
def _priority(weight: int, v: int, impact: int, effort: str) -> Fraction:
    return Fraction(weight * (4 - v) * impact, EFFORT_COST[effort])


def build_plan(model: AuditModel, assessment: Assessment, scores: Scores) -> Plan:
    edits = assessment.plan
    items = model.items
    targets: dict[str, PillarTarget] = {}
    reasons: dict[str, Reason] = {}
    gain: dict[str, Fraction] = {}
    # The questions scoring.maturity leaves out for this business's size and sector count as
    # "not applicable" here too, so the points below are the same as the section's score.
    skipped = not_asked(model, Profile.of(assessment.company.sector, assessment.company.size), assessment.brought_back)
    for p in model.pillars:
        ps = scores.pillars.get(p.id)
        current = ps.level if ps else None
        chosen = edits.targets.get(p.id)
        target = int(chosen) if chosen is not None else default_target(current)
        tg = PillarTarget(p.id, current, ps.score if ps else None, max(1, min(target, MAX_LEVEL)), chosen is not None)
        targets[p.id] = tg
        points = max_points = 0
        gaps: list[_Gap] = []
        for it in p.items:
            v = None if it.id in skipped else numeric(assessment.value(it.id))
            if v is None:
                continue
            points += it.weight * v
            max_points += 4 * it.weight
            if v < 4:
                gaps.append(_Gap(it.id, assessment.value(it.id), it.critical, it.weight * (4 - v),
                                 _priority(it.weight, v, it.action.impact, it.action.effort), 0))
        order = {g.item: n for n, g in enumerate(scores.gaps)}
        gaps.sort(key=lambda g: order.get(g.item, len(order)))
        for g in gaps:
            gain[g.item] = Fraction(100 * g.points, max_points)
        suggested = _section_plan(tg, gaps, points, max_points, bool(ps and ps.capped))
        for g in gaps:
            if g.item in suggested:
                reasons[g.item] = suggested[g.item]
            elif tg.met:
                reasons[g.item] = Reason("later_met", (("pillar", p.id), ("target", tg.target)))
            else:
                reasons[g.item] = Reason("later_extra", (("pillar", p.id), ("target", tg.target)))

    drafts = []
    for gap in scores.gaps:
        item = items.get(gap.item)
        if item is None or gap.item not in reasons:  # scores from another model version
            continue
        act = item.action
        edit = edits.actions.get(gap.item) or ActionEdit()
        reason = reasons[gap.item]
        suggested = reason.code in ("gate_caps", "gate_blocks", "to_target")
        include = suggested if edit.include is None else edit.include
        why = (reason,)
        if include and not suggested:
            why = (Reason("added"),) + why
        elif suggested and not include:
            why = (Reason("dropped"),) + why
        gate = reason.code in ("gate_caps", "gate_blocks")
        drafts.append(dict(
            item=gap.item, pillar=gap.pillar, value=gap.value, critical=gap.critical, priority=gap.priority,
            text=act.text, kpi=act.kpi, impact=act.impact, effort=act.effort, horizon=act.horizon_days,
            hours=float(model.effort_hours[act.effort]), routine_hours=float(act.routine_hours_per_month),
            gain=float(gain[gap.item]), suggested=suggested, include=include, why=why,
            owner=edit.owner, due=edit.due, status=edit.status,
            _key=(not include, not (gate and include), -_priority(item.weight, numeric(gap.value), act.impact,
                                                                  act.effort), gap.item),
        ))
    drafts.sort(key=lambda d: d["_key"])

    capacity_chosen = edits.capacity_hours_per_week is not None
    hours_per_week = float(edits.capacity_hours_per_week if capacity_chosen
                           else default_capacity(model, assessment.company.size))
    per_phase = phase_hours(hours_per_week)
    work = [(d["item"], Fraction(str(d["hours"])), Fraction(str(d["routine_hours"]))) for d in drafts if d["include"]]
    placed, used = place(work, per_phase)

    actions: list[PlanAction] = []
    rank = 0
    for d in drafts:
        d.pop("_key")
        start, finish = placed.get(d["item"], (None, None))
        if d["include"]:
            rank += 1
        actions.append(PlanAction(**d, phase=finish, start_phase=start, rank=rank if d["include"] else None))

    phases = tuple(Phase(n, float(per_phase), float(used[n - 1]), tuple(a for a in actions if a.phase == n))
                   for n in PHASES)
    kpis: dict[tuple[str, str], list] = {}
    for a in actions:
        if not a.include:
            continue
        key = (a.kpi.el, a.kpi.en)
        if key in kpis:
            kpis[key][2].append(a.item)
        else:
            kpis[key] = [a.kpi, a.pillar, [a.item]]
    return Plan(
        targets=targets,
        actions=tuple(actions),
        hours_per_week=hours_per_week,
        capacity_chosen=capacity_chosen,
        phases=phases,
        kpis=tuple(PlanKpi(k, p, tuple(ids)) for k, p, ids in kpis.values()),
        hours_to_fit=_hours_to_fit(work, hours_per_week),
    )


# ---------------------------------------------------------------- words (Results, report, pages)
def why_text(reason: Reason, model: AuditModel, lang: str) -> str:
    """One reason in the user's language (catalog key plan.why.<code>)."""
    from i18n import t
    params = dict(reason.params)
    if "pillar" in params:
        params["pillar"] = model.pillar(params["pillar"]).short_title(lang)
    for key in ("cap", "current", "target"):
        if params.get(key):
            params[f"{key}_name"] = model.level(params[key]).name(lang)
    return t(f"plan.why.{reason.code}", lang, **params)


def hours_text(hours: float, lang: str) -> str:
    """'1 ώρα', '2 ώρες', '1,5 ώρες' (catalog key plan.hours)."""
    from i18n import format_number, t
    if float(hours).is_integer():
        return t("plan.hours", lang, count=int(hours))
    return t("plan.hours", lang, count=format_number(hours, lang, 1))


def gain_text(action: PlanAction, model: AuditModel, lang: str) -> str:
    """What closing this gap gives and costs: '+8,8 μονάδες για «Μέτρηση» · 2 ώρες για να στηθεί'."""
    from i18n import format_number, t
    return t("plan.gain_routine" if action.routine_hours else "plan.gain", lang,
             points=format_number(action.gain, lang, 1), pillar=model.pillar(action.pillar).short_title(lang),
             hours=hours_text(action.hours, lang), routine=hours_text(action.routine_hours, lang))


# ---------------------------------------------------------------- edits (the pages call these)
def set_target(assessment: Assessment, pillar_id: str, level: int | None) -> None:
    """Set a pillar's target level (1–5); None goes back to the default."""
    targets = dict(assessment.plan.targets)
    if level is None:
        targets.pop(pillar_id, None)
    else:
        level = int(level)
        if not 1 <= level <= MAX_LEVEL:
            raise ValueError(f"target for {pillar_id} must be 1–5")
        targets[pillar_id] = level
    assessment.plan = assessment.plan.model_copy(update={"targets": targets})
    assessment.touch()


def set_capacity(assessment: Assessment, hours_per_week: float | None) -> None:
    """Set the weekly hours for the plan (more than 0, at most 80); None goes back to the default."""
    if hours_per_week is not None:
        hours_per_week = float(hours_per_week)
        if not 0 < hours_per_week <= MAX_CAPACITY:
            raise ValueError(f"hours a week must be more than 0 and at most {MAX_CAPACITY}")
    assessment.plan = assessment.plan.model_validate(
        {**assessment.plan.model_dump(), "capacity_hours_per_week": hours_per_week})
    assessment.touch()


def edit_action(assessment: Assessment, item_id: str, **changes) -> None:
    """Change owner, due, status or include (True, False, or None = as suggested) of the action
    for `item_id` (validated)."""
    unknown = set(changes) - {"owner", "due", "status", "include"}
    if unknown:
        raise ValueError(f"unknown action field(s): {', '.join(sorted(unknown))}")
    if "owner" in changes:
        changes["owner"] = (changes["owner"] or "").strip()
    if "status" in changes and changes["status"] not in STATUSES:
        raise ValueError("status must be todo, doing or done")
    current = assessment.plan.actions.get(item_id) or ActionEdit()
    updated = ActionEdit.model_validate({**current.model_dump(), **changes})
    actions = dict(assessment.plan.actions)
    if updated == ActionEdit():
        actions.pop(item_id, None)  # back to the defaults: keep the document tidy
    else:
        actions[item_id] = updated
    assessment.plan = assessment.plan.model_copy(update={"actions": actions})
    assessment.touch()
