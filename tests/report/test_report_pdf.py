"""The PDF: content in both languages, page numbering, fonts, metadata, hostile input, logos."""
from __future__ import annotations

import io
import re

import pypdf
import pytest
from report_fixtures import HOSTILE, answered, flat, full_assessment, pdf_pages, profile

from assessment import Assessment
from i18n import format_number, t, upper
from report import LogoError, build_pdf, pdf_for
from report.fonts import REPLACEMENT, clean
from scoring import score
from scoring.plan import build_plan, edit_action

BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}


def build(model, a, lang="el", logo=None, appendix=True):
    """With the appendix (the full action list, KPIs, method) unless asked otherwise: most tests
    here check content that lives there; tests/report/test_report_layout.py checks the default."""
    s = score(model, a)
    return build_pdf(model, a, s, build_plan(model, a, s), lang, logo, appendix)


@pytest.fixture(scope="module")
def full(model):
    return full_assessment(model)


@pytest.fixture(scope="module", params=["el", "en"])
def full_pdf(request, model, full):
    pdf = build(model, full, request.param)
    return request.param, pdf, pdf_pages(pdf)


def fonts_used(pdf: bytes) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for f in (page.get("/Resources", {}).get("/Font") or {}).values():
            f = f.get_object()
            names.add(str(f["/BaseFont"]).lstrip("/"))
            if "/FontDescriptor" in f or "/DescendantFonts" in f:
                continue
            assert str(f.get("/Subtype")) != "/Type1", f"base-14 font {f['/BaseFont']} is used"
    return names


def check_numbering(pages: list[str], lang: str) -> None:
    n = len(pages)
    for i, text in enumerate(pages, start=1):
        assert flat(t("report.page", lang, page=i, pages=n)) in flat(text), f"page {i}: no numbering"


def test_content_in_both_languages(model, full, full_pdf):
    lang, pdf, pages = full_pdf
    text = flat("\n".join(pages))
    assert full.company.name in text
    for p in model.pillars:
        assert flat(p.title(lang)) in text
    for lv in model.levels:
        assert lv.name(lang) in text
    for key in ("report.summary", "report.strengths", "report.plan", "report.signoff", "report.kpis", "report.method"):
        assert t(key, lang) in text
    plan = build_plan(model, full, score(model, full))
    for act in plan.start_now:  # the start-now actions, on the summary page
        assert flat(act.text(lang)) in flat(pages[1] + pages[2])
    check_numbering(pages, lang)


def test_greek_round_trips_exactly(model, full):
    pages = pdf_pages(build(model, full, "el"))
    text = "\n".join(pages)
    # Short strings sit on one line: they must come back character for character.
    for s in ("Καφέ «Το Λιμάνι» Ο.Ε.", "Ηράκλειο Κρήτης", "Ελένη Καραγιάννη", "Σύμβουλοι Εμπειρίας Πελάτη Α.Ε.",
              "Σχέδιο βελτίωσης της", "Εστίαση (καφέ, εστιατόρια)"):
        assert s in text
    assert upper(t("report.overall_level", "el")) == "ΣΥΝΟΛΙΚΟ ΕΠΙΠΕΔΟ"  # no tonos in capitals
    assert "ΣΥΝΟΛΙΚΟ ΕΠΙΠΕΔΟ" in text and "ΣΥΝΟΛΙΚΌ" not in text
    s = score(model, full)
    assert format_number(int(s.overall_score * 10) / 10, "el", 1) + " / 100" in text  # decimal comma


def test_fonts_embedded_and_no_base14(full_pdf):
    _, pdf, _ = full_pdf
    names = fonts_used(pdf)
    assert names and all("DejaVuSans" in n for n in names), names
    assert not {n.split("+")[-1] for n in names} & BASE14
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for f in page["/Resources"]["/Font"].values():
            desc = f.get_object()["/FontDescriptor"]
            assert "/FontFile2" in desc, "TrueType font not embedded"


def test_metadata(model, full):
    for lang in ("el", "en"):
        r = pypdf.PdfReader(io.BytesIO(build(model, full, lang)))
        assert full.company.name in r.metadata.title
        assert r.metadata.author == "Ελένη Καραγιάννη, Σύμβουλοι Εμπειρίας Πελάτη Α.Ε."
        assert r.metadata.subject == t("report.subject", lang)
        assert str(r.trailer["/Root"]["/Lang"]) == {"el": "el-GR", "en": "en-GB"}[lang]


def test_pages_are_a4_and_the_plan_is_landscape(full_pdf):
    _, pdf, pages = full_pdf
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert sizes[0] == (595, 842) and sizes[-1] == (595, 842)
    assert (842, 595) in sizes


def test_plan_groups_and_edits(model):
    a = full_assessment(model, seed=3)
    s = score(model, a)
    plan = build_plan(model, a, s)
    first = plan.open_actions[0]
    edit_action(a, first.item, owner="Γιώργος Νικολάου", status="doing")
    excluded = plan.open_actions[1]
    edit_action(a, excluded.item, include=False)
    for lang in ("el", "en"):
        text = flat("\n".join(pdf_pages(build(model, a, lang))))
        assert "Γιώργος Νικολάου" in text
        assert t("report.status.doing", lang) in text
        # listed under a "for later" heading (the split finds it: the heading is in the text)
        later = text.split(flat(t("report.later_pillar", lang)))
        assert len(later) > 1 and any(excluded.item in part for part in later[1:])
        for phase in build_plan(model, a, score(model, a)).phases:
            if phase.actions:
                assert t(f"plan.phase.{phase.number}", lang) in text


def test_no_gaps_is_said_positively(model):
    a = answered(model, 4)
    for lang in ("el", "en"):
        pages = pdf_pages(build(model, a, lang))
        text = flat("\n".join(pages))
        assert flat(t("report.narr.no_gaps", lang)) in text
        assert flat(t("report.plan_no_actions", lang)) in text
        assert model.level(5).name(lang) in text
        check_numbering(pages, lang)


def test_half_answered_is_provisional(model):
    a = answered(model, 1, fraction=0.5)
    s = score(model, a)
    for lang in ("el", "en"):
        text = flat("\n".join(pdf_pages(build(model, a, lang))))
        pct = format_number(100 * s.completeness, lang) + {"el": " %", "en": "%"}[lang]  # 50 %, 50%
        assert flat(t("report.provisional", lang, count=s.answered, total=s.total, pct=pct)) in text

def test_sections_with_no_answers_are_one_line_not_a_page(model):
    """A half-answered audit spent a page on each section with no answers ('no answers yet'):
    now the summary names them in one line, and only the answered sections have pages."""
    a = answered(model, 1, fraction=0.5)
    s = score(model, a)
    waiting = [p for p in model.pillars if not s.pillars[p.id].answered]
    answered_pillars = [p for p in model.pillars if s.pillars[p.id].answered]
    assert waiting and answered_pillars
    for lang in ("el", "en"):
        pages = pdf_pages(build(model, a, lang, appendix=False))
        text = flat("\n".join(pages))
        names = ", ".join((f"«{p.short_title(lang)}»" if lang == "el" else f"‘{p.short_title(lang)}’")
                          for p in waiting)
        assert flat(t("report.not_assessed", lang, count=len(waiting), pillars=names)) in text
        assert flat(t("report.pillar_empty", lang)) not in text
        for n, p in enumerate(model.pillars, start=1):
            heading = flat(f"{n}. {p.title(lang)}")
            assert (heading in text) == (p in answered_pillars), heading
        # cover, summary, a page per answered section, the 90-day plan
        assert len(pages) == 3 + len(answered_pillars)
        # Word: the same line, no section for them
        from report.word import build_docx
        word = _docx_text(build_docx(model, a, s, build_plan(model, a, s), lang))
        assert flat(t("report.not_assessed", lang, count=len(waiting), pillars=names)) in word
        assert all(flat(f"{n}. {p.title(lang)}") not in word
                   for n, p in enumerate(model.pillars, start=1) if p in waiting)


def test_a_section_with_only_a_note_keeps_its_note(model):
    """A section with a note and no answer keeps its page for the note: the PDF showed it, the
    Word file showed only the section's heading."""
    a = answered(model, 1, fraction=0.5)
    s = score(model, a)
    pillar = next(p for p in model.pillars if not s.pillars[p.id].answered)
    a.set_note(pillar.items[0].id, "Ο ιδιοκτήτης θα ρωτήσει τους πελάτες τον Ιανουάριο")
    s = score(model, a)
    from report.word import build_docx
    for lang in ("el", "en"):
        pdf = flat("\n".join(pdf_pages(build(model, a, lang, appendix=False))))
        word = _docx_text(build_docx(model, a, s, build_plan(model, a, s), lang))
        for text in (pdf, word):
            assert flat("θα ρωτήσει τους πελάτες τον Ιανουάριο") in text


def _only_section_held_by_its_key_question(model) -> Assessment:
    """One section answered: its key question 'not at all', the rest enough for level 3 by score."""
    pillar = model.pillars[0]
    for value in (2, 3):
        a = Assessment(**profile())
        for it in pillar.items:
            a.set_value(it.id, 0 if it.critical else value)
        s = score(model, a)
        if s.overall_level == 3 and s.pillars[pillar.id].level == 2 and not s.holds_back:
            return a
    raise AssertionError("no such audit with this model")


def test_an_overall_level_above_the_only_section_is_explained(model):
    """An overall 3 stood over the only scored section's 2 with no word why (the rule: the overall
    level comes from the overall score and may be one above the weakest section)."""
    a = _only_section_held_by_its_key_question(model)
    pillar = model.pillars[0]
    for lang in ("el", "en"):
        text = flat("\n".join(pdf_pages(build(model, a, lang, appendix=False))))
        name = f"«{pillar.short_title(lang)}»" if lang == "el" else f"‘{pillar.short_title(lang)}’"
        assert flat(t("report.overall_above", lang, level=3, pillar_level=2, pillar=name)) in text
        s = score(model, a)
        from report.word import build_docx
        assert flat(t("report.overall_above", lang, level=3, pillar_level=2, pillar=name)) in \
            _docx_text(build_docx(model, a, s, build_plan(model, a, s), lang))


def _docx_text(data: bytes) -> str:
    import docx

    return flat("\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs))


def test_nothing_answered_still_makes_a_report(model):
    for lang in ("el", "en"):
        pages = pdf_pages(build(model, Assessment(), lang))
        text = flat("\n".join(pages))
        assert flat(t("report.summary_empty", lang)) in text and t("report.no_name", lang) in text
        # An audit not started is said to be so, never "no gaps found, no action needed".
        assert flat(t("report.plan_not_started", lang)) in text
        assert flat(t("report.plan_no_actions", lang)) not in text
        assert flat(t("report.narr.no_gaps", lang)) not in text
        for p in model.pillars:
            assert flat(p.title(lang)) in text
        for lv in model.levels:
            assert lv.name(lang) in text
        check_numbering(pages, lang)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_strings(model, kind):
    hostile = HOSTILE[kind]
    a = full_assessment(model, company={"name": hostile[:200], "sector": hostile[:100], "city": hostile[:100]},
                        assessor={"name": hostile[:200], "organisation": hostile[:200]})
    for iid in list(model.items)[:12]:
        a.set_note(iid, hostile)
    plan = build_plan(model, a, score(model, a))
    for act in plan.actions[:5]:
        edit_action(a, act.item, owner=hostile[:200])
    for lang in ("el", "en"):
        pdf = build(model, a, lang)
        pages = pdf_pages(pdf)
        text = flat("\n".join(pages))
        expected = flat(clean(hostile))
        if kind == "long_word":
            assert "Α" * 40 in text and "Ω" * 40 in text
        else:
            assert expected in text, (kind, expected)
        check_numbering(pages, lang)
        fonts_used(pdf)


def test_markup_is_shown_not_interpreted(model):
    a = full_assessment(model, company={"name": "<b>Bold</b> & <i>co</i>"})
    text = "\n".join(pdf_pages(build(model, a, "en")))
    assert "<b>Bold</b> & <i>co</i>" in text


def test_emoji_are_left_out_and_missing_letters_replaced():
    """A business named «Φούρνος 🥖» got a '�' on the cover and in every footer."""
    assert clean("Καφέ 😀 τέλος") == "Καφέ τέλος"
    assert clean("👍🏽👍🏽 ok") == "ok"
    assert clean("Φούρνος «Η Ζυμή» 🥖") == "Φούρνος «Η Ζυμή»"
    assert clean("茶 shop") == f"{REPLACEMENT} shop"  # a letter the font lacks: shown as missing
    assert clean("❤️ x") == "❤ x"  # in the font: kept, variation selector dropped
    assert clean("a\tb\x00c\r\nd") == "a bc\nd"
    assert clean("\ud800x") == "x"


def test_very_long_notes_and_owner_wrap_and_split(model):
    a = full_assessment(model)
    long_note = ("Πολύ μεγάλη σημείωση με πολλές λέξεις και αριθμούς 123. " * 100)[:5000]
    for iid in model.items:
        a.set_note(iid, long_note)
    a.set_note(next(iter(model.items)), "Χ" * 20_000)  # the schema's maximum, without a space
    for act in build_plan(model, a, score(model, a)).actions:
        edit_action(a, act.item, owner="Ω" * 200)
    pdf = build(model, a, "el")
    pages = pdf_pages(pdf)
    assert len(pages) > 20
    check_numbering(pages, "el")


def test_repeated_table_header_on_every_plan_page(model):
    a = answered(model, 0)
    pdf = build(model, a, "en")
    r = pypdf.PdfReader(io.BytesIO(pdf))
    plan_pages = [p.extract_text() for p in r.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(plan_pages) >= 2
    for text in plan_pages:
        if re.search(r"\n\d+\nDo the right thing", text):
            assert "KPI" in text and "Status" in text   # the header row repeats (no owner column: none set)


def _png(w=300, h=120, mode="RGB") -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new(mode, (w, h), (31, 78, 121)).save(buf, format="PNG")
    return buf.getvalue()


def test_logo(model, full, tmp_path):
    pdf = build(model, full, "el", logo=_png())
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].images) == 1
    path = tmp_path / "logo.png"
    path.write_bytes(_png(mode="RGBA"))
    assert pdf_for(model, full, "en", logo=path)


@pytest.mark.parametrize("data,problem", [
    (b"not an image at all", "not an image"),
    (b"", "empty"),
    (None, "damaged"),  # a PNG cut in half
    (b"\x89PNG" + b"\x00" * (11 * 1024 * 1024), "limit"),
])
def test_bad_logos(model, full, data, problem):
    if data is None:
        data = _png(800, 800)[:200]
    with pytest.raises(LogoError, match=problem):
        build(model, full, "el", logo=data)


def test_huge_logo_in_pixels(model, full):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buf, format="PNG")  # small file, 81 megapixels
    with pytest.raises(LogoError, match="pixels"):
        build(model, full, "el", logo=buf.getvalue())


def test_level_colours_and_bounds_are_the_models(model):
    """The report draws with the colours and level bounds of model.yaml, as the app's charts do."""
    from report.styles import LEVEL_BOUNDS, LEVEL_COLORS

    assert {k: "#" + c.hexval()[2:] for k, c in LEVEL_COLORS.items()} == model.level_colors
    assert LEVEL_BOUNDS == (20, 40, 60, 80, 100) == (*(lv.min_score for lv in model.levels[1:]), 100)


def test_text_on_coloured_cells_reads_at_aa_contrast():
    """Level badges (whatever colours model.yaml gives the levels), the badge of a section without
    a score and the shares on the NPS bar: white or dark text, whichever reads, at 4.5:1 or more."""
    from report.branding import contrast
    from report.metric_charts import MIX_COLOURS, mix_text
    from report.styles import LEVEL_COLORS, LEVEL_TEXT, NO_LEVEL, NO_LEVEL_TEXT

    def hexof(c):
        return "#" + c.hexval()[2:]

    pairs = [(hexof(LEVEL_COLORS[k]), hexof(LEVEL_TEXT[k])) for k in LEVEL_COLORS]
    pairs += [(hexof(NO_LEVEL), hexof(NO_LEVEL_TEXT))] + [(c, mix_text(g)) for g, c in MIX_COLOURS.items()]
    for background, text in pairs:
        assert contrast(background, text) >= 4.5, (background, text)


def test_unknown_language_is_refused(model, full):
    with pytest.raises(ValueError):
        build(model, full, "fr")


def test_shipped_content(shipped_model):
    """The real checklist content (or whatever $CXAUDIT_CONTENT_DIR points at) builds in both languages."""
    a = full_assessment(shipped_model)
    for lang in ("el", "en"):
        pages = pdf_pages(build(shipped_model, a, lang))
        text = flat("\n".join(pages))
        for p in shipped_model.pillars:
            assert flat(p.title(lang)) in text
        for lv in shipped_model.levels:
            assert lv.name(lang) in text
        check_numbering(pages, lang)


def test_profile_helper_is_valid():
    assert Assessment(**profile()).company.city == "Ηράκλειο Κρήτης"


def test_an_action_that_does_not_fit_keeps_its_number_after_the_90_days(model):
    """The 90-day tables are numbered 1, 2, 3… without a gap; what does not fit comes after them
    under its own number (it was numbered in value order, so the tables skipped it)."""
    from scoring.plan import set_capacity

    a = full_assessment(model, seed=3)
    set_capacity(a, 1)
    plan = build_plan(model, a, score(model, a))
    assert plan.overflow and any(p.actions for p in plan.phases)
    fitting = [x.rank for p in plan.phases for x in p.actions]
    assert fitting == list(range(1, len(fitting) + 1))
    text = flat("\n".join(pdf_pages(build(model, a, "el", appendix=False))))
    for x in plan.overflow:
        assert f"{x.rank}. {x.item}" in text


@pytest.mark.parametrize("appendix", [False, True])
def test_long_owner_names_break_between_words_not_inside_them(model, appendix):
    """«Παπαδ|οπούλου-Χατζηγε|ωργίου» in the 90-day table before: a name breaks at its spaces and
    hyphens, and a word too long for the cell is set smaller, whole."""
    a = full_assessment(model, seed=3)
    plan = build_plan(model, a, score(model, a))
    edit_action(a, plan.included[0].item, owner="Αικατερίνη Παπαδοπούλου-Χατζηγεωργίου")
    edit_action(a, plan.included[1].item, owner="Κωνσταντίνος Χατζηκωνσταντινόπουλος")
    pages = pdf_pages(build(model, a, "el", appendix=appendix))
    words = {w for page in pages for w in page.split()}
    for whole in ("Αικατερίνη", "Κωνσταντίνος", "Χατζηκωνσταντινόπουλος"):
        assert whole in words, whole
    assert "Παπαδοπούλου-Χατζηγεωργίου" in words or {"Παπαδοπούλου-", "Χατζηγεωργίου"} <= words


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_cover_of_a_partial_audit_says_it_is_partial(model, lang):
    """The cover of a half-answered audit read like a finished one (the client sees the cover
    first): it says how many of how many questions were answered, in the PDF and on Word's first
    page; a complete audit's cover does not."""
    from docx import Document

    from report import report_for

    a = answered(model, 1, fraction=0.5)
    s = score(model, a)
    line = flat(t("report.cover_partial", lang, count=s.answered, total=s.total))
    assert str(s.answered) in line and str(s.total) in line
    assert line in flat(pdf_pages(build(model, a, lang, appendix=False))[0])
    doc = Document(io.BytesIO(report_for(model, a, "docx", lang)))
    first = []
    for p in doc.paragraphs:
        if 'w:br w:type="page"' in p._p.xml:
            break
        first.append(p.text)
    assert line in flat(" ".join(first))
    whole = full_assessment(model)
    assert score(model, whole).completeness == 1
    assert flat(t("report.cover_partial", lang, count=1, total=2)).split(":")[0] not in flat(
        pdf_pages(build(model, whole, lang, appendix=False))[0])


def test_start_now_keeps_the_plan_numbers(model):
    """The summary's "start now" list numbered its actions 1, 2, 3… of its own: with action 1
    done, action 2 read «1.» there and «2» in the plan. Now each carries its plan number (PDF, Word)."""
    from report import report_for

    a = full_assessment(model, seed=3)
    plan = build_plan(model, a, score(model, a))
    edit_action(a, plan.included[0].item, status="done")
    now = build_plan(model, a, score(model, a)).start_now
    assert now and now[0].rank == 2
    text = flat("\n".join(pdf_pages(build(model, a, "el", appendix=False))))
    word = _docx_text(report_for(model, a, "docx", "el"))
    for x in now:
        start = " ".join(x.text("el").split()[:4])
        assert f"{x.rank}. {start}" in text, x.rank
        assert f"{x.rank}. {start}" in flat(word), x.rank
