"""Streamlit's own texts in the user's language (Greek first, with no English left in the Greek UI).

Streamlit 1.67's frontend has no locale: "Press Enter to apply", the connection-error dialog a
consultant sees when the laptop's server stops, the date picker's month names and the
screen-reader labels ("Help for …", "Collapse sidebar") are English whatever the app's language.
The texts and their Greek live in i18n/catalog/streamlit.yaml. `python -m ui.serve` serves
Streamlit's page with one extra script (ui/static/streamlit_texts.js) that rewrites them as they
appear, and app.py publishes the session's language on every run with mark_language(). The
same script makes the date picker format its calendar in the app's language rather than the
browser's, with the Greek month in the nominative as a calendar's heading («Δεκέμβριος»).
"""
from __future__ import annotations

import atexit
import base64
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from i18n import catalog

PREFIX = "streamlit."
SCRIPT = Path(__file__).parent / "static" / "streamlit_texts.js"
FAVICON = Path(__file__).parent / "static" / "favicon.png"
SCRIPT_NAME = "cx-streamlit-texts.js"
STYLE = Path(__file__).parent / "static" / "app.css"
STYLE_NAME = "cx-app.css"


def pairs() -> list[list[str]]:
    """[key, Streamlit's English, Greek] for every Streamlit text in the catalog."""
    return [[key, texts["en"], texts["el"]] for key, texts in sorted(catalog().items()) if key.startswith(PREFIX)]


def script() -> str:
    """The script served with Streamlit's page: the texts, then the code that applies them."""
    data = json.dumps(pairs(), ensure_ascii=False).replace("</", "<\\/")
    # ui/static/reconnect.js (ui/persistence.after_page), date_enter.js (a typed date stored on
    # Enter), leave_after_note.js (a page link clicked while typing a note), close_sidebar.js
    # (the sidebar over a phone's page closes when a link in it is tapped), text_autosave.js (a
    # note or a one-line text stored when the typing pauses) and page_top.js (a new page opens at its top) ride
    # along: one script for the page.
    riders = "\n".join((SCRIPT.parent / name).read_text(encoding="utf-8")
                       for name in ("reconnect.js", "date_enter.js", "leave_after_note.js", "close_sidebar.js",
                                    "text_autosave.js", "page_top.js"))
    return (f"window.__CX_TEXTS__ = {data};\nwindow.__CX_MESSAGES__ = {messages()};\n"
            + SCRIPT.read_text(encoding="utf-8") + "\n" + riders)


def messages() -> str:
    """The app's own texts for the page scripts (catalog keys browser.*), {key: {el, en}} as JSON."""
    texts = {key: {"el": v["el"], "en": v["en"]} for key, v in sorted(catalog().items()) if key.startswith("browser.")}
    return json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")


def favicon_url() -> str:
    """Our icon as a data URL for st.set_page_config: without a page_icon of its own a multipage
    app shows each page's Material icon, which the browser fetches from fonts.gstatic.com."""
    return "data:image/png;base64," + base64.b64encode(FAVICON.read_bytes()).decode("ascii")


def patched_index(html: str) -> str:
    """Streamlit's index.html with the app's language, name, the texts script and our style."""
    html = re.sub(r'<html lang="[^"]*"', '<html lang="el"', html, count=1)
    html = html.replace("<title>Streamlit</title>", "<title>cxaudit</title>", 1)
    return html.replace("</head>", f'<link rel="stylesheet" href="./{STYLE_NAME}">'
                                   f'<script src="./{SCRIPT_NAME}"></script></head>', 1)


def static_overlay(streamlit_static: str) -> str:
    """A folder that serves Streamlit's static files unchanged (symbolic links, which Streamlit's
    static handler follows) except index.html, which loads the texts script, and the favicon,
    which is ours. Removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="cxaudit-static-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    source = Path(streamlit_static)
    for entry in source.iterdir():
        if entry.name not in ("index.html", FAVICON.name):
            os.symlink(entry, folder / entry.name)
    # Our icon in Streamlit's own favicon's place, served by this server: a Material icon as
    # page_icon is fetched by the browser from fonts.gstatic.com, which fails offline.
    shutil.copyfile(FAVICON, folder / FAVICON.name)
    (folder / "index.html").write_text(patched_index((source / "index.html").read_text(encoding="utf-8")),
                                       encoding="utf-8")
    (folder / SCRIPT_NAME).write_text(script(), encoding="utf-8")
    shutil.copyfile(STYLE, folder / STYLE_NAME)
    return str(folder)


def install() -> None:
    """Make Streamlit's server serve the overlay (called by ui.serve before Streamlit starts)."""
    from streamlit import file_util

    overlay = static_overlay(file_util.get_static_dir())
    file_util.get_static_dir = lambda: overlay


def mark_language(lang: str) -> None:
    """Publish the session's language to the texts script (app.py, every run). A style element
    only: Streamlit puts it in its event container, so it takes no room on the page."""
    import streamlit as st

    st.html(f"<style>:root{{--cx-lang:{json.dumps(lang)}}}</style>")
