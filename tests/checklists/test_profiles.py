"""What each business reads, profile by profile (every sector the model knows × every size band),
as `python -m checklists --json --profile` shows it: a walk-in business of up to 9 people reads
nothing that presumes departments, managers, job descriptions, appraisals or key accounts; each
common sector reads its own moments (the room, the table and the bill, the parcel, the client
file); and no profile's plan is mostly quick wins."""
import re

import pytest

from checklists.applicability import Profile, for_profile, left_out
from checklists.plan_stats import QUICK_WIN_SHARE_MAX, is_quick_win
from checklists.profile import SECTORS, SIZES


def _asked(model, sector, size):
    profile = Profile.of(sector, size)
    out = set(left_out(model, profile))
    return {i: it for i, it in for_profile(model, profile).items.items() if i not in out}


def _visible(it):
    """What the business reads and is asked to do (the `why` may quote the seed's argument)."""
    for t in (it.text, it.evidence, it.action.text, it.action.kpi):
        yield t.el
        yield t.en


# Layers and paperwork a bakery, a café or a two-chair salon does not have.
LAYERS = re.compile(r"department|job description|apprais|org(anisation)? chart|\bmanagers?\b|\bmanagement\b|"
                    r"\bHR\b|key account|most important customers|\baccounts\b|"
                    r"τμήμα|περιγραφ\w* θέσ|οργανόγραμμα|προϊστάμεν|διευθυντ|διοίκηση|σημαντικότερ|λογιστήριο",
                    re.I)


@pytest.mark.parametrize("sector", ["food_service", "bakery", "hospitality", "retail", "health", "beauty_wellness",
                                    "automotive"])
def test_a_micro_walk_in_business_reads_no_layers_it_does_not_have(shipped_model, sector):
    assert sector in shipped_model.sector_groups["walk_in"]
    for i, it in _asked(shipped_model, sector, "micro").items():
        for text in _visible(it):
            assert not LAYERS.search(text), (sector, i, LAYERS.search(text).group(0), text)


@pytest.mark.parametrize("sector", SECTORS)
@pytest.mark.parametrize("size", SIZES)
def test_quick_wins_are_the_exception_for_every_profile(shipped_model, sector, size):
    asked = _asked(shipped_model, sector, size)
    quick = [i for i, it in asked.items() if is_quick_win(it.action.impact, it.action.effort)]
    assert len(quick) / len(asked) <= QUICK_WIN_SHARE_MAX, (sector, size, len(quick), len(asked))


SECTOR_WORDS = {
    "hospitality": ("check-in", "room", "δωμάτιο"),
    "food_service": ("table", "the bill", "delivery platform", "τραπέζι", "λογαριασμός", "πλατφόρμα"),
    "bakery": ("counter", "cake", "delivery platform", "πάγκο", "τούρτ", "πλατφόρμα"),
    "retail": ("the till", "shop window", "ταμείο", "βιτρίνα"),
    "ecommerce": ("parcel", "courier", "δέμα", "ταχυμεταφορών"),
    "professional_services": ("appointment", "file for each client", "ραντεβού", "φάκελο"),
    "health": ("appointment", "ραντεβού"),
    "beauty_wellness": ("appointment", "ραντεβού"),
}


@pytest.mark.parametrize("sector", sorted(SECTOR_WORDS))
@pytest.mark.parametrize("size", SIZES)
def test_each_common_sector_reads_its_own_moments(shipped_model, sector, size):
    questions = " ".join(t for it in _asked(shipped_model, sector, size).values() for t in (it.text.el, it.text.en))
    for word in SECTOR_WORDS[sector]:
        assert word in questions, (sector, size, word)


def test_an_office_or_online_business_is_not_sent_to_the_counter_or_the_till(shipped_model):
    office = _asked(shipped_model, "professional_services", "micro")
    assert "counter" not in office["PLAN-10"].text.en and "πάγκο" not in office["PLAN-10"].text.el
    for sector in ("ecommerce", "hospitality"):
        action = _asked(shipped_model, sector, "small")["PLAN-22"].action.text
        assert "till" not in action.en and "ταμείο" not in action.el, sector


@pytest.mark.parametrize("sector", ["professional_services", "ecommerce", "hospitality"])
@pytest.mark.parametrize("size", SIZES)
def test_no_action_sends_a_business_without_a_till_to_it(shipped_model, sector, size):
    """Generic actions say 'where you serve customers'; only a sector with a till reads 'the till'."""
    for item_id, it in _asked(shipped_model, sector, size).items():
        assert not re.search(r"\b(at|by) the till\b", it.action.text.en), (sector, item_id)
        assert "στο ταμείο" not in it.action.text.el, (sector, item_id)


def test_a_micro_business_is_asked_about_its_own_monthly_time_not_a_management_meeting(shipped_model):
    micro = _asked(shipped_model, "retail", "micro")["PLAN-02"]
    small = _asked(shipped_model, "retail", "small")["PLAN-02"]
    assert "people who work with you" in micro.text.en and "όσους δουλεύουν μαζί σας" in micro.text.el
    assert "management" in small.text.en
    assert micro.critical and " and " not in re.sub(r"\([^)]*\)", "", micro.text.en)


def test_a_bakery_reads_counter_and_cake_orders_not_a_cafes_tables_and_bill(shipped_model):
    """A φούρνος or ζαχαροπλαστείο chose «Εστίαση (καφέ, εστιατόρια)» and read of tables, the bill and
    the kitchen; it now has its own sector, with the counter, orders for cakes and allergens."""
    asked = _asked(shipped_model, "bakery", "micro")
    words = " ".join(x for it in asked.values() for x in _visible(it))
    for cafe in ("at the table", "the bill", "τραπέζι", "τραπεζι", "με τον λογαριασμό", "σάλα", "floor and kitchen"):
        assert cafe not in words, cafe
    assert "τούρτ" in asked["PLAN-04"].text.el and "cake" in asked["PLAN-04"].text.en
    assert "πάγκο" in asked["PLAN-10"].text.el and "allergens" in asked["PLAN-10"].text.en
    assert "PLAN-11" in asked and "counter" in asked["PLAN-11"].text.en  # thanked at the counter
    assert "bakery" in shipped_model.sector_groups["walk_in"]


# Back rooms a business of the sector does not have, in its questions' examples.
FOREIGN_ROOMS = {"bakery": re.compile(r"κουζίνα|αποθήκη|τιμολόγηση|kitchen|stockroom|invoicing", re.I)}


@pytest.mark.parametrize("sector", sorted(FOREIGN_ROOMS))
def test_a_sector_is_not_given_back_rooms_it_does_not_have(shipped_model, sector):
    """A bakery's people away from customers are in the workroom, not a kitchen, a stockroom or
    an invoicing office: a question's examples name what the business has."""
    for i, it in _asked(shipped_model, sector, "micro").items():
        for text in (it.text.el, it.text.en):
            assert not FOREIGN_ROOMS[sector].search(text), (i, text)
