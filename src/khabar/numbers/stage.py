"""Pipeline stage: numbers (cardinals, ranges, units, counted nouns), skipping dates."""

from __future__ import annotations

from khabar.document import Document, NumberExpr
from khabar.numbers.extract import find_numbers
from khabar.time.rules import find_dates


def number_expressions(text: str, date_spans: list[tuple[int, int]] | None = None) -> list[NumberExpr]:
    """The numbers of ``text``; spans in ``date_spans`` (default: the dates found in it) are skipped."""
    if not text:
        return []
    if date_spans is None:
        date_spans = [(d.start, d.end) for d in find_dates(text)]
    return [NumberExpr(f.start, f.end, text[f.start:f.end], f.value, f.unit, f.about, f.qualifier)
            for f in find_numbers(text, date_spans)]


def extract_numbers(doc: Document) -> Document:
    """Append the document's number expressions to ``doc.numbers``."""
    spans = [(d.start, d.end) for d in doc.dates] if doc.dates else None
    doc.numbers.extend(number_expressions(doc.text or "", spans))
    return doc
