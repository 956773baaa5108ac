"""SIGKILL within 100 ms of the last click of a burst, on SQLite and PostgreSQL, then the server
starts again on the same database. The tab that was open reconnects by itself: once it is idle,
what it shows is what the database holds, and a new browser on the resume link shows the same.
(Clicks the dead server never received cannot be stored; what matters is that no page shows an
answer as given that the database does not have.)"""
from __future__ import annotations

import random
import time

import pytest

from people import (
    PATIENCE,
    assessment_id,
    click,
    expect_shown,
    expect_stored,
    idle,
    open_pillar,
    poll,
    questions_on,
    repeat,
    server_errors,
    settle,
    shown,
    stored,
)

pytestmark = pytest.mark.e2e


def test_sigkill_right_after_a_burst(app, contexts, model):
    rng = random.Random(5)
    reps = repeat(2)
    for rep in range(reps):
        pillar = model.pillars[(rep + 2) % len(model.pillars)]
        page = open_pillar(contexts, app, pillar.id)
        items = questions_on(page, model, pillar.id)
        click(page, items[0], 3)
        aid = assessment_id(page)
        expect_stored(app.database_url, aid, {items[0]: 3}, "the first answer")
        settle(page)
        burst = {i: rng.choice([0, 1, 2, 4]) for i in items[1:]}
        for item_id, value in burst.items():
            click(page, item_id, value)
        time.sleep(rng.uniform(0, 0.1))
        app.kill()
        app.start()
        ids = [items[0], *burst]
        # The old tab reconnects on its own (Streamlit's client retries): it must come to show
        # exactly what the database holds, and keep showing it.
        _wait_until_tab_agrees(app, page, aid, ids, f"kill {rep + 1}")
        settle(page)
        time.sleep(1)
        now_shown, now_stored = shown(page, ids), stored(app.database_url, aid, ids)
        assert now_shown == now_stored, f"kill {rep + 1}: later, tab {now_shown} database {now_stored}"
        assert now_stored[items[0]] == 3, f"kill {rep + 1}: the answer stored before the burst was lost"
        fresh = open_pillar(contexts, app, pillar.id, aid)
        expect_shown(fresh, now_stored, f"kill {rep + 1}, a new browser on the resume link")
        fresh.context.close()
        page.context.close()
    assert not [e for e in server_errors(app) if "Traceback" in e], server_errors(app)


def _wait_until_tab_agrees(app, page, aid: str, ids: list[str], what: str) -> None:
    last: dict = {}

    def agrees():
        try:
            idle(page)
        except Exception:
            return False
        last["shown"], last["stored"] = shown(page, ids), stored(app.database_url, aid, ids)
        return last["shown"] == last["stored"]

    def differences() -> str:
        tab, db = last.get("shown", {}), last.get("stored") or {}
        return ", ".join(f"{i}: tab {tab.get(i)!r}, database {db.get(i)!r}" for i in ids if tab.get(i) != db.get(i))

    poll(agrees, lambda: f"{what}: the reconnected tab and the database differ: {differences()}",
         timeout=PATIENCE * 2)
