"""st.file_uploader with its dropzone in the user's language.

Streamlit 1.67 writes the dropzone's own words in English and has no parameter to change them:
"Upload" on the button, "50MB per file • CSV, XLSX" beside it and "Drag and drop a file here" while
a file is dragged over it (streamlit/streamlit#13500 asks for one). So we keep Streamlit's
uploader and swap those three texts with CSS scoped to one uploader (the `st-key-<key>` class of
its element): the English text is hidden (display: none, so screen readers skip it as well) and
ours is drawn with `content:`. A file Streamlit refuses (wrong type, too big) becomes a red chip
whose English reason is only in a hover tooltip, so under such a chip we write, in the user's
language, what the uploader accepts. The hint states our real limit, which can be lower than the
widget's max_upload_size (an import file over 5 MB gets our own message, not Streamlit's).
On a phone or a touch screen the hint leaves out "or drag a file here" (TOUCH). The refused
file's chip itself (its reason, size and buttons) is translated by ui/static/streamlit_texts.js.
If a later Streamlit changes this markup, the rules stop matching and its English text shows
again; nothing else breaks.
"""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from assessment.document import MAX_IMPORT_BYTES
from ui import state

_DROPZONE = '[data-testid="stFileUploaderDropzone"]'


def css_string(text: str) -> str:
    """`text` as a CSS string literal (quotes, backslashes and '<' escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", " ")
    return f'"{escaped}"'


def kinds_text(kinds: Sequence[str]) -> str:
    """("CSV", "XLSX") → "CSV ή XLSX" / "CSV or XLSX"."""
    if len(kinds) < 2:
        return "".join(kinds)
    return f"{', '.join(kinds[:-1])} {state.t('upload.or')} {kinds[-1]}"


# A phone, or any screen used by touch alone: no file can be dragged there, so the hint does not
# say "or drag a file here". 640 px is Streamlit's own breakpoint for a narrow screen.
TOUCH = "(max-width: 640px), (hover: none) and (pointer: coarse)"


def dropzone_css(key: str, hint: str, touch_hint: str, rejected: str) -> str:
    scope = f".st-key-{key} {_DROPZONE}"
    button = f'{scope} button [data-testid="stMarkdownContainer"]'
    instructions = f'{scope} [data-testid="stFileUploaderDropzoneInstructions"]'
    # the overlay shown while a file is dragged over: a div holding just its text (the list of
    # uploaded files is a div too, but holds divs)
    dragging = f"{scope} > div:not([data-testid]):has(> span:only-child)"
    return (
        f"<style>"
        f"{button} > p, {instructions} > div > span, {dragging} > span {{display: none}}"
        f"{button}::after {{content: {css_string(state.t('upload.button'))}}}"
        # size and faded colour of the hidden English line, in any theme
        f"{instructions} > div::after {{content: {css_string(hint)}; font-size: 0.875rem; opacity: 0.7}}"
        f"@media {TOUCH} {{{instructions} > div::after {{content: {css_string(touch_hint)}}}}}"
        f"{dragging}::after {{content: {css_string(state.t('upload.drop'))}; font-weight: 600}}"
        f".st-key-{key}:has([data-testid=\"stFileChip\"][aria-invalid=\"true\"])::after "
        f"{{content: {css_string(rejected)}; color: #c62828; font-size: 0.875rem}}"
        f"</style>"
    )


def file_uploader(label: str, *, key: str, types: Sequence[str], kinds: Sequence[str], limit_mb: int,
                  max_upload_size: int | None = None, container=None, **kwargs):
    """st.file_uploader(label, type=types, key=key, …) with a translated dropzone. `kinds` names
    the accepted files for people ("CSV", "XLSX"); `limit_mb` is the limit the app enforces."""
    hint = state.t("upload.hint", kinds=kinds_text(kinds), limit=limit_mb)
    rejected = state.t("upload.rejected", kinds=kinds_text(kinds), limit=limit_mb)
    touch_hint = state.t("upload.hint_touch", kinds=kinds_text(kinds), limit=limit_mb)
    # style only: Streamlit puts it in its event container, no gap
    st.html(dropzone_css(key, hint, touch_hint, rejected))
    return (container or st).file_uploader(label, type=list(types), key=key,
                                           max_upload_size=max_upload_size or limit_mb, **kwargs)


# The widget takes an assessment file of up to twice our limit (10 MB), so that a file over our
# 5 MB gets our own clear message (assessment.document.read_assessment), not Streamlit's.
IMPORT_WIDGET_MB = 2 * MAX_IMPORT_BYTES // 1048576


def assessment_uploader(label: str, *, key: str, **kwargs):
    """The uploader of an assessment file (JSON), on the Results and the Clients page."""
    return file_uploader(label, key=key, types=("json",), kinds=("JSON",), limit_mb=MAX_IMPORT_BYTES // 1048576,
                         max_upload_size=IMPORT_WIDGET_MB, **kwargs)
