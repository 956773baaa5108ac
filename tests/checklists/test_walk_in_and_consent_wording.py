"""Wording that fits the business that reads it (checklists/content, 2026.12.1; wording only: same
items, ids and scores, so no new model version).

- Health holds pharmacies, whose customers walk in: its questions never make the appointment the
  only way in («κλείσιμο ραντεβού ή άφιξη χωρίς ραντεβού», «όπου χρειάζεται ραντεβού»).
- A walk-in shop or pharmacy has no contact details for most customers: PLAN-11 asks about the
  thanks at the till, not a message two days later.
- SEG-14 (consent for marketing) gives the existing-customer exception of Ν. 3471/2006 art. 11(3):
  the business's own similar products, to customers who gave their e-mail or mobile when they
  bought, with the chance to refuse then and in every message.
"""
import re

from checklists.applicability import Profile, for_profile, left_out

BOOKED = {"el": re.compile(r"ραντεβού"), "en": re.compile(r"\bappointment", re.I)}
ALSO_WALK_IN = {
    "el": re.compile(r"χωρίς ραντεβού|όπου χρειάζεται ραντεβού|αν δουλεύετε με ραντεβού|πάγκο|ξανάρχονται|ξαναήρθαν"
                     r"|ή επανεξέτασης|στους χάρτες"),
    "en": re.compile(r"walk|counter|where one is needed|if you work by appointment|come back|or a follow-up"
                     r"|on maps", re.I),
}


def _asked(model, sector, size="micro"):
    profile = Profile.of(sector, size)
    out = set(left_out(model, profile))
    return {i: it for i, it in for_profile(model, profile).items.items() if i not in out}


def test_a_pharmacy_is_never_asked_as_if_every_customer_books(shipped_model):
    asked = _asked(shipped_model, "health")
    booked = 0
    for item_id, it in asked.items():
        for lang in ("el", "en"):
            text = it.text(lang)
            if BOOKED[lang].search(text):
                booked += 1
                assert ALSO_WALK_IN[lang].search(text), (item_id, lang, text)
    assert booked >= 10  # the clinic's appointments are still there, beside the walk-in


def test_a_walk_in_shop_is_thanked_at_the_till_not_sent_a_message_it_has_no_address_for(shipped_model):
    for sector in ("retail", "health"):
        item = _asked(shipped_model, sector)["PLAN-11"]
        assert "ταμείο" in item.text.el and "till" in item.text.en, sector
        assert not re.search(r"μήνυμα|ημέρες", item.text.el) and not re.search(r"message|days", item.text.en)
        # the message goes only to those who left a phone number or e-mail
        assert "τηλέφωνο ή e-mail" in item.action.text.el and "phone number or e-mail" in item.action.text.en
    for sector, words in (("ecommerce", "δέματος"), ("hospitality", "check-out"), ("professional_services", "μήνυμα")):
        assert words in _asked(shipped_model, sector)["PLAN-11"].text.el, sector


def test_marketing_consent_names_the_existing_customer_exception(shipped_model):
    item = shipped_model.items["SEG-14"]
    el, en = item.why.el, item.why.en
    assert "Ν. 3471/2006 (άρθρο 11)" in el and "(παρ. 3)" in el
    assert "Law 3471/2006 (article 11)" in en and "(paragraph 3)" in en
    for part in ("όταν αγόρασε από εσάς", "δικά σας παρόμοια προϊόντα", "να αρνηθεί, εύκολα και δωρεάν",
                 "σε κάθε μήνυμα", "χρειάζεται συγκατάθεση"):
        assert part in el, part
    for part in ("when they bought from you", "your own similar products", "refuse, easily and free of charge",
                 "in every message", "needs consent"):
        assert part in en, part
    assert "παρόμοια προϊόντα" in item.action.text.el and "similar products" in item.action.text.en
    assert "υπάρχοντες πελάτες" in item.evidence.el and "existing customers" in item.evidence.en


def test_marketing_consent_question_and_kpi_allow_the_exception(shipped_model):
    """The question asked for consent from every recipient, so a business using the art. 11(3)
    exception lawfully could not answer 'fully'; the KPI's target of 100 % consent said the same."""
    item = shipped_model.items["SEG-14"]
    assert "δικά σας παρόμοια προϊόντα" in item.text.el and "your own similar products" in item.text.en
    assert "δυνατότητα άρνησης" in item.action.kpi.el and "chance to refuse" in item.action.kpi.en
