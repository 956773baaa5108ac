"""`python -m scoring FILE.json` prints the scores of an assessment as JSON.

An invalid file exits with status 2 and one line naming the problem and where it is.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checklists import ContentError, default_model
from scoring.assessment import AssessmentError, parse_assessment
from scoring.maturity import score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scoring", description="Score a CX assessment JSON file.")
    parser.add_argument("file", help="assessment JSON file ('-' for standard input)")
    args = parser.parse_args(argv)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"error: {args.file}: cannot read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    try:
        model = default_model()
        assessment, _ = parse_assessment(raw, model)
    except AssessmentError as exc:
        print(f"error: {args.file}: {exc.first_line}", file=sys.stderr)
        return 2
    except ContentError as exc:
        print(f"error: audit content: {exc}", file=sys.stderr)
        return 2
    json.dump(score(model, assessment).to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
