"""Click-to-idle in a real browser, for one person and for eight at once, in the same run.

One server (`python -m ui.serve`, its own SQLite file) and one headless Chromium. Each person is a
browser context of its own (a session with its own assessment) on a pillar page. A sample is one
click on an answer, timed in the page from the click until the app reports
data-test-script-state="notRunning" again after having run: what the person waits for before the
page is usable. Between samples a person "reads" for THINK_S seconds.

Phases, one after another on the same server: 1 person, 8 people at once, 1 person again (the
single-person figure pools both, so that drift of the machine during the run shows in neither
figure alone). The figure to watch is the ratio of the p95s (aim: 8 people at most 3x one).
At the end every person's last answers are read back from the database: `lost` counts answers
that the page showed but the database does not hold.
"""
from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

from checklists.model import ANSWER_VALUES  # the radios' option order

# The browser journeys' helpers (tests/e2e/browser.py): the app's server on a free port with its
# own database, Chromium's path and launch arguments, as scripts/screenshots.py uses them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "e2e"))
import browser as browser_args  # noqa: E402


def _chromium() -> str:
    path = browser_args.chromium_path()
    if not path:
        raise RuntimeError("bench_clicks needs Chromium (/usr/bin/chromium or $CXAUDIT_CHROMIUM)")
    return path


USERS = 8
CLICKS = 20          # per person and phase, after WARMUP
WARMUP = 3
THINK_S = 0.5        # a quick person: reads the next answer for half a second
PILLAR = "cx_plan"
TIMEOUT_MS = 30_000  # a click unanswered for this long is counted as unanswered

# Click an option of the question whose label names `item` ("· PLAN-01"): the first of `order`
# (places in the answer scale) that is not selected already, so that every click is a change
# whatever the page shows. Resolve with [place clicked, ms until the app is idle again after a
# run] (ms -1: none within `timeout`; -2: no such question).
_CLICK_JS = """([item, order, timeout]) => new Promise(resolve => {
  const app = document.querySelector('[data-testid="stApp"]');
  const group = [...document.querySelectorAll('[data-testid="stRadio"]')]
    .find(el => el.innerText.includes('· ' + item));
  const options = group ? [...group.querySelectorAll('label')].filter(l => l.querySelector('input[type=radio]')) : [];
  const place = order.find(n => options[n] && !options[n].querySelector('input').checked);
  if (place === undefined) { resolve([null, -2]); return; }
  let ran = false;
  const t0 = performance.now();
  const timer = setTimeout(() => { obs.disconnect(); resolve([place, -1]); }, timeout);
  const obs = new MutationObserver(records => {
    const now = app.getAttribute('data-test-script-state');
    ran = ran || now === 'running' || records.some(r => r.oldValue === 'running');
    if (ran && now === 'notRunning') {
      clearTimeout(timer); obs.disconnect(); resolve([place, performance.now() - t0]);
    }
  });
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
  options[place].click();
})"""


class Person:
    def __init__(self, browser, url: str, model, n: int):
        self.browser, self.url, self.model, self.n = browser, url, model, n
        self.items = [it.id for it in model.pillar(PILLAR).items]
        self.last: dict[str, object] = {}
        self.page = None
        self.unanswered = 0

    async def open(self) -> None:
        ctx = await self.browser.new_context(viewport={"width": 1400, "height": 1000}, locale="el-GR")
        self.page = await ctx.new_page()
        self.page.set_default_timeout(60_000)
        await self.page.goto(f"{self.url}/{PILLAR.replace('_', '-')}")
        await self.page.wait_for_selector(browser_args.IDLE)
        await self.page.wait_for_selector('[data-testid="stRadio"]')

    async def clicks(self, count: int, start: int) -> list[float]:
        """`count` answers, each a value other than the one shown; click-to-idle in ms."""
        samples = []
        for k in range(start, start + count):
            item = self.items[k % len(self.items)]
            first = (k // len(self.items) + self.n + k) % len(ANSWER_VALUES)
            order = [(first + j) % len(ANSWER_VALUES) for j in range(len(ANSWER_VALUES))]
            place, ms = await self.page.evaluate(_CLICK_JS, [item, order, TIMEOUT_MS])
            if ms == -2:
                raise RuntimeError(f"person {self.n}: no question {item} on the page")
            if ms == -1:  # no answer to the click within the timeout: counted, and as a sample that long
                self.unanswered += 1
                ms = TIMEOUT_MS
            self.last[item] = ANSWER_VALUES[place]
            samples.append(ms)
            await asyncio.sleep(THINK_S)
        return samples

    async def assessment_id(self) -> str:
        await self.page.wait_for_function("() => new URL(location.href).searchParams.get('assessment')")
        return await self.page.evaluate("() => new URL(location.href).searchParams.get('assessment')")


def _pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def _summary(samples: list[float]) -> dict:
    return {"n": len(samples), "p50_ms": round(statistics.median(samples), 1), "p95_ms": round(_pct(samples, 0.95), 1),
            "max_ms": round(max(samples), 1)}


async def _measure(url: str, model) -> tuple[dict, list[Person]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=_chromium(), args=browser_args.ARGS)
        try:
            solo = Person(browser, url, model, 0)
            await solo.open()
            await solo.clicks(WARMUP, 0)
            single = await solo.clicks(CLICKS, WARMUP)
            crowd = [Person(browser, url, model, n) for n in range(1, USERS + 1)]
            await asyncio.gather(*(c.open() for c in crowd))
            await asyncio.gather(*(c.clicks(WARMUP, 0) for c in crowd))
            eight = [ms for run in await asyncio.gather(*(c.clicks(CLICKS, WARMUP) for c in crowd)) for ms in run]
            single += await solo.clicks(CLICKS, WARMUP + CLICKS)
            people = [solo, *crowd]
            ids = [await person.assessment_id() for person in people]
        finally:
            await browser.close()
    return {"single": single, "eight": eight, "ids": ids}, people


def _lost(db_url: str, people: list[Person], ids: list[str]) -> int:
    import store

    engine = store.get_engine(db_url)
    lost = 0
    for person, aid in zip(people, ids, strict=True):
        try:
            a, _ = store.load_assessment(engine, aid)
        except store.NotFound:
            lost += len(person.last)
            continue
        lost += sum(1 for item, value in person.last.items() if a.value(item) != value)
    return lost


def run() -> dict:
    from checklists import default_model

    model = default_model()
    with tempfile.TemporaryDirectory(prefix="cxaudit-bench-clicks-") as tmp:
        server = browser_args.Server(Path(tmp) / "bench.sqlite").start()  # the journeys' server
        try:
            raw, people = asyncio.run(_measure(server.url, model))
            log = server.log_text()
        finally:
            server.stop()
        lost = _lost(server.database_url, people, raw["ids"])
    one, eight = _summary(raw["single"]), _summary(raw["eight"])
    return {
        "pillar": PILLAR,
        "think_s": THINK_S,
        "clicks_per_person_and_phase": CLICKS,
        "one_person": one,
        "eight_people": eight,
        "p50_ratio": round(eight["p50_ms"] / one["p50_ms"], 2),
        "p95_ratio": round(eight["p95_ms"] / one["p95_ms"], 2),
        "clicks_unanswered": sum(p.unanswered for p in people),
        "answers_lost": lost,
        "server_tracebacks": log.count("Traceback"),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
