"""The audit content model: pillars, items, answer scale and maturity levels.

Everything here is data loaded from checklists/content/*.yaml; the classes only describe and
validate its shape. Ids carry meaning (PLAN-03 belongs to the pillar whose prefix is PLAN).
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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
    effort: Effort
    impact: int = Field(ge=1, le=3)
    horizon_days: Literal[30, 60, 90]
    kpi: Text
    # Recurring hours a month once the action is set up (a monthly meeting, a weekly check); 0 = one-off.
    routine_hours_per_month: float = Field(default=0, ge=0, le=160)


class Item(_Strict):
    id: str
    text: Text
    why: Text
    evidence: Text
    weight: int = Field(default=1, ge=1, le=3)
    critical: bool = False
    source: str
    action: Action

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
    def _ids_belong_to_pillar(self) -> "Pillar":
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


class ModelMeta(_Strict):
    version: str
    answer_scale: list[AnswerOption]
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

    @model_validator(mode="after")
    def _complete(self) -> "ModelMeta":
        if [o.value for o in self.answer_scale] != list(ANSWER_VALUES):
            raise ValueError(f"answer_scale must list the values {list(ANSWER_VALUES)} in that order")
        if [lv.level for lv in self.levels] != [1, 2, 3, 4, 5]:
            raise ValueError("levels must be 1 to 5 in order")
        return self


class AuditModel(ModelMeta):
    """The whole audit: metadata plus the five pillars in order."""

    pillars: list[Pillar]

    @model_validator(mode="after")
    def _consistent(self) -> "AuditModel":
        ids = [p.id for p in self.pillars]
        if sorted(ids) != sorted(PILLAR_IDS):
            raise ValueError(f"expected the pillars {list(PILLAR_IDS)}, found {ids}")
        source_files = {s.file for s in self.sources}
        all_ids: set[str] = set()
        for p in self.pillars:
            for it in p.items:
                if it.source not in source_files:
                    raise ValueError(f"item {it.id}: source {it.source!r} is not listed in model.yaml sources")
                if it.id in all_ids:
                    raise ValueError(f"item {it.id}: duplicate id across pillars")
                all_ids.add(it.id)
        return self

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

    def option(self, value) -> AnswerOption:
        for o in self.answer_scale:
            if o.value == value:
                return o
        raise KeyError(value)
