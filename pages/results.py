"""Results: overall and per-pillar maturity, charts, the biggest gaps, and the assessment file."""
import streamlit as st

from i18n import format_percent, format_score
from report.common import overall_explained
from scoring.plan import build_plan, gain_text, why_text
from ui import charts, downloads, persistence, state, upload
from ui.text import md_escape

model = state.worded_model()
lang = state.lang()
a = state.assessment()
scores = state.scores()
UPLOAD_KEY = "results_upload"
MESSAGE_KEY = "results_upload_message"


def _pct(x: float) -> str:
    return format_percent(100 * x, lang)


def _import_file() -> None:
    """Validate first (every problem listed, translated); only a valid file is stored and opened."""
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is not None:
        st.session_state[MESSAGE_KEY] = persistence.import_file(uploaded.getvalue())


def _show_messages() -> None:
    msg = st.session_state.pop(MESSAGE_KEY, None)
    if not msg:
        return
    for kind, text in msg if isinstance(msg, list) else [msg]:
        getattr(st, kind)(text)


def _export_and_import() -> None:
    st.subheader(state.t("results.export"))
    left, right = st.columns(2)
    # The caption says what the file is for, and stands where the uploader has its label, so the
    # button lines up with the dropzone beside it.
    left.caption(state.t("results.download_help"))
    left.download_button(state.t("results.download_json"), data=downloads.assessment_json(downloads.snapshot(a)),
                         file_name=downloads.download_name(a, "assessment", lang, "json"),
                         mime="application/json", icon=":material/download:", on_click="ignore",
                         key="results_download_json")
    upload.assessment_uploader(state.t("results.upload"), key=UPLOAD_KEY, container=right, on_change=_import_file)
    _show_messages()
    if persistence.import_choice("results"):  # a file of a stored assessment
        st.rerun()


st.title(state.t("results.title"))

def _empty() -> None:
    st.info(state.t("results.empty"), icon=":material/info:")
    if st.button(state.t("results.go_start"), type="primary", key="results_go_start"):
        st.switch_page("pages/audit_cx_plan.py")


def _results() -> None:
    overall_level = model.level(scores.overall_level)
    # The level has its own line: a level name in a third of the width was cut at 1024 px ("3. Οργαν…").
    st.metric(
        state.t("results.overall"),
        state.t("results.level_value", level=overall_level.level, name=overall_level.name(lang)),
    )
    c2, c3 = st.columns(2)
    c2.metric(state.t("results.overall_score"), format_score(scores.overall_score, lang) + " / 100")
    c3.metric(state.t("results.completeness"), _pct(scores.completeness))
    st.write(overall_level.description(lang))
    # The result is a step on the way: the plan is what the person acts on, so it is the next click.
    if st.button(state.t("results.go_plan"), type="primary", icon=":material/checklist:", key="results_go_plan"):
        st.switch_page("pages/plan.py")
    if scores.completeness < 1:
        st.warning(state.t("results.partial", pct=_pct(scores.completeness)), icon=":material/hourglass_top:")
    explained = overall_explained(model, scores, lang)
    if scores.holds_back:
        explained.append(state.t("results.overall_capped", pillar=model.pillar(scores.holds_back).title(lang)))
    if explained:
        st.caption(md_escape(" ".join(explained)))

    rows = []
    for p in model.pillars:
        ps = scores.pillars[p.id]
        rows.append({"pillar": p.short_title(lang), "score": ps.score, "level": ps.level,
                     "level_name": model.level(ps.level).name(lang) if ps.level else state.t("results.no_score")})
    frame = charts.pillar_frame(rows)
    left, right = st.columns(2)
    with left:
        st.subheader(state.t("results.radar"))
        st.altair_chart(charts.radar_chart(frame, state.t("chart.score"), unscored=state.t("results.not_assessed")),
                        width="stretch")
    with right:
        st.subheader(state.t("results.bars"))
        st.altair_chart(
            charts.bar_chart(frame, state.t("chart.score"), state.t("chart.pillar"), state.t("chart.level"),
                             model.level_colors),
            width="stretch",
        )

    st.subheader(state.t("results.by_pillar"))
    for p in model.pillars:
        ps = scores.pillars[p.id]
        with st.container(border=True):
            head, score_col, done_col = st.columns([3, 1, 1])
            head.markdown(f"**{p.title(lang)}**")
            if ps.level:
                lv = model.level(ps.level)
                head.markdown(
                    f"{state.t('results.pillar_level', level=lv.level, name=lv.name(lang))}  \n{lv.description(lang)}"
                )
                score_col.metric(state.t("results.col_score"), format_score(ps.score, lang))
            else:
                head.caption(state.t("results.no_score"))
            done_col.metric(state.t("results.col_completeness"), _pct(ps.completeness))
            if ps.capped_by:
                items = "; ".join(
                    f"{i} «{model.items[i].text(lang)}»" if lang == "el" else f"{i} ‘{model.items[i].text(lang)}’"
                    for i in ps.capped_by
                )
                st.error(state.t("results.capped", pillar=p.title(lang), items=items, count=len(ps.capped_by)),
                         icon=":material/block:")

    st.subheader(state.t("results.gaps"))
    if not scores.gaps:
        st.success(state.t("results.no_gaps"))
    # The plan's order: what lifts each area to its target first (critical questions only where
    # they hold a level down), then what is for later; each says why it is on the list.
    plan = build_plan(model, a, scores)
    for n, act in enumerate(plan.actions[:10], start=1):
        item = model.items[act.item]
        answer = model.option(act.value, act.item).label(lang)
        why = " ".join(why_text(r, model, lang) for r in act.why)
        gain = gain_text(act, model, lang)
        answered = state.t("results.gap_answer", answer=answer)
        where = f"{act.item} · {model.pillar(act.pillar).short_title(lang)} · {answered}"
        st.markdown(
            f"**{n}. {item.text(lang)}**  \n"
            f":gray[{where}]  \n"
            f"**{state.t('results.gap_action')}:** {act.text(lang)}  \n"
            f"{why}  \n:gray[{gain}]"
        )

if scores.overall_score is None:
    _empty()
else:
    _results()
_export_and_import()
