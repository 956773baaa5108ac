"""surveys/: one concern per file, no import circles, no private names imported across modules,
and the evidence lines free of pandas."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "surveys"
MODULES = {p.stem: p for p in PKG.glob("*.py")}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module inside surveys, imported names) for every `from .x import …` / `from surveys.x …`."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level == 1:
                out.append((mod, [a.name for a in node.names]))
            elif mod.startswith("surveys."):
                out.append((mod.removeprefix("surveys."), [a.name for a in node.names]))
    return out


def test_no_file_over_400_lines():
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in MODULES.items()}
    assert {n: s for n, s in sizes.items() if s > 400} == {}


def test_no_private_names_imported_across_modules():
    bad = [(name, mod, n) for name, p in MODULES.items() for mod, names in _imports(p)
           for n in names if n.startswith("_")]
    assert bad == []


def test_no_import_circles():
    graph = {name: {mod for mod, _ in _imports(p)} for name, p in MODULES.items()}
    state: dict[str, int] = {}

    def visit(node, path):
        if state.get(node) == 1:
            raise AssertionError(" → ".join(path + [node]))
        if state.get(node) == 2:
            return
        state[node] = 1
        for nxt in graph.get(node, ()):
            visit(nxt, path + [node])
        state[node] = 2

    for name in graph:
        visit(name, [])


def test_evidence_lines_do_not_load_pandas():
    code = ("import sys\nimport surveys.evidence, report.document\n"
            "print(sorted(m for m in ('pandas', 'numpy', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
