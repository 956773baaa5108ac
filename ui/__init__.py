"""The Streamlit shell shared by the pages: session state, the sidebar and the pillar renderer.

Only this package and pages/ import streamlit; they gather input, call the core, and draw.
"""
