"""Reading survey exports: encodings, separators, XLSX, cleaning, dates, column guesses, CLI."""
import codecs
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from surveys.analysis import analyze_file, analyze_table
from surveys.columns import guess_columns
from surveys.dates import parse_dates
from surveys.encodings import detect_encoding
from surveys.errors import SurveyInputError
from surveys.reading import read_table
from surveys.scores import clean_scores

ROOT = Path(__file__).resolve().parents[2]

GREEK_ROWS = (
    "Χρονική σήμανση;Πόσο πιθανό είναι να μας προτείνετε σε έναν φίλο;"
    "Πόσο ικανοποιημένος είστε;Κατάστημα;Σχόλια\n"
    "15/03/2026 10:23:11;9,0;5;Αθήνα;Πολύ καλή εξυπηρέτηση\n"       # line 2
    "16/03/2026 11:00:00;10;4;Θεσσαλονίκη;\n"                        # line 3
    '02/04/2026 09:00:00;7;3;Αθήνα;"δύο\ngrammές"\n'                 # lines 4-5
    "\n"                                                            # line 6 (blank)
    "xx;11;3;Πάτρα;\n"                                               # line 7
    "05/04/2026 09:00:00;;2;Πάτρα;Καθόλου\n"                         # line 8
    "06/04/2026 09:00:00;7,5;1;Πάτρα;\n"                             # line 9
    "07/04/2026 09:00:00;δεν ξέρω;5;Πάτρα;\n"                        # line 10
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def reasons(rows):
    return [(r["line"], r["value"], r["reason"]) for r in rows]


EXPECTED_NPS_INVALID = [(7, "11", "out_of_range"), (8, "", "empty"),
                        (9, "7,5", "not_integer"), (10, "δεν ξέρω", "not_a_number")]


# ----------------------------------------------------------------------------- encodings
def test_greek_cp1253_semicolon_decimal_comma(tmp_path):
    p = write(tmp_path, "export.csv", GREEK_ROWS.encode("cp1253"))
    t = read_table(p)
    assert t.encoding == "cp1253" and t.separator == ";"
    assert list(t.df.columns)[0] == "Χρονική σήμανση"
    out = analyze_file(p, "nps")
    assert out["encoding"] == "cp1253" and out["separator"] == ";"
    assert out["n"] == 3 and out["counts"]["9"] == 1 and out["counts"]["10"] == 1
    assert out["counts"]["7"] == 1
    assert reasons(out["invalid_rows"]) == EXPECTED_NPS_INVALID
    assert out["columns"] == {"value": "Πόσο πιθανό είναι να μας προτείνετε σε έναν φίλο",
                              "date": "Χρονική σήμανση", "segment": "Κατάστημα"}
    assert [(p_["period"], p_["n"]) for p_ in out["by_period"]] == [("2026-03", 2), ("2026-04", 1)]
    assert [(s["segment"], s["n"]) for s in out["by_segment"]] == [
        ("Αθήνα", 2), ("Θεσσαλονίκη", 1), ("Πάτρα", 0)]


def test_csat_with_bad_date_reported_for_breakdown_only(tmp_path):
    p = write(tmp_path, "export.csv", GREEK_ROWS.encode("cp1253"))
    out = analyze_file(p, "csat")
    assert out["n"] == 7 and out["invalid_rows"] == []      # 5, 4, 3, 3, 2, 1, 5
    assert out["value"] == pytest.approx(100 * 3 / 7)
    assert reasons(out["invalid_dates"]) == [(7, "xx", "bad_date")]
    assert sum(p_["n"] for p_ in out["by_period"]) == 6
    assert any(w["code"] == "invalid_dates" for w in out["warnings"])


def test_utf8_bom_comma(tmp_path):
    text = GREEK_ROWS.replace(";", ",").replace("9,0", '"9,0"').replace("7,5", '"7,5"')
    p = write(tmp_path, "bom.csv", text.encode("utf-8-sig"))
    out = analyze_file(p, "nps")
    assert out["encoding"] == "utf-8-sig" and out["separator"] == ","
    assert "\ufeff" not in out["columns"]["date"]
    assert reasons(out["invalid_rows"]) == EXPECTED_NPS_INVALID


def test_utf16_tab_excel_unicode_text(tmp_path):
    p = write(tmp_path, "unicode.txt", GREEK_ROWS.replace(";", "\t").encode("utf-16"))
    out = analyze_file(p, "nps")
    assert out["encoding"] == "utf-16" and out["separator"] == "\t"
    assert out["n"] == 3
    assert reasons(out["invalid_rows"]) == EXPECTED_NPS_INVALID


def test_detect_cp1253_versus_cp1252():
    assert detect_encoding("Ικανοποίηση;Κατάστημα\n5;Αθήνα\n".encode("cp1253")) == "cp1253"
    assert detect_encoding("Café;Müller;Straße\n5;Crème brûlée\n".encode("cp1252")) == "cp1252"
    assert detect_encoding("Αθήνα".encode()) == "utf-8"
    assert detect_encoding(codecs.BOM_UTF8 + b"a") == "utf-8-sig"


def test_non_utf8_after_the_detection_sample(tmp_path):
    # ASCII for the first 64 KB, Greek cp1253 later: the strict UTF-8 parse fails → redetect
    body = "nps;store\n" + "9;A\n" * 20000 + "10;Αθήνα\n"
    p = write(tmp_path, "late.csv", body.encode("cp1253"))
    out = analyze_file(p, "nps", column="nps", segment_column="store")
    assert out["encoding"] == "cp1253" and out["n"] == 20001
    assert [s["segment"] for s in out["by_segment"]] == ["A", "Αθήνα"]


def test_encoding_and_separator_overrides(tmp_path):
    p = write(tmp_path, "x.csv", "a|b\n1|Αθήνα\n".encode("cp1253"))
    t = read_table(p, encoding="cp1253", sep="|")
    assert t.df.loc[0, "b"] == "Αθήνα"
    with pytest.raises(SurveyInputError) as e:
        read_table(p, encoding="utf-8")
    assert e.value.code == "bad_encoding"
    with pytest.raises(SurveyInputError) as e:
        read_table(p, encoding="klingon")
    assert e.value.code == "unknown_encoding"


# ----------------------------------------------------------------------------- XLSX
def test_xlsx_excel_row_numbers_and_native_dates(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Απαντήσεις"
    ws.append(["Timestamp", "How likely are you to recommend us?", "Store", "Why?"])  # row 1
    ws.append([datetime(2026, 1, 5, 10, 0), 10, "Athens", "great"])                 # row 2
    ws.append([datetime(2026, 2, 7, 9, 30), "9 - Πολύ πιθανό", "Patra", None])      # row 3
    ws.append([None, None, None, None])                                              # row 4 empty
    ws.append([datetime(2026, 2, 8), 12, "Patra", None])                             # row 5
    ws.append([datetime(2026, 2, 9), "", "Athens", "x"])                             # row 6
    ws.append([datetime(2026, 2, 9), 3, "Athens", None])                             # row 7
    p = tmp_path / "forms.xlsx"
    wb.save(p)
    t = read_table(p)
    assert t.kind == "xlsx" and t.sheet == "Απαντήσεις"
    assert list(t.lines.array) == [2, 3, 5, 6, 7]
    out = analyze_file(p)                       # metric guessed: nps
    assert out["metric"] == "nps" and out["n"] == 3
    assert reasons(out["invalid_rows"]) == [(5, "12", "out_of_range"), (6, "", "empty")]
    assert [(x["period"], x["n"]) for x in out["by_period"]] == [("2026-01", 1), ("2026-02", 2)]
    assert [(x["segment"], x["n"]) for x in out["by_segment"]] == [("Athens", 2), ("Patra", 1)]


def test_bad_xlsx_and_old_xls(tmp_path):
    with pytest.raises(SurveyInputError) as e:
        read_table(write(tmp_path, "broken.xlsx", b"PK\x03\x04garbage-not-a-zip"))
    assert e.value.code == "bad_xlsx"
    with pytest.raises(SurveyInputError) as e:
        read_table(write(tmp_path, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100))
    assert e.value.code == "xls_not_supported"


# ----------------------------------------------------------------------------- errors
def test_input_errors_have_stable_codes(tmp_path):
    cases = {
        "empty": write(tmp_path, "empty.csv", b""),
        "not_a_table": write(tmp_path, "img.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        "file_not_found": tmp_path / "missing.csv",
    }
    for code, path in cases.items():
        with pytest.raises(SurveyInputError) as e:
            read_table(path)
        assert e.value.code == code, path
        assert e.value.message
    with pytest.raises(SurveyInputError) as e:
        read_table(write(tmp_path, "bin.csv", b"a,b\n\x00\x01\x02\x03\x04\x05" * 50))
    assert e.value.code == "not_a_table"


def test_size_limit_checked_before_parsing(tmp_path):
    p = write(tmp_path, "big.csv", b"nps\n" + b"9\n" * 2000)
    with pytest.raises(SurveyInputError) as e:
        read_table(p, max_bytes=1000)
    assert e.value.code == "too_large" and e.value.params["limit"] == 1000
    with pytest.raises(SurveyInputError) as e:
        read_table(p.read_bytes(), max_bytes=1000)
    assert e.value.code == "too_large"


def test_no_such_column(tmp_path):
    p = write(tmp_path, "x.csv", b"nps,store\n9,A\n")
    with pytest.raises(SurveyInputError) as e:
        analyze_file(p, "nps", column="score")
    assert e.value.code == "no_such_column" and "nps, store" in e.value.message


# ----------------------------------------------------------------------------- cleaning
def test_clean_scores_text_answers():
    raw = pd.Series([" 9 ", "9,0", "9 - Πολύ πιθανό", "10 (Extremely likely)", "8/10",
                     "Εξαιρετικά πιθανό", "3-4", "7.5", "11", "", None, "abc", 6.0])
    c = clean_scores(raw, "nps")
    assert c.values.tolist() == [9, 9, 9, 10, 8, 10, 6]
    assert reasons(c.invalid_rows) == [
        (8, "3-4", "not_a_number"), (9, "7.5", "not_integer"), (10, "11", "out_of_range"),
        (11, "", "empty"), (12, "", "empty"), (13, "abc", "not_a_number")]


def test_clean_scores_csat_stars_and_words():
    raw = pd.Series(["5★", "★★★★", "⭐⭐⭐", "Πολύ ικανοποιημένος", "Very satisfied",
                     "Καθόλου ικανοποιημένη", "Ικανοποιημένο", "Ουδέτερο", "Συμφωνώ απόλυτα",
                     "4/10", "Λίγο ικανοποιημένος", "0"])
    c = clean_scores(raw, "csat")
    assert c.values.tolist() == [5, 4, 3, 5, 5, 1, 4, 3, 5]
    assert [r["reason"] for r in c.invalid_rows] == ["not_a_number", "not_a_number",
                                                     "out_of_range"]


def test_clean_scores_ces_agreement_scales():
    raw = pd.Series(["Συμφωνώ απόλυτα", "Strongly agree", "Διαφωνώ απόλυτα", "Ουδέτερο",
                     "Μάλλον συμφωνώ", "Διαφωνώ", "Somewhat disagree", "agree"])
    assert clean_scores(raw, "ces", 7).values.tolist() == [7, 7, 1, 4, 5, 2, 3, 6]
    effort = pd.Series(["Very low effort", "Πολύ εύκολο", "Δύσκολο", "5", "6"])
    c5 = clean_scores(effort, "ces", 5)
    assert c5.values.tolist() == [1, 1, 4, 5]
    assert c5.invalid_rows == [{"line": 6, "value": "6", "reason": "out_of_range"}]


def test_numbers_written_as_words_in_greek_and_english():
    """«δέκα» is 10, with any accents or case; the scale's range still applies."""
    raw = pd.Series(["δέκα", "ΔΈΚΑ", "Δεκα", "Εννιά", "εννέα.", "μηδέν", "Ten", "ZERO", "εφτά", "Επτά",
                     "οχτώ", "τέσσερις", "μία", "έντεκα"])
    c = clean_scores(raw, "nps")
    assert c.values.tolist() == [10, 10, 10, 9, 9, 0, 10, 0, 7, 7, 8, 4, 1]
    assert reasons(c.invalid_rows) == [(15, "έντεκα", "not_a_number")]
    csat = clean_scores(pd.Series(["πέντε", "Τρία", "δέκα", "μηδέν"]), "csat")
    assert csat.values.tolist() == [5, 3]
    assert [r["reason"] for r in csat.invalid_rows] == ["out_of_range", "out_of_range"]
    assert clean_scores(pd.Series(["επτά", "seven", "ένα"]), "ces", 7).values.tolist() == [7, 7, 1]


def test_a_file_answered_in_words_reads_ten(tmp_path):
    path = tmp_path / "λέξεις.csv"
    path.write_bytes("Πόσο πιθανό είναι να μας προτείνετε;Κατάστημα\nδέκα;Αθήνα\nΔέκα;Πάτρα\nεννιά;Αθήνα\n"
                     .encode("cp1253"))
    out = analyze_file(path, "nps")
    assert (out["n"], out["value"], out["invalid_rows"]) == (3, 100.0, [])


def test_clean_scores_custom_line_numbers():
    c = clean_scores(pd.Series([1, 99]), "csat", lines=[10, 42])
    assert c.invalid_rows == [{"line": 42, "value": "99", "reason": "out_of_range"}]


def test_line_numbers_fast_path_without_quotes(tmp_path):
    body = "nps\n" + "".join(f"{i % 11}\n" for i in range(500)) + "12\n"
    out = analyze_file(write(tmp_path, "plain.csv", body.encode()), "nps", column="nps")
    assert out["invalid_rows"] == [{"line": 502, "value": "12", "reason": "out_of_range"}]


def test_line_numbers_crlf_and_blank_lines(tmp_path):
    body = "nps;x\r\n9;a\r\n\r\n\r\n11;b\r\n"
    out = analyze_file(write(tmp_path, "crlf.csv", body.encode()), "nps", column="nps")
    assert reasons(out["invalid_rows"]) == [(5, "11", "out_of_range")]


# ----------------------------------------------------------------------------- dates
def test_parse_dates_formats():
    raw = pd.Series(["15/03/2026", "2026-03-15", "2026/03/15 10:23:11 π.μ. EET",
                     "2026/03/15 10:23:11 μ.μ. EET", "5/3/2026 08:00", "15.03.2026", "",
                     "32/13/2026", None])
    r = parse_dates(raw)
    d = r.dates
    assert d[0] == pd.Timestamp("2026-03-15") and d[1] == pd.Timestamp("2026-03-15")
    assert d[2] == pd.Timestamp("2026-03-15 10:23:11")
    assert d[3] == pd.Timestamp("2026-03-15 22:23:11")
    assert d[4] == pd.Timestamp("2026-03-05 08:00")          # day first
    assert d[5] == pd.Timestamp("2026-03-15")
    assert reasons(r.invalid_rows) == [(8, "", "empty"), (9, "32/13/2026", "bad_date"),
                                       (10, "", "empty")]


def test_parse_dates_excel_serial_and_month_first():
    serial = (date(2026, 3, 15) - date(1899, 12, 30)).days
    assert parse_dates(pd.Series([serial, serial + 0.5])).dates.tolist() == [
        pd.Timestamp("2026-03-15"), pd.Timestamp("2026-03-15 12:00")]
    us = parse_dates(pd.Series(["03/15/2026", "04/20/2026", "01/02/2026"]))
    assert us.order == "month_first"
    assert us.dates.tolist() == [pd.Timestamp("2026-03-15"), pd.Timestamp("2026-04-20"),
                                 pd.Timestamp("2026-01-02")]
    assert [w["code"] for w in us.warnings] == ["dates_month_first"]


# ----------------------------------------------------------------------------- guessing
def test_guess_columns_greek_and_english():
    df = pd.DataFrame({
        "Χρονική σήμανση": ["15/03/2026 10:00:00"] * 3,
        "Γιατί θα μας προτείνατε;": ["γιατί ναι", "καλή τιμή", "—"],
        "Πόσο πιθανό είναι να μας προτείνετε σε φίλο;": [9, 10, 3],
        "Πόσο ικανοποιημένος είστε από την εξυπηρέτηση;": [5, 4, 2],
        "Η εταιρεία μου έκανε εύκολο να λύσω το θέμα μου": [7, 6, 1],
        "Κανάλι": ["e-shop", "κατάστημα", "τηλέφωνο"],
    })
    assert guess_columns(df) == {
        "nps": "Πόσο πιθανό είναι να μας προτείνετε σε φίλο;",
        "csat": "Πόσο ικανοποιημένος είστε από την εξυπηρέτηση;",
        "ces": "Η εταιρεία μου έκανε εύκολο να λύσω το θέμα μου",
        "date": "Χρονική σήμανση", "segment": "Κανάλι"}
    en = pd.DataFrame({"Timestamp": ["2026-03-01"], "NPS": [8], "CSAT": [4],
                       "Customer effort (CES)": [5], "Store": ["A"], "Services used": ["x"]})
    assert guess_columns(en) == {"nps": "NPS", "csat": "CSAT", "ces": "Customer effort (CES)",
                                 "date": "Timestamp", "segment": "Store"}
    assert guess_columns(pd.DataFrame({"a": [1], "b": ["x"]})) == dict.fromkeys(
        ["nps", "csat", "ces", "date", "segment"])


# ----------------------------------------------------------------------------- CLI
def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "surveys", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT)


def test_cli_prints_json(tmp_path):
    p = write(tmp_path, "export.csv", GREEK_ROWS.encode("cp1253"))
    r = run_cli(p)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    for key in ("metric", "value", "n", "ci_low", "ci_high", "counts", "invalid_rows", "warnings",
                "mean", "scale", "formula", "encoding", "separator", "by_period", "by_segment"):
        assert key in out
    assert out["metric"] == "nps" and out["encoding"] == "cp1253"
    assert "Θεσσαλονίκη" in r.stdout                      # ensure_ascii=False
    assert reasons(out["invalid_rows"]) == EXPECTED_NPS_INVALID
    r = run_cli(p, "--metric", "csat", "--freq", "Q")
    assert json.loads(r.stdout)["by_period"][0]["period"] == "2026Q1"


@pytest.mark.parametrize("make, extra, fragment", [
    (lambda d: d / "nope.csv", [], "not found"),
    (lambda d: write(d, "img.png", b"\x89PNG\r\n\x1a\n" + bytes(200)), [], "does not look like a table"),
    (lambda d: write(d, "e.csv", b""), [], "empty"),
    (lambda d: write(d, "x.csv", b"nps\n9\n"), ["--column", "missing"], "no column 'missing'"),
    (lambda d: write(d, "x.csv", b"nps\n9\n" * 1000), ["--max-mb", "0.001"], "limit"),
    (lambda d: write(d, "x.xlsx", b"PK\x03\x04junk"), [], "Excel file could not be read"),
    (lambda d: write(d, "x.csv", b"a,b\n1,2\n"), [], "No NPS, CSAT or CES column"),
    (lambda d: write(d, "x.csv", b"nps\n9\n"), ["--metric", "bogus"], "invalid choice"),
])
def test_cli_errors_exit_2_with_one_line(tmp_path, make, extra, fragment):
    r = run_cli(make(tmp_path), *extra)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert fragment in lines[0]
    assert "Traceback" not in r.stderr


def test_breakdowns_same_without_the_count_cube(tmp_path, monkeypatch):
    from surveys import breakdown
    p = write(tmp_path, "export.csv", GREEK_ROWS.encode("cp1253"))
    a = analyze_file(p, "csat")
    monkeypatch.setattr(breakdown, "MAX_CUBE", 0)
    b = analyze_file(p, "csat")
    assert a == b and len(a["by_period"]) == 2 and len(a["by_segment"]) == 3


def test_upload_like_file_object():
    import io
    buf = io.BytesIO(GREEK_ROWS.encode("utf-8"))
    buf.name = "uploads/export.csv"
    t = read_table(buf)
    assert t.name == "export.csv" and t.encoding == "utf-8" and len(t.df) == 7


@pytest.mark.parametrize("values", [
    ["15/03/2026", "29/02/2024", "01/01/1999", "31/12/2199"],        # canonical: pyarrow reads them
    ["15/03/2026", "31/04/2026"],                                     # no 31 April
    ["15/03/2026", "29/02/2023"],                                     # not a leap year
    ["15/03/2026", "1/3/2026", " 02/03/2026"],                        # not written out in full
    ["15/03/2026", "01/01/1850", "01/01/0999"],                       # outside the years it reads
    ["03/15/2026", "04/20/2026"],                                     # month first
    ["15/03/2026", "2026-03-16", "xx", "15/03/2026 10:00"],
])
def test_canonical_dates_read_as_the_general_rules_read_them(values, monkeypatch):
    """Dates all written dd/mm/yyyy are parsed by pyarrow (surveys.dates._canonical_day_first);
    the dates, invalid rows, order and warnings must be those of the general rules."""
    import surveys.dates as dates_mod
    s = pd.Series(values * 3, dtype=object)
    fast = parse_dates(s)
    monkeypatch.setattr(dates_mod, "_canonical_day_first", lambda u: None)
    slow = parse_dates(s)
    assert fast.dates.tolist() == slow.dates.tolist()
    assert (fast.invalid_rows, fast.order, fast.warnings) == (slow.invalid_rows, slow.order, slow.warnings)


def test_a_date_out_of_range_is_a_bad_date_not_a_crash():
    """01/01/0999 (a typo for 1999) crashed the analysis with OutOfBoundsDatetime."""
    t = read_table(b"Date,NPS\n15/03/2026,9\n01/01/0999,8\n")
    out = analyze_table(t, "nps")
    assert out["n"] == 2 and out["invalid_dates"] == [{"line": 3, "value": "01/01/0999", "reason": "bad_date"}]
