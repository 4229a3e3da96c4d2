"""One analyzed Document as backend-neutral table rows (the shape every store backend writes)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from khabar.document import Document, Entity
from khabar.store.searchtext import index_text
from khabar.text.normalize import normalize_key

PLACE_TYPES: tuple[str, ...] = ("LOC", "GPE")


def name_key(name: str | None) -> str:
    """The matching form of an entity name or a user's filter value."""
    return " ".join(normalize_key(name or "").lower().split())


def entity_key(entity: Entity) -> str:
    """Corpus-level identity: the KB id when linked, else the type and normalized name."""
    if entity.kb_id:
        return f"kb:{entity.kb_id}"
    return f"{entity.type}:{name_key(entity.name)}"


@dataclass
class DocRows:
    document: dict[str, Any]
    index_title: str
    index_body: str
    entities: list[dict[str, Any]] = field(default_factory=list)  # corpus level, one per key
    doc_entities: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    arguments: list[tuple[Any, ...]] = field(default_factory=list)
    numbers: list[tuple[Any, ...]] = field(default_factory=list)
    dates: list[tuple[Any, ...]] = field(default_factory=list)


def _sentence_text(doc: Document, offset: int) -> str:
    if doc.sentences:
        sentence = doc.sentences[doc.sentence_of(offset)]
        return doc.text[sentence.start:sentence.end].strip()
    start = doc.text.rfind("\n", 0, offset) + 1
    end = doc.text.find("\n", offset)
    return doc.text[start:end if end != -1 else len(doc.text)].strip()


def _number_value(value: Any) -> tuple[float | None, float | None]:
    if isinstance(value, list | tuple) and value:
        low, high = value[0], value[-1]
        return (float(low) if low is not None else None, float(high) if high is not None else None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), None
    return None, None


def document_rows(doc: Document, origin: str | None, added_at: str) -> DocRows:
    """Everything stored for ``doc``: its row, index text and one row per fact."""
    meta = doc.meta
    rows = DocRows(
        document={
            "id": doc.id, "source": meta.source, "url": meta.url, "published": meta.published,
            "title": meta.title, "language": meta.language, "origin": origin, "n_chars": len(doc.text),
            "text": doc.text, "doc_json": doc.dumps(), "added_at": added_at,
        },
        index_title=index_text(meta.title),
        index_body=index_text(doc.text),
    )
    keys: dict[str, str] = {}
    corpus: dict[str, dict[str, Any]] = {}
    for entity in doc.entities:
        key = entity_key(entity)
        keys[entity.id] = key
        geo = entity.geo
        row = corpus.setdefault(key, {
            "key": key, "type": entity.type, "name": entity.name, "name_norm": name_key(entity.name),
            "name_en": entity.name_en, "kb_id": entity.kb_id,
            "lat": geo.lat if geo else None, "lon": geo.lon if geo else None,
            "geonames_id": geo.geonames_id if geo else None, "country_code": geo.country_code if geo else None,
            "admin1": geo.admin1 if geo else None, "feature": geo.feature if geo else None, "n_mentions": 0,
        })
        row["n_mentions"] += len(entity.mentions)
        rows.doc_entities.append((doc.id, entity.id, key, entity.type, entity.name, len(entity.mentions)))
        rows.mentions.extend((doc.id, entity.id, key, m.start, m.end, m.text) for m in entity.mentions)
    rows.entities = list(corpus.values())

    def named(entity_id: str | None) -> tuple[str | None, str | None]:
        entity = doc.entity(entity_id)
        return (keys.get(entity_id or ""), entity.name if entity else None)

    for quote in doc.quotes:
        speaker_key, speaker_name = named(quote.speaker)
        if speaker_name is None and quote.speaker_text is not None:
            speaker_name = quote.speaker_text.text
        addressee_key, addressee_name = named(quote.addressee)
        rows.quotes.append((
            doc.id, quote.id, quote.kind, speaker_key, speaker_name, name_key(speaker_name) or None,
            quote.speaker_text.text if quote.speaker_text else None, quote.cue.text if quote.cue else None,
            quote.content.text, quote.content.start, quote.content.end, addressee_key, addressee_name,
            quote.channel, quote.confidence,
        ))
    for event in doc.events:
        location_key, location_name = named(event.location)
        reported_key, _ = named(event.reported_by)
        date = event.date
        day = (date.value or "")[:10] if date and date.value else meta.published
        acled = event.acled or {}
        rows.events.append((
            doc.id, event.id, event.type, event.mode, event.status, event.trigger.text, event.trigger.start,
            event.trigger.end, location_key, location_name, date.value if date else None,
            date.precision if date else None, date.text if date else None, day, event.fatalities,
            reported_key, acled.get("event_type"), acled.get("sub_event_type"), event.confidence,
            _sentence_text(doc, event.trigger.start),
        ))
        for role, ids in (("actor", event.actors), ("target", event.targets),
                          ("location", [event.location] if event.location else []),
                          ("reported_by", [event.reported_by] if event.reported_by else [])):
            for position, entity_id in enumerate(ids):
                key, name = named(entity_id)
                rows.arguments.append((doc.id, event.id, role, position, key, name))
    for number in doc.numbers:
        low, high = _number_value(number.value)
        rows.numbers.append((doc.id, number.start, number.end, number.text, low, high, number.unit, number.about))
    rows.dates.extend((doc.id, d.start, d.end, d.text, d.value, d.precision) for d in doc.dates)
    return rows


def iter_place_types() -> Iterator[str]:
    yield from PLACE_TYPES
