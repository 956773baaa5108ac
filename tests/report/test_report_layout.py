"""The default report of a full, realistic audit: 6-8 pages, one page per part, tables that fit,
also with survey results (their charts on the Measurement page); the appendix when asked for.
On the shipped content (whatever it holds), both languages."""
from __future__ import annotations

import re
from datetime import date

import pytest
from report_fixtures import flat, pdf_pages, realistic_audit, survey_results

from checklists import default_model
from i18n import format_date, t
from report import build_pdf
from report.common import next_review
from scoring import score
from scoring.maturity import score_range
from scoring.plan import build_plan, edit_action


@pytest.fixture(scope="module")
def shipped():
    return default_model()


def consultant_audit(shipped, surveys: bool = False):
    a = realistic_audit(shipped)
    s = score(shipped, a)
    plan = build_plan(shipped, a, s)
    # A consultant's edits: an owner, a due date and a status on the first actions; one gap added.
    first, second = plan.included[0], plan.included[1]
    edit_action(a, first.item, owner="Μαρία Παπαδάκη", due=date(2027, 3, 31), status="doing")
    edit_action(a, second.item, owner="Γιώργος", status="done")
    edit_action(a, plan.later[0].item, include=True)
    if surveys:   # an NPS export of 420 answers over six months, by booking channel
        for result in survey_results():
            a.save_survey(result)
    return a


@pytest.fixture(scope="module")
def audit(shipped):
    return consultant_audit(shipped)


@pytest.fixture(scope="module")
def surveyed(shipped):
    return consultant_audit(shipped, surveys=True)


def build(model, a, lang, appendix=False):
    s = score(model, a)
    return build_pdf(model, a, s, build_plan(model, a, s), lang, None, appendix)


@pytest.mark.parametrize("with_surveys", [False, True], ids=["no-surveys", "surveys"])
@pytest.mark.parametrize("lang", ["el", "en"])
def test_default_report_is_six_to_eight_pages_one_per_part(shipped, audit, surveyed, lang, with_surveys):
    audit = surveyed if with_surveys else audit
    s = score(shipped, audit)
    plan = build_plan(shipped, audit, s)
    assert len(s.gaps) >= 30   # a full audit with many gaps (about 40 with content v1, 60 with v2)
    pages = [flat(p) for p in pdf_pages(build(shipped, audit, lang))]
    assert 6 <= len(pages) <= 8, len(pages)
    assert flat(t("report.summary", lang)) in pages[1]
    for act in plan.start_now:  # the start-now actions are on the summary page itself
        assert flat(act.text(lang)) in pages[1]
    for n, p in enumerate(shipped.pillars, start=1):  # each section starts a page of its own
        assert flat(f"{n}. {p.title(lang)}") in pages[1 + n]
    last = pages[-1]
    assert flat(t("report.plan", lang)) in last and flat(t("report.signoff", lang)) in last
    when = date.fromisoformat(audit.updated_at[:10])
    assert format_date(next_review(when), lang) in last
    assert "Μαρία Παπαδάκη" in last and "31/03/2027" in last
    for phase in plan.phases:
        for act in phase.actions:
            assert flat(act.text(lang)) in last
    assert flat(t("report.method", lang)) not in "".join(pages)  # the method is appendix matter
    metrics = [n for n, page in enumerate(pages) if flat(t("report.metrics_intro", lang)) in page]
    if with_surveys:   # the customer metrics close the Measurement section, on its page
        measurement = [p.id for p in shipped.pillars].index("measurement")
        assert metrics == [2 + measurement], metrics
        assert flat(t("report.metrics_trend", lang)) in pages[metrics[0]]
        # the segments' chart, named by the survey file's own column
        assert flat(t("report.metrics_segments_by", lang, column="Κανάλι")) in pages[metrics[0]]
    else:
        assert not metrics


@pytest.mark.parametrize("lang", ["el", "en"])
def test_appendix_lists_every_action_with_unwrapped_numbers(shipped, audit, lang):
    default = pdf_pages(build(shipped, audit, lang))
    pages = pdf_pages(build(shipped, audit, lang, appendix=True))
    assert len(pages) > len(default)
    appendix = "\n".join(pages[len(default):])
    plan = build_plan(shipped, audit, score(shipped, audit))
    tokens = set(re.split(r"\s+", appendix))
    for act in plan.actions:  # ids and ranks whole: a wrapped "PLAN-01" or "12" would be split in two
        assert act.item in tokens, act.item
        if act.rank:
            assert str(act.rank) in tokens, act.rank
    assert "31/03/2027" in tokens
    assert flat(t("report.method", lang)) in flat(appendix) and flat(t("report.kpis", lang)) in flat(appendix)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_appendix_tables_are_dense_and_cut_nothing(shipped, audit, lang):
    """Eight or more actions to a landscape page; every action and KPI whole in the text (a word
    split or a cell cut would break it); the method's score ranges each on one line."""
    import io
    import math

    import pypdf

    plan = build_plan(shipped, audit, score(shipped, audit))
    reader = pypdf.PdfReader(io.BytesIO(build(shipped, audit, lang, appendix=True)))
    texts = [page.extract_text() for page in reader.pages]
    wide = [n for n, page in enumerate(reader.pages) if float(page.mediabox.width) > float(page.mediabox.height)]
    assert len(wide) <= math.ceil(len(plan.actions) / 8) + 1, (len(wide), len(plan.actions))  # +1: the KPIs
    appendix = flat("\n".join(texts[wide[0]:]))
    for act in plan.actions:
        assert flat(act.text(lang)) in appendix, act.item
        assert flat(act.kpi(lang)) in appendix, act.item
    lines = {line.strip() for text in texts[wide[-1] + 1:] for line in text.split("\n")}
    for lv in shipped.levels:
        lo, hi = score_range(shipped, lv.level)
        shown = t("report.range", lang, lo=lo, hi=hi) if hi else t("report.range_top", lang, lo=lo)
        assert shown in lines, shown


def test_appendix_leaves_out_empty_owner_and_due_columns(shipped):
    fresh = realistic_audit(shipped)   # a first report: nobody named, no dates yet
    pages = pdf_pages(build(shipped, fresh, "en", appendix=True))
    table = next(p for p in pages if flat(t("report.appendix_actions", "en")) in flat(p))
    lines = [line.strip() for line in table.split("\n")]
    start = lines.index(t("report.col.action", "en"))
    header = lines[start:lines.index(t("report.col.status", "en"), start) + 1]   # one header cell a line
    assert t("report.col.kpi", "en") in header and t("report.col.pillar_item", "en") in header
    for key in ("owner", "due", "owner_due"):
        assert t(f"report.col.{key}", "en") not in header
