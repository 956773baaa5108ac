"""Opening the app again in the same browser offers the audit it last worked on, in Chromium: the
browser keeps only the assessment's id (a cookie), the start page reads it and offers "continue:
<business> · n/N · <date>"; another browser gets no offer."""
from __future__ import annotations

import re

import pytest

from people import idle, poll, server_errors

pytestmark = pytest.mark.e2e


def test_the_same_browser_is_offered_its_last_audit(app, contexts):
    import store
    from assessment import new_assessment
    from checklists import default_model
    from i18n import format_date, t

    m = default_model()
    a = new_assessment(m, "el")
    a.company.name = "Ξενοδοχείο Λευκά Όρη"
    for iid in m.items:
        a.set_value(iid, 2)
    store.save_assessment(store.get_engine(app.database_url), a, m)
    total = len(m.items)

    ctx = contexts()
    first = ctx.new_page()
    first.goto(f"{app.url}/?assessment={a.id}")          # yesterday: worked on it by its link
    idle(first)
    first.locator(".st-key-profile_name input").wait_for()
    cookies = {c["name"]: c["value"] for c in ctx.cookies()}
    assert cookies.get("cxaudit_last") == a.id, cookies        # only the id is kept
    first.close()

    again = ctx.new_page()
    again.goto(app.url)                                         # today: the bare address
    idle(again)
    label = t("start.resume_last", "el", name=a.company.name, done=total, total=total,
              date=format_date(a.updated_at, "el"))
    offer = again.locator(".st-key-start_resume_go button")
    offer.wait_for()
    assert offer.inner_text().strip().endswith(label)  # after its icon
    assert re.search(r" · \d\d/\d\d/\d{4}$", label)
    offer.click()
    again.wait_for_function("() => new URL(location.href).searchParams.get('assessment')")
    assert f"assessment={a.id}" in again.url
    idle(again)
    name = again.locator(".st-key-profile_name input").first
    poll(lambda: name.input_value() == a.company.name, lambda: f"the start page shows {name.input_value()!r}")
    assert again.locator(".st-key-start_resume_go").count() == 0

    stranger = contexts().new_page()                            # another browser: nothing to offer
    stranger.goto(app.url)
    idle(stranger)
    stranger.locator(".st-key-profile_name input").wait_for()
    assert stranger.locator(".st-key-start_resume_go").count() == 0
    assert not server_errors(app), server_errors(app)
