"""The one renderer behind the five audit pages: every question of a pillar with the answer scale,
the why/evidence hints and an optional note, drawn from the model."""
from __future__ import annotations

import streamlit as st

from checklists.model import ANSWER_VALUES, Item
from ui import state
from ui.nav import PAGES


def question_label(item: Item, number: int, lang: str, has_note: bool = False) -> str:
    """The radio label: number, question, a badge for critical items, a mark when there is a note,
    and the item id (which the report and consultants use to refer to a question, and tests use
    to find it)."""
    label = f"**{number}.** {item.text(lang)}"
    if item.critical:
        label += f" :orange-badge[{state.t('audit.critical')}]"
    if has_note:
        label += " :material/edit_note:"
    return label + f" :gray[· {item.id}]"


def _set_note(item_id: str) -> None:
    state.assessment().set_note(item_id, st.session_state.get(f"note_{item_id}") or "")
    state.changed()


def _scale_help(lang: str) -> str:
    return "\n\n".join(f"**{o.label(lang)}**: {o.descriptor(lang)}" for o in state.model().answer_scale)


def _question(item: Item, number: int, lang: str, labels: dict, scale_help: str, details_label: str) -> None:
    a = state.assessment()
    value = a.value(item.id)
    note = a.note(item.id)
    # Keyless on purpose: a keyed radio makes Streamlit scan the whole session state on every
    # rerun, and the label (question text in the current language) already identifies it. The
    # stored answer is the default, so a language switch redraws it as answered.
    chosen = st.radio(
        question_label(item, number, lang, bool(note)), options=ANSWER_VALUES, format_func=labels.__getitem__,
        index=ANSWER_VALUES.index(value) if value is not None else None, horizontal=True,
        help=scale_help + ("\n\n" + state.t("audit.critical_help") if item.critical else ""),
    )
    if chosen is not None and chosen != value:
        a.set_value(item.id, chosen)
        state.changed()
    # A stateful expander: its hints and note are drawn only while it is open, which keeps the
    # rerun of a page close to that of its bare radios (bench/bench_app.py). Keyless too, for the
    # same reason as the radio; the item id makes its label unique.
    details = st.expander(f"{details_label} · {item.id}", on_change="rerun")
    if details.open:
        details.markdown(f"**{state.t('audit.why')}:** {item.why(lang)}\n\n"
                         f"**{state.t('audit.evidence')}:** {item.evidence(lang)}")
        details.text_area(
            state.t("audit.note"), value=note, key=f"note_{item.id}", height=68,
            placeholder=state.t("audit.note_placeholder"), on_change=_set_note, args=(item.id,),
            max_chars=5000,
        )


def _neighbours(pillar_id: str):
    order = [p for p in PAGES if p.pillar]
    idx = next(i for i, p in enumerate(order) if p.pillar == pillar_id)
    prev = order[idx - 1] if idx > 0 else None
    nxt = order[idx + 1] if idx + 1 < len(order) else None
    return prev, nxt


def render_pillar(pillar_id: str) -> None:
    model = state.model()
    lang = state.lang()
    pillar = model.pillar(pillar_id)
    a = state.assessment()

    st.title(pillar.title(lang))
    st.caption(pillar.description(lang))
    progress = st.empty()  # filled after the questions, so it counts the answer just given

    labels = {o.value: o.label(lang) for o in model.answer_scale}
    scale_help = _scale_help(lang)
    details_label = state.t("audit.details")
    for number, item in enumerate(pillar.items, start=1):
        _question(item, number, lang, labels, scale_help, details_label)

    answered = sum(1 for it in pillar.items if a.value(it.id) is not None)
    progress.progress(answered / len(pillar.items),
                      text=state.t("audit.pillar_progress", answered=answered, total=len(pillar.items)))
    if answered == len(pillar.items):
        st.success(state.t("audit.done"))
    prev, nxt = _neighbours(pillar_id)
    if nxt:
        st.page_link(nxt.path, label=state.t("nav.next", title=model.pillar(nxt.pillar).short_title(lang)),
                     icon=":material/arrow_forward:")
    else:
        st.page_link("pages/results.py", label=state.t("nav.to_results"), icon=":material/insights:")
    if prev:
        st.page_link(prev.path, label=state.t("nav.prev", title=model.pillar(prev.pillar).short_title(lang)),
                     icon=":material/arrow_back:")
