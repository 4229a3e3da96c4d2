"""Ingest throughput and peak memory on the SaudiNewsNet sample (read, analyze, store).

    python benchmarks/bench_ingest.py [--limit N] [--workers 2] [--zip NAME]

Reads the sample zips from the shared data folder (never copied into the repo), ingests them
into a fresh temporary SQLite store and prints articles/s and the peak resident memory of this
process and of its worker processes. Pin to 2 cores with ``taskset -c 0,1`` for the reference
figure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from khabar.ingest.readers import Article, read_path
from khabar.ingest.run import ingest
from khabar.paths import shared_data_dir
from khabar.store import open_store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles to ingest (0 = the whole sample)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    data = shared_data_dir(required=False)
    if data is None or not (data / "saudinewsnet").is_dir():
        print("bench_ingest: the SaudiNewsNet sample is not available (set KHABAR_DATA)", file=sys.stderr)
        return 2
    zips = sorted((data / "saudinewsnet").glob("*.zip"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "sample.jsonl"
        articles = (r for z in zips for r in read_path(z) if isinstance(r, Article))
        if args.limit:
            articles = itertools.islice(articles, args.limit)
        with corpus.open("w", encoding="utf-8") as handle:
            count = 0
            for article in articles:
                handle.write(json.dumps({"text": article.text, "title": article.meta.title, "url": article.meta.url,
                                         "source": article.meta.source, "published": article.meta.published},
                                        ensure_ascii=False) + "\n")
                count += 1
        chars = sum(len(json.loads(line)["text"]) for line in corpus.open(encoding="utf-8"))
        with open_store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            summary = ingest([str(corpus)], store, workers=args.workers, batch_size=args.batch_size)
            seconds = time.perf_counter() - started
            db_size = (Path(tmp) / "bench.db").stat().st_size
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "articles": count, "characters": chars, "ingested": summary.ingested, "duplicates": summary.duplicates,
        "failed": summary.failed, "workers": args.workers, "seconds": round(seconds, 2),
        "articles_per_s": round(summary.ingested / seconds, 1) if seconds else None,
        "chars_per_s": round(chars / seconds) if seconds else None,
        "peak_rss_main_mb": round(own, 1), "peak_rss_worker_mb": round(children, 1),
        "db_mb_before_wal_checkpoint": round(db_size / 2**20, 1),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
