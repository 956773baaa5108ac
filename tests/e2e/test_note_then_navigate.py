"""A note typed and the page left at once, on SQLite and PostgreSQL: answers on a section page,
a note typed in «Τεκμήρια και σημειώσεις ανά ερώτηση», then «Επόμενο: …» (or a sidebar link)
clicked without first clicking outside the note. The note field commits on blur, in the same
moment as the navigation. The page must arrive, and the answers and the note must be kept: on
the new page's sidebar count, in a new browser on the resume link, and in the database.

(Before the fix the answers showed blank after the click, and the next answer given then stored
the blank ones: a section's answers were lost.)"""
from __future__ import annotations

import random
import re

import pytest

from checklists.model import ANSWER_VALUES
from people import (
    PATIENCE,
    assessment_id,
    check_everywhere,
    click,
    expect_shown,
    idle,
    open_pillar,
    pillar_path,
    poll,
    questions_on,
    repeat,
    server_errors,
    stored,
)

pytestmark = pytest.mark.e2e

NOTES_TITLE = "Τεκμήρια και σημειώσεις ανά ερώτηση"


def _stored_note(url: str, aid: str, item_id: str) -> str | None:
    import store

    try:
        a, _ = store.load_assessment(store.get_engine(url), aid)
    except store.NotFound:
        return None
    return a.note(item_id)


def _open_notes(page):
    page.locator('[data-testid="stExpander"] summary').filter(has_text=NOTES_TITLE).click()
    area = page.locator('[data-testid="stExpander"] textarea').first
    area.wait_for()
    return area


def _note_shown(page) -> str:
    idle(page)
    return _open_notes(page).input_value()


@pytest.mark.parametrize("way", ["next", "sidebar"])
def test_a_note_typed_then_the_page_left_at_once(app, contexts, model, way):
    rng = random.Random(31)
    for rep in range(repeat(1)):
        _note_then_leave(app, contexts, model, rep, way, rng)
    assert not server_errors(app), server_errors(app)


def _note_then_leave(app, contexts, model, rep: int, way: str, rng: random.Random) -> None:
    pillar_index = rep % (len(model.pillars) - 1)  # a pillar with a next one
    pillar, following = model.pillars[pillar_index], model.pillars[pillar_index + 1]
    page = open_pillar(contexts, app, pillar.id)
    items = questions_on(page, model, pillar.id)
    answers = {i: rng.choice(ANSWER_VALUES) for i in items[:4]}
    for item_id, value in answers.items():
        click(page, item_id, value)
    aid = assessment_id(page)
    note = f"Αφίσα στο ταμείο, φωτογραφία {rep + 1} «έλεγχος» & 10,5%"
    area = _open_notes(page)
    area.click()
    page.keyboard.type(note)  # no click outside: the note commits on the link's click (blur)
    if way == "next":
        page.locator('[data-testid="stMain"] [data-testid="stPageLink"] a').filter(has_text="Επόμενο").click()
    else:
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=following.short_title("el")).click()
    target = pillar_path(following.id)
    what = f"{way} {rep + 1}, {pillar.id}"
    # The page arrives: the next section's questions are drawn.
    poll(lambda: re.search(rf"/{re.escape(target)}(\?|$)", page.evaluate("location.href")),
         lambda: f"{what}: the page did not move from {page.evaluate('location.href')}")
    following_items = questions_on(page, model, following.id)
    assert following_items, f"{what}: the next section shows no questions"
    # Then the person answers a question there: that must not store the first section as blank.
    click(page, following_items[0], ANSWER_VALUES[2])
    poll(lambda: _stored_note(app.database_url, aid, items[0]) == note,
         lambda: f"{what}: the database holds the note {_stored_note(app.database_url, aid, items[0])!r}",
         timeout=PATIENCE)
    check_everywhere(app, contexts, page, following.id, {following_items[0]: ANSWER_VALUES[2]},
                     f"{what}, the answer on the next page", new_browser=False)
    # Back on the first section, in a new browser on the resume link: answers and note kept.
    fresh = open_pillar(contexts, app, pillar.id, aid)
    expect_shown(fresh, answers, f"{what}, the first section in a new browser")
    assert _note_shown(fresh) == note, f"{what}: the note in a new browser"
    fresh.context.close()
    assert stored(app.database_url, aid, list(answers)) == answers, (
        f"{what}: the database lost answers: {stored(app.database_url, aid, list(answers))}")
    page.context.close()


def test_a_note_is_stored_while_typing_with_no_tap_elsewhere(app, contexts, model):
    """A phone has no Ctrl+Enter, and a person who types a note and then reloads, or closes the
    tab, never leaves the field: the note is stored once the typing pauses, the field keeps its
    focus and caret (the second half of the note goes on where the first ended), and a new
    browser on the resume link shows it. Before, the note was stored only on blur: lost."""
    pillar = model.pillars[0]
    page = open_pillar(contexts, app, pillar.id)
    items = questions_on(page, model, pillar.id)
    click(page, items[0], ANSWER_VALUES[3])
    aid = assessment_id(page)
    area = _open_notes(page)
    area.click()
    first, second = "Αφίσα στο ταμείο «έλεγχος»", " & 10,5% 📷 <b>όχι</b>"
    page.keyboard.type(first)
    poll(lambda: _stored_note(app.database_url, aid, items[0]) == first,
         lambda: f"the paused note is not stored: {_stored_note(app.database_url, aid, items[0])!r}", timeout=PATIENCE)
    page.keyboard.type(second)  # typing on, in the same field, after the save's rerun
    poll(lambda: _stored_note(app.database_url, aid, items[0]) == first + second,
         lambda: f"the whole note is not stored: {_stored_note(app.database_url, aid, items[0])!r}", timeout=PATIENCE)
    assert area.input_value() == first + second
    assert page.evaluate("document.activeElement && document.activeElement.tagName") == "TEXTAREA"
    page.reload()
    assert _note_shown(page) == first + second
    fresh = open_pillar(contexts, app, pillar.id, aid)
    assert _note_shown(fresh) == first + second
    expect_shown(fresh, {items[0]: ANSWER_VALUES[3]}, "the answer in a new browser")
    fresh.context.close()
    page.context.close()
    assert not server_errors(app), server_errors(app)
