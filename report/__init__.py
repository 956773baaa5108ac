"""The PDF improvement plan: `build_pdf(model, assessment, scores, plan, lang, logo=None) -> bytes`.

Pure (no streamlit): the Plan page, the CLI (`python -m report`) and the tests all call the same
function, so the app's download and the CLI's file are the same document.
"""
from __future__ import annotations

import io
from pathlib import Path

from assessment.document import Assessment
from checklists.model import AuditModel
from i18n.problems import Problem, ProblemError, os_problem
from report.branding import Branding
from scoring.maturity import Scores, score
from scoring.plan import Plan, build_plan

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000      # e.g. 8000 × 5000
LOGO_MAX_SIDE = 900               # drawn at most ~5.5 cm wide: more pixels only cost time
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
# Other images people save as ".png": named in the message, so they know what to convert.
_OTHER_IMAGES = ((b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
                 (b"RIFF", "WEBP"), (b"<svg", "SVG"), (b"<?xml", "SVG"))


class LogoError(ProblemError):
    """The logo cannot be used; `problems` says why (i18n.problems codes, rendered in a language)."""


def _refuse(code: str, **params) -> LogoError:
    return LogoError([Problem("", code, params)])


def load_logo(logo: bytes | str | Path):
    """Check a logo and return (PNG file object, (width, height)) ready to draw. Raises LogoError.

    Only real PNG and JPEG files (by their content, not their name), at most MAX_LOGO_BYTES, and
    at most MAX_LOGO_PIXELS as their header declares, checked before any pixel is decoded: a
    small file can declare gigapixels (a decompression bomb)."""
    if isinstance(logo, (str, Path)):
        try:
            data = Path(logo).read_bytes()
        except OSError as exc:
            raise LogoError([os_problem("", exc)]) from None
    else:
        data = bytes(logo)
    if not data:
        raise _refuse("file_empty")
    if len(data) > MAX_LOGO_BYTES:
        raise _refuse("file_too_big", size=round(len(data) / 1048576, 1), limit=MAX_LOGO_BYTES // 1048576)
    if not data.startswith((PNG_SIGNATURE, JPEG_SIGNATURE)):
        kind = next((fmt for sig, fmt in _OTHER_IMAGES if data.startswith(sig)), None)
        raise _refuse("logo_format", format=kind) if kind else _refuse("logo_not_image")
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=("PNG", "JPEG"))
            w, h = img.size
            if w < 1 or h < 1:
                raise _refuse("logo_damaged")
            if w * h > MAX_LOGO_PIXELS:
                raise _refuse("logo_pixels", width=w, height=h, limit=MAX_LOGO_PIXELS // 1_000_000)
            img.load()
    except LogoError:
        raise
    except UnidentifiedImageError:
        raise _refuse("logo_not_image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse("logo_bomb", limit=MAX_LOGO_PIXELS // 1_000_000) from None
    except Exception:  # truncated or corrupt data: PIL raises OSError, SyntaxError, ValueError…
        raise _refuse("logo_damaged") from None
    if img.mode not in ("RGB", "RGBA", "L", "LA"):
        img = img.convert("RGBA" if "transparency" in img.info or img.mode in ("P", "PA") else "RGB")
    if max(w, h) > LOGO_MAX_SIDE:
        img.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    out = io.BytesIO()
    img.save(out, format="PNG")
    out.seek(0)
    return out, (w, h)


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


__all__ = ["FORMATS", "Branding", "LogoError", "branded", "build_pdf", "load_logo", "pdf_for", "report_for"]
