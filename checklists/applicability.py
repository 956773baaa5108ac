"""Which questions a business is asked, and in whose words.

Items carry `applies` (size bands and sectors where the question makes sense) and `wording`
(the same question in a sector's or a size band's own words). A profile with no size, or a
sector of "other", is not filtered on that dimension: everything is asked, in the generic words.
A question left out for a profile counts as not applicable unless the user brings it back;
its answer, if it has one, stays in the assessment whatever the profile becomes.

Pure functions over the model: no streamlit, no scoring imports (scoring imports this).
"""
from __future__ import annotations

from dataclasses import dataclass

from checklists.model import Applies, AuditModel, Item
from checklists.profile import SECTORS, SIZES


@dataclass(frozen=True)
class Profile:
    """The two facts about a business that decide what it is asked. Unknown values are kept as
    "" so that a stored profile from an older release still works."""

    sector: str = ""
    size: str = ""

    @classmethod
    def of(cls, sector: str | None, size: str | None) -> Profile:
        sector = sector if sector in SECTORS and sector != "other" else ""
        size = size if size in SIZES else ""
        return cls(sector, size)


def _sectors(model: AuditModel, names) -> set[str]:
    out: set[str] = set()
    for name in names or ():
        out.update(model.sector_groups.get(name, (name,)))
    return out


def applies(model: AuditModel, where: Applies, profile: Profile) -> bool:
    """Is a question with `where` asked of `profile`? Lenient: an unknown size or sector never
    leaves a question out."""
    if profile.size and where.sizes is not None and profile.size not in where.sizes:
        return False
    if profile.sector:
        if where.sectors is not None and profile.sector not in _sectors(model, where.sectors):
            return False
        if profile.sector in _sectors(model, where.not_sectors):
            return False
    return True


def _wording_fits(model: AuditModel, when: Applies, profile: Profile) -> bool:
    """Does a sector or size wording speak to `profile`? Strict: it must name the profile's
    sector (or size band); an unknown profile reads the generic words."""
    if when.sizes is not None and profile.size not in when.sizes:
        return False
    if when.sectors is not None and profile.sector not in _sectors(model, when.sectors):
        return False
    if profile.sector in _sectors(model, when.not_sectors):
        return False
    return True


def worded(model: AuditModel, item: Item, profile: Profile) -> Item:
    """`item` in the words of `profile`: the first fitting wording replaces each part it gives."""
    text = evidence = action = kpi = None
    for w in item.wording:
        if _wording_fits(model, w.when, profile):
            text, evidence = text or w.text, evidence or w.evidence
            action, kpi = action or w.action, kpi or w.kpi
    if not (text or evidence or action or kpi):
        return item
    new_action = item.action.model_copy(update={k: v for k, v in (("text", action), ("kpi", kpi)) if v})
    return item.model_copy(update={k: v for k, v in (("text", text), ("evidence", evidence)) if v}
                           | {"action": new_action})


# Caches keyed by id(model): each entry also holds the model itself, so that id cannot be reused
# by another model while the entry lives (tests build many models with the same version).
_CACHE: dict[tuple, tuple[AuditModel, AuditModel]] = {}


def for_profile(model: AuditModel, profile: Profile) -> AuditModel:
    """The whole model in the words of `profile` (every item kept: left-out ones are still
    needed to list them and bring them back). Cached per model and profile."""
    if not (profile.sector or profile.size):
        return model
    key = (id(model), profile)
    hit = _CACHE.get(key)
    if hit is None:
        pillars = [p.model_copy(update={"items": [worded(model, it, profile) for it in p.items]})
                   for p in model.pillars]
        hit = _CACHE[key] = (model, model.model_copy(update={"pillars": pillars}))
        # Wording a worded model again gives it back (for_assessment is called at every layer).
        _CACHE[(id(hit[1]), profile)] = (hit[1], hit[1])
    return hit[1]


def for_assessment(model: AuditModel, assessment) -> AuditModel:
    """The model in the words of `assessment`'s business (its sector and size): the one place the
    Results and Plan pages, the plan and every report take their question and action texts from.
    Wording only: the same items, ids, options and weights, so every score stays the same."""
    return for_profile(model, Profile.of(assessment.company.sector, assessment.company.size))


_LEFT_OUT: dict[tuple, tuple[AuditModel, list[str]]] = {}


def left_out(model: AuditModel, profile: Profile) -> list[str]:
    """Ids of the items not asked of `profile`, in model order (cached: every page asks)."""
    key = (id(model), profile)
    hit = _LEFT_OUT.get(key)
    if hit is None:
        hit = _LEFT_OUT[key] = (model, [it.id for p in model.pillars for it in p.items
                                        if not applies(model, it.applies, profile)])
    return list(hit[1])


def reason(model: AuditModel, item: Item, profile: Profile) -> str:
    """Why `item` is left out for `profile`: "size" or "sector"."""
    if profile.size and item.applies.sizes is not None and profile.size not in item.applies.sizes:
        return "size"
    return "sector"


def not_asked(model: AuditModel, profile: Profile, brought_back=()) -> set[str]:
    """Ids that count as not applicable: left out for the profile and not brought back."""
    back = set(brought_back)
    return {i for i in left_out(model, profile) if i not in back}


def parse_profile(text: str) -> Profile:
    """`sector=hospitality,size=micro` (the CLI's --profile). A size may also be given as the
    head count band it stands for: 1-9, 10-49, 50-249, 250+."""
    bands = {"1-9": "micro", "10-49": "small", "50-249": "medium", "250+": "large"}
    fields: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or key.strip() not in ("sector", "size"):
            raise ValueError(f"expected sector=<id> and/or size=<band>, got {part!r}")
        fields[key.strip()] = value.strip()
    size = bands.get(fields.get("size", ""), fields.get("size", ""))
    sector = fields.get("sector", "")
    if sector and sector not in SECTORS:
        raise ValueError(f"unknown sector {sector!r} (known: {', '.join(SECTORS)})")
    if size and size not in SIZES:
        raise ValueError(f"unknown size {size!r} (known: {', '.join(SIZES)} or 1-9, 10-49, 50-249, 250+)")
    return Profile.of(sector, size)
