"""The shape of a question decides its answer set: a question that asks whether something exists
(«Υπάρχει…;», "Is there…?", "Have you listed…?") is answered on the existence set (no / being
prepared / yes, informally / yes, written down / yes, and reviewed), and every item on that set is
asked in that shape, in both languages and in every sector's or size's wording. A question about how
often or how widely something is done stays on the frequency scale."""
import re

import pytest

from checklists.applicability import Profile, for_profile
from checklists.profile import SECTORS, SIZES

# "Is there…", "For each key moment, is there…", "Have you listed / divided / identified…"
EXISTENCE_EN = re.compile(r"(^|, |\) )(is there|are there|do you have a written|"
                          r"have you (listed|divided|identified|decided|agreed))\b", re.I)
EXISTENCE_EL = re.compile(r"(^|, |\) )(υπάρχει|υπάρχουν|"
                          r"έχετε (καταγράψει|χωρίσει|εντοπίσει|αποφασίσει|συμφωνήσει))\b", re.I)


def _questions(item):
    yield "text", item.text
    for n, w in enumerate(item.wording):
        if w.text:
            yield f"wording[{n}]", w.text


def test_every_existence_shaped_question_is_on_the_existence_set(shipped_model):
    for it in shipped_model.items.values():
        for where, t in _questions(it):
            if EXISTENCE_EN.search(t.en) or EXISTENCE_EL.search(t.el):
                assert it.answers == "existence", (it.id, where, t.en)


def test_every_existence_item_asks_whether_something_exists_in_both_languages(shipped_model):
    existence = [it for it in shipped_model.items.values() if it.answers == "existence"]
    assert len(existence) >= 12
    for it in existence:
        for where, t in _questions(it):
            assert EXISTENCE_EN.search(t.en), (it.id, where, t.en)
            assert EXISTENCE_EL.search(t.el), (it.id, where, t.el)


@pytest.mark.parametrize("sector", SECTORS)
def test_what_each_business_reads_is_on_the_set_its_shape_asks_for(shipped_model, sector):
    for size in SIZES:
        for it in for_profile(shipped_model, Profile.of(sector, size)).items.values():
            shaped = bool(EXISTENCE_EN.search(it.text.en))
            assert shaped == bool(EXISTENCE_EL.search(it.text.el)), (sector, size, it.id)
            assert shaped == (it.answers == "existence"), (sector, size, it.id, it.text.en)


def test_a_coverage_question_is_on_the_frequency_scale(shipped_model):
    # "Does every job description state…?" is answered by how many do (Partly, Mostly), not by
    # "Yes, written down": a job description is written by definition
    assert shipped_model.items["PLAN-14"].answers == "frequency"
    assert shipped_model.option(2, "PLAN-14").label.en == "Partly"
