"""Safe display of user-typed text inside Streamlit markdown."""
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$<&])")


def md_escape(text: str) -> str:
    """Show `text` literally in st.markdown: names like «*Best* [shop] <b>» stay as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text or "")
