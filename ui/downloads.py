"""Files the app gives (the PDF plan, the assessment JSON), built from the assessment as drawn.

A download button's data callable runs on click in a thread outside the browser session, where
st.session_state is not this user's: a callable that reads the session there builds an empty
assessment (the bug of the last release). So each page hands over a snapshot taken while it is
drawn. The snapshot is a deep copy (under 1 ms for a full audit), so the file is what the
user sees even if the next click edits the live object while the file is being built; the file
itself is built only on click, so a rerun pays nothing for it (a PDF takes about 1 s).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from assessment.document import Assessment
from checklists.model import AuditModel


def snapshot(a: Assessment) -> Assessment:
    """A copy of `a` that later edits of the session's assessment do not reach."""
    return a.model_copy(deep=True)


def pdf(model: AuditModel, frozen: Assessment, lang: str, logo: bytes | None = None) -> Callable[[], bytes]:
    """The PDF plan of `frozen` in `lang`, built when the user clicks."""
    from report import pdf_for

    return partial(pdf_for, model, frozen, lang, logo)


def report(model: AuditModel, frozen: Assessment, fmt: str, lang: str,
           logo: bytes | None = None) -> Callable[[], bytes]:
    """The report of `frozen` as "pdf" or "docx", or the "xlsx" plan tracker, built when the user clicks."""
    from report import report_for

    return partial(report_for, model, frozen, fmt, lang, logo)


def assessment_json(frozen: Assessment) -> Callable[[], str]:
    """The assessment file (the document the store keeps), built when the user clicks."""
    return frozen.to_json


def file_stem(a: Assessment, fallback: str) -> str:
    """The business name as a file name: letters, digits, - and _; spaces as _."""
    slug = "".join(ch for ch in (a.company.name or "") if ch.isalnum() or ch in "-_ ").strip()
    return "_".join(slug.split()) or fallback
