"""One saved survey result (NPS, CSAT or CES from the Measure page) as it is stored in the
assessment: typed, strict, and complete enough for every page and the report to show it.

Pure pydantic (no pandas): the pillar page and the PDF format their evidence lines from it
(surveys/evidence.py).  Entries saved before this type existed are plain dicts of the same
fields; they load as they are.  Fields that only repeat what ``formula_id`` says (the
formula text, the interval method, the direction) are completed or corrected from it, so an
older or hand-made entry with a missing or unknown formula still shows.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator
from pydantic_core import PydanticCustomError

from surveys.scales import BY_FORMULA, SMALL_SAMPLE, get_scale

Metric = Literal["nps", "csat", "ces"]
FORMULA_IDS = list(BY_FORMULA)
# "2026-03" (a month) or "2026Q1" (a quarter): the labels of the breakdown by period
PERIOD_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])|Q[1-4])$"
METHOD_OF = {"nps": "adjusted_wald", "share": "wilson", "mean": "t"}


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Breakdown(BaseModel):
    """The metric for one period ("2026-03", "2026Q1") or one segment ("Booking.com"; "" for the
    answers without a segment): what the report's trend and segment charts draw."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    label: str = Field(max_length=100)
    value: float | None = Field(default=None, allow_inf_nan=False)
    n: int = Field(default=0, ge=0)
    ci_low: float | None = Field(default=None, allow_inf_nan=False)
    ci_high: float | None = Field(default=None, allow_inf_nan=False)

    @classmethod
    def from_row(cls, row: dict[str, Any], label: str) -> Breakdown:
        return cls(label=str(label)[:100], value=row.get("value"), n=int(row.get("n") or 0),
                   ci_low=row.get("ci_low"), ci_high=row.get("ci_high"))


MAX_PERIODS = 60
MAX_SEGMENTS = 30


class SurveyResult(BaseModel):
    """NPS +32 (n = 214, 95 % interval +22 to +41, Jan–Mar 2026) from column C of file F."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    metric: Metric
    column: str | None = Field(default=None, max_length=500, description="the file's column holding the scores")
    value: float | None = Field(default=None, allow_inf_nan=False, description=(
        "headline: NPS −100…100, a share 0…100 (%), or a mean on the scale; null only when n = 0"))
    n: int = Field(default=0, ge=0, description="answers counted")
    ci_low: float | None = Field(default=None, allow_inf_nan=False, description="95 % interval, low end")
    ci_high: float | None = Field(default=None, allow_inf_nan=False, description="95 % interval, high end")
    ci_method: str | None = Field(default=None, max_length=20,
                                  json_schema_extra={"enum": ["adjusted_wald", "wilson", "t", None]},
                                  description="how the interval was computed (follows formula_id)")
    period_from: str | None = Field(default=None, pattern=PERIOD_PATTERN,
                                    description="first period with answers: 2026-01 or 2026Q1")
    period_to: str | None = Field(default=None, pattern=PERIOD_PATTERN, description="last period with answers")
    # Only for entries without period_from/period_to (older ones): the period as text.
    period_label: dict[Literal["el", "en"], str] | None = None
    scale: str | None = Field(default=None, max_length=20,
                              json_schema_extra={"enum": ["0-10", "1-5", "1-7", None]})
    formula_id: str | None = Field(default=None, max_length=50,
                                   json_schema_extra={"enum": [*FORMULA_IDS, None]},
                                   description="which formula produced value (docs/metrics.md)")
    formula: str | None = Field(default=None, max_length=500)
    higher_is_better: bool = True
    source: str | None = Field(default=None, max_length=255, description="the uploaded file's name")
    segment_column: str | None = Field(default=None, max_length=500,
                                       description="the file's column the segments come from (by_segment)")
    invalid: int = Field(default=0, ge=0, description="rows not counted (empty, not a number, off the scale)")
    saved_at: str | None = Field(default=None, max_length=40, description="when it was saved (ISO 8601, UTC)")
    # The breakdowns the report charts (saved since session 14; older entries have none and the
    # report says so): answers per named group of the scale (NPS: detractors, passives,
    # promoters), the metric per period with answers, and per segment.
    groups: dict[str, int] | None = Field(default=None, description="answers per group of the scale")
    by_period: list[Breakdown] = Field(default_factory=list, max_length=MAX_PERIODS)
    by_segment: list[Breakdown] = Field(default_factory=list, max_length=MAX_SEGMENTS)

    # ---- carry-over: complete what the formula determines -----------------------------------
    @model_validator(mode="before")
    @classmethod
    def _complete(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("metric") not in ("nps", "csat", "ces"):
            return data
        data = dict(data)
        metric, fid = data["metric"], data.get("formula_id")
        known = BY_FORMULA.get(fid) if isinstance(fid, str) else None
        if fid is None or (isinstance(fid, str) and (known is None or known.metric != metric)):
            scale = data.get("scale")
            ces_scale = 5 if metric == "ces" and scale == "1-5" else 7
            known = get_scale(metric, ces_scale)
            data["formula_id"] = known.formula_id
        if known is not None:
            data.setdefault("scale", known.label)
            if data.get("scale") is None:
                data["scale"] = known.label
            if data.get("formula") is None or fid != known.formula_id:
                data["formula"] = known.formula
            if data.get("ci_method") is not None or data.get("ci_low") is not None:
                data["ci_method"] = METHOD_OF[known.headline]
            if "higher_is_better" not in data or fid != known.formula_id:
                data["higher_is_better"] = known.higher_is_better
        return data

    # ---- what every page needs to show it ----------------------------------------------------
    @model_validator(mode="after")
    def _showable(self) -> SurveyResult:
        # formula_id, scale and ci_method are plain strings in the type (so that a wrong metric
        # is reported alone); the carry-over above has set them from the formula.
        sc = BY_FORMULA.get(self.formula_id or "")
        if sc is None or sc.metric != self.metric or sc.label != self.scale:
            raise PydanticCustomError("survey_formula_mismatch",
                                      "formula {formula_id} is not for {metric} on {scale}",
                                      {"formula_id": self.formula_id, "metric": self.metric,
                                       "scale": self.scale})
        if self.n > 0 and self.value is None:
            raise PydanticCustomError("survey_value_missing", "a result with answers needs a value")
        lo, hi = _bounds(sc)
        for name in ("value", "ci_low", "ci_high"):
            x = getattr(self, name)
            if x is not None and not lo - 1e-9 <= x <= hi + 1e-9:
                raise PydanticCustomError("survey_value_out_of_range",
                                          "{field} {value} is outside {low}…{high}",
                                          {"field": name, "value": x, "low": lo, "high": hi})
        if (self.ci_low is None) != (self.ci_high is None):
            raise PydanticCustomError("survey_interval_incomplete", "an interval needs both ends")
        if self.ci_low is not None and self.ci_low > self.ci_high:
            raise PydanticCustomError("survey_interval_reversed", "the interval's low end is above its high end")
        if self.period_from and self.period_to and self.period_from[4] != self.period_to[4]:
            raise PydanticCustomError("survey_period_mixed", "a period runs from month to month or quarter to quarter")
        return self

    @model_serializer(mode="wrap")
    def _without_empty_breakdowns(self, handler):
        """Results without breakdowns are written as before (no empty fields in older documents)."""
        data = handler(self)
        for name in ("groups", "by_period", "by_segment"):
            if not data.get(name):
                data.pop(name, None)
        return data

    # ---- identity --------------------------------------------------------------------------
    @property
    def key(self) -> tuple[str, str | None]:
        """Saving a result for the same metric and column replaces the earlier one."""
        return (self.metric, self.column)

    @property
    def key_text(self) -> str:
        """The key as one unambiguous string, for any column text."""
        return json.dumps(list(self.key), ensure_ascii=False)

    @property
    def kind(self) -> str:
        """'nps' (signed points), 'share' (a percentage) or 'mean' (a score on the scale)."""
        return BY_FORMULA[self.formula_id].headline

    @property
    def small_sample(self) -> bool:
        return 0 < self.n < SMALL_SAMPLE

    @classmethod
    def from_analysis(cls, result: dict[str, Any], source: str | None = None,
                      saved_at: str | None = None) -> SurveyResult:
        """The entry for one ``surveys.analysis.analyze_table`` result."""
        periods = [p.get("period") or p.get("label") for p in result.get("by_period") or [] if p.get("n")]
        return cls(
            metric=result["metric"], column=(result.get("columns") or {}).get("value"),
            value=result.get("value"), n=result.get("n") or 0,
            ci_low=result.get("ci_low"), ci_high=result.get("ci_high"), ci_method=result.get("ci_method"),
            period_from=periods[0] if periods else None, period_to=periods[-1] if periods else None,
            scale=result.get("scale"), formula_id=result.get("formula_id"), formula=result.get("formula"),
            higher_is_better=result.get("higher_is_better", True),
            source=source[:255] if source else None, invalid=len(result.get("invalid_rows") or []),
            segment_column=((result.get("columns") or {}).get("segment") or None) if result.get("by_segment") else None,
            saved_at=saved_at or _utc_now(),
            groups={str(k): int(v) for k, v in (result.get("groups") or {}).items()} or None,
            by_period=[Breakdown.from_row(p, p.get("period") or p.get("label"))
                       for p in result.get("by_period") or [] if p.get("n")][-MAX_PERIODS:],
            # the largest segments first; answers without a segment (segment None) as ""
            by_segment=sorted((Breakdown.from_row(p, p.get("segment") or "") for p in result.get("by_segment") or []
                               if p.get("n")), key=lambda b: -b.n)[:MAX_SEGMENTS])


def _bounds(sc) -> tuple[float, float]:
    if sc.headline == "nps":
        return (-100.0, 100.0)
    if sc.headline == "share":
        return (0.0, 100.0)
    return (float(sc.low), float(sc.high))
