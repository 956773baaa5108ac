"""Facts every report format shows the same way (PDF, Word, Excel tracker)."""
from __future__ import annotations

from datetime import date, datetime

from assessment.document import Assessment
from checklists.model import AuditModel
from scoring.maturity import Scores

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


def overall_explained(model: AuditModel, scores: Scores, lang: str, coverage: bool = True) -> list[str]:
    """What the overall level rests on, where the figures alone would read as a contradiction
    (Results, the PDF and Word summary say the same):
    - it is worked out from the sections that have answers so far, when some have none (with
      `coverage`: the report's summary names the sections not yet assessed in its own box);
    - it is above a section's level (an overall 3 over the only scored section at 2): the rule
      lets it be one level above the weakest section (docs/scoring.md rule 5), said in words. When
      that rule lowered it (Scores.holds_back) the summary says so in its own sentence instead."""
    from i18n import t

    scored = [ps for ps in scores.pillars.values() if ps.level is not None]
    if scores.overall_level is None or not scored:
        return []
    quote = "«{}»" if lang == "el" else "‘{}’"
    out = []
    if coverage and len(scored) < len(scores.pillars):
        names = ", ".join(quote.format(model.pillar(ps.pillar).short_title(lang)) for ps in scored)
        out.append(t("report.overall_from", lang, count=len(scored), total=len(scores.pillars), pillars=names))
    weakest = min(scored, key=lambda ps: (ps.level, ps.score))
    if not scores.holds_back and weakest.level < scores.overall_level:
        out.append(t("report.overall_above", lang, level=scores.overall_level, pillar_level=weakest.level,
                     pillar=quote.format(model.pillar(weakest.pillar).short_title(lang))))
    return out


FILE_KINDS = ("plan", "tracker", "assessment")
# Characters Windows or macOS refuse in a file name, or that split a path; control characters too.
_NOT_IN_NAMES = set('/\\:*?"<>|')
MAX_NAME_CHARS = 60   # of the business's name in a file name


def download_name(assessment: Assessment, kind: str, lang: str, ext: str, *, doc_lang: str | None = None,
                  on: date | None = None) -> str:
    """The name of a file the app gives, in the user's language `lang`:
    'Καφέ_Άλφα_σχέδιο_βελτίωσης_02-12-2026.pdf', 'Kafe_Alfa_plan_tracker_02-12-2026.xlsx'.

    The business's name keeps its letters (Greek too) and digits; markup, emoji, quotes,
    punctuation and the characters Windows and macOS refuse in names go; spaces become _. A file
    in another language than the page's says so ('…_σχέδιο_βελτίωσης_αγγλικά_…'), so the Greek and
    the English PDF never share a name. The date is the day of the download (dd-mm-yyyy: no /)."""
    import html
    import re
    import unicodedata

    from i18n import local_time, t

    if kind not in FILE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(FILE_KINDS)}, not {kind!r}")
    name = html.unescape(unicodedata.normalize("NFC", assessment.company.name or ""))
    name = re.sub(r"<[^>]*>", " ", name)
    kept = "".join(ch if (ch.isalnum() or ch in "-_") and ch not in _NOT_IN_NAMES else " " for ch in name)
    slug = "_".join(kept.split())[:MAX_NAME_CHARS].strip("_-")
    day = on or local_time().date()
    parts = [slug, t(f"file.{kind}", lang)]
    if doc_lang and doc_lang != lang:
        parts.append(t(f"file.in_{doc_lang}", lang))
    parts.append(day.strftime("%d-%m-%Y"))
    return "_".join(p for p in parts if p) + f".{ext}"


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


def pillar_strengths(pillar, assessment: Assessment, skipped, actions) -> tuple[list[tuple[str, object]], str | None]:
    """One rule for the PDF and the Word file: a section's strengths (answers at Mostly/Fully not already
    shown above as a plan step or «for later») and which sentence goes under the heading, if any.
    «None at Mostly/Fully» is said only when it is true; when the Mostly answers appear above as steps
    to Fully, the sentence says so instead of denying them."""
    from scoring.maturity import is_strength

    shown = {act.item for act in actions}
    good = [(it.id, assessment.value(it.id)) for it in pillar.items
            if it.id not in skipped and is_strength(assessment.value(it.id))]
    listed = [(i, v) for i, v in good if i not in shown]
    if len(listed) < len(good):
        return listed, "report.strengths_above"
    return listed, None if listed else "report.no_strengths"
