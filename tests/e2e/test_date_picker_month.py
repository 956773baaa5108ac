"""The plan's date picker names months and days in the app's language, whatever the browser's.

Streamlit formats its calendar in the browser's language (navigator.language). A Greek browser
gave the Greek UI the genitive «Δεκεμβρίου» as the calendar's month («1 Δεκεμβρίου» is right in a
date, not as a heading or in the list of months); an English browser gave it "S M T W T F S",
Sunday first; a Greek browser gave the English UI Greek months. ui/static/streamlit_texts.js
makes the picker follow the app's language.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from playwright.sync_api import expect

import assessment
import store
from browser import wait_idle
from checklists import default_model
from i18n import catalog

MONTHS_EN = "January February March April May June July August September October November December".split()


def nominative_months() -> list[str]:
    by_english = {texts["en"]: texts["el"] for key, texts in catalog().items() if key.startswith("streamlit.calendar.")}
    return [by_english[month] for month in MONTHS_EN]


def plan_with_due_dates(server) -> str:
    model = default_model()
    a = assessment.new_assessment(model, "el")
    a.company.name = "Φαρμακείο Ζωή"
    for item_id in list(model.items)[:6]:
        a.set_value(item_id, 0)  # each one an action on the plan, with a due-date field
    store.save_assessment(store.get_engine(server.database_url), a, model)
    return a.id


@contextmanager
def plan_page(server, browser, locale: str, query: str = ""):
    """The Plan page of an audit with due dates, in a browser whose language is `locale`."""
    assessment_id = plan_with_due_dates(server)
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale=locale)
    page = context.new_page()
    try:
        page.goto(f"{server.url}/plan?assessment={assessment_id}{query}")
        wait_idle(page, '[data-testid="stDateInput"]')
        yield page
    finally:
        context.close()


def open_calendar(page):
    page.locator('[data-testid="stDateInputField"]').first.scroll_into_view_if_needed()
    page.locator('[data-testid="stDateInput"] button').first.click()
    calendar = page.locator('[data-testid="stDateInputCalendar"]')
    expect(calendar).to_be_visible()
    return calendar


def calendar_words(calendar) -> dict:
    return calendar.evaluate("""c => ({
        month: c.querySelector('button[aria-haspopup="listbox"]').innerText.trim(),
        weekdays: [...c.querySelectorAll('th')].map(t => t.innerText.trim()),
        options: [...c.querySelectorAll('option')].map(o => o.textContent.trim()).filter(t => /\\D/.test(t)),
    })""")


def test_greek_calendar_heads_with_the_nominative_month_in_a_greek_browser(server, browser):
    with plan_page(server, browser, "el-GR") as page:
        calendar = open_calendar(page)
        words = calendar_words(calendar)
        assert words["month"] in nominative_months(), words
        assert words["options"] == nominative_months(), words
        calendar.locator('button[aria-haspopup="listbox"]').first.click()  # the list of months
        listbox = page.locator('[data-testid="stDateInputHeaderPickerPopover"]')
        expect(listbox).to_be_visible()
        assert [w.strip() for w in listbox.inner_text().split("\n") if w.strip()] == nominative_months()


def test_greek_calendar_in_an_english_browser_and_english_calendar_after_the_switch(server, browser):
    with plan_page(server, browser, "en-US") as page:
        words = calendar_words(open_calendar(page))
        assert words["weekdays"][0] == "Δ", words  # Monday first, in Greek
        assert not any(re.search("[A-Za-z]", w) for w in words["weekdays"]), words
        day = page.locator('[data-testid="stDateInputCalendar"] [role="gridcell"] [aria-label]').first
        assert not re.search("[A-Za-z]", day.get_attribute("aria-label")), day.get_attribute("aria-label")
        page.keyboard.press("Escape")

        page.locator('[data-testid="stSidebar"] a:visible', has_text="English").first.click()  # same page, English
        wait_idle(page, '[data-testid="stDateInput"]')
        expect(page.locator('[data-testid="stSidebar"] a:visible', has_text="Ελληνικά").first).to_be_visible()
        words = calendar_words(open_calendar(page))
        assert words["month"] in MONTHS_EN and words["options"] == MONTHS_EN, words
        assert words["weekdays"][0] == "M", words


def test_english_calendar_in_a_greek_browser(server, browser):
    with plan_page(server, browser, "el-GR", "&lang=en") as page:
        words = calendar_words(open_calendar(page))
        assert words["month"] in MONTHS_EN and words["options"] == MONTHS_EN, words
