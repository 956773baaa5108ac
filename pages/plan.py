"""Action plan: targets per section, the hours a week the business can give, one card per action
(owner, due date, status, in or out), the files to download, and an edited Excel tracker brought back."""
import streamlit as st

from i18n import format_number
from i18n.problems import first_line
from report import MAX_LOGO_BYTES, LogoError, load_logo
from scoring.plan import build_plan
from ui import downloads, plan_cards, plan_tracker, plan_widgets, state, upload

model = state.model()
lang = state.lang()
state.apply_widget_edits()  # the cards' edits (bound widgets, ui/plan_cards.py), before the plan is built
a = state.assessment()
scores = state.scores()
plan = build_plan(model, a, scores)
LOGO_KEY = "plan_logo"
LOGO_OK_KEY = "plan_logo_ok"


def _level_option(level: int) -> str:
    return state.t("plan.level_option", level=level, name=model.level(level).name(lang))


def _store_logo() -> None:
    uploaded = st.session_state.get(LOGO_KEY)
    st.session_state.pop(LOGO_OK_KEY, None)
    if uploaded is None:
        return
    data = uploaded.getvalue()
    try:
        load_logo(data)
    except LogoError as exc:
        st.session_state[LOGO_OK_KEY] = ("error", exc.problems)  # rendered when drawn, in the page's language
        return
    st.session_state[LOGO_OK_KEY] = ("ok", data)


def _logo_bytes() -> bytes | None:
    logo = st.session_state.get(LOGO_OK_KEY)
    return logo[1] if logo and logo[0] == "ok" else None


st.title(state.t("plan.title"))
st.write(state.t("plan.intro"))

if scores.overall_score is None and not scores.answered:
    st.info(state.t("plan.empty"), icon=":material/info:")
    if st.button(state.t("plan.go_audit"), type="primary", key="plan_go_audit"):
        st.switch_page("pages/audit_cx_plan.py")
    st.stop()

if scores.completeness < 1:
    st.warning(state.t("plan.provisional", pct=format_number(100 * scores.completeness, lang) + " %"),
               icon=":material/hourglass_top:")

counts = plan.counts()
c1, c2, c3, c4 = st.columns(4)
c1.metric(state.t("plan.m_actions"), format_number(counts["included"], lang))
c2.metric(state.t("plan.m_quick"), format_number(counts["start_now"], lang))
c3.metric(state.t("plan.m_done"), f"{format_number(counts['done'], lang)} / {format_number(counts['included'], lang)}")
c4.metric(
    state.t("plan.m_owner"), f"{format_number(counts['with_owner'], lang)} / {format_number(counts['included'], lang)}"
)

st.subheader(state.t("plan.targets"))
st.caption(state.t("plan.targets_help"))
# Side by side while they fit, wrapping onto a second row on a tablet or a phone.
with st.container(horizontal=True, gap="small"):
    for p in model.pillars:
        tg = plan.targets[p.id]
        key = f"{plan_widgets.TARGET_PREFIX}{p.id}"
        state.seed(key, tg.target)  # bound like the cards: applied by state.bind_edits() at run start
        with st.container(width=165):
            st.selectbox(p.short_title(lang), options=[1, 2, 3, 4, 5], format_func=_level_option, key=key)
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
upload.file_uploader(state.t("plan.logo"), key=LOGO_KEY, types=("png", "jpg", "jpeg"), kinds=("PNG", "JPEG"),
                     limit_mb=MAX_LOGO_BYTES // 1048576, on_change=_store_logo)
logo_state = st.session_state.get(LOGO_OK_KEY)
if logo_state and logo_state[0] == "error":
    st.error(state.t("plan.logo_bad", problem=first_line(logo_state[1], lang)), icon=":material/image_not_supported:")
elif logo_state:
    st.caption(state.t("plan.logo_ok"))
# Every file describes the assessment as this run drew it (see ui/downloads.py); the Word file and
# the Excel tracker are in the language of the page, for the person who will edit them.
frozen = downloads.snapshot(a)
stem = downloads.file_stem(a, "cxaudit")
logo_bytes = _logo_bytes()
left, right = st.columns(2)
for col, pdf_lang in ((left, "el"), (right, "en")):
    col.download_button(state.t(f"plan.download_{pdf_lang}"), data=downloads.pdf(model, frozen, pdf_lang, logo_bytes),
                        file_name=f"{stem}_plan_{pdf_lang}.pdf",
                        mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
                        key=f"plan_download_{pdf_lang}", type="primary" if pdf_lang == lang else "secondary",
                        width="stretch")
word_col, excel_col = st.columns(2)
word_col.download_button(state.t("plan.download_docx"), data=downloads.report(model, frozen, "docx", lang, logo_bytes),
                         file_name=f"{stem}_plan_{lang}.docx",
                         mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         icon=":material/description:", on_click="ignore", key="plan_download_docx",
                         width="stretch")
excel_col.download_button(state.t("plan.download_xlsx"), data=downloads.report(model, frozen, "xlsx", lang),
                          file_name=f"{stem}_tracker_{lang}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/table_view:", on_click="ignore", key="plan_download_xlsx",
                          width="stretch")

# An edited Excel tracker brought back: its changes shown, applied only when confirmed.
plan_tracker.upload_area(model, a, plan, lang)
