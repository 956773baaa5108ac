"""The Clients page's tables and chart (ui/clients.py) as pure functions of store rows."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checklists import load_model
from checklists.model import PILLAR_IDS
from store import AssessmentRow
from ui.clients import assessment_label, compare_frame, history_chart, history_frame


@pytest.fixture(scope="module")
def model():
    return load_model()


def _row(n: int, when: datetime, completeness: float = 1.0) -> AssessmentRow:
    score = 50.0 + n if completeness else None
    return AssessmentRow(id=f"a{n}", client_id="c", rev=1, company_name="Ταβέρνα Νάξος", model_version="1",
                         created_at=when, updated_at=when, overall_score=score, overall_level=3 if score else None,
                         completeness=completeness, pillar_scores={pid: score for pid in PILLAR_IDS})


ROWS = [_row(1, datetime(2025, 5, 12, 9, 0, tzinfo=UTC)), _row(2, datetime(2025, 5, 12, 14, 30, tzinfo=UTC)),
        _row(3, datetime(2025, 11, 20, 8, 0, tzinfo=UTC), completeness=0.0)]


@pytest.mark.parametrize("lang,not_started", [("el", "δεν ξεκίνησε"), ("en", "not started")])
def test_history_rows_carry_greek_time_and_mark_blank_starts(model, lang, not_started):
    frame = history_frame(ROWS, model, lang)
    assert list(frame.iloc[:, 0]) == ["12/05/2025 12:00", "12/05/2025 17:30", "20/11/2025 10:00"]
    assert list(frame.iloc[:, 3])[2] == not_started
    assert assessment_label(ROWS[2], model, lang).startswith("20/11/2025 10:00 · " + not_started)


def test_chart_draws_audits_only_with_a_tick_at_each(model):
    spec = history_chart(ROWS, model, "el").to_dict()
    data = next(iter(spec["datasets"].values()))
    assert {d["date"] for d in data} == {"12/05/2025 12:00", "12/05/2025 17:30"}   # no blank start
    ticks = spec["encoding"]["x"]["axis"]["values"]
    assert [(v["date"], v["hours"], v["minutes"]) for v in ticks] == [(12, 12, 0), (12, 17, 30)]


@pytest.mark.parametrize("lang,shown", [("el", ["▲ +13,2", "▼ −2,6", "= 0"]), ("en", ["▲ +13.2", "▼ −2.6", "= 0"])])
def test_the_change_has_the_scores_decimal_and_adds_up(model, lang, shown):
    """The change column said +13 beside scores 40,1 and 53,3: the same decimal as the scores now,
    and the difference of the shown (floored) scores."""
    from dataclasses import replace

    older, newer = ROWS[0], ROWS[1]
    pids = list(PILLAR_IDS)
    older = replace(older, pillar_scores={**older.pillar_scores, pids[0]: 40.15, pids[1]: 60.0, pids[2]: 70.04})
    newer = replace(newer, pillar_scores={**newer.pillar_scores, pids[0]: 53.39, pids[1]: 57.4, pids[2]: 70.09})
    frame = compare_frame(older, newer, model, lang)
    assert list(frame.iloc[:3, 3]) == shown
