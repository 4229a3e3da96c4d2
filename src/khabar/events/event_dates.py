"""The date of an event: the date expression nearest its trigger in the clause, else publication."""

from __future__ import annotations

from khabar.document import DateExpr, Document, EventDate, Quotation
from khabar.events.roles import clause_break
from khabar.events.scan import Trigger
from khabar.text.normalize import normalize_key

RELATIVE_DATE_WORDS = ("امس", "اليوم", "غدا", "الماضي", "المقبل", "القادم")


def _quoted(quotations: list[Quotation], start: int) -> bool:
    return any(q.content.start <= start < q.content.end for q in quotations)


def event_date(doc: Document, trigger: Trigger, sentence_start: int, sentence_end: int,
               quotations: list[Quotation] | None = None) -> EventDate | None:
    """The date expression nearest the trigger in its clause, else the publication date.

    A relative date inside quotation marks ("بالأمس" said at an undated forum) is anchored to the
    speech, not to the publication, so it is not used.
    """
    best: DateExpr | None = None
    best_distance = 0
    for date in doc.dates:
        if not (sentence_start <= date.start and date.end <= sentence_end and date.value):
            continue
        lo, hi = (date.end, trigger.start) if date.end <= trigger.start else (trigger.end, date.start)
        if clause_break(doc.text, lo, hi) and hi - lo > 40:
            continue
        relative = bool(getattr(date, "relative", False)) or any(
            w in normalize_key(date.text) for w in RELATIVE_DATE_WORDS)
        if relative and _quoted(quotations if quotations is not None else doc.quotations, date.start):
            continue
        distance = min(abs(date.start - trigger.end), abs(trigger.start - date.end))
        if best is None or distance < best_distance:
            best, best_distance = date, distance
    if best is not None:
        return EventDate(best.value, best.precision, best.text)
    if doc.meta.published:
        return EventDate(doc.meta.published[:10], "publication", None)
    return None
