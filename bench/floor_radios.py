"""Floor for the pillar page: the same number of bare st.radio widgets, nothing else."""
import os

import streamlit as st

N = int(os.environ.get("BENCH_RADIOS", "10"))
OPTIONS = (0, 1, 2, 3, 4, "na", "unknown")
for i in range(N):
    st.radio(f"Question {i}", OPTIONS, index=None, key=f"r{i}", horizontal=True)
