"""The report's branding, set once: the consultant's firm name, accent colour and logo (kept for
the organisation, store/branding.py), and the business's own logo for this audit's cover.

Bound widgets, stored as they are committed, like the answers (ui/state.py): the firm's name when
the field is left or Enter is pressed, the colour when the picker closes, a logo as soon as its
upload is over and report.load_logo (the same checks and messages as everywhere) has accepted it.
bind() applies them at the start of every run (app.py), before anything is drawn, by
comparing each widget with what it last agreed with the store; not from a form's submit callback,
which a newer run can cut short (and Streamlit ignores a form's submit while an upload is in
flight): a Save was lost so about 1 journey in 40 (docs/store.md, "branding"). «Αποθήκευση» stays,
as the click people expect: it commits the field being typed in and confirms. Every download then
uses what is stored (ui/downloads.py): nothing to upload again.
"""
from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from i18n.problems import first_line
from report import MAX_LOGO_BYTES, LogoError, load_logo
from report.branding import DEFAULT_ACCENT, MAX_FIRM_CHARS, Branding
from store import branding as stored
from ui import persistence, state, upload

LOGO_TYPES, LOGO_KINDS = ("png", "jpg", "jpeg"), ("PNG", "JPEG")
NOTICE = "branding_notice"   # (kind, text) shown once, by the run that stored (or refused) an edit
LAST = "branding_last"       # the latest outcome, which «Αποθήκευση» shows again (a refused logo stays said)
OPEN = "branding_open"       # the section stays open once it has been used in this session
ROUND = "branding_round"     # part of the file widgets' keys: a new round after a logo empties them
DONE = "branding_files_done"  # ids of the uploads already stored or refused (never handled twice)
FIRM, ACCENT = "branding_firm", "branding_accent"


def current(assessment_id: str) -> Branding:
    """The organisation's stored branding with this audit's business logo; plain if the database
    cannot be read (the downloads still work, unbranded)."""
    try:
        engine = persistence.engine()
        b = stored.load_branding(engine)
        client_logo = stored.load_business_logo(engine, assessment_id)
    except SQLAlchemyError:
        return Branding()
    return Branding(firm=b.firm, accent=b.accent, logo=b.logo, client_logo=client_logo)


def _key(name: str) -> str:
    return f"branding_{name}_{st.session_state.get(ROUND, 0)}"


def _checked(upload) -> bytes:
    """The upload as a normalised PNG (report.load_logo: content, size and pixel checks)."""
    reader, _ = load_logo(upload.getvalue())
    return reader.getvalue()


def _notice(kind: str, key: str, **params) -> None:
    st.session_state[NOTICE] = st.session_state[LAST] = (kind, state.t(key, **params))
    st.session_state[OPEN] = True


def _edited_texts() -> dict[str, str]:
    """The firm's name and the colour where the widget moved from what it last agreed with the store."""
    ss = st.session_state
    synced = ss.get(state.SYNCED_KEY) or {}
    edits = {}
    for key in (FIRM, ACCENT):
        if key in synced and key in ss and ss[key] != synced[key]:
            edits[key] = ss[key]
    return edits


def _seed(key: str, value, default=None) -> None:
    """state.seed(), except over an edit the store has not taken yet (the database did not answer):
    that one stays in the field, and the next run's bind() stores it."""
    synced = st.session_state.get(state.SYNCED_KEY) or {}
    if key in st.session_state and key in synced and st.session_state[key] != synced[key]:
        return
    state.seed(key, value, default)


def _new_upload(name: str):
    """The logo in the file widget `name` not yet stored or refused, or None."""
    ss = st.session_state
    key = _key(name)
    value = ss[key] if key in ss else None
    if value is None or value.file_id in ss.get(DONE, ()):
        return None
    return value


def bind(assessment_id: str) -> None:
    """Store every branding edit the user committed since the last run: the firm's name, the colour,
    a new logo (checked first: a bad one is refused with its reason and nothing of it is stored).
    Called by app.py on every run (after persistence.init), so an edit is stored whichever page
    the run draws.
    Safe to cut short: each step writes what the widgets show, so the next run does it again."""
    ss = st.session_state
    texts = _edited_texts()
    uploads = {name: _new_upload(name) for name in ("logo", "client_logo")}
    if not texts and not any(uploads.values()):
        return
    checked, refused = {}, None
    for name, file in uploads.items():
        if file is None:
            continue
        try:
            checked[name] = _checked(file)
        except LogoError as exc:
            ss.setdefault(DONE, set()).add(file.file_id)   # its reason is shown once, not on every run
            refused = (f"branding.{name}_bad", first_line(exc.problems, state.lang()))
    try:
        engine = persistence.engine()
        if texts or "logo" in checked:
            b = stored.load_branding(engine)
            firm = texts.get(FIRM, b.firm)[:MAX_FIRM_CHARS]
            accent = texts.get(ACCENT, b.accent) or DEFAULT_ACCENT
            stored.save_branding(engine, Branding(firm=firm, accent=accent, logo=checked.get("logo", b.logo)))
        if "client_logo" in checked:
            stored.save_business_logo(engine, assessment_id, checked["client_logo"])
    except SQLAlchemyError:
        _notice("error", "branding.save_failed")  # the widgets still differ: the next run tries again
        return
    synced = ss.setdefault(state.SYNCED_KEY, {})
    synced.update(texts)
    for name in checked:
        ss.setdefault(DONE, set()).add(uploads[name].file_id)
    if checked or refused:
        ss[ROUND] = ss.get(ROUND, 0) + 1   # new keys empty the file widgets: the stored logo is shown
    if refused:
        _notice("error", refused[0], problem=refused[1])
    else:
        _notice("ok", "branding.saved")


def _drop(which: str, assessment_id: str) -> None:
    try:
        engine = persistence.engine()
        if which == "logo":
            b = stored.load_branding(engine)
            stored.save_branding(engine, Branding(firm=b.firm, accent=b.accent, logo=None))
        else:
            stored.save_business_logo(engine, assessment_id, None)
    except SQLAlchemyError:
        _notice("error", "branding.save_failed")
        return
    _notice("ok", "branding.saved")


def summary(b: Branding) -> str:
    """What the reports carry now ("Σύμβουλοι Α.Ε. · με λογότυπο"); empty when nothing."""
    parts = [b.firm] if b.firm else []
    if b.logo:
        parts.append(state.t("branding.has_logo"))
    if b.client_logo:
        parts.append(state.t("branding.has_client_logo"))
    if b.accent != DEFAULT_ACCENT:
        parts.append(state.t("branding.has_accent", accent=b.accent))
    return " · ".join(parts)


def section(assessment_id: str) -> Branding:
    """The branding expander of the Plan page; returns the branding the downloads are to use."""
    ss = st.session_state
    bind(assessment_id)  # done by persistence.init already; here for a page drawn without it
    b = current(assessment_id)
    line = st.empty()
    with st.expander(state.t("branding.title"), icon=":material/palette:", expanded=bool(ss.get(OPEN))):
        notice_box = st.container()
        st.caption(state.t("branding.help"))
        if b.logo or b.client_logo:
            left, right = st.columns(2)
            if b.logo:
                left.image(b.logo, caption=state.t("branding.logo_saved"), width=160)
                if left.button(state.t("branding.drop_logo"), key="branding_drop_logo", icon=":material/delete:"):
                    _drop("logo", assessment_id)
                    st.rerun()
            if b.client_logo:
                right.image(b.client_logo, caption=state.t("branding.client_logo_saved"), width=120)
                if right.button(state.t("branding.drop_client_logo"), key="branding_drop_client_logo",
                                icon=":material/delete:"):
                    _drop("client_logo", assessment_id)
                    st.rerun()
        # Seeded from the store (_seed): another tab's save shows here too, and a value the
        # browser has typed but not yet sent is never overwritten.
        _seed(FIRM, b.firm, default="")
        st.text_input(state.t("branding.firm"), max_chars=MAX_FIRM_CHARS, key=FIRM,
                      placeholder=state.t("branding.firm_placeholder"))
        _seed(ACCENT, b.accent)
        st.color_picker(state.t("branding.accent"), key=ACCENT, help=state.t("branding.accent_help"))
        limit = MAX_LOGO_BYTES // 1048576
        upload.file_uploader(state.t("branding.logo"), key=_key("logo"), types=LOGO_TYPES, kinds=LOGO_KINDS,
                             limit_mb=limit, help=state.t("branding.logo_help"))
        upload.file_uploader(state.t("branding.client_logo"), key=_key("client_logo"), types=LOGO_TYPES,
                             kinds=LOGO_KINDS, limit_mb=limit, help=state.t("branding.client_logo_help"))
        st.caption(state.t("branding.autosave"))
        if st.button(state.t("branding.save"), type="primary", icon=":material/save:", key="branding_save"):
            # Everything committed is stored by bind() above; the click (which commits the field
            # being typed in) only asks for the confirmation, or for a refused logo's reason again.
            bind(assessment_id)
            if ss.get(NOTICE) is None:
                last = ss.get(LAST)
                ss[NOTICE] = last if last and last[0] == "error" else ("ok", state.t("branding.saved"))
        notice = ss.pop(NOTICE, None)
        if notice:
            kind, text = notice
            box = notice_box.success if kind == "ok" else notice_box.error
            box(text, icon=":material/check:" if kind == "ok" else ":material/image_not_supported:")
    b = current(assessment_id) if notice else b
    text = summary(b)
    line.caption(state.t("branding.current", summary=text) if text else state.t("branding.none"))
    return b
