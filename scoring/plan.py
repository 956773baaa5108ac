"""The improvement plan: gaps in, prioritised actions with targets, waves and KPIs out.

Pure functions, no streamlit. The rules (docs/plan.md has them):
- target per pillar: the user's choice in assessment.plan.targets; otherwise current level + 1,
  at most 5. A pillar with no scored answers (current None) gets 2 by default: we treat it as
  starting from level 1, so the first step is "Developing".
- actions: one per gap of scoring.maturity (every answered item below 4, "unknown" as 0), in the
  gap order (critical items first, then priority = weight × (4 − value) × impact ÷ effort cost).
  Each carries the item's action text, impact, effort, horizon and KPI (from the model, looked up
  by item id) and the user's edits: owner, due date, status (todo, doing, done), include.
- waves, over included actions only: "quick" = quick wins (impact ≥ 2 and effort S, whatever the
  horizon), then "30", "60" and "90" by the action's horizon in days.
- KPIs: the distinct KPIs of included actions, in action order, each with the item ids it tracks.
- rank: 1, 2, … over included actions in priority order; excluded actions have rank None.

Edits go through set_target() and edit_action() so every entry point (page, import, tests)
writes the assessment the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from checklists.model import AuditModel, Text
from scoring.assessment import ActionEdit, Assessment
from scoring.maturity import Scores

Wave = Literal["quick", "30", "60", "90"]
WAVES: tuple[str, ...] = ("quick", "30", "60", "90")
STATUSES: tuple[str, ...] = ("todo", "doing", "done")
MAX_LEVEL = 5
NO_SCORE_TARGET = 2


def default_target(current: int | None) -> int:
    """current + 1, at most 5; a pillar without a score starts from 1, so 2."""
    if current is None:
        return NO_SCORE_TARGET
    return min(current + 1, MAX_LEVEL)


def is_quick_win(impact: int, effort: str) -> bool:
    return impact >= 2 and effort == "S"


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
        return 20 * (self.target - 1)


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
    horizon: int              # 30, 60, 90 days
    wave: str                 # quick, 30, 60, 90
    owner: str = ""
    due: date | None = None
    status: str = "todo"
    include: bool = True
    rank: int | None = None   # 1… among included actions

    @property
    def quick_win(self) -> bool:
        return self.wave == "quick"


@dataclass(frozen=True)
class PlanKpi:
    kpi: Text
    pillar: str               # pillar of the first action that tracks it
    items: tuple[str, ...]    # the item ids whose actions it tracks


@dataclass(frozen=True)
class Plan:
    targets: dict[str, PillarTarget]
    actions: tuple[PlanAction, ...]            # every gap's action, priority order, incl. excluded
    waves: dict[str, tuple[PlanAction, ...]] = field(default_factory=dict)  # included only
    kpis: tuple[PlanKpi, ...] = ()

    @property
    def included(self) -> tuple[PlanAction, ...]:
        return tuple(a for a in self.actions if a.include)

    @property
    def open_actions(self) -> tuple[PlanAction, ...]:
        """Included and not done, in priority order: what to do next."""
        return tuple(a for a in self.actions if a.include and a.status != "done")

    def urgent(self, n: int = 3) -> tuple[PlanAction, ...]:
        return self.open_actions[:n]

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
            "excluded": len(self.actions) - len(inc),
            "quick": len(self.waves.get("quick", ())),
            "todo": sum(a.status == "todo" for a in inc),
            "doing": sum(a.status == "doing" for a in inc),
            "done": sum(a.status == "done" for a in inc),
            "with_owner": sum(bool(a.owner.strip()) for a in inc),
            "with_due": sum(a.due is not None for a in inc),
        }


def build_plan(model: AuditModel, assessment: Assessment, scores: Scores) -> Plan:
    edits = assessment.plan
    targets: dict[str, PillarTarget] = {}
    for p in model.pillars:
        ps = scores.pillars.get(p.id)
        current = ps.level if ps else None
        chosen = edits.targets.get(p.id)
        target = int(chosen) if chosen is not None else default_target(current)
        targets[p.id] = PillarTarget(p.id, current, ps.score if ps else None, max(1, min(target, MAX_LEVEL)),
                                     chosen is not None)

    items = model.items
    actions: list[PlanAction] = []
    rank = 0
    for gap in scores.gaps:
        item = items.get(gap.item)
        if item is None:  # scores from another model version: nothing to act on
            continue
        act = item.action
        edit = edits.actions.get(gap.item) or ActionEdit()
        wave = "quick" if is_quick_win(act.impact, act.effort) else str(act.horizon_days)
        if edit.include:
            rank += 1
        actions.append(PlanAction(
            item=gap.item, pillar=gap.pillar, value=gap.value, critical=gap.critical, priority=gap.priority,
            text=act.text, kpi=act.kpi, impact=act.impact, effort=act.effort, horizon=act.horizon_days,
            wave=wave, owner=edit.owner, due=edit.due, status=edit.status, include=edit.include,
            rank=rank if edit.include else None,
        ))

    waves = {w: tuple(a for a in actions if a.include and a.wave == w) for w in WAVES}
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
        waves=waves,
        kpis=tuple(PlanKpi(k, p, tuple(ids)) for k, p, ids in kpis.values()),
    )


# ---------------------------------------------------------------- edits (the page calls these)
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


def edit_action(assessment: Assessment, item_id: str, **changes) -> None:
    """Change owner, due, status or include of the action for `item_id` (validated)."""
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
