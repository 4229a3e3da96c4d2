"""``khabar eval link`` and ``khabar bench link``.

The gold set (``benchmarks/link_gold.jsonl``) holds no article text: each line names a SaudiNewsNet
archive and article URL, and lists name mentions by code-point offsets into the article's ``content``
with their type and the expected ``kb_id`` (null: the KB has no entry; the linker must leave it unlinked).
The mentions are given to the link stage as they are (an oracle NER), so the figures measure linking.
"""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path
from typing import Any

from khabar.document import Document, Mention
from khabar.paths import PACKAGE_DIR, shared_data_dir, shared_seeds_dir

DEFAULT_GOLD = PACKAGE_DIR.parents[1] / "benchmarks" / "link_gold.jsonl"
SEED_NAME = "000_62c9bd50daaa3a18.txt"
# Name mentions an NER stage would tag in the seed article (surface, type); every occurrence is used.
SEED_MENTIONS: tuple[tuple[str, str], ...] = (
    ("سيرجي لافروف", "PER"), ("لافروف", "PER"), ("جون كيري", "PER"), ("لكيري", "PER"), ("كيري", "PER"),
    ("الموصل", "LOC"), ("حلب", "LOC"), ("موسكو", "LOC"), ("إيران", "LOC"), ("أفغانستان", "LOC"),
    ("ولبنان", "LOC"), ("الحشد الشعبي", "ORG"), ("داعش", "ORG"), ("تنظيم الدولة", "ORG"),
    ("الأمم المتحدة", "ORG"), ("وكالة الأناضول", "ORG"), ("نعينيعة", "LOC"), ("القيارة", "LOC"),
    ("الشرطة الاتحادية", "ORG"), ("الجيش العراقي", "ORG"), ("الولايات المتحدة الأمريكية", "LOC"),
)


def mentions_for(text: str, surfaces: tuple[tuple[str, str], ...]) -> list[Mention]:
    """Every occurrence of each surface, longest first, without overlaps."""
    found: list[Mention] = []
    for surface, kind in sorted(surfaces, key=lambda s: -len(s[0])):
        position = text.find(surface)
        while position >= 0:
            end = position + len(surface)
            if not any(position < m.end and m.start < end for m in found):
                found.append(Mention(position, end, surface, kind, "hand", 1.0))
            position = text.find(surface, position + 1)
    return sorted(found, key=lambda m: m.start)


def _articles(data_dir: Path, archive: str) -> dict[str, dict[str, Any]]:
    with zipfile.ZipFile(data_dir / "saudinewsnet" / archive) as bundle:
        name = bundle.namelist()[0]
        return {item["url"]: item for item in json.loads(bundle.read(name).decode("utf-8"))}


def evaluate_link(gold: Path | None = None, data_dir: Path | None = None) -> dict[str, Any]:
    from khabar.link.stage import link_entities

    gold = gold or DEFAULT_GOLD
    data_dir = data_dir or shared_data_dir()
    assert data_dir is not None
    cache: dict[str, dict[str, dict[str, Any]]] = {}
    total = correct = linked = linked_correct = gold_linked = recalled = skipped = 0
    errors: list[dict[str, Any]] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        articles = cache.setdefault(record["archive"], _articles(data_dir, record["archive"]))
        article = articles.get(record["url"])
        if article is None:
            skipped += 1
            continue
        text = article["content"]
        mentions = []
        for item in record["mentions"]:
            if text[item["start"]:item["end"]] != item["text"]:
                skipped += 1
                continue
            mentions.append((Mention(item["start"], item["end"], item["text"], item["type"], "gold"), item))
        doc = link_entities(Document(text, mentions=[m for m, _ in mentions]))
        for mention, item in mentions:
            entity = next((e for e in doc.entities for m in e.mentions
                           if m.start == mention.start and m.end == mention.end), None)
            predicted = entity.kb_id if entity else None
            expected = item.get("kb_id")
            total += 1
            correct += predicted == expected
            if predicted is not None:
                linked += 1
                linked_correct += predicted == expected
            if expected is not None:
                gold_linked += 1
                recalled += predicted == expected
            if predicted != expected:
                errors.append({"text": item["text"], "expected": expected, "predicted": predicted})
    precision = linked_correct / linked if linked else 0.0
    recall = recalled / gold_linked if gold_linked else 0.0
    return {
        "mentions": total, "accuracy": round(correct / total, 4) if total else 0.0,
        "link_precision": round(precision, 4), "link_recall": round(recall, 4),
        "link_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "skipped": skipped, "errors": errors[:40],
    }


def bench_link(repeat: int = 50) -> dict[str, float]:
    from khabar.link.kb import load_kb
    from khabar.link.stage import link_entities
    from khabar.link.translit import model

    seeds = shared_seeds_dir()
    if seeds is None:
        raise FileNotFoundError("seed article not found")
    text = (seeds / SEED_NAME).read_text(encoding="utf-8")
    started = time.perf_counter()
    kb = load_kb()
    load = time.perf_counter() - started
    started = time.perf_counter()
    model()
    translit_load = time.perf_counter() - started
    link_entities(Document(text, mentions=mentions_for(text, SEED_MENTIONS)), kb)
    started = time.perf_counter()
    for _ in range(repeat):
        link_entities(Document(text, mentions=mentions_for(text, SEED_MENTIONS)), kb)
    per_article = (time.perf_counter() - started) / repeat
    return {"kb_load_s": round(load, 3), "translit_load_s": round(translit_load, 3),
            "ms_per_article": round(per_article * 1000, 2), "entries": len(kb.entries)}
