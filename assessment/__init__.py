"""A business's assessment: the document the pages edit and the store saves (answers, notes,
profile, plan edits, survey results), its validation, its cells (one per editable leaf, as the
store keeps them) and its JSON Schema.

Nothing in this package imports streamlit; scoring/ reads it, never the other way round.
"""
from assessment.document import (
    Answer,
    Assessment,
    AssessmentError,
    new_assessment,
    parse_assessment,
)
from assessment.survey_result import SurveyResult

__all__ = ["Answer", "Assessment", "AssessmentError", "SurveyResult", "new_assessment", "parse_assessment"]
