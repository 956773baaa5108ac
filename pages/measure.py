"""Customer metrics: NPS / CSAT / CES from a survey export (see ui/measure.py)."""
from ui import measure

measure.render()
