"""The Measure page: empty state, an uploaded Greek survey, broken files, save, and the evidence
line on the Measurement pillar page. The upload is simulated through session state
(measure_bytes / measure_name), which is what the uploader's callback fills."""
import os

import pytest
from pagekit import goto

from surveys.evidence import period_range_label

PAGE = "pages/measure.py"
EMPTY = {"el": "Δεν έχει ανέβει αρχείο ακόμη", "en": "No file yet"}


def greek_csv() -> bytes:
    """cp1253, ';', Google-Forms-like: 40 valid answers in Jan–Mar 2026 and 3 bad ones."""
    rows = ["Χρονική σήμανση;Πόσο πιθανό είναι να μας προτείνετε σε φίλο;Κατάστημα"]
    scores = [10] * 16 + [9] * 8 + [8] * 6 + [7] * 2 + [6] * 4 + [3] * 4   # P 24, D 8, n 40 → NPS +40
    for i, s in enumerate(scores):
        rows.append(f"{(i % 27) + 1:02d}/{(i % 3) + 1:02d}/2026 10:00;{s};{'Αθήνα' if i % 2 else 'Πάτρα'}")
    rows.insert(3, "05/01/2026 11:00;δεν ξέρω;Πάτρα")   # line 4
    rows.insert(6, "06/02/2026 11:00;11;Αθήνα")         # line 7
    rows.insert(9, "07/03/2026 11:00;;Αθήνα")           # line 10
    return ("\r\n".join(rows) + "\r\n").encode("cp1253")


def upload(at, data: bytes, name: str):
    at.session_state["measure_bytes"] = data
    at.session_state["measure_name"] = name
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [str(m.label) + " " + str(m.value) for m in at.metric]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_empty_state_says_what_to_do(app, lang):
    at = goto(app(lang), PAGE)
    assert at.title[0].value == ("Μετρήσεις πελατών" if lang == "el" else "Customer metrics")
    assert EMPTY[lang] in at.info[0].value
    assert not at.error


@pytest.mark.parametrize("lang", ["el", "en"])
def test_greek_cp1253_survey_shows_nps_interval_and_invalid_rows(app, lang):
    at = upload(goto(app(lang), PAGE), greek_csv(), "έρευνα.csv")
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["NPS"] == "+40"
    interval = metrics["Διάστημα εμπιστοσύνης 95 %" if lang == "el" else "95% interval"]
    assert (" έως " if lang == "el" else " to ") in interval and interval.startswith("+")
    assert metrics["Απαντήσεις που μετρήθηκαν (n)" if lang == "el" else "Answers counted (n)"] == "40"
    assert "cp1253" in texts(at)
    table = at.dataframe[0].value
    line_col, reason_col = ("Γραμμή", "Γιατί") if lang == "el" else ("Line", "Why")
    assert list(table[line_col]) == [4, 7, 10]
    expected = (["Δεν είναι αριθμός ή γνωστή απάντηση", "Εκτός κλίμακας", "Κενό κελί"] if lang == "el"
                else ["Not a number or a known answer", "Off the scale", "Empty cell"])
    assert list(table[reason_col]) == expected
    # the four charts: groups, distribution, trend, segments
    assert len(at.get("vega_lite_chart")) == 4


def test_small_sample_warning_in_plain_greek(app):
    data = "NPS;Ημερομηνία\n10;01/03/2026\n9;02/03/2026\n3;03/03/2026\n".encode()
    at = upload(goto(app("el"), PAGE), data, "λίγες.csv")
    assert any("Λίγες απαντήσεις (n = 3)" in w.value for w in at.warning)


@pytest.mark.parametrize("data", [b"", os.urandom(2048) + b"\x00\x00", b"PK\x03\x04broken zip"],
                         ids=["empty", "random", "broken-xlsx"])
@pytest.mark.parametrize("lang", ["el", "en"])
def test_broken_file_shows_an_error_not_a_traceback(app, lang, data):
    at = upload(goto(app(lang), PAGE), data, "kakó.csv")
    assert at.error, "no st.error for a broken file"
    assert "Traceback" not in at.error[0].value
    assert not at.metric


def test_save_adds_to_assessment_and_pillar_shows_evidence(app):
    at = upload(goto(app("el"), PAGE), greek_csv(), "έρευνα.csv")
    at.button(key="measure_save").click().run()
    assert not at.exception
    surveys = at.session_state["assessment"].surveys
    assert len(surveys) == 1
    s = surveys[0]
    assert (s.metric, s.n, round(s.value)) == ("nps", 40, 40)
    assert s.source == "έρευνα.csv" and (s.period_from, s.period_to) == ("2026-01", "2026-03")
    assert [period_range_label(s.period_from, s.period_to, lang) for lang in ("el", "en")] == [
        "Ιαν–Μαρ 2026", "Jan–Mar 2026"]
    assert s.scale == "0-10" and s.formula_id == "nps_promoters_minus_detractors" and s.saved_at
    # saving again replaces (same metric + column)
    at.button(key="measure_save").click().run()
    assert len(at.session_state["assessment"].surveys) == 1
    assert any(m.value.startswith("**NPS +40, n = 40, διάστημα 95 %") for m in at.markdown)

    at = goto(at, "pages/audit_measurement.py")
    info = at.info[0].value
    assert "NPS +40, n = 40, διάστημα 95 % +" in info and "Ιαν–Μαρ 2026" in info

    at = goto(at, PAGE)
    at.button(key="measure_remove_0").click().run()
    assert at.session_state["assessment"].surveys == []


def test_measurement_pillar_has_no_evidence_without_surveys(app):
    at = goto(app("el"), "pages/audit_measurement.py")
    assert not any("Μετρήσεις από έρευνες" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_counts_of_one_read_in_the_singular(app, lang):
    """One column, one answer without a usable date: never "1 στήλες" or "1 απαντήσεις"."""
    data = b"NPS\n10\n"
    at = upload(goto(app(lang), PAGE), data, "ένα.csv")
    assert ("1 γραμμή, 1 στήλη" if lang == "el" else "1 row, 1 column") in texts(at)
    data = "NPS;Ημερομηνία\n10;01/03/2026\n9;όχι ημερομηνία\n8;02/03/2026\n".encode()
    # a fresh app: AppTest calls the selectboxes' format_func between runs, outside the session,
    # where the language falls back to Greek
    at = upload(goto(app(lang), PAGE), data, "ημερομηνίες.csv")
    shown = texts(at)
    assert ("3 γραμμές, 2 στήλες" if lang == "el" else "3 rows, 2 columns") in shown
    assert ("Μία απάντηση δεν έχει σωστή ημερομηνία: μετρήθηκε" if lang == "el"
            else "One answer has no usable date: it was counted") in shown


@pytest.mark.parametrize("lang, expected", [
    ("el", "Το αρχείο έχει περισσότερες από 300.000 γραμμές."),
    ("en", "The file has more than 300,000 rows."),
])
def test_xlsx_zip_bomb_refused_in_the_users_language(app, lang, expected):
    from zip_bomb import zip_bomb
    at = upload(goto(app(lang), PAGE), zip_bomb(310_000, declared_rows=1), "bomb.xlsx")
    assert [e.value for e in at.error] and expected in at.error[0].value
    assert not at.metric
    # a workbook has no encoding or separator to choose
    assert not [s for s in at.selectbox if s.key in ("measure_encoding", "measure_sep")]
