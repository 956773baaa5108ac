"""Reading a JSON file a person gave us: bounded, strict, and every refusal a Problem.

Python's json module accepts things a file from outside must not bring in: a key written twice
(the last one silently wins), NaN and Infinity, 5,000-digit numbers (a ValueError that is not a
JSONDecodeError), and nesting deep enough to end in a RecursionError. `load` refuses all of them,
with where they are when that can be known, before anything looks at the data.
"""
from __future__ import annotations

import json
import math
from typing import Any

from i18n.problems import Problem, ProblemError

# An assessment is 4 levels deep (surveys → entry → period_label → text); 32 leaves room for any
# honest file and stops long before the parser's recursion limit.
MAX_DEPTH = 32
MAX_NUMBER_DIGITS = 30


class _Duplicates(dict):
    """A decoded object that had a key more than once (`dupes` lists them, in order)."""

    dupes: list[str]


class _BadNumber(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    marked = _Duplicates(out)
    seen: set[str] = set()
    marked.dupes = []
    for k, _ in pairs:
        if k in seen and k not in marked.dupes:
            marked.dupes.append(k)
        seen.add(k)
    return marked


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _BadNumber(text[:20])
    return int(text)


def _float(text: str) -> float:
    if len(text) > 4 * MAX_NUMBER_DIGITS:
        raise _BadNumber(text[:20])
    value = float(text)
    if not math.isfinite(value):  # 1e400
        raise _BadNumber(text[:20])
    return value


def _constant(text: str):  # NaN, Infinity, -Infinity
    raise _BadNumber(text)


def decode_text(raw: bytes) -> str:
    """UTF-8 (a BOM is fine, as Windows Notepad writes one), or UTF-16 with its BOM."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ProblemError([Problem("", "not_utf8", {"byte": exc.start})]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProblemError([Problem("", "not_utf8", {"byte": exc.start})]) from None


def load(raw: bytes | str, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """The decoded JSON value of `raw`. Raises ProblemError (every duplicate key, with where)."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > max_bytes:
        raise ProblemError([Problem("", "file_too_big", {"size": round(size / 1048576, 1),
                                                          "limit": max_bytes // 1048576})])
    text = decode_text(raw) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    if not text.strip():
        raise ProblemError([Problem("", "file_empty")])
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_int, parse_float=_float,
                          parse_constant=_constant)
    except RecursionError:
        raise ProblemError([Problem("", "json_too_deep", {"limit": max_depth})]) from None
    except json.JSONDecodeError as exc:
        raise ProblemError([Problem("", "not_json", {"line": exc.lineno, "col": exc.colno})]) from None
    except _BadNumber:
        raise ProblemError([Problem("", "json_number")]) from None
    check(data, max_depth=max_depth)
    return data


def check(data: Any, *, max_depth: int = MAX_DEPTH) -> None:
    """Depth and duplicate keys of decoded data, walked without recursion. Raises ProblemError."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple, int]] = [(data, (), 1)]
    while stack:
        node, path, depth = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        if depth > max_depth:
            raise ProblemError([Problem("", "json_too_deep", {"limit": max_depth})])
        if isinstance(node, _Duplicates):
            where = ".".join(map(str, path))
            problems.extend(Problem(where, "json_duplicate_key", {"key": k}) for k in node.dupes)
        children = node.items() if isinstance(node, dict) else enumerate(node)
        # reversed, so that problems come out in the file's order
        stack.extend((v, (*path, k), depth + 1) for k, v in reversed(list(children)))
    if problems:
        raise ProblemError(problems)
