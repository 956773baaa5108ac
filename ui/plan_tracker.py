"""An edited Excel tracker brought back to the Plan page: what it would change, then, on the
user's word only, the change.

report.tracker.read_tracker() compares the file with the assessment (owner, due date, status per
action) and lists every row it cannot use with its row number; nothing is applied until the user
presses "apply", and then through report.tracker.apply_changes (scoring.plan.edit_action). The
review is read again on every run from the uploaded bytes, so what "apply" applies is what the
table shows now, even if a card was edited after the upload.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.document import Assessment
from checklists.model import AuditModel
from i18n import format_date
from report.tracker import MAX_TRACKER_BYTES, Change, TrackerReview, apply_changes, read_tracker, status_labels
from scoring.plan import Plan
from ui import state, upload
from ui.text import md_escape

ROUND_KEY = "plan_tracker_round"  # part of the uploader's key: a new key empties it after "apply"
DONE_KEY = "plan_tracker_done"    # how many changes the last "apply" made, shown once after the rerun
MAX_PROBLEMS = 30


def _uploader_key() -> str:
    return f"plan_tracker_{st.session_state.get(ROUND_KEY, 0)}"


def _value(change: Change, value, lang: str) -> str:
    if change.field == "status":
        return status_labels(lang).get(value, str(value))
    if change.field == "due":
        return format_date(value.isoformat(), lang) if isinstance(value, date) else "–"
    return value or "–"


def changes_table(changes: list[Change], model: AuditModel, lang: str) -> list[dict]:
    """The rows of the confirmation table, in the page's language (shown as text, never markup)."""
    # What changes (now → from the file) comes before the action's text, so that on a tablet and
    # a phone it is on screen, not scrolled off to the right behind a long sentence.
    return [{
        state.t("tracker.review.row"): change.row,
        state.t("tracker.col.item"): change.item,
        state.t("tracker.review.field"): state.t(f"tracker.col.{change.field}"),
        state.t("tracker.review.change"): f"{_value(change, change.old, lang)} → {_value(change, change.new, lang)}",
        state.t("tracker.col.action"): model.items[change.item].action.text(lang) if change.item in model.items else "",
    } for change in changes]


def _problems(review: TrackerReview, lang: str) -> None:
    lines = [md_escape(p.text(lang)) for p in review.problems]
    shown = "\n".join(f"- {line}" for line in lines[:MAX_PROBLEMS])
    if len(lines) > MAX_PROBLEMS:
        shown += "\n- " + state.t("problem.more", count=len(lines) - MAX_PROBLEMS)
    st.warning(state.t("tracker.review.problems", count=len(lines)) + "\n\n" + shown, icon=":material/rule:")


def upload_area(model: AuditModel, a: Assessment, plan: Plan, lang: str) -> None:
    st.subheader(state.t("tracker.review.title"))
    st.caption(state.t("tracker.review.help"))
    done = st.session_state.pop(DONE_KEY, None)
    if done is not None:
        st.success(state.t("tracker.review.applied", count=done), icon=":material/task_alt:")
    key = _uploader_key()
    uploaded = upload.file_uploader(state.t("tracker.review.upload"), key=key, types=("xlsx",), kinds=("XLSX",),
                                    limit_mb=MAX_TRACKER_BYTES // 1048576)
    if uploaded is None:
        return
    review = read_tracker(uploaded.getvalue(), model, a, plan)
    if review.refused:
        st.error(" ".join(md_escape(p.text(lang)) for p in review.problems if p.row is None),
                 icon=":material/block:")
        return
    if review.problems:
        _problems(review, lang)
    if not review.changes:
        st.info(state.t("tracker.review.nothing"), icon=":material/info:")
        return
    count = len(review.changes)
    st.markdown(state.t("tracker.review.changes", count=count))
    st.dataframe(changes_table(review.changes, model, lang), hide_index=True, width="stretch")
    left, right = st.columns(2)
    if left.button(state.t("tracker.review.apply", count=count), type="primary", key="plan_tracker_apply",
                   icon=":material/done_all:", width="stretch"):
        apply_changes(a, review.changes)
        state.changed()  # stored now, cell by cell, like a card's edit
        st.session_state[DONE_KEY] = count
        st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
        st.rerun()  # the cards above were drawn before the change: draw them again
    if right.button(state.t("tracker.review.cancel"), key="plan_tracker_cancel", icon=":material/close:",
                    width="stretch"):
        st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
        st.rerun()
