"""What a screen reader reads for a question is its words, never the Markdown behind them: the
key-question badge was read out as «:orange-badge[βασική ερώτηση]» (the radio group's name and
its help button's)."""
from __future__ import annotations

import re

import pytest

from browser import wait_idle
from checklists import default_model
from i18n import t

MARKUP = re.compile(r":[a-z]+(?:-[a-z]+)*\[|\*\*|:material/")
LABELS = """() => [...document.querySelectorAll('[data-testid="stMain"] [aria-label]')]
  .map((el) => el.getAttribute('aria-label'))"""


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_key_question_is_read_as_words(model, server, browser, lang):
    pillar = default_model().pillar("cx_plan")
    first = next(i for i in pillar.items if i.critical)
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale="el-GR")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/cx-plan?lang={lang}")
        wait_idle(page, '[data-testid="stMain"] [role="radiogroup"]')
        labels = page.evaluate(LABELS)
        assert [x for x in labels if MARKUP.search(x)] == []
        badge = t("audit.critical", lang)
        assert any(x.endswith(f"{first.text(lang)} {badge} · {first.id}") for x in labels), labels[:3]
    finally:
        context.close()
