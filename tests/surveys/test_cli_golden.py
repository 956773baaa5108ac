"""`python -m surveys` prints exactly what `python -m scoring.metrics` printed before the move.

The golden files in fixtures/golden/ were captured from the old CLI on the files in fixtures/
(cases.json: name, file, flags).  Output, error line and exit status must stay byte-identical."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")
CASES = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_cli_output_is_byte_identical(case):
    name, *args = case
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "surveys", *args], capture_output=True, cwd=FIXTURES,
                       env=env)
    got = b"rc=%d\n--stderr--\n" % r.returncode + r.stderr + b"--stdout--\n" + r.stdout
    assert got == (FIXTURES / "golden" / f"{name}.txt").read_bytes()
