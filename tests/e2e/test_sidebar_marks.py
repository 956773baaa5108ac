"""The sidebar's progress list is drawn in the app's fonts only: Source Sans for the words, Material
Symbols for the marks. The partly-answered mark «◐» (U+25D0) is not in Source Sans, so Chromium
drew it in a fallback font (Liberation Sans or DejaVu Sans), a thin sliver beside the others."""
from __future__ import annotations

import pytest

import assessment
import store
from browser import wait_idle
from checklists import default_model

APP_FONTS = {"SourceSans3VF", "Material Symbols Rounded"}
PROGRESS = '[data-testid="stSidebarUserContent"] [data-testid="stMarkdownContainer"] p:has(> strong)'


def fonts_of(page, selector: str) -> set[str]:
    """The fonts Chromium used for the text under `selector` (CSS.getPlatformFontsForNode)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: set[str] = set()
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": f"{selector}, {selector} *"})["nodeIds"]:
        used.update(f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])
    return used


@pytest.mark.parametrize("lang", ["el", "en"])
def test_every_progress_mark_is_in_the_apps_fonts(server, browser, lang):
    model = default_model()
    a = assessment.new_assessment(model, lang)
    a.company.name = "Φούρνος «Η Ζύμη»"
    first, second = model.pillars[0], model.pillars[1]
    a.set_value(first.items[0].id, 2)          # partly answered
    for item in second.items:                  # all answered
        a.set_value(item.id, 3)
    store.save_assessment(store.get_engine(server.database_url), a, model)  # the rest: none
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?assessment={a.id}&lang={lang}")
        wait_idle(page, PROGRESS)
        page.evaluate("document.fonts.ready")
        text = page.locator(PROGRESS).inner_text()
        assert f"{len(second.items)}/{len(second.items)}" in text
        assert fonts_of(page, PROGRESS) <= APP_FONTS
    finally:
        context.close()
