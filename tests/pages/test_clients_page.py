"""The Clients page and resume links, driven with AppTest in both languages (saving and conflicts:
test_saving.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store
from assessment import new_assessment
from i18n import t

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _app(lang: str | None = None, assessment: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    if assessment:
        at.query_params["assessment"] = assessment
    return at


def _seed(engine, model, name: str, n: int = 2) -> list[str]:
    ids = list(model.items)
    made = []
    for k in range(n):
        a = new_assessment(model)
        a.company.name, a.company.city = name, "Θεσσαλονίκη"
        a.created_at = a.updated_at = f"202{4 + k}-05-0{k + 1}T10:00:00+00:00"
        for j, item_id in enumerate(ids):
            a.set_value(item_id, (j + k) % 5)
        store.save_assessment(engine, a, model)
        made.append(a.id)
    return made


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not [e for e in at.error if "app.error" not in str(e.value)], [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_clients_page_empty_then_listed_then_history(db_url, model, lang):
    at = _app(lang)
    at.run()
    at.switch_page("pages/clients.py").run()
    _no_errors(at)
    assert at.info  # "no assessments yet"
    engine = store.get_engine(db_url)
    _seed(engine, model, "Φούρνος Ζωή", 3)
    _seed(engine, model, "Άλφα Καφέ", 1)
    at.run()
    _no_errors(at)
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == ["Άλφα Καφέ", "Φούρνος Ζωή"]
    cid = store.list_clients(engine, "ζωη").rows[0].id
    at.session_state["clients_selected"] = cid
    at.run()
    _no_errors(at)
    assert [s.value for s in at.subheader] == ["Φούρνος Ζωή"]
    assert len(at.dataframe) == 3  # clients, history, comparison
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_search_is_accent_insensitive(db_url, model):
    engine = store.get_engine(db_url)
    _seed(engine, model, "Φούρνος Ζωή", 1)
    _seed(engine, model, "Καφέ Ήλιος", 1)
    at = _app()
    at.run()
    at.switch_page("pages/clients.py").run()
    at.text_input(key="clients_search").set_value("ΗΛΙΟΣ").run()
    _no_errors(at)
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["Καφέ Ήλιος"]
    at.text_input(key="clients_search").set_value("xyz").run()
    assert at.info and not at.dataframe


@pytest.mark.parametrize("lang", ["el", "en"])
def test_search_in_latin_letters_finds_greek_names(db_url, model, lang):
    engine = store.get_engine(db_url)
    _seed(engine, model, "Ταβέρνα Νάξος", 1)
    _seed(engine, model, "Καφέ Άλφα", 1)
    at = _app(lang)
    at.run()
    at.switch_page("pages/clients.py").run()
    at.text_input(key="clients_search").set_value("naxos").run()
    _no_errors(at)
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["Ταβέρνα Νάξος"]
    at.text_input(key="clients_search").set_value("kafe alfa").run()
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["Καφέ Άλφα"]


def test_delete_client_with_undo(db_url, model):
    engine = store.get_engine(db_url)
    ids = _seed(engine, model, "Φούρνος Ζωή", 2)
    at = _app()
    at.run()
    at.switch_page("pages/clients.py").run()
    at.session_state["clients_selected"] = store.list_clients(engine).rows[0].id
    at.run()
    at.button(key="clients_delete_client").click().run()
    _no_errors(at)
    assert store.list_clients(engine).total == 0
    assert at.success
    at.button(key="clients_undo_btn").click().run()
    _no_errors(at)
    assert store.list_clients(engine).total == 1
    assert {h.id for h in store.client_history(engine, store.list_clients(engine).rows[0].id)} == set(ids)


def test_reassessment_is_prefilled_and_stored(db_url, model):
    engine = store.get_engine(db_url)
    ids = _seed(engine, model, "Φούρνος Ζωή", 1)
    at = _app()
    at.run()
    at.switch_page("pages/clients.py").run()
    cid = store.list_clients(engine).rows[0].id
    at.session_state["clients_selected"] = cid
    at.run()
    at.button(key="clients_reassess").click().run()
    _no_errors(at)
    history = store.client_history(engine, cid)
    assert len(history) == 2
    new = at.session_state["assessment"]
    assert new.id == history[-1].id != ids[0]
    old, _ = store.load_assessment(engine, ids[0])
    assert new.answers == old.answers


def test_unknown_resume_link_starts_fresh_with_a_message(db_url):
    at = _app(assessment="does-not-exist")
    at.run()
    _no_errors(at)
    assert at.warning


@pytest.mark.parametrize("lang,one,two", [
    ("el", "μαζί με τον έλεγχό της;", "μαζί με τους 2 ελέγχους της;"),
    ("en", "with its assessment?", "with its 2 assessments?"),
])
def test_delete_confirmation_counts_assessments(db_url, model, lang, one, two):
    engine = store.get_engine(db_url)
    _seed(engine, model, "Άλφα Καφέ", 1)
    _seed(engine, model, "Φούρνος Ζωή", 2)
    at = _app(lang)
    at.run()
    at.switch_page("pages/clients.py").run()
    for row, expected in zip(store.list_clients(engine).rows, (one, two), strict=True):
        at.session_state["clients_selected"] = row.id
        at.run()
        _no_errors(at)
        assert any(expected in m.value for m in at.markdown), expected


def test_markup_in_a_name_and_city_is_shown_as_typed(db_url, model):
    """The client's heading, place, delete confirmation, undo message and bin quote the name as
    text; the table cells (plain text already) get the name unchanged."""
    from ui.text import md_escape

    name = "Καφέ [x](http://127.0.0.1:9/e) :red[Κ] $$\\int$$ **Β** <h1>Η</h1>"
    engine = store.get_engine(db_url)
    a = new_assessment(model)
    a.company.name, a.company.city = name, "# :blue[Πόλη] www.example.gr"
    a.set_value(next(iter(model.items)), 2)
    store.save_assessment(engine, a, model)
    at = _app()
    at.run()
    at.switch_page("pages/clients.py").run()
    assert at.dataframe[0].value.iloc[0, 0] == name
    at.text_input(key="clients_search").set_value(name).run()   # the whole name, typed as stored
    assert list(at.dataframe[0].value.iloc[:, 0]) == [name]
    at.session_state["clients_selected"] = store.list_clients(engine).rows[0].id
    at.run()
    _no_errors(at)
    assert [s.value for s in at.subheader] == [md_escape(name)]
    assert any(md_escape("# :blue[Πόλη] www.example.gr") in c.value for c in at.caption)
    assert any(f"«{md_escape(name)}»" in m.value for m in at.markdown)   # the delete confirmation
    at.button(key="clients_delete_client").click().run()
    _no_errors(at)
    assert md_escape(name) in at.success[0].value
    with_bin = [m.value for m in at.markdown if md_escape(name) in m.value]
    assert with_bin, "the bin lists the deleted business by its name, escaped"


@pytest.mark.parametrize("to", ["en", "el"])
def test_switching_language_with_no_open_audit_stores_nothing(db_url, to):
    """Only the UI language changed (the sidebar link, no audit open): no empty assessment saved
    (none under "without a business name"), no resume link."""
    from pagekit import goto, switch_language

    at = _app()
    at.session_state["lang"] = "el" if to == "en" else "en"
    at.run()
    # A section page with nothing answered: no audit open. (In AppTest the sidebar link is found on
    # the section pages; the app draws it on every page, Clients included, before the page.)
    goto(at, "pages/audit_cx_plan.py")
    switch_language(at, to)
    _no_errors(at)
    assert at.session_state["lang"] == to
    engine = store.get_engine(db_url)
    assert store.list_unnamed(engine) == [] and store.list_clients(engine).total == 0
    assert "assessment" not in at.query_params


def _audit(engine, model, name: str, created_at: str, answered: bool = True, language: str = "el") -> str:
    a = new_assessment(model, language)
    a.company.name, a.company.city = name, "Νάξος"
    a.created_at = a.updated_at = created_at
    if answered:
        for j, item_id in enumerate(model.items):
            a.set_value(item_id, j % 5)
    store.save_assessment(engine, a, model)
    return a.id


@pytest.mark.parametrize("lang,not_started", [("el", "δεν ξεκίνησε"), ("en", "not started")])
def test_history_tells_one_days_audits_apart_and_skips_blank_starts(db_url, model, lang, not_started):
    """Two audits of one day show their times (Greek time: 09:00 and 14:30 UTC in May are 12:00
    and 17:30); a start left with no answers is marked "not started" and is no "before" of the
    comparison, which defaults to the audit before the latest."""
    engine = store.get_engine(db_url)
    first = _audit(engine, model, "Ταβέρνα Νάξος", "2025-05-12T09:00:00+00:00")
    second = _audit(engine, model, "Ταβέρνα Νάξος", "2025-05-12T14:30:00+00:00")
    _audit(engine, model, "Ταβέρνα Νάξος", "2025-11-20T08:00:00+00:00", answered=False)
    at = _app(lang)
    at.run()
    at.switch_page("pages/clients.py").run()
    at.session_state["clients_selected"] = store.list_clients(engine).rows[0].id
    at.run()
    _no_errors(at)
    history = at.dataframe[1].value
    assert list(history.iloc[:, 0]) == ["12/05/2025 12:00", "12/05/2025 17:30", "20/11/2025 10:00"]
    assert history.iloc[2, 3] == not_started
    before = at.selectbox(key=f"clients_before_{store.list_clients(engine).rows[0].id}_{first}_{second}")
    after = at.selectbox(key=f"clients_after_{store.list_clients(engine).rows[0].id}_{first}_{second}")
    assert (before.value, after.value) == (first, second)
    assert before.options == after.options and len(before.options) == 2   # the blank start is not offered
    assert "12/05/2025 12:00" in before.options[0] and "12/05/2025 17:30" in after.options[1]
    chosen = at.selectbox(key=f"clients_chosen_{history_client(engine)}")
    assert any(not_started in o for o in chosen.options)    # still there, to open or delete
    assert chosen.value == second                           # but the last audit comes first


def history_client(engine) -> str:
    return store.list_clients(engine).rows[0].id


@pytest.mark.parametrize("ui,audit", [("el", "en"), ("en", "el")])
def test_opening_or_reassessing_an_audit_keeps_the_ui_language(db_url, model, ui, audit):
    """The UI language is the user's (sidebar); an audit written in the other language opens in it."""
    engine = store.get_engine(db_url)
    aid = _audit(engine, model, "Ταβέρνα Νάξος", "2025-05-12T09:00:00+00:00", language=audit)
    at = _app(ui)
    at.run()
    at.switch_page("pages/clients.py").run()
    at.session_state["clients_selected"] = history_client(engine)
    at.run()
    at.button(key="clients_open").click().run()
    _no_errors(at)
    assert at.session_state["assessment"].id == aid
    assert at.session_state["lang"] == ui
    at.switch_page("pages/clients.py").run()
    at.session_state["clients_selected"] = history_client(engine)
    at.run()
    at.button(key="clients_reassess").click().run()
    _no_errors(at)
    assert at.session_state["assessment"].id != aid
    assert at.session_state["lang"] == ui


def test_reassess_copies_the_last_audit_not_a_blank_start_after_it(db_url, model):
    engine = store.get_engine(db_url)
    audit = _audit(engine, model, "Ταβέρνα Νάξος", "2025-05-12T09:00:00+00:00")
    _audit(engine, model, "Ταβέρνα Νάξος", "2025-11-20T08:00:00+00:00", answered=False)
    at = _app()
    at.run()
    at.switch_page("pages/clients.py").run()
    at.session_state["clients_selected"] = history_client(engine)
    at.run()
    _no_errors(at)
    assert any(t("clients.compare_need_two", "el") in c.value for c in at.caption)
    at.button(key="clients_reassess").click().run()
    _no_errors(at)
    old, _ = store.load_assessment(engine, audit)
    assert at.session_state["assessment"].answers == old.answers != {}


def _import_an_older_export(db_url, model, lang: str):
    """A stored assessment, exported, then given a note; the export uploaded on the Clients page."""
    engine = store.get_engine(db_url)
    (aid,) = _seed(engine, model, "Φούρνος Ζωή", 1)
    stored, _ = store.load_assessment(engine, aid)
    exported = stored.to_json()
    stored.set_note(list(model.items)[0], "μετά την εξαγωγή")
    store.save_assessment(engine, stored, model)
    at = _app(lang)
    at.run()
    at.switch_page("pages/clients.py").run()
    at.file_uploader(key="clients_upload").set_value(("mine.json", exported.encode(), "application/json")).run()
    _no_errors(at)
    return engine, aid, at


def _history(engine) -> list:
    return store.client_history(engine, store.list_clients(engine).rows[0].id)


@pytest.mark.parametrize("choice", ["open", "copy"])
@pytest.mark.parametrize("lang", ["el", "en"])
def test_importing_an_older_export_of_a_stored_assessment_makes_no_copy_unasked(db_url, model, lang, choice):
    """The user's own export, imported after more answers were given: it used to be stored as a
    second assessment of the same day, silently. Now it is recognised, nothing is stored, and the
    stored one can be opened ("open"), or the file kept as a copy on request ("copy")."""
    engine, aid, at = _import_an_older_export(db_url, model, lang)
    first = list(model.items)[0]
    assert len(_history(engine)) == 1  # no copy
    assert any(t("store.import_twin", lang, name="Φούρνος Ζωή", when="")[:25] in w.value for w in at.warning)
    at.button(key=f"clients_import_{choice}").click().run()
    _no_errors(at)
    opened = at.session_state["assessment"]
    if choice == "open":
        assert opened.id == aid
        assert opened.note(first) == "μετά την εξαγωγή"  # the stored one
        assert len(_history(engine)) == 1
    else:
        assert len(_history(engine)) == 2 and opened.id != aid
        assert opened.note(first) == ""  # the file's version
        shown = " ".join(m.value for m in at.success) + " ".join(m.value for m in at.info)
        assert t("store.import_copy", lang)[:20] in shown  # said on the page it went to
