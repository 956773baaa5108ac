"""The shipped content reads right for the business in front of it: one thing per question, the
right answer set, questions that fit the profile in its own words, a plan that is realistic, and
a privacy note wherever an action keeps customer details. Numbers here are rules, not counts."""
import json
import re
import subprocess
import sys

import pytest

from checklists.applicability import Profile, for_profile, left_out, parse_profile
from checklists.plan_stats import QUICK_WIN_SHARE_MAX, plan_stats
from checklists.profile import SECTORS, SIZES
from fixture_model import ROOT_DIR


def _texts(item):
    yield item.text
    for w in item.wording:
        if w.text:
            yield w.text


def _bare(question: str) -> str:
    """A question without its examples and lists: what it actually asks."""
    q = re.sub(r"\([^)]*\)", "", question)
    return q.split(":")[0]


def test_critical_gates_ask_exactly_one_thing(shipped_model):
    for it in shipped_model.items.values():
        if it.critical:
            for t in _texts(it):
                assert " and " not in _bare(t.en), (it.id, t.en)
                assert " και " not in _bare(t.el), (it.id, t.el)


def test_existence_questions_are_on_the_existence_set_and_never_say_written(shipped_model):
    existence_opening = re.compile(r"^(Is there|Are there|Have you (listed|divided|identified|decided))")
    for it in shipped_model.items.values():
        if existence_opening.match(it.text.en):
            assert it.answers == "existence", it.id
        if it.answers == "existence":
            for t in _texts(it):
                # being written down is level 3 of the set; the question must not count it twice
                assert not re.search(r"\bwritten\b", _bare(t.en)) and "γραπτ" not in _bare(t.el), (it.id, t.en)


def test_existence_set_gives_the_same_values_and_labels_in_both_languages(shipped_model):
    existence = shipped_model.answer_sets["existence"]
    assert [o.value for o in existence] == [o.value for o in shipped_model.answer_scale]
    assert existence[2].label.en == "Yes, informally" and existence[0].label.el == "Όχι"
    item = next(it for it in shipped_model.items.values() if it.answers == "existence")
    assert shipped_model.option(3, item).label.en == "Yes, written down"
    assert shipped_model.option(3).label.en == "Mostly"  # no item: the frequency scale


def test_quick_wins_are_the_exception_and_effort_and_horizon_are_spread(shipped_model):
    stats = plan_stats(shipped_model)
    assert stats["quick_win_share"] <= QUICK_WIN_SHARE_MAX
    assert stats["effort"].get("L", 0) >= 1 and stats["effort"]["M"] >= stats["items"] // 3
    assert all(stats["horizon"].get(d, 0) >= stats["items"] // 8 for d in (30, 60, 90))


def test_routines_are_rated_by_their_monthly_cost_and_monthly_ones_meet_in_one_meeting(shipped_model):
    meeting = shipped_model.cx_meeting
    assert meeting is not None
    agenda = [it for it in shipped_model.items.values() if it.action.in_cx_meeting]
    assert agenda and all(it.action.routine_hours_per_month > 0 for it in agenda)
    # the agenda points fit the meeting when one or two people take the points in turn
    assert sum(60 * it.action.routine_hours_per_month for it in agenda) <= 2 * meeting.minutes * 2.5
    # the meeting itself is an item with its own routine cost
    meeting_item = next(it for it in shipped_model.items.values() if "monthly customer meeting" in it.action.text.en
                        and not it.action.in_cx_meeting)
    assert meeting_item.action.routine_hours_per_month >= 1
    # a weekly routine is never rated as a one-off small task
    for it in shipped_model.items.values():
        if re.search(r"\bevery (Monday|Friday|week)\b", it.action.text.en):
            assert it.action.routine_hours_per_month > 0, it.id


CUSTOMER_DATA = re.compile(
    r"customer (records|sheet)|complaints log|by text|by e-mail or text|text or phone|"
    r"\bphone the\b|referral|business number|loyal customers|list of (customers|low scores)|send one question",
    re.I,
)


def test_every_action_that_keeps_customer_details_has_a_privacy_note(shipped_model):
    flagged = 0
    for it in shipped_model.items.values():
        act = it.action
        texts = [act.text.en, *(w.action.en for w in it.wording if w.action)]
        if any(CUSTOMER_DATA.search(t) for t in texts):
            assert act.stores_customer_data and act.privacy, it.id
        if act.stores_customer_data:
            flagged += 1
            assert act.privacy.el != act.privacy.en
    assert flagged >= 8


def test_missing_areas_each_have_a_concrete_item(shipped_model):
    areas = {
        "data protection": r"4624/2019|GDPR",
        "marketing consent": r"3471/2006",
        "messaging apps": r"Viber|WhatsApp",
        "out of hours": r"out of hours",
        "complaints and returns policy": r"returns|withdrawal",
        "repeat customers": r"buy again|repeat",
        "third parties": r"courier|platform",
        "accessibility": r"reduced mobility|screen reader",
        "languages": r"does not speak Greek",
        "closing the loop": r"You said, we did",
        "review ethics": r"not only those who seem happy|in return for a review|for writing a review",
    }
    for area, pattern in areas.items():
        hits = [it for it in shipped_model.items.values()
                if re.search(pattern, " ".join([it.text.en, it.why.en, it.action.text.en]))]
        assert hits, area
        assert any(it.action.kpi.en for it in hits)


def test_no_unattributed_study_figures_in_why_texts(shipped_model):
    for it in shipped_model.items.values():
        for t in (it.why.el, it.why.en):
            assert "μελέτη" not in t and "study" not in t, it.id
            assert not re.search(r"\b\d+ ?%|\b\d+x\b|τριπλάσ|three times (as|more) likely", t), (it.id, t)


def test_a_micro_walk_in_business_is_not_asked_about_departments_job_descriptions_or_key_accounts(shipped_model):
    for sector in ("food_service", "bakery", "retail", "beauty_wellness", "hospitality"):
        profile = Profile.of(sector, "micro")
        worded = for_profile(shipped_model, profile)
        out = set(left_out(shipped_model, profile))
        for it in worded.items.values():
            if it.id in out:
                continue
            q = it.text.en.lower() + " " + it.text.el.lower()
            for word in ("department", "job description", "key account", "most important customers",
                         "τμήμα", "περιγραφή θέσης", "σημαντικότερους πελάτες"):
                assert word not in q, (sector, it.id, word)


def test_a_hotel_reads_hotel_words_and_an_online_shop_reads_parcels(shipped_model):
    hotel = for_profile(shipped_model, Profile.of("hospitality", "small")).items
    assert "room" in hotel["PLAN-10"].text.en and "δωμάτιο" in hotel["PLAN-10"].text.el
    assert "check-in" in hotel["PLAN-04"].text.en
    shop = for_profile(shipped_model, Profile.of("ecommerce", "micro"))
    assert "parcel" in shop.items["PLAN-11"].text.en and "δέματος" in shop.items["PLAN-11"].text.el
    assert "PLAN-10" in left_out(shipped_model, Profile.of("ecommerce", "micro"))  # no premises to walk
    care = for_profile(shipped_model, Profile.of("beauty_wellness", "micro")).items
    assert "appointment" in care["PLAN-09"].text.en


@pytest.mark.parametrize("sector", ["hospitality", "food_service", "bakery", "retail", "professional_services",
                                    "health", "beauty_wellness", "ecommerce"])
def test_every_common_sector_has_its_own_words_in_both_languages(shipped_model, sector):
    generic = shipped_model.items
    worded = for_profile(shipped_model, Profile.of(sector, "small")).items
    changed = [
        i for i in worded if worded[i].text != generic[i].text or worded[i].action.text != generic[i].action.text
    ]
    assert len(changed) >= 4, (sector, changed)
    for i in changed:
        assert worded[i].text.el != worded[i].text.en


def test_an_unknown_profile_is_asked_everything_in_the_generic_words(shipped_model):
    for profile in (Profile(), Profile.of("other", ""), Profile.of("nonsense", "huge")):
        assert left_out(shipped_model, profile) == []
        assert for_profile(shipped_model, profile) is shipped_model or \
            for_profile(shipped_model, profile).items == shipped_model.items


def test_every_applicability_value_is_known(shipped_model):
    groups = set(shipped_model.sector_groups)
    for it in shipped_model.items.values():
        for where in (it.applies, *(w.when for w in it.wording)):
            for s in where.sizes or ():
                assert s in SIZES
            for name in where.names():
                assert name in SECTORS or name in groups


def test_parse_profile_accepts_ids_and_head_count_bands():
    assert parse_profile("sector=hospitality,size=1-9") == Profile("hospitality", "micro")
    assert parse_profile("size=small") == Profile("", "small")
    for bad in ("sector=spaceships", "size=7", "colour=red", "hospitality"):
        with pytest.raises(ValueError):
            parse_profile(bad)


def test_cli_profile_json_lists_what_that_business_sees():
    out = subprocess.run([sys.executable, "-m", "checklists", "--json", "--profile", "sector=hospitality,size=1-9"],
                         cwd=ROOT_DIR, capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    asked = {it["id"]: it for p in data["pillars"] for it in p["items"]}
    out_ids = {x["id"] for x in data["left_out"]}
    assert data["profile"] == {"sector": "hospitality", "size": "micro"}
    assert "PLAN-14" in out_ids and "PLAN-14" not in asked and data["asked"] == len(asked)
    assert "check-in" in asked["PLAN-04"]["text"]["en"]
    assert not any("wording" in it for it in asked.values())  # only this business's words
    micro = json.loads(subprocess.run([sys.executable, "-m", "checklists", "--json", "--profile",
                                       "sector=food_service,size=1-9"], cwd=ROOT_DIR, capture_output=True,
                                      text=True, check=True).stdout)
    asked_text = json.dumps([it["text"] for p in micro["pillars"] for it in p["items"]], ensure_ascii=False).lower()
    for word in ("department", "job description", "key account", "τμήμα", "περιγραφή κάθε θέσης"):
        assert word not in asked_text, word
    bad = subprocess.run([sys.executable, "-m", "checklists", "--profile", "size=huge"], cwd=ROOT_DIR,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("error: --profile") and "Traceback" not in bad.stderr


def test_docs_sources_names_only_real_items_and_lists_every_item(shipped_model):
    doc = (ROOT_DIR / "docs" / "sources.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"\b(?:PLAN|SEG|EMO|TRN|MEAS)-\d{2}\b", doc))
    moved_or_gone = {"SEG-09"}  # named as where TRN-12 came from
    assert mentioned - moved_or_gone <= set(shipped_model.items)
    table = doc.split("## Seed recommendations")[0]
    for it in shipped_model.items.values():
        assert it.id in table, it.id
    assert f"Total: {len(shipped_model.items)} items" in doc


# A second question joined on ("…, and do they get an answer?", "…and how they adapt…",
# "…and that nobody…"): the shapes the double-barrelled questions of 2026.11 took.
SECOND_QUESTION = re.compile(r"\band (do|does|did|can|is|are|has|have|that|whether|recognise|know)\b"
                             r"|\band how (they|you|we|staff)\b")


@pytest.mark.parametrize("sector", [None, *SECTORS])
def test_no_question_asks_two_things_in_any_sector_wording(shipped_model, sector):
    model = shipped_model if sector is None else for_profile(shipped_model, Profile.of(sector, "small"))
    for it in model.items.values():
        assert not SECOND_QUESTION.search(_bare(it.text.en)), (sector, it.id, it.text.en)


LATIN_ALLOWED = {"CSAT", "NPS", "CES", "Google", "Viber", "WhatsApp", "Business", "Messenger", "Instagram",
                 "Booking.com", "Airbnb", "Skroutz", "efood", "Wolt", "e-mail", "e-shop", "check-in", "check-out",
                 "SMS", "GDPR", "Tab", "Enter", "Customer", "Experience", "MEAS", "SEG", "QR"}


def test_greek_content_has_no_english_words_but_names(shipped_model):
    """Brand names, the metrics' short names and item ids may stay in Latin script; other words
    are Greek (courier → εταιρεία ταχυμεταφορών, feedback → όσα ακούν)."""
    texts = []
    for it in shipped_model.items.values():
        texts += [it.text.el, it.why.el, it.action.text.el, it.action.kpi.el]
        texts += [t.el for t in (it.evidence, it.action.privacy) if t]
        for w in it.wording:
            texts += [t.el for t in (w.text, w.evidence, w.action, w.kpi) if t]
    for text in texts:
        for word in re.findall(r"[A-Za-z][A-Za-z.\-]*[A-Za-z]|[A-Za-z]", text):
            assert word in LATIN_ALLOWED, (word, text)


def _all_texts(obj, path="model"):
    """Every Text of the model, with where it is (items, their wording, levels, answer sets …)."""
    from pydantic import BaseModel

    from checklists.model import Text
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _all_texts(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _all_texts(v, f"{path}[{k}]")
    elif isinstance(obj, (list, tuple)):
        for n, v in enumerate(obj):
            yield from _all_texts(v, f"{path}[{n}]")


def test_every_visible_string_is_in_greek_and_in_english(shipped_model):
    """el/en parity, 100 %: every string (questions, sector wording, actions, KPIs, privacy notes,
    levels, answer sets) has both languages, the Greek in Greek script and the two not the same."""
    texts = list(_all_texts(shipped_model))
    assert len(texts) > 500
    greek = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
    for path, t in texts:
        assert t.el.strip() and t.en.strip(), path
        assert greek.search(t.el), (path, t.el)
        assert not greek.search(t.en), (path, t.en)
        assert t.el != t.en, path
