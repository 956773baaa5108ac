"""What every page shows in the sidebar: the language switch and the progress of the audit."""
from __future__ import annotations

import streamlit as st

from checklists.applicability import Profile, not_asked
from i18n import LANGS, t
from ui import saving, state
from ui.text import md_escape

SWITCH_QUERY = "switch_lang"  # set by the sidebar's language link, consumed by apply_language_switch()


def _set_language(new: str) -> None:
    if new in LANGS and new != state.lang():
        st.session_state[state.LANG_KEY] = new
        a = state.assessment()
        a.language = new  # stored with the audit's first edit, not before (only the UI changed)
        if saving.tracked(a):
            state.changed()


def _switch_language(widget_key: str) -> None:
    _set_language(st.session_state.get(widget_key))


def apply_language_switch() -> None:
    """Apply a click on the sidebar's language link (app.py, every run, before the page)."""
    if SWITCH_QUERY in st.query_params:
        new = st.query_params[SWITCH_QUERY]
        del st.query_params[SWITCH_QUERY]
        _set_language(new)


def language_link(current_page) -> None:
    """The sidebar's language switch: one link to this same page in the other language.

    A link rather than a widget, because it is drawn on every rerun of every page and a widget
    costs several times an element (bench/bench_app.py). The click reruns the page in the same
    session with ?switch_lang=..; answers are untouched (they live in the assessment)."""
    other = next(code for code in LANGS if code != state.lang())
    params = {SWITCH_QUERY: other}
    if "assessment" in st.query_params:  # keep the resume link in the URL
        params["assessment"] = st.query_params["assessment"]
    st.sidebar.page_link(current_page, label=t(f"lang.{other}", other), icon=":material/translate:",
                         help=t("lang.switch_help", other), query_params=params)


def language_picker() -> None:
    """The start page's two-option switch. Answers are untouched: they live in the assessment."""
    key = "lang_pick_main"
    current = state.lang()
    if st.session_state.get(key) != current:
        st.session_state[key] = current  # follow changes made elsewhere (the sidebar link, an import)
    st.segmented_control(
        state.t("lang.label"), options=list(LANGS), format_func=lambda code: t(f"lang.{code}", current),
        key=key, on_change=_switch_language, args=(key,), label_visibility="collapsed",
        selection_mode="single",
    )


# A section's mark in the progress list: Material Symbols (the font of Streamlit's icons), since the
# app's text font, Source Sans, has no half-filled circle (U+25D0 «◐» fell back to another font,
# a thin sliver; tests/e2e/test_sidebar_marks.py checks the fonts used).
MARK_NONE = ":gray[:material/radio_button_unchecked:]"
MARK_SOME = ":orange[:material/clock_loader_40:]"
MARK_ALL = ":green[:material/check_circle:]"


def _mark(answered: int, asked: int) -> str:
    return MARK_ALL if answered == asked else MARK_NONE if answered == 0 else MARK_SOME


def progress(footer: str = "") -> None:
    """Answered questions per pillar and overall, and a `footer` line (the autosave status), in one
    markdown element: every element costs every rerun of every page."""
    model = state.model()
    a = state.assessment()
    lang = state.lang()
    answered_all = total_all = 0
    lines = []
    # Only the questions this business is asked (checklists/applicability.py) count here.
    skip = not_asked(model, Profile.of(a.company.sector, a.company.size), a.brought_back)
    for p in model.pillars:
        asked = [it for it in p.items if it.id not in skip]
        answered = sum(1 for it in asked if a.value(it.id) is not None)
        answered_all += answered
        total_all += len(asked)
        lines.append(f"{_mark(answered, len(asked))} " + t("sidebar.pillar", lang, title=p.short_title(lang),
                                                            answered=answered, total=len(asked)))
    company = a.company.name or t("sidebar.company_none", lang)
    st.sidebar.markdown(
        f":gray[{md_escape(company)}]  \n**{t('sidebar.overall', lang, answered=answered_all, total=total_all)}**"
        "  \n" + "  \n".join(lines) + (f"\n\n:small[:gray[{footer}]]" if footer else ""))
