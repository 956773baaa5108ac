"""Pure scoring: maturity from an assessment's answers, and the improvement plan.

The assessment document itself is in assessment/, survey metrics in surveys/.
Nothing in this package imports streamlit.
"""
from scoring.maturity import Gap, PillarScore, Scores, is_strength, level_for, points, score

__all__ = ["Gap", "PillarScore", "Scores", "is_strength", "level_for", "points", "score"]
