"""Browser journeys: a real Streamlit server and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Polling assertions get the same patience as page actions: CI machines are shared and slow.
expect.set_options(timeout=30_000)

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IDLE = ('[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
        '[data-test-script-state="notRunning"]')


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CXAUDIT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -m ui.serve` on a free port with its own database file; restartable. The server's
    output goes to a log beside the database (e.g. e2e.log), to read when a journey fails."""

    def __init__(self, db_path: Path, database_url: str | None = None):
        self.port = free_port()
        self.db_path = db_path  # also where the log goes when database_url names another database
        self.database_url = database_url or f"sqlite:///{db_path}"
        self.proc: subprocess.Popen | None = None
        self.log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        env = {**os.environ, "CXAUDIT_DATABASE_URL": self.database_url}
        if self.log is None:
            self.log = open(self.db_path.with_suffix(".log"), "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ui.serve", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.port", str(self.port)],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("streamlit did not start")

    def log_text(self) -> str:
        if self.log is not None:
            self.log.flush()
        path = self.db_path.with_suffix(".log")
        return path.read_text(errors="replace") if path.exists() else ""

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing; what was committed must survive."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.log is not None:
            self.log.close()
            self.log = None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (apt-get install chromium)")
        pytest.skip("no Chromium found; set CXAUDIT_CHROMIUM or install chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "e2e.sqlite").start()
    yield s
    s.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="el-GR")
    pg = context.new_page()
    yield pg
    context.close()


def wait_idle(page, selector: str | None = None, timeout: float = 30_000) -> None:
    page.wait_for_selector(IDLE, timeout=timeout)
    if selector:
        page.wait_for_selector(selector, timeout=timeout)


def choose_file(page, uploader: str, path) -> None:
    """Choose a file in the uploader at CSS `uploader` (e.g. ".st-key-branding_logo_0") and wait,
    as a person watching its chip does, until the upload is over. Inside a form Streamlit ignores
    the submit button while an upload is in flight (it is drawn disabled then; Playwright's click
    can land in the few milliseconds before it is): a Save clicked then does nothing. An uploader
    that the upload's own run replaced (the branding logo's: ui/branding moves to a new round once
    the logo is stored or refused) is over too."""
    page.locator(f"{uploader} input[type=file]").set_input_files(str(path))
    page.wait_for_function(
        """sel => { const box = document.querySelector(sel);
            if (!box) return true;
            return !!box.querySelector('[data-testid="stFileChip"]')
                && !box.querySelector('[data-testid="stFileChipIconSpinner"]')
                && ![...document.querySelectorAll('[data-testid="stForm"] button')].some(b => b.disabled); }""",
        arg=uploader, timeout=30_000)


def click_first_grid_row(page, grid, opened: str) -> None:
    """Tick the first row of a dataframe `grid` (a locator) and wait for `opened` to show. The grid
    is a canvas that takes clicks only once laid out, which a loaded machine may not have done
    when it is visible (click again then), and a rerun may redraw it between two looks (no box
    for a moment: look again)."""
    for attempt in range(3):
        grid.wait_for(state="visible", timeout=20_000)
        box = grid.bounding_box()
        if box is None:
            page.wait_for_timeout(500)
            continue
        page.mouse.click(box["x"] + 17, box["y"] + 36 + 18)
        try:
            page.locator(opened).first.wait_for(state="visible", timeout=10_000)
            return
        except Exception:
            if attempt == 2:
                raise
