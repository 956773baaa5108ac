"""The sidebar's language link, on every page: a click shows the same page in the other language,
with the same audit open, and a click back returns to Greek. (AppTest ran the Clients, Results,
Plan, Measure and start pages without app.py, so without their sidebar: see conftest.py.)"""
from __future__ import annotations

import os

import pytest
from pagekit import goto, switch_language
from streamlit.testing.v1 import AppTest

import assessment
import store
from checklists import default_model
from fixture_model import ROOT_DIR
from i18n import t
from ui import saving, state
from ui.nav import PAGES

MODEL = default_model()
APP = str(ROOT_DIR / "app.py")


def stored_audit() -> str:
    a = assessment.new_assessment(MODEL, "el")
    a.company.name = "Φαρμακείο Ζωή"
    for n, item_id in enumerate(MODEL.items):
        a.set_value(item_id, n % 5)  # every kind of answer: results, gaps and plan actions to show
    store.save_assessment(store.get_engine(os.environ["CXAUDIT_DATABASE_URL"]), a, MODEL)
    return a.id


def on_page(at: AppTest, url: str, lang: str, audit_id: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["lang"] == lang
    assert at.session_state[state.PAGE_KEY] == f"{url}|{lang}", "a different page"
    (link,) = [pl for pl in at.sidebar.get("page_link") if "switch_lang" in pl.proto.query_string]
    assert link.proto.label == t(f"lang.{'en' if lang == 'el' else 'el'}")
    assert f"assessment={audit_id}" in link.proto.query_string, "the link keeps the open audit"
    assert at.session_state["assessment"].id == audit_id and at.query_params[saving.QUERY] == audit_id
    progress = at.sidebar.markdown[-1].value
    assert "Φαρμακείο Ζωή" in progress and t("sidebar.overall", lang, answered=85, total=85) in progress


@pytest.mark.parametrize("spec", PAGES, ids=[p.url for p in PAGES])
def test_language_link_on_every_page_keeps_the_page_and_the_open_audit(app, spec):
    audit_id = stored_audit()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[saving.QUERY] = audit_id  # the resume link
    at.run()
    goto(at, spec.path)
    url = "" if spec.url == "start" else spec.url  # the default page is served at "/"
    on_page(at, url, "el", audit_id)
    switch_language(at, "en")
    on_page(at, url, "en", audit_id)
    switch_language(at, "el")
    on_page(at, url, "el", audit_id)
