"""The branding settings on the Plan page under AppTest: set once (firm, colour, both logos), kept
in the database, shown again in a new session, used by the downloads; removing a logo; the page
in both languages."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

import store
from fixture_model import ROOT_DIR
from i18n import t
from store import branding as stored

APP = str(ROOT_DIR / "app.py")


def png(colour, size=(300, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def plan_page(model, lang="el") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("pages/plan.py")
    at.run()
    a = at.session_state["assessment"]
    a.company.name = "Ξενοδοχείο Άλφα"
    for iid in list(model.items)[:8]:
        a.set_value(iid, 1)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def save(at, lang):
    next(b for b in at.button if b.proto.label == t("branding.save", lang)).click().run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_set_once_kept_and_used_by_every_download(db_url, model, lang):
    at = plan_page(model, lang)
    assert at.expander[-1].label == t("branding.title", lang) or any(
        e.label == t("branding.title", lang) for e in at.expander)
    at.text_input(key="branding_firm").input("Σύμβουλοι Κρήτης")
    at.color_picker(key="branding_accent").pick("#8e44ad")
    at.file_uploader(key="branding_logo_0").set_value(("logo.png", png("purple"), "image/png"))
    at.file_uploader(key="branding_client_logo_0").set_value(("hotel.jpg", png("teal", (90, 90)), "image/png"))
    save(at, lang)
    assert [s.value for s in at.success] == [t("branding.saved", lang)]
    engine = store.get_engine(db_url)
    b = stored.load_branding(engine)
    assert (b.firm, b.accent) == ("Σύμβουλοι Κρήτης", "#8e44ad") and b.logo.startswith(b"\x89PNG")
    a_id = at.session_state["assessment"].id
    assert stored.load_business_logo(engine, a_id).startswith(b"\x89PNG")
    # The file widgets are empty again; the summary line says what is stored.
    assert not at.file_uploader(key="branding_logo_1").value
    assert "Σύμβουλοι Κρήτης" in " ".join(c.value for c in at.caption)

    # A new session (the next day, another tab): nothing to upload again.
    again = plan_page(model, lang)
    assert "Σύμβουλοι Κρήτης" in " ".join(c.value for c in again.caption)
    assert again.text_input(key="branding_firm").value == "Σύμβουλοι Κρήτης"


def test_the_downloads_use_the_saved_branding(db_url, model):
    """The page hands the stored branding to the download callables (ui/downloads.area)."""
    from pypdf import PdfReader

    from report.branding import Branding
    from ui import branding as ui_branding
    from ui import downloads

    engine = store.get_engine(db_url)
    stored.save_branding(engine, Branding(firm="Σύμβουλοι Κρήτης", accent="#8e44ad", logo=png("purple")))
    at = plan_page(model)
    a = at.session_state["assessment"]
    b = ui_branding.current(a.id)
    assert b.firm == "Σύμβουλοι Κρήτης" and b.logo
    pdf = downloads.pdf(model, downloads.snapshot(a), "el", branding=b)()
    reader = PdfReader(io.BytesIO(pdf))
    assert "Σύμβουλοι Κρήτης" in reader.pages[1].extract_text()
    assert len(reader.pages[0].images) == 1


def test_removing_the_logo_keeps_the_rest(db_url, model):
    engine = store.get_engine(db_url)
    from report.branding import Branding

    stored.save_branding(engine, Branding(firm="Σύμβουλοι", accent="#8e44ad", logo=png("purple")))
    at = plan_page(model)
    at.button(key="branding_drop_logo").click().run()
    b = stored.load_branding(engine)
    assert (b.firm, b.accent, b.logo) == ("Σύμβουλοι", "#8e44ad", None)
    # Saving again without touching the logo field keeps what is stored (no re-upload).
    stored.save_branding(engine, Branding(firm="Σύμβουλοι", logo=png("purple")))
    at = plan_page(model)
    at.text_input(key="branding_firm").input("Σύμβουλοι Α.Ε.")
    save(at, "el")
    b = stored.load_branding(engine)
    assert b.firm == "Σύμβουλοι Α.Ε." and b.logo is not None


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_page_names_the_branding_once(db_url, model, lang):
    """«Εμφάνιση αναφοράς» was both the caption above the expander and the expander's label."""
    at = plan_page(model, lang)
    name = t("branding.title", lang).split(":")[0]
    shown = [e.label for e in at.expander] + [c.value for c in at.caption] + [m.value for m in at.markdown]
    assert sum(name in text for text in shown) == 1, [x for x in shown if name in x]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_line_says_plainly_that_the_reports_carry_no_branding_yet(db_url, model, lang):
    """«Τώρα στα αρχεία: χωρίς λογότυπο ή επωνυμία» read as a riddle: a whole sentence instead."""
    at = plan_page(model, lang)
    captions = [c.value for c in at.caption]
    assert t("branding.none", lang) in captions
    assert not [c for c in captions if c.startswith(t("branding.current", lang, summary=""))]
    assert t("branding.none", lang) == {"el": "Οι αναφορές σας δεν έχουν ακόμη δικό σας λογότυπο ή επωνυμία.",
                                        "en": "Your reports have no logo or firm name of yours yet."}[lang]


# ---- bound widgets (issue 9): each edit is stored when committed, with or without «Αποθήκευση»

def test_a_firm_committed_is_stored_without_save(db_url, model):
    at = plan_page(model)
    at.text_input(key="branding_firm").input("Σύμβουλοι <b>Ηπείρου</b> & Σια").run()
    assert not at.exception, [e.value for e in at.exception]
    assert stored.load_branding(store.get_engine(db_url)).firm == "Σύμβουλοι <b>Ηπείρου</b> & Σια"
    assert [s.value for s in at.success] == [t("branding.saved", "el")]
    # shown literally in the line above the section (no markup made of it)
    assert any("Σύμβουλοι <b>Ηπείρου</b> & Σια" in c.value for c in at.caption)


def test_a_logo_is_stored_once_uploaded(db_url, model):
    at = plan_page(model)
    at.file_uploader(key="branding_logo_0").set_value(("logo.png", png("purple"), "image/png"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert stored.load_branding(store.get_engine(db_url)).logo.startswith(b"\x89PNG")
    assert [s.value for s in at.success] == [t("branding.saved", "el")]
    assert not at.file_uploader(key="branding_logo_1").value   # an empty widget, the stored logo shown


def test_an_edit_committed_by_leaving_the_page_is_stored(db_url, model):
    """The field's commit can come with the click that leaves the Plan page: the run that carries
    it draws another page, and the edit is stored all the same (app.py calls branding.bind)."""
    at = plan_page(model)
    at.text_input(key="branding_firm").input("Σύμβουλοι Κρήτης")
    at.switch_page("pages/results.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert stored.load_branding(store.get_engine(db_url)).firm == "Σύμβουλοι Κρήτης"
    at.switch_page("pages/plan.py")
    at.run()
    assert at.text_input(key="branding_firm").value == "Σύμβουλοι Κρήτης"


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_bad_logo_is_refused_and_the_firm_kept(db_url, model, lang):
    at = plan_page(model, lang)
    at.text_input(key="branding_firm").input("Σύμβουλοι")
    at.file_uploader(key="branding_logo_0").set_value(("logo.png", b"GIF89a not a png", "image/png"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    b = stored.load_branding(store.get_engine(db_url))
    assert (b.firm, b.logo) == ("Σύμβουλοι", None)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith(t("branding.logo_bad", lang, problem="").split(":")[0]), errors
    # shown once: the next run (any click) does not refuse the same file again
    at.run()
    assert not at.error


def test_another_tabs_save_shows_here(db_url, model):
    from report.branding import Branding

    at = plan_page(model)
    assert at.text_input(key="branding_firm").value == ""
    stored.save_branding(store.get_engine(db_url), Branding(firm="Σύμβουλοι Β"))
    at.run()
    assert at.text_input(key="branding_firm").value == "Σύμβουλοι Β"


def test_a_database_failure_is_said_and_the_edit_tried_again(db_url, model, monkeypatch):
    from sqlalchemy.exc import OperationalError

    at = plan_page(model)
    real = stored.save_branding

    def down(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("database is locked"))

    monkeypatch.setattr(stored, "save_branding", down)
    at.text_input(key="branding_firm").input("Σύμβουλοι").run()
    assert [e.value for e in at.error] == [t("branding.save_failed", "el")]
    monkeypatch.setattr(stored, "save_branding", real)
    at.run()   # the next click, whatever it is
    assert stored.load_branding(store.get_engine(db_url)).firm == "Σύμβουλοι"


def test_save_after_a_refused_logo_says_the_reason_again(db_url, model):
    at = plan_page(model)
    at.file_uploader(key="branding_logo_0").set_value(("logo.png", b"GIF89a not a png", "image/png"))
    at.run()
    assert len(at.error) == 1
    save(at, "el")
    assert len(at.error) == 1 and not at.success, [s.value for s in at.success]
    assert stored.load_branding(store.get_engine(db_url)).logo is None
