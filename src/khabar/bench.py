"""``khabar bench pipeline``: articles per second, per-stage time and peak memory on a real corpus.

The default corpus is the SaudiNewsNet sample in ``../shared/data/saudinewsnet`` (read at run time,
never shipped). Figures depend on the machine: report them with its core count.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from khabar.cli_groups import CommandGroups
from khabar.document import Document
from khabar.pipeline import STAGES, AnalysisFailure, analyze_many, run_stages


def register(groups: CommandGroups) -> None:
    parser = groups.bench.add_parser("pipeline", help="articles/s, per-stage time and peak memory")
    parser.add_argument("paths", nargs="*", help="corpus files or folders (default: the SaudiNewsNet sample)")
    parser.add_argument("--limit", type=int, default=1000, help="articles to analyze (default 1000)")
    parser.add_argument("--workers", type=int, default=1, help="processes for the batch path (0: all cores)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def _corpus(paths: list[str], limit: int) -> Iterator[object]:
    from khabar.ingest.readers import Article, read_path
    from khabar.paths import shared_data_dir

    roots = [Path(p) for p in paths] or [shared_data_dir() / "saudinewsnet"]
    articles = (item for root in roots for item in read_path(root) if isinstance(item, Article))
    return islice(articles, limit)


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # ru_maxrss is in KiB on Linux


def run(args: argparse.Namespace) -> int:
    items = list(_corpus(args.paths, args.limit))
    if not items:
        print("khabar: error: no articles found to benchmark", file=sys.stderr)
        return 2
    characters = sum(len(item.text) for item in items)
    stage_seconds: dict[str, float] = defaultdict(float)
    failures = crashes = 0
    start = time.perf_counter()
    if args.workers == 1:
        warmup = time.perf_counter()
        run_stages(Document("قال لافروف في موسكو إن الوضع مختلف."))  # load models once, timed separately
        load_seconds = time.perf_counter() - warmup
        start = time.perf_counter()
        for item in items:
            if not item.text.strip():
                failures += 1
                continue
            doc = Document(item.text, item.meta)
            for stage in STAGES:
                t0 = time.perf_counter()
                doc = run_stages(doc, [stage])
                stage_seconds[stage.__name__] += time.perf_counter() - t0
            crashes += any(w.startswith("partial result") for w in doc.warnings)
    else:
        load_seconds = 0.0
        for result in analyze_many(items, workers=args.workers):
            if isinstance(result, AnalysisFailure):
                failures += 1
            else:
                crashes += any(w.startswith("partial result") for w in result.warnings)
    elapsed = time.perf_counter() - start
    report = {
        "articles": len(items), "characters": characters, "workers": args.workers,
        "cpu_count": os.cpu_count(), "seconds": round(elapsed, 2),
        "articles_per_second": round(len(items) / elapsed, 2), "model_load_seconds": round(load_seconds, 3),
        "stage_seconds": {name: round(value, 3) for name, value in stage_seconds.items()},
        "failures": failures, "partial_results": crashes, "peak_rss_mb": round(_peak_rss_mb(), 1),
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{report['articles']} articles ({characters:,} characters) in {report['seconds']} s "
              f"with {args.workers} worker(s) on {report['cpu_count']} cores: "
              f"{report['articles_per_second']} articles/s; peak RSS {report['peak_rss_mb']} MB; "
              f"model load {report['model_load_seconds']} s; failures {failures}; partial results {crashes}")
        for name, value in sorted(stage_seconds.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<20} {value:8.2f} s  {1000 * value / len(items):7.2f} ms/article")
    return 0 if crashes == 0 else 1
