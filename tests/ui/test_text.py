"""ui.text.md_escape: user text in Streamlit Markdown is shown as typed and starts no construct."""
import re

import pytest

from ui.text import WORD_JOINER, md_escape

HOSTILE = [
    "<h1>Τίτλος</h1>", "[σύνδεσμος](http://127.0.0.1:9/x)", "![εικόνα](http://127.0.0.1:9/x.png)",
    ":red[κόκκινο]", ":material/home:", ":smile:", "$$\\int_0^1 x$$", "$x$", "**έντονα** _πλάγια_ ~~σβήσιμο~~",
    "# Τίτλος", "1. λίστα", "- λίστα", "> παράθεση", "`κώδικας`", "| a | b |", "http://127.0.0.1:9/x",
    "HTTPS://example.com", "www.example.com", "WWW.Example.gr", "info@example.gr", "mailto:a@b.gr",
    "&amp; &#60;", "back\\slash\\", "Καφέ «Άλφα» & Σια Ο.Ε.", "", "  διπλά  κενά  ",
]

# What GitHub's autolink literal finds in the text *after* Markdown escapes are read
# (mdast-util-gfm-autolink-literal), and where Streamlit's emoji and icon shortcodes start.
AUTOLINK = re.compile(r"(https?://|www\.)|[-.+\w]+@[-\w]+(\.[-\w]+)+|mailto:|:[\w/-]+:", re.IGNORECASE)


def read_back(escaped: str) -> str:
    """The text CommonMark puts in the document: a backslash before ASCII punctuation is dropped."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped)


@pytest.mark.parametrize("text", HOSTILE)
def test_shown_exactly_as_typed(text):
    assert read_back(md_escape(text)).replace(WORD_JOINER, "") == text


@pytest.mark.parametrize("text", HOSTILE)
def test_no_markdown_construct_can_start(text):
    escaped = md_escape(text)
    # Every ASCII punctuation character is escaped: nothing left for Markdown to read as syntax.
    assert not re.search(r"(?<!\\)[!-/:-@\[-`{-~]", re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped))
    # Autolinks, emoji and icons, which are found after the escapes are read, cannot match either.
    assert not AUTOLINK.search(read_back(escaped)), read_back(escaped)


def test_plain_greek_text_is_unchanged():
    assert md_escape("Καφενείο Η Πλατεία") == "Καφενείο Η Πλατεία"
