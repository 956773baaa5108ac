"""`python -m checklists` validates the content and prints a summary; `--json` prints the model."""
from __future__ import annotations

import argparse
import json
import sys

from checklists.loader import ContentError, load_model


def model_as_json(model) -> dict:
    return model.model_dump(mode="json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checklists", description="Validate the audit content.")
    parser.add_argument("--json", action="store_true", help="print the whole model as JSON")
    parser.add_argument("--dir", help="content directory (default: the shipped content)")
    args = parser.parse_args(argv)
    try:
        model = load_model(args.dir)
    except ContentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(model_as_json(model), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    total = sum(len(p.items) for p in model.pillars)
    critical = sum(it.critical for p in model.pillars for it in p.items)
    print(f"Audit model {model.version}: {len(model.pillars)} pillars, {total} items ({critical} critical)")
    for p in model.pillars:
        print(f"  {p.id:<22} {p.prefix:<5} {len(p.items):>3} items  weight {p.weight:g}  {p.title.en}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
