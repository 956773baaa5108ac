"""Response scales: which scores a metric accepts, its groups and its formula.

Plain data (no pandas): the saved survey results and the evidence lines use it too.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import SurveyInputError

METRICS = ("nps", "csat", "ces")
# Fewer answers than this and a result is indicative only: the metric's warning, the saved
# result's flag, the Measure page and the report all read it from here.
SMALL_SAMPLE = 30


@dataclass(frozen=True)
class Scale:
    """A response scale and how a metric reads it."""
    metric: str
    low: int
    high: int
    label: str                      # "0-10"
    groups: tuple[tuple[str, int, int], ...]  # (name, low, high) inclusive
    share_group: str                # the group whose share is reported
    higher_is_better: bool
    headline: str                   # "nps" | "share" | "mean"
    formula_id: str
    formula: str

    @property
    def scores(self) -> range:
        return range(self.low, self.high + 1)


NPS_SCALE = Scale(
    "nps", 0, 10, "0-10",
    (("detractors", 0, 6), ("passives", 7, 8), ("promoters", 9, 10)),
    "promoters", True, "nps", "nps_promoters_minus_detractors",
    "NPS = 100 × (promoters [9–10] − detractors [0–6]) / n, range −100…+100")
CSAT_SCALE = Scale(
    "csat", 1, 5, "1-5",
    (("dissatisfied", 1, 2), ("neutral", 3, 3), ("satisfied", 4, 5)),
    "satisfied", True, "share", "csat_share_4_5",
    "CSAT = 100 × count(4 or 5) / n on a 1–5 satisfaction scale; mean also given")
CES7_SCALE = Scale(
    "ces", 1, 7, "1-7",
    (("difficult", 1, 3), ("neutral", 4, 4), ("easy", 5, 7)),
    "easy", True, "mean", "ces7_mean",
    "CES = mean agreement with “made it easy” on 1–7 (1 strongly disagree … 7 strongly agree); "
    "share = 100 × count(5–7) / n")
CES7_SHARE_SCALE = Scale(
    "ces", 1, 7, "1-7", CES7_SCALE.groups, "easy", True, "share", "ces7_share_5_7",
    "CES = 100 × count(5–7) / n on the 1–7 agreement scale “made it easy”; mean also given")
CES5_SCALE = Scale(
    "ces", 1, 5, "1-5",
    (("low_effort", 1, 2), ("neutral", 3, 3), ("high_effort", 4, 5)),
    "low_effort", False, "mean", "ces5_effort_mean",
    "CES (older effort form) = mean effort on 1–5, lower is better (1 very low … 5 very high "
    "effort); share = 100 × count(1–2 “low effort”) / n")
CES5_SHARE_SCALE = Scale(
    "ces", 1, 5, "1-5", CES5_SCALE.groups, "low_effort", False, "share", "ces5_low_effort_share",
    "CES (older effort form) = 100 × count(1–2 “low effort”) / n on 1–5, higher share is "
    "better; mean effort also given (lower is better)")


def get_scale(metric: str, ces_scale: int | str = 7, ces_headline: str = "mean") -> Scale:
    """The :class:`Scale` for ``metric`` (``ces_scale`` 7 or 5; ``ces_headline`` mean|share)."""
    metric = str(metric).lower()
    if metric == "nps":
        return NPS_SCALE
    if metric == "csat":
        return CSAT_SCALE
    if metric == "ces":
        sc = str(ces_scale).replace("1-", "").strip()
        if ces_headline not in ("mean", "share"):
            raise SurveyInputError("bad_scale", scale=ces_headline, metric=metric)
        if sc == "7":
            return CES7_SCALE if ces_headline == "mean" else CES7_SHARE_SCALE
        if sc == "5":
            return CES5_SCALE if ces_headline == "mean" else CES5_SHARE_SCALE
        raise SurveyInputError("bad_scale", scale=ces_scale, metric=metric)
    raise SurveyInputError("unknown_metric", metric=metric)




SCALES = (NPS_SCALE, CSAT_SCALE, CES7_SCALE, CES7_SHARE_SCALE, CES5_SCALE, CES5_SHARE_SCALE)
BY_FORMULA = {s.formula_id: s for s in SCALES}
