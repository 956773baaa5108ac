"""The audit content model: pillars, items, answer scale and maturity levels.

Everything here is data loaded from checklists/content/*.yaml; the classes only describe and
validate its shape. Ids carry meaning (PLAN-03 belongs to the pillar whose prefix is PLAN).
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checklists.profile import SECTORS, SIZES

LANGS = ("el", "en")
PILLAR_IDS = ("cx_plan", "segmentation", "emotional_connection", "training", "measurement")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """One visible string in both languages; neither may be empty."""

    el: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @field_validator("el", "en")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v.strip()

    def __call__(self, lang: str) -> str:
        return self.el if lang == "el" else self.en


AnswerValue = Literal[0, 1, 2, 3, 4, "na", "unknown"]
ANSWER_VALUES: tuple = (0, 1, 2, 3, 4, "na", "unknown")


class AnswerOption(_Strict):
    value: AnswerValue
    label: Text
    descriptor: Text


class Level(_Strict):
    level: int = Field(ge=1, le=5)
    min_score: int = Field(ge=0, lt=100)   # the lowest section score (0–100) at this level
    color: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")   # the level's colour in every chart and table
    name: Text
    description: Text


class Source(_Strict):
    file: str
    title: Text
    url: str | None = None


EFFORT_COST = {"S": 1, "M": 2, "L": 3}
Effort = Literal["S", "M", "L"]
# Used when model.yaml does not say (a model may predate these fields). One-off hours to set an
# action up, by effort; and the hours a week a business can give to the plan, by size band
# (checklists.profile.SIZES). scoring.plan reads them; docs/plan.md explains how.
DEFAULT_EFFORT_HOURS = {"S": 2.0, "M": 6.0, "L": 16.0}
DEFAULT_CAPACITY_HOURS_PER_WEEK = {"micro": 2.0, "small": 4.0, "medium": 8.0, "large": 16.0}


class Action(_Strict):
    text: Text
    effort: Effort                          # one-off work to set it up (hours in model.yaml effort_hours)
    impact: int = Field(ge=1, le=3)
    horizon_days: Literal[30, 60, 90]
    kpi: Text
    # Recurring cost once it is set up, in hours a month (0 = one-off). A weekly 15-minute huddle
    # for a team of four is 4 × 0.25 × 4.3 ≈ 4 h of people's time a month.
    routine_hours_per_month: float = Field(default=0, ge=0, le=160)
    # True: the routine is an agenda point of the one monthly CX meeting (model.yaml cx_meeting)
    # rather than a meeting of its own; its routine hours are that point's share of the meeting.
    in_cx_meeting: bool = False
    # What to do about personal data when the action stores or uses customer details (GDPR,
    # Ν. 4624/2019, and Ν. 3471/2006 for marketing messages). Required when stores_customer_data.
    stores_customer_data: bool = False
    privacy: Text | None = None

    @model_validator(mode="after")
    def _privacy_when_data(self) -> Action:
        if self.stores_customer_data and self.privacy is None:
            raise ValueError("an action that stores customer data needs a privacy note")
        return self


ANSWER_SETS = ("frequency", "existence")


class Applies(_Strict):
    """Where an item, or one of its wordings, applies. Omitted lists mean "everywhere".
    `sectors` and `not_sectors` name profile sectors (checklists/profile.py) or sector groups
    (model.yaml sector_groups)."""

    sizes: list[str] | None = None
    sectors: list[str] | None = None
    not_sectors: list[str] = Field(default_factory=list)

    @field_validator("sizes")
    @classmethod
    def _known_sizes(cls, v):
        for s in v or ():
            if s not in SIZES:
                raise ValueError(f"unknown size band {s!r} (known: {', '.join(SIZES)})")
        return v

    def names(self) -> list[str]:
        return [*(self.sectors or ()), *self.not_sectors]


class Wording(_Strict):
    """Text that replaces the generic wording of an item for some sectors or sizes: the same
    question in that business's own words (the till, the room, the appointment, the parcel)."""

    when: Applies
    text: Text | None = None
    evidence: Text | None = None
    action: Text | None = None
    kpi: Text | None = None

    @model_validator(mode="after")
    def _says_something(self) -> Wording:
        if not (self.text or self.evidence or self.action or self.kpi):
            raise ValueError("a wording must replace at least one of text, evidence, action, kpi")
        if not (self.when.sizes or self.when.sectors or self.when.not_sectors):
            raise ValueError("a wording needs a `when` with sizes or sectors")
        return self


class Item(_Strict):
    id: str
    text: Text
    why: Text
    evidence: Text
    weight: int = Field(default=1, ge=1, le=3)
    critical: bool = False
    source: str
    action: Action
    # Which answer set labels the 0–4 values: "frequency" for practices (how often, how fully),
    # "existence" for questions about whether something exists. Same values, same points.
    answers: Literal["frequency", "existence"] = "frequency"
    applies: Applies = Field(default_factory=Applies)
    wording: list[Wording] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{2,5}-\d{2}", v):
            raise ValueError("item id must look like PLAN-03")
        return v


class Pillar(_Strict):
    id: Literal[PILLAR_IDS]  # type: ignore[valid-type]
    prefix: str
    order: int
    title: Text
    short_title: Text
    description: Text
    weight: float = Field(default=1, gt=0, le=10)
    items: list[Item] = Field(min_length=8)

    @model_validator(mode="after")
    def _ids_belong_to_pillar(self) -> Pillar:
        seen = set()
        for item in self.items:
            if not item.id.startswith(self.prefix + "-"):
                raise ValueError(f"item {item.id}: id must start with the pillar prefix {self.prefix}-")
            if item.id in seen:
                raise ValueError(f"item {item.id}: duplicate id")
            seen.add(item.id)
        return self


def _positive_hours(v: dict[str, float], what: str) -> dict[str, float]:
    for key, hours in v.items():
        if not 0 < hours <= 168:
            raise ValueError(f"{what}[{key}] must be more than 0 and at most 168 hours")
    return v


class CxMeeting(_Strict):
    """The one monthly CX meeting into which the monthly routines are bundled as agenda points."""

    title: Text
    minutes: int = Field(ge=15, le=240)


class ModelMeta(_Strict):
    version: str
    answer_scale: list[AnswerOption]                 # the frequency set, for practices
    answer_sets: dict[str, list[AnswerOption]] = Field(default_factory=dict)   # other sets by name
    # Points out of 100 that each answer value scores; "na" has none (it is left out of the score).
    answer_points: dict[int | str, int]
    levels: list[Level]
    sources: list[Source]
    effort_hours: dict[Effort, float] = Field(default_factory=lambda: dict(DEFAULT_EFFORT_HOURS))
    capacity_hours_per_week: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_CAPACITY_HOURS_PER_WEEK))

    @field_validator("effort_hours")
    @classmethod
    def _every_effort(cls, v: dict[str, float]) -> dict[str, float]:
        if set(v) != set(EFFORT_COST):
            raise ValueError("effort_hours must give hours for S, M and L")
        return _positive_hours(v, "effort_hours")

    @field_validator("capacity_hours_per_week")
    @classmethod
    def _capacity_hours(cls, v: dict[str, float]) -> dict[str, float]:
        if not v:
            raise ValueError("capacity_hours_per_week must give hours for at least one size band")
        return _positive_hours(v, "capacity_hours_per_week")

    # Named groups of sectors that `applies` and `wording` refer to (e.g. walk_in, or care for
    # health and beauty, which share one wording).
    sector_groups: dict[str, list[str]] = Field(default_factory=dict)
    cx_meeting: CxMeeting | None = None

    @model_validator(mode="after")
    def _complete(self) -> ModelMeta:
        if [o.value for o in self.answer_scale] != list(ANSWER_VALUES):
            raise ValueError(f"answer_scale must list the values {list(ANSWER_VALUES)} in that order")
        for name, options in self.answer_sets.items():
            if name not in ANSWER_SETS or name == "frequency":
                raise ValueError(f"answer_sets: unknown set {name!r} (known: existence)")
            if [o.value for o in options] != list(ANSWER_VALUES):
                raise ValueError(f"answer_sets.{name} must list the values {list(ANSWER_VALUES)} in that order")
        if [lv.level for lv in self.levels] != [1, 2, 3, 4, 5]:
            raise ValueError("levels must be 1 to 5 in order")
        lows = [lv.min_score for lv in self.levels]
        if lows[0] != 0 or any(a >= b for a, b in zip(lows, lows[1:], strict=False)):
            raise ValueError("levels: min_score must start at 0 and rise from level to level")
        scored = [v for v in ANSWER_VALUES if v != "na"]
        if set(self.answer_points) != set(scored):
            raise ValueError(f"answer_points must give the points of {scored} (not na)")
        steps = [self.answer_points[v] for v in (0, 1, 2, 3, 4)]
        if steps[0] != 0 or steps[-1] != 100 or any(a >= b for a, b in zip(steps, steps[1:], strict=False)):
            raise ValueError("answer_points must rise from 0 (answer 0) to 100 (answer 4)")
        if not 0 <= self.answer_points["unknown"] <= 100:
            raise ValueError("answer_points.unknown must be 0–100")
        for band in self.capacity_hours_per_week:
            if band not in SIZES:
                raise ValueError(f"capacity_hours_per_week: unknown size band {band!r}")
        for name, members in self.sector_groups.items():
            if name in SECTORS:
                raise ValueError(f"sector_groups: {name!r} is a sector id, not a group name")
            for s in members:
                if s not in SECTORS:
                    raise ValueError(f"sector_groups.{name}: unknown sector {s!r}")
        return self


def version_key(version: str) -> tuple[int, ...]:
    """A model version ("2026.12", "2026.12.1": year, month, then a release within the month) as
    numbers, so that versions order as released ("2026.12" < "2026.12.1" < "2027.01")."""
    if not re.fullmatch(r"\d+(\.\d+)+", version):
        raise ValueError(f"model version {version!r} is not numbers with dots, e.g. 2026.12.1")
    return tuple(int(p) for p in version.split("."))


class CarryStep(_Strict):
    """How answers given with `from_version` move to `to_version` (checklists/content/carryover.yaml).
    An id that is still in the model keeps its answer; a split item's answer, note and plan edits
    go to the first id of its parts (the part the old question was really about), the other parts
    start unanswered; a removed item's answer is dropped, unless a later step lists the id as
    `restored` (the same question back under its id): then the answer given before it was removed
    comes back with it."""

    from_version: str
    to_version: str
    previous_items: list[str]
    splits: dict[str, list[str]] = Field(default_factory=dict)
    removed: list[str] = Field(default_factory=list)
    restored: list[str] = Field(default_factory=list)


class AuditModel(ModelMeta):
    """The whole audit: metadata plus the five pillars in order."""

    pillars: list[Pillar]
    carryover: list[CarryStep] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> AuditModel:
        ids = [p.id for p in self.pillars]
        if sorted(ids) != sorted(PILLAR_IDS):
            raise ValueError(f"expected the pillars {list(PILLAR_IDS)}, found {ids}")
        source_files = {s.file for s in self.sources}
        known_sectors = set(SECTORS) | set(self.sector_groups)
        all_ids: set[str] = set()
        for p in self.pillars:
            for it in p.items:
                if it.source not in source_files:
                    raise ValueError(f"item {it.id}: source {it.source!r} is not listed in model.yaml sources")
                if it.id in all_ids:
                    raise ValueError(f"item {it.id}: duplicate id across pillars")
                all_ids.add(it.id)
                if it.answers != "frequency" and it.answers not in self.answer_sets:
                    raise ValueError(f"item {it.id}: answer set {it.answers!r} is not in model.yaml answer_sets")
                for where in (it.applies, *(w.when for w in it.wording)):
                    for name in where.names():
                        if name not in known_sectors:
                            raise ValueError(f"item {it.id}: unknown sector or sector group {name!r}")
        self._check_carryover(all_ids)
        return self

    def _check_carryover(self, current: set[str]) -> None:
        """Every step leads to a later version, accounts for every item of the version it starts
        from, and points only at items of the version it ends in."""
        for n, step in enumerate(self.carryover):
            last = n == len(self.carryover) - 1
            after = current if last else set(self.carryover[n + 1].previous_items)
            expected_to = self.version if last else self.carryover[n + 1].from_version
            if step.to_version != expected_to:
                raise ValueError(
                    f"carryover: step {step.from_version} leads to {step.to_version}, expected {expected_to}"
                )
            if version_key(step.to_version) <= version_key(step.from_version):
                raise ValueError(f"carryover: step {step.from_version} leads back to {step.to_version}")
            before = set(step.previous_items)
            earlier_removed = {i for s in self.carryover[:n] for i in s.removed}
            for back in step.restored:
                if back not in after or back in before or back not in earlier_removed:
                    raise ValueError(f"carryover {step.to_version}: restored {back} was not removed "
                                     f"by an earlier step, or is not a {step.to_version} item")
            for old, parts in step.splits.items():
                if old not in before:
                    raise ValueError(f"carryover {step.to_version}: split {old} is not a {step.from_version} item")
                missing = [p for p in parts if p not in after]
                if not parts or missing:
                    raise ValueError(f"carryover {step.to_version}: split {old} names unknown items {missing}")
            for old in before:
                if old not in after and old not in step.splits and old not in step.removed:
                    raise ValueError(f"carryover {step.to_version}: {old} is gone but neither split nor removed")

    # Lookups used everywhere; cheap because the model is small and frozen.
    def pillar(self, pillar_id: str) -> Pillar:
        for p in self.pillars:
            if p.id == pillar_id:
                return p
        raise KeyError(pillar_id)

    @property
    def items(self) -> dict[str, Item]:
        return {it.id: it for p in self.pillars for it in p.items}

    @property
    def item_pillar(self) -> dict[str, str]:
        return {it.id: p.id for p in self.pillars for it in p.items}

    def level(self, n: int) -> Level:
        return self.levels[n - 1]

    @property
    def level_colors(self) -> dict[int, str]:
        """{level: "#rrggbb"}, the colour of each level in charts and tables."""
        return {lv.level: lv.color for lv in self.levels}

    def options(self, item: Item | str | None = None) -> list[AnswerOption]:
        """The answer set that labels `item`'s values (the frequency scale when none is given)."""
        if isinstance(item, str):
            item = self.items.get(item)
        name = item.answers if item is not None else "frequency"
        return self.answer_scale if name == "frequency" else self.answer_sets[name]

    def option(self, value, item: Item | str | None = None) -> AnswerOption:
        for o in self.options(item):
            if o.value == value:
                return o
        raise KeyError(value)
