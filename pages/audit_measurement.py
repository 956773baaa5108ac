"""Audit page for the measurement pillar; drawn by the shared renderer."""
from ui.pillar import render_pillar

render_pillar("measurement")
