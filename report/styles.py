"""Colours, paragraph styles and table styles of the report (A4, DejaVu Sans)."""
from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle

from checklists import default_model
from report.branding import DEFAULT_ACCENT, heading_colour, text_on
from report.fonts import BOLD, ITALIC, REGULAR

# The level colours and bounds are facts of the model (checklists/content/model.yaml levels), the
# same in the app's charts; page callbacks draw with them too, so they are read here once.
_LEVELS = default_model().levels
LEVEL_COLORS = {lv.level: colors.HexColor(lv.color) for lv in _LEVELS}
# The lowest score of each level above the first, then 100: each ring or tick is a level boundary.
LEVEL_BOUNDS = (*(lv.min_score for lv in _LEVELS[1:]), 100)
NO_LEVEL = colors.HexColor("#aab7b8")
NO_LEVEL_TEXT = colors.HexColor(text_on("#aab7b8"))   # on a badge of a section without a score
# Text on a level-coloured badge: white or dark, whichever reads better on the model's colour
# (dark on yellow, orange and a light green; white on red and a dark green).
LEVEL_TEXT = {lv.level: colors.HexColor(text_on(lv.color)) for lv in _LEVELS}

INK = colors.HexColor("#1f2d3d")
ACCENT = colors.HexColor("#1f4e79")
ACCENT_LIGHT = colors.HexColor("#e8eef5")
MUTED = colors.HexColor("#5d6d7e")
RULE = colors.HexColor("#d5d8dc")
ZEBRA = colors.HexColor("#f4f6f7")
NOTE_BG = colors.HexColor("#fbf8ef")
WARN_BG = colors.HexColor("#fdf2e3")
WARN_LINE = colors.HexColor("#e67e22")
GOOD_BG = colors.HexColor("#e9f6ee")
GOOD_LINE = colors.HexColor("#27ae60")
TARGET = colors.HexColor("#1f4e79")

MARGIN = 2 * cm
LANDSCAPE_MARGIN = 1.6 * cm


@functools.lru_cache(maxsize=8)
def styles(accent: str = DEFAULT_ACCENT) -> dict[str, ParagraphStyle]:
    """The paragraph styles, headings in the branding's accent (darkened until it reads on white)
    and table headers' text white or dark, whichever reads on the accent."""
    heading = colors.HexColor(heading_colour(accent))
    on_accent = colors.HexColor(text_on(accent))
    base = ParagraphStyle("body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.5, leading=13.5, textColor=INK,
                          spaceAfter=5, splitLongWords=1, allowWidows=0, allowOrphans=0)
    s = {"body": base}

    def add(name, parent="body", **kw):
        s[name] = ParagraphStyle(name, parent=s[parent], **kw)

    add("small", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=2)
    add("muted", textColor=MUTED)
    add("h1", fontName=BOLD, fontSize=18, leading=23, textColor=heading, spaceBefore=0, spaceAfter=10,
        keepWithNext=1)
    add("h2", fontName=BOLD, fontSize=13, leading=17, textColor=heading, spaceBefore=12, spaceAfter=6,
        keepWithNext=1)
    add("h3", fontName=BOLD, fontSize=10.5, leading=14, textColor=INK, spaceBefore=6, spaceAfter=3,
        keepWithNext=1)
    add("kicker", fontName=BOLD, fontSize=8, leading=10, textColor=MUTED, spaceAfter=2, keepWithNext=1)
    add("lead", fontSize=11, leading=16, spaceAfter=8)
    add("item", fontName=BOLD, fontSize=9, leading=12, spaceBefore=4, spaceAfter=1, keepWithNext=1)
    add("itemmeta", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=2, keepWithNext=1)
    add("note", fontName=ITALIC, fontSize=8.5, leading=11.5, leftIndent=10, textColor=INK, spaceAfter=4,
        borderPadding=(3, 4, 3, 6), backColor=NOTE_BG)
    add("compactnote", parent="note", fontSize=7.8, leading=10, leftIndent=12, spaceAfter=3, borderPadding=(2, 4, 2, 6))
    add("action", fontSize=8.5, leading=11.5, leftIndent=10, spaceAfter=3)
    add("bullet", leftIndent=14, bulletIndent=4, spaceAfter=3)
    add("numbered", fontSize=9, leading=12, leftIndent=16, bulletIndent=2, spaceAfter=3)
    add("cell", fontSize=8, leading=10, spaceAfter=0)
    # One finding on a section page: the question at 8 pt with its id and answer after it.
    add("compact", fontSize=8, leading=10, leftIndent=12, bulletIndent=2, spaceAfter=2.5)
    # The appendix's action table: a point smaller, for eight or more actions a landscape page.
    add("tcell", parent="cell", fontSize=7.5, leading=9.2)
    add("cellb", parent="cell", fontName=BOLD)
    add("cellr", parent="cell", alignment=TA_RIGHT)
    add("cellc", parent="cell", alignment=TA_CENTER)
    add("cellsmall", parent="cell", fontSize=7, leading=8.8, textColor=MUTED)
    add("head", parent="cell", fontName=BOLD, textColor=on_accent, fontSize=7.8, leading=9.5)
    add("headr", parent="head", alignment=TA_RIGHT)
    add("headc", parent="head", alignment=TA_CENTER)
    # A survey result's headline on the Measurement page: its title in bold, then its evidence line.
    add("metricline", fontSize=9, leading=12, spaceBefore=4, spaceAfter=4, keepWithNext=1)
    add("callout", fontSize=9.5, leading=13.5, spaceAfter=0)
    add("calloutbullet", parent="callout", leftIndent=12, bulletIndent=2)
    # Cover
    add("cover_kicker", fontName=BOLD, fontSize=10, leading=13, textColor=MUTED, spaceAfter=6)
    add("cover_firm", fontName=BOLD, fontSize=15, leading=19, textColor=heading, spaceAfter=0)
    add("cover_title", fontName=BOLD, fontSize=26, leading=32, textColor=heading, spaceAfter=8)
    add("cover_sub", fontSize=13, leading=18, textColor=MUTED, spaceAfter=28)
    add("cover_name", fontName=BOLD, fontSize=20, leading=25, textColor=INK, spaceAfter=6)
    add("cover_label", fontSize=8, leading=10, textColor=MUTED, spaceAfter=0)
    add("cover_value", fontSize=11, leading=14.5, spaceAfter=0)
    add("big", fontName=BOLD, fontSize=22, leading=26, alignment=TA_LEFT, spaceAfter=0)
    add("bigger", parent="big", fontSize=16, leading=20)
    return s


def table_style(header_rows: int = 1, zebra: bool = True, n_rows: int = 0, accent: str = DEFAULT_ACCENT) -> TableStyle:
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    if header_rows:
        cmds += [("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(accent)),
                 ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    return TableStyle(cmds)
