"""The runs of one browser session never overlap (docs/store.md, "One run at a time per session")."""
from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_fast_reruns_are_off():
    # On, a click starts a new run in a new thread while the interrupted one goes on, and a run
    # waiting on a database write stored its older answer after the correction (test_corrections.py).
    assert tomllib.loads(CONFIG.read_text(encoding="utf-8"))["runner"]["fastReruns"] is False


def test_the_page_script_asks_for_a_run_after_a_reconnect():
    from ui import streamlit_texts

    assert "data-test-connection-state" in streamlit_texts.script()
