"""Greek done properly: every string in both languages, sorting, capitals, numbers, dates."""
import re
from datetime import date

import pytest

from i18n import catalog, format_date, format_date_long, format_number, sort_key, sorted_greek, t, upper


def test_every_key_has_greek_and_english():
    for key, texts in catalog().items():
        assert texts["el"].strip() and texts["en"].strip(), key


def test_greek_texts_are_greek_and_placeholders_match():
    for key, texts in catalog().items():
        assert set(re.findall(r"{(\w+)}", texts["el"])) == set(re.findall(r"{(\w+)}", texts["en"])), key


def test_t_fills_parameters_and_missing_key_is_visible():
    assert t("sidebar.overall", "el", answered=3, total=54) == "Συνολικά: 3 από 54 ερωτήσεις"
    assert t("no.such.key", "el") == "no.such.key"


def test_greek_sort_ignores_accents_and_case():
    words = ["Ωραίο", "άλφα", "Αλφα", "βήτα", "Έψιλον", "εψιλον", "Ζήτα"]
    assert sorted_greek(words) == ["Αλφα", "άλφα", "βήτα", "Έψιλον", "εψιλον", "Ζήτα", "Ωραίο"]
    assert sort_key("Άρης") < sort_key("Βόλος") < sort_key("Ωρωπός")


def test_all_caps_drop_tonos_but_keep_diaeresis():
    assert upper("Ελλάδα") == "ΕΛΛΑΔΑ"
    assert upper("πρωί") == "ΠΡΩΙ"
    assert upper("Μαΐου") == "ΜΑΪΟΥ"


@pytest.mark.parametrize("x,lang,dec,expected", [
    (1234.5, "el", 1, "1.234,5"), (1234.5, "en", 1, "1,234.5"), (69.158, "el", 2, "69,16"),
    (-45.45, "el", 2, "−45,45"), (None, "el", 0, "–"), (0, "en", 0, "0"),
])
def test_numbers(x, lang, dec, expected):
    assert format_number(x, lang, dec) == expected


def test_dates():
    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert format_date("2026-11-23T10:00:00+00:00", "en") == "23/11/2026"
    assert format_date_long(date(2026, 5, 1), "el") == "1 Μαΐου 2026"
    assert format_date_long(date(2026, 1, 9), "en") == "9 January 2026"
    assert format_date(None) == "–" and format_date("not a date") == "–"
