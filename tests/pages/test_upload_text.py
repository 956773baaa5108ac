"""Every file uploader's dropzone speaks the page's language (Streamlit's own words are English):
its CSS swaps them for ours, scoped to that uploader, with the limit the app really enforces."""
from __future__ import annotations

import re

import pytest
from pagekit import goto

from ui.upload import TOUCH

UPLOADERS = [  # page, widget key, what the hint names, our limit in MB
    ("pages/measure.py", "measure_upload", {"el": "CSV ή XLSX", "en": "CSV or XLSX"}, 50),
    ("pages/results.py", "results_upload", {"el": "JSON", "en": "JSON"}, 5),
    ("pages/clients.py", "clients_upload", {"el": "JSON", "en": "JSON"}, 5),
    ("pages/plan.py", "branding_logo_0", {"el": "PNG ή JPEG", "en": "PNG or JPEG"}, 10),
    ("pages/plan.py", "branding_client_logo_0", {"el": "PNG ή JPEG", "en": "PNG or JPEG"}, 10),
]


@pytest.mark.parametrize("page,key,kinds,limit", UPLOADERS, ids=[u[1] for u in UPLOADERS])
@pytest.mark.parametrize("lang", ["el", "en"])
def test_dropzone_words_are_translated(app, lang, page, key, kinds, limit):
    from checklists import default_model
    from i18n import t

    at = app(lang)
    if page == "pages/plan.py":   # the plan page draws its uploader once there are answers
        at.session_state["assessment"].set_value(next(iter(default_model().items)), 1)
    at = goto(at, page)
    css = "\n".join(h.proto.body for h in at.get("html") if f".st-key-{key} " in h.proto.body)
    assert css, f"no dropzone style for {key}"
    assert f'content: "{t("upload.button", lang)}"' in css
    assert f'content: "{t("upload.hint", lang, kinds=kinds[lang], limit=limit)}"' in css
    # a phone or a touch screen is not told to drag: the same limits, without "or drag a file here"
    touch = t("upload.hint_touch", lang, kinds=kinds[lang], limit=limit)
    assert f'@media {TOUCH} {{' in css and f'content: "{touch}"' in css
    assert not re.search("σύρ|drag", touch, re.IGNORECASE) and re.search("σύρ|drag", t("upload.hint", lang))
    assert f'content: "{t("upload.drop", lang)}"' in css
    # a refused file (wrong type) gets a message in the user's language, under that uploader only
    assert f'content: "{t("upload.rejected", lang, kinds=kinds[lang], limit=limit)}"' in css
    assert "display: none" in css          # Streamlit's English words are hidden, not just covered
    assert ("έως" if lang == "el" else "up to") in t("upload.hint", lang, kinds="", limit=1)
