"""Clients: the businesses audited, each with its assessments over time. Open, re-assess,
compare, delete (with undo and a bin) and import assessment files."""
import functools

import streamlit as st

import store
from i18n import format_date, format_percent
from ui import clients as view
from ui import persistence, state, upload
from ui.text import md_escape

model = state.model()
lang = state.lang()
engine = persistence.engine()
PAGE_SIZE = 25
SEL = "clients_selected"        # the client whose history is shown
SEARCH = "clients_search"
PAGE_NO = "clients_page_no"
UNDO = "clients_undo"           # ("client" | "assessment", id, name) of the last delete
IMPORT_MSG = "clients_import_msg"


def _go_start() -> None:
    st.switch_page("pages/start.py")


def _import() -> None:
    uploaded = st.session_state.get("clients_upload")
    if uploaded is not None:
        st.session_state[IMPORT_MSG] = persistence.import_file(uploaded.getvalue())


def _reset_page() -> None:
    st.session_state[PAGE_NO] = 0


def _select_from_table(key: str, ids: list[str]) -> None:
    rows = st.session_state[key].selection.rows
    if rows:
        st.session_state[SEL] = ids[rows[0]]


def _delete_client(client_id: str, name: str) -> None:
    ids = [r.id for r in store.client_history(engine, client_id)]
    store.delete_client(engine, client_id)
    persistence.forget_if_current(ids)
    st.session_state[UNDO] = ("client", client_id, name)
    st.session_state.pop(SEL, None)


def _delete_assessment(assessment_id: str, label: str) -> None:
    store.delete_assessment(engine, assessment_id)
    persistence.forget_if_current([assessment_id])
    st.session_state[UNDO] = ("assessment", assessment_id, label)


def _restore(kind: str, item_id: str) -> None:
    try:
        (store.restore_client if kind == "client" else store.restore_assessment)(engine, item_id)
    except store.NotFound:
        pass
    if st.session_state.get(UNDO, (None, None))[1] == item_id:
        st.session_state.pop(UNDO, None)


# ---------------------------------------------------------------- top: new, import, undo
st.title(state.t("clients.title"))
st.caption(state.t("clients.intro"))
left, right = st.columns([1, 2], vertical_alignment="top")
if left.button(state.t("clients.new"), icon=":material/add:", type="primary", key="clients_new"):
    persistence.start_new()
    _go_start()
with right.expander(state.t("clients.import"), icon=":material/upload_file:"):
    st.caption(state.t("clients.import_help"))
    upload.assessment_uploader(state.t("clients.import_file"), key="clients_upload", on_change=_import)
for kind, text in st.session_state.pop(IMPORT_MSG, None) or []:
    getattr(st, kind)(text)
if persistence.import_choice("clients"):  # a file of a stored assessment: open it, or a copy
    _go_start()

undo = st.session_state.get(UNDO)
if undo:
    kind, item_id, name = undo
    msg, undo_col = st.columns([4, 1], vertical_alignment="center")
    msg.success(state.t("clients.deleted_client" if kind == "client" else "clients.deleted_assessment",
                        name=md_escape(name)),
                icon=":material/delete:")
    undo_col.button(state.t("clients.undo"), on_click=_restore, args=(kind, item_id), key="clients_undo_btn",
                    icon=":material/undo:")

# ---------------------------------------------------------------- the list
search = st.text_input(state.t("clients.search"), key=SEARCH, placeholder=state.t("clients.search_placeholder"),
                       help=state.t("clients.search_help"), on_change=_reset_page, icon=":material/search:")
page_no = st.session_state.get(PAGE_NO, 0)
listing = store.list_clients(engine, search, PAGE_SIZE, page_no * PAGE_SIZE)
if listing.total == 0:
    st.info(state.t("clients.no_match" if search.strip() else "clients.empty"), icon=":material/info:")
else:
    ids = [r.id for r in listing.rows]
    table_key = f"clients_table_{search}_{page_no}"
    st.dataframe(view.clients_frame(listing.rows, model, lang), key=table_key,
                 on_select=functools.partial(_select_from_table, table_key, ids), selection_mode="single-row",
                 hide_index=True, width="stretch")
    pages = (listing.total + PAGE_SIZE - 1) // PAGE_SIZE
    first, last = page_no * PAGE_SIZE + 1, min((page_no + 1) * PAGE_SIZE, listing.total)
    info, prev_col, next_col = st.columns([4, 1, 1], vertical_alignment="center")
    info.caption(state.t("clients.showing", first=first, last=last, total=listing.total)
                 + " · " + state.t("clients.select_hint"))
    if pages > 1:
        prev_col.button(state.t("clients.prev"), key="clients_prev", disabled=page_no == 0,
                        on_click=lambda: st.session_state.update({PAGE_NO: page_no - 1}), width="stretch")
        next_col.button(state.t("clients.next"), key="clients_next", disabled=page_no >= pages - 1,
                        on_click=lambda: st.session_state.update({PAGE_NO: page_no + 1}), width="stretch")

# ---------------------------------------------------------------- one client's history
selected = st.session_state.get(SEL)
client = None
if selected:
    try:
        client = store.get_client(engine, selected)
    except store.NotFound:
        st.session_state.pop(SEL, None)
history = store.client_history(engine, client.id) if client else []
if client and history:
    st.divider()
    head, delete_col = st.columns([3, 2], vertical_alignment="bottom")  # the delete label whole at 1024 px
    head.subheader(md_escape(client.name))
    where = " · ".join(x for x in (client.city, view.sector_label(client.sector, lang) if client.sector else "") if x)
    if where:
        head.caption(md_escape(where))
    with delete_col.popover(state.t("clients.delete_client"), icon=":material/delete:", width="stretch"):
        st.write(state.t("clients.delete_client_confirm", name=md_escape(client.name), count=len(history)))
        st.button(state.t("clients.delete_yes"), type="primary", key="clients_delete_client",
                  on_click=_delete_client, args=(client.id, client.name))

    st.markdown(f"**{state.t('clients.history')}**")
    st.dataframe(view.history_frame(history, model, lang), hide_index=True, width="stretch")
    st.caption(state.t("clients.times_note"))

    labels = {r.id: view.assessment_label(r, model, lang) for r in history}
    audits = view.comparable(history)  # the started ones: an abandoned blank start is no "before"
    chosen = st.selectbox(state.t("clients.choose_assessment"), list(labels),
                          index=list(labels).index((audits or history)[-1].id),
                          format_func=labels.__getitem__, key=f"clients_chosen_{client.id}")
    # A row of buttons as wide as their labels, wrapping on a phone: fixed columns cut the labels
    # («Διαγραφή ε…») at 1024 px.
    with st.container(horizontal=True, gap="small", key="clients_actions"):
        if st.button(state.t("clients.open"), icon=":material/edit:", key="clients_open"):
            # The UI stays in the language the user chose; the audit keeps its own (reports offer both).
            if persistence.open_assessment(chosen, follow_language=False):
                _go_start()
        if st.button(state.t("clients.reassess"), icon=":material/replay:", key="clients_reassess", type="primary",
                     help=state.t("clients.reassess_help")):
            if persistence.start_reassessment((audits or history)[-1].id):
                _go_start()
        with st.popover(state.t("clients.delete_assessment"), icon=":material/delete:"):
            st.write(state.t("clients.delete_assessment_confirm", label=labels[chosen]))
            st.button(state.t("clients.delete_yes"), type="primary", key="clients_delete_assessment",
                      on_click=_delete_assessment, args=(chosen, f"{client.name}, {labels[chosen]}"))

    if len(audits) >= 2:
        st.markdown(f"**{state.t('clients.compare')}**")
        c1, c2 = st.columns(2)
        ids = [r.id for r in audits]
        # Before: the audit before the latest; after: the latest. Keys carry the ids offered, so
        # a new audit (or a delete) sets both defaults afresh instead of keeping a stale choice.
        offered = "_".join(ids)
        older_id = c1.selectbox(state.t("clients.compare_before"), ids, index=len(ids) - 2,
                                format_func=labels.__getitem__, key=f"clients_before_{client.id}_{offered}")
        newer_id = c2.selectbox(state.t("clients.compare_after"), ids, index=len(ids) - 1,
                                format_func=labels.__getitem__, key=f"clients_after_{client.id}_{offered}")
        rows = {r.id: r for r in audits}
        older, newer = sorted((rows[older_id], rows[newer_id]), key=lambda r: (r.created_at, r.id))
        st.dataframe(view.compare_frame(older, newer, model, lang), hide_index=True, width="stretch")
        st.markdown(f"**{state.t('clients.over_time')}**")
        st.altair_chart(view.history_chart(audits, model, lang), width="stretch")
    elif len(history) >= 2:
        st.caption(state.t("clients.compare_need_two"))

# ---------------------------------------------------------------- drafts without a name, and the bin
unnamed = store.list_unnamed(engine)
if unnamed:
    with st.expander(state.t("clients.unnamed", n=len(unnamed)), icon=":material/draft:"):
        for r in unnamed:
            text_col, open_col = st.columns([4, 1], vertical_alignment="center")
            text_col.write(state.t("clients.unnamed_row", date=format_date(view.local(r.updated_at), lang),
                                   pct=format_percent(100 * r.completeness, lang)))
            if open_col.button(state.t("clients.open"), key=f"clients_open_unnamed_{r.id}", width="stretch"):
                if persistence.open_assessment(r.id, follow_language=False):
                    _go_start()

deleted = store.list_deleted(engine, limit=20)
if deleted:
    with st.expander(state.t("clients.bin", n=len(deleted)), icon=":material/delete:"):
        st.caption(state.t("clients.bin_help"))
        for d in deleted:
            text_col, restore_col = st.columns([4, 1], vertical_alignment="center")
            what = state.t("clients.bin_client" if d["kind"] == "client" else "clients.bin_assessment",
                           name=md_escape(d["name"]) or state.t("store.unnamed"),
                           date=format_date(view.local(d["created_at"]), lang),
                           deleted=format_date(view.local(d["deleted_at"]), lang))
            text_col.write(what)
            restore_col.button(state.t("clients.restore"), key=f"clients_restore_{d['id']}", on_click=_restore,
                               args=(d["kind"], d["id"]), width="stretch", icon=":material/restore_from_trash:")
