"""cxaudit entry point: page config, language, the current assessment, navigation. Nothing else."""
import streamlit as st

from ui import sidebar, state
from ui.nav import navigation_pages

st.set_page_config(page_title="cxaudit", page_icon=":material/fact_check:", layout="wide")

lang = state.lang()
state.assessment()
current = st.navigation(navigation_pages(lang))
sidebar.language_picker()
current.run()
# Drawn after the page so that it shows the page's latest edits.
sidebar.progress()
