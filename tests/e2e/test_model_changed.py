"""An assessment saved by an older release opens by its link in Chromium with every answer kept and
a notice, in the user's language, naming the new questions and their sections; said once."""
from __future__ import annotations

import pytest

from people import idle, poll, server_errors

pytestmark = pytest.mark.e2e

NOTICE = {"el": ("Νέες ερωτήσεις, χωρίς απάντηση ακόμη: PLAN-22 (Στρατηγική); EMO-10 (Συναίσθημα); "
                 "TRN-16 (Εκπαίδευση).", "82 από 85"),
          "en": ("New questions, not answered yet: PLAN-22 (Strategy); EMO-10 (Emotion); TRN-16 (Training).",
                 "82 of 85")}


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_2026_12_assessment_opens_with_the_new_questions_named(app, contexts, lang):
    import store
    from assessment import new_assessment
    from checklists import default_model

    m = default_model()
    step = next(s for s in m.carryover if s.from_version == "2026.12")
    a = new_assessment(m, lang)
    a.company.name = "Ζαχαροπλαστείο Άλφα"
    for n, iid in enumerate(step.previous_items):  # what the release of 1/12/2026 asked
        a.set_value(iid, n % 5)
    a.model_version = "2026.12"
    engine = store.get_engine(app.database_url)
    store.save_assessment(engine, a, m)
    words, count = NOTICE[lang]

    page = contexts().new_page()
    page.goto(f"{app.url}/?assessment={a.id}&lang={lang}")
    idle(page)
    notice = page.locator('[data-testid="stAlertContentInfo"]', has_text="2026.12.1").first
    notice.wait_for()
    assert words in notice.inner_text()
    sidebar = page.locator('[data-testid="stSidebar"]')
    poll(lambda: count in sidebar.inner_text(), lambda: f"the sidebar says {sidebar.inner_text()!r}")
    stored, _ = store.load_assessment(engine, a.id)
    assert stored.model_version == "2026.12.1"
    assert {k: v.value for k, v in stored.answers.items()} == {k: v.value for k, v in a.answers.items()}
    page.reload()
    idle(page)
    page.locator(".st-key-profile_name input").wait_for()
    assert page.locator('[data-testid="stAlertContentInfo"]', has_text="2026.12.1").count() == 0
    assert not server_errors(app), server_errors(app)
