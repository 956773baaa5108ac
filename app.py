"""cxaudit entry point: page config, language, the current assessment, navigation. Nothing else."""
import streamlit as st

from ui import persistence, sidebar, state
from ui.nav import navigation_pages

st.set_page_config(page_title="cxaudit", page_icon=":material/fact_check:", layout="wide")

state.assessment()
persistence.init()  # resume ?assessment=<id> (and its language), autosave every edit
lang = state.lang()
current = st.navigation(navigation_pages(lang))
sidebar.language_picker()
current.run()
# Drawn after the page so that it shows the page's latest edits, with the quiet "saved 10:42" line.
sidebar.progress(footer=persistence.status_line())
