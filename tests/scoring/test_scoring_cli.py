"""`python -m scoring` with bad files: status 2 and one line, English by default and Greek with
--lang el; never a traceback (a deeply nested file used to end in a RecursionError)."""
from __future__ import annotations

import json
import re

import pytest

from bad_inputs import BAD_SURVEYS, deep_json, document, duplicate_key_json
from checklists import load_model
from cli_support import run_scoring
from fixture_model import write_model


@pytest.fixture(scope="module")
def content_dir(tmp_path_factory):
    return write_model(tmp_path_factory.mktemp("content"))


@pytest.fixture(scope="module")
def model(content_dir):
    return load_model(content_dir)


def bad_files(model) -> dict[str, bytes]:
    return {
        "deep": deep_json(),
        "duplicate": duplicate_key_json(model, "answer"),
        "nan": json.dumps(document(model)).replace('"value": 3', '"value": NaN', 1).encode(),
        "huge_number": json.dumps(document(model)).replace('"value": 3', '"value": ' + "9" * 5000, 1).encode(),
        "survey": json.dumps(document(model, surveys=[BAD_SURVEYS["value_text"]])).encode(),
        "cp1253": json.dumps(document(model), ensure_ascii=False).encode("cp1253", "replace"),
        "huge": b"{" + b" " * (6 * 1024 * 1024) + b"}",
    }


@pytest.mark.parametrize("case", ["deep", "duplicate", "nan", "huge_number", "survey", "cp1253", "huge"])
@pytest.mark.parametrize("lang", ["en", "el"])
def test_bad_file_exits_2_with_one_line_in_the_language(tmp_path, content_dir, model, case, lang):
    f = tmp_path / "bad.json"
    f.write_bytes(bad_files(model)[case])
    r = run_scoring(content_dir, f, *(["--lang", "el"] if lang == "el" else []))
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert r.stdout == b"" and err.count("\n") == 1 and err.startswith(f"error: {f}: "), err
    assert "Traceback" not in err
    message = err.removeprefix(f"error: {f}: ")
    if lang == "el":
        assert re.search("[α-ωΑ-Ω]", message), message
    else:
        assert not re.search("[α-ωΑ-Ω]", message), message


def test_standard_input_and_a_missing_file_in_greek(content_dir, model, tmp_path):
    r = run_scoring(content_dir, "-", "--lang", "el", stdin=deep_json())
    assert r.returncode == 2 and "επίπεδα" in r.stderr.decode()
    r = run_scoring(content_dir, tmp_path / "nope.json", "--lang", "el")
    assert r.returncode == 2 and r.stderr.decode() == f"error: {tmp_path / 'nope.json'}: δεν υπάρχει τέτοιο αρχείο\n"


def test_a_bad_flag_is_one_line_too(content_dir):
    r = run_scoring(content_dir, "--lang", "fr", "x.json")
    assert r.returncode == 2 and r.stderr.decode().count("\n") == 1
