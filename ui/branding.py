"""The report's branding, set once: the consultant's firm name, accent colour and logo (kept for
the organisation, store/branding.py), and the business's own logo for this audit's cover.

A form, so nothing is stored until "Save" and a bad logo leaves everything as it was: each logo
is checked by report.load_logo (the same checks and messages as everywhere) before anything is
written. Every download then uses what is stored (ui/downloads.py): nothing to upload again.
"""
from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from i18n.problems import first_line
from report import MAX_LOGO_BYTES, LogoError, load_logo
from report.branding import DEFAULT_ACCENT, MAX_FIRM_CHARS, Branding
from store import branding as stored
from ui import persistence, state, upload

FORM = "branding_form"
LOGO_TYPES, LOGO_KINDS = ("png", "jpg", "jpeg"), ("PNG", "JPEG")
NOTICE = "branding_notice"   # (kind, text) shown once, after the rerun that saving starts


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


ROUND = "branding_round"   # part of the file widgets' keys: a new round after a save empties them


def _key(name: str) -> str:
    return f"branding_{name}_{st.session_state.get(ROUND, 0)}"


def _checked(upload) -> bytes | None:
    """The upload as a normalised PNG (report.load_logo: content, size and pixel checks)."""
    if upload is None:
        return None
    reader, _ = load_logo(upload.getvalue())
    return reader.getvalue()


def _save(assessment_id: str) -> None:
    ss = st.session_state
    before = current(assessment_id)
    try:
        logo = _checked(ss.get(_key("logo")))
    except LogoError as exc:
        ss[NOTICE] = ("error", state.t("branding.logo_bad", problem=first_line(exc.problems, state.lang())))
        return
    try:
        client_logo = _checked(ss.get(_key("client_logo")))
    except LogoError as exc:
        ss[NOTICE] = ("error", state.t("branding.client_logo_bad", problem=first_line(exc.problems, state.lang())))
        return
    if logo is None and not ss.get(_key("drop_logo")):
        logo = before.logo
    firm = (ss.get("branding_firm") or "")[:MAX_FIRM_CHARS]
    accent = ss.get("branding_accent") or DEFAULT_ACCENT
    try:
        engine = persistence.engine()
        stored.save_branding(engine, Branding(firm=firm, accent=accent, logo=logo))
        if client_logo is not None:
            stored.save_business_logo(engine, assessment_id, client_logo)
        elif ss.get(_key("drop_client_logo")):
            stored.save_business_logo(engine, assessment_id, None)
    except SQLAlchemyError:
        ss[NOTICE] = ("error", state.t("branding.save_failed"))
        return
    ss[NOTICE] = ("ok", state.t("branding.saved"))
    # New keys empty the file widgets: the stored logo is shown instead, and a later save keeps it.
    ss[ROUND] = ss.get(ROUND, 0) + 1


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
    b = current(assessment_id)
    notice = st.session_state.pop(NOTICE, None)
    stored = summary(b)
    st.caption(state.t("branding.current", summary=stored) if stored else state.t("branding.none"))
    with st.expander(state.t("branding.title"), icon=":material/palette:", expanded=bool(notice)):
        if notice:
            kind, text = notice
            (st.success if kind == "ok" else st.error)(text, icon=":material/check:" if kind == "ok"
                                                       else ":material/image_not_supported:")
        st.caption(state.t("branding.help"))
        if b.logo or b.client_logo:
            left, right = st.columns(2)
            if b.logo:
                left.image(b.logo, caption=state.t("branding.logo_saved"), width=160)
            if b.client_logo:
                right.image(b.client_logo, caption=state.t("branding.client_logo_saved"), width=120)
        with st.form(FORM, border=False):
            # Seeded from the store each run the form is drawn, so another tab's save shows here too.
            st.text_input(state.t("branding.firm"), value=b.firm, max_chars=MAX_FIRM_CHARS, key="branding_firm",
                          placeholder=state.t("branding.firm_placeholder"))
            st.color_picker(state.t("branding.accent"), value=b.accent, key="branding_accent",
                            help=state.t("branding.accent_help"))
            limit = MAX_LOGO_BYTES // 1048576
            upload.file_uploader(state.t("branding.logo"), key=_key("logo"), types=LOGO_TYPES, kinds=LOGO_KINDS,
                                 limit_mb=limit, help=state.t("branding.logo_help"))
            if b.logo:
                st.checkbox(state.t("branding.drop_logo"), key=_key("drop_logo"))
            upload.file_uploader(state.t("branding.client_logo"), key=_key("client_logo"), types=LOGO_TYPES,
                                 kinds=LOGO_KINDS, limit_mb=limit, help=state.t("branding.client_logo_help"))
            if b.client_logo:
                st.checkbox(state.t("branding.drop_client_logo"), key=_key("drop_client_logo"))
            st.form_submit_button(state.t("branding.save"), type="primary", icon=":material/save:",
                                  on_click=_save, args=(assessment_id,), key="branding_save")
    return b
