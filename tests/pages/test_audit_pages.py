"""Start, the five pillar pages and results, in both languages, as a user walks them."""
import pytest
from pagekit import goto, open_notes, pillar_heading, radio_for, switch_language

from checklists import default_model
from i18n import format_score, t
from scoring import score
from scoring.plan import build_plan, why_text
from ui.nav import pillar_page_path

MODEL = default_model()
SCALE = [0, 1, 2, 3, 4, "na", "unknown"]


def answer_for(n: int):
    """A deterministic mix of every kind of answer."""
    return SCALE[n % len(SCALE)]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_start_page_shows_profile_in_language(app, lang):
    at = app(lang)
    assert at.title[0].value == ("Έλεγχος εμπειρίας πελάτη" if lang == "el" else "Customer experience audit")
    at.text_input(key="profile_name").input("Ταβέρνα «Ο Μήτσος» & Υιοί 🍷").run()
    at.text_input(key="profile_city").input("Θεσσαλονίκη").run()
    at.selectbox(key="profile_sector").set_value("food_service").run()
    company = at.session_state["assessment"].company
    assert company.name == "Ταβέρνα «Ο Μήτσος» & Υιοί 🍷" and company.city == "Θεσσαλονίκη"
    assert company.sector == "food_service"
    assert not at.exception


def test_sectors_are_sorted_greek_aware_with_other_last(app):
    from i18n import sort_key, t
    at = app("el")
    labels = at.selectbox(key="profile_sector").options
    assert labels[-1] == t("sector.other", "el")
    assert labels[:-1] == sorted(labels[:-1], key=sort_key)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_walk_every_pillar_answer_everything_results_match_scoring(app, lang):
    at = app(lang)
    n = 0
    for pillar in MODEL.pillars:
        goto(at, pillar_page_path(pillar.id))
        assert pillar_heading(at) == pillar.title(lang)
        for item in pillar.items:
            radio_for(at, item.id).set_value(answer_for(n)).run()
            n += 1
        assert not at.exception
    a = at.session_state["assessment"]
    assert len(a.answers) == n == sum(len(p.items) for p in MODEL.pillars)
    expected = score(MODEL, a)
    goto(at, "pages/results.py")
    metrics = {}
    for m in at.metric:  # the first metric of each label is the overall one
        metrics.setdefault(m.label, m.value)
    overall_label = "Συνολικό επίπεδο" if lang == "el" else "Overall level"
    level = MODEL.level(expected.overall_level)
    assert metrics[overall_label] == f"{level.level}. {level.name(lang)}"
    score_label = "Βαθμολογία" if lang == "el" else "Score"
    assert metrics[score_label] == f"{format_score(expected.overall_score, lang)} / 100"
    # The ten gaps shown are the first ten of the plan (what reaches the targets first), in order,
    # each with its own reason: no line is the same for every gap.
    shown = [md.value for md in at.markdown if md.value.startswith("**") and "\n" in md.value]
    plan = build_plan(MODEL, a, expected)
    for n, act in enumerate(plan.actions[:10], start=1):
        assert shown[n - 1].startswith(f"**{n}. {MODEL.items[act.item].text(lang)}**")
        assert why_text(act.why[0], MODEL, lang) in shown[n - 1]
    tails = [md.rsplit("\n", 1)[-1] for md in shown[:10]]
    assert len(set(tails)) > 1
    assert not at.exception


def test_language_switch_keeps_answers_and_notes(app):
    at = app("el")
    first = MODEL.pillars[0].items[0]
    goto(at, pillar_page_path(MODEL.pillars[0].id))
    radio_for(at, first.id).set_value(3).run()
    open_notes(at)
    at.text_area(key=f"note_{first.id}").input("Το είδαμε στον τοίχο <script>").run()
    switch_language(at, "en")
    assert not at.exception
    assert pillar_heading(at) == MODEL.pillars[0].title("en")
    assert radio_for(at, first.id).value == 3
    a = at.session_state["assessment"]
    assert a.value(first.id) == 3 and a.note(first.id) == "Το είδαμε στον τοίχο <script>"
    goto(at, "pages/start.py")
    assert at.session_state["lang"] == "en"


@pytest.mark.parametrize("lang", ["el", "en"])
def test_each_pillar_page_links_on_to_the_next_then_to_results(app, lang):
    from ui.nav import PAGES
    at = app(lang)
    order = [p for p in PAGES if p.pillar] + [next(p for p in PAGES if p.path == "pages/results.py")]
    for here, there in zip(order, order[1:], strict=False):
        goto(at, here.path)
        (link,) = at.main.get("page_link")
        assert link.proto.page == there.url
        if there.pillar:
            assert MODEL.pillar(there.pillar).short_title(lang) in link.proto.label


def test_switching_pages_keeps_answers(app):
    at = app("el")
    p1, p2 = MODEL.pillars[0], MODEL.pillars[1]
    goto(at, pillar_page_path(p1.id))
    radio_for(at, p1.items[0].id).set_value("na").run()
    goto(at, pillar_page_path(p2.id))
    radio_for(at, p2.items[0].id).set_value(1).run()
    goto(at, pillar_page_path(p1.id))
    assert radio_for(at, p1.items[0].id).value == "na"


@pytest.mark.parametrize("lang", ["el", "en"])
def test_results_empty_state_explains_what_to_do(app, lang):
    at = goto(app(lang), "pages/results.py")
    assert at.info and ("Δεν υπάρχουν ακόμη απαντήσεις" in at.info[0].value or "No answers yet" in at.info[0].value)


def test_critical_item_caps_pillar_and_results_say_so(app):
    pillar = next(p for p in MODEL.pillars if any(it.critical for it in p.items))
    critical = next(it for it in pillar.items if it.critical)
    at = goto(app("el"), pillar_page_path(pillar.id))
    for it in pillar.items:
        radio_for(at, it.id).set_value(0 if it.id == critical.id else 4).run()
    goto(at, "pages/results.py")
    assert any(critical.id in e.value for e in at.error)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_every_page_runs_without_exception(app, lang):
    from ui.nav import PAGES
    at = app(lang)
    for spec in PAGES:
        goto(at, spec.path)


def test_a_micro_cafe_is_not_asked_about_key_accounts_and_can_ask_for_any_question(app):
    """Profile first, as a user would: a café of up to 9 people. The Customers page asks no
    key-account question, lists it as left out, and one click brings it back; its answer then
    counts. Changing the profile afterwards keeps the answer."""
    at = app("el")
    at.selectbox(key="profile_sector").set_value("food_service").run()
    at.selectbox(key="profile_size").set_value("micro").run()
    goto(at, pillar_page_path("segmentation"))
    labels = [r.label for r in at.radio]
    assert not any(label.endswith("· SEG-02]") for label in labels)
    assert any(label.endswith("· SEG-01]") for label in labels)
    (left,) = [e for e in at.expander if "δεν σας αφορ" in e.label]
    assert "SEG-02" in " ".join(m.value for m in left.markdown)
    at.button(key="bring_SEG-02").click().run()
    assert not at.exception
    a = at.session_state["assessment"]
    assert a.brought_back == ["SEG-02"]
    radio_for(at, "SEG-02").set_value(0).run()
    assert any(g.item == "SEG-02" for g in score(MODEL, a).gaps)
    goto(at, "pages/start.py")
    at.selectbox(key="profile_size").set_value("medium").run()
    assert at.session_state["assessment"].value("SEG-02") == 0


def test_existence_questions_offer_their_own_answers_and_a_hotel_reads_rooms(app):
    at = app("el")
    at.selectbox(key="profile_sector").set_value("hospitality").run()
    goto(at, pillar_page_path("cx_plan"))
    plan01 = radio_for(at, "PLAN-01")
    assert plan01.options[:5] == ["Όχι", "Ετοιμάζεται", "Ναι, άτυπα", "Ναι, γραμμένο", "Ναι, και το επανεξετάζουμε"]
    assert radio_for(at, "PLAN-02").options[0] == "Καθόλου"
    assert "δωμάτιο" in radio_for(at, "PLAN-10").label
    plan01.set_value(2).run()
    assert at.session_state["assessment"].value("PLAN-01") == 2


def _answer_everything(at):
    a = at.session_state["assessment"]
    for n, iid in enumerate(MODEL.items):
        a.set_value(iid, answer_for(n))


@pytest.mark.parametrize("lang", ["el", "en"])
def test_results_lead_on_to_the_plan(app, lang):
    from i18n import t
    at = app(lang)
    _answer_everything(at)
    goto(at, "pages/results.py")
    go = at.button(key="results_go_plan")
    assert go.label == t("results.go_plan", lang) and go.proto.type == "primary"
    go.click().run()
    assert not at.exception
    assert at.title[0].value == t("plan.title", lang)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_start_offers_the_results_once_everything_is_answered(app, lang):
    from i18n import t
    at = app(lang)
    first = MODEL.pillars[0].items[0].id
    at.session_state["assessment"].set_value(first, 2)
    at.run()
    assert at.button(key="start_go").label == t("start.continue", lang, done=1, total=len(MODEL.items))
    _answer_everything(at)
    at.run()
    go = at.button(key="start_go")
    assert go.label == t("start.see_results", lang)
    go.click().run()
    assert not at.exception
    assert at.title[0].value == t("results.title", lang)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_left_out_list_speaks_of_one_question_when_one_is_left_out(app, lang):
    """A micro bakery is not asked one question of the CX plan (job descriptions): the list at
    the foot of that section, and the words under its title, speak of that one question; the
    Customers page, with more left out, speaks of them in the plural."""
    at = app(lang)
    at.selectbox(key="profile_sector").set_value("bakery").run()
    at.selectbox(key="profile_size").set_value("micro").run()
    for pillar, count in (("cx_plan", 1), ("segmentation", 2)):
        goto(at, pillar_page_path(pillar))
        (left,) = [e for e in at.expander if e.label == t("audit.left_out", lang, count=count)]
        assert [c.value for c in left.caption] == [t("audit.left_out_intro", lang, count=count)]
    one, many = (t("audit.left_out_intro", lang, count=n) for n in (1, 2))
    assert one != many and ("αυτή η ερώτηση" in one if lang == "el" else "this question" in one)
