"""Helpers for journeys that behave like people: click without waiting, change their mind, open
two tabs, kill the server. Each journey runs on SQLite and on PostgreSQL (the `database_url`
fixture) and checks two things after the clicks: what a fresh browser shows on the resume link,
and what the database holds (the stored assessment, read by this process).

Questions are found by the item id the label ends with ("· PLAN-01") and answers by their place
in the scale, so the journeys do not depend on widget keys or on the labels of an answer set.
Waits are for elements and database states, by polling; the only timed pauses are the journey's
own ("click within 200 ms", "hold the lock for 2 s", "kill within 100 ms").
"""
from __future__ import annotations

import os
import random
import re
import sqlite3
import time
from collections.abc import Callable
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from browser import IDLE, Server
from checklists.model import ANSWER_VALUES
from store_support import PG_ENV, create_pg_database, drop_pg_database, ensure_model

REPEAT_ENV = "CXAUDIT_E2E_REPEAT"  # acceptance runs the journeys with 20
PATIENCE = 30.0  # seconds for any state to be reached on a shared, slow machine


def repeat(default: int) -> int:
    """How many times a journey repeats: $CXAUDIT_E2E_REPEAT, or the journey's default for CI."""
    raw = os.environ.get(REPEAT_ENV, "").strip()
    return max(1, int(raw)) if raw else default


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return ensure_model(tmp_path_factory.mktemp("model"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh database: an SQLite file, or a new database on $CXAUDIT_TEST_POSTGRES_URL's server."""
    from store.db import dispose

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'e2e.sqlite'}"
        yield url
        dispose(url)
        return
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is required in CI (.ci/run starts a server)")
        pytest.skip(f"set {PG_ENV} to run the journeys on PostgreSQL")
    url = create_pg_database(base)
    yield url
    dispose(url)
    drop_pg_database(base, url)


@pytest.fixture
def app(database_url, tmp_path, model):
    """The app on its own port and database (SQLite or PostgreSQL)."""
    s = Server(tmp_path / "e2e.sqlite", database_url).start()
    yield s
    s.stop()


@pytest.fixture
def contexts(browser):
    """new() opens a separate browser profile (nothing shared but links), closed at the end."""
    opened = []

    def new(**kwargs):
        ctx = browser.new_context(viewport=kwargs.pop("viewport", {"width": 1400, "height": 1000}),
                                  locale="el-GR", **kwargs)
        ctx.set_default_timeout(PATIENCE * 1000)
        opened.append(ctx)
        return ctx

    yield new
    for ctx in opened:
        ctx.close()


# ---------------------------------------------------------------- waiting
def poll(check: Callable[[], object], what: str | Callable[[], str], timeout: float = PATIENCE,
         interval: float = 0.1):
    """Call `check` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(what() if callable(what) else what, pytrace=False)
        time.sleep(interval)


def idle(page) -> None:
    page.wait_for_selector(IDLE)


def settle(page) -> None:
    """Wait until no rerun is running (one may not have started yet: then it is idle already)."""
    try:
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=300)
    except Exception:
        pass
    idle(page)


# ---------------------------------------------------------------- the page
def pillar_path(pillar_id: str) -> str:
    return pillar_id.replace("_", "-")


def _id_pattern(item_id: str) -> re.Pattern:
    # "· PLAN-01" but not "· PLAN-010" or "· PLAN-01a": the id as a whole word.
    return re.compile(rf"· {re.escape(item_id)}(?![\w-])")


_GROUPS = '[data-testid="stRadio"], [data-testid="stButtonGroup"]'


def question(page, item_id: str):
    """The answer widget of a question (radio group or pills), by the item id in its label."""
    return page.locator(_GROUPS).filter(has_text=_id_pattern(item_id))


def click(page, item_id: str, value) -> None:
    """Click an answer like a person: no waiting for the app before or after. The options are in
    ANSWER_VALUES order whatever their labels (every answer set has the same values). (While a rerun
    is drawn, the old copy of a question can still be in the page beside the new one: the person
    clicks the first one they see.)"""
    question(page, item_id).first.locator("label:has(input[type=radio])").nth(ANSWER_VALUES.index(value)).click()


_SHOWN_JS = """([ids, groups]) => {
  // the id as a whole word after "· ", as in _id_pattern
  const names = (text, id) => {
    const key = '· ' + id;
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      if (!/[\\w-]/.test(text.charAt(i + key.length))) return true;
    }
    return false;
  };
  const all = [...document.querySelectorAll(groups)];
  const out = {};
  for (const id of ids) {
    const g = all.find(el => names(el.innerText, id));
    if (!g) { out[id] = -2; continue; }
    out[id] = [...g.querySelectorAll('input[type=radio]')].findIndex(input => input.checked);
  }
  return out;
}"""


def shown(page, item_ids) -> dict:
    """item id -> the answer value the page shows selected (None: none, '<missing>': no question)."""
    found = page.evaluate(_SHOWN_JS, [list(item_ids), _GROUPS])
    return {i: "<missing>" if n == -2 else None if n == -1 else ANSWER_VALUES[n] for i, n in found.items()}


def assessment_id(page) -> str:
    """The id in the resume link (?assessment=…), once the app has stored the assessment."""
    page.wait_for_function("() => new URL(location.href).searchParams.get('assessment')",
                           timeout=PATIENCE * 1000)
    return re.search(r"assessment=([0-9a-f]+)", page.url).group(1)


def conflict_notice(page):
    """A conflict notice: a keyed container named for conflicts, or a warning with the catalog's text."""
    return page.locator('[class*="st-key-"][class*="conflict"]')


def expect_shown(page, expected: dict, what: str) -> None:
    """Poll until the page shows exactly `expected` (item -> value) selected."""
    idle(page)
    last = {}

    def ok():
        last.update(shown(page, expected))
        return last == expected

    poll(ok, lambda: f"{what}: the page shows {diff(expected, last)}")


def diff(expected: dict, actual: dict | None) -> str:
    if actual is None:
        return "nothing stored"
    wrong = {i: (actual.get(i), want) for i, want in expected.items() if actual.get(i) != want}
    return ", ".join(f"{i}={got!r} (clicked last: {want!r})" for i, (got, want) in wrong.items()) or "all correct"


# ---------------------------------------------------------------- the database
def stored(url: str, aid: str, item_ids=None) -> dict | None:
    """item id -> stored value of the assessment `aid` (the store's own fold of what is saved),
    read in this process straight from the database; None when it is not stored."""
    import store

    try:
        a, _ = store.load_assessment(store.get_engine(url), aid)
    except store.NotFound:
        return None
    ids = item_ids if item_ids is not None else [i for i in _all_item_ids()]
    return {i: a.value(i) for i in ids}


def _all_item_ids():
    from checklists import default_model

    return list(default_model().items)


def expect_stored(url: str, aid: str, expected: dict, what: str, timeout: float = PATIENCE) -> None:
    """Poll until the database holds `expected` (item -> value) for the assessment."""
    last: list = [None]

    def ok():
        last[0] = stored(url, aid, list(expected))
        return last[0] == expected

    poll(ok, lambda: f"{what}: the database holds {diff(expected, last[0])}", timeout=timeout)


@contextmanager
def write_lock(url: str):
    """Hold the database's write lock (readers go on) until the block ends: every save waits.
    SQLite: BEGIN IMMEDIATE on the file; PostgreSQL: every table locked IN EXCLUSIVE MODE."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        conn = sqlite3.connect(u.database, timeout=PATIENCE, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield
            conn.execute("ROLLBACK")
        finally:
            conn.close()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
            conn.execute(text("LOCK TABLE " + ", ".join(f'"{t}"' for t in tables) + " IN EXCLUSIVE MODE"))
            yield
            conn.rollback()
    finally:
        engine.dispose()


def open_pillar(contexts, app, pillar_id: str, aid: str | None = None):
    """A new browser (a new session) on a pillar page, ready for clicks."""
    page = contexts().new_page()
    page.goto(f"{app.url}/{pillar_path(pillar_id)}" + (f"?assessment={aid}" if aid else ""))
    idle(page)
    page.locator('[data-testid="stRadio"]').first.wait_for()
    return page


def other_than(value, rng: random.Random):
    return rng.choice([v for v in ANSWER_VALUES if v != value])


def check_everywhere(app, contexts, page, pillar_id: str, expected: dict, what: str,
                     new_browser: bool = True) -> str:
    """The last clicks are in the database, on this tab once it is idle, and (new_browser) in a
    new browser on the resume link; no conflict was claimed (there is one tab). Returns the id."""
    aid = assessment_id(page)
    try:
        expect_stored(app.database_url, aid, expected, what)
    except pytest.fail.Exception as lost:
        pytest.fail(f"{lost}; the tab shows {diff(expected, shown(page, expected))}", pytrace=False)
    settle(page)
    expect_shown(page, expected, f"{what}, on the same tab")
    assert conflict_notice(page).count() == 0, f"{what}: a conflict notice although there is one tab"
    if new_browser:
        fresh = open_pillar(contexts, app, pillar_id, aid)
        try:
            expect_shown(fresh, expected, f"{what}, in a new browser on the resume link")
        except pytest.fail.Exception as lost:
            pytest.fail(f"{lost}; {history(app.database_url, aid, expected)}", pytrace=False)
        fresh.context.close()
    assert stored(app.database_url, aid, list(expected)) == expected, (
        f"{what}: a later run changed the database; {history(app.database_url, aid, expected)}")
    return aid


def history(url: str, aid: str, item_ids) -> str:
    """The edit log of the answers to `item_ids` (rev, value, tab), to read when a journey fails."""
    import store

    wanted = {f"answers.{i}.value" for i in item_ids}
    log = [e for e in store.edits(store.get_engine(url), aid) if e["path"] in wanted]
    return "edit log: " + "; ".join(f"r{e['rev']} {e['path'].split('.')[1]}={e['value']} ({e['tab'] or '-'})"
                                    for e in log)


def server_errors(server: Server) -> list[str]:
    """Lines of the server's log that show a failure (a traceback or an exception)."""
    return [line for line in server.log_text().splitlines() if re.search(r"Traceback|Exception|Error:", line)]


def questions_on(page, model, pillar_id: str) -> list[str]:
    """The pillar's item ids that the page shows, in the model's order (a business's profile can
    leave some out), once its questions are drawn."""
    idle(page)
    page.locator(_GROUPS).first.wait_for()
    ids = [it.id for it in model.pillar(pillar_id).items]
    on_page = shown(page, ids)
    return [i for i in ids if on_page[i] != "<missing>"]

