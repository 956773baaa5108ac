"""The functional core never imports Streamlit: it must run in CLIs, tests and batch jobs."""
import subprocess
import sys

from fixture_model import ROOT_DIR

CORE = ["checklists", "scoring", "surveys", "surveys.analysis", "scoring.schema", "i18n", "store", "report"]


def test_core_packages_do_not_import_streamlit():
    code = ("import importlib, sys\n"
            f"for name in {CORE!r}:\n"
            "    try:\n        importlib.import_module(name)\n"
            "    except ModuleNotFoundError as e:\n"
            "        if e.name != name: raise\n"
            "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')]\n"
            "print(bad)\nsys.exit(1 if bad else 0)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT_DIR, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
