"""Facts every report format shows the same way (PDF, Word, Excel tracker)."""
from __future__ import annotations

from datetime import date, datetime

from assessment.document import Assessment

REVIEW_MONTHS = 6   # the consultant comes back in six months to show progress


def assessed_on(assessment: Assessment) -> date:
    """The assessment's date: when it was last changed (ISO timestamp in the document)."""
    try:
        return datetime.fromisoformat(assessment.updated_at).date()
    except (TypeError, ValueError):
        return date.today()


def next_review(day: date, months: int = REVIEW_MONTHS) -> date:
    """The same day `months` later, or the month's last day (31/08 + 6 months = 28/02 or 29/02)."""
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def section_why(actions, model, lang: str) -> str | None:
    """What the section's steps are for, said once above them ("These 4 steps lift Measuring from
    level 4 to 5."): the same reason under every action of a section read as filler and cost the
    page a line per action. None when no action of the list is there to reach the target; the
    others keep their own reason (see `own_why`)."""
    from i18n import t

    reason = next((a.why[0] for a in actions if a.why and a.why[0].code == "to_target"), None)
    if reason is None:
        return None
    return t("report.gaps_why", lang, count=reason.get("count"),
             pillar=model.pillar(reason.get("pillar")).short_title(lang),
             current=reason.get("current"), target=reason.get("target"))


def own_why(action) -> bool:
    """Whether an action shows its own reason under it: all but the steps `section_why` speaks for."""
    return bool(action.why) and action.why[0].code != "to_target"


def file_stem(assessment: Assessment, kind: str, lang: str) -> str:
    """A file name that says whose report it is: 'Kafe_Alfa_report_el'."""
    slug = (
        "".join(ch for ch in (assessment.company.name or "") if ch.isalnum() or ch in "-_ ").strip().replace(" ", "_")
    )
    return f"{slug[:60] or 'cxaudit'}_{kind}_{lang}"


_NOT_XML = None


def office_text(text: str) -> str:
    """Text Word and Excel files can hold: XML 1.0 forbids control characters (other than tab,
    newline, carriage return), lone surrogates and U+FFFE/U+FFFF; python-docx and openpyxl raise
    on them, so a note pasted with a stray control character must not break the download."""
    import re

    global _NOT_XML
    if _NOT_XML is None:
        _NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    return _NOT_XML.sub("", text)
