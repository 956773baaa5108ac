"""Customer metrics toolkit (no UI): NPS, CSAT, CES, import of survey exports, breakdowns.

See docs/metrics.md.  Public API:

* compute: ``nps``, ``csat``, ``ces``, ``compute``, ``by_segment``, ``by_period``,
  ``MetricResult``, ``MetricWarning``, ``wilson_interval``, ``nps_adjusted_wald``
* importer: ``read_table``, ``guess_columns``, ``clean_scores``, ``parse_dates``,
  ``ImportedTable``, ``CleanedScores``, ``ParsedDates``
* ``analyze_table`` / ``analyze_file`` (what the CLI prints)
* errors: ``MetricsInputError`` (``.code``, ``.params``, ``.message``)
* evidence: ``evidence_lines(surveys, lang)``, ``compact_result``, ``period_range_label``
"""
from .analyze import analyze_file, analyze_table
from .compute import (MetricResult, MetricWarning, by_period, by_segment, ces, compute, csat,
                      get_scale, mean_interval, nps, nps_adjusted_wald, result_from_counts,
                      wilson_interval)
from .errors import MetricsInputError
from .evidence import compact_result, evidence_lines, period_label, period_range_label
from .importer import (DEFAULT_MAX_BYTES, CleanedScores, ImportedTable, ParsedDates,
                       clean_scores, detect_encoding, detect_separator, guess_columns,
                       parse_answer, parse_dates, read_table)

__all__ = [
    "MetricResult", "MetricWarning", "MetricsInputError", "by_period", "by_segment", "ces",
    "compute", "csat", "nps", "get_scale", "mean_interval", "nps_adjusted_wald",
    "result_from_counts", "wilson_interval", "CleanedScores", "ImportedTable", "ParsedDates",
    "DEFAULT_MAX_BYTES", "clean_scores", "detect_encoding", "detect_separator", "guess_columns",
    "parse_answer", "parse_dates", "read_table", "analyze_file", "analyze_table",
    "compact_result", "evidence_lines", "period_label", "period_range_label",
]
