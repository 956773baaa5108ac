"""Branding kept in the database (store/branding.py, migration 0003), on SQLite and PostgreSQL."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import delete, inspect, select

import store
from report.branding import DEFAULT_ACCENT, Branding
from store import branding as store_branding
from store import migrations
from store.schema import business_logos, organisations
from store_support import empty_database


def _png(colour="red", size=(40, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def bengine(engine):
    with engine.begin() as conn:  # the shared PostgreSQL database keeps rows between tests
        conn.execute(delete(organisations))
        conn.execute(delete(business_logos))
    return engine


def test_never_set_is_the_plain_report(bengine):
    b = store_branding.load_branding(bengine)
    assert b == Branding() and b.empty and b.accent == DEFAULT_ACCENT


def test_saved_once_read_by_every_later_download(bengine):
    logo = _png()
    store_branding.save_branding(bengine, Branding(firm="  Σύμβουλοι   Κρήτης ", accent="#8E44AD", logo=logo))
    b = store_branding.load_branding(bengine)
    assert b.firm == "Σύμβουλοι Κρήτης" and b.accent == "#8e44ad" and b.logo == logo
    # Saved again (a new name, the logo removed): one row, the last values.
    store_branding.save_branding(bengine, Branding(firm="Άλλη", accent="#1f4e79", logo=None))
    b = store_branding.load_branding(bengine)
    assert (b.firm, b.accent, b.logo) == ("Άλλη", DEFAULT_ACCENT, None)
    with bengine.connect() as conn:
        assert conn.execute(select(organisations.c.id)).scalars().all() == ["default"]


def test_each_organisation_has_its_own(bengine):
    store_branding.save_branding(bengine, Branding(firm="A"), organisation="org-a")
    store_branding.save_branding(bengine, Branding(firm="B"), organisation="org-b")
    assert store_branding.load_branding(bengine, "org-a").firm == "A"
    assert store_branding.load_branding(bengine, "org-b").firm == "B"
    assert store_branding.load_branding(bengine).firm == ""


def test_a_bad_accent_falls_back_to_the_default():
    assert Branding(accent="red").accent == DEFAULT_ACCENT
    assert Branding(accent="#12345").accent == DEFAULT_ACCENT
    assert Branding(firm="x" * 500).firm == "x" * 200


def test_business_logo_per_assessment_and_carried_to_a_reassessment(bengine, model):
    from test_repository import full

    first = full(model, "Ξενοδοχείο Άλφα")
    store.save_assessment(bengine, first, model)
    logo = _png("blue")
    store_branding.save_business_logo(bengine, first.id, logo)
    assert store_branding.load_business_logo(bengine, first.id) == logo
    # Six months on: a new assessment of the same business finds the client's logo.
    second = full(model, "Ξενοδοχείο Άλφα")
    store.save_assessment(bengine, second, model)
    assert store_branding.load_business_logo(bengine, second.id) == logo
    # Another business does not.
    other = full(model, "Καφέ Βήτα")
    store.save_assessment(bengine, other, model)
    assert store_branding.load_business_logo(bengine, other.id) is None
    # Removed: gone (and a not-yet-stored assessment has none).
    store_branding.save_business_logo(bengine, first.id, None)
    assert store_branding.load_business_logo(bengine, first.id) is None
    assert store_branding.load_business_logo(bengine, "never-stored") is None
    assert store_branding.load_business_logo(bengine, None) is None


def test_migration_0003_up_keeps_the_audits_and_down_removes_only_branding(db_url, model):
    from test_repository import full

    with empty_database(db_url, "0002") as engine:
        with engine.connect() as conn:
            assert not {"organisations", "business_logos"} & set(inspect(conn).get_table_names())
        migrations.upgrade(engine)
        a = full(model, "Φούρνος Γάμμα")
        store.save_assessment(engine, a, model)
        store_branding.save_branding(engine, Branding(firm="Σύμβουλοι", logo=_png()))
        store_branding.save_business_logo(engine, a.id, _png("green"))
        migrations.downgrade(engine, "0002")
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert not {"organisations", "business_logos"} & tables
            assert migrations.current_revision(conn) == "0002"
        assert store.load_assessment(engine, a.id)[0].company.name == "Φούρνος Γάμμα"
        migrations.upgrade(engine)
        assert store_branding.load_branding(engine) == Branding()  # down and up: empty again, no error
