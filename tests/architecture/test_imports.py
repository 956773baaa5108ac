"""How the modules of the project import one another, read from the source (ast), so the rules
hold for every file, also ones no test loads:
- no module imports another module's private names (`from x import _name`, or `x._name` on an
  imported module): a private name may change without notice, so only its own module uses it;
- no import circles between modules, counting imports inside functions too (a local import that
  only breaks a circle at load time still ties the two modules together);
- no core file (the packages below, not pages, tests or tools) over about 400 lines.
"""
from __future__ import annotations

import ast
from pathlib import Path

from fixture_model import ROOT_DIR

PACKAGES = ("assessment", "checklists", "i18n", "pages", "report", "scoring", "store", "surveys", "ui",
            "bench", "scripts")
CORE = ("assessment", "checklists", "i18n", "report", "scoring", "store", "surveys", "ui")
MAX_CORE_LINES = 400


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT_DIR).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {"app": ROOT_DIR / "app.py"}
    for pkg in PACKAGES:
        for path in sorted((ROOT_DIR / pkg).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()
TOP = {name.split(".")[0] for name in MODULES}


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    """The absolute module name of a `from … import` (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not _is_package(importer):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _type_checking_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under `if TYPE_CHECKING:` (never run, so never a circle)."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skip


def _imports(name: str, path: Path):
    """(imported module, imported names or None for `import x`, line) for each first-party import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in TOP:
                    yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            mod = _resolve(name, node)
            if mod.split(".")[0] in TOP:
                yield mod, [a.name for a in node.names], node.lineno


def _private_uses(name: str, path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad, aliases = [], {}
    for mod, names, _line in _imports(name, path):
        if mod == name:
            continue
        if names is None:
            aliases[mod.split(".")[0]] = mod
            continue
        for n in names:
            target = f"{mod}.{n}"
            if n.startswith("_") and target not in MODULES and not n.startswith("__"):
                bad.append(f"{name} from {mod} import {n}")
    for node in ast.walk(tree):
        if isinstance(node, ast.alias) and node.asname:
            aliases[node.asname] = node.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)):
            mod = aliases.get(node.value.id)
            if mod in MODULES and mod != name:
                bad.append(f"{name} uses {node.value.id}.{node.attr}")
    return bad


def _edges(name: str, path: Path) -> set[str]:
    out = set()
    for mod, names, _ in _imports(name, path):
        for n in names or [None]:
            sub = f"{mod}.{n}" if n else None
            target = sub if sub in MODULES else mod
            if target in MODULES and target != name:
                out.add(target)
    return out


def test_no_module_imports_another_modules_private_names():
    bad = {use for name, path in MODULES.items() for use in _private_uses(name, path)}
    assert bad == set(), sorted(bad)


def test_no_import_circles():
    graph = {name: _edges(name, path) for name, path in MODULES.items()}
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 1:
            circles.append(" → ".join(path[path.index(node):] + [node]))
            return
        if state.get(node) == 2:
            return
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, path + [node])
        state[node] = 2

    for name in sorted(graph):
        visit(name, [])
    assert circles == []


def test_no_core_file_over_400_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()
             if name.split(".")[0] in CORE}
    large = {n: s for n, s in sizes.items() if s > MAX_CORE_LINES}
    assert large == {}


def test_the_scanner_sees_what_it_should():
    """The rules above are only worth something if the scan finds the imports: a sample."""
    assert "scoring.selection" in _edges("scoring.plan", MODULES["scoring.plan"])
    assert "surveys.scales" in _edges("assessment.survey_result", MODULES["assessment.survey_result"])
    assert len(MODULES) > 100
