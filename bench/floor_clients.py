"""Floor for the Clients page: the same widgets with static data and no database.
BENCH_HISTORY=1 adds the widgets of one client's history view (tables, selectors, chart)."""
import os

import altair as alt
import pandas as pd
import streamlit as st

ROWS = 25
st.title("Clients")
st.caption("intro")
left, right = st.columns([1, 2])
left.button("New", key="new")
with right.expander("Import"):
    st.caption("help")
    st.file_uploader("file", type=["json"], key="upload")
st.text_input("Search", key="search")
frame = pd.DataFrame(
    {c: [f"{c} {i}" for i in range(ROWS)] for c in ("name", "city", "sector", "n", "last", "score", "level")}
)
st.dataframe(frame, key="table", on_select="rerun", selection_mode="single-row", hide_index=True)
a, b, c = st.columns([4, 1, 1])
a.caption("1–25 of 2,500")
b.button("Prev", key="prev")
c.button("Next", key="next")
if os.environ.get("BENCH_HISTORY") == "1":
    n = int(os.environ.get("BENCH_HISTORY_ROWS", "20"))
    st.divider()
    h, d = st.columns([4, 1])
    h.subheader("Client")
    with d.popover("Delete"):
        st.button("Yes", key="del")
    hist = pd.DataFrame({col: [f"{col} {i}" for i in range(n)] for col in "abcdefghi"})
    st.dataframe(hist, hide_index=True)
    st.selectbox("Assessment", list(range(n)), index=n - 1, key="chosen")
    x, y, z = st.columns(3)
    x.button("Open", key="open")
    y.button("Re-assess", key="re")
    with z.popover("Delete"):
        st.button("Yes", key="del2")
    p, q = st.columns(2)
    p.selectbox("Before", list(range(n)), index=n - 2, key="before")
    q.selectbox("After", list(range(n)), index=n - 1, key="after")
    st.dataframe(pd.DataFrame({"p": list("abcdef"), "b": range(6), "a": range(6), "d": range(6)}), hide_index=True)
    long = pd.DataFrame(
        [
            {"when": pd.Timestamp("2020-01-01") + pd.Timedelta(days=90 * i), "pillar": p, "score": 10.0 * (i % 10)}
            for i in range(n)
            for p in "abcdef"
        ]
    )
    st.altair_chart(alt.Chart(long).mark_line(point=True).encode(x="when:T", y="score:Q", color="pillar:N"))
