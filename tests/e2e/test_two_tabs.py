"""Two tabs on one assessment (two browser profiles with the resume link), on SQLite and
PostgreSQL: answers to different questions are both kept, with no conflict claimed; the same
question answered in both is a conflict that names it, and "keep mine" keeps only that answer."""
from __future__ import annotations

import pytest

from people import (
    assessment_id,
    click,
    conflict_notice,
    expect_shown,
    expect_stored,
    idle,
    pillar_path,
    question,
    questions_on,
    server_errors,
    settle,
    stored,
)

pytestmark = pytest.mark.e2e


def two_tabs(app, contexts, model, first_answer):
    """Tab A answers the first question of the first section; tab B opens the resume link."""
    pillar = model.pillars[0]
    a = contexts().new_page()
    a.goto(f"{app.url}/{pillar_path(pillar.id)}")
    items = questions_on(a, model, pillar.id)
    click(a, items[0], first_answer)
    aid = assessment_id(a)
    expect_stored(app.database_url, aid, {items[0]: first_answer}, "tab A's first answer")
    settle(a)
    b = contexts().new_page()
    b.goto(f"{app.url}/{pillar_path(pillar.id)}?assessment={aid}")
    idle(b)
    question(b, items[0]).wait_for()
    expect_shown(b, {items[0]: first_answer}, "tab B on the resume link")
    return a, b, aid, items


def test_two_tabs_answering_different_questions_keep_both(app, contexts, model):
    a, b, aid, items = two_tabs(app, contexts, model, 2)
    click(a, items[1], 3)
    expect_stored(app.database_url, aid, {items[0]: 2, items[1]: 3}, "tab A's second answer")
    settle(a)
    click(b, items[2], 4)  # B has not seen A's second answer
    settle(b)
    expected = {items[0]: 2, items[1]: 3, items[2]: 4}
    expect_stored(app.database_url, aid, expected, "both tabs' answers to different questions")
    assert conflict_notice(b).count() == 0, "a conflict was claimed for answers to different questions"
    # Back and forth once more, then each tab, reloaded, shows both tabs' answers.
    click(a, items[3], 0)
    click(b, items[4], 1)
    expected |= {items[3]: 0, items[4]: 1}
    expect_stored(app.database_url, aid, expected, "a second round in both tabs")
    settle(a)
    settle(b)
    assert conflict_notice(a).count() == 0 and conflict_notice(b).count() == 0, "a conflict was claimed"
    for tab, name in ((a, "A"), (b, "B")):
        tab.reload()
        idle(tab)
        question(tab, items[0]).wait_for()
        expect_shown(tab, expected, f"tab {name} reloaded")
    assert not server_errors(app), server_errors(app)


def test_two_tabs_answering_the_same_question(app, contexts, model):
    """B answers the first question differently and a second one; A, which has not seen B's
    answers, then answers the first question too: A is told, for that question only, and keeps
    its answer; B's answer to the other question stays, in the database and on both tabs."""
    a, b, aid, items = two_tabs(app, contexts, model, 2)
    click(b, items[0], 4)
    click(b, items[1], 3)
    expect_stored(app.database_url, aid, {items[0]: 4, items[1]: 3}, "tab B's answers")
    settle(b)
    click(a, items[0], 0)  # A still shows 2 here: B's 4 is news to it
    settle(a)
    notice = conflict_notice(a)
    notice.wait_for()
    assert items[0] in notice.inner_text(), f"the conflict does not name {items[0]}: {notice.inner_text()!r}"
    assert items[1] not in notice.inner_text(), f"the conflict names {items[1]}, which only B answered"
    a.locator(".st-key-store_keep_mine button").click()
    settle(a)
    expected = {items[0]: 0, items[1]: 3}
    expect_stored(app.database_url, aid, expected, "after 'keep mine' in tab A")
    expect_shown(a, expected, "tab A after 'keep mine'")
    assert conflict_notice(a).count() == 0, "the conflict notice stayed after 'keep mine'"
    b.reload()
    idle(b)
    question(b, items[0]).wait_for()
    expect_shown(b, expected, "tab B reloaded")
    assert stored(app.database_url, aid, list(expected)) == expected, "a later run changed the database"
    assert not server_errors(app), server_errors(app)
