"""Audit page for the segmentation pillar; drawn by the shared renderer."""
from ui.pillar import render_pillar

render_pillar("segmentation")
