"""`python -m checklists` validates the content and prints a summary; `--json` prints the model.

The summary is in Greek, the app's language (`make run` prints it first), whatever the terminal's
locale; `--lang en` prints it in English. Content errors stay in English: they are for whoever
edits the YAML files.

`--profile sector=hospitality,size=1-9` shows what that business sees: the questions it is
asked, in its sector's words, and the questions left out for it (which count as not applicable
unless brought back). An expert can read the content as a given business would.
"""
from __future__ import annotations

import argparse
import json
import sys

from checklists.applicability import Profile, for_profile, left_out, parse_profile
from checklists.loader import ContentError, load_model
from checklists.plan_stats import plan_stats
from i18n import DEFAULT_LANG, LANGS, format_number, t


def model_as_json(model, profile: Profile | None = None) -> dict:
    if profile is None:
        return model.model_dump(mode="json")
    worded = for_profile(model, profile)
    out_ids = set(left_out(model, profile))
    data = worded.model_dump(mode="json", exclude={"carryover"})
    data["profile"] = {"sector": profile.sector or None, "size": profile.size or None}
    data["left_out"] = [
        {"id": it.id, "pillar": p.id, "text": it.text.model_dump(), "applies": it.applies.model_dump(exclude_none=True)}
        for p in worded.pillars for it in p.items if it.id in out_ids
    ]
    for p in data["pillars"]:
        p["items"] = [it for it in p["items"] if it["id"] not in out_ids]
        for it in p["items"]:
            # for_profile has put this business's wording into text, evidence and action; the
            # variants for other sectors and sizes would only mislead a reader of this profile
            it.pop("wording", None)
    data["asked"] = sum(len(p["items"]) for p in data["pillars"])
    return data


def print_summary(model, profile: Profile | None, lang: str) -> None:
    def number(x: float) -> str:
        return format_number(x, lang, decimals=0 if float(x).is_integer() else 1)

    def counts(by: dict, name, order) -> str:
        return ", ".join(f"{name(key)}: {number(by[key])}" for key in order if key in by)

    total = sum(len(p.items) for p in model.pillars)
    critical = sum(it.critical for p in model.pillars for it in p.items)
    print(t("cli.checklists.model", lang, version=model.version, pillars=len(model.pillars), items=total,
            critical=critical))
    skip = set(left_out(model, profile)) if profile else set()
    for p in model.pillars:
        shown = sum(it.id not in skip for it in p.items)
        count = f"{shown}/{len(p.items)}" if profile else f"{len(p.items)}"
        line = t("cli.checklists.pillar", lang, count=f"{count:<5}", weight=number(p.weight), title=p.title(lang))
        print(f"  {p.id:<22} {p.prefix:<5} {line}")
    stats = plan_stats(model)
    print(t("cli.checklists.answer_sets", lang, existence=stats["existence"], frequency=total - stats["existence"]))
    print(t("cli.checklists.plan", lang, quick_wins=stats["quick_wins"],
            share=format_number(100 * stats["quick_win_share"], lang),
            effort=counts(stats["effort"], lambda size: t(f"report.effort.{size}", lang), "SML"),
            horizon=counts(stats["horizon"], str, sorted(stats["horizon"])),
            hours=number(stats["routine_hours_per_month"]), in_meeting=stats["in_cx_meeting"]))
    if profile:
        print(t("cli.checklists.profile", lang,
                sector=t(f"sector.{profile.sector}", lang) if profile.sector else t("cli.checklists.any_sector", lang),
                size=t(f"size.{profile.size}", lang) if profile.size else t("cli.checklists.any_size", lang),
                asked=total - len(skip), left=len(skip), ids=", ".join(sorted(skip)) or t("cli.checklists.none", lang)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checklists", description="Validate the audit content.")
    parser.add_argument("--json", action="store_true", help="print the whole model as JSON")
    parser.add_argument("--dir", help="content directory (default: the shipped content)")
    parser.add_argument("--profile", help="what one business sees, e.g. sector=hospitality,size=1-9 "
                                          "(sizes: micro small medium large, or 1-9 10-49 50-249 250+)")
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                        help=f"language of the summary (default: {DEFAULT_LANG}, Greek)")
    args = parser.parse_args(argv)
    try:
        model = load_model(args.dir)
    except ContentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    profile = None
    if args.profile is not None:
        try:
            profile = parse_profile(args.profile)
        except ValueError as exc:
            print(f"error: --profile: {exc}", file=sys.stderr)
            return 2
    if args.json:
        json.dump(model_as_json(model, profile), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print_summary(model, profile, args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
