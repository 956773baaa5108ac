"""Audit page for the emotional_connection pillar; drawn by the shared renderer."""
from ui.pillar import render_pillar

render_pillar("emotional_connection")
