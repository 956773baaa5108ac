"""User text inside Streamlit Markdown: shown as typed, never as markup.

Streamlit draws titles, captions, messages, widget labels and help as Markdown with extensions:
`:red[…]` colours, `$…$` formulas, and, applied to the text after Markdown has been read,
`:smile:` emoji, `:material/…:` icons and GitHub's autolinks (`http://…`, `www.…`, `a@b.gr`).
Backslash escapes stop the first kind; the second kind sees the unescaped text, so a WORD JOINER
(U+2060, invisible, no width, no line break) goes before every `:` and `@` and between `www` and
its dot, which no such pattern can match across. Only for Markdown: widget values, selectbox
options and table cells show text as it is and must get the raw string.
"""
import re

_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")          # every ASCII punctuation character
_AUTOMATIC = re.compile(r"(?=\\[:@])|(?<=www)(?=\\\.)", re.IGNORECASE)  # where emoji, icons and autolinks start
WORD_JOINER = "\u2060"


def md_escape(text: str) -> str:
    """`text` for st.markdown and friends, shown literally: «*Best* [shop] <b>» stays as typed."""
    escaped = _SPECIAL.sub(r"\\\1", text or "")
    return _AUTOMATIC.sub(WORD_JOINER, escaped)
