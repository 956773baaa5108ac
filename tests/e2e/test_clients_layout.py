"""The Clients page's table toolbar, which appears on hover above the table, clears the search box
right above it (at 1024 px it covered the box's right end, its clear button among it)."""
from __future__ import annotations

import pytest

import assessment
import store
from browser import wait_idle
from checklists import default_model

TABLE = '[data-testid="stMain"] [data-testid="stDataFrame"]'


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


@pytest.mark.parametrize("width", [1400, 1024, 390])
def test_the_table_toolbar_clears_the_search_box(server, browser, width):
    model = default_model()
    a = assessment.new_assessment(model, "el")
    a.company.name, a.company.city = "Φούρνος «Η Ζύμη»", "Βόλος"
    a.set_value(next(iter(model.items)), 2)
    store.save_assessment(store.get_engine(server.database_url), a, model)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/clients")
        wait_idle(page, TABLE)
        page.locator(TABLE).first.hover()
        toolbar = page.locator('[data-testid="stMain"] [data-testid="stElementToolbar"]').first
        toolbar.wait_for(state="visible")
        search = page.locator(".st-key-clients_search").first.bounding_box()
        assert not _overlap(toolbar.bounding_box(), search), (toolbar.bounding_box(), search)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_search_hint_fits_its_box_on_a_phone(server, browser, lang):
    """At 390 px the search box's hint was cut mid-word («π.χ. «φούρν»): it is short, and the
    examples are in the help."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/clients?lang={lang}")
        wait_idle(page, ".st-key-clients_search input")
        page.evaluate("document.fonts.ready")
        room, needed = page.evaluate("""() => {
            const input = document.querySelector('.st-key-clients_search input');
            const style = getComputedStyle(input);
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return [room, ctx.measureText(input.placeholder).width];
        }""")
        assert needed <= room, (needed, room)
    finally:
        context.close()
