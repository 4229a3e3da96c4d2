"""The document model: one article and every annotation the pipeline adds to it.

All offsets are Unicode code-point offsets into ``Document.text``, which is never modified.
Every annotation type round-trips through plain JSON (``to_json``/``from_json``); the JSON
shape is the public contract ``khabar.document/1`` (see ``schema/document.schema.json``).

Layers that only the pipeline needs (tokens, quotation-mark pairs, raw NER mentions) are kept
on the document too so later stages can read them instead of re-parsing strings; tokens are
left out of the JSON by default because they are large and derivable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = "khabar.document/1"

EntityType = Literal["PER", "ORG", "LOC", "GPE", "NORP", "MISC"]
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "GPE", "NORP", "MISC")
QuoteKind = Literal["direct", "indirect", "mixed"]
EventStatus = Literal["happened", "planned", "threatened", "denied", "hypothetical", "claimed"]
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


_Class = TypeVar("_Class", bound=type)


def _pickled_by_fields(cls: _Class) -> _Class:
    """Pickle instances as ``cls(*field values)``.

    The dataclass default for slotted classes goes through Python-level ``__getstate__`` and
    ``__setstate__`` and is about twice as slow to load; a multi-process batch pays it for every
    token of every article it sends back.
    """
    names = [f.name for f in fields(cls)]
    getter: Callable[[Any], Any] = attrgetter(*names)
    single = len(names) == 1

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        values = getter(self)
        return cls, (values,) if single else values

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


@_pickled_by_fields
@dataclass(slots=True)
class Span:
    """A stretch of the original text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Span | None:
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@_pickled_by_fields
@dataclass(slots=True)
class Segment:
    """One piece of a token after clitic segmentation (e.g. و + ب + ال + موصل)."""

    start: int
    end: int
    text: str
    role: Literal["proclitic", "stem", "enclitic"]


@_pickled_by_fields
@dataclass(slots=True)
class Token:
    """A whitespace/punctuation token with its clitic segments; ``norm`` is its matching form."""

    start: int
    end: int
    text: str
    norm: str
    segments: list[Segment] = field(default_factory=list)
    sentence: int = 0

    @property
    def stem(self) -> Segment:
        for segment in self.segments:
            if segment.role == "stem":
                return segment
        return Segment(self.start, self.end, self.text, "stem")

    @property
    def is_word(self) -> bool:
        """Letters or digits after folding: a run of tatweel (ـــ) used as a separator is not a word."""
        return any(ch.isalnum() for ch in self.norm)


@_pickled_by_fields
@dataclass(slots=True)
class Sentence:
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@_pickled_by_fields
@dataclass(slots=True)
class Quotation:
    """A pair of quotation marks found by the text core (not yet attributed to anyone).

    ``start``/``end`` cover the marks; ``content`` is the inside. ``closed`` is False when the
    closing mark is missing and the span was ended at a paragraph or text boundary.
    """

    start: int
    end: int
    content: Span
    open_mark: str
    close_mark: str | None
    closed: bool = True
    depth: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "content": self.content.to_json(),
            "open_mark": self.open_mark, "close_mark": self.close_mark,
            "closed": self.closed, "depth": self.depth,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quotation:
        content = Span.from_json(data["content"])
        assert content is not None
        return cls(data["start"], data["end"], content, data["open_mark"], data.get("close_mark"),
                   data.get("closed", True), data.get("depth", 0))


@_pickled_by_fields
@dataclass(slots=True)
class Mention:
    """A typed name mention, as tagged by NER or matched in a gazetteer."""

    start: int
    end: int
    text: str
    type: str = "MISC"
    source: str = "ner"
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any], type_: str = "MISC") -> Mention:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), data.get("type", type_),
                   data.get("source", "ner"), float(data.get("confidence", 1.0)))


@_pickled_by_fields
@dataclass(slots=True)
class Geo:
    lat: float
    lon: float
    geonames_id: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: str | None = None
    admin1_code: str | None = None
    """The GeoNames admin-1 code, kept where ``admin1`` (a readable name) is unknown."""


@_pickled_by_fields
@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    name_en: str | None = None
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    geo: Geo | None = None
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "name": self.name, "name_en": self.name_en,
            "kb_id": self.kb_id, "mentions": [m.to_json() for m in self.mentions],
            "geo": asdict(self.geo) if self.geo else None, "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        geo = data.get("geo")
        return cls(
            data["id"], data["type"], data["name"], data.get("name_en"), data.get("kb_id"),
            [Mention.from_json(m, data["type"]) for m in data.get("mentions", [])],
            Geo(**geo) if geo else None, float(data.get("confidence", 1.0)),
        )


@_pickled_by_fields
@dataclass(slots=True)
class Quote:
    id: str
    kind: str
    content: Span
    cue: Span | None = None
    speaker: str | None = None
    speaker_text: Span | None = None
    addressee: str | None = None
    addressee_text: Span | None = None
    channel: str | None = None
    confidence: float = 1.0
    reported_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "speaker": self.speaker,
            "speaker_text": self.speaker_text.to_json() if self.speaker_text else None,
            "cue": self.cue.to_json() if self.cue else None, "content": self.content.to_json(),
            "addressee": self.addressee,
            "addressee_text": self.addressee_text.to_json() if self.addressee_text else None,
            "channel": self.channel, "confidence": round(self.confidence, 4),
            "reported_by": self.reported_by,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        content = Span.from_json(data["content"])
        assert content is not None
        return cls(
            data["id"], data["kind"], content, Span.from_json(data.get("cue")), data.get("speaker"),
            Span.from_json(data.get("speaker_text")), data.get("addressee"),
            Span.from_json(data.get("addressee_text")), data.get("channel"),
            float(data.get("confidence", 1.0)), data.get("reported_by"),
        )


@_pickled_by_fields
@dataclass(slots=True)
class EventDate:
    value: str | None
    precision: str | None
    text: str | None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "text": self.text}


@_pickled_by_fields
@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    mode: str | None = None
    status: str = "happened"
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    date: EventDate | None = None
    fatalities: int | None = None
    reported_by: str | None = None
    acled: dict[str, str] | None = None
    confidence: float = 1.0
    evidence: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "status": self.status,
            "trigger": self.trigger.to_json(), "actors": list(self.actors), "targets": list(self.targets),
            "location": self.location, "date": self.date.to_json() if self.date else None,
            "fatalities": self.fatalities, "reported_by": self.reported_by, "acled": self.acled,
            "confidence": round(self.confidence, 4), "evidence": [s.to_json() for s in self.evidence],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        trigger = Span.from_json(data["trigger"])
        assert trigger is not None
        date = data.get("date")
        return cls(
            data["id"], data["type"], trigger, data.get("mode"), data.get("status", "happened"),
            list(data.get("actors", [])), list(data.get("targets", [])), data.get("location"),
            EventDate(**date) if date else None, data.get("fatalities"), data.get("reported_by"),
            data.get("acled"), float(data.get("confidence", 1.0)),
            [s for s in (Span.from_json(e) for e in data.get("evidence", [])) if s is not None],
        )


@_pickled_by_fields
@dataclass(slots=True)
class NumberExpr:
    start: int
    end: int
    text: str
    value: float | int | list[float | int] | None
    unit: str | None = None
    about: str | None = None
    qualifier: str | None = None
    """``more_than`` | ``less_than`` | ``at_least`` | ``at_most`` | ``about`` or None; ``value`` is the
    figure the text names (the bound)."""

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "unit": self.unit, "about": self.about, "qualifier": self.qualifier}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NumberExpr:
        return cls(data["start"], data["end"], data["text"], data.get("value"), data.get("unit"),
                   data.get("about"), data.get("qualifier"))


@_pickled_by_fields
@dataclass(slots=True)
class DateExpr:
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    relative: bool = False
    """The value depends on the publication date ("بالأمس", "يوم الإثنين")."""
    qualifier: str | None = None
    """``more_than`` | ``less_than`` | ``about`` or None ("منذ أكثر من أسبوع")."""

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "precision": self.precision, "relative": self.relative, "qualifier": self.qualifier}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DateExpr:
        return cls(data["start"], data["end"], data["text"], data.get("value"), data.get("precision"),
                   bool(data.get("relative", False)), data.get("qualifier"))


@_pickled_by_fields
@dataclass(slots=True)
class Meta:
    source: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["outlet"] = self.source
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Meta:
        data = data or {}
        return cls(data.get("source") or data.get("outlet"), data.get("url"), data.get("published"),
                   data.get("title"), data.get("language"))


def text_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-1 of the UTF-8 text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Document:
    text: str
    meta: Meta = field(default_factory=Meta)
    id: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    numbers: list[NumberExpr] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps ``[start, end)`` the most."""
        best, best_overlap = None, 0
        for entity in self.entities:
            for mention in entity.mentions:
                overlap = min(end, mention.end) - max(start, mention.start)
                if overlap > best_overlap:
                    best, best_overlap = entity, overlap
        return best

    def sentence_of(self, offset: int) -> int:
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= offset < sentence.end:
                return index
        return max(0, len(self.sentences) - 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "text": self.text,
            "meta": self.meta.to_json(),
            "sentences": [s.to_json() for s in self.sentences],
            "entities": [e.to_json() for e in self.entities],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
            "numbers": [n.to_json() for n in self.numbers],
            "dates": [d.to_json() for d in self.dates],
            "quotations": [q.to_json() for q in self.quotations],
            "warnings": list(self.warnings),
        }

    def dumps(self, indent: int | None = None) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        if data.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema {data.get('schema')!r}; expected {SCHEMA_VERSION!r}")
        return cls(
            text=data["text"],
            meta=Meta.from_json(data.get("meta")),
            id=data.get("id", ""),
            sentences=[Sentence(s["start"], s["end"]) for s in data.get("sentences", [])],
            quotations=[Quotation.from_json(q) for q in data.get("quotations", [])],
            entities=[Entity.from_json(e) for e in data.get("entities", [])],
            quotes=[Quote.from_json(q) for q in data.get("quotes", [])],
            events=[Event.from_json(e) for e in data.get("events", [])],
            numbers=[NumberExpr.from_json(n) for n in data.get("numbers", [])],
            dates=[DateExpr.from_json(d) for d in data.get("dates", [])],
            warnings=list(data.get("warnings", [])),
        )

    @classmethod
    def loads(cls, payload: str) -> Document:
        return cls.from_json(json.loads(payload))
