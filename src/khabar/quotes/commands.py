"""CLI: ``khabar eval quotes [--split NAME|all] [--gold PATH] [--json] [--errors]``."""

from __future__ import annotations

import argparse
import json

from khabar.cli_groups import CommandGroups


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from khabar.quotes.evaluate import GOLD_PATH, evaluate, split_names
    gold = Path(args.gold) if args.gold else GOLD_PATH
    if not gold.is_file():
        print(f"quotes eval: no gold file at {gold}")
        return 2
    try:
        splits = split_names(gold)
    except ValueError as error:
        print(f"quotes eval: {error}")
        return 2
    if args.split != "all" and args.split not in splits:
        print(f"quotes eval: split {args.split!r} not in {gold.name} (present: {', '.join(sorted(splits)) or 'none'})")
        return 2
    report = evaluate(args.split, gold_path=gold)
    data = report.to_json()
    data["split"] = args.split
    if args.errors:
        data["errors"] = report.errors
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    th = data["thresholds"]
    print(f"quotes eval, split={args.split}, articles={data['articles']} (content match: direct overlap >= "
          f"{th['direct_overlap']:.0%}, reported overlap >= {th['reported_overlap']:.0%} of the longer span)")
    for group in ("direct", "reported"):
        s = data[group]
        print(f"  {group:9s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(gold {s['gold']}, system {s['system']}, matched {s['matched']})")
    sp = data["speaker"]
    print(f"  speaker accuracy on matched quotes: strict span {sp['accuracy']:.3f} ({sp['correct']}/"
          f"{sp['matched_quotes']}), entity {sp['entity_accuracy']:.3f} ({sp['entity_correct']}/{sp['matched_quotes']})")
    if args.errors:
        for error in report.errors:
            print("  ", json.dumps(error, ensure_ascii=False))
    return 0


def register(groups: CommandGroups) -> None:
    parser = groups.eval.add_parser("quotes", help="quote attribution P/R and speaker accuracy on annotated articles")
    parser.add_argument("--split", default="dev",
                        help="which records to score: any split present in the gold file (dev, test, ...) or all")
    parser.add_argument("--gold", metavar="PATH", help="gold JSONL file (default: the project's tests/data/quotes/gold.jsonl)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list misses, spurious quotes and wrong speakers")
    parser.set_defaults(handler=_run)
