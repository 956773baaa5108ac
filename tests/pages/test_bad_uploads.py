"""Bad files through the Results and Clients uploaders and the Plan page's branding logo, as a
person would upload them: refused with a message in the page's language, no Streamlit error box,
no English in the Greek page, and nothing stored or changed in the session."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

import store
from assessment import new_assessment
from bad_inputs import BAD_SURVEYS, bad_logo, deep_json, document, duplicate_key_json
from fixture_model import ROOT_DIR
from i18n import t
from store.branding import load_branding
from store.schema import assessments, clients

APP = str(ROOT_DIR / "app.py")
# Words allowed in a Greek message: file kinds, units and the technical field names of the file.
TECHNICAL = {"json", "png", "jpeg", "gif", "svg", "utf", "mb", "byte", "true", "false", "schema_version"}


def english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in TECHNICAL]


def snapshot(url: str) -> list:
    engine = store.get_engine(url)
    with engine.connect() as conn:
        return [sorted(map(tuple, conn.execute(select(tb)).all()), key=repr) for tb in (clients, assessments)]


def open_page(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def bad_files(model) -> dict[str, bytes]:
    files = {
        "deep_nesting": deep_json(),
        "duplicate_top": duplicate_key_json(model, "top"),
        "duplicate_in_answer": duplicate_key_json(model, "answer"),
        "huge_number": json.dumps(document(model)).replace('"value": 3', '"value": ' + "9" * 5000, 1).encode(),
        "not_utf8": json.dumps(document(model, surveys=[]), ensure_ascii=False).encode("cp1253"),
        "bad_date": json.dumps(document(model, created_at="χθες")).encode(),
        "long_id": json.dumps(document(model, id="x" * 500)).encode(),
    }
    for name, survey in BAD_SURVEYS.items():
        files[f"survey_{name}"] = json.dumps(document(model, surveys=[survey]), ensure_ascii=False).encode()
    return files


CASES = ["deep_nesting", "duplicate_top", "duplicate_in_answer", "huge_number", "not_utf8", "bad_date", "long_id",
         *(f"survey_{n}" for n in BAD_SURVEYS)]


@pytest.mark.parametrize("page,key", [("pages/results.py", "results_upload"), ("pages/clients.py", "clients_upload")])
@pytest.mark.parametrize("case", CASES)
def test_bad_assessment_file_is_refused_in_greek_and_nothing_changes(db_url, model, page, key, case):
    raw = bad_files(model)[case]
    kept = new_assessment(model)
    kept.company.name = "Καφέ Άλφα"
    kept.set_value(next(iter(model.items)), 2)
    store.save_assessment(store.get_engine(db_url), kept, model)
    before = snapshot(db_url)
    at = open_page(page, "el")
    session_before = at.session_state["assessment"].to_dict()
    at.file_uploader(key=key).set_value((f"{case}.json", raw, "application/json")).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors
    message = errors[0]
    assert message.startswith(t("store.import_bad", "el", count=1)[:20])
    # the location (answers.PLAN-01.value) and quoted keys and values are the file's; the rest is Greek
    text = re.sub(r'"[^"]*"', '""', re.sub(r"^- [^:\n]*:", "- ", message, flags=re.M))
    assert not english_words(text), (case, message)
    assert snapshot(db_url) == before
    assert at.session_state["assessment"].to_dict() == session_before


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_good_file_still_imports(db_url, model, lang):
    at = open_page("pages/results.py", lang)
    # with a BOM, as Notepad saves it; the app then speaks the assessment's language
    raw = json.dumps(document(model, language=lang), ensure_ascii=False).encode("utf-8-sig")
    at.file_uploader(key="results_upload").set_value(("ok.json", raw, "application/json")).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success[0].value == t("store.import_ok", lang, name="Φούρνος «Η Ζύμη»")
    assert at.session_state["assessment"].surveys[0].n == 214
    # and the pages that show survey results can show it
    for shown in ("pages/measure.py", "pages/audit_measurement.py"):
        at.switch_page(shown)
        at.run()
        assert not at.exception, (shown, [e.value for e in at.exception])


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize("case", ["empty", "text", "svg_renamed", "gif_renamed", "truncated_png", "png_bomb"])
def test_bad_logo_is_refused_in_the_page_language(db_url, model, lang, case):
    at = open_page("pages/plan.py", lang)
    a = at.session_state["assessment"]
    for iid in list(model.items)[:5]:
        a.set_value(iid, 1)
    at.run()
    before = snapshot(db_url)
    at.file_uploader(key="branding_logo_0").set_value(("logo.png", bad_logo(case), "image/png"))
    next(b for b in at.button if b.proto.label == t("branding.save", lang)).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert snapshot(db_url) == before
    assert load_branding(store.get_engine(db_url)).empty  # nothing stored
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors
    if lang == "el":
        assert not english_words(errors[0]), errors[0]
    else:
        assert "logo:" not in errors[0]
