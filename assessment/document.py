"""The assessment: one business's answers, notes, plan edits and survey results, as data.

It is a JSON document (schema in docs/assessment.schema.json) that travels through the whole
program: the pages edit it, the store saves it, scoring and the report read it. Validation
against the audit model lives here too, so every entry point (CLI, upload, store) reports the same
problems: as codes (i18n.problems.Problem), which the pages and the CLIs render in the user's language.
"""
from __future__ import annotations

import json
import re
import types
import typing
import uuid
from datetime import UTC, date, datetime
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from assessment import jsonfile
from assessment.survey_result import SurveyResult
from checklists.carryover import carry_assessment
from checklists.model import AnswerValue, AuditModel
from checklists.profile import SECTORS, SIZES
from i18n.problems import Problem, ProblemError, from_pydantic

SCHEMA_VERSION = 1
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_NOTE_CHARS = 20_000


_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Answer(_Doc):
    # None means "not answered yet" (a note may still be there).
    value: AnswerValue | None = None
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)

    @field_validator("value", mode="before")
    @classmethod
    def _no_bools(cls, v: Any) -> Any:
        # JSON true/false would otherwise pass as 1/0.
        if isinstance(v, bool):
            raise PydanticCustomError("answer_value", "must be 0-4, na or unknown")
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v


class Company(_Doc):
    name: str = Field(default="", max_length=200)
    sector: str = Field(default="", max_length=100)
    size: str = Field(default="", max_length=50)
    city: str = Field(default="", max_length=100)


class Assessor(_Doc):
    name: str = Field(default="", max_length=200)
    organisation: str = Field(default="", max_length=200)


class ActionEdit(_Doc):
    """The user's edits to one improvement action (keyed by the item id of its gap)."""

    owner: str = Field(default="", max_length=200)
    due: date | None = None
    status: Literal["todo", "doing", "done"] = "todo"
    # None: as the plan suggests (an action that lifts its section to target is in, the rest are
    # "later"); True: the user added it; False: the user dropped it.
    include: bool | None = None

    @field_validator("due", mode="before")
    @classmethod
    def _iso_date(cls, v: Any) -> Any:
        # A date is written as "YYYY-MM-DD" in the file; read it here, so that an import can be
        # validated strictly (no numbers taken as timestamps, no "1" taken as true elsewhere).
        if isinstance(v, str):
            try:
                return date.fromisoformat(v)
            except ValueError:
                raise PydanticCustomError("date_parsing", "not a date") from None
        return v


class PlanEdits(_Doc):
    # Target maturity level per pillar; missing means "current level + 1, at most 5".
    targets: dict[str, int] = Field(default_factory=dict)
    actions: dict[str, ActionEdit] = Field(default_factory=dict)
    # Hours a week the business can give to the plan; missing means the model's default for its size.
    capacity_hours_per_week: float | None = Field(default=None, gt=0, le=80)

    @field_validator("targets")
    @classmethod
    def _targets_in_range(cls, v: dict[str, int]) -> dict[str, int]:
        for level in v.values():
            if not 1 <= level <= 5:
                raise PydanticCustomError("target_range", "target must be 1-5")
        return v


class Assessment(_Doc):
    schema_version: int = SCHEMA_VERSION
    # The store's key and the resume link's ?assessment=: letters, digits, - and _ (64 at most).
    id: str = Field(default_factory=lambda: uuid.uuid4().hex, json_schema_extra={"pattern": "^[A-Za-z0-9_-]{1,64}$"})
    model_version: str = Field(default="", max_length=50)
    language: Literal["el", "en"] = "el"
    company: Company = Field(default_factory=Company)
    assessor: Assessor = Field(default_factory=Assessor)
    created_at: str = Field(default_factory=now_iso, json_schema_extra={"format": "date-time"})
    updated_at: str = Field(default_factory=now_iso, json_schema_extra={"format": "date-time"})
    answers: dict[str, Answer] = Field(default_factory=dict)
    # Questions left out for this business's size or sector that the user chose to answer
    # anyway (checklists/applicability.py). Left-out questions not listed here count as "na".
    brought_back: list[str] = Field(default_factory=list)
    plan: PlanEdits = Field(default_factory=PlanEdits)
    # Survey results saved on the Measure page, in the order first saved; change them only
    # through save_survey() / remove_survey() (one result per metric and column).
    surveys: list[SurveyResult] = Field(default_factory=list, max_length=200)

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, v: int) -> int:
        if v > SCHEMA_VERSION:
            raise PydanticCustomError("newer_schema", "schema_version is newer than this app",
                                      {"version": v, "max": SCHEMA_VERSION})
        if v < 1:
            raise PydanticCustomError("old_schema", "schema_version must be 1 or more")
        return v

    @field_validator("id")
    @classmethod
    def _id_format(cls, v: str) -> str:
        if not _ID.fullmatch(v):
            raise PydanticCustomError("id_format", "invalid id")
        return v

    @field_validator("created_at", "updated_at")
    @classmethod
    def _iso_datetime(cls, v: str) -> str:
        # Shown as dates in the lists and the report, and stored as timestamps.
        try:
            datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            raise PydanticCustomError("datetime_text", "not an ISO date and time") from None
        if len(v) > 40:
            raise PydanticCustomError("datetime_text", "not an ISO date and time")
        return v

    # ---- small, obvious mutations used by the pages (they keep updated_at honest) ----
    def value(self, item_id: str):
        a = self.answers.get(item_id)
        return a.value if a else None

    def note(self, item_id: str) -> str:
        a = self.answers.get(item_id)
        return a.note if a else ""

    def set_value(self, item_id: str, value) -> None:
        a = self.answers.get(item_id) or Answer()
        self.answers[item_id] = a.model_copy(update={"value": value})
        self.touch()

    def set_note(self, item_id: str, note: str) -> None:
        a = self.answers.get(item_id) or Answer()
        self.answers[item_id] = a.model_copy(update={"note": note[:MAX_NOTE_CHARS]})
        self.touch()

    def save_survey(self, result: SurveyResult) -> bool:
        """Add a survey result, or replace the one with the same metric and column in place
        (a corrected file for the same question updates it). Returns whether it replaced one."""
        same = [i for i, s in enumerate(self.surveys) if s.key == result.key]
        surveys = list(self.surveys)
        if same:
            surveys[same[0]] = result
        else:
            surveys.append(result)
        self.surveys = surveys
        self.touch()
        return bool(same)

    def remove_survey(self, key: tuple[str, str | None]) -> SurveyResult | None:
        """Remove the result with this key (SurveyResult.key); returns it, or None if absent."""
        gone = next((s for s in self.surveys if s.key == key), None)
        if gone is not None:
            self.surveys = [s for s in self.surveys if s.key != key]
            self.touch()
        return gone

    def touch(self) -> None:
        self.updated_at = now_iso()

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_dict(self) -> dict:
        data = self.model_dump(mode="json")
        # Unanswered entries with no note carry nothing: keep the document tidy.
        data["answers"] = {
            k: {kk: vv for kk, vv in v.items() if not (kk == "note" and vv == "")}
            for k, v in sorted(data["answers"].items())
            if v["value"] is not None or v["note"]
        }
        # Sorted like the answers, so that a document read back from its cells (assessment/cells.py
        # folds them in id order) is the very same document.
        data["plan"]["targets"] = dict(sorted(data["plan"]["targets"].items()))
        data["plan"]["actions"] = dict(sorted(data["plan"]["actions"].items()))
        return data


def new_assessment(model: AuditModel, language: str = "el") -> Assessment:
    return Assessment(model_version=model.version, language=language)


# ---------------------------------------------------------------- validating a document from outside
class AssessmentError(ProblemError):
    """An assessment document is not valid. `problems` lists every problem (i18n.problems.Problem);
    render them with `first_line(lang)` / `lines(lang)`."""


def _without_none(ann: Any) -> Any:
    args = [a for a in typing.get_args(ann) if a is not type(None)]
    return args[0] if typing.get_origin(ann) in (typing.Union, types.UnionType) and len(args) == 1 else ann


def _choices(loc: tuple, root: type[BaseModel]) -> tuple | None:
    """The values the Literal field at `loc` allows (pydantic's ctx has them only as English text)."""
    ann: Any = root
    for part in loc:
        ann = _without_none(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            if str(part) not in ann.model_fields:
                return None
            ann = ann.model_fields[str(part)].annotation
        elif typing.get_origin(ann) in (dict, list):
            ann = typing.get_args(ann)[-1]
        else:
            return None
    ann = _without_none(ann)
    return typing.get_args(ann) if typing.get_origin(ann) is Literal else None


def _problem(err: dict) -> Problem:
    """A pydantic error as a Problem (its type the code, its ctx the parameters)."""
    loc = tuple(err.get("loc") or ())
    # Any problem with an answer's value gets the one message that says what is allowed.
    if len(loc) == 3 and loc[0] == "answers" and loc[2] == "value":
        return Problem(".".join(map(str, loc)), "answer_value")
    allowed = _choices(loc, Assessment) if err.get("type") == "literal_error" else None
    return from_pydantic(err, (), allowed)


def _field_problems(data: dict) -> list[Problem]:
    """Every field of the document, strictly typed (JSON true is not 1, "3" is not 3)."""
    problems: list[Problem] = []
    try:
        Assessment.model_validate(data, strict=True)
    except ValidationError as exc:
        problems.extend(_problem(e) for e in exc.errors())
    company = data.get("company")
    if isinstance(company, dict):
        if isinstance(company.get("sector"), str) and company["sector"] and company["sector"] not in SECTORS:
            problems.append(Problem("company.sector", "unknown_sector"))
        if isinstance(company.get("size"), str) and company["size"] and company["size"] not in SIZES:
            problems.append(Problem("company.size", "unknown_size"))
    return problems


def _unknown_in_data(data: dict, model: AuditModel) -> list[Problem]:
    """Unknown item and pillar ids as written in a document that is invalid anyway, so that the
    user sees them with the other problems (only for a document made with this model version:
    an older one's ids are carried over, or dropped, once it is valid)."""
    def keys(parent: Any, name: str) -> list[str]:
        value = parent.get(name) if isinstance(parent, dict) else None
        return sorted(str(k) for k in value) if isinstance(value, dict) else []

    plan = data.get("plan")
    pillars = {p.id for p in model.pillars}
    return (
        [Problem(f"answers.{k}", "unknown_item") for k in keys(data, "answers") if k not in model.item_pillar]
        + [Problem(f"plan.actions.{k}", "unknown_item") for k in keys(plan, "actions") if k not in model.item_pillar]
        + [Problem(f"plan.targets.{k}", "unknown_pillar") for k in keys(plan, "targets") if k not in pillars]
    )


class Imported(NamedTuple):
    assessment: Assessment
    dropped: list[str]          # answers to items the current model no longer has, left out
    source_model_version: str   # the model version the file was made with


def read_assessment(raw: bytes | str | dict, model: AuditModel | None = None, *,
                    allow_unknown_items: bool | None = False) -> Imported:
    """Validate a document from outside (a file, a CLI's input) completely. Raises AssessmentError
    listing every problem, found all at once: wrong fields and unknown item ids together.

    Answers to items that were split or moved since the document's model version are carried
    over (checklists/carryover.py). Unknown item ids are problems unless `allow_unknown_items` is
    true, or None ("auto") and the document was made with another model version: then they are
    dropped and returned so the caller can tell the user.
    """
    if isinstance(raw, (bytes, str)):
        try:
            data = jsonfile.load(raw, max_bytes=MAX_IMPORT_BYTES)
        except ProblemError as exc:
            raise AssessmentError(exc.problems) from None
    else:
        data = raw
        try:
            jsonfile.check(data)
        except ProblemError as exc:
            raise AssessmentError(exc.problems) from None
    if not isinstance(data, dict):
        raise AssessmentError([Problem("", "not_object")])
    problems: list[Problem] = []
    if "answers" not in data:
        problems.append(Problem("answers", "missing"))
    problems.extend(_field_problems(data))
    source_version = data.get("model_version") if isinstance(data.get("model_version"), str) else ""
    if problems:
        if model is not None and source_version == model.version:
            problems.extend(p for p in _unknown_in_data(data, model) if p not in problems)
        raise AssessmentError(problems)
    assessment = Assessment.model_validate(data, strict=True)
    dropped: list[str] = []
    if model is not None:
        carry_assessment(assessment, model)  # split and moved items keep their answers (carryover.yaml)
        known = model.item_pillar
        unknown = sorted(k for k in assessment.answers if k not in known)
        unknown_actions = sorted(k for k in assessment.plan.actions if k not in known)
        if allow_unknown_items is None:
            allow_unknown_items = source_version != model.version
        if not allow_unknown_items:
            problems.extend(Problem(f"answers.{k}", "unknown_item") for k in unknown)
            problems.extend(Problem(f"plan.actions.{k}", "unknown_item") for k in unknown_actions)
        else:
            dropped = unknown
            for k in unknown:
                del assessment.answers[k]
            for k in unknown_actions:
                del assessment.plan.actions[k]
        pillar_ids = {p.id for p in model.pillars}
        problems.extend(Problem(f"plan.targets.{p}", "unknown_pillar")
                        for p in assessment.plan.targets if p not in pillar_ids)
        if problems:
            raise AssessmentError(problems)
        assessment.model_version = model.version
    return Imported(assessment, dropped, source_version)


def parse_assessment(raw: bytes | str | dict, model: AuditModel | None = None, *,
                     allow_unknown_items: bool | None = False) -> tuple[Assessment, list[str]]:
    """read_assessment(...) as (assessment, ids of answers dropped as no longer in the model)."""
    imported = read_assessment(raw, model, allow_unknown_items=allow_unknown_items)
    return imported.assessment, imported.dropped
