"""cxaudit entry point: page config, language, the current assessment, navigation. Nothing else."""
import streamlit as st

from ui import sidebar, state
from ui.nav import PAGES

st.set_page_config(page_title="cxaudit", page_icon=":material/fact_check:", layout="wide")

lang = state.lang()
state.assessment()
model = state.model()

sections: dict[str, list] = {}
for spec in PAGES:
    title = model.pillar(spec.pillar).title(lang) if spec.pillar else state.t(spec.title_key)
    page = st.Page(spec.path, title=title, icon=spec.icon, url_path=spec.url, default=spec.url == "start")
    sections.setdefault(state.t(spec.section), []).append(page)

current = st.navigation(sections)
sidebar.language_picker()
sidebar.progress()
current.run()
