"""The PDF report, laid out with reportlab platypus on A4: cover, summary, one page per section,
customer metrics (when surveys exist), the 90-day plan with sign-off, and on request the appendix.
Each part is a module of its own (report/summary.py, findings.py, metrics.py, plan_pages.py,
appendix.py); this one assembles them into pages.

Every user string goes through `Ctx.esc` (report/context.py) before it meets reportlab's
paragraph markup; canvas text goes through fonts.clean.
"""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.flowables import Image

from assessment.document import Assessment
from checklists.model import AuditModel
from report import fonts, logos
from report.appendix import appendix as appendix_pages
from report.branding import NONE, Branding
from report.context import Ctx
from report.findings import findings
from report.layout import BODY_W, LAND_BODY_W, LAND_H, LANG_TAGS, PAGE_H, one_page
from report.page import canvas_class, cover_background
from report.plan_pages import ninety_days
from report.styles import (
    LANDSCAPE_MARGIN,
    MARGIN,
)
from report.summary import cover, summary
from scoring.maturity import Scores
from scoring.plan import Plan


# ---------------------------------------------------------------- the document
def build(model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str,
          branding: Branding = NONE, appendix: bool = False) -> bytes:
    """The PDF bytes. The branding's logos must pass report.load_logo (LogoError otherwise)."""
    fonts.register()
    ctx = Ctx(model, assessment, scores, plan, lang, branding)
    model = ctx.model  # in the business's words (report.context)
    buf = io.BytesIO()
    name = ctx.company_name
    assessor = ", ".join(x for x in (assessment.assessor.name.strip(), assessment.assessor.organisation.strip()) if x)
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=fonts.clean(f"{ctx.t('report.title')} – {name}" if name else ctx.t("report.title")).replace("\n", " "),
        author=fonts.clean(assessor or "cxaudit").replace("\n", " "),
        subject=ctx.t("report.subject"), creator="cxaudit", producer="cxaudit (reportlab)",
        keywords=ctx.t("report.keywords"), lang=LANG_TAGS.get(lang, lang),
        initialFontName=fonts.REGULAR, initialFontSize=10, initialLeading=12,
    )
    portrait_frame = Frame(MARGIN, MARGIN, BODY_W, PAGE_H - 2 * MARGIN, id="body", leftPadding=0, rightPadding=0,
                           topPadding=0, bottomPadding=0)
    cover_frame = Frame(MARGIN + 0.6 * cm, MARGIN, BODY_W - 0.6 * cm, PAGE_H - 2 * MARGIN, id="cover",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    land_frame = Frame(LANDSCAPE_MARGIN, 1.8 * cm, LAND_BODY_W, LAND_H - 3.6 * cm, id="land", leftPadding=0,
                       rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("cover", [cover_frame], onPage=cover_background(ctx), pagesize=A4,
                     autoNextPageTemplate="portrait"),
        PageTemplate("portrait", [portrait_frame], pagesize=A4),
        PageTemplate("landscape", [land_frame], pagesize=landscape(A4)),
    ])
    story = cover(ctx, _logo(branding.logo, "LEFT"), _logo(branding.client_logo, "RIGHT"))
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += one_page(summary(ctx))
    story += findings(ctx)
    story += [PageBreak()] + one_page(ninety_days(ctx)[1:])
    if appendix:
        story += appendix_pages(ctx)
    doc.build(story, canvasmaker=canvas_class(ctx))
    return buf.getvalue()


def _logo(data: bytes | None, align: str, max_w: float = 5.5 * cm, max_h: float = 2.6 * cm) -> Image | None:
    if not data:
        return None
    png, (w, h) = logos.checked(data)
    scale = min(max_w / w, max_h / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale, hAlign=align)
