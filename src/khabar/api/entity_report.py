"""One entity across the corpus: mentions in context, quotes as speaker, events, timeline.

Built from the store's public API only: ``entity()`` gives the entity and the documents that
mention it, each document's own annotations give the mentions and quotes (matched through the
store's corpus-level entity key), and ``events()`` the events it takes part in.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from khabar.api.store import LockedStore
from khabar.document import Document

CONTEXT = 60


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT)
    return {"before": text[left:start].replace("\n", " "), "text": text[start:end],
            "after": text[end:right].replace("\n", " ")}


def _local_ids(doc: Document, key: str) -> set[str]:
    from khabar.store.rows import entity_key

    return {entity.id for entity in doc.entities if entity_key(entity) == key}


def entity_report(store: LockedStore, key_or_name: str, limit: int = 100) -> dict[str, Any] | None:
    from khabar.store.model import Filters

    entity = store.call("entity", key_or_name)
    if entity is None:
        return None
    key = entity["key"]
    mentions: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    per_day: Counter[str] = Counter()
    undated = 0
    for doc_id in entity.get("documents", [])[:limit]:
        doc = store.call("get", doc_id)
        if doc is None:
            continue
        ids = _local_ids(doc, key)
        doc_info = {"doc_id": doc.id, "title": doc.meta.title, "published": doc.meta.published,
                    "source": doc.meta.source}
        count = 0
        for local in doc.entities:
            if local.id not in ids:
                continue
            for mention in local.mentions:
                count += 1
                if len(mentions) < limit:
                    mentions.append({**doc_info, "start": mention.start, "end": mention.end,
                                     **_context(doc.text, mention.start, mention.end)})
        for quote in doc.quotes:
            if quote.speaker in ids and len(quotes) < limit:
                quotes.append({**doc_info, "id": quote.id, "kind": quote.kind, "content": quote.content.text,
                               "cue": quote.cue.text if quote.cue else None, "channel": quote.channel,
                               "start": quote.content.start, "end": quote.content.end})
        if doc.meta.published:
            per_day[doc.meta.published[:10]] += count
        else:
            undated += count
    events = store.call("events", Filters(entity=key), limit, 0)
    timeline = [{"date": day, "mentions": n} for day, n in sorted(per_day.items())]
    return {"entity": entity, "mentions": mentions, "quotes": quotes, "events": events, "timeline": timeline,
            "undated_mentions": undated}
