"""Click-to-idle in a real browser, for one person and for eight at once, in the same run.

One server (`python -m ui.serve`, its own SQLite file) and one headless Chromium. Each person is a
browser context of its own (a session with its own assessment) on a pillar page. A sample is one
click on an answer, timed in the page from the click until the server has run the app for it
(seen in the page's websocket: the run asked for, started and finished) and the page is drawn and
idle (data-test-script-state="notRunning"): what the person waits for before the page is usable.
Between samples a person "reads" for THINK_S seconds.

Phases, one after another on the same server: 1 person, 8 people at once, 1 person again (the
single-person figure pools both, so that drift of the machine during the run shows in neither
figure alone). The figure to watch is the ratio of the p95s (aim: 8 people at most 3x one).
At the end every person's last answers are read back from the database: `lost` counts answers
that the page showed but the database does not hold.

    python -m bench.bench_clicks [option=value[,option=value] ...]

measures the app as configured (.streamlit/config.toml), then once more for each set of Streamlit
options given (e.g. runner.fastReruns=true), one after another in the same run, for comparison.
"""
from __future__ import annotations

import asyncio
import os
import re
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

# Each context's page reports the app's runs from its websocket (installed before the app's own
# script, so it sees every frame): window.__cxRuns = {sent, started, finished}, counters of
# BackMsg.rerun_script sent, ForwardMsg.new_session and ForwardMsg.script_finished (successful)
# received, found by the messages' top-level protobuf fields (numbers from streamlit.proto, filled
# in by _ws_hook()). The page's data-test-script-state alone cannot say whether a run happened:
# when a whole run's messages arrive together (a short run, a busy server) the client draws them
# in one frame and the attribute never shows "running" (measured: in every one of the clicks the
# earlier bench counted as unanswered, 10 of 10 in one run, the server had run and the page
# showed the click).
_WS_HOOK = """(() => {
  const RERUN = %(rerun)d, NEW_SESSION = %(new_session)d, FINISHED = %(finished)d, OK = %(ok)d;
  const runs = window.__cxRuns = {sent: 0, started: 0, finished: 0, listeners: []};
  const fields = bytes => {  // top-level (field number, varint value or null) pairs of a protobuf
    const out = []; let i = 0;
    const varint = () => {
      let v = 0, m = 1, b;
      do { b = bytes[i++]; v += (b & 127) * m; m *= 128; } while (b & 128);
      return v;
    };
    while (i < bytes.length) {
      const tag = varint(), wt = tag %% 8, no = Math.floor(tag / 8);
      if (wt === 0) out.push([no, varint()]);
      else if (wt === 2) { const n = varint(); out.push([no, null]); i += n; }
      else if (wt === 1) i += 8; else if (wt === 5) i += 4; else break;
    }
    return out;
  };
  const view = d => d instanceof ArrayBuffer ? new Uint8Array(d)
    : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
  const note = () => runs.listeners.forEach(f => f());
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    const send = ws.send.bind(ws);
    ws.send = data => {
      const b = view(data);
      if (b && fields(b).some(([no]) => no === RERUN)) { runs.sent++; note(); }
      return send(data);
    };
    ws.addEventListener('message', ev => {
      const b = view(ev.data);
      if (!b) return;
      for (const [no, value] of fields(b)) {
        if (no === NEW_SESSION) { runs.started++; note(); }
        if (no === FINISHED && value === OK) { runs.finished++; note(); }
      }
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})()"""


def _ws_hook() -> str:
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    fin = ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"]
    return _WS_HOOK % {"rerun": BackMsg.DESCRIPTOR.fields_by_name["rerun_script"].number,
                       "new_session": ForwardMsg.DESCRIPTOR.fields_by_name["new_session"].number,
                       "finished": fin.number, "ok": fin.enum_type.values_by_name["FINISHED_SUCCESSFULLY"].number}


# Click an option of the question whose label names `item` ("· PLAN-01"): the first of `order`
# (places in the answer scale) that is not selected already, so that every click is a change
# whatever the page shows. The click is answered when the page has sent the run it asks for, the
# server has started a run after that and finished it, and the page, drawn, is idle
# (data-test-script-state="notRunning") again. Resolve with [place clicked, ms from the click to
# then] (ms -1: not within `timeout`; -2: no such question).
_CLICK_JS = """([item, order, timeout]) => new Promise(resolve => {
  const app = document.querySelector('[data-testid="stApp"]');
  const runs = window.__cxRuns;
  const group = [...document.querySelectorAll('[data-testid="stRadio"]')]
    .find(el => el.innerText.includes('· ' + item));
  const options = group ? [...group.querySelectorAll('label')].filter(l => l.querySelector('input[type=radio]')) : [];
  const place = order.find(n => options[n] && !options[n].querySelector('input').checked);
  if (place === undefined) { resolve([null, -2]); return; }
  const sent = runs.sent;
  let started = null, finished = null, finishedAt = null, idleAt = null, done = false;
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'notRunning') idleAt = performance.now();
  });
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  const end = ms => {
    if (done) return;
    done = true; clearTimeout(timer); obs.disconnect();
    runs.listeners = runs.listeners.filter(f => f !== step); resolve([place, ms]);
  };
  const timer = setTimeout(() => end(-1), timeout);
  // After the run's last message, a frame later: drawn. Idle then, the click is answered when the
  // page turned idle after that message (or, if it never showed "running", at that frame).
  const drawn = () => requestAnimationFrame(() => requestAnimationFrame(now => {
    if (app.getAttribute('data-test-script-state') !== 'notRunning') { setTimeout(drawn, 5); return; }
    end((idleAt !== null && idleAt >= finishedAt ? idleAt : now) - t0);
  }));
  const step = () => {
    if (started === null && runs.sent > sent) started = runs.started;  // runs started before do not count
    if (started !== null && finished === null && runs.started > started) finished = runs.finished;
    if (finished !== null && finishedAt === null && runs.finished > finished) {
      finishedAt = performance.now();
      drawn();
    }
  };
  runs.listeners.push(step);
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
        await ctx.add_init_script(_ws_hook())
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


def _rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return round(int(found.group(1)) / 1024, 1) if found else None


def _env_var(option: str) -> str:
    """Streamlit's environment variable for a config option: runner.fastReruns -> STREAMLIT_RUNNER_FAST_RERUNS."""
    return "STREAMLIT_" + re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", option.replace(".", "_")).upper()


def run(options: dict[str, str] | None = None) -> dict:
    """The phases on a server as configured, with Streamlit `options` ({"runner.fastReruns": "true"}) on top."""
    from checklists import default_model

    model = default_model()
    env = {_env_var(k): v for k, v in (options or {}).items()}
    saved = {k: os.environ.get(k) for k in env}
    with tempfile.TemporaryDirectory(prefix="cxaudit-bench-clicks-") as tmp:
        os.environ.update(env)
        try:
            server = browser_args.Server(Path(tmp) / "bench.sqlite").start()  # the journeys' server
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        try:
            raw, people = asyncio.run(_measure(server.url, model))
            rss = _rss_mb(server.proc.pid)  # after 9 sessions x 43 clicks
            log = server.log_text()
        finally:
            server.stop()
        lost = _lost(server.database_url, people, raw["ids"])
    one, eight = _summary(raw["single"]), _summary(raw["eight"])
    return {
        "options": options or {},
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
        "server_rss_mb": rss,
    }


if __name__ == "__main__":
    import json

    variants = [dict(kv.split("=", 1) for kv in arg.split(",")) for arg in sys.argv[1:]]
    results = [run(v) for v in [{}, *variants]]
    print(json.dumps(results[0] if not variants else results, indent=2))
