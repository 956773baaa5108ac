"""The one renderer behind the five audit pages: every question of a pillar with the answer scale,
the why/evidence hints and an optional note, drawn from the model."""
from __future__ import annotations

import streamlit as st

from checklists.model import ANSWER_VALUES, Item
from ui import state
from ui.nav import PAGES


def answer_key(item_id: str, lang: str) -> str:
    """Widget key of a question's answer. It carries the language because the browser keeps a
    radio's selection only while its option labels stay the same: a new key per language makes
    it draw the stored answer afresh after a language switch."""
    return f"ans_{lang}_{item_id}"


def _set_answer(item_id: str, key: str) -> None:
    state.assessment().set_value(item_id, st.session_state.get(key))
    state.changed()


def _set_note(item_id: str) -> None:
    state.assessment().set_note(item_id, st.session_state.get(f"note_{item_id}") or "")
    state.changed()


def _scale_help(lang: str) -> str:
    return "\n\n".join(f"**{o.label(lang)}**: {o.descriptor(lang)}" for o in state.model().answer_scale)


def _question(item: Item, number: int, lang: str, labels: dict, scale_help: str) -> None:
    a = state.assessment()
    value = a.value(item.id)
    label = f"**{number}.** {item.text(lang)}"
    if item.critical:
        label += f" :orange-badge[{state.t('audit.critical')}]"
    st.radio(
        label, options=ANSWER_VALUES, format_func=labels.__getitem__,
        index=ANSWER_VALUES.index(value) if value is not None else None,
        key=answer_key(item.id, lang), horizontal=True, on_change=_set_answer, args=(item.id, answer_key(item.id, lang)),
        help=scale_help + ("\n\n" + state.t("audit.critical_help") if item.critical else ""),
    )
    # A stateful expander: its hints and note are drawn only while it is open, which keeps the
    # rerun of a page of ten questions close to that of ten bare radios (bench/bench_app.py).
    note = a.note(item.id)
    details = st.expander(state.t("audit.details_with_note") if note else state.t("audit.details"),
                          key=f"details_{item.id}", on_change="rerun",
                          icon=":material/edit_note:" if note else None)
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
    st.write(pillar.description(lang))
    answered = sum(1 for it in pillar.items if a.value(it.id) is not None)
    st.progress(answered / len(pillar.items),
                text=state.t("audit.pillar_progress", answered=answered, total=len(pillar.items)))

    labels = {o.value: o.label(lang) for o in model.answer_scale}
    scale_help = _scale_help(lang)
    for number, item in enumerate(pillar.items, start=1):
        _question(item, number, lang, labels, scale_help)

    if answered == len(pillar.items):
        st.success(state.t("audit.done"))
    prev, nxt = _neighbours(pillar_id)
    left, right = st.columns(2)
    if prev:
        left.page_link(prev.path, label=state.t("nav.prev", title=model.pillar(prev.pillar).short_title(lang)))
    if nxt:
        right.page_link(nxt.path, label=state.t("nav.next", title=model.pillar(nxt.pillar).short_title(lang)))
    else:
        right.page_link("pages/results.py", label=state.t("nav.to_results"))
