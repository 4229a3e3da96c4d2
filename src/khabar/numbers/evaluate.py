"""Evaluate the numbers and dates stages on the hand-annotated SaudiNewsNet articles.

The gold file (``tests/data/numbers_dates_gold.jsonl``) holds only references: the article URL,
the publication date used for resolution, and ``{start, end, value[, precision]}`` offsets into the
article's ``content``. Article texts are read at evaluation time from the shared SaudiNewsNet zips
(never copied into the repository). Scores: precision/recall/F1 on exact spans, and on exact spans
with the exact value.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.paths import PACKAGE_DIR, shared_data_dir

DEFAULT_GOLD = PACKAGE_DIR.parents[1] / "tests" / "data" / "numbers_dates_gold.jsonl"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<22} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


def load_articles(urls: Iterable[str], data_dir: Path | None = None) -> dict[str, str]:
    """``url -> content`` for the wanted URLs, read from the SaudiNewsNet zips."""
    wanted = set(urls)
    folder = (data_dir or shared_data_dir()) / "saudinewsnet"  # type: ignore[operator]
    found: dict[str, str] = {}
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for article in json.loads(zf.read(name)):
                    if article.get("url") in wanted:
                        found[article["url"]] = article.get("content") or ""
        if len(found) == len(wanted):
            break
    return found


def load_gold(path: Path = DEFAULT_GOLD) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
    return bool(a == b)


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> tuple[Score, Score]:
    """(span score, span+value score) for one article."""
    spans, values = Score(), Score()
    gold_by_span = {(g["start"], g["end"]): g for g in gold}
    pred_by_span = {(p["start"], p["end"]): p for p in predicted}
    for key, pred in pred_by_span.items():
        g = gold_by_span.get(key)
        if g is None:
            spans.fp += 1
            values.fp += 1
            continue
        spans.tp += 1
        if _same_value(g["value"], pred["value"]):
            values.tp += 1
        else:
            values.fp += 1
            values.fn += 1
    missing = len(set(gold_by_span) - set(pred_by_span))
    spans.fn += missing
    values.fn += missing
    return spans, values


def evaluate(layer: str, gold_path: Path = DEFAULT_GOLD, verbose: bool = False) -> dict[str, Score]:
    """Score ``layer`` ("numbers" or "dates") on the gold set; prints the errors when verbose."""
    from khabar.document import Document, Meta
    from khabar.numbers.stage import extract_numbers
    from khabar.time.stage import extract_dates

    records = load_gold(gold_path)
    texts = load_articles(r["url"] for r in records)
    totals = {"span": Score(), "span+value": Score()}
    for record in records:
        text = texts.get(record["url"])
        if text is None:
            print(f"missing article: {record['url']}")
            continue
        doc = Document(text, Meta(url=record["url"], published=record.get("published")))
        doc = extract_dates(doc) if layer == "dates" else extract_numbers(doc)
        predicted = [item.to_json() for item in (doc.dates if layer == "dates" else doc.numbers)]
        spans, values = score(record[layer], predicted)
        for total, part in ((totals["span"], spans), (totals["span+value"], values)):
            total.tp, total.fp, total.fn = total.tp + part.tp, total.fp + part.fp, total.fn + part.fn
        if verbose:
            _show_errors(text, record[layer], predicted)
    return totals


def _show_errors(text: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> None:
    gold_by_span = {(g["start"], g["end"]): g for g in gold}
    pred_by_span = {(p["start"], p["end"]): p for p in predicted}
    for key in sorted(set(gold_by_span) | set(pred_by_span)):
        g, p = gold_by_span.get(key), pred_by_span.get(key)
        if g and p and _same_value(g["value"], p["value"]):
            continue
        print(f"  {text[key[0]:key[1]]!r}: gold={g and g['value']!r} predicted={p and p['value']!r}")
