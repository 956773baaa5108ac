"""The one renderer behind the five audit pages: every question of a pillar with the answer scale,
the why/evidence hints and an optional note, drawn from the model."""
from __future__ import annotations

import streamlit as st

from checklists.model import ANSWER_VALUES, Item
from i18n import t
from ui import state
from ui.nav import PAGES


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


def _set_note(item_id: str) -> None:
    state.assessment().set_note(item_id, st.session_state.get(f"note_{item_id}") or "")
    state.changed()


def _scale_legend(lang: str) -> str:
    """The answer scale explained once per page (not in every radio: that would multiply the
    size of every rerun's messages)."""
    return "  \n".join(f"**{o.label(lang)}**: {o.descriptor(lang)}" for o in state.model().answer_scale)


def _question(item: Item, number: int, lang: str, a, words: dict) -> None:
    value = a.value(item.id)
    help_text = (f"**{words['why']}:** {item.why(lang)}\n\n**{words['evidence']}:** {item.evidence(lang)}"
                 + (f"\n\n{words['critical_help']}" if item.critical else ""))
    # Keyless on purpose: a keyed radio costs a scan of the session state, and the label (the
    # question in the current language) already identifies it. The stored answer is the
    # default, so a language switch redraws it as answered.
    chosen = st.radio(
        question_label(item, number, lang, words, bool(a.note(item.id))), options=ANSWER_VALUES,
        format_func=words["scale"].__getitem__, index=ANSWER_VALUES.index(value) if value is not None else None,
        horizontal=True, help=help_text,
    )
    if chosen is not None and chosen != value:
        a.set_value(item.id, chosen)
        state.changed()


def _notes(items: list[Item], lang: str) -> None:
    """Every question's hints and note field in one expander, drawn only while it is open.

    One expander per page rather than per question: each stateful expander adds about a third to
    a page's rerun (bench/bench_app.py), and the hints are also in each question's tooltip."""
    box = st.expander(state.t("audit.notes"), icon=":material/edit_note:", on_change="rerun")
    if not box.open:
        return
    box.caption(state.t("audit.notes_intro"))
    a = state.assessment()
    for number, item in enumerate(items, start=1):
        box.markdown(f"**{number}. {item.text(lang)}** :gray[· {item.id}]  \n:gray[{state.t('audit.evidence')}: "
                     f"{item.evidence(lang)}]")
        box.text_area(state.t("audit.note"), value=a.note(item.id), key=f"note_{item.id}", height=68,
                      placeholder=state.t("audit.note_placeholder"), on_change=_set_note, args=(item.id,),
                      max_chars=5000, label_visibility="collapsed")


def _next_page(pillar_id: str):
    order = [p for p in PAGES if p.pillar]
    idx = next(i for i, p in enumerate(order) if p.pillar == pillar_id)
    return order[idx + 1] if idx + 1 < len(order) else None


def render_pillar(pillar_id: str) -> None:
    model = state.model()
    lang = state.lang()
    pillar = model.pillar(pillar_id)
    a = state.assessment()

    # The answer scale is explained in the title's (?) help: no extra element on every rerun.
    st.title(pillar.title(lang), help=f"**{state.t('audit.scale_help')}**\n\n{_scale_legend(lang)}")
    st.caption(pillar.description(lang))
    if pillar_id == "measurement" and a.surveys:
        from scoring.metrics.evidence import evidence_lines  # only this page needs the metrics toolkit
        lines = evidence_lines(a.surveys, lang)
        st.info("  \n".join([f"**{state.t('measure.evidence.title')}**", *lines]), icon=":material/monitoring:")
    progress = st.empty()  # filled after the questions, so it counts the answer just given

    # Looked up once per page, not once per question.
    words = {"scale": {o.value: o.label(lang) for o in model.answer_scale},
             **{k: t(f"audit.{k}", lang) for k in ("why", "evidence", "critical", "critical_help")}}
    for number, item in enumerate(pillar.items, start=1):
        _question(item, number, lang, a, words)
    _notes(pillar.items, lang)

    answered = sum(1 for it in pillar.items if a.value(it.id) is not None)
    progress.progress(answered / len(pillar.items),
                      text=state.t("audit.pillar_progress", answered=answered, total=len(pillar.items)))
    if answered == len(pillar.items):
        st.success(state.t("audit.done"))
    # Only "next": the sidebar lists every section for going back.
    nxt = _next_page(pillar_id)
    if nxt:
        st.page_link(nxt.path, label=state.t("nav.next", title=model.pillar(nxt.pillar).short_title(lang)),
                     icon=":material/arrow_forward:")
    else:
        st.page_link("pages/results.py", label=state.t("nav.to_results"), icon=":material/insights:")
