"""CLI: ``khabar kb build|add|lookup``, ``khabar train translit``, ``khabar eval translit|link``, ``khabar bench link``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

from khabar.cli_groups import CommandGroups
from khabar.link.kb import ACTOR_COLUMNS, load_kb, user_kb_dir
from khabar.link.keys import name_key
from khabar.paths import shared_data_dir


def _kb_build(args: argparse.Namespace) -> int:
    from khabar.link.build import build_places, summarize, write_places

    data = Path(args.data) if args.data else shared_data_dir()
    assert data is not None
    rows = build_places(data)
    write_places(rows)
    kb = load_kb(include_user=False)
    print(json.dumps({"places": len(rows), "features": summarize(rows), "kb": kb.counts(),
                      "load_seconds": round(kb.load_seconds, 3)}, ensure_ascii=False))
    return 0


def _kb_add(args: argparse.Namespace) -> int:
    if args.type not in ("PER", "ORG", "GPE", "LOC", "MISC"):
        print("khabar: error: --type must be PER, ORG, GPE, LOC or MISC", file=sys.stderr)
        return 2
    folder = user_kb_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "user.tsv"
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        if new:
            writer.writerow(ACTOR_COLUMNS)
        slug = args.id or name_key(args.name_en or args.name).replace(" ", "-").lower()
        writer.writerow([slug, args.type, args.name, "|".join(args.alias or []), args.name_en or "",
                         args.country or "", args.roles or "", args.wikidata or ""])
    print(f"added {slug} to {path}")
    return 0


def _kb_lookup(args: argparse.Namespace) -> int:
    from khabar.link.resolve import candidates, rank

    kb = load_kb()
    found = rank(candidates(kb, name_key(args.name), args.type), set(args.context or []))
    for candidate in found[: args.limit]:
        entry = candidate.entry
        print(json.dumps({"kb_id": entry.kb_id, "type": entry.type, "name": entry.name_ar, "name_en": entry.name_en,
                          "country": entry.country, "feature": entry.feature, "lat": entry.lat, "lon": entry.lon,
                          "score": round(candidate.score, 2)}, ensure_ascii=False))
    if not found:
        from khabar.link.translit import transliterate

        print(json.dumps({"kb_id": None, "name": args.name, "name_en": transliterate(args.name)}, ensure_ascii=False))
    return 0


def _train_translit(args: argparse.Namespace) -> int:
    from khabar.link import translit_train

    data = Path(args.data) if args.data else shared_data_dir()
    assert data is not None
    started = time.perf_counter()
    model_data = translit_train.train(data, iterations=args.iterations)
    translit_train.save(model_data)
    print(json.dumps({"seconds": round(time.perf_counter() - started, 1), "meta": model_data["meta"]}))
    return 0


def _eval_translit(args: argparse.Namespace) -> int:
    from khabar.link import translit_train
    from khabar.link.translit import TranslitModel

    data = Path(args.data) if args.data else shared_data_dir()
    assert data is not None
    print(json.dumps(translit_train.evaluate(data, TranslitModel.load()), indent=1))
    return 0


def _eval_link(args: argparse.Namespace) -> int:
    from khabar.link.evaluate import evaluate_link, format_report

    try:
        report = evaluate_link(Path(args.gold) if args.gold else None, Path(args.data) if args.data else None,
                               split=None if args.split == "all" else args.split, mode=args.mode)
    except (FileNotFoundError, ValueError, KeyError) as error:
        print(f"khabar: error: cannot read the link gold set: {error}", file=sys.stderr)
        return 2
    errors = {part: report.get(part, {}).pop("errors", []) for part in ("gold_mentions", "end_to_end")}
    if args.json:
        if args.errors:
            for part, found in errors.items():
                if part in report:
                    report[part]["errors"] = found
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return 0
    print(format_report(report))
    if args.errors:
        for part, found in errors.items():
            for error in found:
                print(f"{part}: " + json.dumps(error, ensure_ascii=False))
    return 0


def _bench_link(args: argparse.Namespace) -> int:
    from khabar.link.evaluate import bench_link

    print(json.dumps(bench_link(args.repeat), indent=1))
    return 0


def register(groups: CommandGroups) -> None:
    build = groups.kb.add_parser("build", help="rebuild data/kb/places.tsv.gz from the shared GeoNames data")
    build.add_argument("--data", help="shared data folder (default: found automatically)")
    build.set_defaults(handler=_kb_build)

    add = groups.kb.add_parser("add", help="add a person/organization/place to your own KB file")
    add.add_argument("name", help="Arabic name")
    add.add_argument("--type", default="PER", help="PER, ORG, GPE, LOC or MISC")
    add.add_argument("--name-en", help="English name")
    add.add_argument("--alias", action="append", help="Arabic alias (repeatable)")
    add.add_argument("--country", help="ISO country code")
    add.add_argument("--roles", help="e.g. foreign_minister:2013-2017")
    add.add_argument("--wikidata", help="Wikidata id, only when certain")
    add.add_argument("--id", help="stable id (default: from the name)")
    add.set_defaults(handler=_kb_add)

    lookup = groups.kb.add_parser("lookup", help="show KB candidates for an Arabic name")
    lookup.add_argument("name")
    lookup.add_argument("--type", default="MISC", help="mention type: PER ORG LOC GPE MISC")
    lookup.add_argument("--context", nargs="*", help="country codes the text mentions")
    lookup.add_argument("--limit", type=int, default=5)
    lookup.set_defaults(handler=_kb_lookup)

    train = groups.train.add_parser("translit", help="train the Arabic->English name transliteration model")
    train.add_argument("--data")
    train.add_argument("--iterations", type=int, default=5)
    train.set_defaults(handler=_train_translit)

    evaluate = groups.eval.add_parser("translit", help="character error rate of name transliteration (dev/test)")
    evaluate.add_argument("--data")
    evaluate.set_defaults(handler=_eval_translit)

    link = groups.eval.add_parser("link", help="entity linking on the hand-annotated SaudiNewsNet set (gold mentions and end to end)")
    link.add_argument("--gold", help="annotations JSONL (default: benchmarks/link_gold.jsonl)")
    link.add_argument("--data", help="shared data folder")
    link.add_argument("--split", default="dev", metavar="SPLIT",
                      help="articles to score: dev (default), test, test2, test3 ... (any split of the gold file) or all")
    link.add_argument("--mode", choices=("gold", "e2e", "both"), default="both",
                      help="gold: gold mentions given (linking only); e2e: the whole pipeline's mentions")
    link.add_argument("--errors", action="store_true", help="list the errors too")
    link.add_argument("--json", action="store_true", help="print the report as one JSON object")
    link.set_defaults(handler=_eval_link)

    bench = groups.bench.add_parser("link", help="KB load time and link-stage milliseconds per article (seed)")
    bench.add_argument("--repeat", type=int, default=50)
    bench.set_defaults(handler=_bench_link)
