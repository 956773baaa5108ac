"""Audit page for the cx_plan pillar; drawn by the shared renderer."""
from ui.pillar import render_pillar

render_pillar("cx_plan")
