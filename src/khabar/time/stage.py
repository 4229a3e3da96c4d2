"""Pipeline stage: dates (absolute, Hijri, weekday, relative) resolved against ``meta.published``."""

from __future__ import annotations

from khabar.document import DateExpr, Document
from khabar.time.resolve import needs_anchor, parse_published, resolve
from khabar.time.rules import find_dates

NO_PUBLISHED_WARNING = "no publication date: relative dates unresolved"


def date_expressions(text: str, published: str | None) -> tuple[list[DateExpr], bool]:
    """The dates of ``text`` resolved against ``published``; the flag says some stayed unresolved
    for want of a publication date."""
    anchor = parse_published(published)
    out: list[DateExpr] = []
    unresolved = False
    for match in find_dates(text):
        if match.kind == "skip":  # a season ("1435هـ - 1436هـ"): no date, but no number either
            continue
        relative = needs_anchor(match)
        value, precision = resolve(match, anchor)
        if relative and anchor is None:
            unresolved = True
        out.append(DateExpr(match.start, match.end, text[match.start:match.end], value, precision,
                            relative, match.qualifier))
    return out, unresolved


def extract_dates(doc: Document) -> Document:
    """Append the document's date expressions to ``doc.dates``."""
    published = doc.meta.published if doc.meta else None
    if published and parse_published(published) is None:
        doc.warn(f"publication date {published!r} is not an ISO date: relative dates unresolved")
        published = None
    found, unresolved = date_expressions(doc.text or "", published)
    doc.dates.extend(found)
    if unresolved:
        doc.warn(NO_PUBLISHED_WARNING)
    return doc
