"""Altair charts of the scores. Pure functions of data (no streamlit), so they are testable."""
from __future__ import annotations

import math

import altair as alt
import pandas as pd


def pillar_frame(rows: list[dict]) -> pd.DataFrame:
    """rows: [{"pillar": short title, "score": float | None, "level": int | None, "level_name": str}]"""
    return pd.DataFrame(rows, columns=["pillar", "score", "level", "level_name"])


def bar_chart(df: pd.DataFrame, score_title: str, pillar_title: str, level_title: str,
              level_colors: dict[int, str]) -> alt.Chart:
    """One bar per pillar, coloured by its level (level_colors: the model's, AuditModel.level_colors)."""
    data = df.dropna(subset=["score"]).assign(score=lambda d: d["score"].round(1))
    return (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            # ticks every 20: Vega's own every 10 run into each other ("90100") in a half-width column
            x=alt.X("score:Q", title=score_title, scale=alt.Scale(domain=[0, 100]),
                    axis=alt.Axis(values=list(range(0, 101, 20)))),
            # padding: the top bar sat on the chart's top edge
            y=alt.Y("pillar:N", title=None, sort=list(df["pillar"]),
                    scale=alt.Scale(paddingInner=0.25, paddingOuter=0.3)),
            color=alt.Color("level:O", title=level_title,
                            scale=alt.Scale(domain=list(level_colors), range=list(level_colors.values()))),
            tooltip=[alt.Tooltip("pillar:N", title=pillar_title), alt.Tooltip("score:Q", title=score_title),
                     alt.Tooltip("level_name:N", title=level_title)],
        )
        .properties(height=220)
    )


def _scored(s: float | None) -> bool:
    return not (s is None or (isinstance(s, float) and math.isnan(s)))


def radar_chart(
    df: pd.DataFrame, score_title: str, series: dict[str, list[float | None]] | None = None,
    unscored: str | None = None,
) -> alt.LayerChart:
    """A spider chart on a fixed 0–100 scale. `series` maps a legend name to one score per pillar;
    by default the single series is df["score"]. A pillar without a score (None) is left out of
    the outline, which joins the scored ones, and gets no point: "no answers" is not a score of 0
    (the outline used to dip to the centre, a 0 to the eye). `unscored` ("not assessed") is
    written under the name of a pillar no series has a score for."""
    names = list(df["pillar"])
    n = len(names)
    angle = [2 * math.pi * i / n for i in range(n)]
    series = series or {score_title: list(df["score"])}

    def xy(r: float, i: int) -> tuple[float, float]:
        return r * math.sin(angle[i]), r * math.cos(angle[i])

    grid = [{"ring": ring, "order": i, "x": xy(ring, i % n)[0], "y": xy(ring, i % n)[1]}
            for ring in (20, 40, 60, 80, 100) for i in range(n + 1)]
    spokes = [{"x": 0, "y": 0, "x2": xy(100, i)[0], "y2": xy(100, i)[1]} for i in range(n)]
    blank = [not any(_scored(scores[i]) for scores in series.values()) for i in range(n)]
    labels = [{"label": names[i] + (f"\n({unscored})" if unscored and blank[i] else ""),
               "x": xy(118, i)[0], "y": xy(118, i)[1]} for i in range(n)]
    points = []
    for name, scores in series.items():
        mine = []
        for i in range(n):
            if _scored(scores[i]):
                x, y = xy(float(scores[i]), i)
                mine.append({"series": name, "order": i, "x": x, "y": y, "scored": True,
                             "score": round(float(scores[i]), 1), "pillar": names[i]})
        if len(mine) > 2:  # the outline closes on its first point
            mine.append({**mine[0], "order": n})
        points += mine

    axis = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    scale = alt.Scale(domain=[-135, 135])
    X = alt.X("x:Q", axis=axis, scale=scale)
    Y = alt.Y("y:Q", axis=axis, scale=scale)
    grid_layer = alt.Chart(pd.DataFrame(grid)).mark_line(color="#d5d8dc", strokeWidth=1).encode(
        X, Y, detail="ring:N", order="order:Q")
    spoke_layer = alt.Chart(pd.DataFrame(spokes)).mark_rule(color="#d5d8dc").encode(X, Y, x2="x2:Q", y2="y2:Q")
    label_layer = alt.Chart(pd.DataFrame(labels)).mark_text(fontSize=12, color="#34495e", lineBreak="\n").encode(
        X, Y, text="label:N")
    data = pd.DataFrame(points, columns=["series", "order", "x", "y", "scored", "score", "pillar"])
    color = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom") if len(series) > 1 else None)
    line_layer = alt.Chart(data).mark_line(strokeWidth=2.5).encode(X, Y, order="order:Q", color=color)
    point_layer = (
        alt.Chart(data[data["scored"] & (data["order"] < n)])
        .mark_point(filled=True, size=45)
        .encode(
            X,
            Y,
            color=color,
            tooltip=[
                alt.Tooltip("pillar:N"),
                alt.Tooltip("score:Q", title=score_title),
                alt.Tooltip("series:N", title=" "),
            ],
        )
    )
    return ((grid_layer + spoke_layer + label_layer + line_layer + point_layer)
            .properties(height=360, width=360).configure_view(strokeWidth=0))
