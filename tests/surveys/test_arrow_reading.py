"""CSV on Arrow reads what pandas.read_csv read: same values, same analysis, same line numbers.

Every case is read twice, through pyarrow (the normal path) and through pandas' C parser (the
path taken when pyarrow refuses a file), and the two must agree."""
import json

import pandas as pd
import pytest

from surveys import csv_reader
from surveys.analysis import analyze_table
from surveys.reading import read_table

CASES = {
    "plain": "nps;store\n9;A\n10;B\n3;A\n",
    "spaces_and_floats": "nps,x\n 9,a\n10 ,b\n7.5,c\n1e1,d\n-1,e\n",
    "missing_words": "nps,store\nNA,A\nN/A,B\nnull,C\nNone,D\n<NA>,E\n9,\n,F\n",
    "booleans": "nps,flag,mixed\n9,true,1\n10,False,0\n3,TRUE,true\n",
    "empty_column_and_trailing_sep": "nps;empty;\n9;;\n10;;\n",
    "duplicate_headers": "nps,nps,,x\n9,10,1,a\n8,7,2,b\n",
    "quoted_multiline": 'nps,comment,store\n9,"two\nlines",A\n10,"with ""quotes""",B\n11,"x",A\n',
    "blank_lines_crlf": "nps;x\r\n9;a\r\n\r\n\r\n11;b\r\n",
    "words_and_stars": ("Πόσο πιθανό (NPS),Ικανοποίηση (CSAT)\n9 - Πολύ πιθανό,5★\n"
                        "Σίγουρα,Πολύ ικανοποιημένη\nδεν ξέρω,\n"),
    "dates_mixed": "Ημερομηνία,NPS\n15/03/2026,9\n2026-03-16,10\nxx,3\n,8\n03/15/2026 10:00,7\n",
    "header_only": "nps,store\n",
    "greek_segments": "NPS;Κατάστημα\n9;Αθήνα\n10; Αθήνα \n3;αθήνα\n7;Άλσος\n8;\n",
}


def _refuse_arrow(*_a, **_k):
    raise csv_reader._NotForArrow("forced")


def read_both(data: bytes, monkeypatch):
    arrow = read_table(data)
    with monkeypatch.context() as m:
        m.setattr(csv_reader, "_arrow_csv", _refuse_arrow)
        pandas = read_table(data)
    return arrow, pandas


def values(df: pd.DataFrame) -> dict:
    return {c: [None if pd.isna(v) else v for v in df[c].astype(object)] for c in df.columns}


def as_json(result) -> str:
    return json.dumps(result, ensure_ascii=False, default=str)


def assert_same(*results) -> None:
    """Every result (an analysis, or a table's outcome) is the same as the first, to the byte."""
    first, *rest = (as_json(r) for r in results)
    assert all(r == first for r in rest), rest


def analyses(tables, metrics=("nps",), segment_column="store"):
    """Each table's analysis for each metric (the metric's own column), segmented by store."""
    return [[analyze_table(t, m, column=m, segment_column=segment_column) for m in metrics] for t in tables]


@pytest.fixture
def split_reads(monkeypatch):
    """Big files are split in halves from 1000 bytes on; the list holds the column names of each
    part read (surveys.csv_parts._read)."""
    from surveys import csv_parts
    reads = []
    real_read = csv_parts._read
    monkeypatch.setattr(csv_parts, "_read", lambda buf, names, *a: reads.append(names) or real_read(buf, names, *a))
    monkeypatch.setattr(csv_parts, "MIN_SPLIT_BYTES", 1000)
    return reads


def read_in_one(data: bytes, monkeypatch):
    from surveys import csv_parts
    with monkeypatch.context() as m:
        m.setattr(csv_parts, "MIN_SPLIT_BYTES", 1 << 40)
        return read_table(data)


@pytest.mark.parametrize("metric", ["nps", "csat", "ces"])
@pytest.mark.parametrize("name", CASES)
def test_arrow_and_pandas_read_the_same(name, metric, monkeypatch):
    data = CASES[name].encode("utf-8")
    arrow, pandas = read_both(data, monkeypatch)
    assert list(arrow.df.columns) == list(pandas.df.columns)
    assert values(arrow.df) == values(pandas.df)
    for col in arrow.df.columns:
        try:
            a = analyze_table(arrow, metric, column=col)
        except Exception as exc:  # noqa: BLE001 - the same refusal on both paths
            with pytest.raises(type(exc)):
                analyze_table(pandas, metric, column=col)
            continue
        assert as_json(a) == as_json(analyze_table(pandas, metric, column=col)), col


def test_short_rows_fall_back_to_pandas():
    t = read_table(b"nps,store,x\n9,A\n10,B,1\n")  # pyarrow refuses the short row; pandas pads
    assert len(t.df) == 2 and pd.isna(t.df["x"][0])


def test_big_text_columns_stay_text_and_small_ones_are_categories():
    rows = "".join(f"{i % 11},A{i % 3},comment {i}\n" for i in range(30_000))
    t = read_table(("nps,store,comment\n" + rows).encode())
    assert str(t.df["store"].dtype) == "category" and str(t.df["comment"].dtype) != "category"
    assert analyze_table(t, "nps", column="nps", segment_column="store")["n"] == 30_000


@pytest.mark.parametrize("source", ["bytes", "path"])
def test_line_breaks_inside_quotes_across_read_blocks(source, tmp_path):
    """pyarrow reads in blocks of about 1 MB; a quoted value with a line break may sit on a block
    boundary anywhere in a big file, from a path or from an upload's bytes."""
    rows = "".join(f'{i % 11},"γραμμή {i}\nκαι δεύτερη",A{i % 4}\n' for i in range(60_000))
    data = ("nps,comment,store\n" + rows).encode("utf-8")
    assert len(data) > 2_500_000
    if source == "path":
        (tmp_path / "quoted.csv").write_bytes(data)
    arrow = read_table(data if source == "bytes" else tmp_path / "quoted.csv")
    assert len(arrow.df) == 60_000 and arrow.df["comment"].iloc[-1] == "γραμμή 59999\nκαι δεύτερη"
    out = analyze_table(arrow, "nps", column="nps", segment_column="store")
    assert out["n"] == 60_000 and [s["n"] for s in out["by_segment"]] == [15_000] * 4


@pytest.mark.parametrize("tail", ["300", "abc", "7.5", "NA", ""])
def test_score_columns_declared_from_the_head_read_as_pandas_does(tail, monkeypatch):
    """The head's small whole numbers make the score column int8 up front; a value past the
    head (64 KB) that does not fit must give what pandas reads, not an error or a wrong value."""
    rows = "".join(f"{i % 11},{i % 5 + 1},A{i % 3}\n" for i in range(12_000))
    data = ("nps,csat,store\n" + rows + f"{tail},3,B\n" + rows[:rows.index("\n", 2000) + 1]).encode()
    arrow, pandas = read_both(data, monkeypatch)
    assert values(arrow.df) == values(pandas.df)
    assert str(arrow.df["csat"].dtype) == "int8"
    assert_same(*analyses((arrow, pandas)))


def test_invalid_utf8_past_the_head_is_still_found():
    rows = "".join(f"{i % 11},Αθήνα{i % 3}\n" for i in range(12_000)).encode()
    t = read_table(b"nps,store\n" + rows + "9,Πάτρα\n".encode("cp1253"))
    assert t.encoding != "utf-8" and "Πάτρα" in set(t.df["store"].astype(str))


SPLIT_TAILS = {
    "same_types": "9,3,A\n",
    "word_in_a_score_column": "abc,3,B\n",
    "decimal_in_a_score_column": "7.5,3,B\n",
    "missing_word": "NA,3,B\n",
    "new_store_only_at_the_end": "9,3,Ζ\n",
}


@pytest.mark.parametrize("tail", SPLIT_TAILS)
def test_halves_on_two_threads_read_what_one_read_reads(tail, split_reads, monkeypatch):
    """A file without quotes is parsed in two halves on two threads (surveys.csv_parts); whatever
    the second half holds, the table and the analysis are those of one read and of pandas."""
    rows = "".join(f"{i % 11},{i % 5 + 1},Κ{i % 3}\n" for i in range(12_000))
    data = ("nps,csat,store\n" + rows + rows + SPLIT_TAILS[tail]).encode()
    halves, pandas = read_both(data, monkeypatch)
    assert ["nps", "csat", "store"] in split_reads  # the second half was read on its own
    one = read_in_one(data, monkeypatch)
    assert values(halves.df) == values(one.df) == values(pandas.df)
    assert [str(t) for t in halves.df.dtypes] == [str(t) for t in one.df.dtypes]
    assert_same(*analyses((halves, one, pandas), ("nps", "csat")))


def test_every_category_of_a_csv_column_occurs():
    """ImportedTable.complete_categories lets the analysis skip the check for unused
    categories: it must only name columns whose every category occurs (empty cells and
    missing-value words are missing, not categories)."""
    rows = "".join(f"{i % 11},{['Α', 'Β', '', 'NA', 'Γ'][i % 5]},{['x', 'y'][i % 2]}\n" for i in range(3_000))
    t = read_table(("nps,store,channel\n" + rows).encode())
    assert t.complete_categories == {"store", "channel"}
    for col in t.complete_categories:
        cat = t.df[col].array
        assert set(cat.codes[cat.codes >= 0]) == set(range(len(cat.categories)))
    assert set(t.df["store"].cat.categories) == {"Α", "Β", "Γ"}


@pytest.mark.parametrize("new_stores", [100, 200, 20_000])
def test_halves_with_few_and_many_stores_give_the_codes_of_one_read(new_stores, split_reads, monkeypatch):
    """Each half narrows its store codes on its own thread (surveys.csv_parts.half_codes): a first
    half with 3 stores (one byte) and a second with 100, 200 or 20,000 new ones (two or four
    bytes) still give the categories, codes and code type of one read (100 + 3 stores: one byte
    for pandas; 203: two)."""
    # rows of one length, the first part a little longer: the cut falls in it
    first = "".join(f"{i % 11},Κ{i % 3:05d}\n" for i in range(30_100))
    second = "".join(f"{i % 11},Σ{i % new_stores:05d}\n" for i in range(30_000))
    data = ("nps,store\n" + first + second).encode()
    halves = read_table(data)
    assert ["nps", "store"] in split_reads and len(split_reads) == 2  # two halves, not read again in one go
    one = read_in_one(data, monkeypatch)
    assert values(halves.df) == values(one.df)
    a, b = halves.df["store"].cat, one.df["store"].cat
    assert list(a.categories) == list(b.categories)
    assert a.codes.dtype == b.codes.dtype and a.codes.tolist() == b.codes.tolist()
    assert_same(*analyses((halves, one)))


QUOTED_TAILS = {
    "line_break_in_a_quoted_store": '9,3,"Κ\n1"\n',
    "separator_in_a_quoted_store": '9,3,"Α,Β"\n',
    "quoted_score": '"9",3,A\n',
    "quote_inside_a_store": '9,3,Κ"1\n',
    "quoted_store": '9,3,"Κ1"\n',
    "short_row_and_no_quote": "9,3\n",
}


@pytest.mark.parametrize("tail", QUOTED_TAILS)
def test_a_quote_past_the_head_gives_what_one_read_with_quotes_gives(tail, monkeypatch):
    """Without a quote in the head, a big file's halves are read with quotes off and look for a
    quote in their text values (surveys.csv_parts.read_whole); a quote further down (a line
    break or a separator inside quotes, a quoted score, a stray quote) or a short row still gives
    the table, analysis and line numbers, or the error, of one read with quotes and of pandas."""
    from surveys import csv_parts
    rows = "".join(f"{i % 11},{i % 5 + 1},Κ{i % 3}\n" for i in range(12_000))
    data = ("nps,csat,store\n" + rows + rows + QUOTED_TAILS[tail] + rows[:60]).encode()
    assert data.find(b'"', 0, 1 << 16) < 0  # the head holds none
    monkeypatch.setattr(csv_parts, "MIN_SPLIT_BYTES", 1000)

    def outcome(t):
        if isinstance(t, Exception):
            return repr(t)
        return values(t.df), analyses((t,), ("nps", "csat"))[0]

    def read(d):
        try:
            return read_table(d)
        except Exception as exc:  # noqa: BLE001 - the error itself is compared
            return exc

    halves = read(data)
    with monkeypatch.context() as m:
        m.setattr(csv_parts, "MIN_SPLIT_BYTES", 1 << 40)
        one = read(data)
        m.setattr(csv_reader, "_arrow_csv", _refuse_arrow)
        pandas = read(data)
    assert_same(outcome(halves), outcome(one), outcome(pandas))
