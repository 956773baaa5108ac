"""The assessment: one business's answers, notes, plan edits and survey results, as data.

It is a JSON document (schema in docs/assessment.schema.json) that travels through the whole
program: the pages edit it, the store saves it, scoring and the report read it. Validation
against the audit model lives here too, so every entry point (CLI, upload, store) reports the same
problems in the same words.
"""
from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checklists.carryover import carry_assessment
from checklists.model import AuditModel
from scoring.survey_result import SurveyResult

SCHEMA_VERSION = 1
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_NOTE_CHARS = 20_000

AnswerValue = Literal[0, 1, 2, 3, 4, "na", "unknown"]


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


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
            raise ValueError("must be 0–4, \"na\" or \"unknown\"")
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


class PlanEdits(_Doc):
    # Target maturity level per pillar; missing means "current level + 1, at most 5".
    targets: dict[str, int] = Field(default_factory=dict)
    actions: dict[str, ActionEdit] = Field(default_factory=dict)
    # Hours a week the business can give to the plan; missing means the model's default for its size.
    capacity_hours_per_week: float | None = Field(default=None, gt=0, le=80)

    @field_validator("targets")
    @classmethod
    def _targets_in_range(cls, v: dict[str, int]) -> dict[str, int]:
        for pid, level in v.items():
            if not 1 <= level <= 5:
                raise ValueError(f"target for {pid} must be 1–5")
        return v


class Assessment(_Doc):
    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    model_version: str = ""
    language: Literal["el", "en"] = "el"
    company: Company = Field(default_factory=Company)
    assessor: Assessor = Field(default_factory=Assessor)
    created_at: str = Field(default_factory=now_iso)
    updated_at: str = Field(default_factory=now_iso)
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
            raise ValueError(f"schema_version {v} is newer than this app understands ({SCHEMA_VERSION})")
        if v < 1:
            raise ValueError("schema_version must be 1 or more")
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
        # Sorted like the answers, so that a document read back from its cells (scoring/cells.py
        # folds them in id order) is the very same document.
        data["plan"]["targets"] = dict(sorted(data["plan"]["targets"].items()))
        data["plan"]["actions"] = dict(sorted(data["plan"]["actions"].items()))
        return data


def new_assessment(model: AuditModel, language: str = "el") -> Assessment:
    return Assessment(model_version=model.version, language=language)


class AssessmentError(ValueError):
    """An assessment document is not valid. `problems` lists every problem as (where, what)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{w}: {m}" if w else m for w, m in problems))

    @property
    def first_line(self) -> str:
        where, what = self.problems[0]
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return (f"{where}: {what}" if where else what) + more


def _loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def _message(err: dict) -> str:
    kind = err["type"]
    loc = err["loc"]
    # Any problem with an answer's value gets the one message that says what is allowed.
    if (loc and loc[-1] == "value") or (len(loc) >= 3 and loc[0] == "answers" and "literal" in kind):
        return 'must be 0–4, "na" or "unknown"'
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def parse_assessment(
    raw: bytes | str | dict,
    model: AuditModel | None = None,
    *,
    allow_unknown_items: bool | None = False,
) -> tuple[Assessment, list[str]]:
    """Validate a document and return (assessment, ids of answers dropped as no longer in the model).

    Raises AssessmentError listing every problem. Unknown item ids are problems unless
    `allow_unknown_items` is true, or None ("auto") and the document was made with another model
    version: then they are dropped and returned so the caller can tell the user.
    """
    problems: list[tuple[str, str]] = []
    if isinstance(raw, (bytes, str)):
        size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
        if size > MAX_IMPORT_BYTES:
            raise AssessmentError([("", f"file is {size / 1048576:.1f} MB; the limit is 5 MB")])
        try:
            text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            raise AssessmentError([("", f"not UTF-8 text (byte {exc.start})")]) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AssessmentError([("", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")]) from None
    else:
        data = raw
    if not isinstance(data, dict):
        raise AssessmentError([("", "expected a JSON object at the top level")])
    if "answers" not in data:
        problems.append(("answers", "required field is missing"))
    try:
        assessment = Assessment.model_validate(data)
    except ValidationError as exc:
        problems.extend((_loc(e["loc"]), _message(e)) for e in exc.errors())
        raise AssessmentError(problems) from None
    dropped: list[str] = []
    if model is not None:
        carry_assessment(assessment, model)  # split and moved items keep their answers (carryover.yaml)
        known = model.item_pillar
        unknown = sorted(k for k in assessment.answers if k not in known)
        if allow_unknown_items is None:
            allow_unknown_items = assessment.model_version != model.version
        if unknown and not allow_unknown_items:
            problems.extend((f"answers.{k}", "unknown item id") for k in unknown)
        else:
            dropped = unknown
            for k in unknown:
                del assessment.answers[k]
        pillar_ids = {p.id for p in model.pillars}
        problems.extend(
            (f"plan.targets.{p}", "unknown pillar id") for p in assessment.plan.targets if p not in pillar_ids
        )
    if problems:
        raise AssessmentError(problems)
    if model is not None:
        assessment.model_version = model.version
    return assessment, dropped
