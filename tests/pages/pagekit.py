"""Helpers for driving pages with AppTest."""
from streamlit.testing.v1 import AppTest


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def switch_language(at: AppTest, lang: str) -> AppTest:
    """Click the sidebar's language link: it reruns the page with ?switch_lang=<lang>."""
    from ui.sidebar import SWITCH_QUERY
    (link,) = [pl for pl in at.sidebar.get("page_link") if SWITCH_QUERY in pl.proto.query_string]
    assert f"{SWITCH_QUERY}={lang}" in link.proto.query_string, link.proto.query_string
    at.query_params[SWITCH_QUERY] = lang
    at.run()
    assert SWITCH_QUERY not in at.query_params, "the app consumes the switch"
    return at


def pillar_heading(at: AppTest) -> str:
    """The title of a pillar page (drawn with its description in one markdown element)."""
    first = at.main.markdown[0].value
    assert first.startswith("# "), first
    return first.split("\n", 1)[0][2:]


def radio_for(at: AppTest, item_id: str):
    """The answer radio of a question (labels end with the item id)."""
    found = [r for r in at.radio if r.label.endswith(f"· {item_id}]")]
    assert len(found) == 1, f"no single radio for {item_id}"
    return found[0]


def open_notes(at: AppTest) -> AppTest:
    """Open the page's "evidence and notes" expander, as a click would."""
    found = [e for e in at.expander if e.label in ("Τεκμήρια και σημειώσεις ανά ερώτηση",
                                                    "Evidence and notes, question by question")]
    assert len(found) == 1, "no notes expander"
    at.session_state[found[0].proto.id] = True
    return at.run()
