"""The Measure page: upload a survey export, map its columns, see NPS/CSAT/CES with intervals,
breakdowns and the answers that were not counted, and save the result to the assessment
(Assessment.save_survey: one result per metric and column). The charts are ui/survey_charts.py.

The uploaded file's bytes live in st.session_state[BYTES_KEY] (name in NAME_KEY), so the
analysis runs without the uploader widget (tests put bytes there directly).
"""
from __future__ import annotations

import logging
from typing import Any

import pandas as pd
import streamlit as st

from assessment.survey_result import SurveyResult
from i18n import format_number
from surveys.analysis import analyze_table
from surveys.columns import guess_columns
from surveys.errors import SurveyInputError
from surveys.evidence import evidence_line, format_value
from surveys.reading import read_table
from surveys.scales import SMALL_SAMPLE
from surveys.source import DEFAULT_MAX_BYTES
from ui import state, upload
from ui.survey_charts import distribution_chart, groups_chart, groups_legend, segments_chart, trend_chart
from ui.text import md_escape

log = logging.getLogger(__name__)

UPLOAD_KEY = "measure_upload"       # the st.file_uploader widget
BYTES_KEY = "measure_bytes"         # the file's content (bytes)
NAME_KEY = "measure_name"           # the file's name
TABLE_KEY = "measure_table"         # (cache key, ImportedTable) of the last read
MESSAGE_KEY = "measure_message"     # (kind, text) shown once after save/remove
ENCODING_KEY = "measure_encoding"
SEP_KEY = "measure_sep"

METRICS = ("nps", "csat", "ces")
ENCODINGS = ("auto", "utf-8", "cp1253", "utf-16", "latin-1")
SEPARATORS = ("auto", ";", ",", "\t", "|")
SEP_NAMES = {";": "measure.sep.semicolon", ",": "measure.sep.comma", "\t": "measure.sep.tab",
             "|": "measure.sep.pipe"}


# ---------------------------------------------------------------- helpers
def _on_upload() -> None:
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        st.session_state.pop(BYTES_KEY, None)
        st.session_state.pop(NAME_KEY, None)
    else:
        st.session_state[BYTES_KEY] = uploaded.getvalue()
        st.session_state[NAME_KEY] = uploaded.name
    st.session_state.pop(TABLE_KEY, None)


def error_text(exc: SurveyInputError, lang: str) -> str:
    # Strings in the params come from the file (a column header, a sheet name): shown as typed.
    params = {k: (format_number(v, lang, 1) if isinstance(v, float)
                  else format_number(v, lang, 0) if isinstance(v, int) and not isinstance(v, bool) and k != "line"
                  else md_escape(v) if isinstance(v, str) else v) for k, v in exc.params.items()}
    text = state.t(f"metrics.error.{exc.code}", **_safe(params))
    return text if not text.startswith("metrics.error.") else md_escape(exc.message)


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "–"


def _safe(params: dict[str, Any]) -> dict[str, Any]:
    return _Safe(params)


def warning_text(w: dict[str, Any]) -> str:
    key = w.get("message_key") or f"metrics.warning.{w.get('code')}"
    # `count` stays a number: t() picks the singular or plural text by it and formats it.
    params = {k: (format_number(v, state.lang(), 0) if isinstance(v, int) and not isinstance(v, bool)
                  and k != "count" else md_escape(v) if isinstance(v, str) else v)
              for k, v in (w.get("params") or {}).items()}
    text = state.t(key, **_Safe(params))
    return md_escape(w.get("message", key)) if text == key else text


def _read(data: bytes, name: str | None, encoding: str | None, sep: str | None):
    """read_table once per (file, encoding, separator); the table is kept in the session."""
    key = (hash(data), len(data), name, encoding, sep)
    held = st.session_state.get(TABLE_KEY)
    if held and held[0] == key:
        return held[1]
    table = read_table(data, encoding=encoding, sep=sep, max_bytes=DEFAULT_MAX_BYTES, filename=name)
    st.session_state[TABLE_KEY] = (key, table)
    return table


def _fmt(result: dict[str, Any], x: float | None) -> str:
    return format_value(x, result["metric"], result.get("formula_id"), state.lang())


def _save(result: dict[str, Any], name: str | None) -> None:
    a = state.assessment()
    entry = SurveyResult.from_analysis(result, source=name)
    replaced = a.save_survey(entry)
    key = "measure.replaced_ok" if replaced else "measure.saved_ok"
    st.session_state[MESSAGE_KEY] = ("success", state.t(key, line=evidence_line(entry, state.lang())))
    state.changed()  # last: a version conflict found by autosave ends the callback here


def _remove(key: tuple[str, str | None]) -> None:
    gone = state.assessment().remove_survey(key)
    if gone is not None:
        st.session_state[MESSAGE_KEY] = ("info", state.t("measure.removed", line=evidence_line(gone, state.lang())))
        state.changed()  # last, as above


# ---------------------------------------------------------------- page parts
def _read_options(table_or_none, detected: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """Encoding and separator selectboxes; returns the overrides (None = automatic)."""
    enc_found, sep_found = detected

    def enc_label(v: str) -> str:
        if v == "auto":
            return state.t("measure.auto_found", value=enc_found) if enc_found else state.t("measure.auto")
        return v

    def sep_label(v: str) -> str:
        if v == "auto":
            shown = state.t(SEP_NAMES[sep_found]) if sep_found in SEP_NAMES else sep_found
            return state.t("measure.auto_found", value=shown) if sep_found else state.t("measure.auto")
        return state.t(SEP_NAMES[v])

    c1, c2 = st.columns(2)
    enc = c1.selectbox(state.t("measure.encoding"), ENCODINGS, format_func=enc_label, key=ENCODING_KEY)
    sep = c2.selectbox(state.t("measure.separator"), SEPARATORS, format_func=sep_label, key=SEP_KEY)
    return (None if enc == "auto" else enc), (None if sep == "auto" else sep)


def _chosen(key: str, options: tuple[str, ...]) -> str:
    """The option chosen in a read-options box, "auto" for anything else. Streamlit hands back
    the label the browser still shows when the labels have changed ("Automatic (utf-8)" after
    a file of another encoding, or in the other language): that is no encoding to read with."""
    value = st.session_state.get(key, "auto")
    if value not in options:
        value = st.session_state[key] = "auto"
    return value


def _mapping(table, token: str) -> dict[str, Any]:
    df = table.df
    cols = [str(c) for c in df.columns]
    held = st.session_state.get(f"measure_guess_{token}")
    if held is None:
        held = guess_columns(df)
        st.session_state[f"measure_guess_{token}"] = held
    guesses = held
    st.subheader(state.t("measure.mapping"))
    first = next((m for m in METRICS if guesses.get(m)), "nps")
    c1, c2 = st.columns(2)
    metric = c1.selectbox(state.t("measure.metric_type"), METRICS, index=METRICS.index(first),
                          format_func=lambda m: state.t(f"measure.metric.{m}"), key=f"measure_metric_{token}")
    guess = guesses.get(metric)
    column = c2.selectbox(state.t("measure.column"), cols, index=cols.index(guess) if guess in cols else 0,
                          key=f"measure_column_{token}_{metric}")
    none = state.t("measure.none")
    optional = [None, *cols]

    def opt_label(c: str | None) -> str:
        return none if c is None else c

    c3, c4 = st.columns(2)
    date_col = c3.selectbox(state.t("measure.date_column"), optional, format_func=opt_label,
                            index=optional.index(guesses.get("date")) if guesses.get("date") in cols else 0,
                            key=f"measure_date_{token}")
    seg_col = c4.selectbox(state.t("measure.segment_column"), optional, format_func=opt_label,
                           index=optional.index(guesses.get("segment")) if guesses.get("segment") in cols else 0,
                           key=f"measure_segment_{token}")
    c5, c6 = st.columns(2)
    ces_scale = 7
    if metric == "ces":
        ces_scale = c5.selectbox(
            state.t("measure.ces_scale"),
            (7, 5),
            format_func=lambda s: state.t(f"measure.ces_scale.{s}"),
            key=f"measure_ces_scale_{token}",
        )
    freq = "M"
    if date_col is not None:
        freq = (
            c6.segmented_control(
                state.t("measure.freq"),
                ("M", "Q"),
                default="M",
                format_func=lambda f: state.t(f"measure.freq.{f}"),
                key=f"measure_freq_{token}",
            )
            or "M"
        )
    return {"metric": metric, "column": column, "date": date_col, "segment": seg_col, "ces_scale": ces_scale,
            "freq": freq, "guesses": {**guesses, "date": date_col, "segment": seg_col}}


def _show_result(result: dict[str, Any], name: str | None) -> None:
    lang = state.lang()
    st.subheader(state.t("measure.result"))
    n = result["n"] or 0
    c1, c2, c3, c4 = st.columns([1.1, 1.4, 1.2, 1])
    c1.metric(result["metric"].upper(), _fmt(result, result["value"]),
              help=state.t(f"measure.formula.{result['formula_id']}"))
    interval = (
        state.t("measure.interval_value", low=_fmt(result, result["ci_low"]), high=_fmt(result, result["ci_high"]))
        if result["ci_low"] is not None
        else "–"
    )
    c2.metric(state.t("measure.interval"), interval, help=state.t("measure.interval_help"))
    c3.metric(state.t("measure.n"), format_number(n, lang, 0))
    c4.metric(state.t("measure.not_counted"), format_number(len(result["invalid_rows"]), lang, 0))
    caption = state.t(f"measure.formula.{result['formula_id']}")
    if result["metric"] != "ces" and result.get("mean") is not None:
        caption += " " + state.t("measure.mean_note", mean=format_number(result["mean"], lang, 1),
                                 scale=str(result["scale"]).replace("-", "–"))
    st.caption(caption)
    if n == 0:
        st.error(state.t("measure.no_data"), icon=":material/error:")
    elif n < SMALL_SAMPLE:
        st.warning(state.t("measure.small_sample", n=format_number(n, lang, 0), threshold=SMALL_SAMPLE),
                   icon=":material/warning:")
    shown = {"small_sample", "no_data", "invalid_rows"}   # said above / by the table below
    for w in result["warnings"]:
        if w.get("code") not in shown:
            st.caption(":material/info: " + warning_text(w))
    if n == 0:
        return

    titles = {"period": state.t("measure.chart.period"), "value": result["metric"].upper(),
              "low": state.t("measure.chart.low"), "high": state.t("measure.chart.high"),
              "segment": state.t("measure.chart.segment")}
    left, right = st.columns(2)
    with left:
        if result["metric"] == "nps":
            st.markdown(f"**{state.t('measure.chart.groups')}**")
            labels = {g: state.t(f"measure.group.{g}") for g in ("detractors", "passives", "promoters")}
            share = state.t("measure.chart.share") + " (%)"
            st.altair_chart(groups_chart(result, labels, share, lang), width="stretch")
            st.caption(groups_legend(result, labels, lang))
        st.markdown(f"**{state.t('measure.chart.distribution')}**")
        st.altair_chart(distribution_chart(result, state.t("measure.chart.score"), state.t("measure.chart.answers")),
                        width="stretch")
    with right:
        periods = [p for p in result["by_period"] if p.get("n")]
        if result["columns"].get("date"):
            st.markdown(f"**{state.t('measure.chart.trend')}**")
            if len(periods) >= 2:
                st.altair_chart(trend_chart(periods, result, lang, titles), width="stretch")
                st.caption(state.t("measure.chart.trend_caption"))
            else:
                st.caption(state.t("measure.chart.one_period"))
        segments = [s for s in result["by_segment"] if s.get("n")]
        if segments:
            st.markdown(f"**{state.t('measure.chart.segments')}**")
            st.altair_chart(segments_chart(segments, result, state.t("measure.no_segment"), titles), width="stretch")
            st.caption(state.t("measure.chart.segments_caption"))

    if st.button(state.t("measure.save"), type="primary", icon=":material/save:", key="measure_save",
                 help=state.t("measure.save_help")):
        _save(result, name)
        st.rerun()
    _invalid_tables(result)


def _reason_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame({
        state.t("measure.col.line"): [r["line"] for r in rows],
        state.t("measure.col.value"): ["" if r.get("value") is None else str(r["value"]) for r in rows],
        state.t("measure.col.reason"): [state.t(f"measure.reason.{r['reason']}") for r in rows],
    })


def _invalid_tables(result: dict[str, Any]) -> None:
    st.subheader(state.t("measure.invalid.title"))
    rows = result["invalid_rows"]
    if not rows:
        st.caption(state.t("measure.invalid.none"))
    else:
        st.caption(state.t("measure.invalid.intro"))
        st.dataframe(_reason_frame(rows), hide_index=True, width="stretch", height=min(38 + 35 * len(rows), 320))
    if result.get("invalid_dates"):
        st.markdown(f"**{state.t('measure.invalid_dates.title')}**")
        st.dataframe(_reason_frame(result["invalid_dates"]), hide_index=True, width="stretch",
                     height=min(38 + 35 * len(result["invalid_dates"]), 250))


def _saved_list() -> None:
    a = state.assessment()
    st.subheader(state.t("measure.saved.title"))
    if not a.surveys:
        st.caption(state.t("measure.saved.none"))
        return
    lang = state.lang()
    for i, s in enumerate(a.surveys):
        with st.container(border=True):
            text, button = st.columns([5, 1], vertical_alignment="center")
            meta = state.t("measure.saved.meta", source=md_escape(s.source) or "–", column=md_escape(s.column) or "–")
            text.markdown(f"**{evidence_line(s, lang)}**  \n:gray[{meta}]")
            button.button(state.t("measure.remove"), key=f"measure_remove_{i}", icon=":material/delete:",
                          on_click=_remove, args=(s.key,))


def render() -> None:
    st.title(state.t("measure.title"))
    st.caption(state.t("measure.intro"))
    msg = st.session_state.pop(MESSAGE_KEY, None)
    if msg:
        getattr(st, msg[0])(msg[1])
    upload.file_uploader(state.t("measure.upload"), key=UPLOAD_KEY, types=("csv", "txt", "tsv", "xlsx"),
                         kinds=("CSV", "XLSX"), limit_mb=DEFAULT_MAX_BYTES // 1048576, on_change=_on_upload)
    data = st.session_state.get(BYTES_KEY)
    name = st.session_state.get(NAME_KEY)
    if data is None:
        st.info(state.t("measure.empty"), icon=":material/upload_file:")
    else:
        _analysis(data, name)
    _saved_list()


def _analysis(data: bytes, name: str | None) -> None:
    lang = state.lang()
    try:
        if name and st.session_state.get(UPLOAD_KEY) is None:   # the uploader shows the name itself
            st.markdown(state.t("measure.file", name=md_escape(name)))
        held = st.session_state.get(TABLE_KEY)
        detected = (None, None)
        enc, sep = _chosen(ENCODING_KEY, ENCODINGS), _chosen(SEP_KEY, SEPARATORS)
        enc, sep = (None if enc == "auto" else enc), (None if sep == "auto" else sep)
        error = None
        table = None
        try:
            table = _read(data, name, enc, sep)
        except SurveyInputError as exc:
            error = exc
        if table is not None:
            detected = (table.encoding, table.separator)
        elif held:
            detected = (held[1].encoding, held[1].separator)
        # encoding and separator mean nothing for a workbook, even one that could not be read
        if (table is None and not data.startswith(b"PK\x03\x04")) or (table is not None and table.kind == "csv"):
            with st.expander(state.t("measure.read_options"), icon=":material/tune:",
                             expanded=error is not None or enc is not None or sep is not None):
                st.caption(state.t("measure.read_help"))
                _read_options(table, detected)
        if error is not None:
            st.error(error_text(error, lang), icon=":material/error:")
            return
        rows, cols = state.t("measure.rows", count=len(table.df)), state.t("measure.cols", count=len(table.df.columns))
        if table.kind == "csv":
            sep_shown = state.t(SEP_NAMES[table.separator]) if table.separator in SEP_NAMES else table.separator
            st.caption(state.t("measure.detected_csv", encoding=table.encoding, sep=sep_shown, rows=rows, cols=cols))
        else:
            st.caption(state.t("measure.detected_xlsx", sheet=md_escape(table.sheet) or "–", rows=rows, cols=cols))
        token = f"{hash(data) & 0xFFFFFFFF:08x}"
        m = _mapping(table, token)
        result = analyze_table(table, m["metric"], column=m["column"], date_column=m["date"],
                               segment_column=m["segment"], ces_scale=m["ces_scale"], freq=m["freq"],
                               guesses=m["guesses"])
        _show_result(result, name)
    except SurveyInputError as exc:
        st.error(error_text(exc, lang), icon=":material/error:")
    except Exception:  # noqa: BLE001 - never a traceback on the page
        log.exception("measure page: unexpected error")
        st.error(state.t("measure.error.unexpected"), icon=":material/error:")
