"""Branding on every report: the firm's name and logo in the header of every page but the cover,
the firm's logo (or name) and the business's logo on the cover, the accent colour on headings
and table headers; readable whatever colour is chosen. PDF and Word; LibreOffice opens both."""
from __future__ import annotations

import io

import pypdf
import pytest
from PIL import Image
from report_fixtures import realistic_audit
from test_report_word import soffice_pdf

from checklists import default_model
from report import LogoError, report_for
from report.branding import DEFAULT_ACCENT, Branding, contrast, heading_colour, text_on

FIRM = "Σύμβουλοι Εμπειρίας Κρήτης"


def png(colour, size=(300, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def shipped():
    return default_model()


@pytest.fixture(scope="module")
def audit(shipped):
    return realistic_audit(shipped)


BRAND = Branding(firm=FIRM, accent="#8e44ad", logo=png("#8e44ad"), client_logo=png("#16a085", (200, 200)))


def _images(page) -> int:
    return len(page.images)


@pytest.mark.parametrize("lang", ["el", "en"])
def test_pdf_firm_on_every_header_logos_on_cover(shipped, audit, lang):
    plain = pypdf.PdfReader(io.BytesIO(report_for(shipped, audit, "pdf", lang)))
    reader = pypdf.PdfReader(io.BytesIO(report_for(shipped, audit, "pdf", lang, branding=BRAND, appendix=True)))
    pages = [p.extract_text() for p in reader.pages]
    assert FIRM not in pages[0].split("\n")[0]
    for n, text in enumerate(pages[1:], start=2):
        assert FIRM in text, f"page {n} has no firm name in its header"
    assert _images(reader.pages[0]) == 2 and _images(plain.pages[0]) == 0   # the two logos on the cover
    assert all(_images(p) >= 1 for p in reader.pages[1:])                     # the header's logo
    assert not any(FIRM in (p.extract_text() or "") for p in plain.pages)
    # The accent (#8e44ad) fills the table headers: its RGB operator is in the content streams.
    content = b"".join(p.get_contents().get_data() for p in reader.pages[1:3])
    assert b".556863 .266667 .678431 rg" in content


def test_pdf_without_logo_shows_the_firm_name_on_the_cover(shipped, audit):
    reader = pypdf.PdfReader(io.BytesIO(report_for(shipped, audit, "pdf", "el", branding=Branding(firm=FIRM))))
    assert FIRM in reader.pages[0].extract_text()
    assert _images(reader.pages[0]) == 0


def test_a_bad_stored_logo_is_refused_not_drawn(shipped, audit):
    with pytest.raises(LogoError):
        report_for(shipped, audit, "pdf", "el", branding=Branding(logo=b"GIF89a not a png"))
    with pytest.raises(LogoError):
        report_for(shipped, audit, "docx", "el", branding=Branding(client_logo=b"\x89PNG\r\n\x1a\n broken"))


@pytest.mark.parametrize("accent", ["#ffff00", "#f1c40f", "#ffffff", "#000000", DEFAULT_ACCENT])
def test_any_accent_stays_readable(accent):
    assert contrast(heading_colour(accent), "#ffffff") >= 4.5          # headings on white
    assert contrast(accent, text_on(accent)) >= 3                      # header text on the band


def test_word_header_and_cover_logos_and_libreoffice_opens_it(shipped, audit, tmp_path):
    from docx import Document

    data = report_for(shipped, audit, "docx", "el", branding=BRAND)
    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    assert section.different_first_page_header_footer                  # the cover has no running header
    header = section.header.paragraphs[0]
    assert FIRM in header.text
    assert header._p.xpath(".//pic:pic")                                # the header's logo
    cover = doc.tables[0]
    assert cover.rows[0].cells[0]._tc.xpath(".//pic:pic") and cover.rows[0].cells[1]._tc.xpath(".//pic:pic")
    heading = doc.styles["Heading 1"].font.color.rgb
    assert str(heading) == heading_colour("#8e44ad").lstrip("#").upper()
    pdf = soffice_pdf(data, ".docx", tmp_path)
    pages = [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert FIRM in pages[1] and "Ξενοδοχείο" in pages[0]
