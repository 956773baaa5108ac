"""A one-line text typed and the tab closed with the cursor still in the field, on SQLite and
PostgreSQL: the business's name, city, the assessor and firm on «Ξεκινήστε», the report's firm and an
action's owner on «Σχέδιο». A phone has no Enter to spare (the keyboard's key may say «Μετάβαση»),
and a person who types the name and closes the tab never leaves the field: Streamlit commits a
one-line field only on blur or Enter, so the text was lost. Each text is typed with no blur and no
Enter; the database must hold it once the typing pauses, the caret must still be in the field (the
person goes on typing there), and a new browser on the resume link must show it.
(Notes have the same journey in test_note_then_navigate.py.)"""
from __future__ import annotations

import pytest

from checklists.model import ANSWER_VALUES
from people import PATIENCE, assessment_id, click, idle, open_pillar, poll, questions_on, server_errors

pytestmark = pytest.mark.e2e

PROFILE = {  # widget key -> (text typed in two halves, where the assessment keeps it)
    "profile_name": (("Καφέ «Άλφα»", " & Σία 🍰"), lambda a: a.company.name),
    "profile_city": (("Ιωάννινα", ", Ήπειρος"), lambda a: a.company.city),
    "profile_assessor": (("Μαρία", " Παπαδοπούλου"), lambda a: a.assessor.name),
    "profile_org": (("Σύμβουλοι", " Ηπείρου Α.Ε."), lambda a: a.assessor.organisation),
}


def _assessments(url: str) -> list:
    import store
    from store.schema import assessments

    with store.get_engine(url).connect() as conn:
        ids = [row[0] for row in conn.execute(assessments.select().with_only_columns(assessments.c.id))]
    return [store.load_assessment(store.get_engine(url), i)[0] for i in ids]


def _type_and_wait(page, url: str, key: str, halves, read) -> None:
    """Type the first half, wait until it is stored (no blur, no Enter), type the second half
    (the caret is where the first half ended), wait until the whole is stored."""
    page.locator(f".st-key-{key} input").click()
    typed = ""
    for half in halves:
        page.keyboard.type(half)
        typed += half
        poll(lambda want=typed: any(read(a) == want for a in _assessments(url)),
             lambda want=typed: f"{key}: {want!r} is not stored; the database holds "
                                f"{[read(a) for a in _assessments(url)]!r}", timeout=PATIENCE)
        assert page.evaluate("document.activeElement && document.activeElement.closest("
                             f"'.st-key-{key}') !== null"), f"{key}: the field lost the caret"
    assert page.locator(f".st-key-{key} input").input_value() == typed


def test_profile_typed_then_the_tab_closed(app, contexts):
    page = contexts().new_page()
    page.goto(app.url)
    idle(page)
    for key, (halves, read) in PROFILE.items():
        _type_and_wait(page, app.database_url, key, halves, read)
    aid = assessment_id(page)
    page.context.close()  # the tab closed with the caret still in the last field
    fresh = contexts().new_page()
    fresh.goto(f"{app.url}/?assessment={aid}")
    idle(fresh)
    for key, (halves, _) in PROFILE.items():
        fresh.locator(f".st-key-{key} input").wait_for()
        assert fresh.locator(f".st-key-{key} input").input_value() == "".join(halves), key
    assert not server_errors(app), server_errors(app)


def test_firm_and_owner_typed_then_the_tab_closed(app, contexts, model):
    import store
    from store import branding

    pillar = model.pillars[0]
    page = open_pillar(contexts, app, pillar.id)
    first = questions_on(page, model, pillar.id)[0]
    click(page, first, ANSWER_VALUES[0])  # "not at all": the plan gets an action for it
    aid = assessment_id(page)
    page.goto(f"{app.url}/plan?assessment={aid}")
    idle(page)
    page.get_by_text("Εμφάνιση αναφοράς").click()
    firm = ("Σύμβουλοι", " Ηπείρου 📊")
    page.locator(".st-key-branding_firm input").click()
    page.keyboard.type(firm[0])
    poll(lambda: branding.load_branding(store.get_engine(app.database_url)).firm == firm[0],
         "the firm typed is not stored")
    page.keyboard.type(firm[1])
    poll(lambda: branding.load_branding(store.get_engine(app.database_url)).firm == "".join(firm),
         "the whole firm typed is not stored")
    owner = page.locator(f".st-key-plan_owner_{first} input")
    owner.click()
    page.keyboard.type("Νίκος")
    def owner_stored() -> str | None:
        edit = store.load_assessment(store.get_engine(app.database_url), aid)[0].plan.actions.get(first)
        return edit.owner if edit else None

    poll(lambda: owner_stored() == "Νίκος", lambda: f"the owner typed is not stored: {owner_stored()!r}")
    assert page.evaluate("document.activeElement.closest('.st-key-plan_owner_" + first + "') !== null")
    page.context.close()
    fresh = contexts().new_page()
    fresh.goto(f"{app.url}/plan?assessment={aid}")
    idle(fresh)
    fresh.locator(f".st-key-plan_owner_{first} input").wait_for()
    assert fresh.locator(f".st-key-plan_owner_{first} input").input_value() == "Νίκος"
    assert not server_errors(app), server_errors(app)
