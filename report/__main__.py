"""`python -m report FILE.json -o OUT [--lang el|en] [--appendix] [--logo PATH]`: the report as PDF
(OUT.pdf) or Word (OUT.docx), or the Excel plan tracker (OUT.xlsx), chosen by OUT's extension
(`--format` for standard output).

Bad input exits with status 2 and one line on stderr naming the problem; never a traceback. The
line is in English, or in Greek with --lang el (the language of the report too).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, status 2 (argparse would print the usage too)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(2)


def _fail(message: str) -> int:
    print(f"error: {' '.join(str(message).split())}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m report",
                     description="Build the report (PDF or Word) or the Excel plan tracker of a CX assessment.")
    parser.add_argument("file", help="assessment JSON file ('-' for standard input)")
    parser.add_argument("-o", "--output", required=True,
                        help="file to write: .pdf, .docx or .xlsx ('-' for standard output, with --format)")
    parser.add_argument("--format", choices=("pdf", "docx", "xlsx"), help="output format (default: OUT's extension)")
    parser.add_argument("--lang", choices=("el", "en"), help="report language (default: the assessment's)")
    parser.add_argument("--appendix", action="store_true",
                        help="add the full action list, the KPIs and the method (PDF and Word)")
    parser.add_argument("--logo", help="PNG or JPEG logo for the cover")
    args = parser.parse_args(argv)
    fmt = args.format or (Path(args.output).suffix.lower().lstrip(".") if args.output != "-" else "pdf")
    if fmt not in ("pdf", "docx", "xlsx"):
        from i18n.problems import Problem, line

        return _fail(f"{args.output}: {line(Problem('', 'output_extension'), args.lang or 'en')}")

    from assessment.document import AssessmentError, parse_assessment
    from checklists import ContentError, default_model
    from i18n import t
    from i18n.problems import first_line, os_problem
    from report import LogoError, load_logo, report_for

    lang = args.lang or "en"  # of the messages; the report's own default is the assessment's language
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        return _fail(f"{args.file}: {first_line([os_problem('', exc)], lang)}")
    try:
        model = default_model()
    except ContentError as exc:
        return _fail(f"audit content: {exc}")
    try:
        assessment, dropped = parse_assessment(raw, model, allow_unknown_items=None)
    except AssessmentError as exc:
        return _fail(f"{args.file}: {exc.first_line(lang)}")
    if dropped:
        dropped_items = t("cli.dropped_items", lang, version=assessment.model_version or "?", items=", ".join(dropped))
        print(f"warning: {args.file}: {dropped_items}", file=sys.stderr)
    logo = None
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError as exc:
            return _fail(f"{args.logo}: {first_line([os_problem('', exc)], lang)}")
        try:
            load_logo(logo)  # check first, so a bad logo is reported before any work
        except LogoError as exc:
            return _fail(f"{args.logo}: {exc.first_line(lang)}")
    try:
        pdf = report_for(model, assessment, fmt, args.lang or assessment.language, logo, args.appendix)
    except LogoError as exc:
        return _fail(f"{args.logo}: {exc.first_line(lang)}")
    except Exception as exc:  # a bug, not bad input: still one line, but status 1
        print(
            f"error: could not build the {fmt.upper()} ({type(exc).__name__}: {' '.join(str(exc).split())})",
            file=sys.stderr,
        )
        return 1
    try:
        if args.output == "-":
            sys.stdout.buffer.write(pdf)
            sys.stdout.buffer.flush()
        else:
            Path(args.output).write_bytes(pdf)
    except OSError as exc:
        return _fail(f"{args.output}: {first_line([os_problem('', exc, writing=True)], lang)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
