"""The document model: JSON round-trip, schema validation, offsets into the unchanged text."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from khabar.document import (
    SCHEMA_VERSION,
    DateExpr,
    Document,
    Entity,
    Event,
    EventDate,
    Geo,
    Mention,
    Meta,
    NumberExpr,
    Quote,
    Span,
)

TEXT = "وقال لافروف في موسكو إن القوات العراقية قتلت خمسة مسلحين يوم الإثنين."


def schema() -> dict:
    return json.loads(resources.files("khabar").joinpath("schema/document.schema.json").read_text("utf-8"))


def build() -> Document:
    doc = Document(TEXT, Meta(source="وكالة", published="2016-10-26"))
    lavrov = TEXT.index("لافروف")
    moscow = TEXT.index("موسكو")
    doc.entities = [
        Entity("E1", "PER", "لافروف", "Sergey Lavrov", None,
               [Mention(lavrov, lavrov + 6, "لافروف", "PER")]),
        Entity("E2", "GPE", "موسكو", "Moscow", "geonames:524901",
               [Mention(moscow, moscow + 5, "موسكو", "GPE")], Geo(55.75, 37.62, 524901, "RU", "Moscow", "PPLC", "city")),
    ]
    content = TEXT.index("القوات")
    doc.quotes = [Quote("Q1", "indirect", doc.span(content, len(TEXT) - 1), doc.span(1, 4), "E1",
                        doc.span(lavrov, lavrov + 6), channel=None, confidence=0.9)]
    trigger = TEXT.index("قتلت")
    doc.events = [Event("V1", "ASSAULT", doc.span(trigger, trigger + 4), "firearms", "claimed",
                        date=EventDate("2016-10-24", "day", "يوم الإثنين"), fatalities=5,
                        acled={"event_type": "Battles", "sub_event_type": "Armed clash"})]
    five = TEXT.index("خمسة")
    doc.numbers = [NumberExpr(five, five + 4, "خمسة", 5, None, "مسلحين")]
    monday = TEXT.index("يوم الإثنين")
    doc.dates = [DateExpr(monday, monday + 11, "يوم الإثنين", "2016-10-24", "day")]
    return doc


def test_round_trip_is_lossless_and_valid() -> None:
    doc = build()
    payload = doc.to_json()
    jsonschema.validate(payload, schema())
    again = Document.from_json(json.loads(json.dumps(payload, ensure_ascii=False)))
    assert again.to_json() == payload
    assert payload["schema"] == SCHEMA_VERSION


def test_spans_index_the_original_text() -> None:
    doc = build()
    for entity in doc.entities:
        for mention in entity.mentions:
            assert TEXT[mention.start:mention.end] == mention.text
    assert doc.quotes[0].content.text == TEXT[doc.quotes[0].content.start:doc.quotes[0].content.end]
    assert Span.of(TEXT, 0, 4).text == "وقال"


def test_id_is_a_stable_content_hash() -> None:
    assert Document(TEXT).id == Document(TEXT).id
    assert Document(TEXT).id != Document(TEXT + " ").id


def test_entity_lookup_by_offsets() -> None:
    doc = build()
    start = TEXT.index("لافروف")
    assert doc.entity_at(start, start + 3).id == "E1"
    assert doc.entity("E2").name_en == "Moscow"
    assert doc.entity(None) is None


def test_schema_rejects_a_wrong_type_and_a_missing_field() -> None:
    payload = build().to_json()
    payload["entities"][0]["type"] = "PERSON"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, schema())
    payload = build().to_json()
    del payload["quotes"][0]["speaker"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, schema())


def test_unknown_schema_version_is_refused() -> None:
    payload = build().to_json()
    payload["schema"] = "khabar.document/0"
    with pytest.raises(ValueError, match="unsupported schema"):
        Document.from_json(payload)
