"""Every file the app gives, downloaded in Chromium and opened: it holds the user's own audit.

The last release shipped a Plan page whose PDF was built outside the browser session and so
described an empty assessment ("Επιχείρηση χωρίς όνομα"), while every test passed: no test had
ever opened a downloaded file. Here a person fills in the profile, answers a few questions (one
"Not at all"), clicks every download button and reads what they got.
"""
from __future__ import annotations

import json
import os
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from browser import Server, choose_file, wait_idle
from checklists import default_model
from i18n import t
from store_support import PG_ENV, create_pg_database, drop_pg_database

MODEL = default_model()
NAME = "Καφέ Άλφα & Σια"
CITY = "Ιωάννινα"
ASSESSOR = "Μαρία Παπαδοπούλου"
FIRM = "Σύμβουλοι Ηπείρου"


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (240, 90), "#8e44ad").save(out, format="PNG")
    return out.getvalue()


LOGO = _png()


def _words(text: str) -> str:
    """PDF text with every run of whitespace as one space (lines wrap anywhere in a table cell)."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path) -> str:
    return _words("\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
    return _words("\n".join([p.text for p in doc.paragraphs] + cells))


def xlsx_text(path) -> str:
    """The workbook's title (it names the business) and every cell of every sheet."""
    from openpyxl import load_workbook

    book = load_workbook(str(path), read_only=True)
    cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    return _words("\n".join([book.properties.title or ""] + cells))


def question(page, item_id: str):
    return page.locator('[data-testid="stRadio"]').filter(has_text=f"· {item_id}")


def fill(page, key: str, value: str) -> None:
    box = page.locator(f".st-key-{key} input")
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def download(page, key: str, target_dir):
    """Click a download button as a person does and save what the browser receives."""
    with page.expect_download(timeout=60_000) as info:
        page.locator(f".st-key-{key} button").click()
    dl = info.value
    assert dl.failure() is None, dl.failure()
    path = target_dir / dl.suggested_filename
    dl.save_as(path)
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_server(request, tmp_path):
    """The app on SQLite, and on PostgreSQL when $CXAUDIT_TEST_POSTGRES_URL is set."""
    base = os.environ.get(PG_ENV)
    url = None
    if request.param == "postgresql":
        if not base:
            pytest.skip(f"{PG_ENV} is not set")
        url = create_pg_database(base)
    s = Server(tmp_path / "e2e.sqlite", url).start()
    yield s
    s.stop()
    if url:
        from store.db import dispose
        dispose(url)
        drop_pg_database(base, url)


def test_every_download_holds_the_users_audit(any_db_server, page, tmp_path):
    server = any_db_server
    pillar = MODEL.pillars[0]
    page.goto(server.url)
    wait_idle(page, ".st-key-profile_name input")
    fill(page, "profile_name", NAME)
    fill(page, "profile_city", CITY)
    fill(page, "profile_assessor", ASSESSOR)
    page.locator(".st-key-start_go button").click()
    wait_idle(page, '[data-testid="stRadio"]')

    # Three answers: "Not at all" (0) on the first question, then "Mostly" and "Fully".
    answers = {pillar.items[0].id: 0, pillar.items[1].id: 3, pillar.items[2].id: 4}
    for item_id, value in answers.items():
        question(page, item_id).get_by_text(MODEL.option(value, item_id).label("el"), exact=True).click()
        wait_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text(f"{len(answers)}/{len(pillar.items)}")

    page.locator('[data-testid="stSidebarNav"] a[href$="/plan"]').click()
    wait_idle(page, ".st-key-plan_download_el button")
    # The consultant's branding, set once; every download below must carry it.
    page.get_by_text(t("branding.title", "el")).click()
    page.locator(".st-key-branding_firm input").fill(FIRM)
    logo = tmp_path / "logo.png"
    logo.write_bytes(LOGO)
    choose_file(page, ".st-key-branding_logo_0", logo)
    page.locator(".st-key-branding_save button").click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(t("branding.saved", "el"))
    wait_idle(page, ".st-key-plan_download_el button")
    not_at_all = MODEL.items[pillar.items[0].id]
    total = len(MODEL.items)
    for lang in ("el", "en"):
        path = download(page, f"plan_download_{lang}", tmp_path)
        assert path.suffix == ".pdf"
        assert path.read_bytes().startswith(b"%PDF")
        text = pdf_text(path)
        assert NAME in text, f"{lang} PDF does not name the business"
        assert t("report.no_name", lang) not in text
        assert CITY in text and ASSESSOR in text
        assert _words(t("report.pillar_answered", lang, count=len(answers), total=len(pillar.items))) in text
        assert _words(t("report.provisional", lang, count=len(answers), total=total, pct="X")).split("(")[0] in text
        assert _words(not_at_all.action.text(lang)) in text, f"{lang} PDF lacks the action of the 'Not at all' answer"
        reader = PdfReader(str(path))
        assert len(reader.pages[0].images) == 1, "the saved logo is not on the cover"
        assert all(FIRM in (p.extract_text() or "") for p in reader.pages[1:]), "a page header lacks the firm"

    # The Word report and the Excel tracker, in the page's language (Greek by default).
    word = download(page, "plan_download_docx", tmp_path)
    assert word.suffix == ".docx" and word.name.startswith("Καφέ_Άλφα")
    text = docx_text(word)
    assert NAME in text and CITY in text and t("report.no_name", "el") not in text
    assert _words(not_at_all.action.text("el")) in text, "the Word file lacks the action of the 'Καθόλου' answer"
    from docx import Document

    assert FIRM in Document(str(word)).sections[0].header.paragraphs[0].text, "the Word header lacks the firm"
    tracker = download(page, "plan_download_xlsx", tmp_path)
    assert tracker.suffix == ".xlsx" and tracker.name.startswith("Καφέ_Άλφα")
    text = xlsx_text(tracker)
    assert NAME in text and t("report.no_name", "el") not in text
    assert _words(not_at_all.action.text("el")) in text, "the tracker lacks the action of the 'Καθόλου' answer"

    # The assessment file from Results is the stored document, byte for byte in meaning.
    page.locator('[data-testid="stSidebarNav"] a[href$="/results"]').click()
    wait_idle(page, ".st-key-results_download_json button")
    path = download(page, "results_download_json", tmp_path)
    downloaded = json.loads(path.read_text(encoding="utf-8"))
    assessment_id = parse_qs(urlparse(page.url).query)["assessment"][0]
    assert downloaded["id"] == assessment_id
    assert downloaded["company"]["name"] == NAME
    assert {k: v["value"] for k, v in downloaded["answers"].items()} == answers

    from store import load_assessment
    from store.db import dispose, get_engine

    url = server.database_url
    try:
        stored, _version = load_assessment(get_engine(url), assessment_id)
    finally:
        dispose(url)
    assert downloaded == stored.to_dict()

