"""The results charts: what a reader can see and hover."""
from __future__ import annotations

from ui.charts import pillar_frame, radar_chart


def _layers(chart):
    spec = chart.to_dict()
    datasets = spec["datasets"]
    return [(layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"],
             datasets[layer["data"]["name"]]) for layer in spec["layer"]]


def test_radar_gives_a_point_and_a_tooltip_only_to_scored_pillars():
    frame = pillar_frame([
        {"pillar": "Σχέδιο", "score": 47.0, "level": 3, "level_name": "x"},
        {"pillar": "Γνώση πελάτη", "score": 93.0, "level": 5, "level_name": "x"},
        {"pillar": "Συναίσθημα", "score": None, "level": None, "level_name": ""},
        {"pillar": "Εκπαίδευση", "score": 0.0, "level": 1, "level_name": "x"},
        {"pillar": "Μέτρηση", "score": None, "level": None, "level_name": ""},
    ])
    layers = _layers(radar_chart(frame, "Βαθμολογία"))
    points = next(rows for mark, rows in layers if mark == "point")
    # A real 0 is a point; a pillar with no answers is not (it would read as "scored 0").
    assert [(p["pillar"], p["score"]) for p in points] == [("Σχέδιο", 47.0), ("Γνώση πελάτη", 93.0),
                                                          ("Εκπαίδευση", 0.0)]
    outline = [rows for mark, rows in layers if mark == "line"][-1]
    assert len(outline) == 6  # closed: five pillars and back to the first
    assert {p["pillar"] for p in outline if not p["scored"]} == {"Συναίσθημα", "Μέτρηση"}
