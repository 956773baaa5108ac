"""Bad files uploaded in Chromium as a person would: a deeply nested JSON and one with a key
written twice on the Results page, a GIF renamed .png as the branding logo on the Plan page. Each is refused
with a Greek message; no Streamlit error box, nothing stored, no traceback in the server log."""
from __future__ import annotations

import re
import sqlite3

import pytest
from playwright.sync_api import expect

from bad_inputs import bad_logo, deep_json, duplicate_key_json
from browser import choose_file, wait_idle
from checklists import default_model
from i18n import t

MODEL = default_model()
ERROR_BOX = "This app has encountered an error"


def stored(server) -> int:
    if not server.db_path.exists():
        return 0
    with sqlite3.connect(server.db_path) as conn:
        try:
            return conn.execute("select count(*) from assessments").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


@pytest.mark.parametrize("case", ["deep", "duplicate"])
def test_bad_json_on_the_results_page(server, page, tmp_path, case):
    bad = tmp_path / f"{case}.json"
    bad.write_bytes(deep_json() if case == "deep" else duplicate_key_json(MODEL, "answer"))
    page.goto(f"{server.url}/results")
    wait_idle(page, ".st-key-results_upload section")
    page.locator(".st-key-results_upload input[type=file]").set_input_files(str(bad))
    alert = page.locator('[data-testid="stAlertContentError"]')
    expect(alert).to_contain_text(t("store.import_bad", "el", count=1).split("(")[0].strip())
    text = alert.inner_text()
    expected = "επίπεδα" if case == "deep" else "περισσότερες από μία φορές"
    assert expected in text, text
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert ERROR_BOX not in main and "Traceback" not in main
    assert stored(server) == 0
    log = server.db_path.with_suffix(".log").read_bytes().decode("utf-8", "replace")
    assert "Traceback" not in log and "RecursionError" not in log


def test_gif_logo_renamed_png_on_the_plan_page(server, page, tmp_path):
    # an answer first: the Plan page draws its logo uploader once there is something to plan
    first = MODEL.pillars[0]
    page.goto(server.url)
    wait_idle(page, ".st-key-start_go button")
    page.locator(".st-key-start_go button").click()
    wait_idle(page, '[data-testid="stRadio"]')
    label = MODEL.option(1, first.items[0]).label("el")  # the question's own answer set (PLAN-01: existence)
    page.locator('[data-testid="stRadio"]').filter(has_text=f"· {first.items[0].id}").get_by_text(
        label, exact=True
    ).click()
    wait_idle(page)
    logo = tmp_path / "logo.png"
    logo.write_bytes(bad_logo("gif_renamed"))
    expect(page).to_have_url(re.compile(r"assessment=\w+"))
    query = page.url.split("?", 1)[1]   # ?assessment=<id>: the same audit, reopened on the Plan page
    page.goto(f"{server.url}/plan?{query}")
    wait_idle(page, ".st-key-plan_download_el button")
    page.get_by_text(t("branding.title", "el")).click()
    choose_file(page, ".st-key-branding_logo_0", logo)
    page.locator(".st-key-branding_save button").click()
    alert = page.locator('[data-testid="stAlertContentError"]')
    expect(alert).to_contain_text("οι εικόνες GIF δεν υποστηρίζονται")
    assert (
        "images are not supported" not in alert.inner_text()
        and ERROR_BOX not in page.locator('[data-testid="stMain"]').inner_text()
    )
