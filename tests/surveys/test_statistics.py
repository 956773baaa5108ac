"""Known answers for NPS, CSAT, CES, their intervals (surveys.statistics) and the breakdowns
(surveys.breakdown)."""
import dataclasses
import json
import math

import pandas as pd
import pytest

from surveys.breakdown import by_period, by_segment
from surveys.errors import SurveyInputError
from surveys.statistics import (
    MetricResult,
    ces,
    compute,
    csat,
    nps,
    nps_adjusted_wald,
    t975,
    wilson_interval,
)


def scores(counts: dict[int, int]) -> pd.Series:
    return pd.Series([s for s, c in counts.items() for _ in range(c)])


# ----------------------------------------------------------------------------- NPS
def test_nps_scores_0_to_10_once_each():
    r = nps(pd.Series(range(11)))
    assert round(r.value, 2) == -45.45          # (2 − 7) / 11
    assert r.n == 11
    assert r.groups == {"detractors": 7, "passives": 2, "promoters": 2}
    assert r.counts == {s: 1 for s in range(11)}
    assert "small_sample" in r.warning_codes


def test_nps_40_55_5_gives_35():
    r = nps(scores({10: 20, 9: 20, 8: 30, 7: 25, 3: 5}))
    assert r.value == 35
    assert r.metric == "nps" and r.scale == "0-10"
    assert r.warning_codes == []                # n = 100


def test_nps_60_25_15_gives_45():
    r = nps(scores({9: 60, 7: 25, 0: 15}))
    assert r.value == 45


def test_nps_adjusted_wald_hand_computed():
    # P = 40, D = 5, n = 100: n' = 103, p = 40.75/103 = 0.395631, d = 5.75/103 = 0.055825,
    # nps' = 0.339806, var = p + d − (p − d)² = 0.451456 − 0.115468 = 0.335988,
    # se = sqrt(0.335988/103) = 0.0571141, interval = 100·(0.339806 ± 1.96·0.0571141)
    #    = 22.7862 … 45.1749
    r = nps(scores({10: 40, 8: 55, 2: 5}))
    assert r.ci_method == "adjusted_wald"
    assert r.ci_low == pytest.approx(22.7862, abs=1e-4)
    assert r.ci_high == pytest.approx(45.1749, abs=1e-4)
    assert nps_adjusted_wald(40, 5, 100) == pytest.approx((22.7862, 45.1749), abs=1e-4)


def test_nps_interval_is_clipped():
    # five promoters: n' = 8, p = 5.75/8, d = 0.75/8, nps' = 0.625, var = 0.421875,
    # se = 0.22964, upper = 100·(0.625 + 0.45009) = 107.5 → clipped to 100
    r = nps([10, 10, 10, 10, 10])
    assert r.value == 100
    assert r.ci_high == 100.0
    assert r.ci_low == pytest.approx(100 * (0.625 - 1.96 * math.sqrt(0.421875 / 8)), abs=1e-6)


# ----------------------------------------------------------------------------- CSAT
def test_csat_published_example_69():
    r = csat(scores({5: 42, 4: 32, 3: 10, 2: 9, 1: 14}))
    assert r.value == pytest.approx(100 * 74 / 107)
    assert round(r.value, 2) == 69.16 and round(r.value) == 69
    assert r.mean == pytest.approx((5 * 42 + 4 * 32 + 3 * 10 + 2 * 9 + 14) / 107)
    assert r.counts == {1: 14, 2: 9, 3: 10, 4: 32, 5: 42}


def test_csat_counts_10_20_10_5_5_give_60():
    r = csat(scores({5: 10, 4: 20, 3: 10, 2: 5, 1: 5}))
    assert r.value == 60


def test_csat_wilson_hand_computed():
    # x = 74, n = 107, p̂ = 0.691589, z² = 3.8416, denominator = 1 + z²/n = 1.035903,
    # centre = (p̂ + z²/2n)/denominator = 0.684949,
    # half = z·sqrt(p̂(1−p̂)/n + z²/4n²)/denominator = 0.0862353 → 59.8713 … 77.1184
    r = csat(scores({5: 42, 4: 32, 3: 10, 2: 9, 1: 14}))
    assert r.ci_method == "wilson"
    assert r.ci_low == pytest.approx(59.8713, abs=1e-4)
    assert r.ci_high == pytest.approx(77.1184, abs=1e-4)
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == 100.0


def test_csat_all_categories_present_even_if_zero():
    r = csat([5, 5, 4])
    assert r.counts == {1: 0, 2: 0, 3: 0, 4: 1, 5: 2}
    assert r.groups == {"dissatisfied": 0, "neutral": 0, "satisfied": 3}


# ----------------------------------------------------------------------------- CES
def test_ces7_mean_share_and_t_interval():
    r = ces([1, 2, 3, 4, 5])
    assert r.scale == "1-7" and r.formula_id == "ces7_mean" and r.higher_is_better
    assert r.value == 3 and r.mean == 3
    assert r.share == pytest.approx(20.0)          # only the 5 is in 5–7
    # sd = sqrt(2.5) = 1.58114, t(4) = 2.776, half = 2.776·1.58114/√5 = 1.96296
    assert r.ci_method == "t"
    assert r.ci_low == pytest.approx(3 - 1.96296, abs=1e-4)
    assert r.ci_high == pytest.approx(3 + 1.96296, abs=1e-4)


def test_ces7_share_headline():
    r = ces([7, 6, 5, 4, 1], headline="share")
    assert r.value == 60 and r.ci_method == "wilson" and r.formula_id == "ces7_share_5_7"


def test_ces5_effort_lower_is_better():
    r = ces([1, 2, 2, 4, 5], scale=5)
    assert r.scale == "1-5" and not r.higher_is_better
    assert r.mean == pytest.approx(2.8)
    assert r.share == pytest.approx(60.0)          # 1–2 = "low effort"
    assert r.groups == {"low_effort": 3, "neutral": 0, "high_effort": 2}
    assert "lower is better" in r.formula


def test_t_quantiles():
    assert t975(1) == 12.706
    assert t975(30) == 2.042
    assert 1.96 < t975(500) < 1.98


# ----------------------------------------------------------------------------- edge cases
@pytest.mark.parametrize("metric", ["nps", "csat", "ces"])
def test_no_data_gives_none_and_warning(metric):
    for empty in ([], pd.Series([], dtype="float64"), pd.Series([None, None])):
        r = compute(metric, empty)
        assert r.value is None and r.n == 0 and r.ci_low is None and r.mean is None
        assert r.warning_codes[0] == "no_data"
        assert all(v == 0 for v in r.counts.values())


def test_small_sample_flag_threshold():
    assert "small_sample" in nps([9] * 29).warning_codes
    assert "small_sample" not in nps([9] * 30).warning_codes
    w = nps([9] * 29).warnings[0]
    assert w.message_key == "metrics.warning.small_sample" and w.params["n"] == 29


def test_invalid_values_are_reported_not_silently_dropped():
    r = csat(pd.Series([5, 4, None, 7, 3.5, "x"]))
    assert r.n == 2
    codes = {w.code: w.params for w in r.warnings}
    assert codes["excluded_missing"]["count"] == 1
    assert codes["excluded_invalid"]["count"] == 3


def test_result_is_frozen_and_json_ready():
    r = nps(range(11))
    assert isinstance(r, MetricResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.value = 1  # type: ignore[misc]
    d = r.to_dict()
    text = json.dumps(d, allow_nan=False, ensure_ascii=False)
    back = json.loads(text)
    assert back["counts"]["10"] == 1 and back["formula_id"] == "nps_promoters_minus_detractors"
    assert back["warnings"][0]["code"] == "small_sample"
    assert set(d) >= {"metric", "value", "n", "ci_low", "ci_high", "counts", "mean", "scale",
                      "formula", "formula_id", "warnings", "period", "segment"}
    d0 = compute("ces", []).to_dict()
    json.dumps(d0, allow_nan=False)


# ----------------------------------------------------------------------------- breakdowns
def test_by_segment_greek_sorting_and_missing_group():
    df = pd.DataFrame({
        "v": [10, 9, 0, 10, 5, 8, 9],
        "s": ["Ωρωπός", "άλσος", " Άλσος", "αθήνα", None, "Αθήνα", ""],
    })
    res = by_segment(df, "v", "s", "nps")
    labels = [r.segment for r in res]
    # accents stripped + casefold, ties by the original; stripped values merge
    assert labels == ["Αθήνα", "αθήνα", "Άλσος", "άλσος", "Ωρωπός", None]
    by = {r.segment: r for r in res}
    assert by["Άλσος"].n == 1 and by["Άλσος"].value == -100
    assert by[None].n == 2 and "missing_segment" in by[None].warning_codes


def test_by_period_chronological_across_years_and_quarters():
    df = pd.DataFrame({
        "v": [9, 10, 3, 8, 10, 6],
        "d": ["15/01/2026", "31/12/2025", "02/01/2026", "2025-11-30", "bad", "01/03/2026"],
    })
    res = by_period(df, "v", "d", "nps", "M")
    assert [r.period for r in res] == ["2025-11", "2025-12", "2026-01", "2026-03"]
    assert [r.n for r in res] == [1, 1, 2, 1]
    assert all("missing_date" in r.warning_codes for r in res)
    filled = by_period(df, "v", "d", "nps", "M", fill_gaps=True)
    assert [r.period for r in filled] == ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert filled[3].n == 0 and filled[3].value is None
    q = by_period(df, "v", "d", "nps", "Q")
    assert [(r.period, r.n) for r in q] == [("2025Q4", 2), ("2026Q1", 3)]


def test_breakdown_bad_args():
    df = pd.DataFrame({"v": [1], "d": ["01/01/2026"]})
    with pytest.raises(SurveyInputError) as e:
        by_period(df, "v", "d", "nps", "W")
    assert e.value.code == "bad_freq"
    with pytest.raises(SurveyInputError) as e:
        by_segment(df, "v", "nope", "nps")
    assert e.value.code == "no_such_column"
    with pytest.raises(SurveyInputError) as e:
        compute("xyz", [1])
    assert e.value.code == "unknown_metric"
