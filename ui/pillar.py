"""The one renderer behind the five audit pages: every question of a pillar with the answer scale,
the why/evidence hints and an optional note, drawn from the model."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

from checklists.model import ANSWER_VALUES, Item
from i18n import t
from ui import state
from ui.nav import PAGES, page_for


def question_label(item: Item, number: int, lang: str, words: dict, has_note: bool = False) -> str:
    """The radio label: number, question, a badge for critical items, a mark when there is a note,
    and the item id (which the report and consultants use to refer to a question, and tests use
    to find it)."""
    label = f"**{number}.** {item.text(lang)}"
    if item.critical:
        label += f" :orange-badge[{words['critical']}]"
    if has_note:
        label += " :material/edit_note:"
    return label + f" :gray[· {item.id}]"


@dataclass(frozen=True)
class _PageText:
    """Everything a pillar page writes that depends only on the pillar and the language."""
    title: str
    description: str
    legend: str                    # the answer scale, explained once in the title's (?) help
    scale: dict                    # answer value -> label
    hints: tuple[str, ...]         # per question: why it matters, what to look for (the radio's help)
    words: dict


@functools.lru_cache(maxsize=None)
def _page_text(pillar_id: str, lang: str) -> _PageText:
    """Built once per pillar and language: a page rerun then only draws. (Every rerun of a page
    redraws all of it, so string work here would be paid on every click.)"""
    model = state.model()
    pillar = model.pillar(pillar_id)
    words = {k: t(f"audit.{k}", lang) for k in
             ("why", "evidence", "critical", "critical_help", "notes", "notes_intro", "note", "note_placeholder",
              "done", "scale_help")}
    legend = "  \n".join(f"**{o.label(lang)}**: {o.descriptor(lang)}" for o in model.answer_scale)
    hints = tuple(f"**{words['why']}:** {item.why(lang)}\n\n**{words['evidence']}:** {item.evidence(lang)}"
                  + (f"\n\n{words['critical_help']}" if item.critical else "") for item in pillar.items)
    return _PageText(title=pillar.title(lang), description=pillar.description(lang),
                     legend=f"**{words['scale_help']}**\n\n{legend}",
                     scale={o.value: o.label(lang) for o in model.answer_scale}, hints=hints, words=words)


def _question(item: Item, number: int, lang: str, a, text: _PageText) -> None:
    # Keyed, and applied to the assessment by state.bind_edits() at the start of the next run.
    # A keyless radio whose index is the stored answer changes identity when the answer changes
    # (the index is part of a keyless widget's id), so a second click sent before the redraw went
    # to the old widget and was dropped: the "snap back". A key is the radio's whole identity
    # (key_as_main_identity in Streamlit 1.67): the id stays across answers and languages. No
    # on_change callback: a newer click can cut a callback short (see ui/state.py).
    key = f"answer_{item.id}"
    state.seed(key, a.value(item.id))
    st.radio(
        question_label(item, number, lang, text.words, bool(a.note(item.id))), options=ANSWER_VALUES,
        format_func=text.scale.__getitem__, index=None, key=key,
        horizontal=True, help=text.hints[number - 1],
    )


def _notes(items: list[Item], lang: str, words: dict) -> None:
    """Every question's hints and note field in one expander, drawn only while it is open.

    One expander per page rather than per question: each stateful expander adds about a third to
    a page's rerun (bench/bench_app.py), and the hints are also in each question's tooltip."""
    box = st.expander(words["notes"], icon=":material/edit_note:", on_change="rerun")
    if not box.open:
        return
    box.caption(words["notes_intro"])
    a = state.assessment()
    for number, item in enumerate(items, start=1):
        box.markdown(f"**{number}. {item.text(lang)}** :gray[· {item.id}]  \n:gray[{words['evidence']}: "
                     f"{item.evidence(lang)}]")
        state.seed(f"note_{item.id}", a.note(item.id), default="")
        box.text_area(words["note"], key=f"note_{item.id}", height=68,
                      placeholder=words["note_placeholder"],
                      max_chars=5000, label_visibility="collapsed")


def _next_page(pillar_id: str):
    order = [p for p in PAGES if p.pillar]
    idx = next(i for i, p in enumerate(order) if p.pillar == pillar_id)
    return order[idx + 1] if idx + 1 < len(order) else None


def render_pillar(pillar_id: str) -> None:
    model = state.model()
    lang = state.lang()
    pillar = model.pillar(pillar_id)
    state.apply_widget_edits()
    a = state.assessment()
    text = _page_text(pillar_id, lang)

    # Title, description and (in the (?) help) the answer scale in one element: every element is
    # paid for on every click.
    st.markdown(f"# {text.title}\n:gray[{text.description}]", help=text.legend)
    if pillar_id == "measurement" and a.surveys:
        from surveys.evidence import evidence_lines
        lines = evidence_lines(a.surveys, lang)
        st.info("  \n".join([f"**{t('measure.evidence.title', lang)}**", *lines]), icon=":material/monitoring:")

    for number, item in enumerate(pillar.items, start=1):
        _question(item, number, lang, a, text)
    _notes(pillar.items, lang, text.words)

    # Progress is in the sidebar ("Plan: 7/11"), always visible; here only the finish line.
    if all(a.value(it.id) is not None for it in pillar.items):
        st.success(text.words["done"], icon=":material/task_alt:")
    # Only "next": the sidebar lists every section for going back.
    nxt = _next_page(pillar_id)
    if nxt:
        st.page_link(page_for(nxt.path, lang), label=t("nav.next", lang, title=model.pillar(nxt.pillar).short_title(lang)),
                     icon=":material/arrow_forward:")
    else:
        st.page_link(page_for("pages/results.py", lang), label=t("nav.to_results", lang), icon=":material/insights:")
