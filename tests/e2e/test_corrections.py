"""Changing one's mind, on SQLite and PostgreSQL: an answer corrected at once, 150 ms later, and
back and forth (A, B, A, B with no wait); a correction made while the first answer's save waits
2 s on a database lock. Each ends with the last click on the same tab, in a new browser on the
resume link and in the database, with no conflict claimed (there is one tab)."""
from __future__ import annotations

import random
import threading
import time

import pytest

from people import (
    assessment_id,
    check_everywhere,
    click,
    expect_stored,
    open_pillar,
    other_than,
    questions_on,
    repeat,
    server_errors,
    settle,
    write_lock,
)

pytestmark = pytest.mark.e2e


def test_corrections_at_once_later_and_back_and_forth(app, contexts, model):
    rng = random.Random(14)
    reps = repeat(2)
    for rep in range(reps):
        pillar = model.pillars[(rep + 1) % len(model.pillars)]
        page = open_pillar(contexts, app, pillar.id)
        items = questions_on(page, model, pillar.id)
        expected = {}
        for n, item_id in enumerate(items[:6]):
            first = rng.choice([0, 1, 2, 3, 4])
            second = other_than(first, rng)
            kind = n % 3
            if kind == 0:    # a correction at once
                click(page, item_id, first)
                click(page, item_id, second)
            elif kind == 1:  # a correction 150 ms later
                click(page, item_id, first)
                time.sleep(0.15)
                click(page, item_id, second)
            else:            # back and forth: A, B, A, B
                for value in (first, second, first, second):
                    click(page, item_id, value)
            expected[item_id] = second
        check_everywhere(app, contexts, page, pillar.id, expected, f"corrections {rep + 1}, {pillar.id}",
                         new_browser=rep == reps - 1)
        page.context.close()
    assert not server_errors(app), server_errors(app)


def test_a_correction_while_the_save_waits_on_a_lock(app, contexts, model):
    """The database is locked for 2 s: the first answer's save waits; the person corrects it
    0.4 s later and answers the next question. Once the lock is gone, both last answers are stored."""
    reps = repeat(1)
    for rep in range(reps):
        _correct_during_a_lock(app, contexts, model, rep, new_browser=rep == reps - 1)
    assert not server_errors(app), server_errors(app)


def _correct_during_a_lock(app, contexts, model, rep: int, new_browser: bool) -> None:
    pillar = model.pillars[rep % len(model.pillars)]
    page = open_pillar(contexts, app, pillar.id)
    items = questions_on(page, model, pillar.id)
    click(page, items[0], 1)  # stored before the lock: the assessment exists
    aid = assessment_id(page)
    expect_stored(app.database_url, aid, {items[0]: 1}, "the first answer, before the lock")
    settle(page)
    locked, release = threading.Event(), threading.Event()

    def hold():
        with write_lock(app.database_url):
            locked.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(30), "could not lock the database"
        click(page, items[1], 2)
        time.sleep(0.4)
        click(page, items[1], 4)  # the correction, while the first save waits
        click(page, items[2], 0)
        time.sleep(1.6)
    finally:
        release.set()
        holder.join()
    expected = {items[0]: 1, items[1]: 4, items[2]: 0}
    check_everywhere(app, contexts, page, pillar.id, expected, f"correction during a slow save {rep + 1}",
                     new_browser=new_browser)
    page.context.close()
