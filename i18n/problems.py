"""Problems with the user's input, as codes: `Problem(where, code, params)`, rendered in a language.

Validation (an imported assessment, a logo, a file a CLI reads) says *what* is wrong as a code and
its parameters, never as an English sentence; the pages and the CLIs turn it into text here,
through the catalog (`problem.<code>` in i18n/catalog/problems.yaml), so both say the same thing
in the user's language and a pydantic upgrade cannot change our wording.

Codes are either ours (OWN_CODES) or pydantic's error types (`e["type"]`, PYDANTIC_CODES) with the
parameters pydantic gives in `e["ctx"]`. A pydantic type we have no text for is still shown, as the
generic "invalid value" text with its location: never pydantic's English message.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from i18n import catalog, format_number, t

# Our own codes, with the parameters their texts use.
OWN_CODES = {
    # reading and writing files
    "read_missing": (),
    "read_denied": (),
    "read_is_dir": (),
    "file_unreadable": ("reason",),
    "write_missing_dir": (),
    "write_denied": (),
    "write_is_dir": (),
    "file_unwritable": ("reason",),
    "file_too_big": ("size", "limit"),
    "file_empty": (),
    "not_utf8": ("byte",),
    "not_json": ("line", "col"),
    "output_extension": (),
    "json_too_deep": ("limit",),
    "json_duplicate_key": ("key",),
    "json_number": (),
    "not_object": (),
    # an assessment file
    "answer_value": (),
    "unknown_item": (),
    "unknown_pillar": (),
    "unknown_sector": (),
    "unknown_size": (),
    "newer_schema": ("version", "max"),
    "old_schema": (),
    "target_range": (),
    "datetime_text": (),
    "id_format": (),
    # a saved survey result (assessment/survey_result.py)
    "survey_formula_mismatch": ("formula_id", "metric", "scale"),
    "survey_value_missing": (),
    "survey_value_out_of_range": ("value", "low", "high"),
    "survey_interval_incomplete": (),
    "survey_interval_reversed": (),
    "survey_period_mixed": (),
    # a logo
    "logo_not_image": (),
    "logo_format": ("format",),
    "logo_pixels": ("width", "height", "limit"),
    "logo_bomb": ("limit",),
    "logo_damaged": (),
    # anything else
    "invalid": (),
}
# pydantic error types we have a text for (the rest render as "invalid"), with the ctx keys used.
PYDANTIC_CODES = {
    "missing": (), "extra_forbidden": (), "literal_error": ("allowed",),
    "string_type": (), "int_type": (), "int_from_float": (), "int_parsing": (), "float_type": (),
    "float_parsing": (), "bool_type": (), "bool_parsing": (), "dict_type": (), "list_type": (),
    "model_type": (), "model_attributes_type": (), "date_type": (), "date_parsing": (),
    "date_from_datetime_parsing": (), "date_from_datetime_inexact": (), "finite_number": (),
    "string_too_long": ("max_length",), "string_too_short": ("min_length",), "too_long": ("max_length",),
    "string_pattern_mismatch": (),
    "greater_than_equal": ("ge",), "less_than_equal": ("le",), "greater_than": ("gt",), "less_than": ("lt",),
}
CODES = {**OWN_CODES, **PYDANTIC_CODES}
GENERIC = "invalid"


@dataclass(frozen=True)
class Problem:
    """One problem: `where` is the technical location in the file ("answers.PLAN-01.value"; "" for
    the file as a whole), `code` a key of CODES, `params` the values its text needs."""

    where: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


class ProblemError(ValueError):
    """Input refused, with every problem found. str() is the English first line (for logs and
    tracebacks); people get `first_line(lang)` or `lines(lang)`."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(first_line(self.problems, "en"))

    def first_line(self, lang: str = "en") -> str:
        return first_line(self.problems, lang)

    def lines(self, lang: str) -> list[str]:
        return [line(p, lang) for p in self.problems]


def _param(value: Any, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, float):
        return format_number(value, lang, 1)
    if isinstance(value, (list, tuple)):
        shown = [f'"{v}"' if isinstance(v, str) else _param(v, lang) for v in value]
        if len(shown) < 2:
            return "".join(shown)
        return f"{', '.join(shown[:-1])} {t('problem.or', lang)} {shown[-1]}"
    return str(value)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def text(problem: Problem, lang: str) -> str:
    """What is wrong, in `lang`, without the location."""
    code = problem.code if f"problem.{problem.code}" in catalog() else GENERIC
    names = CODES.get(code, ())
    params = _Blank({k: _param(problem.params[k], lang) for k in names if k in problem.params})
    chosen = catalog()[f"problem.{code}"].get(lang) or catalog()[f"problem.{code}"]["el"]
    if isinstance(chosen, dict):
        chosen = chosen["other"]
    # a text without parameters is shown as written (some hold braces: "an object ({…})")
    return chosen.format_map(params) if names else chosen


def line(problem: Problem, lang: str) -> str:
    """"answers.PLAN-01.value: the answer must be …" (or just the text for the whole file)."""
    what = text(problem, lang)
    return f"{problem.where}: {what}" if problem.where else what


def first_line(problems: list[Problem], lang: str) -> str:
    """The first problem, and how many more: one line for a CLI."""
    if not problems:
        return text(Problem("", GENERIC), lang)
    more = f" ({t('problem.more', lang, count=len(problems) - 1)})" if len(problems) > 1 else ""
    return line(problems[0], lang) + more


def from_pydantic(err: Mapping[str, Any], loc_prefix: tuple = (), allowed: Iterable | None = None) -> Problem:
    """A pydantic error (one of ValidationError.errors()) as a Problem: its type is the code,
    its ctx the parameters. `allowed` lists the choices of a Literal field (pydantic's ctx has
    them only as an English sentence)."""
    loc = tuple(loc_prefix) + tuple(err.get("loc") or ())
    where = ".".join(str(p) for p in loc)
    code = str(err.get("type") or GENERIC)
    ctx = dict(err.get("ctx") or {})
    if code == "literal_error" and allowed is not None:
        ctx["allowed"] = list(allowed)
    if isinstance(ctx.get("field"), str):  # a model-level check names the field it is about
        where = f"{where}.{ctx['field']}" if where else ctx["field"]
    if code not in CODES:
        code = GENERIC
    names = CODES[code]
    return Problem(where, code, {k: ctx[k] for k in names if k in ctx and not isinstance(ctx[k], BaseException)})


_OS_CODES = {  # errno name → (code when reading, code when writing)
    "ENOENT": ("read_missing", "write_missing_dir"), "EACCES": ("read_denied", "write_denied"),
    "EPERM": ("read_denied", "write_denied"), "EISDIR": ("read_is_dir", "write_is_dir"),
}


def os_problem(where: str, exc: OSError, *, writing: bool = False) -> Problem:
    """A file that cannot be read or written, as a Problem (the common reasons have a text)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_CODES:
        return Problem(where, _OS_CODES[name][writing])
    return Problem(where, "file_unwritable" if writing else "file_unreadable", {"reason": exc.strerror or str(exc)})
