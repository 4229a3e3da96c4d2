"""Assertions shared by tests: every span in a document JSON indexes the original text."""

from __future__ import annotations

from typing import Any


def iter_spans(node: Any, path: str = "$"):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node.get("start"), int):
            yield path, node
        for key, value in node.items():
            if key != "text":
                yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{index}]")


def assert_spans_match(payload: dict[str, Any]) -> int:
    text = payload["text"]
    count = 0
    for path, span in iter_spans({k: v for k, v in payload.items() if k != "text"}):
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        assert text[span["start"]:span["end"]] == span["text"], path
        count += 1
    return count


def date_reader(default_published: str | None):
    """``dates(text, published=default_published)``: each date found in ``text`` by its surface
    form, as ``(value, precision)``; every span is checked against the text."""
    from khabar.time.stage import date_expressions

    def dates(text: str, published: str | None = default_published) -> dict[str, tuple[str | None, str | None]]:
        found, _ = date_expressions(text, published)
        for item in found:
            assert text[item.start:item.end] == item.text
        return {item.text: (item.value, item.precision) for item in found}

    return dates


def number_reader(*fields: str):
    """``numbers(text)``: each number found in ``text`` by its surface form, as its ``value`` alone, or
    as the tuple of ``fields`` (e.g. "value", "unit", "about"); every span is checked against the text."""
    from khabar.numbers.stage import number_expressions

    def numbers(text: str) -> dict[str, object]:
        found = number_expressions(text)
        for item in found:
            assert text[item.start:item.end] == item.text
        if not fields:
            return {item.text: item.value for item in found}
        return {item.text: tuple(getattr(item, f) for f in fields) for item in found}

    return numbers


def quotes_of(text: str):
    """``text`` through the text and quote stages only (no entities: speakers stay text spans)."""
    from khabar.document import Document
    from khabar.quotes import extract_quotes
    from khabar.text.stage import segment_text

    return extract_quotes(segment_text(Document(text)))


def quote_starting(doc, content_start: str):
    """The first quote whose content (quote marks aside) starts with ``content_start``."""
    found = [q for q in doc.quotes if q.content.text.lstrip("«\"“”").startswith(content_start)]
    assert found, [q.content.text for q in doc.quotes]
    return found[0]


def speaker_words(quote) -> str | None:
    return quote.speaker_text.text if quote.speaker_text else None
