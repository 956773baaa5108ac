"""Eight people on one server at once, on SQLite and PostgreSQL: eight browser profiles open the
app at the same moment, go to their sections together and answer a section each, of their own
assessment, click for click in turn with nobody waiting for their page; then each corrects three
answers, again without waiting. Every last click is stored and shown, each person has an
assessment of their own, and the server logs no traceback or exception.

Every wait is for a state (the page idle, its resume link, the database holding the answers),
with room for a shared machine under load; nothing is timed."""
from __future__ import annotations

import random

import pytest

from checklists.model import ANSWER_VALUES
from people import (
    PATIENCE,
    click,
    conflict_notice,
    diff,
    expect_shown,
    expect_stored,
    other_than,
    pillar_path,
    question,
    questions_on,
    repeat,
    server_errors,
    settle,
    shown,
    stored,
)

pytestmark = pytest.mark.e2e

USERS = 8
CORRECTIONS = 3
LOAD_PATIENCE = 4 * PATIENCE  # eight sessions' runs queue on one server: its backlog, not a limit on speed


def test_eight_people_at_once(app, contexts, model):
    rng = random.Random(8)
    for rep in range(repeat(1)):
        _eight_at_once(app, contexts, model, rng, rep)
    assert not server_errors(app), "\n".join(server_errors(app))


def _eight_at_once(app, contexts, model, rng: random.Random, rep: int) -> None:
    pages = [contexts().new_page() for _ in range(USERS)]
    for page in pages:  # everyone opens the app at the same moment ...
        page.set_default_timeout(LOAD_PATIENCE * 1000)
        page.goto(app.url, wait_until="commit")
    pillars = [model.pillars[(u + rep) % len(model.pillars)] for u in range(USERS)]
    for page, pillar in zip(pages, pillars, strict=True):  # ... and goes to a section at the same moment
        page.locator(f'[data-testid="stSidebarNav"] a[href$="/{pillar_path(pillar.id)}"]').click()
    items = []
    for page, pillar in zip(pages, pillars, strict=True):
        page.wait_for_url(f"**/{pillar_path(pillar.id)}**")
        question(page, pillar.items[0].id).first.wait_for()
        items.append(questions_on(page, model, pillar.id))

    answers: list[dict] = [{} for _ in pages]
    for n in range(max(len(i) for i in items)):  # one answer each, in turn, nobody waiting
        for u, page in enumerate(pages):
            if n < len(items[u]):
                value = rng.choice(ANSWER_VALUES)
                click(page, items[u][n], value)
                answers[u][items[u][n]] = value
    for n in range(CORRECTIONS):  # and three corrections each, the same way
        for u, page in enumerate(pages):
            item_id = items[u][n * 2]
            answers[u][item_id] = other_than(answers[u][item_id], rng)
            click(page, item_id, answers[u][item_id])

    ids = []
    for u, (page, pillar) in enumerate(zip(pages, pillars, strict=True)):
        what = f"repetition {rep + 1}, person {u + 1}, {pillar.id}"
        settle(page)
        aid = _resume_id(app, page, answers[u], what)
        expect_stored(app.database_url, aid, answers[u], what, timeout=LOAD_PATIENCE)
        expect_shown(page, answers[u], f"{what}, on their page")
        assert conflict_notice(page).count() == 0, f"{what}: a conflict notice, with one tab per assessment"
        ids.append(aid)
    assert len(set(ids)) == USERS, f"{USERS} people but {len(set(ids))} assessments: {ids}"
    for page in pages:
        page.context.close()


def _resume_id(app, page, answers: dict, what: str) -> str:
    """The assessment id in the page's resume link (?assessment=…), once the app has stored it."""
    try:
        page.wait_for_function("() => new URL(location.href).searchParams.get('assessment')",
                               timeout=LOAD_PATIENCE * 1000)
    except Exception:
        pytest.fail(f"{what}: no resume link in {page.url}; the page shows {diff(answers, shown(page, answers))}; "
                    f"{_stored_elsewhere(app, answers)}", pytrace=False)
    return page.evaluate("() => new URL(location.href).searchParams.get('assessment')")


def _stored_elsewhere(app, answers: dict) -> str:
    """Which stored assessments hold these answers (to tell a lost save from a lost link)."""
    from sqlalchemy import text

    import store

    with store.get_engine(app.database_url).connect() as conn:
        ids = conn.execute(text("SELECT id FROM assessments")).scalars().all()
    holding = [aid for aid in ids if stored(app.database_url, aid, list(answers)) == answers]
    return f"{len(ids)} assessments stored, holding these answers: {holding or 'none'}"
