"""CLI: ``khabar eval numbers`` and ``khabar eval dates`` (scores on the annotated articles)."""

from __future__ import annotations

import argparse
from pathlib import Path

from khabar.cli_groups import CommandGroups
from khabar.numbers.evaluate import DEFAULT_GOLD


def _run(layer: str):  # type: ignore[no-untyped-def]
    def handler(args: argparse.Namespace) -> int:
        from khabar.numbers.evaluate import evaluate

        gold = Path(args.gold)
        if not gold.exists():
            print(f"gold file not found: {gold}")
            return 2
        try:
            totals = evaluate(layer, gold, verbose=args.verbose)
        except FileNotFoundError as error:
            print(error)
            return 2
        for name, result in totals.items():
            print(result.line(f"{layer} {name}"))
        return 0

    return handler


def register(groups: CommandGroups) -> None:
    for layer in ("numbers", "dates"):
        parser = groups.eval.add_parser(
            layer, help=f"precision/recall of the {layer} stage on hand-annotated SaudiNewsNet articles")
        parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold JSONL (references only)")
        parser.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
        parser.set_defaults(handler=_run(layer))
