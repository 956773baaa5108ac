"""One rule for a shown score: floored to one decimal (never rounded up across a level threshold)."""
import pytest

from i18n import format_score, score_value
from report.context import score_text


@pytest.mark.parametrize(("lang", "shown"), [("el", "59,9"), ("en", "59.9")])
def test_59_96_shows_59_9_never_60(lang, shown):
    assert format_score(59.96, lang) == shown
    assert score_text(59.96, lang) == shown  # the PDF and Word
    assert score_value(59.96) == 59.9  # Excel's numeric cell, the Clients chart
    assert "60" not in format_score(59.96, lang)


def test_exact_and_missing_scores():
    assert format_score(60.0, "el") == "60,0" and format_score(0.3, "en") == "0.3"
    assert format_score(None, "el") == "–" and score_value(None) is None
