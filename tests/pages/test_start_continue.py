"""The start page's "continue: <business> · n/N · <date>" offer (AppTest). The browser's cookie is
what st.context.cookies gives a real session (tests/e2e/test_continue.py checks that in Chromium);
here ui.last_opened.recall is pointed at a stored id, everything else is the real app and store."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import format_date, t

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'continue.sqlite'}"
    monkeypatch.setenv("CXAUDIT_DATABASE_URL", url)
    yield url
    from store import db as store_db

    store_db.dispose(url)


def _store(url, name="Καφέ Άλφα", answers=3):
    import store
    from assessment import new_assessment
    from checklists import default_model

    m = default_model()
    a = new_assessment(m, "el")
    a.company.name = name
    for iid in list(m.items)[:answers]:
        a.set_value(iid, 2)
    store.save_assessment(store.get_engine(url), a, m)
    return a


def _app(monkeypatch, remembered):
    from ui import last_opened

    monkeypatch.setattr(last_opened, "recall", lambda: remembered)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _offer(at):
    return [b for b in at.button if b.key == "start_resume_go"]


def test_the_last_assessment_is_offered_and_opens(db, monkeypatch):
    from checklists import default_model

    a = _store(db)
    at = _app(monkeypatch, a.id)
    [button] = _offer(at)
    total = len(default_model().items)  # no sector or size yet: every question is asked
    assert button.label == t("start.resume_last", "el", name="Καφέ Άλφα", done=3, total=total,
                             date=format_date(a.updated_at, "el"))
    assert format_date(a.updated_at, "el").count("/") == 2  # dd/mm/yyyy
    button.click().run()
    assert not at.exception
    assert at.session_state["assessment"].id == a.id
    assert at.text_input(key="profile_name").value == "Καφέ Άλφα"
    assert not _offer(at), "once it is open, it is not offered again"
    assert at.button(key="start_go").label == t("start.continue", "el", done=3, total=total)


def test_nothing_offered_for_an_unknown_or_deleted_assessment(db, monkeypatch):
    import store

    a = _store(db)
    store.delete_assessment(store.get_engine(db), a.id)
    for remembered in (a.id, "no-such-id", None):
        at = _app(monkeypatch, remembered)
        assert not _offer(at), remembered


def test_a_name_is_shown_as_typed(db, monkeypatch):
    a = _store(db, name="**Καφέ** [x](http://e.gr) :red[Άλφα]")
    at = _app(monkeypatch, a.id)
    [button] = _offer(at)
    assert "\\*\\*Καφέ\\*\\*" in button.label and "\\[x\\]" in button.label


def test_without_a_cookie_the_page_is_as_before(db):
    """No cookie (AppTest's st.context.cookies is not a browser's): no offer, no error."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not _offer(at)
    assert at.button(key="start_go").label == t("start.begin", "el")
