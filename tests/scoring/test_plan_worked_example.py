"""docs/plan.md's worked example, number by number: targets, the chosen gaps, phases, start now."""
from fractions import Fraction

import pytest

from assessment import Assessment
from checklists import load_model
from fixture_model import ROOT_DIR, item, pillar, write_model
from scoring import score
from scoring.plan import build_plan, edit_action, set_capacity, set_target

META = {"effort_hours": {"S": 2, "M": 6, "L": 16},
        "capacity_hours_per_week": {"micro": 2, "small": 4, "medium": 6, "large": 10}}


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    plan_items = [item("PLAN", 1, weight=3, critical=True, effort="M", impact=3),
                  item("PLAN", 2, weight=2, effort="S", impact=2),
                  item("PLAN", 3), item("PLAN", 4, effort="L", impact=3)] + [item("PLAN", n) for n in range(5, 9)]
    plan_items[1]["action"]["routine_hours_per_month"] = 1
    return load_model(write_model(tmp_path_factory.mktemp("worked_plan"),
                                  {"cx_plan": pillar("cx_plan", 1, items=plan_items)}, META))


@pytest.fixture
def audit():
    values = {"PLAN-01": 1, "PLAN-02": 2, "PLAN-03": 1, "PLAN-04": 0, "PLAN-05": 4, "PLAN-06": 4, "PLAN-07": 3,
              "PLAN-08": 4, "SEG-01": 2, "SEG-02": 3, **{f"SEG-0{n}": 4 for n in range(3, 9)},
              **{f"TRN-0{n}": 0 for n in range(1, 5)}, **{f"TRN-0{n}": 2 for n in range(5, 9)}}
    a = Assessment(answers={k: {"value": v} for k, v in values.items()})
    a.company.size = "micro"
    set_target(a, "cx_plan", 5)
    return a


def test_the_rule_picks_the_gaps_of_the_table(model, audit):
    s = score(model, audit)
    assert s.pillars["cx_plan"].score == pytest.approx(2300 / 44) and s.pillars["cx_plan"].level == 2
    assert s.pillars["cx_plan"].uncapped_level == 3
    assert s.pillars["segmentation"].level == 5 and s.pillars["training"].score == 25
    plan = build_plan(model, audit, s)
    picked = {a.item: a.why[0].code for a in plan.actions if a.suggested}
    assert picked == {"PLAN-01": "gate_caps", "PLAN-02": "to_target", "TRN-01": "to_target", "TRN-02": "to_target"}
    assert plan.targets["segmentation"].met
    assert {a.item: a.why[0].code for a in plan.later} == {
        "SEG-01": "later_met", "SEG-02": "later_met", "PLAN-03": "later_extra", "PLAN-04": "later_extra",
        "PLAN-07": "later_extra", "TRN-03": "later_extra", "TRN-04": "later_extra", "TRN-05": "later_extra",
        "TRN-06": "later_extra", "TRN-07": "later_extra", "TRN-08": "later_extra"}
    assert plan.action("PLAN-01").gain == pytest.approx(900 / 44)
    assert plan.action("TRN-02").why[0].get("count") == 2
    # Closing the picked gaps really reaches each target (scored by scoring.maturity itself).
    closed = audit.model_copy(deep=True)
    for a in plan.included:
        closed.set_value(a.item, 4)
    after = score(model, closed)
    assert after.pillars["cx_plan"].score == pytest.approx(3600 / 44) and after.pillars["cx_plan"].level == 5
    assert after.pillars["training"].score == 50 and after.pillars["training"].level == 3


def test_two_hours_a_week_leaves_the_large_action_out(model, audit):
    edit_action(audit, "PLAN-04", include=True)       # the user adds a later gap
    plan = build_plan(model, audit, score(model, audit))
    assert plan.hours_per_week == 2 and not plan.capacity_chosen
    # Numbered as the phases read: PLAN-04 does not fit, so it comes last (no gap in 1, 2, 3, 4).
    assert [(a.rank, a.item) for a in plan.included] == [
        (1, "PLAN-01"), (2, "PLAN-02"), (3, "TRN-01"), (4, "TRN-02"), (5, "PLAN-04")]
    assert plan.action("PLAN-04").why[0].code == "added"
    per_phase = float(Fraction(60, 7))
    assert [p.capacity for p in plan.phases] == pytest.approx([per_phase] * 3)
    where = {a.item: (a.start_phase, a.phase) for a in plan.included}
    assert where == {"PLAN-01": (1, 1), "PLAN-02": (1, 1), "PLAN-04": (None, None), "TRN-01": (1, 2), "TRN-02": (2, 2)}
    assert [a.item for a in plan.overflow] == ["PLAN-04"]
    assert [p.used for p in plan.phases] == pytest.approx([per_phase, 1 + (2 - (per_phase - 8)) + 2, 1])
    assert [a.item for a in plan.start_now] == ["PLAN-01", "PLAN-02", "TRN-01"]
    assert plan.hours_to_fit == 2.5


def test_three_and_a_half_hours_a_week(model, audit):
    edit_action(audit, "PLAN-04", include=True)
    set_capacity(audit, 3.5)
    plan = build_plan(model, audit, score(model, audit))
    assert plan.hours_per_week == 3.5 and plan.capacity_chosen
    assert [p.capacity for p in plan.phases] == [15, 15, 15]
    assert [p.used for p in plan.phases] == [15, 14, 1]
    assert (plan.action("PLAN-04").start_phase, plan.action("PLAN-04").phase) == (1, 2)
    assert [a.item for a in plan.phase(2).actions] == ["PLAN-04", "TRN-01", "TRN-02"]
    assert plan.overflow == () and plan.hours_to_fit is None
    assert [a.item for a in plan.start_now] == ["PLAN-01", "PLAN-02", "PLAN-04"]


def test_the_doc_shows_these_numbers():
    doc = (ROOT_DIR / "docs" / "plan.md").read_text(encoding="utf-8")
    for figure in ("52.27", "90.63", "81.82", "⌈35.2 − 23⌉ − 9 = 4", "⌈12.8 − 8⌉ = 5", "15.71 h", "2.5 h a week",
                   "phase 2 = routine 1 + the other 9 h of PLAN-04 + TRN-01 2 + TRN-02 2 = 14"):
        assert figure in doc
