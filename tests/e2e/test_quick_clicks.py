"""Answering like a person in a hurry, on SQLite and PostgreSQL: a whole section with no waits
between clicks, ten times (CXAUDIT_E2E_REPEAT). It ends with the last click's value on screen,
in a new browser on the resume link, and in the database."""
from __future__ import annotations

import random

import pytest

from checklists.model import ANSWER_VALUES
from people import check_everywhere, click, open_pillar, other_than, questions_on, repeat, server_errors

pytestmark = pytest.mark.e2e


def test_a_whole_section_without_waiting(app, contexts, model):
    """Every question of a section clicked back to back; every other time, the whole section is
    then clicked through again with every answer changed."""
    rng = random.Random(9)
    reps = repeat(10)
    for rep in range(reps):
        pillar = model.pillars[rep % len(model.pillars)]
        page = open_pillar(contexts, app, pillar.id)
        items = questions_on(page, model, pillar.id)
        answers = {i: rng.choice(ANSWER_VALUES) for i in items}
        for item_id, value in answers.items():
            click(page, item_id, value)
        # A new browser on the resume link at the first and the last repetition (a page load each).
        check_everywhere(app, contexts, page, pillar.id, answers, f"burst {rep + 1}, {pillar.id}",
                         new_browser=rep in (0, reps - 1) and not rep % 2)
        if rep % 2:
            answers = {i: other_than(v, rng) for i, v in answers.items()}
            for item_id, value in answers.items():
                click(page, item_id, value)
            check_everywhere(app, contexts, page, pillar.id, answers,
                             f"burst {rep + 1}, every answer changed, {pillar.id}", new_browser=rep in (1, reps - 1))
        page.context.close()
    assert not server_errors(app), server_errors(app)
