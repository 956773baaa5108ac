"""The catalog against the code, read from the source (ast) so that files no test loads count too:
- every key the code asks for (t(...), ctx.t(...), ctx.tx(...)) is in the catalog, which holds a
  Greek and an English text for each (i18n.catalog() refuses anything less on load);
- every catalog key is used by the code, literally or through a key family the code builds
  (f"plan.why.{code}");
- every problem code the code raises (survey errors and warnings, tracker problems) has its text;
- every command-line flag (argparse in */__main__.py) and every CXAUDIT_* environment variable
  the code or the tests read is documented in README.md or docs/.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from fixture_model import ROOT_DIR
from i18n import catalog

APP_PACKAGES = ("assessment", "checklists", "i18n", "pages", "report", "scoring", "store", "surveys", "ui")


def _files(*dirs: str) -> list[Path]:
    out = [ROOT_DIR / "app.py"] if "app" in dirs else []
    return out + [p for d in dirs if d != "app" for p in sorted((ROOT_DIR / d).rglob("*.py"))]


APP_FILES = _files("app", *APP_PACKAGES)
KEYS = set(catalog())
NAMESPACES = {k.split(".")[0] + "." for k in KEYS}


def _trees(files: list[Path]):
    for path in files:
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _literal_prefix(node: ast.AST) -> str | None:
    """"plan.why." of f"plan.why.{code}" or of "plan.why." + code."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)):
        return node.left.value
    return None


def _call_name(node: ast.Call) -> str | None:
    fn = node.func
    return fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", None)


def _scan():
    asked: list[tuple[str, int, str]] = []        # literal keys passed to t()/tx()
    families: list[tuple[str, int, str]] = []     # f-string prefixes passed to t()/tx()
    strings: set[str] = set()                     # every string constant in the code
    prefixes: set[str] = set()                    # key families the code builds anywhere
    for path, tree in _trees(APP_FILES):
        where = str(path.relative_to(ROOT_DIR))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
                if node.value in NAMESPACES:      # e.g. ui/streamlit_texts.py PREFIX = "streamlit."
                    prefixes.add(node.value)
            prefix = _literal_prefix(node)
            # a built key of two segments or more ("metrics.warning.{code}"), not a cell path ("plan.{field}")
            if prefix and prefix.count(".") >= 2 and prefix.split(".")[0] + "." in NAMESPACES:
                prefixes.add(prefix)
            if isinstance(node, ast.Call) and _call_name(node) in ("t", "tx") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    asked.append((where, node.lineno, first.value))
                elif (prefix := _literal_prefix(first)) is not None:
                    families.append((where, node.lineno, prefix))
                    prefixes.add(prefix)
    return asked, families, strings, prefixes


ASKED, FAMILIES, STRINGS, PREFIXES = _scan()


def test_every_key_the_code_asks_for_is_in_the_catalog():
    assert len(ASKED) > 400   # the scan finds the calls
    assert [(w, line, k) for w, line, k in ASKED if k not in KEYS] == []


def test_every_key_family_the_code_builds_has_keys():
    assert [(w, line, p) for w, line, p in FAMILIES if p and not any(k.startswith(p) for k in KEYS)] == []


def test_every_catalog_key_is_used():
    unused = sorted(k for k in KEYS if k not in STRINGS and not any(k.startswith(p) for p in PREFIXES))
    assert unused == []


def _codes(call: str, arg: int, files: list[Path]) -> set[str]:
    out = set()
    for _, tree in _trees(files):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) == call and len(node.args) > arg:
                a = node.args[arg]
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    out.add(a.value)
    return out


def test_every_survey_error_and_warning_has_its_text():
    errors = _codes("SurveyInputError", 0, _files("surveys"))
    warnings = _codes("MetricWarning", 0, _files("surveys"))
    assert len(errors) > 10 and len(warnings) > 3
    assert sorted(c for c in errors if f"metrics.error.{c}" not in KEYS) == []
    assert sorted(c for c in warnings if f"metrics.warning.{c}" not in KEYS) == []


def test_every_tracker_problem_has_its_text():
    tracker = [ROOT_DIR / "report" / "tracker.py"]
    codes = _codes("_file_problem", 0, tracker) | _codes("Problem", 1, tracker)
    assert len(codes) > 3
    assert sorted(c for c in codes if f"tracker.problem.{c}" not in KEYS) == []


DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT_DIR / "README.md", *(ROOT_DIR / "docs").glob("*.md")])


def _flags() -> set[tuple[str, tuple[str, ...]]]:
    out = set()
    for path, tree in _trees(sorted(ROOT_DIR.glob("*/__main__.py"))):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) == "add_argument":
                names = tuple(a.value for a in node.args
                              if isinstance(a, ast.Constant) and str(a.value).startswith("-"))
                if names:
                    out.add((path.parent.name, names))
    return out


def test_every_command_line_flag_is_documented():
    flags = _flags()
    assert {cli for cli, _ in flags} >= {"checklists", "report", "scoring", "surveys"}
    undocumented = sorted((cli, names) for cli, names in flags
                          if not any(re.search(re.escape(n) + r"(?![\w-])", DOCS) for n in names))
    assert undocumented == []


def test_every_environment_variable_is_documented():
    files = APP_FILES + _files("tests", "bench", "scripts")
    found = {v for path in files for v in re.findall(r"CXAUDIT_[A-Z0-9_]+", path.read_text(encoding="utf-8"))}
    found |= set(re.findall(r"CXAUDIT_[A-Z0-9_]+", (ROOT_DIR / "Makefile").read_text(encoding="utf-8")))
    assert {"CXAUDIT_DATABASE_URL", "CXAUDIT_ADDRESS"} <= found
    assert sorted(v for v in found if v not in DOCS) == []
