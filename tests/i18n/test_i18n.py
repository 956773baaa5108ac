"""Greek done properly: every string in both languages, sorting, capitals, numbers, dates."""
import re
from datetime import date

import pytest

from i18n import catalog, format_date, format_number, search_matches, sort_key, sorted_greek, t, upper
from i18n.greek import to_latin


def _forms(text) -> dict[str, str]:
    """A catalog text as {form: text}: a plain string is its own `other` form."""
    return text if isinstance(text, dict) else {"other": text}


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_every_key_has_greek_and_english():
    for key, texts in catalog().items():
        for lang in ("el", "en"):
            forms = _forms(texts[lang])
            assert set(forms) <= {"one", "other"} and "other" in forms, (key, lang)
            assert all(f.strip() for f in forms.values()), (key, lang)


def test_greek_texts_are_greek_and_placeholders_match():
    for key, texts in catalog().items():
        el, en = _forms(texts["el"]), _forms(texts["en"])
        assert _placeholders(el["other"]) == _placeholders(en["other"]), key
        for forms in (el, en):
            # the singular may spell the number out ("Μία …", "One …") but needs nothing new
            assert _placeholders(forms.get("one", "")) <= _placeholders(forms["other"]), key
            if "one" in forms:
                assert "count" in _placeholders(forms["other"]), f"{key}: a plural text is chosen by {{count}}"


def test_t_fills_parameters_and_missing_key_is_visible():
    assert t("sidebar.overall", "el", answered=3, total=54) == "Συνολικά: 3 από 54 ερωτήσεις"
    assert t("no.such.key", "el") == "no.such.key"


@pytest.mark.parametrize("lang,count,expected", [
    ("el", 1, "Μία απάντηση δεν έχει ομάδα· φαίνεται χωριστά."),
    ("el", 2, "2 απαντήσεις δεν έχουν ομάδα· φαίνονται χωριστά."),
    ("el", 0, "0 απαντήσεις δεν έχουν ομάδα· φαίνονται χωριστά."),
    ("el", 1234, "1.234 απαντήσεις δεν έχουν ομάδα· φαίνονται χωριστά."),
    ("en", 1, "One answer has no group; it is shown separately."),
    ("en", 3, "3 answers have no group; they are shown separately."),
    ("en", 1234, "1,234 answers have no group; they are shown separately."),
])
def test_count_picks_singular_or_plural_and_is_formatted(lang, count, expected):
    assert t("metrics.warning.missing_segment", lang, count=count) == expected


def test_plural_in_one_language_only_and_with_other_parameters():
    # Greek agrees the verb with the count; English does not change.
    assert t("report.pillar_answered", "el", count=1, total=11) == "απαντήθηκε 1 από 11"
    assert t("report.pillar_answered", "el", count=5, total=11) == "απαντήθηκαν 5 από 11"
    assert t("report.pillar_answered", "en", count=1, total=11) == "1 of 11 answered"
    assert t("measure.rows", "el", count=1) + ", " + t("measure.cols", "el", count=1) == "1 γραμμή, 1 στήλη"
    assert t("measure.rows", "en", count=40) + ", " + t("measure.cols", "en", count=3) == "40 rows, 3 columns"
    assert t("problem.more", "el", count=1) == "και ένα ακόμη"
    assert t("problem.more", "en", count=1) == "and 1 more"
    assert t("report.provisional", "el", count=1, total=54, pct="2 %").startswith("Έχει απαντηθεί 1 από τις 54 ")
    assert t("report.provisional", "el", count=2, total=54, pct="4 %").startswith("Έχουν απαντηθεί 2 από τις 54 ")
    assert t("report.provisional", "en", count=1, total=54, pct="2%").startswith("1 of the 54 questions has been")


# Numbers in texts that are never 1, so their texts need no singular: the questionnaire's size
# (54 questions, every section 10 or more), horizons (30/60/90 days), length limits (≥ 50
# characters) and the "several sections" sentence (one section has its own sentence).
NEVER_ONE = {
    "sidebar.overall": {"total"}, "start.continue": {"total"},
    "start.left_out": {"total", "asked"},   # the whole questionnaire, and the many questions any profile is asked
    "report.provisional": {"total"}, "report.cover_partial": {"total"}, "report.narr.cap_pillars": {"n"},
    "report.overall_from": {"total"},   # shown only while some of the (five) sections have no score
    "measure.small_sample": {"threshold"}, "metrics.warning.small_sample": {"threshold"},   # 30
    "problem.string_too_long": {"max_length"}, "problem.too_long": {"max_length"},
    # over the limits, so never one: at least 245 rows and 14 columns (Excel has 16,384 columns)
    "metrics.error.too_many_cells": {"rows", "columns", "limit"}, "metrics.error.too_many_rows": {"rows", "limit"},
    "tracker.problem.too_many_rows": {"max"}, "tracker.problem.owner_too_long": {"max"},
}
PLURAL_NOUN_AFTER_ONE = re.compile(
    r"\b1 (κενές|απαντήσεις|ερωτήσεις|γραμμές|στήλες|προβλήματα|ελέγχους|έλεγχοι|ενότητες|ημέρες|χαρακτήρες|"
    r"empty|answers|questions|rows|columns|problems|assessments|areas|days|characters)\b")


def test_no_text_reads_one_with_a_plural_noun():
    """The bug this guards against: "1 απαντήσεις". Every number in every text is set to 1 (apart
    from the few that cannot be 1, above); no text may then put a plural noun after the 1."""
    for key, texts in catalog().items():
        for lang in ("el", "en"):
            names = {name for f in _forms(texts[lang]).values() for name in _placeholders(f)}
            params = {name: 54 if name in NEVER_ONE.get(key, ()) else 1 for name in names}
            text = t(key, lang, **params)
            assert not PLURAL_NOUN_AFTER_ONE.search(text), (key, lang, text)


def test_a_plural_entry_needs_both_forms(tmp_path, monkeypatch):
    import i18n

    (tmp_path / "x.yaml").write_text('k: {el: {one: "1 ερώτηση"}, en: "{count} questions"}\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOG_DIR", tmp_path)
    i18n.catalog.cache_clear()
    try:
        with pytest.raises(ValueError, match="plural forms"):
            i18n.catalog()
    finally:
        monkeypatch.undo()
        i18n.catalog.cache_clear()


def test_greek_sort_ignores_accents_and_case():
    words = ["Ωραίο", "άλφα", "Αλφα", "βήτα", "Έψιλον", "εψιλον", "Ζήτα"]
    assert sorted_greek(words) == ["Αλφα", "άλφα", "βήτα", "Έψιλον", "εψιλον", "Ζήτα", "Ωραίο"]
    assert sort_key("Άρης") < sort_key("Βόλος") < sort_key("Ωρωπός")


def test_all_caps_drop_tonos_but_keep_diaeresis():
    assert upper("Ελλάδα") == "ΕΛΛΑΔΑ"
    assert upper("πρωί") == "ΠΡΩΙ"
    assert upper("Μαΐου") == "ΜΑΪΟΥ"
    # the tonos kept two vowels apart: in capitals a diaeresis does (content review)
    assert [upper(w) for w in ("τσάι", "ρολόι", "Μάιος", "κέικ", "άυλος", "νεράιδα")] == \
        ["ΤΣΑΪ", "ΡΟΛΟΪ", "ΜΑΪΟΣ", "ΚΕΪΚ", "ΑΫΛΟΣ", "ΝΕΡΑΪΔΑ"]
    # ...but not where the vowels were never a pair, nor on Latin letters
    assert [upper(w) for w in ("πρωινό", "Πάουλο", "Ευρώπη", "Café")] == ["ΠΡΩΙΝΟ", "ΠΑΟΥΛΟ", "ΕΥΡΩΠΗ", "CAFÉ"]


@pytest.mark.parametrize("x,lang,dec,expected", [
    (1234.5, "el", 1, "1.234,5"), (1234.5, "en", 1, "1,234.5"), (69.158, "el", 2, "69,16"),
    (-45.45, "el", 2, "−45,45"), (None, "el", 0, "–"), (0, "en", 0, "0"),
])
def test_numbers(x, lang, dec, expected):
    assert format_number(x, lang, dec) == expected


def test_dates():
    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert format_date("2026-11-23T10:00:00+00:00", "en") == "23/11/2026"
    assert format_date(None) == "–" and format_date("not a date") == "–"


@pytest.mark.parametrize("typed,stored", [
    ("naxos", "Νάξος"), ("NAKSOS", "Νάξος"), ("kafe alfa", "Καφέ Άλφα"), ("cafe alpha", "Καφέ Άλφα"),
    ("καφε αλφα", "Cafe Alpha"), ("thessaloniki", "Θεσσαλονίκη"), ("8essaloniki", "Θεσσαλονίκη"),
    ("chania", "Χανιά"), ("bampis", "Μπάμπης"), ("kerkira", "Κέρκυρα"), ("ilios", "Καφέ «Ήλιος» Ο.Ε."),
    ("angelos", "Άγγελος"), ("ΗΛΙΟ", "Φούρνος Ηλιόπουλου"), ("fournos zoi", "Φούρνος Ζωή"),
    ("fo", "Φούρνος Ζωή"), ("fou", "Φούρνος Ζωή"), ("hlios", "Καφέ Ήλιος"), ("hania", "Χανιά"),
    ("furnos", "Φούρνος Ζωή"), ("zoe", "Φούρνος Η Ζωή"), ("Φουρ", "Φούρνος Ζωή"),
])
def test_search_matches_greek_in_latin_letters_and_back(typed, stored):
    assert search_matches(typed, stored)


def test_search_matches_every_word_somewhere_and_nothing_else():
    assert search_matches("naxos kafe", "Καφέ Άλφα", "Νάξος")
    assert not search_matches("naxos zeta", "Καφέ Άλφα", "Νάξος")
    assert not search_matches("paros", "Νάξος")
    assert not search_matches("fa", "Φούρνος Ζωή") and not search_matches("hios", "Καφέ Ήλιος")
    assert to_latin("Καφέ Άλφα, Νάξος") == "kafe alfa naxos"  # ELOT 743
