"""Browser journeys: nothing is lost on a refresh, in a new tab with the resume link, or when the
server is killed (SIGKILL) mid-audit and started again on the same database."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser import IDLE
from checklists.model import ANSWER_VALUES  # the radios' option order
from i18n import t
from store_support import ensure_model

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return ensure_model(tmp_path_factory.mktemp("model"))


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


def settle(page) -> None:
    """Wait for the rerun that an action started to finish."""
    try:
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=1500)
    except Exception:
        pass  # it may have finished already
    page.wait_for_selector(IDLE)


def pillar_url(pillar_id: str) -> str:
    return pillar_id.replace("_", "-")


def question(page, item_id: str):
    """A question's answer radios; the label ends with the item id."""
    return page.locator('[data-testid="stRadio"]').filter(has_text=f"· {item_id}")


def answer(page, item_id: str, value) -> None:
    question(page, item_id).locator("label:has(input[type=radio])").nth(ANSWER_VALUES.index(value)).click()
    settle(page)


def expect_answer(page, item_id: str, value) -> None:
    """Poll until the question shows `value` checked: the app can report "idle" before a resumed
    page's radios are drawn with their values."""
    radios = question(page, item_id).locator("input[type=radio]")
    expect(radios.nth(ANSWER_VALUES.index(value))).to_be_checked()
    expect(question(page, item_id).locator("input[type=radio]:checked")).to_have_count(1)


def open_notes(page, item_id: str):
    """The note field of a question, opening the page's "evidence and notes" expander if closed."""
    area = page.locator(f".st-key-note_{item_id} textarea")
    if not area.is_visible():
        page.locator('[data-testid="stExpander"] summary').filter(
            has_text=re.compile("Τεκμήρια και σημειώσεις|Evidence and notes")).click()
        settle(page)
    area.wait_for()
    return area


def write_note(page, item_id: str, text: str) -> None:
    area = open_notes(page, item_id)
    area.fill(text)
    area.press("Tab")  # a text area commits on blur
    settle(page)
    # The server has it once it marks the question as having a note (the edit_note icon).
    # (Found by its ligature: its aria-label "edit_note icon" is translated in the Greek UI.)
    expect(question(page, item_id).get_by_text("edit_note", exact=True)).to_have_count(1)


def resume_id(page) -> str:
    page.wait_for_function("() => new URL(location.href).searchParams.get('assessment')")
    return re.search(r"assessment=([0-9a-f]+)", page.url).group(1)


def plan_answers(model) -> dict[str, object]:
    """Answers for the first few items of the first two pillars, derived from the model."""
    out = {}
    for p in model.pillars[:2]:
        for n, it in enumerate(p.items[:3]):
            out[it.id] = ANSWER_VALUES[(n * 2 + len(out)) % len(ANSWER_VALUES)]
    return out


def by_pillar(model, answers) -> dict[str, dict[str, object]]:
    grouped = {}
    for item_id, value in answers.items():
        grouped.setdefault(model.item_pillar[item_id], {})[item_id] = value
    return grouped


def answer_all(page, server, model, answers) -> None:
    for pid, items in by_pillar(model, answers).items():
        page.goto(
            f"{server.url}/{pillar_url(pid)}" + (f"?assessment={resume_id(page)}" if "assessment=" in page.url else "")
        )
        page.wait_for_selector(IDLE)
        for item_id, value in items.items():
            answer(page, item_id, value)
        # The server has them all once the sidebar (drawn by the server after the page) counts them;
        # only then may the test navigate away.
        pillar = model.pillar(pid)
        expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(
            t("sidebar.pillar", "el", title=pillar.short_title("el"), answered=len(items), total=len(pillar.items)))


def assert_answers(page, server, model, answers, aid) -> None:
    for pid, items in by_pillar(model, answers).items():
        page.goto(f"{server.url}/{pillar_url(pid)}?assessment={aid}")
        page.wait_for_selector(IDLE)
        for item_id, value in items.items():
            expect_answer(page, item_id, value)


def answered_tab(context, server, model):
    """A tab that has answered plan_answers(model): (page, answers, assessment id)."""
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector(IDLE)
    answers = plan_answers(model)
    answer_all(page, server, model, answers)
    return page, answers, resume_id(page)


def test_answers_survive_a_browser_refresh(server, context, model):
    page, answers, aid = answered_tab(context, server, model)
    page.reload()
    page.wait_for_selector(IDLE)
    assert resume_id(page) == aid
    last_pillar = model.item_pillar[list(answers)[-1]]
    for item_id, value in answers.items():
        if model.item_pillar[item_id] == last_pillar:
            expect_answer(page, item_id, value)
    assert_answers(page, server, model, answers, aid)


def test_resume_link_in_a_new_tab(server, context, browser, model):
    _, answers, aid = answered_tab(context, server, model)
    other = browser.new_context()  # a separate browser profile: nothing shared but the link
    try:
        tab = other.new_page()
        tab.set_default_timeout(30_000)
        assert_answers(tab, server, model, answers, aid)
    finally:
        other.close()


def test_sigkill_mid_audit_and_restart_loses_nothing(server, context, model):
    page = context.new_page()
    page.goto(f"{server.url}/")  # the start page is the default page: its URL is /
    page.wait_for_selector(IDLE)
    name = page.locator(".st-key-profile_name input")
    name.fill("Ζαχαροπλαστείο «Γλυκιά Ζωή»")
    name.press("Enter")
    settle(page)
    aid = resume_id(page)
    answers = plan_answers(model)
    answer_all(page, server, model, answers)
    note_item = list(answers)[-1]
    write_note(page, note_item, "Ρωτάμε τους πελάτες κάθε Παρασκευή — ΆΈΉΊΌΎΏ ϊϋ")
    assert resume_id(page) == aid

    server.kill()
    server.start()

    fresh = context.new_page()
    fresh.goto(f"{server.url}/?assessment={aid}")
    fresh.wait_for_selector(IDLE)
    # The app can report "idle" before the resumed values are drawn: poll for the value.
    expect(fresh.locator(".st-key-profile_name input")).to_have_value("Ζαχαροπλαστείο «Γλυκιά Ζωή»")
    assert_answers(fresh, server, model, answers, aid)
    fresh.goto(f"{server.url}/{pillar_url(model.item_pillar[note_item])}?assessment={aid}")
    fresh.wait_for_selector(IDLE)
    expect(open_notes(fresh, note_item)).to_have_value("Ρωτάμε τους πελάτες κάθε Παρασκευή — ΆΈΉΊΌΎΏ ϊϋ")
