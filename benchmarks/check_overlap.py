"""Which held-out articles tell a story that a dev article of any task also tells.

Usage: python benchmarks/check_overlap.py [--min-runs 20] [--clean-dir DIR]

Reads every gold file of the project (dev and held-out alike: references only, url and offsets),
loads the article texts from the shared SaudiNewsNet zips, and counts the 5-word runs each held-out
article shares with each dev article of ANY task (a developer who tuned quotes on a text has read its
events too). Two outlets often print the same agency story with a changed headline: such pairs share
dozens of runs, while unrelated articles share at most a few stock phrases ("وكالة الأنباء السعودية
واس"). A held-out article at or above ``--min-runs`` with some dev article is reported as contaminated.
``--clean-dir DIR`` writes each gold file's held-out records minus the contaminated ones to DIR under
its path with "/" as "__" (``tests__data__quotes__gold.jsonl``), so ``khabar eval TASK --gold DIR/NAME
--split SPLIT`` scores the clean subset.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from khabar.paths import shared_data_dir  # noqa: E402

GOLD_FILES = [
    ROOT / "tests/data/quotes/gold.jsonl",
    ROOT / "src/khabar/data/events/gold.jsonl",
    ROOT / "benchmarks/link_gold.jsonl",
    ROOT / "tests/data/numbers_dates_gold.jsonl",
    *sorted((ROOT / "benchmarks/heldout").glob("*.jsonl")),
]
WORD = re.compile(r"\w+")
RUN = 5


def corpus_texts() -> dict[str, str]:
    """url -> content for every article of the shared SaudiNewsNet zips."""
    folder = shared_data_dir() / "saudinewsnet"
    texts: dict[str, str] = {}
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for article in json.loads(archive.read(name)):
                    texts.setdefault(article["url"], article.get("content") or "")
    return texts


def runs(text: str) -> set[str]:
    words = WORD.findall(text)
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def load_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-runs", type=int, default=20, help="shared 5-word runs that make one story")
    parser.add_argument("--clean-dir", type=Path, help="write held-out records without contaminated articles here")
    args = parser.parse_args(argv)
    texts = corpus_texts()
    records = {path: load_records(path) for path in GOLD_FILES if path.exists()}
    dev_runs = {r["url"]: runs(texts[r["url"]]) for rs in records.values() for r in rs
                if r.get("split") == "dev" and r["url"] in texts}
    contaminated: set[str] = set()
    for path, rs in records.items():
        held = [r for r in rs if r.get("split") != "dev"]
        for record in held:
            url = record["url"]
            if url not in texts:
                print(f"{path.relative_to(ROOT)}\t{record.get('split')}\tmissing from the corpus\t{url}")
                continue
            own = runs(texts[url])
            shared = max(((len(own & other), dev) for dev, other in dev_runs.items()), default=(0, ""))
            if shared[0] >= args.min_runs:
                contaminated.add(url)
                print(f"{path.relative_to(ROOT)}\t{record.get('split')}\t{shared[0]} runs shared with dev {shared[1]}\t{url}")
        if args.clean_dir and held:
            args.clean_dir.mkdir(parents=True, exist_ok=True)
            name = str(path.relative_to(ROOT)).replace("/", "__")
            with (args.clean_dir / name).open("w", encoding="utf-8") as out:
                for record in held:
                    if record["url"] not in contaminated:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(contaminated)} contaminated held-out articles (>= {args.min_runs} shared 5-word runs with a dev article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
