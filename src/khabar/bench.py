"""``khabar bench [PATH...] [--limit N]``: corpus throughput and memory, the way a researcher runs Khabar.

Three modes, each measured in a fresh child process so its peak memory is its own:

- ``analyze_1``: the analysis alone in one process (with the time spent in each stage);
- ``analyze_2``: the analysis alone with two worker processes (``analyze_many(workers=2)``);
- ``ingest_2``: reading, analysis with two workers and storing into a fresh SQLite database.

The default corpus is the SaudiNewsNet sample in ``../shared/data/saudinewsnet`` (read at run time,
never shipped); any files or folders ``khabar analyze`` reads can be given instead. ``--scaling
1000,4000,8000`` repeats a mode at several corpus sizes to show how time grows. Figures depend on
the machine: report them with its core count.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Any

from khabar.cli_groups import CommandGroups

MODES = ("analyze_1", "analyze_2", "ingest_2")


def register(groups: CommandGroups) -> None:
    parser = groups.bench.add_parser(
        "corpus", help="articles/s, tokens/s and peak memory: analysis at 1 and 2 processes, ingest (default)")
    parser.add_argument("paths", nargs="*", help="corpus files or folders (default: the SaudiNewsNet sample)")
    parser.add_argument("--limit", type=int, default=1000, help="articles to use (default 1000)")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated subset of {', '.join(MODES)}")
    parser.add_argument("--scaling", default="", help="comma-separated corpus sizes, e.g. 1000,4000,8000")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def _write_corpus(paths: list[str], limit: int, target: Path) -> tuple[int, int]:
    """Copy ``limit`` readable articles into a JSONL file so every mode reads the same input."""
    from khabar.ingest.readers import Article, read_path
    from khabar.paths import shared_data_dir

    roots = [Path(p) for p in paths] or [shared_data_dir() / "saudinewsnet"]
    articles = (item for root in roots for item in read_path(root) if isinstance(item, Article))
    count = characters = 0
    with target.open("w", encoding="utf-8") as handle:
        for article in islice(articles, limit):
            meta = article.meta
            handle.write(json.dumps({"text": article.text, "title": meta.title, "url": meta.url,
                                     "source": meta.source, "published": meta.published}, ensure_ascii=False) + "\n")
            count += 1
            characters += len(article.text)
    return count, characters


def _peak_rss_mb(children: bool) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def measure(mode: str, corpus: Path) -> dict[str, Any]:
    """Run one mode on a JSONL corpus in this process; returns its figures."""
    from khabar.document import Document
    from khabar.ingest.readers import Article, read_path
    from khabar.pipeline import STAGES, AnalysisFailure, analyze_many, run_stages

    items = [item for item in read_path(corpus) if isinstance(item, Article)]
    stage_seconds: dict[str, float] = defaultdict(float)
    tokens = partial = failures = 0
    load = time.perf_counter()
    run_stages(Document("قال لافروف في موسكو إن الوضع مختلف."))  # models load once, outside the timing
    load_seconds = time.perf_counter() - load
    start = time.perf_counter()
    cpu_start = _cpu_seconds()
    if mode == "analyze_1":
        for item in items:
            doc = Document(item.text, item.meta)
            for stage in STAGES:
                t0 = time.perf_counter()
                doc = run_stages(doc, [stage])
                stage_seconds[stage.__name__] += time.perf_counter() - t0
            tokens += len(doc.tokens)
            partial += any(w.startswith("partial result") for w in doc.warnings)
    elif mode == "analyze_2":
        for result in analyze_many(items, workers=2):
            if isinstance(result, AnalysisFailure):
                failures += 1
                continue
            tokens += len(result.tokens)
            partial += any(w.startswith("partial result") for w in result.warnings)
    elif mode == "ingest_2":
        from khabar.ingest.run import ingest
        from khabar.store import open_store

        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
            summary = ingest([str(corpus)], store, workers=2)
            failures = summary.failed
    else:
        raise ValueError(f"unknown mode {mode!r}")
    seconds = time.perf_counter() - start
    main_cpu, workers_cpu = (end - begin for end, begin in zip(_cpu_seconds(), cpu_start, strict=True))
    return {
        "articles": len(items), "seconds": round(seconds, 2),
        "articles_per_second": round(len(items) / seconds, 2) if seconds else None,
        "tokens": tokens or None, "tokens_per_second": round(tokens / seconds) if tokens and seconds else None,
        "peak_rss_mb": round(max(_peak_rss_mb(False), _peak_rss_mb(True)), 1),
        "peak_rss_main_mb": round(_peak_rss_mb(False), 1), "peak_rss_workers_mb": round(_peak_rss_mb(True), 1),
        # CPU time is what a loaded machine does not distort: with C cores, at most
        # 1000 * C / (main + workers) articles/s
        "cpu_ms_per_article_main": round(1000 * main_cpu / len(items), 2),
        "cpu_ms_per_article_workers": round(1000 * workers_cpu / len(items), 2),
        "model_load_seconds": round(load_seconds, 3), "failures": failures, "partial_results": partial,
        "stage_ms_per_article": {name: round(1000 * value / len(items), 2) for name, value in stage_seconds.items()},
    }


def _cpu_seconds() -> tuple[float, float]:
    """(this process, its finished child processes): user + system CPU seconds."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _measure_in_child(mode: str, corpus: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "khabar.bench", mode, str(corpus)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{mode} failed: {done.stderr.strip().splitlines()[-1] if done.stderr else done.returncode}")
    return json.loads(done.stdout)


def _fill_tokens_per_second(entry: dict[str, Any], modes: list[str]) -> None:
    """Ingest does not see tokens; the corpus is the same in every mode, so reuse a measured count."""
    counted = next((entry[m]["tokens"] for m in modes if entry[m].get("tokens")), None)
    if counted is None:
        return
    for mode in modes:
        figures = entry[mode]
        if not figures.get("tokens") and figures["seconds"]:
            figures["tokens"] = counted
            figures["tokens_per_second"] = round(counted / figures["seconds"])


def _print_entry(entry: dict[str, Any], modes: list[str]) -> None:
    for mode in modes:
        figures = entry[mode]
        print(f"{mode:<10} {entry['articles']:>6} articles ({entry['characters']:,} chars): {figures['seconds']:>8} s, "
              f"{figures['articles_per_second']} articles/s, {figures['tokens_per_second'] or '-'} tokens/s, "
              f"peak RSS {figures['peak_rss_mb']} MB, CPU ms/article {figures['cpu_ms_per_article_main']} main + "
              f"{figures['cpu_ms_per_article_workers']} workers, failures {figures['failures']}, "
              f"partial {figures['partial_results']}", flush=True)
        for name, value in sorted(figures["stage_ms_per_article"].items(), key=lambda kv: -kv[1]):
            print(f"    {name:<20} {value:8.2f} ms/article")


def run(args: argparse.Namespace) -> int:
    from khabar.cli import CommandError

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        raise CommandError(f"unknown mode(s) {', '.join(unknown)}; choose from {', '.join(MODES)}")
    sizes = [int(s) for s in args.scaling.split(",") if s.strip()] if args.scaling else [args.limit]
    report: dict[str, Any] = {"cpu_count": os.cpu_count(), "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            corpus = Path(tmp) / f"corpus_{size}.jsonl"
            count, characters = _write_corpus(args.paths, size, corpus)
            if count == 0:
                raise CommandError("no articles found to benchmark")
            entry: dict[str, Any] = {"articles": count, "characters": characters}
            for mode in modes:
                entry[mode] = _measure_in_child(mode, corpus)
            _fill_tokens_per_second(entry, modes)
            if not args.json:
                _print_entry(entry, modes)
            report["runs"].append(entry)
    if args.json:
        last = report["runs"][-1]
        report.update({mode: last[mode] for mode in modes})
        print(json.dumps(report))
    return 0


if __name__ == "__main__":  # one mode in a child process: python -m khabar.bench MODE CORPUS.jsonl
    print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]))))
