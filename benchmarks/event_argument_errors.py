"""List event-argument errors on matched dev events, by class (actor, target, location, fatalities).

Usage: python benchmarks/event_argument_errors.py [--gold PATH] [--kinds actor,target,location,fatalities]

For each gold event matched by a system event (the same matching as ``khabar eval events``), prints
the gold spans next to the system's entities and the trigger's sentence, so errors can be grouped
into classes (victim taken as actor, reporter as actor, passive agent elsewhere, place as target ...).
Dev split only: held-out splits are refused, so their errors are never seen.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from khabar.document import Document, Meta
from khabar.events import evaluate as ev
from khabar.events.commands import pipeline_stages
from khabar.pipeline import analyze


def _names(doc: Document, ids: list[str]) -> list[str]:
    return [(entity.name if (entity := doc.entity(i)) else i) for i in ids]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=None, help="gold JSONL (default: the package's events gold)")
    parser.add_argument("--kinds", default="actor,target,location,fatalities")
    args = parser.parse_args()
    kinds = set(args.kinds.split(","))
    stages = pipeline_stages()
    path = Path(args.gold) if args.gold else ev.GOLD_PATH
    counts = dict.fromkeys(("actor", "target", "location", "fatalities"), 0)
    for gold in ev.select(ev.load_gold(path), "dev"):
        article = ev.article_of(gold)
        text = article["content"]
        doc = analyze(text, Meta(source=article.get("source"), url=gold.url, published=ev._published(article),
                                 title=article.get("title")), stages=stages)
        golds = [g for g in gold.events if g.type in ev.SCOPE]
        matched: set[int] = set()
        for event in (e for e in doc.events if e.type in ev.SCOPE):
            spans = ev.system_triggers(doc, event)
            hit = next((i for i, g in enumerate(golds) if i not in matched and g.type == event.type
                        and ev._overlaps(spans, g.triggers)), None)
            if hit is None:
                continue
            matched.add(hit)
            g = golds[hit]
            problems = []
            if "actor" in kinds and g.actors and not any(ev._entity_matches(doc, a, g.actors) for a in event.actors):
                problems.append(("actor", [text[s:e] for s, e in g.actors], _names(doc, event.actors)))
            if "target" in kinds and g.targets and not any(ev._entity_matches(doc, t, g.targets)
                                                           for t in event.targets):
                problems.append(("target", [text[s:e] for s, e in g.targets], _names(doc, event.targets)))
            if "location" in kinds and g.location and not ev._location_matches(doc, event.location, g.location):
                problems.append(("location", [text[s:e] for s, e in g.location],
                                 _names(doc, [event.location] if event.location else [])))
            if "fatalities" in kinds and event.fatalities != g.fatalities:
                problems.append(("fatalities", [str(g.fatalities)], [str(event.fatalities)]))
            if not problems:
                continue
            sentence = next((s for s in doc.sentences if s.start <= event.trigger.start < s.end), None)
            print(f"## {gold.url} {event.type} {event.trigger.text!r}")
            for kind, wanted, got in problems:
                counts[kind] += 1
                print(f"    {kind.upper()} gold={wanted} system={got}")
            if sentence is not None:
                print(f"    S: {text[sentence.start:sentence.end]}")
    print("errors:", counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
