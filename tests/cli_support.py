"""Shared by the CLI tests: `python -m scoring` run as a user runs it, from the repository root."""
from __future__ import annotations

import subprocess
import sys

from fixture_model import ROOT_DIR


def run_scoring(content_dir, *args, stdin: bytes | None = None, text: bool = False):
    """`python -m scoring *args` on the model in `content_dir`, in a bare environment (no settings
    of this machine's). Output as bytes, or str with `text`."""
    return subprocess.run([sys.executable, "-m", "scoring", *map(str, args)], cwd=ROOT_DIR, capture_output=True,
                          input=stdin, text=text,
                          env={"CXAUDIT_CONTENT_DIR": str(content_dir), "PATH": "/usr/bin:/bin"})
