"""Count answers lost to quick clicking, as a person clicks: a measurement, not a test.

    .venv/bin/python scripts/click_losses.py [--reps 20] [--postgres URL]

Starts `python -m ui.serve` on a free port with a fresh database, then, in headless Chromium:
- burst: a fresh tab on the first section clicks one answer for each of its questions with no
  wait between clicks;
- correction: a fresh tab clicks one answer, then another answer to the same question 100 ms later.
After each try it waits for the app to go idle, reads the database and counts every question whose
stored answer is not the last one clicked. Prints the losses per kind.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "e2e")]

from browser import ARGS, IDLE, Server, chromium_path  # noqa: E402
from checklists import default_model  # noqa: E402
from checklists.model import ANSWER_VALUES  # noqa: E402


def _idle(page) -> None:
    # Reruns can chain (a callback's rerun, then the next click's): idle twice, some time apart.
    for _ in range(2):
        page.wait_for_selector(IDLE, timeout=60_000)
        time.sleep(0.8)
    page.wait_for_selector(IDLE, timeout=60_000)


def _radio(page, item_id: str, value):
    return (page.locator('[data-testid="stRadio"]').filter(has_text=f"· {item_id}")
            .locator("label:has(input[type=radio])").nth(ANSWER_VALUES.index(value)))


def _shown(page, ids: list[str]) -> dict:
    """The answer each question's radio shows checked."""
    out = {}
    for item_id in ids:
        radios = page.locator('[data-testid="stRadio"]').filter(has_text=f"· {item_id}").locator("input[type=radio]")
        checked = [n for n in range(len(ANSWER_VALUES)) if radios.nth(n).is_checked()]
        out[item_id] = ANSWER_VALUES[checked[0]] if checked else None
    return out


def _stored(url: str, page) -> dict:
    import store

    aid = page.evaluate("() => new URL(location.href).searchParams.get('assessment')")
    if not aid:
        return {}
    a, _ = store.load_assessment(store.get_engine(url), aid)
    return {k: v.value for k, v in a.answers.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--postgres", help="a PostgreSQL URL to use instead of a fresh SQLite file")
    ap.add_argument("--gap-ms", type=int, default=100, help="time between a click and its correction")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    model = default_model()
    pillar = model.pillars[0]
    ids = [it.id for it in pillar.items]
    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp(prefix="click_losses_"))
    server = Server(tmp / "db.sqlite")
    url = args.postgres or f"sqlite:///{server.db_path}"
    if args.postgres:
        import os
        os.environ["CXAUDIT_DATABASE_URL"] = args.postgres
        server.db_path = tmp / "unused.sqlite"
    server.start() if not args.postgres else _start_pg(server, args.postgres)
    losses = {"burst": [], "correction": []}
    errors: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
            for rep in range(args.reps):
                for kind in ("burst", "correction"):
                    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                    try:
                        _try(ctx, server, url, pillar, ids, rng, kind, args, losses, rep)
                    except Exception as exc:  # a stuck page is a result too: say so and go on
                        errors.append(f"{kind} try {rep + 1}: {type(exc).__name__}")
                        print(f"{kind:10s} try {rep + 1:2d}: ERROR {type(exc).__name__}", flush=True)
                    ctx.close()
            browser.close()
    finally:
        server.stop()
    for kind, got in losses.items():
        tries = sum(1 for n in got if n)
        print(f"{kind}: {sum(got)} answers lost in {tries} of {len(got)} tries")
    print(f"errors: {len(errors)} {errors}")


def _try(ctx, server, url, pillar, ids, rng, kind, args, losses, rep) -> None:
    """One try in a fresh browser context; appends its losses to losses[kind]."""
    page = ctx.new_page()
    page.goto(f"{server.url}/{pillar.id.replace('_', '-')}")
    page.wait_for_selector(IDLE, timeout=60_000)
    _radio(page, ids[-1], 0).wait_for()
    if kind == "burst":
        wanted = {i: rng.choice(ANSWER_VALUES) for i in ids}
        for i, v in wanted.items():
            _radio(page, i, v).click()
    else:
        first, second = rng.sample(ANSWER_VALUES, 2)
        _radio(page, ids[0], first).click()
        page.wait_for_timeout(args.gap_ms)
        _radio(page, ids[0], second).click()
        wanted = {ids[0]: second}
    # A loaded machine can take seconds per rerun and the clicks queue up: give the app up to
    # 30 s to store them all (what a person would wait for), then count what is not stored, and
    # separately what the page does not show.
    deadline = time.time() + 30
    while True:
        _idle(page)
        stored = _stored(url, page)
        lost = sorted(i for i, v in wanted.items() if stored.get(i) != v)
        if not lost or time.time() > deadline:
            break
    shown = _shown(page, list(wanted))
    not_shown = sorted(i for i, v in wanted.items() if shown.get(i) != v)
    losses[kind].append(len(lost))
    print(f"{kind:10s} try {rep + 1:2d}: lost {len(lost)} of {len(wanted)} {lost}; not on screen {not_shown}",
          flush=True)


def _start_pg(server: Server, url: str) -> None:
    import os
    import subprocess
    import urllib.request

    env = {**os.environ, "CXAUDIT_DATABASE_URL": url}
    server.log = open(server.db_path.with_suffix(".log"), "ab")
    server.proc = subprocess.Popen(
        [sys.executable, "-m", "ui.serve", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.port", str(server.port)], cwd=ROOT, env=env, stdout=server.log, stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            with urllib.request.urlopen(server.url + "/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("streamlit did not start")


if __name__ == "__main__":
    main()
