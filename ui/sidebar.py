"""What every page shows in the sidebar: the language switch and the progress of the audit."""
from __future__ import annotations

import streamlit as st

from i18n import LANGS, t
from ui import state
from ui.text import md_escape


def _switch_language(widget_key: str) -> None:
    new = st.session_state.get(widget_key)
    if new in LANGS and new != state.lang():
        st.session_state[state.LANG_KEY] = new
        a = state.assessment()
        a.language = new
        state.changed()


def language_picker(where: str = "sidebar") -> None:
    """A two-option switch. Answers are untouched: they live in the assessment, keyed by item id."""
    key = f"lang_pick_{where}"
    current = state.lang()
    if st.session_state.get(key) != current:
        st.session_state[key] = current  # follow changes made elsewhere (the other picker, an import)
    target = st.sidebar if where == "sidebar" else st
    target.segmented_control(
        state.t("lang.label"), options=list(LANGS), format_func=lambda code: t(f"lang.{code}", current),
        key=key, on_change=_switch_language, args=(key,), label_visibility="collapsed",
        selection_mode="single",
    )


def progress(footer: str = "") -> None:
    """Answered questions per pillar and overall, and a `footer` line (the autosave status), in one
    markdown element: every element costs every rerun of every page."""
    model = state.model()
    a = state.assessment()
    lang = state.lang()
    answered_all = total_all = 0
    lines = []
    for p in model.pillars:
        answered = sum(1 for it in p.items if a.value(it.id) is not None)
        answered_all += answered
        total_all += len(p.items)
        mark = "✓" if answered == len(p.items) else "○" if answered == 0 else "◐"
        lines.append(f"{mark} " + t("sidebar.pillar", lang, title=p.short_title(lang), answered=answered,
                                     total=len(p.items)))
    company = a.company.name or t("sidebar.company_none", lang)
    st.sidebar.markdown(
        f":gray[{md_escape(company)}]  \n**{t('sidebar.overall', lang, answered=answered_all, total=total_all)}**"
        "  \n" + "  \n".join(lines) + (f"\n\n:small[:gray[{footer}]]" if footer else ""))
