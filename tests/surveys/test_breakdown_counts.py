"""count_groups counts every valid score once, in its period and its segment, whichever of its
three ways it takes (by distinct raw value, by group, or separately when groups are very many):
checked against a plain per-row count."""
import numpy as np
import pytest

from surveys import breakdown
from surveys.breakdown import Factors, count_groups
from surveys.scales import get_scale


def _factors(rng, n, n_distinct, n_groups, missing_share):
    codes = rng.integers(0, n_distinct, n)
    codes[rng.random(n) < missing_share] = -1          # −1: no value in the row
    remap = np.append(rng.integers(-1, n_groups, n_distinct), -1)  # a distinct value may map to no group
    return Factors(codes.astype(np.int16), remap.astype("int64"), [f"g{i}" for i in range(n_groups)])


def _brute(scores, mask, f, n_groups, scale):
    """Row by row: counts per group row (0 = no group), columns low..high."""
    width = scale.high - scale.low + 1
    out = np.zeros((n_groups + 1, width), dtype="int64")
    rows = np.flatnonzero(mask)
    for r, s in zip(rows, scores, strict=True):
        g = -1 if f is None else (f.remap[f.codes[r]] if f.codes[r] >= 0 else -1)
        out[g + 1, s - scale.low] += 1
    return out


@pytest.mark.parametrize("max_cube", [breakdown.MAX_CUBE, 2_000, 10])   # the three ways
@pytest.mark.parametrize("metric", ["nps", "csat", "ces"])
@pytest.mark.parametrize("n_dates", [40, 800])   # row keys of two bytes, and of four
def test_counts_match_a_row_by_row_count(monkeypatch, max_cube, metric, n_dates):
    monkeypatch.setattr(breakdown, "MAX_CUBE", max_cube)
    rng = np.random.default_rng(5)
    scale = get_scale(metric)
    n = 3_000
    periods = _factors(rng, n, n_dates, 7, 0.05)
    segments = _factors(rng, n, 9, 4, 0.1)
    mask = rng.random(n) > 0.2
    all_scores = rng.integers(scale.low, scale.high + 1, n)
    scores = all_scores[mask]
    for p, s in ((periods, segments), (periods, None), (None, segments), (None, None)):
        c = count_groups(scores, mask, p, s, scale, n_rows=n, cache={}, cache_key=("k", p is None, s is None))
        total = np.bincount(scores - scale.low, minlength=scale.high - scale.low + 1)
        assert c.total.tolist() == total.tolist()
        if p is not None:
            assert c.per_period.tolist() == _brute(scores, mask, p, 7, scale).tolist()
        else:
            assert c.per_period is None
        if s is not None:
            assert c.per_segment.tolist() == _brute(scores, mask, s, 4, scale).tolist()
        else:
            assert c.per_segment is None


def test_all_rows_valid_uses_the_shared_key(monkeypatch):
    """NPS, CSAT and CES share one row key (cached); a second metric counts the same rows."""
    rng = np.random.default_rng(9)
    n = 500
    periods, segments = _factors(rng, n, 12, 3, 0.0), _factors(rng, n, 5, 2, 0.0)
    cache = {}
    mask = np.ones(n, dtype=bool)
    for metric in ("nps", "csat"):
        scale = get_scale(metric)
        scores = rng.integers(scale.low, scale.high + 1, n)
        c = count_groups(scores, mask, periods, segments, scale, n_rows=n, cache=cache, cache_key="k")
        assert c.per_period.tolist() == _brute(scores, mask, periods, 3, scale).tolist()
        assert c.per_segment.tolist() == _brute(scores, mask, segments, 2, scale).tolist()
    assert len(cache) == 1
