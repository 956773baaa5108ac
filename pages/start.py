"""Start page: language, the business profile, and start or continue the audit (also the one this
browser last worked on)."""
import streamlit as st

from checklists.applicability import Profile, not_asked
from checklists.profile import SECTORS, SIZES
from i18n import format_date, sort_key, t
from ui import last_opened, persistence, sidebar, state
from ui.nav import PAGES
from ui.text import md_escape

model = state.model()
lang = state.lang()
state.apply_widget_edits()
a = state.assessment()

PROFILE_FIELDS = state.PROFILE_FIELDS  # widget key -> (part of the assessment, attribute)


def _progress(doc):
    """({pillar: the questions this business is asked}, {pillar: how many it answered}): only the
    questions for its sector and size (checklists/applicability.py)."""
    skip = not_asked(model, Profile.of(doc.company.sector, doc.company.size), doc.brought_back)
    asked = {p.id: [it for it in p.items if it.id not in skip] for p in model.pillars}
    return asked, {pid: sum(1 for it in items if doc.value(it.id) is not None) for pid, items in asked.items()}


def _last_opened():
    """The stored assessment this browser last worked on, when this session has none open yet."""
    if st.session_state.get(persistence.KEY_ID):
        return None
    wanted = last_opened.recall()
    return last_opened.stored(wanted) if wanted else None


def _current(key: str) -> str:
    part, attr = PROFILE_FIELDS[key]
    return getattr(getattr(a, part), attr)


# Each field's key holds its value, seeded from the assessment (which another tab, an import or a
# reopened assessment may have changed); state.bind_edits() applies edits at the start of the next
# run (no callbacks: see ui/state.py). No value=/index= as well: Streamlit would then warn.
sectors = sorted((s for s in SECTORS if s != "other"), key=lambda s: sort_key(t(f"sector.{s}", lang))) + ["other"]
for _key in PROFILE_FIELDS:
    _value = _current(_key)
    if _key == "profile_sector":
        state.seed(_key, _value if _value in sectors else None)
    elif _key == "profile_size":
        state.seed(_key, _value if _value in SIZES else None)
    else:
        state.seed(_key, _value, default="")


st.title(state.t("app.title"))
sidebar.language_picker()
st.write(state.t("app.tagline"))
last = _last_opened()
if last is not None:
    asked_then, answered_then = _progress(last)
    offer = state.t("start.resume_last", name=md_escape(last.company.name) or state.t("store.unnamed"),
                    done=sum(answered_then.values()), total=sum(len(v) for v in asked_then.values()),
                    date=format_date(last.updated_at, lang))
    with st.container(border=True, key="start_resume_last"):
        st.caption(state.t("start.resume_last_help"))
        if st.button(offer, type="primary", icon=":material/history:", key="start_resume_go"):
            persistence.open_assessment(last.id)
            st.rerun()
st.info(state.t("start.intro"), icon=":material/info:")

st.subheader(state.t("start.profile"))
left, right = st.columns(2)
left.text_input(state.t("start.name"), key="profile_name", max_chars=200,
                help=state.t("start.name_help"))
right.text_input(state.t("start.city"), key="profile_city", max_chars=100)

# Sectors in Greek-aware alphabetical order of the visible label, "other" last (sorted above).
left.selectbox(state.t("start.sector"), sectors, index=None,
               format_func=lambda s: t(f"sector.{s}", lang), placeholder=state.t("start.choose"),
               key="profile_sector")
right.selectbox(state.t("start.size"), SIZES, index=None,
                format_func=lambda s: t(f"size.{s}", lang), placeholder=state.t("start.choose"),
                key="profile_size")

# A chosen sector or size changes the question count (e.g. 85 to 80): say why, and where the
# questions left out are (the list at the foot of each section page, ui/pillar.py).
asked, answered = _progress(a)
total = sum(len(items) for items in asked.values())
if total < len(model.items):
    st.caption(state.t("start.left_out", count=len(model.items) - total, asked=total, total=len(model.items),
                       list=state.t("start.left_out_list")))

st.subheader(state.t("start.assessor"))
left, right = st.columns(2)
left.text_input(state.t("start.assessor_name"), key="profile_assessor",
                max_chars=200)
right.text_input(state.t("start.assessor_org"), key="profile_org",
                 max_chars=200)

st.divider()
pillar_pages = [p for p in PAGES if p.pillar]
# Only the questions this business is asked, for its sector and size (checklists/applicability.py).
done = sum(answered.values())
if done == 0:
    target, label = pillar_pages[0], state.t("start.begin")
elif done == total:
    # Everything answered: what the person came for next is the result, not the last section again.
    target = next(p for p in PAGES if p.path == "pages/results.py")
    label = state.t("start.see_results")
else:
    # Continue at the first section that still has unanswered questions.
    target = next((p for p in pillar_pages if answered[p.pillar] < len(asked[p.pillar])), pillar_pages[-1])
    label = state.t("start.continue", done=done, total=total)
if st.button(label, type="primary", icon=":material/arrow_forward:", key="start_go"):
    st.switch_page(target.path)

st.subheader(state.t("start.pillars"))
for p in model.pillars:
    n_left = len(p.items) - len(asked[p.id])
    extra = f" :gray[({state.t('start.pillar_left_out', count=n_left)})]" if n_left else ""
    st.markdown(
        f"**{p.title(lang)}** · {state.t('start.items_count', count=len(asked[p.id]))}{extra}  \n{p.description(lang)}"
    )
