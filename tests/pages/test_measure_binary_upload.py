"""A binary (non-text) file on the Measure page, after a CSV had been read: the page says, in
the user's language, that the file is not a readable CSV or XLSX file.

Before, the encoding box's "Automatic (utf-8)" label (the encoding found in the previous file)
came back from Streamlit as the chosen encoding once the label changed (Streamlit returns the
label the browser still shows when it is no longer among the options), and the page said
"Unknown encoding: Automatic (utf-8)"."""
import os

import pytest
from pagekit import goto

PAGE = "pages/measure.py"
NOT_A_TABLE = {"el": "Το αρχείο δεν είναι πίνακας κειμένου (CSV) ή Excel (XLSX) που να διαβάζεται",
               "en": "The file is not a readable text (CSV) or Excel (XLSX) table"}
LEFT_OVER = {"el": "Αυτόματα (utf-8)", "en": "Automatic (utf-8)"}


def show(at, data: bytes, name: str):
    at.session_state["measure_bytes"] = data
    at.session_state["measure_name"] = name
    if "measure_table" in at.session_state:
        del at.session_state["measure_table"]  # what a new upload does (ui.measure._on_upload)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at) -> str:
    return " ".join(e.value for e in at.error)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_binary_file_says_it_is_not_a_readable_file(app, lang):
    at = goto(app(lang), PAGE)
    # the label the browser still shows after a UTF-8 file, as Streamlit hands it back once the
    # labels have changed (here the encoding box's value when the binary file arrives)
    at.session_state["measure_encoding"] = LEFT_OVER[lang]
    show(at, b"\x7fELF\x02\x01\x01\x00" + os.urandom(4096), "programma.bin")
    assert NOT_A_TABLE[lang] in errors(at), errors(at)
    assert "utf-8" not in errors(at)
    assert at.selectbox(key="measure_encoding").value == "auto"
