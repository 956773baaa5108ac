"""Action plan: targets per pillar, owner / due date / status / include per action, the PDF."""
from datetime import date

import streamlit as st

from i18n import format_number
from i18n.problems import first_line
from report import MAX_LOGO_BYTES, LogoError, load_logo
from scoring.plan import STATUSES, build_plan, edit_action, set_target
from ui import downloads, state, upload

model = state.model()
lang = state.lang()
a = state.assessment()
scores = state.scores()
plan = build_plan(model, a, scores)
EDITOR_KEY = "plan_actions"
ROWS_KEY = "plan_action_rows"        # item ids of the editor's rows, in the order last drawn
APPLIED_KEY = "plan_action_applied"  # the editor's edits already applied to the assessment
LOGO_KEY = "plan_logo"
LOGO_OK_KEY = "plan_logo_ok"
# Shown columns and their widths in px. At 1400 px the main area is about 940 px wide: the fixed
# columns take what their longest Greek or English header or value needs, and the action gets the
# rest, wrapped over up to four lines (rows over 64 px high let the grid wrap text; a double click
# shows the whole text). The item id is left out here: the area says where an action comes from,
# and the PDF lists the ids.
COLUMNS = {"include": 104, "rank": 44, "action": 240, "pillar": 104, "wave": 108, "owner": 120, "due": 108,
           "status": 112}
ROW_HEIGHT = 76
VISIBLE_ROWS = 7


def _level_option(level: int) -> str:
    return state.t("plan.level_option", level=level, name=model.level(level).name(lang))


def _set_target(pillar_id: str) -> None:
    set_target(state.assessment(), pillar_id, st.session_state.get(f"plan_target_{pillar_id}"))
    state.changed()


def _status_labels() -> dict[str, str]:
    return {s: state.t(f"report.status.{s}") for s in STATUSES}


def _apply_edits() -> None:
    """data_editor reports every edit since it was drawn first, as {row: {column: value}}, the
    rows being those it was last drawn with. So each row is mapped to its item by the order drawn
    last (ROWS_KEY; the plan's order shifts as answers change, here or in another tab), and only
    the fields that changed since the last callback are applied: a field edited earlier is not
    set again over a newer value from another tab."""
    edits = (st.session_state.get(EDITOR_KEY) or {}).get("edited_rows", {})
    drawn = st.session_state.get(ROWS_KEY) or []
    applied = st.session_state.get(APPLIED_KEY) or {}
    current = state.assessment()
    back = {v: k for k, v in _status_labels().items()}
    for row, change in edits.items():
        row = int(row)
        if row >= len(drawn):
            continue
        before = applied.get(row, {})
        change = {k: v for k, v in change.items() if k not in before or before[k] != v}
        fields = {}
        if "include" in change:
            fields["include"] = bool(change["include"])
        if "owner" in change:
            fields["owner"] = (change["owner"] or "")[:200]
        if "due" in change:
            due = change["due"]
            fields["due"] = date.fromisoformat(str(due)[:10]) if due else None
        if "status" in change and change["status"] in back:
            fields["status"] = back[change["status"]]
        if fields:
            edit_action(current, drawn[row], **fields)
    st.session_state[APPLIED_KEY] = {int(r): dict(c) for r, c in edits.items()}
    state.changed()


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
cols = st.columns(len(model.pillars))
for col, p in zip(cols, model.pillars, strict=True):
    tg = plan.targets[p.id]
    key = f"plan_target_{p.id}"
    if st.session_state.get(key) != tg.target:
        st.session_state[key] = tg.target  # follow the assessment (an import, another tab)
    with col:
        st.selectbox(p.short_title(lang), options=[1, 2, 3, 4, 5], format_func=_level_option, key=key,
                     on_change=_set_target, args=(p.id,))
        today = _level_option(tg.current) if tg.current else state.t("report.level_none")
        st.caption(state.t("plan.target_today", level=today) + (f" · {state.t('plan.target_met')}" if tg.met else ""))

st.subheader(state.t("plan.actions"))
if not plan.actions:
    st.success(state.t("plan.no_gaps"), icon=":material/celebration:")
else:
    st.caption(state.t("plan.actions_help"))
    labels = _status_labels()
    rows = [{
        "include": act.include,
        "rank": act.rank,
        "action": act.text(lang),
        "pillar": model.pillar(act.pillar).short_title(lang),
        "item": act.item,
        "wave": state.t(f"plan.phase.{act.phase}" if act.phase else
                        ("plan.phase.none" if act.include else "plan.phase.later")),
        "owner": act.owner,
        "due": act.due,
        "status": labels[act.status],
    } for act in plan.actions]
    st.session_state[ROWS_KEY] = [act.item for act in plan.actions]
    w = COLUMNS
    st.data_editor(
        rows, key=EDITOR_KEY, on_change=_apply_edits, hide_index=True, width="stretch",
        column_order=tuple(COLUMNS), num_rows="fixed",
        disabled=("rank", "action", "pillar", "item", "wave"),
        placeholder="",  # an empty due date (or the rank of a left-out action) shows empty, not "None"
        row_height=ROW_HEIGHT, height=38 + ROW_HEIGHT * min(len(rows), VISIBLE_ROWS),
        column_config={
            "include": st.column_config.CheckboxColumn(state.t("plan.col.include"), width=w["include"]),
            "rank": st.column_config.NumberColumn(state.t("report.col.rank"), width=w["rank"]),
            "action": st.column_config.TextColumn(state.t("report.col.action"), width=w["action"]),
            "pillar": st.column_config.TextColumn(state.t("report.col.pillar"), width=w["pillar"]),
            "wave": st.column_config.TextColumn(state.t("plan.col.wave"), width=w["wave"]),
            "owner": st.column_config.TextColumn(state.t("report.col.owner"), width=w["owner"], max_chars=200),
            "due": st.column_config.DateColumn(state.t("report.col.due"), width=w["due"], format="DD/MM/YYYY"),
            "status": st.column_config.SelectboxColumn(state.t("report.col.status"), width=w["status"],
                                                       options=list(labels.values()), required=True),
        },
    )

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
