"""The main path in a real browser: start, answer a pillar, switch language, see results."""
from playwright.sync_api import expect

from browser import wait_idle
from checklists import default_model

MODEL = default_model()


def question(page, item_id: str):
    """The answer radio group of a question; its label ends with the item id."""
    return page.locator('[data-testid="stRadio"]').filter(has_text=f"· {item_id}")


def click_answer(page, item_id: str, label: str) -> None:
    radio = question(page, item_id)
    radio.get_by_text(label, exact=True).click()
    wait_idle(page)


def test_start_answer_switch_language_results(server, page):
    pillar = MODEL.pillars[0]
    def label(item, value, lang):  # each question's own answer set (existence questions: «Όχι»…)
        return MODEL.option(value, item).label(lang)
    page.goto(server.url)
    wait_idle(page, ".st-key-profile_name input")
    page.locator(".st-key-profile_name input").fill("Καφενείο «Η Πλατεία» & Σια")
    page.locator(".st-key-profile_name input").press("Enter")
    wait_idle(page)
    page.locator(".st-key-start_go button").click()
    wait_idle(page, '[data-testid="stRadio"]')
    expect(page.locator("h1").first).to_have_text(pillar.title("el"))

    # Answer every question of the first pillar, all "Mostly" except the first "Not at all".
    for n, item in enumerate(pillar.items):
        click_answer(page, item.id, label(item, 0 if n == 0 else 3, "el"))
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text(f"{len(pillar.items)}/{len(pillar.items)}")

    # Switch to English: the page redraws in English and every answer is still selected.
    sidebar.get_by_role("link", name="English").click()  # the language link
    wait_idle(page)
    page.wait_for_function(
        "t => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === t",
        arg=pillar.title("en"))
    for n, item in enumerate(pillar.items):
        checked = question(page, item.id).locator("label:has(input:checked)")
        expect(checked).to_have_count(1)
        expect(checked).to_have_text(label(item, 0 if n == 0 else 3, "en"))

    # "Next" at the bottom of the page opens the second pillar in the same session.
    second = MODEL.pillars[1]
    page.get_by_role("link", name=f"Next: {second.short_title('en')}").click()
    wait_idle(page)
    page.wait_for_function(
        "t => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === t",
        arg=second.title("en"))
    expect(sidebar).to_contain_text(f"{len(pillar.items)}/{len(pillar.items)}")

    # Results, in English, with a level and the first question as the top gap.
    page.locator('[data-testid="stSidebarNav"] a[href$="/results"]').click()
    wait_idle(page, '[data-testid="stMetric"]')
    main = page.locator('[data-testid="stMain"]')
    # Poll: the idle flag can come before the lower half of the page (charts, gaps) is drawn.
    expect(main).to_contain_text("Overall level")
    expect(main).to_contain_text(pillar.items[0].text("en"))
    expect(main).not_to_contain_text("Traceback")
    # The wide layout, sent on the session's first run only, still holds after all those reruns
    # and page switches (the page would be about 730 px wide if it had fallen back to centred).
    main_width = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()["width"]
    assert main_width > 900, main_width
    assert page.title() != "app"


def test_every_page_opens_from_a_direct_link(server, page):
    from ui.nav import PAGES
    for spec in PAGES:
        page.goto(f"{server.url}/{'' if spec.url == 'start' else spec.url}")
        wait_idle(page, "h1")
        assert page.get_by_text("Page not found").count() == 0, spec.url
        assert "Traceback" not in page.locator('[data-testid="stMain"]').inner_text()


def test_a_refused_file_is_explained_in_greek(server, page, tmp_path):
    """Streamlit refuses a file of the wrong type with a red chip and an English tooltip; under the
    chip the user reads, in Greek, what the uploader accepts."""
    from i18n import t
    wrong = tmp_path / "report.pdf"
    wrong.write_bytes(b"%PDF-1.4 not an assessment")
    page.goto(f"{server.url}/results")
    wait_idle(page, ".st-key-results_upload section")
    page.locator(".st-key-results_upload input[type=file]").set_input_files(str(wrong))
    expect(page.locator('.st-key-results_upload [data-testid="stFileChip"][aria-invalid="true"]')).to_be_visible()
    shown = page.locator(".st-key-results_upload").evaluate(
        "el => getComputedStyle(el, '::after').content")
    assert shown == f'"{t("upload.rejected", "el", kinds="JSON", limit=5)}"'
