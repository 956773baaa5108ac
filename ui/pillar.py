"""The one renderer behind the five audit pages: every question of a pillar that fits the business
(its sector's words, its answer set's labels), the why/evidence hints and an optional note, and the
questions left out for the business's size or sector with a way to ask each one anyway."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

from checklists.applicability import Profile, for_profile, not_asked, reason
from checklists.model import ANSWER_VALUES, Item
from i18n import t
from ui import state
from ui.nav import PAGES, page_for


def question_label(item: Item, number: int, lang: str, words: dict, has_note: bool = False,
                   brought_back: bool = False) -> str:
    """The radio label: number, question, a badge for critical items, a mark when there is a note,
    and the item id (which the report and consultants use to refer to a question, and tests use
    to find it)."""
    label = f"**{number}.** {item.text(lang)}"
    if item.critical:
        label += f" :orange-badge[{words['critical']}]"
    if brought_back:
        label += f" :blue-badge[{words['brought_back']}]"
    if has_note:
        label += " :material/edit_note:"
    return label + f" :gray[· {item.id}]"


@dataclass(frozen=True)
class _PageText:
    """Everything a pillar page writes that depends only on the pillar, the language and the
    business's profile (sector, size, questions brought back)."""
    title: str
    description: str
    legend: str                    # the answer sets, explained once in the title's (?) help
    items: tuple[Item, ...]        # the questions asked, in the business's words
    scales: tuple[dict, ...]       # per question: answer value -> label of its answer set
    hints: tuple[str, ...]         # per question: why it matters, what to look for (the radio's help)
    left_out: tuple[tuple[Item, str], ...]   # (question, "size" | "sector") not asked of this business
    words: dict


@functools.lru_cache(maxsize=256)
def _page_text(pillar_id: str, lang: str, profile: Profile, brought_back: frozenset) -> _PageText:
    """Built once per pillar, language and profile: a page rerun then only draws. (Every rerun of
    a page redraws all of it, so string work here would be paid on every click.)"""
    model = state.model()
    worded = for_profile(model, profile)
    pillar = worded.pillar(pillar_id)
    skip = not_asked(model, profile, brought_back)
    items = tuple(it for it in pillar.items if it.id not in skip)
    words = {k: t(f"audit.{k}", lang) for k in
             ("why", "evidence", "critical", "critical_help", "notes", "notes_intro", "note", "note_placeholder",
              "done", "scale_help", "scale_existence", "brought_back", "left_out_size",
              "left_out_sector", "left_out_answered", "bring_back")}
    legend = "  \n".join(f"**{o.label(lang)}**: {o.descriptor(lang)}" for o in model.answer_scale)
    if any(it.answers == "existence" for it in items):
        legend += f"\n\n**{words['scale_existence']}**\n\n" + "  \n".join(
            f"**{o.label(lang)}**: {o.descriptor(lang)}" for o in model.answer_sets["existence"])
    scales = {"frequency": {o.value: o.label(lang) for o in model.answer_scale},
              **{name: {o.value: o.label(lang) for o in opts} for name, opts in model.answer_sets.items()}}
    hints = tuple(f"**{words['why']}:** {item.why(lang)}\n\n**{words['evidence']}:** {item.evidence(lang)}"
                  + (f"\n\n{words['critical_help']}" if item.critical else "") for item in items)
    left_out = tuple((it, reason(model, it, profile)) for it in pillar.items if it.id in skip)
    # the left-out list's title and intro agree with its length (one question or many)
    words.update({k: t(f"audit.{k}", lang, count=len(left_out)) for k in ("left_out", "left_out_intro")})
    return _PageText(title=pillar.title(lang), description=pillar.description(lang),
                     legend=f"**{words['scale_help']}**\n\n{legend}", items=items,
                     scales=tuple(scales[it.answers] for it in items), hints=hints, left_out=left_out, words=words)


def page_text_for(pillar_id: str, lang: str, a) -> _PageText:
    return _page_text(pillar_id, lang, Profile.of(a.company.sector, a.company.size), frozenset(a.brought_back))


def _bring_back(item_id: str) -> None:
    a = state.assessment()
    if item_id not in a.brought_back:
        a.brought_back = [*a.brought_back, item_id]
        a.touch()
    state.changed()


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
        question_label(item, number, lang, text.words, bool(a.note(item.id)), item.id in a.brought_back),
        options=ANSWER_VALUES, format_func=text.scales[number - 1].__getitem__, index=None, key=key,
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


def _left_out(text: _PageText, lang: str, a) -> None:
    """The questions not asked of this business, each with a button to ask it anyway. One
    stateless expander, drawn only when there is something in it."""
    if not text.left_out:
        return
    box = st.expander(text.words["left_out"], icon=":material/playlist_remove:")
    box.caption(text.words["left_out_intro"])
    for item, why in text.left_out:
        extra = f" {text.words['left_out_answered']}" if a.value(item.id) is not None else ""
        box.markdown(f"{item.text(lang)} :gray[· {item.id}]  \n:gray[{text.words['left_out_' + why]}{extra}]")
        box.button(text.words["bring_back"], key=f"bring_{item.id}", icon=":material/add:",
                   on_click=_bring_back, args=(item.id,))


def _next_page(pillar_id: str):
    order = [p for p in PAGES if p.pillar]
    idx = next(i for i, p in enumerate(order) if p.pillar == pillar_id)
    return order[idx + 1] if idx + 1 < len(order) else None


def render_pillar(pillar_id: str) -> None:
    model = state.model()
    lang = state.lang()
    state.apply_widget_edits()
    a = state.assessment()
    text = page_text_for(pillar_id, lang, a)

    # Title, description and (in the (?) help) the answer scale in one element: every element is
    # paid for on every click.
    st.markdown(f"# {text.title}\n:gray[{text.description}]", help=text.legend)
    if pillar_id == "measurement" and a.surveys:
        from surveys.evidence import evidence_lines
        lines = evidence_lines(a.surveys, lang)
        st.info("  \n".join([f"**{t('measure.evidence.title', lang)}**", *lines]), icon=":material/monitoring:")

    for number, item in enumerate(text.items, start=1):
        _question(item, number, lang, a, text)
    _left_out(text, lang, a)
    _notes(list(text.items), lang, text.words)

    # Progress is in the sidebar ("Plan: 7/11"), always visible; here only the finish line.
    if all(a.value(it.id) is not None for it in text.items):
        st.success(text.words["done"], icon=":material/task_alt:")
    # Only "next": the sidebar lists every section for going back.
    nxt = _next_page(pillar_id)
    if nxt:
        st.page_link(
            page_for(nxt.path, lang),
            label=t("nav.next", lang, title=model.pillar(nxt.pillar).short_title(lang)),
            icon=":material/arrow_forward:",
        )
    else:
        st.page_link(page_for("pages/results.py", lang), label=t("nav.to_results", lang), icon=":material/insights:")
