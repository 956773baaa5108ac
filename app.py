"""cxaudit entry point: page config, language, the current assessment, navigation. Nothing else."""
import streamlit as st

from ui import branding, last_opened, persistence, sidebar, state, streamlit_texts
from ui.nav import navigation_pages

first_run = state.first_run_of_session()
if first_run:
    # The browser keeps a session's page config across reruns and page switches, so it is sent
    # on the session's first run only: one element less on every click.
    st.set_page_config(page_title="cxaudit", page_icon=streamlit_texts.favicon_url(), layout="wide")

state.assessment()
persistence.init(first_run)  # resume ?assessment=<id> (and its language), autosave every edit
branding.bind(state.assessment().id)  # the report's branding, stored as committed, whatever page this run draws
sidebar.apply_language_switch()
lang = state.lang()
streamlit_texts.mark_language(lang)  # Streamlit's own texts follow the app's language (ui/serve.py)
current = st.navigation(navigation_pages(lang))
state.page_shown(current.url_path)  # after a navigation the browser forgets widget values: send them again
sidebar.language_link(current)
current.run()
persistence.after_page()  # widgets the browser resent (a reconnect after a restart) are saved, not just shown
# Drawn after the page so that it shows the page's latest edits, with the quiet "saved 10:42" line.
sidebar.progress(footer=persistence.status_line())
# The browser keeps the id of the assessment it works on, for the start page's "continue" offer.
last_opened.remember(st.session_state.get(persistence.KEY_ID))
