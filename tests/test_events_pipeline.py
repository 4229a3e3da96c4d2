"""Events end to end: every stage that exists runs before the events stage on real articles."""

from __future__ import annotations

import logging

import pytest

from khabar.document import Document
from khabar.events.commands import pipeline_stages
from khabar.events.evaluate import GOLD_PATH, load_gold
from khabar.pipeline import analyze


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    logging.disable(logging.CRITICAL)  # a stage without its model logs a traceback; the test checks events
    try:
        return analyze(seed_text, published="2016-10-26", stages=pipeline_stages())
    finally:
        logging.disable(logging.NOTSET)


def test_pipeline_naynaya_killing(seed_doc: Document) -> None:
    killings = [e for e in seed_doc.events if e.type == "ASSAULT" and e.fatalities == 5]
    assert len(killings) == 1
    event = killings[0]
    assert event.status == "happened" and event.mode == "execution"
    evidence = " ".join(s.text for s in event.evidence)
    assert "نعينيعة" in evidence and "إعدام ميدانية" in evidence  # body and execution sentence merged
    assert event.acled is not None and event.acled["event_type"] == "Violence against civilians"


def test_pipeline_phone_call_and_status(seed_doc: Document) -> None:
    calls = [e for e in seed_doc.events if e.type == "CONSULT"]
    assert len(calls) == 1 and calls[0].mode == "phone"
    assert calls[0].date is not None and calls[0].date.value == "2016-10-24"
    assert any(e.status == "planned" and any("يعدون عملية لاستعادة" in s.text for s in e.evidence)
               for e in seed_doc.events)
    assert any(e.status == "hypothetical" for e in seed_doc.events)
    seized = [e for e in seed_doc.events if e.type == "COERCE" and e.mode == "seize"]
    assert any(e.date is not None and e.date.value == "2014" for e in seized)


def test_pipeline_spans_index_text(seed_doc: Document) -> None:
    for event in seed_doc.events:
        for span in [event.trigger, *event.evidence]:
            assert seed_doc.text[span.start:span.end] == span.text
        assert all(seed_doc.entity(a) is not None for a in event.actors + event.targets)


def test_gold_file_holds_references_only() -> None:
    articles = load_gold(GOLD_PATH)
    assert GOLD_PATH.parent.name == "events" and GOLD_PATH.parent.parent.name == "data"  # shipped package data
    assert len([a for a in articles if a.split == "dev"]) >= 16
    assert len([a for a in articles if a.split == "test"]) >= 14
    assert len({a.url for a in articles}) == len(articles)
    raw = GOLD_PATH.read_text(encoding="utf-8")
    assert '"content"' not in raw and '"text"' not in raw and '"title"' not in raw
    for article in articles:
        assert article.sha1 is not None and len(article.sha1) == 40
        for event in article.events:
            assert event.triggers and all(0 <= s < e for s, e in event.triggers)


def test_missing_gold_file_is_a_clear_error(tmp_path) -> None:
    from khabar.events.evaluate import GoldError

    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "gold.jsonl")
