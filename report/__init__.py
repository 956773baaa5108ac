"""The PDF improvement plan: `build_pdf(model, assessment, scores, plan, lang, logo=None) -> bytes`.

Pure (no streamlit): the Plan page, the CLI (`python -m report`) and the tests all call the same
function, so the app's download and the CLI's file are the same document.
"""
from __future__ import annotations

from pathlib import Path

from assessment.document import Assessment
from checklists.model import AuditModel
from report.branding import Branding
from report.logos import MAX_LOGO_BYTES, MAX_LOGO_PIXELS, LogoError, load_logo
from scoring.maturity import Scores, score
from scoring.plan import Plan, build_plan


def branded(branding: Branding | None = None, logo: bytes | str | Path | None = None) -> Branding:
    """The branding to draw: `branding` (the stored one) with `logo` (a file given for this report
    alone, as the CLI's --logo) in place of its logo. Every logo is checked here (LogoError), once
    per process per logo (report.logos), so a bad one is refused before any page is laid out."""
    from dataclasses import replace

    from report import logos

    b = branding or Branding()
    if logo is not None:
        if isinstance(logo, (str, Path)):
            load_logo(logo)  # the file's own problems (missing, unreadable) in its words
            logo = Path(logo).read_bytes()
        b = replace(b, logo=logos.checked(bytes(logo))[0])
    for data in (b.logo, b.client_logo):
        if data:
            logos.checked(data)
    return b


def build_pdf(model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str,
              logo: bytes | str | Path | None = None, appendix: bool = False,
              branding: Branding | None = None) -> bytes:
    """The report as PDF bytes, in "el" or "en"; `appendix` adds the full action list, the KPIs
    and the method; `branding` puts the firm's name, colour and logos on the cover and every
    page's header. Raises LogoError for a bad logo."""
    from report.document import build

    if lang not in ("el", "en"):
        raise ValueError(f"language must be el or en, not {lang!r}")
    return build(model, assessment, scores, plan, lang, branded(branding, logo), appendix)


def pdf_for(model: AuditModel, assessment: Assessment, lang: str, logo: bytes | str | Path | None = None,
            appendix: bool = False, branding: Branding | None = None) -> bytes:
    """Score, plan and build in one call: what the Plan page's download and the CLI both run."""
    scores = score(model, assessment)
    return build_pdf(model, assessment, scores, build_plan(model, assessment, scores), lang, logo, appendix,
                     branding)


FORMATS = ("pdf", "docx", "xlsx")


def report_for(model: AuditModel, assessment: Assessment, fmt: str, lang: str,
               logo: bytes | str | Path | None = None, appendix: bool = False,
               branding: Branding | None = None) -> bytes:
    """The report as PDF or Word, or the Excel plan tracker: one entry point for the CLI and the app."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if lang not in ("el", "en"):
        raise ValueError(f"language must be el or en, not {lang!r}")
    if fmt == "pdf":
        return pdf_for(model, assessment, lang, logo, appendix, branding)
    scores = score(model, assessment)
    plan = build_plan(model, assessment, scores)
    if fmt == "xlsx":
        from report.tracker import build_tracker

        return build_tracker(model, assessment, scores, plan, lang)
    from report.word import build_docx

    return build_docx(model, assessment, scores, plan, lang, branded(branding, logo), appendix)


__all__ = ["FORMATS", "MAX_LOGO_BYTES", "MAX_LOGO_PIXELS", "Branding", "LogoError", "branded", "build_pdf", "load_logo",
           "pdf_for", "report_for"]
