"""The app on a laptop (1400 px), a tablet (1024 px) and a phone (390 px), in Chromium: labels
whole, nothing covering the page, nothing off the screen."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import store
from assessment import new_assessment
from browser import click_first_grid_row, wait_idle
from i18n import t

WIDTHS = (1400, 1024, 390)
MAIN = '[data-testid="stMain"]'

# Every text inside a button whose box is narrower than its text (an ellipsis «…» on screen), or
# a button reaching past the page's column.
CLIPPED = """(selector) => {
  const column = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  const found = [];
  for (const button of document.querySelectorAll(selector)) {
    const box = button.getBoundingClientRect();
    if (box.width === 0) continue;  // not drawn (a stale copy Streamlit keeps hidden)
    if (box.right > column.right + 1 || box.left < column.left - 1) found.push("outside: " + button.innerText);
    for (const el of button.querySelectorAll("*")) {
      if (el.clientWidth > 0 && el.innerText && el.scrollWidth > el.clientWidth + 1)
        found.push("clipped: " + el.innerText);
    }
  }
  return found;
}"""


def _seed(url: str, model, name: str = "Φούρνος Ζωή") -> None:
    engine = store.get_engine(url)
    for k in range(2):
        a = new_assessment(model)
        a.company.name, a.company.city = name, "Θεσσαλονίκη"
        a.created_at = a.updated_at = f"202{4 + k}-05-0{k + 1}T10:00:00+00:00"
        for j, item_id in enumerate(model.items):
            a.set_value(item_id, (j + k) % 5)
        store.save_assessment(engine, a, model)


def _open_first_client(page) -> None:
    grid = page.locator(f'{MAIN} [data-testid="stDataFrame"]').first
    click_first_grid_row(page, grid, f"{MAIN} h3")
    wait_idle(page, ".st-key-clients_reassess")


@pytest.mark.parametrize("lang", ["el", "en"])
def test_clients_history_buttons_whole_at_every_width(model, server, browser, lang):
    _seed(server.database_url, model)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/clients?lang={lang}")
        wait_idle(page, ".st-key-clients_search input")
        _open_first_client(page)
        buttons = (f'{MAIN} .st-key-clients_open button, {MAIN} .st-key-clients_reassess button, '
                   f'{MAIN} [data-testid="stPopover"] button')
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            expect(page.get_by_role("button", name=t("clients.reassess", lang))).to_be_visible()
            page.wait_for_timeout(300)  # the layout after the resize (no assert waits on time)
            assert page.evaluate(CLIPPED, buttons) == [], f"{width} px"
    finally:
        context.close()


def _sidebar_covers_page(page) -> bool:
    return page.evaluate("""() => {
      const side = document.querySelector('[data-testid="stSidebar"]').getBoundingClientRect();
      const main = document.querySelector('[data-testid="stMain"]').getBoundingClientRect();
      return side.right > 1 && main.left < side.right - 1;
    }""")


@pytest.mark.parametrize("width", [390, 1400])
def test_a_sidebar_link_tapped_on_a_phone_closes_the_sidebar(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?lang=el")
        wait_idle(page, f"{MAIN} h1")
        if width < 768:
            page.locator('[data-testid="stExpandSidebarButton"]').click()
            expect(page.locator('[data-testid="stSidebarNav"] a[href$="/results"]')).to_be_in_viewport()
            assert _sidebar_covers_page(page)
        page.locator('[data-testid="stSidebarNav"] a[href$="/results"]').click()
        page.wait_for_url("**/results*")
        wait_idle(page, f"{MAIN} h1")
        expect(page.locator(f"{MAIN} h1").first).to_contain_text(t("results.title", "el"))
        if width < 768:
            # Closed: the link has slid off the screen and the page is uncovered.
            expect(page.locator('[data-testid="stSidebarNav"] a[href$="/results"]')).not_to_be_in_viewport()
            assert not _sidebar_covers_page(page)
        else:  # beside the page on a laptop: it stays open
            expect(page.locator('[data-testid="stSidebarNav"] a[href$="/results"]')).to_be_in_viewport()
    finally:
        context.close()


TOOLTIP = """() => [...document.querySelectorAll('[data-testid="stTooltipContent"]')].map((e) => {
  const r = e.getBoundingClientRect();
  return {inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
          whole: e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1};
})"""


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_question_help_tapped_on_a_phone_is_whole_on_the_screen(model, server, browser, lang):
    """The page's «how to answer» help (the longest) and the first question's help."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/cx-plan?lang={lang}")
        wait_idle(page, f'{MAIN} [data-testid="stRadio"]')
        icons = page.locator(f'{MAIN} [data-testid="stTooltipIcon"]')
        for n in (0, 1):
            icons.nth(n).scroll_into_view_if_needed()
            icons.nth(n).tap()
            expect(page.locator('[data-testid="stTooltipContent"]')).to_be_visible()
            assert page.evaluate(TOOLTIP) == [{"inside": True, "whole": True}], f"help {n}"
            page.touchscreen.tap(200, 20)  # elsewhere: the help closes
            expect(page.locator('[data-testid="stTooltipContent"]')).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1024])
def test_a_section_opened_from_the_sidebar_starts_at_its_top(server, browser, width):
    """At the foot of «Στρατηγική» a person taps «Γνώση πελάτη» in the sidebar: the new section
    opens at its title. Before, it kept the old page's scroll (about 1,900 px down at 1024 px)."""
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/cx-plan?lang=el")
        wait_idle(page, f'{MAIN} [data-testid="stRadio"]')
        page.mouse.move(width // 2, 400)
        page.mouse.wheel(0, 3000)  # down the page, as a person scrolls
        poll = "document.querySelector('[data-testid=\"stMain\"]').scrollTop > 500"
        page.wait_for_function(f"() => {poll}")
        if width < 768:
            page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.locator('[data-testid="stSidebarNav"] a[href$="/segmentation"]').click()
        page.wait_for_url("**/segmentation*")
        wait_idle(page, f'{MAIN} [data-testid="stRadio"]')
        expect(page.locator(f"{MAIN} h1").first).to_be_in_viewport()
        assert page.evaluate(f"document.querySelector('{MAIN}').scrollTop") == 0
    finally:
        context.close()
