"""The scoring facts of model.yaml (answer points, level bounds and colours) are checked on load."""
import pytest

from checklists import ContentError, default_model, load_model
from fixture_model import write_model


def _levels(**changes):
    levels = [lv.model_dump(mode="json") for lv in default_model().levels]
    for n, fields in changes.items():
        levels[int(n[1:]) - 1].update(fields)
    return levels


def test_shipped_facts():
    m = default_model()
    assert m.answer_points == {0: 0, 1: 25, 2: 50, 3: 75, 4: 100, "unknown": 0}
    assert [lv.min_score for lv in m.levels] == [0, 20, 40, 60, 80]
    assert m.level_colors == {1: "#c0392b", 2: "#e67e22", 3: "#f1c40f", 4: "#1e8449", 5: "#145a32"}


@pytest.mark.parametrize("meta,expected", [
    ({"answer_points": {0: 0, 1: 25, 2: 50, 3: 75, 4: 100}}, "answer_points"),             # unknown missing
    ({"answer_points": {0: 0, 1: 25, 2: 50, 3: 75, 4: 90, "unknown": 0}}, "answer_points"),
    ({"answer_points": {0: 0, 1: 50, 2: 50, 3: 75, 4: 100, "unknown": 0}}, "answer_points"),
    ({"levels": _levels(l1={"min_score": 5})}, "min_score"),
    ({"levels": _levels(l3={"min_score": 20})}, "min_score"),
    ({"levels": _levels(l2={"color": "orange"})}, "color"),
])
def test_bad_facts_are_refused(tmp_path, meta, expected):
    with pytest.raises(ContentError, match=expected):
        load_model(write_model(tmp_path, meta=meta))
