"""What is read is bounded before it is read: an XLSX "zip bomb" (a few hundred kB that unpack to
millions of rows) is refused from its zip directory and its sheet's XML without openpyxl
parsing a row; a CSV with too many rows is refused too; every refusal has a code with a Greek
and an English text.  Before: the 6,000,000-row bomb was read for 86 s at 1.3 GB and reported as
NPS +100 with n = 6,000,000."""
import io

import openpyxl
import pytest
import yaml
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from surveys import csv_reader
from surveys.errors import MESSAGES, SurveyInputError
from surveys.reading import read_table
from surveys.source import XLSX_MAX_ROWS
from surveys.xlsx_reader import check_unpacked_size, read_xlsx
from zip_bomb import zip_bomb

ROWS = XLSX_MAX_ROWS + 10_000   # just over the limit: the test stays fast


@pytest.fixture
def no_row_parsing(monkeypatch):
    """Fails the test if openpyxl starts parsing the rows of a sheet."""
    def parse(*_a, **_k):
        raise AssertionError("openpyxl parsed rows of a sheet that should have been refused")
        yield  # pragma: no cover
    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", parse)


def code_of(fn, *args, **kw) -> SurveyInputError:
    with pytest.raises(SurveyInputError) as e:
        fn(*args, **kw)
    return e.value


def test_bomb_refused_by_its_dimension_before_reading(no_row_parsing):
    data = zip_bomb(ROWS)
    assert len(data) < 100_000
    err = code_of(read_table, data)
    assert err.code == "too_many_rows" and err.params["limit"] == XLSX_MAX_ROWS


def test_bomb_with_a_lying_dimension_refused_by_counting_its_rows(no_row_parsing):
    err = code_of(read_table, zip_bomb(ROWS, declared_rows=1))
    assert err.code == "too_many_rows" and err.params["rows"] == ROWS + 1


def test_unpacked_size_checked_from_the_zip_directory(no_row_parsing):
    data = zip_bomb(50_000)
    unpacked = check_unpacked_size(data)
    assert unpacked > 1_000_000 > len(data)
    err = code_of(read_xlsx, data, "bomb.xlsx", None, max_unpacked=1_000_000)
    assert err.code == "xlsx_too_large" and err.params["size"] == unpacked


def test_cells_are_bounded_too():
    wb = openpyxl.Workbook()
    for i in range(30):
        wb.active.append([i % 11] * 10)
    buf = io.BytesIO()
    wb.save(buf)
    err = code_of(read_xlsx, buf.getvalue(), "wide.xlsx", None, max_cells=200)
    assert err.code == "too_many_cells" and (err.params["rows"], err.params["columns"]) == (30, 10)
    # under the limits the same workbook reads as before
    assert len(read_xlsx(buf.getvalue(), "wide.xlsx", None).df) == 29


def test_small_bomb_like_workbook_still_reads():
    t = read_table(zip_bomb(40))
    assert t.kind == "xlsx" and len(t.df) == 40 and list(t.lines.array[:2]) == [2, 3]


def test_csv_row_limit(monkeypatch):
    monkeypatch.setattr(csv_reader, "MAX_ROWS", 5)
    assert code_of(read_table, b"nps\n" + b"9\n" * 6).code == "too_many_rows"
    assert len(read_table(b"nps\n" + b"9\n" * 5).df) == 5


def test_every_input_error_has_greek_and_english_text():
    from pathlib import Path
    catalog = yaml.safe_load((Path(__file__).parents[2] / "i18n/catalog/measure.yaml").read_text(encoding="utf-8"))
    missing = [code for code in MESSAGES
               if not all(catalog.get(f"metrics.error.{code}", {}).get(lang) for lang in ("el", "en"))]
    assert missing == []
