"""The report's branding is never lost, done as a person in a hurry does it (issue 9).

A person opens «Εμφάνιση αναφοράς», types the firm's name, chooses a logo and at once clicks
«Αποθήκευση» (no waiting for the logo's chip), or goes straight to the PDF download. Each journey
uses its own firm name and logo colour and then reads the database: both must be stored, and the
PDF must carry the firm. The journey is repeated ROUNDS times on one server
($CXAUDIT_E2E_REPEAT, 3 by default; 20-40 to measure a rate: docs/store.md, "branding").
With the old form, the Save was lost whenever it was clicked while the logo was still uploading.
"""
from __future__ import annotations

import io
import os

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from pypdf import PdfReader

from browser import Server, wait_idle
from checklists import default_model
from i18n import t
from people import repeat
from store_support import PG_ENV, create_pg_database, drop_pg_database

MODEL = default_model()
ROUNDS = repeat(3)
COLOURS = ["#8e44ad", "#16a085", "#c0392b", "#2c3e50", "#d35400", "#27ae60"]


def _png(colour: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (240, 90), colour).save(out, format="PNG")
    return out.getvalue()


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_server(request, tmp_path):
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


def stored(server):
    """(firm, logo's colour or None) as the database holds them now."""
    from PIL import Image

    from store import branding
    from store.db import dispose, get_engine

    try:
        b = branding.load_branding(get_engine(server.database_url))
    finally:
        dispose(server.database_url)
    colour = Image.open(io.BytesIO(b.logo)).convert("RGB").getpixel((120, 45)) if b.logo else None
    return b.firm, colour


def open_plan(page, server, query: str | None) -> str:
    """The Plan page of one audit (a new one on the first call); returns its ?query."""
    if query is None:
        page.goto(server.url)
        wait_idle(page, ".st-key-profile_name input")
        box = page.locator(".st-key-profile_name input")
        box.fill("Καφέ Άλφα")
        box.press("Enter")
        wait_idle(page)
        page.locator(".st-key-start_go button").click()
        wait_idle(page, '[data-testid="stRadio"]')
        first = MODEL.pillars[0].items[0]
        page.locator('[data-testid="stRadio"]').filter(has_text=f"· {first.id}").get_by_text(
            MODEL.option(1, first.id).label("el"), exact=True).click()
        wait_idle(page)
        page.wait_for_url("**assessment=*")
        query = page.url.split("?", 1)[1]
    page.goto(f"{server.url}/plan?{query}")
    wait_idle(page, ".st-key-plan_download_el button")
    return query


def hurried_edit(page, tmp_path, n: int) -> tuple[str, str]:
    """Open the section, type the firm, choose a logo: no waits between the steps."""
    firm, colour = f"Σύμβουλοι Ηπείρου {n}", COLOURS[n % len(COLOURS)]
    logo = tmp_path / f"logo{n}.png"
    logo.write_bytes(_png(colour))
    expander = page.locator('[data-testid="stExpander"]').filter(has_text=t("branding.title", "el"))
    if not expander.locator(".st-key-branding_firm input").is_visible():
        page.get_by_text(t("branding.title", "el")).click()
    page.locator(".st-key-branding_firm input").fill(firm)
    page.locator('[class*="st-key-branding_logo_"] input[type=file]').set_input_files(str(logo))
    return firm, colour


def settle(page) -> None:
    """Whatever the clicks started has run (the logo's upload and its run included)."""
    page.wait_for_timeout(300)
    wait_idle(page)
    page.wait_for_timeout(700)
    wait_idle(page)


def test_a_hurried_save_is_kept(any_db_server, browser, tmp_path):
    """Type, choose a logo, click Save at once, ROUNDS times, each in a new tab."""
    server, query, lost = any_db_server, None, []
    for n in range(ROUNDS):
        context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="el-GR")
        page = context.new_page()
        try:
            query = open_plan(page, server, query)
            firm, colour = hurried_edit(page, tmp_path, n)
            page.locator(".st-key-branding_save button").click()
            settle(page)
            got = stored(server)
            if got != (firm, _rgb(colour)):
                lost.append((n, got))
        finally:
            context.close()
    print(f"hurried save: {len(lost)} of {ROUNDS} lost {lost}")
    assert not lost, f"{len(lost)} of {ROUNDS} saves lost: {lost}"


def test_a_firm_typed_then_downloaded_is_in_the_pdf(any_db_server, browser, tmp_path):
    """Type the firm, choose a logo, go straight to the PDF download (no Save click)."""
    server, query, lost = any_db_server, None, []
    for n in range(ROUNDS):
        context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="el-GR",
                                      accept_downloads=True)
        page = context.new_page()
        try:
            query = open_plan(page, server, query)
            firm, colour = hurried_edit(page, tmp_path, n)
            try:
                with page.expect_download(timeout=60_000) as info:
                    page.locator(".st-key-plan_download_el button").click()
            except PlaywrightError as exc:   # no file at all: counted, and the journey goes on
                lost.append((n, "no download", str(exc).splitlines()[0]))
                continue
            path = tmp_path / f"plan{n}.pdf"
            info.value.save_as(path)
            text = "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
            settle(page)
            got = stored(server)
            if firm not in text or got != (firm, _rgb(colour)):
                lost.append((n, firm in text, got))
            expect(page.locator(".st-key-branding_firm input")).to_have_value(firm)
        finally:
            context.close()
    print(f"typed then downloaded: {len(lost)} of {ROUNDS} lost {lost}")
    assert not lost, f"{len(lost)} of {ROUNDS} lost: {lost}\n{server.log_text()[-3000:]}"
