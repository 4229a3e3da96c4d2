"""Pipeline stage: dates (absolute, Hijri, weekday, relative) resolved against ``meta.published``."""

from __future__ import annotations

import re

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
        if match.kind == "period" and _PREVIOUS.search(text, match.start, match.end):
            value = _before_last_named(out, precision) or value
        if relative and anchor is None:
            unresolved = True
        out.append(DateExpr(match.start, match.end, text[match.start:match.end], value, precision,
                            relative, match.qualifier))
    return out, unresolved


# "مقارنة بالشهر السابق", "العام السابق": the period before the one the text last named ("ارتفعت
# في يونيو 0.75% مقارنة بالشهر السابق" = May), not the period before publication; الماضي keeps
# publication as its anchor.
_PREVIOUS = re.compile(r"\s(?:ال)?سابق[ةه]?$")
_PERIOD_NOUN = re.compile(r"(?:هذا |هذه )?(?:الشهر|العام|السن[ةه])(?:\s|$)")


def _before_last_named(found: list[DateExpr], precision: str) -> str | None:
    """The month or year before the last month or year date named in the text so far (a date read
    from its own words, not from the publication date), or None."""
    if precision not in ("month", "year"):
        return None
    for expr in reversed(found):
        if expr.precision != precision or expr.value is None:
            continue
        if expr.relative and _PERIOD_NOUN.match(expr.text):
            continue  # "الشهر الماضي": itself relative to publication
        if precision == "year":
            return str(int(expr.value[:4]) - 1)
        year, month = int(expr.value[:4]), int(expr.value[5:7])
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return f"{year:04d}-{month:02d}"
    return None


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
