"""Start-up cost of the text and link stages in a fresh process (what a batch worker or the server pays once).

Usage: ``python benchmarks/bench_link_startup.py [--runs 3]``. Each run is a new interpreter that times:
importing the stages, the first ``segment_text`` (loads wordfreq's Arabic table), loading the knowledge
base, the first and second ``link_entities`` on the seed article (the first builds the KB scan index and
loads the transliteration model). Prints the median of the runs in seconds; figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, time
t0 = time.perf_counter()
from khabar.document import Document, Mention
from khabar.link.stage import link_entities
from khabar.text.stage import segment_text
from khabar.paths import shared_seeds_dir
t1 = time.perf_counter()
seeds = shared_seeds_dir()
text = next(iter(sorted(seeds.glob("*.txt")))).read_text(encoding="utf-8") if seeds else "قال لافروف في موسكو."
segment_text(Document(text))
t2 = time.perf_counter()
from khabar.link.kb import get_kb
get_kb()
t3 = time.perf_counter()
def doc():
    d = Document(text)
    at = text.find("لافروف")
    d.mentions = [Mention(at, at + 6, "لافروف", "PER", "ner", 0.9)] if at >= 0 else []
    return d
link_entities(doc())
t4 = time.perf_counter()
link_entities(doc())
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_segment_text": t2 - t1, "kb_load": t3 - t2,
                  "first_link": t4 - t3, "second_link": t5 - t4, "total": t5 - t0}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    for name in runs[0]:
        print(f"{name:<20} {statistics.median(r[name] for r in runs):7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
