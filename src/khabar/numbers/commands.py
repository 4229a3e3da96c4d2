"""CLI: ``khabar eval numbers`` and ``khabar eval dates`` (scores on the annotated articles)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.cli_groups import CommandGroups
from khabar.numbers.evaluate import DEFAULT_GOLD, SPLITS


def _run(layer: str):  # type: ignore[no-untyped-def]
    def handler(args: argparse.Namespace) -> int:
        from khabar.numbers.evaluate import Accuracy, Score, evaluate, to_json

        gold = Path(args.gold)
        if not gold.exists():
            print(f"gold file not found: {gold}")
            return 2
        try:
            result = evaluate(layer, gold, verbose=args.verbose, split=args.split)
        except FileNotFoundError as error:
            print(error)
            return 2
        if args.json:
            print(json.dumps(to_json(result), ensure_ascii=False))
            return 0
        print(f"{layer} split={args.split}: {result['articles']} articles, {result['gold']} gold items")
        for name, value in result.items():
            if isinstance(value, Score | Accuracy):
                print(value.line(f"{layer} {name}"))
        return 0

    return handler


def register(groups: CommandGroups) -> None:
    for layer in ("numbers", "dates"):
        parser = groups.eval.add_parser(
            layer, help=f"precision/recall of the {layer} stage on hand-annotated SaudiNewsNet articles")
        parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold JSONL (references only)")
        parser.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
        parser.add_argument("--split", choices=SPLITS, default="all",
                            help="dev (tuning), test (run once, now known), test2, test3 and test4 (held out: run once) or all")
        parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
        parser.set_defaults(handler=_run(layer))
