"""Events-stage benchmark: CPU time of ``extract_events`` alone per article.

Usage: python benchmarks/bench_events.py [--articles N] [--repeats R] [--profile]
Runs every earlier pipeline stage once on the first N SaudiNewsNet articles (local input only),
then times the events stage on fresh copies R times (CPU time, so other processes on the machine
disturb it less than wall time) and prints one JSON object with the fastest and median run.
``--profile`` prints the top functions of one run (cProfile). Accuracy comes from
``khabar eval events``; the whole pipeline's per-stage times from ``khabar bench pipeline``.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import logging
import pstats
import statistics
import time
from itertools import islice

from khabar.document import Document
from khabar.events.stage import extract_events
from khabar.ingest.readers import Article, read_path
from khabar.paths import shared_data_dir
from khabar.pipeline import STAGES, run_stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    items = list(islice((x for x in read_path(shared_data_dir() / "saudinewsnet") if isinstance(x, Article)),
                        args.articles))
    upstream = [stage for stage in STAGES if stage is not extract_events]
    docs = [run_stages(Document(item.text, item.meta), upstream) for item in items]
    for doc in copy.deepcopy(docs[:20]):
        extract_events(doc)  # load the lexicon and the knowledge-base index once
    runs: list[float] = []
    events = 0
    for _ in range(args.repeats):
        copies = copy.deepcopy(docs)
        start = time.process_time()
        for doc in copies:
            extract_events(doc)
        runs.append(1000 * (time.process_time() - start) / len(docs))
        events = sum(len(doc.events) for doc in copies)
    print(json.dumps({"articles": len(docs), "events": events, "cpu_ms_per_article_min": round(min(runs), 2),
                      "cpu_ms_per_article_median": round(statistics.median(runs), 2)}))
    if args.profile:
        profiler = cProfile.Profile()
        copies = copy.deepcopy(docs)
        profiler.enable()
        for doc in copies:
            extract_events(doc)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
