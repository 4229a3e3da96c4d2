"""Golden facts of the seed article's events, end to end through ``khabar.analyze``.

Facts that only need the knowledge base (places, armed groups, forces) are always checked; facts
that need names only the NER model finds (the village نعينيعة) are skipped until it is trained.
"""

from __future__ import annotations

import logging

import pytest

import khabar
from khabar.document import Document, Event
from khabar.paths import PACKAGE_DATA

NER_MODEL = PACKAGE_DATA / "ner" / "model.crfsuite"
needs_ner = pytest.mark.skipif(not NER_MODEL.is_file(), reason="NER model not trained")


@pytest.fixture(scope="module")
def doc(seed_text: str) -> Document:
    logging.disable(logging.CRITICAL)
    try:
        return khabar.analyze(seed_text, published="2016-10-26")
    finally:
        logging.disable(logging.NOTSET)


def _names(doc: Document, ids: list[str]) -> list[str]:
    return [doc.entity(i).name for i in ids if doc.entity(i) is not None]


def _place(doc: Document, event: Event) -> str | None:
    entity = doc.entity(event.location) if event.location else None
    return entity.name if entity else None


def _at(doc: Document, context: str, trigger: str) -> Event:
    """The event whose trigger is the word ``trigger`` inside the (unique) ``context``."""
    start = doc.text.index(context) + context.index(trigger)
    found = [e for e in doc.events if e.trigger.start == start]
    assert found, f"no event triggered by {trigger!r} in {context!r}"
    return found[0]


def test_mosul_offensive(doc: Document) -> None:
    event = _at(doc, "الهجوم الذي تقوم", "الهجوم")
    assert event.type == "ASSAULT"
    assert "القوات العراقية" in _names(doc, event.actors)  # the force, not the adjective عراقي
    assert _place(doc, event) == "الموصل"
    assert any("داعش" in n or "تنظيم الدولة" in n for n in _names(doc, event.targets))


def test_actor_is_the_force_not_the_nationality(doc: Document) -> None:
    for event in doc.events:
        assert all(doc.entity(a).type != "NORP" for a in event.actors if doc.entity(a)), event


def test_isis_seized_mosul_in_2014(doc: Document) -> None:
    event = _at(doc, "سيطر على المدينة السنية", "سيطر")
    assert event.type == "COERCE" and event.mode == "seize"
    assert event.date is not None and event.date.value == "2014"
    assert any("داعش" in n or "تنظيم الدولة" in n for n in _names(doc, event.actors))
    assert "القوات العراقية" not in _names(doc, event.actors)
    assert _place(doc, event) == "الموصل"
    assert all(doc.entity(t).type != "NORP" for t in event.targets)  # not "سني"


def test_isis_seized_other_areas(doc: Document) -> None:
    event = _at(doc, "قامت داعش بالسيطرة", "بالسيطرة")
    assert event.type == "COERCE"
    assert _names(doc, event.actors) == ["داعش"]
    assert "القوات العراقية" not in _names(doc, event.actors + event.targets)


def test_naynaya_killing(doc: Document) -> None:
    killings = [e for e in doc.events if e.type == "ASSAULT" and e.fatalities == 5]
    assert len(killings) == 1
    event = killings[0]
    assert event.status == "happened"
    assert "الحشد الشعبي" in _names(doc, event.actors)
    assert "الشرطة الاتحادية" not in _names(doc, event.actors)  # only disguised as federal police
    assert _place(doc, event) in ("نعينيعة", "القيارة")


@needs_ner
def test_naynaya_killing_village(doc: Document) -> None:
    event = next(e for e in doc.events if e.type == "ASSAULT" and e.fatalities == 5)
    assert _place(doc, event) == "نعينيعة"
    entity = doc.entity(event.location)
    assert entity is not None and entity.geo is not None and entity.geo.country_code == "IQ"


def test_aleppo_offensive(doc: Document) -> None:
    event = _at(doc, "الهجوم الذي تشنه", "الهجوم")
    assert "القوات السورية" in _names(doc, event.actors)
    assert _place(doc, event) == "حلب"


def test_places_have_coordinates(doc: Document) -> None:
    for event in doc.events:
        entity = doc.entity(event.location) if event.location else None
        if entity is not None and entity.name in ("الموصل", "حلب", "القيارة"):
            assert entity.geo is not None and entity.geo.country_code in ("IQ", "SY")
