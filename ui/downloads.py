"""Files the app gives (the PDF plan, the assessment JSON), built from the assessment as drawn.

A download button's data callable runs on click in a thread outside the browser session, where
st.session_state is not this user's: a callable that reads the session there builds an empty
assessment (the bug of the last release). So each page hands over a snapshot taken while it is
drawn. The snapshot is a deep copy (under 1 ms for a full audit), so the file is what the
user sees even if the next click edits the live object while the file is being built; the file
itself is built only on click, so a rerun pays nothing for it (a PDF takes about 0.5 s).

`area` draws the Plan page's downloads: the PDF in Greek and in English, the Word report in the
page's language (for the person who will edit it), the Excel tracker, and the appendix switch,
all with the branding stored once (ui/branding.py), so there is nothing to upload per download.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from assessment.document import Assessment
from checklists.model import AuditModel
from report.branding import Branding
from report.common import download_name


def snapshot(a: Assessment) -> Assessment:
    """A copy of `a` that later edits of the session's assessment do not reach."""
    return a.model_copy(deep=True)


def pdf(model: AuditModel, frozen: Assessment, lang: str, logo: bytes | None = None, *, appendix: bool = False,
        branding: Branding | None = None) -> Callable[[], bytes]:
    """The PDF plan of `frozen` in `lang`, built when the user clicks."""
    from report import pdf_for

    return partial(pdf_for, model, frozen, lang, logo, appendix, branding)


def report(model: AuditModel, frozen: Assessment, fmt: str, lang: str, logo: bytes | None = None, *,
           appendix: bool = False, branding: Branding | None = None) -> Callable[[], bytes]:
    """The report of `frozen` as "pdf" or "docx", or the "xlsx" plan tracker, built when the user clicks."""
    from report import report_for

    return partial(report_for, model, frozen, fmt, lang, logo, appendix, branding)


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def area(model: AuditModel, a: Assessment, lang: str, branding: Branding) -> None:
    """The download buttons of the Plan page (keys plan_download_el/en/docx/xlsx, plan_appendix)."""
    import streamlit as st

    from ui import state

    appendix = st.toggle(state.t("plan.appendix"), key="plan_appendix", help=state.t("plan.appendix_help"))
    frozen = snapshot(a)
    left, right = st.columns(2)
    for col, pdf_lang in ((left, "el"), (right, "en")):
        col.download_button(state.t(f"plan.download_{pdf_lang}"),
                            data=pdf(model, frozen, pdf_lang, appendix=appendix, branding=branding),
                            file_name=download_name(a, "plan", lang, "pdf", doc_lang=pdf_lang), mime="application/pdf",
                            icon=":material/picture_as_pdf:", on_click="ignore", key=f"plan_download_{pdf_lang}",
                            type="primary" if pdf_lang == lang else "secondary", width="stretch")
    word_col, excel_col = st.columns(2)
    word_col.download_button(state.t("plan.download_docx"),
                             data=report(model, frozen, "docx", lang, appendix=appendix, branding=branding),
                             file_name=download_name(a, "plan", lang, "docx"), mime=DOCX_MIME,
                             icon=":material/description:", on_click="ignore", key="plan_download_docx",
                             width="stretch")
    excel_col.download_button(state.t("plan.download_xlsx"), data=report(model, frozen, "xlsx", lang),
                              file_name=download_name(a, "tracker", lang, "xlsx"), mime=XLSX_MIME,
                              icon=":material/table_view:", on_click="ignore", key="plan_download_xlsx",
                              width="stretch")


def assessment_json(frozen: Assessment) -> Callable[[], str]:
    """The assessment file (the document the store keeps), built when the user clicks."""
    return frozen.to_json
