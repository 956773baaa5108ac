"""The Results page under AppTest: what the overall level rests on is said where the figures alone
would contradict each other."""
from __future__ import annotations

import pytest

from i18n import t
from ui.text import WORD_JOINER


def _only_measurement_held_by_its_key_question(model):
    """Measurement alone answered: its key question 'not at all', the rest 'partly' (44,4: level 3
    by score, 2 after the gate); the overall 3 is not lowered by the one-above rule."""
    from assessment import Assessment
    from scoring import score

    a = Assessment(company={"name": "Καφέ Άλφα", "size": "micro"})
    for it in model.pillar("measurement").items:
        a.set_value(it.id, 0 if it.critical else 2)
    s = score(model, a)
    assert (s.overall_level, s.pillars["measurement"].level, s.holds_back) == (3, 2, None)
    return a


def _results_of_measurement_only(app, lang):
    """The Results page, drawn, for the audit above."""
    from checklists import default_model

    model = default_model()
    at = app(lang)
    at.session_state["assessment"] = _only_measurement_held_by_its_key_question(model)
    at.switch_page("pages/results.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return model, at


@pytest.mark.parametrize("lang", ["el", "en"])
def test_an_overall_level_above_the_only_section_is_explained(app, lang):
    """Overall 3 stood over the only scored section's 2, with no word of why or of what it rests on."""
    model, at = _results_of_measurement_only(app, lang)
    name = model.pillar("measurement").short_title(lang)
    quoted = f"«{name}»" if lang == "el" else f"‘{name}’"
    shown = " ".join(c.value for c in at.caption).replace("\\", "").replace(WORD_JOINER, "")
    assert t("report.overall_from", lang, count=1, total=5, pillars=quoted) in shown
    assert t("report.overall_above", lang, level=3, pillar_level=2, pillar=quoted) in shown


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_level_held_by_one_question_says_question_not_questions(app, lang):
    """«λόγω των ερωτήσεων: PLAN-01» named one question in the plural."""
    model, at = _results_of_measurement_only(app, lang)
    held = [e.value for e in at.error if "MEAS" in e.value]
    assert len(held) == 1
    critical = [it.id for it in model.pillar("measurement").items if it.critical]
    if len(critical) == 1:
        assert ("λόγω της ερώτησης " if lang == "el" else "by question ") in held[0]
    assert ("ερωτήσεων" if lang == "el" else "questions") not in held[0].split(critical[0])[0]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_percentages_are_written_in_the_language_s_style(app, lang):
    """«19 %» in Greek (a space before %), «19%» in English; the English page wrote «19 %»."""
    from i18n import format_percent

    model, at = _results_of_measurement_only(app, lang)
    share = round(100 * len(model.pillar("measurement").items) / len(model.items))
    expected = format_percent(share, lang)
    assert expected == (f"{share} %" if lang == "el" else f"{share}%")
    assert expected in [m.value for m in at.metric]
    assert expected in " ".join(w.value for w in at.warning)
