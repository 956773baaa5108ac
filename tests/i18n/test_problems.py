"""Problems as codes: every code has a Greek and an English text, parameters are formatted for
the language, and a pydantic error we have no text for still reads in the user's language with
its location, never in pydantic's English."""
from __future__ import annotations

import re

import pytest
from pydantic import BaseModel, ValidationError

from i18n import catalog
from i18n.problems import CODES, GENERIC, Problem, ProblemError, first_line, from_pydantic, line, text


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_greek_and_english_with_its_parameters(code):
    texts = catalog()[f"problem.{code}"]
    for lang in ("el", "en"):
        assert texts[lang].strip(), (code, lang)
        assert set(re.findall(r"{(\w+)}", texts[lang])) == set(CODES[code]), (code, lang)
    params = {name: 7 for name in CODES[code]}
    el, en = text(Problem("", code, params), "el"), text(Problem("", code, params), "en")
    assert el != en
    if CODES[code]:
        assert "…" not in el + en and "7" in el and "7" in en
    assert re.search("[α-ωΑ-Ω]", el), el


def test_every_problem_text_in_the_catalog_is_a_code():
    keys = {k.removeprefix("problem.") for k in catalog() if k.startswith("problem.")}
    assert keys - {"more", "or"} == set(CODES)


class _Sample(BaseModel):
    code: str
    when: __import__("uuid").UUID   # a type whose errors we have no text for


def test_a_pydantic_error_we_do_not_map_renders_as_generic_with_location():
    with pytest.raises(ValidationError) as exc:
        _Sample.model_validate({"code": "x", "when": "not-a-uuid"})
    (err,) = exc.value.errors()
    assert err["type"] not in CODES
    p = from_pydantic(err, ("outer", 2))
    assert p.code == GENERIC and p.where == "outer.2.when"
    assert line(p, "el") == "outer.2.when: μη έγκυρη τιμή"
    assert line(p, "en") == "outer.2.when: invalid value"
    assert err["msg"] not in line(p, "el") + line(p, "en")


def test_an_unknown_code_still_renders_generic():
    assert line(Problem("x.y", "no_such_code", {"a": 1}), "el") == "x.y: μη έγκυρη τιμή"


@pytest.mark.parametrize("lang,expected", [
    ("el", "το αρχείο είναι 6,3 MB· το όριο είναι 5 MB (και άλλα 2)"),
    ("en", "file is 6.3 MB; the limit is 5 MB (and 2 more)"),
])
def test_first_line_formats_numbers_for_the_language_and_counts_the_rest(lang, expected):
    problems = [
        Problem("", "file_too_big", {"size": 6.3, "limit": 5}),
        Problem("a", "missing"),
        Problem("b", "missing"),
    ]
    assert first_line(problems, lang) == expected
    assert ProblemError(problems).first_line(lang) == expected


def test_str_of_a_problem_error_is_english_for_logs():
    assert str(ProblemError([Problem("answers", "missing")])) == "answers: a required field is missing"


def test_pydantic_context_becomes_parameters():
    class M(BaseModel):
        name: str

        model_config = {"str_max_length": 3}

    with pytest.raises(ValidationError) as exc:
        M.model_validate({"name": "abcdef"})
    p = from_pydantic(exc.value.errors()[0])
    assert p == Problem("name", "string_too_long", {"max_length": 3})
    assert text(p, "el") == "πολύ μεγάλο κείμενο (έως 3 χαρακτήρες)"


def test_every_custom_pydantic_error_in_the_code_has_a_text():
    """A validator that raises PydanticCustomError("<code>", …) needs problem.<code> in the catalog."""
    from fixture_model import ROOT_DIR

    found = set()
    for path in ROOT_DIR.rglob("*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        found |= set(re.findall(r'PydanticCustomError\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
    assert found and found <= set(CODES), found - set(CODES)
