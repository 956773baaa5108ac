"""Every scoring rule, checked against expectations computed by hand."""
import pytest

from assessment import Assessment
from checklists import load_model
from fixture_model import item, pillar, write_model
from scoring import level_for, score


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    plan_items = [item("PLAN", 1, weight=3, critical=True, effort="M", impact=3),
                  item("PLAN", 2, weight=2, effort="S", impact=2)] + [item("PLAN", n) for n in range(3, 9)]
    seg_items = [item("SEG", 1, critical=True)] + [item("SEG", n, effort="L", impact=3) for n in range(2, 9)]
    return load_model(write_model(tmp_path_factory.mktemp("content"), {
        "cx_plan": pillar("cx_plan", 1, weight=2, items=plan_items),
        "segmentation": pillar("segmentation", 2, items=seg_items),
    }))


def answers(**values):
    """answers(PLAN_01=4) → an assessment with PLAN-01 answered 4."""
    return Assessment(answers={k.replace("_", "-"): {"value": v} for k, v in values.items()})


@pytest.mark.parametrize("s,level", [(0, 1), (19.99, 1), (20, 2), (39.9, 2), (40, 3), (59.99, 3), (60, 4),
                                     (79.99, 4), (80, 5), (100, 5), (None, None)])
def test_level_thresholds(model, s, level):
    assert level_for(model, s) == level


def test_nothing_answered_has_no_scores(model):
    s = score(model, Assessment())
    assert s.overall_score is None and s.overall_level is None
    assert all(p.score is None and p.level is None for p in s.pillars.values())
    assert s.completeness == 0 and s.gaps == ()


def test_weighted_pillar_score_with_na_unknown_and_unanswered(model):
    # PLAN-01 w3=4 → 3·1; PLAN-02 w2=2 → 2·0.5; PLAN-03 na (left out); PLAN-04 w1 unknown → 0.
    # score = 100 · (3 + 1 + 0) / (3 + 2 + 1) = 66.67, level 4; 4 of 8 answered.
    s = score(model, answers(PLAN_01=4, PLAN_02=2, PLAN_03="na", PLAN_04="unknown"))
    p = s.pillars["cx_plan"]
    assert p.score == pytest.approx(66.6667, abs=0.001)
    assert p.level == 4 and p.capped_by == ()
    assert p.completeness == 0.5
    assert s.pillars["segmentation"].score is None


def test_only_na_answers_give_no_score_but_count_as_complete(model):
    s = score(model, answers(**{f"SEG_0{n}": "na" for n in range(1, 9)}))
    seg = s.pillars["segmentation"]
    assert seg.score is None and seg.level is None and seg.completeness == 1.0


def test_exact_threshold_is_not_lost_to_floating_point(model):
    # Five answers 4,4,4,0,0 of weight 1: 12/20 = exactly 60 → level 4.
    s = score(model, answers(PLAN_03=4, PLAN_04=4, PLAN_05=4, PLAN_06=0, PLAN_07=0))
    assert s.pillars["cx_plan"].score == 60 and s.pillars["cx_plan"].level == 4


@pytest.mark.parametrize("critical_value", [0, 1, "unknown"])
def test_critical_item_low_caps_pillar_at_level_2(model, critical_value):
    vals = {f"PLAN_0{n}": 4 for n in range(2, 9)}
    s = score(model, answers(PLAN_01=critical_value, **vals))
    p = s.pillars["cx_plan"]
    # (3·v/4 + 2 + 6) / 11: v=0 → 72.7, v=1 → 79.5; uncapped level 4, capped at 2.
    assert p.uncapped_level == 4 and p.level == 2
    assert p.capped_by == ("PLAN-01",) and p.capped


@pytest.mark.parametrize("critical_value", [2, 3, 4, "na"])
def test_critical_item_answered_2_or_more_does_not_cap(model, critical_value):
    vals = {f"PLAN_0{n}": 4 for n in range(2, 9)}
    p = score(model, answers(PLAN_01=critical_value, **vals)).pillars["cx_plan"]
    assert p.capped_by == () and p.level >= 4


def test_overall_is_pillar_weighted_and_capped_by_lowest_pillar(model):
    # cx_plan (weight 2): all 4 → 100, level 5. segmentation (weight 1): all 4 but SEG-01 0
    # → 7/8 = 87.5 uncapped 5, gated to 2 by critical SEG-01.
    vals = {f"PLAN_0{n}": 4 for n in range(1, 9)}
    vals.update({f"SEG_0{n}": 4 for n in range(2, 9)}, SEG_01=0)
    s = score(model, answers(**vals))
    assert s.pillars["segmentation"].score == 87.5 and s.pillars["segmentation"].level == 2
    # overall = (2·100 + 1·87.5) / 3 = 95.83 → level 5 by score, capped at lowest (2) + 1 = 3.
    assert s.overall_score == pytest.approx(95.8333, abs=0.001)
    assert s.overall_uncapped_level == 5 and s.overall_level == 3
    assert s.holds_back == "segmentation"   # the section the Results page and the report name


def test_nothing_holds_back_an_overall_level_its_score_gives(model):
    s = score(model, answers(**{f"PLAN_0{n}": 4 for n in range(1, 9)}, **{f"SEG_0{n}": 3 for n in range(1, 9)}))
    assert s.overall_level == s.overall_uncapped_level == 5 and s.holds_back is None
    assert score(model, Assessment()).holds_back is None


def test_holds_back_is_the_lowest_level_then_the_lowest_score(tmp_path):
    """Two sections at level 1: the one with the lower score holds the overall level back."""
    m = load_model(write_model(tmp_path))   # five pillars of 8 equal items
    vals = {f"PLAN_0{n}": 4 for n in range(1, 9)} | {f"TRN_0{n}": 4 for n in range(1, 9)}
    vals |= {f"EMO_0{n}": 4 for n in range(1, 9)}
    vals |= {"SEG_01": 1} | {f"SEG_0{n}": 0 for n in range(2, 9)}           # 3.1: level 1
    vals |= {"MEAS_01": 1, "MEAS_02": 1} | {f"MEAS_0{n}": 0 for n in range(3, 9)}   # 6.25: level 1
    s = score(m, answers(**vals))
    assert s.pillars["segmentation"].level == s.pillars["measurement"].level == 1
    assert s.overall_uncapped_level == 4 and s.overall_level == 2 and s.holds_back == "segmentation"


def test_points_and_level_bounds_are_read_from_the_model(tmp_path):
    """answer_points and min_score are the model's (model.yaml), not constants in the code."""
    shipped = load_model(write_model(tmp_path / "a"))
    levels = [lv.model_dump(mode="json") for lv in shipped.levels]
    levels[3]["min_score"] = 50            # level 4 from 50 instead of 60
    m = load_model(write_model(tmp_path / "b", meta={
        "answer_points": {0: 0, 1: 10, 2: 40, 3: 70, 4: 100, "unknown": 0}, "levels": levels}))
    s = score(m, answers(PLAN_01=1, PLAN_02=3))
    assert s.pillars["cx_plan"].score == 40 and s.pillars["cx_plan"].level == 3
    s = score(m, answers(PLAN_01=2, PLAN_02=3))
    assert s.pillars["cx_plan"].score == 55 and s.pillars["cx_plan"].level == 4
    assert level_for(m, 50) == 4 and level_for(shipped, 50) == 3


def test_completeness_overall_counts_na_and_unknown_as_answered(model):
    s = score(model, answers(PLAN_01="na", PLAN_02="unknown", SEG_01=3))
    assert s.answered == 3 and s.total == 40
    assert s.completeness == pytest.approx(3 / 40)


def test_gaps_rank_critical_first_then_priority_then_id(model):
    s = score(model, answers(PLAN_01=3, PLAN_02=0, PLAN_03=2, PLAN_04=4, PLAN_05="unknown", PLAN_06="na",
                             SEG_02=1, SEG_03=1, SEG_01=3))
    got = [(g.item, g.value, g.priority) for g in s.gaps]
    assert got == [
        # critical first: PLAN-01 w3·(4−3)·3/M(2) = 4.5; SEG-01 w1·1·1/S = 1
        ("PLAN-01", 3, 4.5),
        ("SEG-01", 3, 1.0),
        # PLAN-02 w2·4·2/S = 16; PLAN-05 unknown as 0: 1·4·1/1 = 4; SEG-02/03 1·3·3/L(3) = 3 (tie by id);
        # PLAN-03 1·2·1/1 = 2; PLAN-04 (4) and PLAN-06 (na) are not gaps.
        ("PLAN-02", 0, 16.0),
        ("PLAN-05", "unknown", 4.0),
        ("SEG-02", 1, 3.0),
        ("SEG-03", 1, 3.0),
        ("PLAN-03", 2, 2.0),
    ]


def test_to_dict_has_the_cli_shape(model):
    d = score(model, answers(PLAN_01=1)).to_dict()
    assert set(d) == {"overall", "pillars", "gaps"}
    assert set(d["overall"]) == {"score", "level", "completeness"}
    assert d["pillars"]["cx_plan"]["capped_by"] == ["PLAN-01"]
    assert d["pillars"]["cx_plan"]["score"] == 25.0
    assert d["gaps"][0] == {"item": "PLAN-01", "pillar": "cx_plan", "value": 1, "priority": 13.5, "critical": True}
