"""Eight people on one server at once, on SQLite and PostgreSQL: eight browser profiles open the
app at the same moment, switch to the same sections together and answer a section each of their
own assessment, click for click in turn (nobody waits for their page). Every answer is stored,
every page shows its own answers, and the server logs no traceback or exception."""
from __future__ import annotations

import pytest

from checklists.model import ANSWER_VALUES
from people import (assessment_id, click, expect_shown, expect_stored, idle, questions_on, pillar_path,
                    server_errors)

pytestmark = pytest.mark.e2e

USERS = 8


def test_eight_people_at_once(app, contexts, model):
    pages = [contexts().new_page() for _ in range(USERS)]
    for page in pages:  # everyone opens the app at the same moment ...
        page.goto(app.url, wait_until="commit")
    for page in pages:
        idle(page)
    answers: list[dict] = [{} for _ in pages]
    # One section each, the shortest (CI time; the page-switch race needs only the switch).
    for pillar in sorted(model.pillars, key=lambda p: len(p.items))[:1]:
        for page in pages:  # ... and goes to the same section at the same moment
            page.locator(f'[data-testid="stSidebarNav"] a[href$="/{pillar_path(pillar.id)}"]').click()
        items = [questions_on(page, model, pillar.id) for page in pages][0]
        for n, item_id in enumerate(items):
            for u, page in enumerate(pages):
                value = ANSWER_VALUES[(u + n) % len(ANSWER_VALUES)]
                click(page, item_id, value)
                answers[u][item_id] = value
        # Each person's assessment holds every answer they gave, and their page shows them.
        for u, page in enumerate(pages):
            aid = assessment_id(page)
            expect_stored(app.database_url, aid, answers[u], f"user {u + 1}, {pillar.id}")
            expect_shown(page, {i: answers[u][i] for i in items}, f"user {u + 1}, {pillar.id}")
    ids = {assessment_id(page) for page in pages}
    assert len(ids) == USERS, f"{USERS} people but {len(ids)} assessments"
    assert not server_errors(app), "\n".join(server_errors(app))
