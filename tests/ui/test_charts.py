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
    layers = _layers(radar_chart(frame, "Βαθμολογία", unscored="δεν αξιολογήθηκε"))
    points = next(rows for mark, rows in layers if mark == "point")
    # A real 0 is a point; a pillar with no answers is not (it would read as "scored 0").
    assert [(p["pillar"], p["score"]) for p in points] == [("Σχέδιο", 47.0), ("Γνώση πελάτη", 93.0),
                                                          ("Εκπαίδευση", 0.0)]
    # The outline joins the scored pillars only, closed on the first: it never dips to the centre
    # (a 0 to the eye) for a pillar with no answers, whose name says «δεν αξιολογήθηκε» instead.
    outline = [rows for mark, rows in layers if mark == "line"][-1]
    assert [p["pillar"] for p in outline] == ["Σχέδιο", "Γνώση πελάτη", "Εκπαίδευση", "Σχέδιο"]
    labels = next(rows for mark, rows in layers if mark == "text")
    assert [x["label"] for x in labels] == ["Σχέδιο", "Γνώση πελάτη", "Συναίσθημα\n(δεν αξιολογήθηκε)", "Εκπαίδευση",
                                            "Μέτρηση\n(δεν αξιολογήθηκε)"]


def test_the_distribution_leaves_room_above_its_tallest_bar():
    from ui.survey_charts import distribution_chart

    counts = {1: 2, 2: 5, 3: 10, 4: 20, 5: 40}
    spec = distribution_chart({"metric": "csat", "counts": counts}, "Βαθμός", "Απαντήσεις").to_dict()
    assert spec["encoding"]["y"]["scale"]["domain"][1] > 40


def test_a_percentage_is_written_the_greek_way_in_greek():
    from i18n import format_percent

    shown = (format_percent(35, "el"), format_percent(35, "en"), format_percent(12.5, "el", 1))
    assert shown == ("35 %", "35%", "12,5 %")
