"""`python -m scoring FILE.json [--lang el|en]` prints the scores of an assessment as JSON.

An invalid file exits with status 2 and one line naming the problem and where it is, in English,
or in Greek with --lang el.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assessment.document import AssessmentError, parse_assessment
from checklists import ContentError, default_model
from i18n.problems import first_line, os_problem
from scoring.maturity import score


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, status 2 (argparse would print the usage too)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m scoring", description="Score a CX assessment JSON file.")
    parser.add_argument("file", help="assessment JSON file ('-' for standard input)")
    parser.add_argument("--lang", choices=("el", "en"), default="en", help="language of error messages (default: en)")
    args = parser.parse_args(argv)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"error: {args.file}: {first_line([os_problem('', exc)], args.lang)}", file=sys.stderr)
        return 2
    try:
        model = default_model()
        assessment, _ = parse_assessment(raw, model)
    except AssessmentError as exc:
        print(f"error: {args.file}: {exc.first_line(args.lang)}", file=sys.stderr)
        return 2
    except ContentError as exc:
        print(f"error: audit content: {exc}", file=sys.stderr)
        return 2
    json.dump(score(model, assessment).to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
