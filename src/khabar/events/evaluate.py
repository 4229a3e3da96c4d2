"""Event evaluation on hand-annotated SaudiNewsNet articles (package data ``data/events/gold.jsonl``).

The gold file holds references only (the article's url, source zip, the SHA-1 of its ``content``
and offsets into it); texts are read from the shared corpus at run time, never stored in the
repository or the package. Splits: ``dev`` (rules were tuned on it) and ``test`` (held out: never
looked at while tuning; report both separately).
Gold scope: violent and coercive events and protests (PLOVER ASSAULT, COERCE, PROTEST), one gold
event per real happening with every trigger span that mentions it.

Scores: detection precision/recall/F1 (a system event matches a gold event of the same type
when one of its triggers overlaps one of the gold triggers, the gold event of its own trigger
first; one-to-one, a second system event for an already matched gold event counts as a false
positive); on matched events, accuracy of
fatalities (exact, null included), location (the system place entity has a mention overlapping a
gold place span or the same normalized name, or lies within 25 km of a place entity named there),
actor and target attribution (likewise, any gold span; an unnamed actor such as مسلحون is carried
as a descriptive entity whose mention is that text span), date (when the gold event has one: the
same ISO value, or the same prefix at the gold precision) and status.
Any split in the file can be evaluated (``dev``, ``test``, ``test2`` ...); ``None`` takes all.
"""

from __future__ import annotations

import hashlib
import json
import math
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from khabar.document import Document, Event, Meta
from khabar.events.lexicon import load_lexicon
from khabar.events.scan import find_triggers, sentences_of, words_of
from khabar.paths import PACKAGE_DATA, shared_data_dir
from khabar.text.normalize import normalize_key

GOLD_PATH = PACKAGE_DATA / "events" / "gold.jsonl"


class GoldError(RuntimeError):
    """The gold file or the corpus it points to is missing or does not match."""
SCOPE = frozenset({"ASSAULT", "COERCE", "PROTEST"})


@dataclass
class GoldEvent:
    type: str
    triggers: list[tuple[int, int]]
    actors: list[tuple[int, int]] = field(default_factory=list)
    targets: list[tuple[int, int]] = field(default_factory=list)
    location: list[tuple[int, int]] = field(default_factory=list)
    fatalities: int | None = None
    status: str = "happened"
    date: str | None = None  # ISO value (YYYY, YYYY-MM or YYYY-MM-DD) when annotated


@dataclass
class GoldArticle:
    url: str
    zip: str
    split: str
    events: list[GoldEvent]
    sha1: str | None = None


def load_gold(path: Path = GOLD_PATH) -> list[GoldArticle]:
    if not path.is_file():
        raise GoldError(f"event gold file not found: {path}")
    out: list[GoldArticle] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        events = [GoldEvent(e["type"], [tuple(t) for t in e["triggers"]], [tuple(a) for a in e.get("actors", [])],
                            [tuple(t) for t in e.get("targets", [])], [tuple(x) for x in e.get("location", [])],
                            e.get("fatalities"), e.get("status", "happened"), e.get("date"))
                  for e in data["events"]]
        out.append(GoldArticle(data["url"], data["zip"], data["split"], events, data.get("sha1")))
    return out


@lru_cache(maxsize=8)
def _zip_articles(zip_name: str) -> dict[str, dict[str, Any]]:
    base = shared_data_dir() / "saudinewsnet" / zip_name
    if not base.is_file():
        raise GoldError(f"corpus file not found: {base} (the SaudiNewsNet zips are needed to evaluate events)")
    with zipfile.ZipFile(base) as archive:
        out: dict[str, dict[str, Any]] = {}
        for name in archive.namelist():
            for article in json.loads(archive.read(name)):
                out.setdefault(article["url"], article)
    return out


def article_of(gold: GoldArticle) -> dict[str, Any]:
    article = _zip_articles(gold.zip).get(gold.url)
    if article is None:
        raise GoldError(f"article not in {gold.zip}: {gold.url}")
    if gold.sha1 and hashlib.sha1(article["content"].encode("utf-8")).hexdigest() != gold.sha1:
        raise GoldError(f"article text changed (SHA-1 mismatch), offsets would be wrong: {gold.url}")
    return article


def _published(article: dict[str, Any]) -> str | None:
    value = str(article.get("date_extracted") or "")[:10]
    return value if len(value) == 10 and value[4] == "-" else None


def system_triggers(doc: Document, event: Event) -> list[tuple[int, int]]:
    """The event's trigger plus every same-type trigger in its evidence sentences."""
    spans = [(event.trigger.start, event.trigger.end)]
    words = words_of(doc, sentences_of(doc))
    lexicon = load_lexicon()
    for evidence in event.evidence:
        for trigger in find_triggers([w for w in words if evidence.start <= w.start < evidence.end], lexicon):
            if trigger.entry.type == event.type:
                spans.append((trigger.start, trigger.end))
    return spans


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _entity_matches(doc: Document, entity_id: str | None, spans: list[tuple[int, int]]) -> bool:
    entity = doc.entity(entity_id)
    if entity is None or not spans:
        return False
    if _overlaps([(m.start, m.end) for m in entity.mentions], spans):
        return True
    names = {normalize_key(entity.name)} | {normalize_key(m.text) for m in entity.mentions}
    gold = {normalize_key(doc.text[s:e]) for s, e in spans}
    return any(n and (n in g or g in n) for n in names for g in gold)


NEAR_KM = 25.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lat2 = math.radians(a[0]), math.radians(b[0])
    dlat, dlon = lat2 - lat1, math.radians(b[1] - a[1])
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _point(doc: Document, entity_id: str | None) -> tuple[float, float] | None:
    entity = doc.entity(entity_id) if entity_id else None
    if entity is None or entity.geo is None or entity.geo.lat is None or entity.geo.lon is None:
        return None
    return (entity.geo.lat, entity.geo.lon)


def _location_matches(doc: Document, entity_id: str | None, spans: list[tuple[int, int]]) -> bool:
    """The same place (mention or name), or within 25 km of a place entity mentioned at a gold span."""
    if _entity_matches(doc, entity_id, spans):
        return True
    point = _point(doc, entity_id)
    if point is None:
        return False
    for entity in doc.entities:
        other = _point(doc, entity.id)
        if other is not None and _overlaps([(m.start, m.end) for m in entity.mentions], spans) \
                and _km(point, other) <= NEAR_KM:
            return True
    return False


def _date_matches(event: Event, gold: str) -> bool:
    value = event.date.value if event.date else None
    return bool(value) and value[:len(gold)] == gold


def select(articles: list[GoldArticle], split: str | None) -> list[GoldArticle]:
    """The articles of ``split`` (None: all); an unknown split is an error naming the present ones."""
    chosen = [a for a in articles if split in (None, a.split)]
    if split is not None and not chosen:
        present = ", ".join(sorted({a.split for a in articles})) or "none"
        raise GoldError(f"no article with split {split!r} in the gold file (splits present: {present})")
    return chosen


def evaluate(analyze_fn: Any, split: str | None = None, path: Path = GOLD_PATH,
             types: frozenset[str] | None = SCOPE) -> dict[str, Any]:
    """Scores on the gold articles of ``split``, counting events of ``types`` only (gold and system
    alike; a gold file annotated with more PLOVER types is scored on the gold scope by default);
    ``types=None`` scores every type."""
    tp = fp = fn = 0
    fat_ok = fat_n = loc_ok = loc_n = act_ok = act_n = status_ok = tgt_ok = tgt_n = date_ok = date_n = 0
    articles = select(load_gold(path), split)
    per_article: list[dict[str, Any]] = []
    for gold in articles:
        article = article_of(gold)
        doc = analyze_fn(article["content"], Meta(source=article.get("source"), url=gold.url,
                                                 published=_published(article), title=article.get("title")))
        system = [e for e in doc.events if types is None or e.type in types]
        gold_events = [g for g in gold.events if types is None or g.type in types]
        matched: set[int] = set()
        a_tp = 0
        for event in system:
            spans = system_triggers(doc, event)
            own = [(event.trigger.start, event.trigger.end)]
            # the gold event of the system event's own trigger first, then one of its sentences' triggers
            hit = next((i for i, g in enumerate(gold_events)
                        if i not in matched and g.type == event.type and _overlaps(own, g.triggers)), None)
            if hit is None:
                hit = next((i for i, g in enumerate(gold_events)
                            if i not in matched and g.type == event.type and _overlaps(spans, g.triggers)), None)
            if hit is None:
                fp += 1
                continue
            matched.add(hit)
            tp += 1
            a_tp += 1
            g = gold_events[hit]
            fat_n += 1
            fat_ok += int(event.fatalities == g.fatalities)
            status_ok += int(event.status == g.status)
            if g.location:
                loc_n += 1
                loc_ok += int(_location_matches(doc, event.location, g.location))
            if g.actors:
                act_n += 1
                act_ok += int(any(_entity_matches(doc, a, g.actors) for a in event.actors))
            if g.targets:
                tgt_n += 1
                tgt_ok += int(any(_entity_matches(doc, t, g.targets) for t in event.targets))
            if g.date:
                date_n += 1
                date_ok += int(_date_matches(event, g.date))
        fn += len(gold_events) - len(matched)
        per_article.append({"url": gold.url, "gold": len(gold_events), "system": len(system), "matched": a_tp})
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "split": split or "all", "types": sorted(types) if types is not None else "all",
        "articles": len(articles), "gold_events": tp + fn, "system_events": tp + fp,
        "matched": tp,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "fatalities_accuracy": ratio(fat_ok, fat_n), "location_accuracy": ratio(loc_ok, loc_n),
        "location_n": loc_n, "actor_accuracy": ratio(act_ok, act_n), "actor_n": act_n,
        "target_accuracy": ratio(tgt_ok, tgt_n), "target_n": tgt_n, "date_accuracy": ratio(date_ok, date_n),
        "date_n": date_n,
        "status_accuracy": ratio(status_ok, fat_n), "per_article": per_article,
    }
