"""A consultant at the client's table often has no internet: the app must ask nothing of any host
but its own server (no fonts, icons or favicons from the web, which also tell a third party who is
being audited). Every request of every page is recorded and checked."""
from __future__ import annotations

from urllib.parse import urlsplit

from browser import wait_idle
from ui.nav import PAGES


def test_every_page_asks_only_its_own_server(server, page):
    own = urlsplit(server.url).netloc
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    for p in PAGES:
        page.goto(f"{server.url}/{'' if p.url == 'start' else p.url}")
        wait_idle(page, '[data-testid="stMain"]')
        page.wait_for_timeout(300)  # the favicon is asked for after the page config arrives
    elsewhere = sorted({u for u in asked if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(u).netloc != own})
    assert elsewhere == []
