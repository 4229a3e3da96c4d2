"""CLI: ``khabar eval quotes [--split dev|test|all] [--json] [--errors]``."""

from __future__ import annotations

import argparse
import json

from khabar.cli_groups import CommandGroups


def _run(args: argparse.Namespace) -> int:
    from khabar.quotes.evaluate import evaluate
    report = evaluate(args.split)
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
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list misses, spurious quotes and wrong speakers")
    parser.set_defaults(handler=_run)
