"""Questions left out for the business count as not applicable, bringing one back makes it count,
and changing the profile never loses an answer."""
from assessment.document import new_assessment
from checklists.applicability import Profile, left_out
from scoring.maturity import score


def _answer_all(model, value):
    a = new_assessment(model)
    for i in model.items:
        a.set_value(i, value)
    return a


def test_left_out_questions_count_as_not_applicable_and_are_not_counted(shipped_model):
    a = _answer_all(shipped_model, 4)
    a.set_value("SEG-02", 0)  # a key-account question, answered badly
    everyone = score(shipped_model, a)
    assert everyone.pillars["segmentation"].score < 100 and everyone.total == len(shipped_model.items)

    a.company.sector, a.company.size = "food_service", "micro"
    out = left_out(shipped_model, Profile.of("food_service", "micro"))
    assert "SEG-02" in out
    walk_in = score(shipped_model, a)
    assert walk_in.pillars["segmentation"].score == 100  # SEG-02 is not asked of a walk-in shop
    assert walk_in.total == len(shipped_model.items) - len(out) and walk_in.completeness == 1
    assert all(g.item not in out for g in walk_in.gaps)
    assert a.value("SEG-02") == 0  # the answer is still there


def test_a_question_brought_back_counts_again(shipped_model):
    a = _answer_all(shipped_model, 4)
    a.company.sector, a.company.size = "retail", "micro"
    a.set_value("SEG-02", 0)
    a.brought_back.append("SEG-02")
    s = score(shipped_model, a)
    assert s.pillars["segmentation"].score < 100 and any(g.item == "SEG-02" for g in s.gaps)


def test_changing_the_profile_back_and_forth_keeps_every_answer(shipped_model):
    a = _answer_all(shipped_model, 3)
    before = {k: v.value for k, v in a.answers.items()}
    for sector, size in (
        ("hospitality", "micro"),
        ("ecommerce", "large"),
        ("", ""),
        ("professional_services", "small"),
    ):
        a.company.sector, a.company.size = sector, size
        score(shipped_model, a)
    assert {k: v.value for k, v in a.answers.items()} == before
