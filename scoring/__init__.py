"""Pure scoring: maturity from answers and the improvement plan (survey metrics: surveys/).

Nothing in this package imports streamlit.
"""
from scoring.assessment import (
    Answer,
    Assessment,
    AssessmentError,
    new_assessment,
    parse_assessment,
)
from scoring.maturity import Gap, PillarScore, Scores, level_for, score
from scoring.survey_result import SurveyResult

__all__ = [
    "Answer", "Assessment", "AssessmentError", "Gap", "PillarScore", "Scores",
    "SurveyResult", "level_for", "new_assessment", "parse_assessment", "score",
]
