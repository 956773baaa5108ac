"""The page registry hands each browser session its own st.Page objects."""
import textwrap

from streamlit.testing.v1 import AppTest

from fixture_model import ROOT_DIR

SCRIPT = textwrap.dedent("""
    import streamlit as st

    from ui.nav import PAGES, navigation_pages, page_for

    pages = {spec.path: page_for(spec.path, "el") for spec in PAGES}
    st.session_state.setdefault("seen", []).append({path: id(p) for path, p in pages.items()})
    registered = [p for section in navigation_pages("el").values() for p in section]
    st.session_state["same_as_navigation"] = [id(p) for p in registered] == [id(pages[s.path]) for s in PAGES]
""")


def test_each_session_has_its_own_pages_kept_across_reruns(tmp_path):
    """A Page carries per-run state (st.navigation marks it callable, its run() clears the mark):
    shared by two sessions, one session's run broke the other's ("This page cannot be called
    directly"). Each session builds its own once and keeps them; the links and st.navigation
    use the same objects."""
    (tmp_path / "pages").symlink_to(ROOT_DIR / "pages")  # pages resolve beside the main script
    (tmp_path / "app.py").write_text(SCRIPT)
    first, second = (AppTest.from_file(str(tmp_path / "app.py"), default_timeout=60) for _ in range(2))
    first.run()
    second.run()
    first.run()
    assert not first.exception and not second.exception, (first.exception, second.exception)
    one, again = first.session_state["seen"]
    (other,) = second.session_state["seen"]
    assert one == again, "a session's pages are rebuilt on a rerun"
    assert not set(one.values()) & set(other.values()), "two sessions share st.Page objects"
    assert first.session_state["same_as_navigation"] and second.session_state["same_as_navigation"]
