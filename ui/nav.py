"""The page registry: one place that lists every screen, its file, its title and its URL.

app.py builds st.navigation from it; pages use it for "previous / next" links.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from checklists.model import PILLAR_IDS
from i18n import t


@dataclass(frozen=True)
class PageSpec:
    path: str          # file, relative to app.py
    url: str           # stable URL path, the same in both languages
    section: str       # i18n key of the navigation section
    icon: str
    title_key: str | None = None   # i18n key; None for pillar pages (title comes from the model)
    pillar: str | None = None


def pillar_page_path(pillar_id: str) -> str:
    return f"pages/audit_{pillar_id}.py"


PILLAR_ICONS = {
    "cx_plan": ":material/flag:", "segmentation": ":material/groups:",
    "emotional_connection": ":material/favorite:", "training": ":material/school:",
    "measurement": ":material/fact_check:",
}

PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/start.py", "start", "nav.section.start", ":material/storefront:", "nav.start"),
    *(PageSpec(pillar_page_path(pid), pid.replace("_", "-"), "nav.section.audit", PILLAR_ICONS[pid], pillar=pid)
      for pid in PILLAR_IDS),
    PageSpec("pages/results.py", "results", "nav.section.results", ":material/insights:", "nav.results"),
    PageSpec("pages/plan.py", "plan", "nav.section.results", ":material/checklist:", "nav.plan"),
    PageSpec("pages/measure.py", "measure", "nav.section.tools", ":material/monitoring:", "nav.measure"),
    PageSpec("pages/clients.py", "clients", "nav.section.tools", ":material/folder_shared:", "nav.clients"),
)


SESSION_KEY = "nav_pages"  # {lang: {file: st.Page}} of this browser session


def _pages(lang: str) -> dict[str, st.Page]:
    """Every screen's st.Page in `lang`, by file, built once per browser session and language.

    Per session, not per process: a Page carries per-run state (st.navigation marks the page it
    returns as callable and Page.run() clears the mark), so one object shared by two sessions
    let one session's run clear the other's mark, and the other session then failed with
    "This page cannot be called directly" (eight tabs opening pages at once: one in 24;
    tests/e2e/test_eight_users.py on branch h-people). Built on the session's first run only: constructing them
    resolves file paths, a large share of a page's rerun otherwise."""
    from ui.state import model

    by_lang = st.session_state.get(SESSION_KEY)
    if by_lang is None:
        by_lang = st.session_state[SESSION_KEY] = {}
    pages = by_lang.get(lang)
    if pages is None:
        pages = by_lang[lang] = {
            spec.path: st.Page(spec.path, icon=spec.icon, url_path=spec.url, default=spec.url == "start",
                               title=model().pillar(spec.pillar).short_title(lang) if spec.pillar
                               else t(spec.title_key, lang))
            for spec in PAGES}
    return pages


def navigation_pages(lang: str) -> dict[str, list]:
    """st.navigation's sections in `lang`, made of this session's st.Page objects."""
    pages = _pages(lang)
    sections: dict[str, list] = {}
    for spec in PAGES:
        sections.setdefault(t(spec.section, lang), []).append(pages[spec.path])
    return sections


def page_for(path: str, lang: str):
    """The st.Page of a file (as in PAGES), the very object this session registered with st.navigation.
    st.page_link given a Page skips the path resolution (a realpath on every rerun) it does
    for a file name: a third of a pillar page's fixed cost (bench/bench_app.py)."""
    return _pages(lang)[path]
