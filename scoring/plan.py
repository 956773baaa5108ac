"""The focused improvement plan: which gaps to close, in which 30-day phase, and what to start now.

Pure functions, no streamlit; docs/plan.md has the rules with a worked example, and
tests/scoring/test_plan_worked_example.py checks that example number by number.

1. **Targets** and 2. **target-driven selection**: scoring/selection.py.
3. **Value order.** Included actions are ordered: gates that hold a level down first, then by
   priority (highest first), ties by item id. Later gaps follow in the same order.
4. **Capacity-driven phases**: scoring/phases.py.
5. **Start now.** The first (at most 5) included actions, not done, that start in phase 1.
6. **Why.** Every action carries the reasons it is where it is (Reason codes rendered by
   why_text through the catalog) and its own gain: the points its section gains when it is closed.

Edits go through set_target(), set_capacity() and edit_action() (scoring/plan_edits.py) so every
entry point (page, tracker upload, tests) writes the assessment the same way. This module names
the parts of the plan its callers use, so they import them from here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from assessment.document import ActionEdit, Assessment
from checklists.applicability import Profile, for_assessment, not_asked
from checklists.model import EFFORT_COST, AuditModel, Text
from scoring.maturity import Scores, min_score, numeric, points
from scoring.phases import PHASES, default_capacity, hours_to_fit, phase_hours, place
from scoring.plan_edits import STATUSES, edit_action, set_capacity, set_target
from scoring.selection import (
    MAX_LEVEL,
    PillarTarget,
    Reason,
    SectionGap,
    default_target,
    fewest_reaching,
    section_plan,
)

__all__ = [
    "START_NOW_MAX", "STATUSES", "Phase", "PillarTarget", "Plan", "PlanAction", "PlanKpi", "Reason",
    "build_plan", "carried_text", "default_capacity", "default_target", "edit_action", "fewest_reaching", "gain_text",
    "hours_text", "phase_words", "set_capacity", "set_target", "when_text", "why_text",
]

START_NOW_MAX = 5


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
    routine: float = 0.0      # of `used`: the monthly routines of actions set up in earlier phases
    # Of `used`: (action, hours) whose set-up runs here and finishes in a later phase.
    running_on: tuple[tuple[PlanAction, float], ...] = ()


@dataclass(frozen=True)
class PlanKpi:
    kpi: Text
    pillar: str               # pillar of the first action that tracks it
    items: tuple[str, ...]    # the item ids whose actions it tracks


@dataclass(frozen=True)
class Plan:
    targets: dict[str, PillarTarget]
    actions: tuple[PlanAction, ...]     # every gap: included that fit, included that do not, the rest; value order
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


# ---------------------------------------------------------------- the plan
def _priority(weight: int, v: int, impact: int, effort: str) -> Fraction:
    return Fraction(weight * (4 - v) * impact, EFFORT_COST[effort])


def build_plan(model: AuditModel, assessment: Assessment, scores: Scores) -> Plan:
    # Actions and KPIs in the business's own words (wording only: the same items and points).
    model = for_assessment(model, assessment)
    edits = assessment.plan
    items = model.items
    unit = math.gcd(*model.answer_points.values())
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
        target = max(1, min(target, MAX_LEVEL))
        tg = PillarTarget(p.id, current, ps.score if ps else None, target, chosen is not None,
                          min_score(model, target))
        targets[p.id] = tg
        have = max_points = 0
        gaps: list[SectionGap] = []
        for it in p.items:
            value = None if it.id in skipped else assessment.value(it.id)
            pts = points(model, value)
            if pts is None:
                continue
            # In steps of `unit` points (25 for 0–4): the same section score, small numbers for the selection.
            have += it.weight * pts // unit
            max_points += it.weight * 100 // unit
            if pts < 100:
                gaps.append(SectionGap(it.id, value, it.critical, it.weight * (100 - pts) // unit,
                                       _priority(it.weight, numeric(value), it.action.impact, it.action.effort), 0))
        order = {g.item: n for n, g in enumerate(scores.gaps)}
        gaps.sort(key=lambda g: order.get(g.item, len(order)))
        for g in gaps:
            gain[g.item] = Fraction(100 * g.points, max_points)
        suggested = section_plan(tg, gaps, have, max_points, bool(ps and ps.capped))
        # A gap left for later in a section below its target: the section reaches it with the
        # suggested steps (rule 2), not "without it" as it stands, which was false while a key
        # question (EMO-08) held the section down. Named: the key questions alone, or the steps.
        steps = [g.item for g in gaps if g.item in suggested]
        gates_only = all(suggested[i].code in ("gate_caps", "gate_blocks") for i in steps)
        for g in gaps:
            if g.item in suggested:
                reasons[g.item] = suggested[g.item]
            elif tg.met:
                reasons[g.item] = Reason("later_met", (("pillar", p.id), ("target", tg.target)))
            else:
                reasons[g.item] = Reason("later_after_gate" if gates_only else "later_extra",
                                         (("pillar", p.id), ("target", tg.target), ("steps", ", ".join(steps)),
                                          ("count", len(steps))))

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
    setup_hours: dict[str, list[Fraction]] = {}
    placed, used = place(work, per_phase, setup_hours)

    # Numbered as the phases read: the included actions that fit in value order (their phases
    # follow that order), then those that do not fit; so the 90 days are numbered 1, 2, 3… without
    # a gap, and an action has one number on the page, in the PDF, in Word and in Excel.
    drafts.sort(key=lambda d: (not d["include"], d["include"] and d["item"] not in placed))
    actions: list[PlanAction] = []
    rank = 0
    for d in drafts:
        d.pop("_key")
        start, finish = placed.get(d["item"], (None, None))
        if d["include"]:
            rank += 1
        actions.append(PlanAction(**d, phase=finish, start_phase=start, rank=rank if d["include"] else None))

    phases = tuple(Phase(n, float(per_phase), float(used[n - 1]), tuple(a for a in actions if a.phase == n),
                         routine=float(sum((Fraction(str(a.routine_hours)) for a in actions
                                            if a.phase is not None and a.phase < n), Fraction(0))),
                         running_on=tuple((a, float(setup_hours[a.item][n - 1])) for a in actions
                                          if a.phase is not None and a.start_phase <= n < a.phase))
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
        hours_to_fit=hours_to_fit(work, hours_per_week),
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
    """'1 ώρα', '2 ώρες', '1,5 ώρες' (to a tenth); under an hour in minutes, to five minutes:
    '15 λεπτά' ('0,2 ώρες' read as a typo). Catalog keys plan.hours and plan.minutes."""
    from i18n import format_number, t
    hours = float(hours)
    if 0 < hours < 1:
        minutes = max(5, 5 * round(hours * 12))
        if minutes < 60:
            return t("plan.minutes", lang, count=minutes)
        hours = 1.0
    hours = round(hours, 1)
    if hours.is_integer():
        return t("plan.hours", lang, count=int(hours))
    return t("plan.hours", lang, count=format_number(hours, lang, 1))


def gain_text(action: PlanAction, model: AuditModel, lang: str) -> str:
    """What closing this gap gives and costs: '+8,8 μονάδες για «Μέτρηση» · 2 ώρες για να στηθεί'."""
    from i18n import format_number, t
    return t("plan.gain_routine" if action.routine_hours else "plan.gain", lang,
             points=format_number(action.gain, lang, 1), pillar=model.pillar(action.pillar).short_title(lang),
             hours=hours_text(action.hours, lang), routine=hours_text(action.routine_hours, lang))


def when_text(action: PlanAction, lang: str) -> str:
    """When an action is worked on, for its card and the tracker's "when" column: 'Ημέρες 31–60';
    'Ξεκινά στις ημέρες 1–30, ολοκληρώνεται στις 31–60' when its set-up spans two phases (it is
    listed under the phase it finishes in; 'Ημέρες 31–60 · ξεκινά στις ημέρες 1–30' read as a
    contradiction); after 90 days, or for later."""
    from i18n import t
    if action.phase is None:
        return t("plan.phase.none" if action.include else "plan.phase.later", lang)
    if action.start_phase and action.start_phase != action.phase:
        return t("plan.when_span", lang, start=t(f"plan.phase_short.{action.start_phase}", lang),
                 finish=t(f"plan.phase_short.{action.phase}", lang))
    return t(f"plan.phase.{action.phase}", lang)


def carried_text(action: PlanAction, lang: str) -> str:
    """The mark of an action in a phase's table that started in an earlier one: 'συνέχεια από
    τις ημέρες 1–30'; "" when it starts and finishes in the same phase."""
    from i18n import t
    if action.phase is None or not action.start_phase or action.start_phase == action.phase:
        return ""
    return t("plan.carried", lang, days=t(f"plan.phase_short.{action.start_phase}", lang))


def phase_words(plan: Plan, number: int, lang: str) -> tuple[str, str]:
    """(load, note) for a phase's heading on the Plan page, in the PDF and in Word: one wording.

    load: '3,4 από τις 8,6 διαθέσιμες ώρες', only for a phase with actions of its own (hours
    over "no action" made no sense). note: what else its hours go to, or why it is empty —
    the routines of actions already set up, the start of an action finished later, or that
    everything in the plan fits earlier; "" when there is nothing to add."""
    from i18n import format_number, t
    phase = plan.phase(number)

    def num(x: float) -> str:
        return format_number(round(x, 1), lang, 0 if float(round(x, 1)).is_integer() else 1)

    parts = []
    if phase.routine:
        parts.append(t("plan.phase_routine", lang, hours=hours_text(phase.routine, lang)))
    for act, hours in phase.running_on:
        parts.append(t("plan.phase_running_on", lang, hours=hours_text(hours, lang),
                       days=t(f"plan.phase_short.{act.phase}", lang)))
    if phase.actions:
        load = t("plan.phase_load", lang, used=num(phase.used), capacity=num(phase.capacity))
        return load, " ".join(parts)
    if phase.used:
        return "", " ".join([t("plan.phase_no_new", lang), *parts])
    if plan.included and not plan.overflow and any(a.phase and a.phase < number for a in plan.included):
        return "", t("plan.phase_fits_earlier", lang)
    return "", t("report.phase_empty", lang)
