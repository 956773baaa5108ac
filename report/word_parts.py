"""The Word report's building blocks (python-docx): the document font, tables whose columns fit
their words, style ids looked up once, the branded running header and the cover's logos."""
from __future__ import annotations

import io
import math
import re

from report import logos
from report.branding import Branding, heading_colour
from report.common import office_text

FONT = "DejaVu Sans"


def set_font(style, size: float | None = None, bold: bool | None = None, color: str | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color:
        style.font.color.rgb = RGBColor.from_string(color)


TABLE_PT = 8.5
BODY_CM = 17.0       # A4 less two 2 cm margins
LANDSCAPE_BODY_CM = 25.7
CELL_PAD_CM = 0.5    # Word's and LibreOffice's default cell margins (0.19 cm a side) and a little room


MIN_PT = 5.5        # a value word too wide for its column is set down to this size (word_table)
VALUE_WORD_CM = 3.6  # a value's word wider than this gets no more room: it is set smaller instead


def words(text: str) -> list[str]:
    """The parts of a cell's text that cannot be broken: words, split after a hyphen too
    («Παπαδοπούλου-» «Χατζηγεωργίου»: LibreOffice and Word break a line there)."""
    return [w for w in re.split(r"\s+|(?<=-)", str(text)) if w]


def word_cm(word: str, size: float = TABLE_PT) -> float:
    """Width (cm) of one word in the table's bold at `size`, with the cell's margins."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from report import fonts

    fonts.register()
    return stringWidth(word, fonts.BOLD, size) / 72 * 2.54 + CELL_PAD_CM


def fit_widths(head: list[str], rows: list[list[str]], flex: dict[int, float], total: float = BODY_CM) -> list[float]:
    """Column widths (cm) for a Word table: each short column as wide as its widest word needs at
    TABLE_PT in bold, the `flex` columns sharing the rest by their weights. A header word is never
    split; a value's word gets at most VALUE_WORD_CM (a long owner name took the room of the
    other columns, and LibreOffice split their headers: «Προθεσμί|α»), and word_table sets such
    a word smaller so that it fits."""
    def widest(words: list[str]) -> float:
        return max((word_cm(w) for w in words), default=0.0)

    hard = [widest(words(text)) for text in head]   # the header's words
    need = [max(hard[i], min(widest([w for r in rows for w in words(r[i])]), VALUE_WORD_CM))
            for i in range(len(head))]
    rest = total - sum(w for i, w in enumerate(need) if i not in flex)
    weight = sum(flex.values())
    widths = [max(need[i], rest * flex[i] / weight) if i in flex else need[i] for i in range(len(head))]
    over = sum(widths) - total   # a flex column kept at its word's width: the others give the room back
    if over > 0:
        roomy = {i: widths[i] - need[i] for i in flex if widths[i] > need[i]}
        spare = sum(roomy.values()) or 1
        for i, r in roomy.items():
            widths[i] -= min(over, spare) * r / spare
    over = sum(widths) - total
    if over > 0:   # still too wide: the room above the headers' words is given back, alike
        spare = sum(w - h for w, h in zip(widths, hard, strict=True)) or 1
        widths = [w - min(over, spare) * (w - h) / spare for w, h in zip(widths, hard, strict=True)]
    if sum(widths) > total:   # headers too long for the page even so: every column shrinks alike
        widths = [w * total / sum(widths) for w in widths]
    return widths


def word_table(doc, head: list[str], rows: list[list[str]], widths_cm: list[float], shade_hex: str = "E8EEF5"):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    size = Pt(TABLE_PT)

    table = doc.add_table(rows=1, cols=len(head))
    table._tbl.tblStyle_val = style_id(doc, "Table Grid")
    table.autofit = False
    head_cells = table.rows[0].cells
    for i, text in enumerate(head):
        cell = head_cells[i]
        cell.text = office_text(text)
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        run.font.size = size
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:fill"), shade_hex)
        cell._tc.get_or_add_tcPr().append(shade)
    # The header row repeats on every page the table spans.
    trpr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    for values in rows:
        row = table.add_row()
        # A row is kept on one page: an action whose last lines open the next page reads as cut.
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        for i, text in enumerate(values):
            text = office_text(text)
            if max((word_cm(w) for w in words(text)), default=0.0) <= widths_cm[i]:
                cells[i].text = text
                for run in cells[i].paragraphs[0].runs:
                    run.font.size = size
                continue
            # A word wider than its column (a long surname) is set smaller until it fits, down to
            # MIN_PT, and only that word; LibreOffice would cut it anywhere. Longer still (a pasted
            # string), it wraps.
            para = cells[i].paragraphs[0]
            for part in re.split(r"(\s+|(?<=-))", text):
                if not part:
                    continue
                wide = word_cm(part) if part.strip() else 0.0
                pt = TABLE_PT if wide <= widths_cm[i] else max(MIN_PT, math.floor(  # Word keeps half points
                    2 * TABLE_PT * (widths_cm[i] - CELL_PAD_CM) / (wide - CELL_PAD_CM)) / 2)
                para.add_run(part).font.size = Pt(pt) if pt != TABLE_PT else size
    # Word reads the cell widths, LibreOffice the grid's: set both, on a fixed layout.
    for i, w in enumerate(widths_cm):
        table.columns[i].width = Cm(w)
    widths = [Cm(w) for w in widths_cm]
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    return table


def style_id(doc, name: str) -> str:
    """A style's id, looked up once per document (python-docx scans every style for a name)."""
    ids = doc.__dict__.setdefault("_cx_style_ids", {})
    if name not in ids:
        ids[name] = doc.styles[name].style_id
    return ids[name]



def running_header(doc, section, branding: Branding, title: str) -> None:
    """Every page but the cover: the consultant's logo, the firm's name and the report's title, over
    a rule in the accent colour (Word's own header, so an edited document keeps it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    if branding.logo:
        from report.logos import header_logo

        png, _ = header_logo(branding.logo)
        para.add_run().add_picture(io.BytesIO(png), height=Cm(0.7))
        para.add_run("   ")
    if branding.firm:
        run = para.add_run(office_text(branding.firm) + " · ")
        run.bold = True
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor.from_string(heading_colour(branding.accent).lstrip("#").upper())
    run = para.add_run(office_text(title))
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor.from_string("5D6D7E")
    ppr = para._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "4"), ("w:color", branding.accent.lstrip("#"))):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def cover_logos(doc, branding: Branding) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    if not (branding.logo or branding.client_logo or branding.firm):
        return
    row = doc.add_table(rows=1, cols=2)
    row.autofit = False
    left, right = row.rows[0].cells
    left.width, right.width = Cm(10), Cm(7)
    if branding.logo:
        png, (w, h) = logos.checked(branding.logo)
        size = {"width": Cm(5)} if w / h > 5 / 2.4 else {"height": Cm(2.4)}
        left.paragraphs[0].add_run().add_picture(io.BytesIO(png), **size)
    elif branding.firm:
        run = left.paragraphs[0].add_run(office_text(branding.firm))
        run.bold = True
        run.font.size = Pt(15)
        run.font.color.rgb = RGBColor.from_string(heading_colour(branding.accent).lstrip("#").upper())
    if branding.client_logo:
        png, (w, h) = logos.checked(branding.client_logo)
        size = {"width": Cm(4.5)} if w / h > 4.5 / 2.4 else {"height": Cm(2.4)}
        right.paragraphs[0].add_run().add_picture(io.BytesIO(png), **size)
        right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def as_key_value(table) -> None:
    """A label/value table (the cover facts, the sign-off) has no header row: every row looks alike,
    labels bold in the first column (word_table styles its first row as a shaded, repeating header)."""
    from docx.oxml.ns import qn

    first = table.rows[0]
    for el in first._tr.findall(qn("w:trPr") + "/" + qn("w:tblHeader")):
        el.getparent().remove(el)
    for cell in first.cells:
        for el in cell._tc.findall(qn("w:tcPr") + "/" + qn("w:shd")):
            el.getparent().remove(el)
    for row in table.rows:
        for n, cell in enumerate(row.cells):
            for run in cell.paragraphs[0].runs:
                run.bold = n == 0
