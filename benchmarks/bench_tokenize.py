"""Tokenizer throughput: tokens per second on the seed article (repeated) and on SaudiNewsNet.

Usage: python benchmarks/bench_tokenize.py [--articles N] [--repeat N]

Runs on one core; tokens per CPU-second is the figure to compare (wall time depends on machine load). The first pass over a text warms the per-word clitic cache (and loads the
wordfreq tables); the second pass is the steady-state figure reported as "warm".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

from khabar.paths import shared_data_dir, shared_seeds_dir
from khabar.text.sentences import split_sentences
from khabar.text.tokenize import tokenize


def _seed_text() -> str:
    seeds = shared_seeds_dir()
    if seeds is None:
        raise SystemExit("seed folder not found (set KHABAR_DATA)")
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))


def _saudinewsnet(limit: int) -> list[str]:
    folder = shared_data_dir() / "saudinewsnet"
    texts: list[str] = []
    for path in sorted(Path(folder).glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                texts.extend(a.get("content") or "" for a in json.loads(archive.read(name)))
        if len(texts) >= limit:
            break
    return texts[:limit]


def _measure(label: str, texts: list[str]) -> None:
    for run in ("cold", "warm"):
        began, cpu_began = time.perf_counter(), time.process_time()
        count = sum(len(tokenize(text)) for text in texts)
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
        chars = sum(len(t) for t in texts)
        print(f"{label:<28} {run}: {count:>9,} tokens {chars:>11,} chars {elapsed:7.2f} s wall "
              f"{cpu:7.2f} s CPU {count / max(cpu, 1e-9):>10,.0f} tokens/CPU-s")
    began = time.perf_counter()
    for text in texts:
        split_sentences(text)
    print(f"{label:<28} sentences only: {time.perf_counter() - began:7.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="SaudiNewsNet articles to use")
    parser.add_argument("--repeat", type=int, default=200, help="copies of the seed in one text")
    args = parser.parse_args(argv)
    seed = _seed_text()
    _measure(f"seed x{args.repeat} (one text)", ["\n".join([seed] * args.repeat)])
    _measure(f"SaudiNewsNet {args.articles} articles", _saudinewsnet(args.articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
