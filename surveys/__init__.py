"""Survey toolkit (no UI): NPS, CSAT and CES from survey exports, with intervals and breakdowns.

Import what you need from its module; this file imports nothing, so that the evidence lines
(``surveys.evidence``) stay free of pandas.  One concern per module (docs/metrics.md):

* reading files: ``source`` (size-checked input), ``encodings``, ``separators``,
  ``csv_reader``, ``xlsx_reader``, ``table`` (``ImportedTable``), ``reading.read_table``
* answers and rows: ``answers`` (numbers and answer words, from ``answer_words.yaml``),
  ``scores.clean_scores``, ``dates.parse_dates``, ``rows`` (rejected rows, line numbers)
* ``columns.guess_columns``; ``scales`` (the scales and formulas)
* ``statistics`` (intervals, ``MetricResult``, ``nps``/``csat``/``ces``), ``breakdown``
  (by period and by segment), ``analysis.analyze_table``/``analyze_file`` (what the CLI prints)
* ``errors.SurveyInputError`` (``.code``, ``.params``, ``.message``); ``evidence`` (saved
  results as one line of text)

CLI: ``python -m surveys FILE [--metric nps|csat|ces] …`` (see ``surveys/__main__.py``).
"""
