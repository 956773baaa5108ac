"""The PDF improvement plan: `build_pdf(model, assessment, scores, plan, lang, logo=None) -> bytes`.

Pure (no streamlit): the Plan page, the CLI (`python -m report`) and the tests all call the same
function, so the app's download and the CLI's file are the same document.
"""
from __future__ import annotations

import io
from pathlib import Path

from checklists.model import AuditModel
from scoring.assessment import Assessment
from scoring.maturity import Scores, score
from scoring.plan import Plan, build_plan

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000      # e.g. 8000 × 5000
LOGO_MAX_SIDE = 900               # drawn at most ~5.5 cm wide: more pixels only cost time


class LogoError(ValueError):
    """The logo cannot be used; the message says why, in one line."""


def load_logo(logo: bytes | str | Path):
    """Check a logo and return (PNG file object, (width, height)) ready to draw. Raises LogoError."""
    if isinstance(logo, (str, Path)):
        try:
            data = Path(logo).read_bytes()
        except OSError as exc:
            raise LogoError(f"logo {logo}: cannot read ({exc.strerror or exc})") from None
    else:
        data = bytes(logo)
    if not data:
        raise LogoError("logo: the file is empty")
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(f"logo: file is {len(data) / 1048576:.1f} MB; the limit is {MAX_LOGO_BYTES // 1048576} MB")
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > MAX_LOGO_PIXELS:
                raise LogoError(f"logo: image is {w}×{h} pixels; the limit is {MAX_LOGO_PIXELS // 1_000_000} megapixels")
            if img.format not in ("PNG", "JPEG", "GIF", "WEBP", "BMP"):
                raise LogoError(f"logo: {img.format} images are not supported; use PNG or JPEG")
            img.load()
    except LogoError:
        raise
    except UnidentifiedImageError:
        raise LogoError("logo: not an image (PNG or JPEG expected)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LogoError("logo: image is too large (too many pixels)") from None
    except Exception as exc:  # truncated or corrupt data: PIL raises OSError, SyntaxError, ValueError…
        raise LogoError(f"logo: the image file is damaged ({type(exc).__name__})") from None
    if w < 1 or h < 1:
        raise LogoError("logo: image has no pixels")
    if img.mode not in ("RGB", "RGBA", "L", "LA"):
        img = img.convert("RGBA" if "transparency" in img.info or img.mode in ("P", "PA") else "RGB")
    if max(w, h) > LOGO_MAX_SIDE:
        img.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    out = io.BytesIO()
    img.save(out, format="PNG")
    out.seek(0)
    return out, (w, h)


def build_pdf(model: AuditModel, assessment: Assessment, scores: Scores, plan: Plan, lang: str,
              logo: bytes | str | Path | None = None, appendix: bool = False) -> bytes:
    """The report as PDF bytes, in "el" or "en"; `appendix` adds the full action list, the KPIs
    and the method. Raises LogoError for a bad logo."""
    from report.document import build

    if lang not in ("el", "en"):
        raise ValueError(f"language must be el or en, not {lang!r}")
    prepared = load_logo(logo) if logo is not None else None
    return build(model, assessment, scores, plan, lang, prepared, appendix)


def pdf_for(model: AuditModel, assessment: Assessment, lang: str, logo: bytes | str | Path | None = None,
            appendix: bool = False) -> bytes:
    """Score, plan and build in one call: what the Plan page's download and the CLI both run."""
    scores = score(model, assessment)
    return build_pdf(model, assessment, scores, build_plan(model, assessment, scores), lang, logo, appendix)


FORMATS = ("pdf", "docx", "xlsx")


def report_for(model: AuditModel, assessment: Assessment, fmt: str, lang: str,
               logo: bytes | str | Path | None = None, appendix: bool = False) -> bytes:
    """The report as PDF or Word, or the Excel plan tracker: one entry point for the CLI and the app."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if lang not in ("el", "en"):
        raise ValueError(f"language must be el or en, not {lang!r}")
    if fmt == "pdf":
        return pdf_for(model, assessment, lang, logo, appendix)
    scores = score(model, assessment)
    plan = build_plan(model, assessment, scores)
    if fmt == "xlsx":
        from report.tracker import build_tracker

        return build_tracker(model, assessment, scores, plan, lang)
    from report.word import build_docx

    png = None
    if logo is not None:
        reader, _ = load_logo(logo)
        png = reader.getvalue()
    return build_docx(model, assessment, scores, plan, lang, png, appendix)


__all__ = ["FORMATS", "LogoError", "build_pdf", "load_logo", "pdf_for", "report_for"]
