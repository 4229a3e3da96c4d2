"""``khabar eval link`` and ``khabar bench link``.

The gold set (``benchmarks/link_gold.jsonl``, see ``benchmarks/README_link.md``) holds no article text:
each line names a SaudiNewsNet archive, an article URL, the SHA-1 of its ``content`` (an article whose text
changed is skipped), its split (dev/test) and its PER/ORG/GPE/LOC name mentions by code-point offsets with
type, expected ``kb_id`` (null: not in the KB; the linker must leave it unlinked), optional ``alt`` ids also
accepted (a region's same-named capital) and, for places, the expected country ``cc``.

Two modes, both reported by default:
- ``gold``: the gold mentions are given to the link stage as they are (an oracle NER): linking accuracy,
  precision/recall of non-null links, NIL accuracy, country accuracy of places;
- ``e2e``: the real pipeline (``khabar.pipeline.analyze``: segmentation, NER, ..., linking) runs on the text;
  precision/recall/F1 of (span, kb id) pairs over the mentions of linked PER/ORG/GPE/LOC entities.
  Spans match when they end at the same offset and differ only by proclitics (و ف ب ك ل) or one place
  descriptor (منطقة، محافظة، مدينة ...) at the start.

Both modes also report the tracker's three figures (``issue``, see ``eval_metrics.IssueTally``): places geocoded
within 25 km of the gold point (the KB coordinates of the accepted entries, or the mention's annotated
``lat``/``lon``), PER/ORG mentions linked to the right entry (or left unlinked when the KB lacks them), and
coreference B-cubed over the gold mentions the system found (gold clusters: a mention's ``cluster``, else its
``kb_id``, else a singleton), with the share of gold mentions found. In ``e2e`` the first two are computed over
the gold mentions the pipeline found, and again over all gold mentions (``all_gold``: a missed mention is wrong).
"""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.document import Document, Entity, Mention, Meta
from khabar.link.eval_metrics import IssueTally, Point, within_km
from khabar.link.keys import PLACE_DESCRIPTORS, clitic_forms, name_key
from khabar.paths import PACKAGE_DIR, shared_data_dir, shared_seeds_dir

DEFAULT_GOLD = PACKAGE_DIR.parents[1] / "benchmarks" / "link_gold.jsonl"
SEED_NAME = "000_62c9bd50daaa3a18.txt"
NAME_TYPES = frozenset({"PER", "ORG", "GPE", "LOC"})
PROCLITICS = frozenset("وفبكل")
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


@dataclass
class GoldArticle:
    url: str
    text: str
    published: str
    mentions: list[dict[str, Any]]


def load_gold(gold: Path | None = None, split: str | None = None,
              data_dir: Path | None = None) -> tuple[list[GoldArticle], int]:
    """The gold articles of ``split`` (all when None) with their text, and how many were skipped."""
    gold = gold or DEFAULT_GOLD
    data_dir = data_dir or shared_data_dir()
    if data_dir is None:
        raise FileNotFoundError("shared data folder not found (SaudiNewsNet archives)")
    cache: dict[str, dict[str, str]] = {}
    articles: list[GoldArticle] = []
    skipped = 0
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = sorted({str(record.get("split")) for record in records})
    if split and split not in splits:
        raise ValueError(f"no split {split!r} in {gold.name} (splits: {', '.join(splits) or 'none'}; or all)")
    for record in records:
        if split and record.get("split") != split:
            continue
        archive = record["archive"]
        if archive not in cache:
            with zipfile.ZipFile(data_dir / "saudinewsnet" / archive) as bundle:
                items = json.loads(bundle.read(bundle.namelist()[0]).decode("utf-8"))
            cache[archive] = {item["url"]: item["content"] for item in items}
        text = cache[archive].get(record["url"])
        if text is None or hashlib.sha1(text.encode("utf-8")).hexdigest() != record["sha1"]:
            skipped += 1
            continue
        articles.append(GoldArticle(record["url"], text, archive.removesuffix(".zip"), record["mentions"]))
    return articles, skipped


def _accepted(item: dict[str, Any]) -> set[str]:
    return {i for i in [item.get("kb_id"), *item.get("alt", [])] if i}


def grown_kb(item: dict[str, Any], predicted: str | None, coordinates: dict[str, Point]) -> bool:
    """A place the KB lacked when annotated (``kb_id`` null, gold point given) linked to an entry added since,
    whose point lies within 25 km of the gold point: the link is right (the KB grew, the gold did not)."""
    if predicted is None or item.get("kb_id") or item.get("type") not in ("GPE", "LOC"):
        return False
    point = coordinates.get(predicted)
    return point is not None and within_km(point, gold_points(item, coordinates))


def _same_span(text: str, gold: tuple[int, int], predicted: tuple[int, int]) -> bool:
    """Same end, and the starts differ only by proclitics or one leading place descriptor (بمحافظة الأحساء:
    "الأحساء" and "محافظة الأحساء" are one mention; the annotations keep منطقة عسير but not محافظة الأحساء)."""
    if gold[1] != predicted[1]:
        return False
    low, high = sorted((gold[0], predicted[0]))
    gap = text[low:high]
    if all(ch in PROCLITICS for ch in gap):
        return True
    words = gap.split()
    return len(words) == 1 and gap.endswith(" ") and any(
        variant in PLACE_DESCRIPTORS for variant, _ in clitic_forms(name_key(words[0])))


def _prf(matched: int, predicted: int, expected: int) -> dict[str, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, name: str, value: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + value


def gold_points(item: dict[str, Any], coordinates: dict[str, Point]) -> list[Point]:
    """A gold place's reference points: its annotated ``lat``/``lon``, else the accepted KB entries' points."""
    if item.get("lat") is not None and item.get("lon") is not None:
        return [(float(item["lat"]), float(item["lon"]))]
    return [coordinates[i] for i in sorted(_accepted(item)) if i in coordinates]


def kb_coordinates() -> dict[str, Point]:
    from khabar.link.kb import get_kb

    return {e.kb_id: (e.lat, e.lon) for e in get_kb().entries if e.lat is not None and e.lon is not None}


def _issue_add(tally: IssueTally, article: GoldArticle, owners: list[Entity | None], found: list[bool],
               coordinates: dict[str, Point], errors: list[dict[str, Any]]) -> None:
    tally.add(article.mentions, found, [e.id if e else None for e in owners],
              [e.kb_id if e else None for e in owners],
              [(e.geo.lat, e.geo.lon) if e and e.geo else None for e in owners],
              [gold_points(m, coordinates) if m["type"] in ("GPE", "LOC") else [] for m in article.mentions],
              [_accepted(m) for m in article.mentions])
    for i in tally.wrong_places:
        item, entity = article.mentions[i], owners[i]
        errors.append({"text": article.text[item["start"]:item["end"]], "kind": "place not within 25 km",
                       "expected": item.get("kb_id") or [item.get("lat"), item.get("lon")],
                       "predicted": entity.kb_id if entity else None,
                       "geo": [entity.geo.lat, entity.geo.lon] if entity and entity.geo else None})


def evaluate_gold_mentions(articles: list[GoldArticle]) -> dict[str, Any]:
    """Linking given the gold mentions (oracle NER)."""
    from khabar.link.kb import get_kb
    from khabar.link.stage import link_entities
    from khabar.link.translit import model

    get_kb(), model()  # loaded once per process: not part of the per-article time
    tally = Tally()
    issue = IssueTally()
    coordinates = kb_coordinates()
    for article in articles:
        mentions = [Mention(m["start"], m["end"], article.text[m["start"]:m["end"]], m["type"], "gold")
                    for m in article.mentions]
        started = time.perf_counter()
        doc = link_entities(Document(article.text, mentions=mentions, meta=Meta(published=article.published)))
        tally.seconds += time.perf_counter() - started
        owner = {(m.start, m.end): e for e in doc.entities for m in e.mentions}
        # a gold mention the repair step extended (الأحساء -> محافظة الأحساء) is held under its new span
        owners = [owner.get((m["start"], m["end"])) or _owner(article.text, (m["start"], m["end"]), doc.entities)
                  for m in article.mentions]
        _issue_add(issue, article, owners, [True] * len(owners), coordinates, tally.errors)
        for item, entity in zip(article.mentions, owners, strict=True):
            predicted = entity.kb_id if entity else None
            accepted = _accepted(item)
            if grown_kb(item, predicted, coordinates):
                accepted = {str(predicted)}
            right = predicted in accepted if accepted else predicted is None
            tally.add("mentions")
            tally.add("correct", right)
            tally.add("predicted_links", predicted is not None)
            tally.add("correct_links", predicted is not None and predicted in accepted)
            tally.add("gold_links", bool(accepted))
            if not _accepted(item):
                tally.add("gold_nil")
                tally.add("nil_correct", right)
            if item.get("cc"):
                geo_cc = entity.geo.country_code if entity and entity.geo else None
                tally.add("places_with_country")
                tally.add("country_correct", geo_cc == item["cc"])
            if not right:
                tally.errors.append({"text": article.text[item["start"]:item["end"]],
                                     "expected": item.get("kb_id"), "predicted": predicted})
    c = tally.counts
    return {
        "articles": len(articles), "mentions": c.get("mentions", 0),
        "accuracy": round(c.get("correct", 0) / max(1, c.get("mentions", 0)), 4),
        "links": _prf(c.get("correct_links", 0), c.get("predicted_links", 0), c.get("gold_links", 0)),
        "nil_accuracy": round(c.get("nil_correct", 0) / max(1, c.get("gold_nil", 0)), 4),
        "place_country_accuracy": round(c.get("country_correct", 0) / max(1, c.get("places_with_country", 0)), 4),
        "link_ms_per_article": round(1000 * tally.seconds / max(1, len(articles)), 2),
        "issue": issue.report(strict=False),
        "errors": tally.errors[:100],
    }


def _owner(text: str, span: tuple[int, int], entities: list[Entity]) -> Entity | None:
    """The system entity holding the mention at ``span`` (exact span first, then up to proclitics)."""
    held = [(m, e) for e in entities for m in e.mentions if _same_span(text, span, (m.start, m.end))]
    exact = [e for m, e in held if (m.start, m.end) == span]
    named = [e for m, e in held if m.type in NAME_TYPES]
    return (exact or named or [e for _, e in held] or [None])[0]


def evaluate_end_to_end(articles: list[GoldArticle]) -> dict[str, Any]:
    """The whole pipeline: found and correctly linked (span, kb id) pairs."""
    from khabar.pipeline import analyze

    tally = Tally()
    issue = IssueTally()
    coordinates = kb_coordinates()
    warnings: set[str] = set()
    if articles:
        analyze(articles[0].text, published=articles[0].published)  # warm-up: models load once per process
    for article in articles:
        started = time.perf_counter()
        doc = analyze(article.text, published=article.published)
        tally.seconds += time.perf_counter() - started
        warnings |= {w for w in doc.warnings if "stage" in w}
        predicted = [((m.start, m.end), e.kb_id) for e in doc.entities if e.type in NAME_TYPES and e.kb_id
                     for m in e.mentions if m.type in NAME_TYPES]
        spans = [(m.start, m.end) for m in doc.mentions if m.type in NAME_TYPES]
        gold = [((m["start"], m["end"]), _accepted(m)) for m in article.mentions]
        owners = [_owner(article.text, g, doc.entities) for g, _ in gold]
        _issue_add(issue, article, owners, [o is not None for o in owners], coordinates, tally.errors)
        tally.add("gold_mentions", len(gold))
        tally.add("predicted_mentions", len(spans))
        tally.add("found_mentions", sum(any(_same_span(article.text, g, s) for s in spans) for g, _ in gold))
        tally.add("gold_pairs", sum(1 for _, ids in gold if ids))
        used: set[int] = set()
        for span, kb_id in predicted:
            hit = next((i for i, (g, ids) in enumerate(gold) if i not in used and kb_id in ids
                        and _same_span(article.text, g, span)), None)
            if hit is None and any(grown_kb(m, kb_id, coordinates) and _same_span(article.text, g, span)
                                   for m, (g, _) in zip(article.mentions, gold, strict=True)):
                continue  # a place the KB lacked at annotation, now linked at its gold point: not scored
            tally.add("predicted_pairs")
            if hit is None:
                tally.errors.append({"text": article.text[span[0]:span[1]], "predicted": kb_id, "kind": "false"})
            else:
                used.add(hit)
                tally.add("matched_pairs")
        for i, (g, ids) in enumerate(gold):
            if ids and i not in used:
                tally.errors.append({"text": article.text[g[0]:g[1]], "expected": sorted(ids), "kind": "missed"})
    c = tally.counts
    return {
        "articles": len(articles), "gold_pairs": c.get("gold_pairs", 0), "predicted_pairs": c.get("predicted_pairs", 0),
        "pairs": _prf(c.get("matched_pairs", 0), c.get("predicted_pairs", 0), c.get("gold_pairs", 0)),
        "mention_detection": _prf(c.get("found_mentions", 0), c.get("predicted_mentions", 0),
                                  c.get("gold_mentions", 0)),
        "pipeline_ms_per_article": round(1000 * tally.seconds / max(1, len(articles)), 1),
        "issue": issue.report(strict=True),
        "pipeline_warnings": sorted(warnings)[:5], "errors": tally.errors[:100],
    }


def evaluate_link(gold: Path | None = None, data_dir: Path | None = None, split: str | None = None,
                  mode: str = "both") -> dict[str, Any]:
    articles, skipped = load_gold(gold, split, data_dir)
    report: dict[str, Any] = {"split": split or "all", "articles": len(articles), "skipped": skipped}
    if mode in ("gold", "both"):
        report["gold_mentions"] = evaluate_gold_mentions(articles)
    if mode in ("e2e", "both"):
        report["end_to_end"] = evaluate_end_to_end(articles)
    return report


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


def _share_text(item: dict[str, Any]) -> str:
    return f"{item['score']:.3f} ({item['correct']}/{item['total']})"


def format_report(report: dict[str, Any]) -> str:
    """The ``khabar eval link`` report as readable lines (``--json`` prints the dictionary)."""
    lines = [f"split {report['split']}: {report['articles']} articles ({report['skipped']} skipped)"]
    gold = report.get("gold_mentions")
    if gold:
        lines += [f"gold mentions ({gold['mentions']}): accuracy {gold['accuracy']:.3f}, links P/R/F1 "
                  f"{gold['links']['precision']:.3f}/{gold['links']['recall']:.3f}/{gold['links']['f1']:.3f}, "
                  f"NIL accuracy {gold['nil_accuracy']:.3f}, place country accuracy "
                  f"{gold['place_country_accuracy']:.3f}, {gold['link_ms_per_article']} ms/article"]
        lines += _issue_lines(gold["issue"])
    e2e = report.get("end_to_end")
    if e2e:
        pairs, detection = e2e["pairs"], e2e["mention_detection"]
        lines += [f"end to end: (span, kb id) pairs P/R/F1 {pairs['precision']:.3f}/{pairs['recall']:.3f}/"
                  f"{pairs['f1']:.3f} (gold {e2e['gold_pairs']}, predicted {e2e['predicted_pairs']}), mention "
                  f"detection P/R/F1 {detection['precision']:.3f}/{detection['recall']:.3f}/{detection['f1']:.3f}, "
                  f"{e2e['pipeline_ms_per_article']} ms/article"]
        lines += _issue_lines(e2e["issue"])
    return "\n".join(lines)


def _issue_lines(issue: dict[str, Any]) -> list[str]:
    places, actors, coref = issue["places_within_25km"], issue["per_org_linked"], issue["coreference_bcubed"]
    strict_places = f"; all gold {_share_text(places['all_gold'])}" if "all_gold" in places else ""
    strict_actors = f"; all gold {_share_text(actors['all_gold'])}" if "all_gold" in actors else ""
    return [
        f"  places within 25 km (target 0.90): {_share_text(places)} mentions found{strict_places}; entities "
        f"{_share_text(places['entities'])}; {places['unscorable_no_coordinates']} without gold coordinates",
        f"  PER/ORG linked right or NIL (target 0.85): {_share_text(actors)} mentions found{strict_actors}",
        f"  coreference B-cubed (target F1 0.90): P {coref['precision']:.3f} R {coref['recall']:.3f} "
        f"F1 {coref['f1']:.3f} over {coref['mentions']} found gold mentions; gold mentions found "
        f"{_share_text(issue['gold_mentions_found'])}",
    ]
