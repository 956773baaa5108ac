"""What every part of the report reads: the model, the assessment, its scores and plan, the
language, the branding; and the text helpers that make user strings safe for reportlab markup
(font-safe characters, XML-escaped, newlines as <br/>)."""
from __future__ import annotations

from assessment.document import Assessment
from checklists.model import AuditModel
from i18n import catalog, format_number, format_percent, format_score, t
from report import fonts
from report.branding import NONE, Branding, heading_colour, text_on, tint
from report.layout import Paragraph
from report.styles import styles, table_style
from scoring.maturity import Scores
from scoring.plan import Plan


def score_text(x: float | None, lang: str) -> str:
    """One decimal, truncated (never rounded up across a level threshold: 59.96 shows as 59,9)."""
    return format_score(x, lang)


class Ctx:
    def __init__(self, model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str,
                 branding: Branding = NONE):
        from reportlab.lib import colors

        self.model, self.a, self.scores, self.plan, self.lang = model, assessment, scores, plan, lang
        self.branding = branding
        self.s = styles(branding.accent)
        self.accent = colors.HexColor(branding.accent)                      # bands, table headers, rules
        self.accent_ink = colors.HexColor(heading_colour(branding.accent))  # text in the accent, on white
        self.on_accent = colors.HexColor(text_on(branding.accent))          # text on an accent band
        self.accent_light = colors.HexColor(tint(branding.accent, 0.88))    # callout backgrounds
        from checklists.applicability import Profile, for_assessment, not_asked
        profile = Profile.of(assessment.company.sector, assessment.company.size)
        # The questions and actions in the business's own words (sector wording).
        self.model = model = for_assessment(model, assessment)
        self.items = model.items
        # Questions not asked of this business (size, sector): never shown as strengths or notes.
        self.skipped = not_asked(model, profile, assessment.brought_back)

    def metrics_pillar(self) -> str:
        """The section whose page shows the customer metrics: Measurement (the last, if a model has none)."""
        ids = [p.id for p in self.model.pillars]
        return "measurement" if "measurement" in ids else ids[-1]

    def table_style(self, header_rows: int = 1, zebra: bool = True):
        return table_style(header_rows, zebra, accent=self.branding.accent)

    # text helpers
    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    esc = staticmethod(fonts.escape)

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of text that is already markup-safe (catalog strings with escaped params)."""
        return Paragraph(text, self.s[style])

    def tx(self, key: str, style: str = "body", **params) -> Paragraph:
        # ints stay ints (nothing to escape): a `count` picks the singular or plural form.
        return Paragraph(self.t(key, **{k: v if isinstance(v, int) else self.esc(str(v)) for k, v in params.items()}),
                         self.s[style])

    def q(self, text: str) -> str:
        """Quote a title the way each language does."""
        return f"«{text}»" if self.lang == "el" else f"‘{text}’"

    def num(self, x, decimals: int = 0) -> str:
        return format_number(x, self.lang, decimals)

    def pct(self, x: float) -> str:
        return format_percent(100 * x, self.lang)

    def score(self, x: float | None) -> str:
        return score_text(x, self.lang)

    def level_name(self, level: int | None) -> str:
        return self.model.level(level).name(self.lang) if level else self.t("report.level_none")

    def level_label(self, level: int | None) -> str:
        return f"{level} · {self.level_name(level)}" if level else self.t("report.level_none")

    def pillar_title(self, pid: str, short: bool = False) -> str:
        p = self.model.pillar(pid)
        return (p.short_title if short else p.title)(self.lang)

    def answer_label(self, value, item_id: str | None = None) -> str:
        """The answer's label in the item's own answer set (frequency or existence)."""
        return self.model.option(value, item_id).label(self.lang)

    @property
    def company_name(self) -> str:
        return (self.a.company.name or "").strip()[:200]

    def sector_label(self) -> str:
        key = (self.a.company.sector or "").strip()
        if not key:
            return ""
        return self.t(f"sector.{key}") if f"sector.{key}" in catalog() else key[:100]
