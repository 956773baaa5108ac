"""Figures about the content's actions that say whether the plan it produces is realistic:
how many quick wins, how effort and horizon spread, what the routines cost each month.
A quick win is an action of small effort (S) and at least medium impact (2): the rule the plan
used for its "start this week" list until 2026.12, and the measure the content review counted
(42 of 54 then). The content keeps quick wins to about a quarter of the items."""
from __future__ import annotations

from collections import Counter

from checklists.model import AuditModel

QUICK_WIN_SHARE_MAX = 0.25


def is_quick_win(impact: int, effort: str) -> bool:
    return impact >= 2 and effort == "S"


def plan_stats(model: AuditModel) -> dict:
    items = list(model.items.values())
    quick = [it.id for it in items if is_quick_win(it.action.impact, it.action.effort)]
    return {
        "items": len(items),
        "existence": sum(it.answers == "existence" for it in items),
        "quick_wins": len(quick),
        "quick_win_share": len(quick) / len(items) if items else 0.0,
        "effort": dict(sorted(Counter(it.action.effort for it in items).items())),
        "horizon": dict(sorted(Counter(it.action.horizon_days for it in items).items())),
        "routine_hours_per_month": round(sum(it.action.routine_hours_per_month for it in items), 2),
        "in_cx_meeting": sum(it.action.in_cx_meeting for it in items),
        "cx_meeting_minutes": round(60 * sum(it.action.routine_hours_per_month for it in items
                                             if it.action.in_cx_meeting)),
    }
