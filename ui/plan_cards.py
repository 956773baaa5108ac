"""The Plan page's editor: one card per action (owner, due date, status, in or out of the plan),
grouped by when it happens.

Every field is a keyed widget bound to one cell of the assessment (ui/state.py): its key says
what it edits (ui/plan_widgets.py), state.seed() makes it show the assessment before it is drawn,
and state.bind_edits() applies a change at the start of the run the change starts. No on_change
callbacks: in Streamlit 1.67 a newer click cuts a callback short and it is never called again
(ui/state.py), which is how the old grid lost owner edits. The owner is a text input, which
commits on blur, with taps on names already used: a selectbox with accept_new_options drops a
typed name unless Enter is pressed (measured in Chromium).
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import streamlit as st

from assessment.document import Assessment
from checklists.model import AuditModel
from i18n import format_number, sort_key, t
from scoring.phases import MAX_CAPACITY, phase_hours
from scoring.plan import (
    START_NOW_MAX,
    STATUSES,
    Plan,
    PlanAction,
    default_capacity,
    gain_text,
    hours_text,
    phase_words,
    when_text,
    why_text,
)
from ui import state
from ui.plan_widgets import CAPACITY_KEY, MAX_OWNER, key
from ui.text import md_escape

MAX_SUGGESTIONS = 6
LATER_KEY = "plan_later_open"  # the 'for later' list's expander (its state: open or closed)
OWNER_WIDTH, DUE_WIDTH = 260, 170  # px
CAPACITY_CHOICES = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0, 40.0, 60.0,
                    float(MAX_CAPACITY))
# The date picker's range: the tracker accepts dates from 2000 on; a stored date outside the
# range would make Streamlit refuse to draw the picker.
MIN_DUE, MAX_DUE = date(2000, 1, 1), date(2099, 12, 31)


# ---------------------------------------------------------------- drawing
def owner_names(a: Assessment) -> list[str]:
    """Names already given as owners in this audit, most used first, then in Greek order."""
    counts = Counter(e.owner.strip() for e in a.plan.actions.values() if e.owner and e.owner.strip())
    return sorted(counts, key=lambda n: (-counts[n], sort_key(n)))


def _about(model: AuditModel, act: PlanAction, lang: str) -> str:
    """The caption under an action: id, when, what it gives and costs, why it is on the list."""
    # A later gap's reason already starts "for later": no "for later" before it as well.
    when = [when_text(act, lang)] if act.include else []
    head = " · ".join([act.item, *when, gain_text(act, model, lang)])
    why = " ".join(why_text(r, model, lang) for r in act.why)
    return md_escape(head) + ("  \n" + md_escape(why) if why else "")


def _card(model: AuditModel, act: PlanAction, lang: str, names: list[str]) -> None:
    item = act.item
    state.seed(key("owner", item), act.owner, default="")
    state.seed(key("due", item), act.due)
    state.seed(key("status", item), act.status)  # drawn without a default: it would show none selected
    state.seed(key("include", item), act.include, default=False)
    with st.container(border=True, key=f"plan_card_{item}"):
        head, toggle = st.columns([5, 1.4], vertical_alignment="top")
        done = ":material/check_circle: " if act.status == "done" else ""
        # The action's number, the same as in the PDF, Word and Excel (scoring.plan numbers them).
        head.markdown(f"{done}**{act.rank}. {md_escape(act.text(lang))}**")
        head.caption(_about(model, act, lang))
        toggle.toggle(state.t("plan.col.include"), key=key("include", item))
        # A wrapping row: owner, date and status side by side on a laptop, two lines on a tablet,
        # one under the other on a phone; every control keeps a width its Greek labels fit in.
        with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
            st.text_input(state.t("report.col.owner"), key=key("owner", item), max_chars=MAX_OWNER,
                          placeholder=state.t("plan.owner_placeholder"), width=OWNER_WIDTH)
            st.date_input(state.t("report.col.due"), value=None, format="DD/MM/YYYY", key=key("due", item),
                          min_value=MIN_DUE, max_value=MAX_DUE, width=DUE_WIDTH)
            st.segmented_control(state.t("report.col.status"), STATUSES, required=True,
                                 format_func=lambda s: t(f"report.status.{s}", lang), key=key("status", item))
        others = [n for n in names if n != act.owner][:MAX_SUGGESTIONS]
        if others:
            # A tap gives the action this owner (applied like a typed name); then the pick is cleared.
            state.seed(key("pick", item), None)
            st.pills(state.t("plan.owner_suggest"), others, key=key("pick", item), label_visibility="collapsed")


def _later_row(model: AuditModel, act: PlanAction, lang: str) -> None:
    state.seed(key("include", act.item), act.include, default=False)
    text, toggle = st.columns([5, 1.4], vertical_alignment="top")
    text.markdown(md_escape(act.text(lang)))
    text.caption(_about(model, act, lang))
    toggle.toggle(state.t("plan.col.include"), key=key("include", act.item))


def capacity(model: AuditModel, a: Assessment, plan: Plan, lang: str) -> None:
    """The hours-a-week question; changing it places the actions again (the next run's plan)."""
    default = default_capacity(model, a.company.size)
    # A choice of round figures rather than a number box: no keyboard on a tablet, and the hours
    # read in the page's language ("1,5 ώρες", not "1.5"). A figure from a file is offered too.
    choices = sorted({*CAPACITY_CHOICES, default, plan.hours_per_week})
    state.seed(CAPACITY_KEY, plan.hours_per_week)
    st.selectbox(state.t("plan.capacity_question"), choices, index=None, key=CAPACITY_KEY,
                 format_func=lambda h: t("plan.capacity_option", lang, hours=hours_text(h, lang)),
                 help=state.t("plan.capacity_help", hours=hours_text(default, lang)))
    per_week = hours_text(plan.hours_per_week, lang)
    per_phase = hours_text(round(float(phase_hours(plan.hours_per_week)), 1), lang)
    lines = [state.t("plan.capacity_line", hours=per_week, phase=per_phase)]
    if not plan.capacity_chosen:
        size = state.t(f"size.{a.company.size}") if a.company.size else None
        lines.append(state.t("plan.capacity_default_size", size=size) if size else state.t("plan.capacity_default"))
    st.caption(" ".join(lines))
    overflow = plan.overflow
    if overflow:
        hours = hours_text(sum(x.hours for x in overflow), lang)
        if plan.hours_to_fit:
            st.warning(state.t("plan.overflow", count=len(overflow), hours=hours, per_week=per_week,
                               fit=hours_text(plan.hours_to_fit, lang)), icon=":material/schedule:")
        else:
            st.warning(state.t("plan.overflow_nofit", count=len(overflow), hours=hours, per_week=per_week),
                       icon=":material/schedule:")
    elif plan.included:
        st.caption(state.t("plan.all_fit", per_week=per_week))


def groups(plan: Plan) -> list[tuple[str, tuple[PlanAction, ...]]]:
    """(group, actions) in the order the page shows them: start now, each phase's other actions,
    those that do not fit in 90 days. Every included action is in exactly one group.

    "Start now" here is the first START_NOW_MAX actions that start in days 1–30 whatever their
    status: plan.start_now leaves done ones out (what to do next), but a card that jumped to
    another group when ticked "done" would move from under the user's finger."""
    first = tuple(a for a in plan.included if a.start_phase == 1)[:START_NOW_MAX]
    shown = {a.item for a in first}
    out = [("start_now", first)]
    for n in (1, 2, 3):
        out.append((f"phase_{n}", tuple(a for a in plan.included if a.phase == n and a.item not in shown)))
    out.append(("overflow", plan.overflow))
    return [(g, acts) for g, acts in out if acts]


def draw(model: AuditModel, a: Assessment, plan: Plan, lang: str) -> None:
    """The actions, grouped: start now, days 1–30, 31–60, 61–90, not fitting; then for later."""
    names = owner_names(a)
    for group, actions in groups(plan):
        if group == "start_now":
            st.markdown(f"#### :material/rocket_launch: {state.t('plan.start_now')}")
            st.caption(state.t("plan.start_now_help"))
        elif group == "overflow":
            st.markdown(f"#### {state.t('plan.phase.none')}")
            st.caption(state.t("plan.overflow_help"))
        else:
            n = int(group.removeprefix("phase_"))
            st.markdown(f"#### {state.t(f'plan.phase.{n}')}")
            load, note = phase_words(plan, n, lang)
            st.caption(" · ".join(x for x in (load, note) if x))
        for act in actions:
            _card(model, act, lang, names)
    later = plan.later
    if later:
        # Drawn only while open (a rerun on open and close): a full audit has some fifty later gaps,
        # and fifty switches drawn on every click would slow every card's edit for a list most
        # people open once.
        later_box = st.expander(state.t("plan.later_title", count=len(later)), icon=":material/schedule:",
                                key=LATER_KEY, on_change="rerun")
        if not later_box.open:
            return
        with later_box:
            st.caption(state.t("plan.later_help"))
            for pillar in model.pillars:
                acts = [x for x in later if x.pillar == pillar.id]
                if not acts:
                    continue
                st.markdown(f"**{md_escape(pillar.short_title(lang))}** · {format_number(len(acts), lang)}")
                for act in acts:
                    _later_row(model, act, lang)
