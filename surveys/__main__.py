"""CLI: ``python -m surveys FILE [--metric nps|csat|ces] [--column NAME] ...``

Prints the result as JSON (UTF-8, ensure_ascii=False).  Bad input (missing file, not a table,
unknown column, too large …) prints one line ``error: …`` on stderr and exits with status 2;
an unexpected internal failure prints one line and exits with status 1.  Never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from .analysis import analyze_file
from .errors import SurveyInputError
from .source import DEFAULT_MAX_BYTES


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, status 2, no usage block
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m surveys",
                description="Compute NPS, CSAT or CES from a survey export (CSV or XLSX).")
    p.add_argument("file")
    p.add_argument("--metric", choices=["nps", "csat", "ces"], type=str.lower)
    p.add_argument("--column", help="column holding the scores")
    p.add_argument("--date-column", help="column with the answer date (breakdown by period)")
    p.add_argument("--segment-column", help="column with the segment (store, channel …)")
    p.add_argument("--encoding", help="text encoding (default: detected)")
    p.add_argument("--sep", help="column separator (default: detected); 'tab' for tab")
    p.add_argument("--ces-scale", choices=["7", "5"], default="7",
                   help="CES scale: 7 = 'made it easy' agreement (default), 5 = older effort scale")
    p.add_argument("--ces-headline", choices=["mean", "share"], default="mean")
    p.add_argument("--freq", choices=["M", "Q"], default="M", type=str.upper,
                   help="period of the breakdown by date: M month (default) or Q quarter")
    p.add_argument("--sheet", help="XLSX sheet name or 0-based index (default: first)")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1048576,
                   help="size limit in MB (default 50)")
    p.add_argument("--indent", type=int, default=None)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        out = analyze_file(
            args.file, args.metric, column=args.column, date_column=args.date_column,
            segment_column=args.segment_column, encoding=args.encoding, sep=args.sep,
            ces_scale=int(args.ces_scale), ces_headline=args.ces_headline, freq=args.freq,
            max_bytes=int(args.max_mb * 1048576), sheet=args.sheet)
        text = json.dumps(out, ensure_ascii=False, indent=args.indent, allow_nan=False)
    except SurveyInputError as exc:
        sys.stderr.write(f"error: {exc.message}".replace("\n", " ") + "\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - never a traceback
        sys.stderr.write(f"error: internal error ({type(exc).__name__}: {exc})".replace("\n", " ") + "\n")
        return 1
    try:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
