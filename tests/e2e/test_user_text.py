"""User text is text: markup typed into a field or carried by a file is shown as typed, in Chromium.

Streamlit draws most strings as Markdown (with colours, LaTeX, links and images), so a business
name like "[x](…) :red[…] $$…$$" used to become a link, red text and a formula on the Clients
page, and an image link in a name made the browser fetch it. Each field below gets a hostile
string; the DOM must hold no element built from it, and the literal text must be on screen.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect

from browser import click_first_grid_row, wait_idle
from checklists import default_model
from i18n import t

MODEL = default_model()
EVIL = "http://127.0.0.1:9/evil"   # the discard port on this machine: nothing is ever served there
NAME = (f"Καφέ Άλφα <h1>ΗΤΜΛ</h1> [ΣΥΝΔΕΣΜΟΣ]({EVIL}) ![ΕΙΚΟΝΑ]({EVIL}.png) :red[ΚΟΚΚΙΝΟ] "
        f"$$\\int_0^1 ΤΥΠΟΣ$$ **ΕΝΤΟΝΑ** <b>ΧΟΝΤΡΑ</b>")
CITY = "# ΤΙΤΛΟΣ :blue[ΜΠΛΕ] `ΚΩΔΙΚΑΣ` _ΠΛΑΓΙΑ_"
FILE_NAME = f"[ΑΡΧΕΙΟ]({EVIL}) :red[ΚΟΚΚΙΝΟ] $ΤΥΠΟΣ$ **ΕΝΤΟΝΑ**.csv"
NPS_COLUMN = f"Πόσο πιθανό είναι να μας προτείνετε; :green[ΠΡΑΣΙΝΟ] ![ΕΙΚΟΝΑ]({EVIL}.png)"
MAIN = '[data-testid="stMain"]'
SEGMENT_COLUMN = "Κατάστημα **ΕΝΤΟΝΑ** <h2>ΗΤΜΛ</h2>"

# Any of these in the DOM was built from user text (the app's own strings use none of the words).
INJECTED = """() => {
  const words = ["ΗΤΜΛ", "ΣΥΝΔΕΣΜΟΣ", "ΕΙΚΟΝΑ", "ΚΟΚΚΙΝΟ", "ΤΥΠΟΣ", "ΕΝΤΟΝΑ", "ΧΟΝΤΡΑ", "ΤΙΤΛΟΣ", "ΜΠΛΕ",
                 "ΚΩΔΙΚΑΣ", "ΠΛΑΓΙΑ", "ΑΡΧΕΙΟ", "ΠΡΑΣΙΝΟ"];
  const found = [];
  const app = document.querySelector('[data-testid="stApp"]');
  for (const el of app.querySelectorAll("a, img")) {
    const target = el.getAttribute("href") || el.getAttribute("src") || "";
    if (target.includes("127.0.0.1:9")) found.push(el.tagName + " " + target);
  }
  if (app.querySelector(".katex, math")) found.push("a formula (katex)");
  const tags = "h1, h2, h3, h4, h5, h6, strong, b, em, i, code, a, span[style*=color], [class*=Colored]";
  for (const el of app.querySelectorAll(tags)) {
    const text = el.textContent;
    if (words.some(w => text.includes(w)) && !text.includes("[") && !text.includes("*") && !text.includes(":")
        && !text.includes("<") && !text.includes("$") && !text.includes("#") && !text.includes("`")) {
      found.push(el.tagName.toLowerCase() + ": " + text.slice(0, 60));
    }
  }
  return found;
}"""


def expect_shown(page, selector: str, text: str) -> None:
    """Wait until `selector` shows `text` as typed. The app puts an invisible word joiner (U+2060)
    before ':' and '@' in user text, so that no emoji, icon or autolink can start there."""
    page.wait_for_function(
        """([sel, text]) => [...document.querySelectorAll(sel)].some(
               el => el.innerText.replaceAll("\u2060", "").replace(/\\s+/g, " ").includes(text))""",
        arg=[selector, " ".join(text.split())], timeout=30_000)


def injected(page) -> list[str]:
    return page.evaluate(INJECTED)


def fill(page, key: str, value: str) -> None:
    box = page.locator(f".st-key-{key} input")
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def nav(page, url: str, selector: str = "h1") -> None:
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{url}"]').click()
    wait_idle(page, selector)


def test_hostile_strings_in_every_field_are_shown_as_typed(server, page, tmp_path):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if "127.0.0.1:9" in r.url else None)
    main = page.locator('[data-testid="stMain"]')
    page.goto(server.url)
    wait_idle(page, ".st-key-profile_name input")
    fill(page, "profile_name", NAME)
    fill(page, "profile_city", CITY)
    fill(page, "profile_assessor", "<script>alert(1)</script> :red[ΚΟΚΚΙΝΟ]")
    expect_shown(page, '[data-testid="stSidebar"]', NAME)
    assert injected(page) == []

    # Answer a question so the assessment has a score (the Clients page shows scored ones too).
    page.locator(".st-key-start_go button").click()
    wait_idle(page, '[data-testid="stRadio"]')
    first = MODEL.pillars[0].items[0].id
    page.locator('[data-testid="stRadio"]').filter(has_text=f"· {first}").get_by_text(
        MODEL.option(2, first).label("el"), exact=True).click()
    wait_idle(page)
    assert injected(page) == []

    # A survey export whose file name, column headers and segment values carry markup.
    nav(page, "measure")
    segments = ("$$\\int$$ Α", ":blue[ΜΠΛΕ] Β")
    rows = [f"{n % 11},{segments[n % 2]}" for n in range(40)]
    csv = ("\ufeff" + json.dumps(NPS_COLUMN, ensure_ascii=False) + "," + json.dumps(SEGMENT_COLUMN, ensure_ascii=False)
           + "\n" + "\n".join(rows) + "\n").encode("utf-8")
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(
        files=[{"name": FILE_NAME, "mimeType": "text/csv", "buffer": csv}])
    wait_idle(page, ".st-key-measure_save button:visible")
    expect(main).to_contain_text("NPS")
    assert injected(page) == []
    page.locator(".st-key-measure_save button:visible").first.click()
    wait_idle(page)
    expect_shown(page, MAIN, NPS_COLUMN)                # the saved result names its column as typed
    expect_shown(page, MAIN, FILE_NAME)
    assert injected(page) == []

    # The Clients page: search with the whole name as stored, open the client, both confirmations.
    nav(page, "clients", ".st-key-clients_search input")
    fill(page, "clients_search", NAME)
    expect(main).to_contain_text(t("clients.showing", "el", first=1, last=1, total=1))
    wait_idle(page)
    grid = main.locator('[data-testid="stDataFrame"]').first
    expect(grid).to_be_visible()
    click_first_grid_row(page, grid, f"{MAIN} h3")
    wait_idle(page, f"{MAIN} h3")
    expect_shown(page, f"{MAIN} h3", NAME)
    expect_shown(page, MAIN, CITY)
    assert injected(page) == []
    page.get_by_role("button", name=t("clients.delete_client", "el")).click()
    expect_shown(page, '[data-testid="stPopoverBody"]', NAME)
    assert injected(page) == []
    page.locator(".st-key-clients_delete_client button").click()
    wait_idle(page)
    expect_shown(page, MAIN, NAME)                      # "the business «…» was deleted" + undo
    assert injected(page) == []
    fill(page, "clients_search", "")
    page.get_by_text(t("clients.bin", "el", n=1)).click()   # the bin lists the deleted business
    wait_idle(page)
    expect_shown(page, MAIN, NAME)
    assert injected(page) == []

    # Importing a file whose business name carries markup: the message quotes it as typed.
    doc = {"schema_version": 1, "company": {"name": NAME + " ΕΙΣΑΓΩΓΗ"}, "answers": {}}
    nav(page, "results", ".st-key-results_upload section")
    page.locator(".st-key-results_upload input[type=file]").set_input_files(
        files=[{"name": "import.json", "mimeType": "application/json",
                "buffer": json.dumps(doc, ensure_ascii=False).encode("utf-8")}])
    wait_idle(page)
    expect_shown(page, MAIN, NAME + " ΕΙΣΑΓΩΓΗ")
    assert injected(page) == []
    assert fetched == [], f"the browser fetched {fetched}"
