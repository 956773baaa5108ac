"""A typed date that does not exist is refused, never changed: 29/02/2027 (not a leap year) was
stored as 28/02/2027 by the date field, and 31/04 as 30/04, without a word."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from i18n import t
from people import idle, poll, server_errors
from test_plan_cards import _actions, _open, _seed

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(("lang", "typed", "then"), [("el", "29022027", "Enter"), ("en", "31042027", "click")])
def test_a_date_that_does_not_exist_is_refused(app, contexts, lang, typed, then):
    a, plan = _seed(app.database_url, seed=13)
    item = plan.included[0].item
    page = _open(contexts, app, a.id)
    if lang != "el":
        page.goto(f"{app.url}/plan?assessment={a.id}&lang={lang}")
        idle(page)
    field = page.locator(f".st-key-plan_due_{item} [data-type=day]").first
    field.click()
    page.keyboard.type(typed)
    if then == "Enter":
        page.keyboard.press("Enter")
    else:
        page.locator('[data-testid="stMain"] h1').first.click()
    shown = f"{typed[:2]}/{typed[2:4]}/{typed[4:]}"
    last = ("28" if typed.startswith("29") else "30") + shown[2:]
    expect(page.locator(".cx-date-refused")).to_have_text(t("browser.date_impossible", lang, date=shown, last=last))
    idle(page)
    assert _actions(app.database_url, a.id).get(item, (None, None))[1] is None  # nothing stored
    assert page.locator(f".st-key-plan_due_{item} input[type=date]").first.input_value() == ""
    # A date that exists is then stored as typed, and the message goes.
    field.click()
    page.keyboard.type("28022027")
    page.keyboard.press("Enter")
    poll(lambda: str(_actions(app.database_url, a.id).get(item, (None, None))[1]) == "2027-02-28",
         lambda: f"the database holds {_actions(app.database_url, a.id).get(item)}")
    expect(page.locator(".cx-date-refused")).to_have_count(0)
    assert not server_errors(app), server_errors(app)
