"""The functional core never imports Streamlit: it must run in CLIs, tests and batch jobs."""
import subprocess
import sys

from fixture_model import ROOT_DIR

CORE = [
    "checklists",
    "assessment",
    "scoring",
    "surveys",
    "surveys.analysis",
    "assessment.schema",
    "i18n",
    "store",
    "report",
]


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


def test_the_assessment_document_stands_below_scoring_and_surveys():
    """assessment/ is what scoring, the store and the report read: it imports none of them, nor
    pandas, so the document can be loaded and validated on its own. Of surveys/ it reads only the
    scale definitions (surveys.scales, with its error type) that a saved result names."""
    code = (
        "import sys, assessment, assessment.cells, assessment.schema\n"
        "bad = sorted({m.split('.')[0] for m in sys.modules} & {'scoring', 'store', 'report', 'ui', 'pandas'})\n"
        "bad += sorted(m for m in sys.modules\n"
        "              if m.startswith('surveys.') and m not in ('surveys.scales', 'surveys.errors'))\n"
        "print(bad)\nsys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT_DIR, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
