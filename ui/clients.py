"""Tables and charts of the Clients page, as pure functions of store rows (no streamlit), so they
are testable and the page stays thin."""
from __future__ import annotations

from datetime import datetime

import altair as alt
import pandas as pd

from checklists.model import PILLAR_IDS, AuditModel
from i18n import format_date, format_datetime, format_number, format_percent, format_score, local_time, score_value, t
from store import AssessmentRow, ClientRow


def local(dt: datetime | None) -> datetime | None:
    return local_time(dt) if dt is not None else None


def when(dt: datetime | None, lang: str) -> str:
    """dd/mm/yyyy HH:MM in Greek time, so that two assessments of one day are told apart."""
    return format_datetime(local(dt), lang)


def started(row: AssessmentRow) -> bool:
    """An assessment with at least one answer; one opened and left with none is not an audit."""
    return row.completeness > 0


def comparable(rows: list[AssessmentRow]) -> list[AssessmentRow]:
    """The assessments a comparison and the chart offer, oldest first: the started ones."""
    return [r for r in rows if started(r)]


def _score(x: float | None, lang: str) -> str:
    return format_score(x, lang)


def level_label(model: AuditModel, level: int | None, lang: str) -> str:
    if not level:
        return "–"
    return f"{level} · {model.level(level).name(lang)}"


def sector_label(sector: str, lang: str) -> str:
    return t(f"sector.{sector}", lang) if sector else "–"


def clients_frame(rows: list[ClientRow], model: AuditModel, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("clients.col.name", lang): [r.name for r in rows],
        t("clients.col.city", lang): [r.city or "–" for r in rows],
        t("clients.col.sector", lang): [sector_label(r.sector, lang) for r in rows],
        t("clients.col.assessments", lang): [r.assessments for r in rows],
        t("clients.col.last", lang): [format_date(local(r.last_at), lang) for r in rows],
        t("clients.col.score", lang): [_score(r.last_score, lang) for r in rows],
        t("clients.col.level", lang): [level_label(model, r.last_level, lang) for r in rows],
    })


def assessment_label(row: AssessmentRow, model: AuditModel, lang: str) -> str:
    date = when(row.created_at, lang)
    if not started(row):
        return t("clients.assessment_label_not_started", lang, date=date)
    if row.overall_score is None:
        return t("clients.assessment_label_empty", lang, date=date)
    return t("clients.assessment_label", lang, date=date, score=_score(row.overall_score, lang))


def history_frame(rows: list[AssessmentRow], model: AuditModel, lang: str) -> pd.DataFrame:
    data = {
        t("clients.col.when", lang): [when(r.created_at, lang) for r in rows],
        t("clients.col.score", lang): [_score(r.overall_score, lang) for r in rows],
        t("clients.col.level", lang): [level_label(model, r.overall_level, lang) for r in rows],
        t("clients.col.completeness", lang): [format_percent(100 * r.completeness, lang) if started(r)
                                              else t("clients.not_started", lang) for r in rows],
    }
    for pid in PILLAR_IDS:
        data[model.pillar(pid).short_title(lang)] = [_score(r.pillar_scores[pid], lang) for r in rows]
    return pd.DataFrame(data)


def _delta(before: float | None, after: float | None, lang: str) -> str:
    """The change between two shown scores, to the same one decimal (13,2 was shown as +13), so
    that before + change = after on the screen."""
    if before is None or after is None:
        return "–"
    x = round(score_value(after) - score_value(before), 1)
    if x == 0:
        return "= 0"
    return ("▲ " if x > 0 else "▼ ") + format_number(x, lang, 1, signed=True)


def compare_frame(older: AssessmentRow, newer: AssessmentRow, model: AuditModel, lang: str) -> pd.DataFrame:
    before, after = when(older.created_at, lang), when(newer.created_at, lang)
    names, b, a, d = [], [], [], []
    for pid in PILLAR_IDS:
        names.append(model.pillar(pid).short_title(lang))
        b.append(_score(older.pillar_scores[pid], lang))
        a.append(_score(newer.pillar_scores[pid], lang))
        d.append(_delta(older.pillar_scores[pid], newer.pillar_scores[pid], lang))
    names.append(t("clients.overall", lang))
    b.append(_score(older.overall_score, lang))
    a.append(_score(newer.overall_score, lang))
    d.append(_delta(older.overall_score, newer.overall_score, lang))
    return pd.DataFrame({t("clients.col.pillar", lang): names, before + " ": b, after + "  ": a,
                         t("clients.col.delta", lang): d})


def history_chart(rows: list[AssessmentRow], model: AuditModel, lang: str) -> alt.Chart:
    """Pillar scores (and the overall score) over time: one line per pillar."""
    pillar_t, score_t, date_t = t("clients.col.pillar", lang), t("clients.col.score", lang), t("clients.col.date", lang)
    order = [model.pillar(pid).short_title(lang) for pid in PILLAR_IDS] + [t("clients.overall", lang)]
    records = []
    for r in comparable(rows):
        at = local(r.created_at).replace(tzinfo=None)
        for pid, name in zip(PILLAR_IDS, order[:-1], strict=True):
            if r.pillar_scores[pid] is not None:
                records.append({"when": at, "pillar": name, "score": score_value(r.pillar_scores[pid]),
                                "date": format_datetime(at, lang)})
        if r.overall_score is not None:
            records.append({"when": at, "pillar": order[-1], "score": score_value(r.overall_score),
                            "date": format_datetime(at, lang)})
    df = pd.DataFrame(records, columns=["when", "pillar", "score", "date"])
    # Ticks at the audits themselves, not at Vega's round times: two audits hours apart would
    # otherwise get six ticks all reading the same day. Overlapping labels are dropped.
    ticks = [alt.DateTime(year=w.year, month=w.month, date=w.day, hours=w.hour, minutes=w.minute)
             for w in sorted(set(df["when"]))]
    return (
        alt.Chart(df)
        .mark_line(point=True)
        .encode(
            x=alt.X("when:T", title=date_t, axis=alt.Axis(format="%d/%m/%Y", labelAngle=0, values=ticks,
                                                          labelOverlap=True)),
            y=alt.Y("score:Q", title=score_t, scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("pillar:N", title=pillar_t, sort=order),
            strokeDash=alt.condition(alt.datum.pillar == order[-1], alt.value([6, 3]), alt.value([1, 0])),
            tooltip=[alt.Tooltip("pillar:N", title=pillar_t), alt.Tooltip("date:N", title=date_t),
                     alt.Tooltip("score:Q", title=score_t)],
        )
        .properties(height=300)
    )
