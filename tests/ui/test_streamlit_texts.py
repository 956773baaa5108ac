"""ui/streamlit_texts.py: the page Streamlit serves carries the texts script, in Greek first."""
import re
from pathlib import Path

from streamlit import file_util

from ui import streamlit_texts


def test_overlay_serves_streamlit_files_and_a_greek_index_with_the_script(tmp_path):
    source = Path(file_util.get_static_dir())
    overlay = Path(streamlit_texts.static_overlay(str(source)))
    assert {p.name for p in source.iterdir()} <= {p.name for p in overlay.iterdir()}
    index = (overlay / "index.html").read_text(encoding="utf-8")
    assert '<html lang="el"' in index and "<title>cxaudit</title>" in index
    assert f'<script src="./{streamlit_texts.SCRIPT_NAME}"></script></head>' in index
    script = (overlay / streamlit_texts.SCRIPT_NAME).read_text(encoding="utf-8")
    assert script.startswith("window.__CX_TEXTS__ = [") and "Πατήστε Enter" in script
    # The favicon is ours, a file of the overlay (not a link to Streamlit's crown).
    favicon = overlay / "favicon.png"
    assert not favicon.is_symlink() and favicon.read_bytes() == streamlit_texts.FAVICON.read_bytes()


def test_every_streamlit_text_has_greek_that_differs_from_the_english():
    pairs = streamlit_texts.pairs()
    assert len(pairs) > 40
    for key, en, el in pairs:
        assert el.strip() and el != en, key
        words = re.sub(r"\{[a-z]\}|Enter|Escape|Ctrl|make run|CSV", "", el)
        assert not re.search("[A-Za-z]", words), (key, el)


def test_the_script_cannot_close_its_own_tag_whatever_the_catalog_says(monkeypatch):
    monkeypatch.setattr(streamlit_texts, "pairs", lambda: [["streamlit.x", "a</script>", "β"]])
    assert "</script>" not in streamlit_texts.script().split(";\n", 1)[0]
