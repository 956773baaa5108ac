"""Choosing a sector or size changes the question count (e.g. 85 to 80): the start page says why,
and where the questions left out are listed (the list at the foot of each section page)."""
import pytest
from pagekit import goto

from checklists import default_model
from checklists.applicability import Profile, not_asked
from i18n import t

MODEL = default_model()


def _explained(at, lang) -> list[str]:
    return [c.value for c in at.caption if t("start.left_out_list", lang) in c.value]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_a_sector_that_leaves_questions_out_says_why_and_where(app, lang):
    at = app(lang)
    assert _explained(at, lang) == []  # no profile yet: every question is asked, nothing to explain
    at.selectbox(key="profile_sector").set_value("food_service").run()
    at.selectbox(key="profile_size").set_value("micro").run()
    assert not at.exception
    left = len(not_asked(MODEL, Profile.of("food_service", "micro")))
    total = len(MODEL.items)
    assert left > 0
    said = t("start.left_out", lang, count=left, asked=total - left, total=total,
             list=t("start.left_out_list", lang))
    assert _explained(at, lang) == [said]
    # each section says how many of its own are left out, beside its count
    cx_plan = MODEL.pillar("cx_plan")
    skip = not_asked(MODEL, Profile.of("food_service", "micro"))
    mine = sum(1 for it in cx_plan.items if it.id in skip)
    line = next(m.value for m in at.markdown if m.value.startswith(f"**{cx_plan.title(lang)}**"))
    if mine:
        assert t("start.pillar_left_out", lang, count=mine) in line
    # the list it points to is there, under that name, on a section with questions left out
    pid = next(p.id for p in MODEL.pillars if any(it.id in skip for it in p.items))
    goto(at, f"pages/audit_{pid}.py")
    assert any(t("start.left_out_list", lang).lstrip("… ") in e.label for e in at.expander)


def test_the_profile_of_other_asks_everything_and_explains_nothing(app):
    at = app("el")
    at.selectbox(key="profile_sector").set_value("other").run()
    assert _explained(at, "el") == []
