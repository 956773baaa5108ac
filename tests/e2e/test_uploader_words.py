"""The file uploader's words on a phone and on a laptop, in Chromium (ui/upload.py, streamlit_texts.js).

A phone cannot drag a file onto the page, so at 390 px the hint under «Επιλογή αρχείου» gives only
what is accepted, not «ή σύρετε ένα αρχείο εδώ»; a laptop keeps it. A file Streamlit refuses
becomes a chip whose reason, size and buttons are Streamlit's English: in the Greek UI they are
Greek, the size with a decimal comma («6,0 MB»).
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser import wait_idle
from i18n import t
from test_streamlit_words import english_on

HINT = """() => getComputedStyle(document.querySelector(
    '[data-testid="stFileUploaderDropzoneInstructions"] > div'), '::after').content"""
DRAG = re.compile("σύρ|drag", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_phone_is_not_told_to_drag_a_laptop_is(server, browser, lang):
    for width, drag in ((390, False), (1400, True)):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="el-GR")
        page = context.new_page()
        try:
            page.goto(f"{server.url}/measure?lang={lang}")
            wait_idle(page, '[data-testid="stFileUploaderDropzoneInstructions"]')
            hint = page.evaluate(HINT)
            limits = t("upload.hint_touch", lang, kinds={"el": "CSV ή XLSX", "en": "CSV or XLSX"}[lang], limit=50)
            assert limits in hint, (width, hint)
            assert bool(DRAG.search(hint)) is drag, (width, hint)
        finally:
            context.close()


def test_a_refused_file_is_explained_in_greek(server, browser, tmp_path):
    pdf = tmp_path / "σημειώσεις.pdf"
    pdf.write_bytes(b"0" * 6_000_000)  # 6 MB (Streamlit counts in thousands), and not a CSV or an XLSX
    big = tmp_path / "έλεγχος.json"
    big.write_bytes(b"0" * 12_000_000)  # over the import uploader's 10 MB
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/measure")
        wait_idle(page, '[data-testid="stFileUploader"]')
        page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(pdf))
        chip = page.locator('[data-testid="stFileChip"]').first
        expect(chip).to_contain_text("6,0 MB")
        expect(chip).to_contain_text("Σφάλμα")
        assert chip.get_attribute("aria-label") == "σημειώσεις.pdf, 6,0 MB"
        chip.hover()  # the reason's tooltip
        expect(page.get_by_text("Δεν επιτρέπεται αυτό το είδος αρχείου (application/pdf).").last).to_be_visible()
        assert english_on(page) == [], "Streamlit English around a refused file"

        page.goto(f"{server.url}/clients")
        wait_idle(page, '[data-testid="stExpander"]')
        page.locator('[data-testid="stExpander"] summary').first.click()
        page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(big))
        expect(page.locator('[data-testid="stFileChip"]').first).to_contain_text(
            re.compile(r"Το αρχείο πρέπει να είναι έως \d+(,\d)? MB\."))
        assert english_on(page) == [], "Streamlit English around a file too large"
    finally:
        context.close()
