"""Screenshot pages in both languages, to look at them before calling a change done.

    .venv/bin/python scripts/screenshots.py [URL-PATH ...] [--out DIR] [--db FILE] [--height PX]
                                            [--widths 1400,1024,390]

Starts the app (`python -m ui.serve`) on a free port with its own database (a throwaway one unless
--db is given), opens each path (default: every page) in Greek and in English in headless
Chromium at each width (default 1400, 1024 and 390 px: laptop, tablet, phone), waits until the
app is idle, and writes DIR/<path>-<lang>-<width>.png (default DIR: bench/out/screens). Paths may
carry a query, e.g. "plan?assessment=<id>"; the start page is "".
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT))

from browser import ARGS, Server, chromium_path, wait_idle  # noqa: E402
from ui.nav import PAGES  # noqa: E402


def shoot(paths: list[str], out: Path, db: Path, height: int, widths: tuple[int, ...] = (1400,)) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = Server(db).start()
    made = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
            for lang, width in ((lang, width) for lang in ("el", "en") for width in widths):
                # A tall window: Streamlit scrolls inside its own container, so a full-page shot
                # of a short window would cut the page off.
                page = browser.new_page(viewport={"width": width, "height": height})
                for path in paths:
                    sep = "&" if "?" in path else "?"
                    page.goto(f"{server.url}/{path}{sep}lang={lang}")
                    wait_idle(page, '[data-testid="stMain"]')
                    # Widgets' code is loaded on first use and drawn as grey skeletons until then
                    # (a page of cards has many): wait for them, then for charts and fonts to settle.
                    page.wait_for_function("!document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=20_000)
                    page.wait_for_timeout(600)
                    name = (path.split("?")[0] or "start").replace("/", "_")
                    target = out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(target))
                    made.append(target)
                page.close()
            browser.close()
    finally:
        server.stop()
    return made


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # The default page (start) is served at "/", not at its url_path.
    parser.add_argument("paths", nargs="*", default=["" if p.url == "start" else p.url for p in PAGES])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "screens")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--height", type=int, default=2200)
    parser.add_argument("--widths", default="1400,1024,390", help="comma-separated window widths in px")
    args = parser.parse_args(argv)
    if not chromium_path():
        print("no Chromium: apt-get install -y chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for target in shoot(args.paths, args.out, args.db or Path(tmp) / "screens.sqlite", args.height,
                             tuple(int(w) for w in args.widths.split(","))):
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
