"""Streamlit's own texts in the user's language, in Chromium (ui/streamlit_texts.py).

A Greek user must not meet English from Streamlit itself: the hint under a text box, the
screen-reader labels, the grid's toolbar, the dialog shown when the server stops. The check is
generic: every visible text node and every aria-label, title and placeholder on the page is
scanned for English words (Material icon names and the language switch's "English" aside), so a
Streamlit text missing from i18n/catalog/streamlit.yaml fails it. Then the same page in English
must show Streamlit's English again, with no Greek left behind.
"""
from __future__ import annotations

import re

from playwright.sync_api import expect

import assessment
import store
from browser import wait_idle
from checklists import default_model
from i18n import catalog

# Words that only English texts contain (Greek texts carry Latin only as names: NPS, CSV, Viber).
ENGLISH = re.compile(
    r"\b(the|to|for|and|you|your|press|apply|submit|options?|available|help|skip|main|content|link|heading|"
    r"open|close|dismiss|search|show|hide|columns|download|sidebar|collapse|expand|view|more|less|running|"
    r"connecting|connection|error|choose|select|results|clear|remove|delete|upload|file|icon|pages|stop|"
    r"rerun|settings|print|about|streamlit|yourscript|date|day|month|year|today|empty|value|navigate|dd|mm|yyyy|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)

SCAN = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement, text = n.nodeValue.trim();
    if (!text || !p || p.closest('script, style, noscript, [data-testid="stIconMaterial"]')) continue;
    if (p.closest('[data-testid="stSidebarNavLink"], [data-testid="stPageLink"]') && text === 'English') continue;
    if (!p.checkVisibility()) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a);
      const isSwitch = a === 'aria-label' && v === 'English' && el.closest('[data-testid="stPageLink"]');
      if (v && !isSwitch) out.push(a + '=' + v);
    }
  return out;
}"""


def english_on(page) -> list[str]:
    return sorted({text for text in page.evaluate(SCAN) if ENGLISH.search(text) and not text.startswith("arrow_")})


def greek_streamlit_texts_on(page) -> list[str]:
    greek = {texts["el"] for key, texts in catalog().items() if key.startswith("streamlit.") and "{" not in texts["el"]}
    return sorted({text for text in page.evaluate(SCAN) if text.split("=", 1)[-1] in greek})


def test_greek_ui_has_no_streamlit_english_even_when_the_server_stops(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(server.url + "/clients")  # an uploader, expanders, the bin
        wait_idle(page, "h1")
        assert english_on(page) == [], "Streamlit English on the Clients page"
        page.goto(server.url + "/")
        wait_idle(page, '[data-testid="stTextInput"] input')
        box = page.locator('[data-testid="stTextInput"] input').first
        box.click()
        # The "Press Enter to apply" hint is added under the box (hidden by app.css: the text is
        # stored once the typing pauses, text_autosave.js), in Greek all the same.
        box.type("Φούρνος")
        expect(page.locator('[data-testid="InputInstructions"]')).to_be_attached()
        page.locator('[data-testid="stSelectbox"]').first.click()  # its listbox and live region
        page.wait_for_selector('[role="listbox"]')
        assert english_on(page) == [], "Streamlit English in the Greek UI"
        assert page.evaluate("document.documentElement.lang") == "el"
        page.keyboard.press("Escape")

        server.kill()  # the consultant's laptop server stops: the dialog must speak Greek too
        dialog = page.get_by_role("dialog")
        expect(dialog).to_be_visible(timeout=60_000)
        expect(dialog).to_contain_text("σύνδεση")
        assert english_on(page) == [], "Streamlit English in the connection dialog"
    finally:
        context.close()
        server.start()


def test_a_mistyped_address_is_told_in_greek(server, browser):
    """A link with a page name that does not exist (mistyped, or from an older release): Streamlit
    opens the start page under a dialog of its own, which must speak the user's language."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(server.url + "/no-such-page")
        dialog = page.get_by_role("dialog")
        expect(dialog).to_be_visible()
        wait_idle(page, "h1")
        expect(dialog).to_contain_text("Η σελίδα δεν βρέθηκε")
        assert english_on(page) == [], "Streamlit English in the page-not-found dialog"
    finally:
        context.close()


def test_english_ui_gets_streamlit_english_back(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        wait_idle(page, '[data-testid="stTextInput"] input')
        page.locator('[data-testid="stTextInput"] input').first.type("Φ")
        expect(page.locator('[data-testid="InputInstructions"]')).to_contain_text("Πατήστε")
        page.goto(server.url + "/?lang=en")  # a phone opening the English link
        wait_idle(page, '[data-testid="stTextInput"] input')
        page.locator('[data-testid="stTextInput"] input').first.type("B")
        expect(page.locator('[data-testid="InputInstructions"]')).to_contain_text("Press Enter")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert greek_streamlit_texts_on(page) == []
    finally:
        context.close()


def test_date_picker_speaks_greek_in_a_browser_set_to_english(server, browser):
    """The plan's due dates: Streamlit's field says "dd/mm/yyyy", "Choose date" and "Empty", and
    its calendar names months in the browser's locale, often English on a consultant's laptop."""
    model = default_model()
    a = assessment.new_assessment(model, "el")
    a.company.name = "Φούρνος Ζωή"
    for item_id in list(model.items)[:12]:
        a.set_value(item_id, 0)  # "not at all": each one an action on the plan
    store.save_assessment(store.get_engine(server.database_url), a, model)
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/plan?assessment={a.id}")
        wait_idle(page, '[data-testid="stDateInput"]')
        field = page.locator('[data-testid="stDateInputField"]').first
        expect(field).to_contain_text("ηη")
        field.scroll_into_view_if_needed()
        page.locator('[data-testid="stDateInput"] button').first.click()
        calendar = page.locator('[data-testid="stDateInputCalendar"]')
        expect(calendar).to_be_visible()
        months = [texts["el"] for key, texts in catalog().items() if key.startswith("streamlit.calendar.")
                  and texts["en"] in ("January February March April May June July August September October "
                                      "November December").split()]
        assert any(month in calendar.inner_text() for month in months), calendar.inner_text()
        assert english_on(page) == [], "Streamlit English around the date picker"
    finally:
        context.close()
