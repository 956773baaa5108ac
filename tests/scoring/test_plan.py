"""scoring.plan: targets, actions from gaps, waves, KPIs and the edit functions."""
from datetime import date

import pytest

from checklists import load_model
from fixture_model import item, pillar, write_model
from scoring import Assessment, score
from scoring.assessment import parse_assessment
from scoring.plan import build_plan, default_target, edit_action, is_quick_win, set_target


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    plan_items = [item("PLAN", 1, critical=True, effort="M", impact=3),
                  item("PLAN", 2, effort="S", impact=2),          # quick win
                  item("PLAN", 3, effort="S", impact=1),          # S but low impact: its horizon wave
                  item("PLAN", 4, effort="L", impact=3)] + [item("PLAN", n) for n in range(5, 9)]
    for it, days in zip(plan_items[:4], (60, 90, 30, 90)):
        it["action"]["horizon_days"] = days
    plan_items[1]["action"]["kpi"] = plan_items[3]["action"]["kpi"] = {"el": "Κοινός δείκτης", "en": "Shared KPI"}
    return load_model(write_model(tmp_path_factory.mktemp("plan_content"),
                                  {"cx_plan": pillar("cx_plan", 1, items=plan_items)}))


def answers(**values):
    return Assessment(answers={k.replace("_", "-"): {"value": v} for k, v in values.items()})


@pytest.mark.parametrize("current,target", [(None, 2), (1, 2), (3, 4), (4, 5), (5, 5)])
def test_default_target(current, target):
    assert default_target(current) == target


def test_quick_win_rule():
    assert is_quick_win(2, "S") and is_quick_win(3, "S")
    assert not is_quick_win(1, "S") and not is_quick_win(3, "M")


def test_targets_default_and_chosen(model):
    a = answers(PLAN_01=4, PLAN_02=4, PLAN_03=4, PLAN_04=2)  # 87.5 → level 5
    plan = build_plan(model, a, score(model, a))
    assert plan.targets["cx_plan"].current == 5 and plan.targets["cx_plan"].target == 5
    assert plan.targets["cx_plan"].met and not plan.targets["cx_plan"].chosen
    assert plan.targets["segmentation"].current is None and plan.targets["segmentation"].target == 2
    set_target(a, "segmentation", 4)
    plan = build_plan(model, a, score(model, a))
    assert plan.targets["segmentation"].target == 4 and plan.targets["segmentation"].chosen
    assert plan.targets["segmentation"].target_score == 60
    set_target(a, "segmentation", None)
    assert "segmentation" not in a.plan.targets
    with pytest.raises(ValueError):
        set_target(a, "segmentation", 6)


def test_actions_follow_gap_order_with_waves_and_kpis(model):
    a = answers(PLAN_01=0, PLAN_02=1, PLAN_03=2, PLAN_04="unknown", PLAN_05=4, PLAN_06="na")
    s = score(model, a)
    plan = build_plan(model, a, s)
    assert [x.item for x in plan.actions] == [g.item for g in s.gaps]
    assert plan.actions[0].item == "PLAN-01" and plan.actions[0].critical  # critical first
    assert [x.rank for x in plan.actions] == list(range(1, len(plan.actions) + 1))
    by_id = {x.item: x for x in plan.actions}
    assert by_id["PLAN-02"].wave == "quick"
    assert by_id["PLAN-03"].wave == "30" and by_id["PLAN-01"].wave == "60" and by_id["PLAN-04"].wave == "90"
    assert by_id["PLAN-04"].value == "unknown"
    assert "PLAN-05" not in by_id and "PLAN-06" not in by_id
    shared = [k for k in plan.kpis if k.kpi.en == "Shared KPI"]
    assert len(shared) == 1 and shared[0].items == ("PLAN-02", "PLAN-04")
    assert plan.urgent(3) == plan.actions[:3]


def test_edits_flow_into_the_plan(model):
    a = answers(PLAN_01=0, PLAN_02=1, PLAN_03=2)
    edit_action(a, "PLAN-01", owner="  Μαρία  ", due=date(2026, 12, 31), status="doing")
    edit_action(a, "PLAN-02", include=False)
    plan = build_plan(model, a, score(model, a))
    first = plan.action("PLAN-01")
    assert (first.owner, first.due, first.status, first.rank) == ("Μαρία", date(2026, 12, 31), "doing", 1)
    assert plan.action("PLAN-02").include is False and plan.action("PLAN-02").rank is None
    assert plan.action("PLAN-03").rank == 2
    assert "PLAN-02" not in [x.item for w in plan.waves.values() for x in w]
    c = plan.counts()
    assert (c["included"], c["excluded"], c["doing"], c["with_owner"]) == (2, 1, 1, 1)
    # Back to the defaults: the entry disappears, the document stays tidy.
    edit_action(a, "PLAN-02", include=True)
    assert "PLAN-02" not in a.plan.actions
    with pytest.raises(ValueError):
        edit_action(a, "PLAN-01", status="maybe")
    with pytest.raises(ValueError):
        edit_action(a, "PLAN-01", colour="red")


def test_edits_survive_the_json_round_trip(model):
    a = answers(PLAN_01=0)
    edit_action(a, "PLAN-01", owner="Νίκος", due=date(2027, 1, 15), status="done")
    set_target(a, "cx_plan", 3)
    again, _ = parse_assessment(a.to_json(), model)
    plan = build_plan(model, again, score(model, again))
    assert plan.action("PLAN-01").status == "done" and plan.targets["cx_plan"].target == 3
    assert plan.open_actions == ()


def test_done_actions_are_not_urgent(model):
    a = answers(PLAN_01=0, PLAN_02=0)
    edit_action(a, "PLAN-01", status="done")
    plan = build_plan(model, a, score(model, a))
    assert [x.item for x in plan.urgent(3)] == ["PLAN-02"]


def test_no_answers_no_actions(model):
    plan = build_plan(model, Assessment(), score(model, Assessment()))
    assert plan.actions == () and plan.kpis == () and all(not w for w in plan.waves.values())
    assert all(tg.target == 2 for tg in plan.targets.values())
