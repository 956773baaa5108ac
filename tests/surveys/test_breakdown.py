"""There is one breakdown implementation: what the app shows (surveys.analysis.analyze_table, the
Measure page and the CLI) is what the documented by_period / by_segment give on the same data."""
import random

import pandas as pd

from surveys.analysis import analyze_table
from surveys.breakdown import by_period, by_segment
from surveys.reading import read_table


def _export(n: int = 400, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    lines = ["Ημερομηνία;Κατάστημα;NPS"]
    for i in range(n):
        day = f"{rng.randint(1, 28):02d}/{rng.choice([1, 2, 3, 5]):02d}/2026" if i % 17 else "όχι"
        store = rng.choice(["Αθήνα", "Πάτρα", "Ηράκλειο", ""])
        score = rng.choice([*range(11), "x"]) if i % 23 else ""
        lines.append(f"{day};{store};{score}")
    return "\n".join(lines).encode("utf-8")


def _same(app: list[dict], documented: list) -> None:
    assert [r for r in app if r["n"]] == [r.to_dict() for r in documented if r.n]


def test_the_app_and_the_shortcuts_give_the_same_breakdowns():
    table = read_table(_export())
    for freq in ("M", "Q"):
        out = analyze_table(table, "nps", column="NPS", date_column="Ημερομηνία", segment_column="Κατάστημα",
                            freq=freq)
        df = table.df
        _same(out["by_period"], by_period(df, "NPS", "Ημερομηνία", "nps", freq))
        _same(out["by_segment"], by_segment(df, "NPS", "Κατάστημα", "nps"))
        assert len(out["by_segment"]) == 4 and len(out["by_period"]) == {"M": 4, "Q": 2}[freq]


def test_breakdowns_add_up_to_the_whole():
    table = read_table(_export(seed=8))
    out = analyze_table(table, "nps", column="NPS", date_column="Ημερομηνία", segment_column="Κατάστημα")
    assert sum(s["n"] for s in out["by_segment"]) == out["n"]
    dated = sum(p["n"] for p in out["by_period"])
    assert 0 < dated < out["n"]   # answers without a usable date are left out of by_period only
    assert isinstance(table.df, pd.DataFrame)
