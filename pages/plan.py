"""Action plan: targets per section, the hours a week the business can give, one card per action
(owner, due date, status, in or out), the files to download, and an edited Excel tracker brought back."""
import streamlit as st

from i18n import format_number, format_percent
from scoring.plan import build_plan
from scoring.selection import MAX_LEVEL
from ui import branding, downloads, plan_cards, plan_tracker, plan_widgets, state

model = state.worded_model()
lang = state.lang()
state.apply_widget_edits()  # the cards' edits (bound widgets, ui/plan_cards.py), before the plan is built
a = state.assessment()
scores = state.scores()
plan = build_plan(model, a, scores)


def _level_option(level: int) -> str:
    return state.t("plan.level_option", level=level, name=model.level(level).name(lang))


st.title(state.t("plan.title"))
st.write(state.t("plan.intro"))

if scores.overall_score is None and not scores.answered:
    st.info(state.t("plan.empty"), icon=":material/info:")
    if st.button(state.t("plan.go_audit"), type="primary", key="plan_go_audit"):
        st.switch_page("pages/audit_cx_plan.py")
    st.stop()

if scores.completeness < 1:
    st.warning(state.t("plan.provisional", pct=format_percent(100 * scores.completeness, lang)),
               icon=":material/hourglass_top:")

counts = plan.counts()
included = format_number(counts["included"], lang)
# Four across on a laptop, two by two on a phone (st.columns would stack them one per line).
with st.container(horizontal=True, horizontal_alignment="distribute", key="plan_metrics"):
    st.metric(state.t("plan.m_actions"), included, width=150)
    st.metric(state.t("plan.m_quick"), format_number(counts["start_now"], lang), width=150)
    st.metric(state.t("plan.m_done"), f"{format_number(counts['done'], lang)} / {included}", width=150)
    st.metric(state.t("plan.m_owner"), f"{format_number(counts['with_owner'], lang)} / {included}", width=150)

st.subheader(state.t("plan.targets"))
st.caption(state.t("plan.targets_help"))
# Side by side while they fit, wrapping onto a second row on a tablet or a phone.
with st.container(horizontal=True, gap="small"):
    for p in model.pillars:
        tg = plan.targets[p.id]
        key = f"{plan_widgets.TARGET_PREFIX}{p.id}"
        # Only levels above today's are targets (a stored choice at or below it stays shown, as
        # the plan reads it: target met); a section at the top level has nothing to pick.
        above = [lv for lv in range(1, MAX_LEVEL + 1) if lv > (tg.current or 0)]
        with st.container(width=165):
            if not above:   # shown like the others, greyed out; its key is bound to nothing
                st.selectbox(p.short_title(lang), options=[tg.current], format_func=_level_option,
                             disabled=True, key=f"plan_top_{p.id}")
                st.caption(state.t("plan.target_top"))
                continue
            options = above if tg.target in above else [tg.target, *above]
            state.seed(key, tg.target)  # bound like the cards: applied by state.bind_edits() at run start
            st.selectbox(p.short_title(lang), options=options, format_func=_level_option, key=key)
            today = _level_option(tg.current) if tg.current else state.t("report.level_none")
            met = f" · {state.t('plan.target_met')}" if tg.met else ""
            st.caption(state.t("plan.target_today", level=today) + met)

st.subheader(state.t("plan.capacity"))
plan_cards.capacity(model, a, plan, lang)

st.subheader(state.t("plan.actions"))
if not plan.actions:
    st.success(state.t("plan.no_gaps"), icon=":material/celebration:")
else:
    st.caption(state.t("plan.actions_help"))
    plan_cards.draw(model, a, plan, lang)

st.subheader(state.t("plan.download"))
st.caption(state.t("plan.download_help"))
# Set once, kept in the database (ui/branding.py); every file uses it (ui/downloads.py). Each file
# describes the assessment as this run drew it; Word and Excel are in the page's language.
brand = branding.section(a.id)
downloads.area(model, a, lang, brand)

# An edited Excel tracker brought back: its changes shown, applied only when confirmed.
plan_tracker.upload_area(model, a, plan, lang)
