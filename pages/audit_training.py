"""Audit page for the training pillar; drawn by the shared renderer."""
from ui.pillar import render_pillar

render_pillar("training")
