"""CLI: ``khabar eval events [--gold PATH] [--split dev|test|test2|...|all] [--json] [--per-article]``."""

from __future__ import annotations

import argparse
import json

from khabar.cli_groups import CommandGroups

# Upstream stages in pipeline order; used when the pipeline's list does not end with the events stage
# yet (stages are wired one by one), so the evaluation always runs every stage that exists.
UPSTREAM = (
    ("khabar.text.stage", "segment_text"), ("khabar.ner.stage", "recognize_entities"),
    ("khabar.numbers.stage", "extract_numbers"), ("khabar.time.stage", "extract_dates"),
    ("khabar.link.stage", "link_entities"), ("khabar.quotes.stage", "extract_quotes"),
)


def pipeline_stages() -> list:
    import importlib

    from khabar import pipeline
    from khabar.events.stage import extract_events

    if any(stage is extract_events for stage in pipeline.STAGES):
        return list(pipeline.STAGES)
    stages = [pipeline.check_language]
    for module_name, name in UPSTREAM:
        try:
            stages.append(getattr(importlib.import_module(module_name), name))
        except (ImportError, AttributeError):
            continue
    return [*stages, extract_events]


def _run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from khabar.events.evaluate import GOLD_PATH, SCOPE, GoldError, evaluate
    from khabar.pipeline import analyze

    split = None if args.split == "all" else args.split
    stages = pipeline_stages()
    try:
        report = evaluate(lambda text, meta: analyze(text, meta, stages=stages), split,
                          Path(args.gold) if args.gold else GOLD_PATH, None if args.all_types else SCOPE)
    except (GoldError, FileNotFoundError, ValueError, KeyError) as error:
        print(f"khabar eval events: {error}", file=sys.stderr)
        return 2
    report["stages"] = [stage.__name__ for stage in stages]
    if not args.per_article:
        report.pop("per_article")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    types = report["types"] if report["types"] == "all" else "+".join(report["types"])
    print(f"events eval, split={report['split']}, types={types}, articles={report['articles']}, "
          f"gold events={report['gold_events']}, system events={report['system_events']}")
    print(f"  detection  P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}")
    for key, count in (("fatalities_accuracy", "matched"), ("location_accuracy", "location_n"),
                       ("actor_accuracy", "actor_n"), ("target_accuracy", "target_n"),
                       ("date_accuracy", "date_n"), ("status_accuracy", "matched")):
        value = report[key]
        print(f"  {key:20s} {'n/a' if value is None else f'{value:.3f}'}  (n={report[count]})")
    for row in report.get("per_article", []):
        print("  ", json.dumps(row, ensure_ascii=False))
    return 0


def register(groups: CommandGroups) -> None:
    parser = groups.eval.add_parser(
        "events", help="event detection P/R/F1 and argument accuracy on annotated articles")
    parser.add_argument("--split", default="dev",
                        help="any split present in the gold file (dev, test, test2 ...) or 'all' (default: dev)")
    parser.add_argument("--gold", metavar="PATH", help="gold JSONL file (default: the shipped data/events/gold.jsonl)")
    parser.add_argument("--all-types", action="store_true",
                        help="score every PLOVER type (default: the gold scope, ASSAULT, COERCE and PROTEST)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--per-article", action="store_true", help="list gold/system/matched counts per article")
    parser.set_defaults(handler=_run)
