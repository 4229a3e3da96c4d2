"""Helpers for the API tests (no tests here): a hand-annotated copy of the seed article.

The annotations are written by hand from reading the seed, independently of the pipeline, so
the corpus endpoints and the web page can be tested on known facts: Lavrov (PER) and his quote
from the Moscow forum, Kerry (PER), Mosul and Moscow (GPE, with coordinates), the Anadolu report
of five villagers killed near Mosul (an ASSAULT event).
"""

from __future__ import annotations

from khabar.document import Document, Entity, Event, EventDate, Geo, Meta, Quote

PUBLISHED = "2016-10-25"


def _all(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _mentions(text: str, needle: str) -> list:
    from khabar.document import Mention

    return [Mention(s, e, text[s:e]) for s, e in _all(text, needle)]


def annotated_seed(text: str, published: str | None = PUBLISHED) -> Document:
    doc = Document(text=text, meta=Meta(source="test-outlet", published=published, title="لافروف: الموصل مثل حلب",
                                        language="ar"))
    lavrov = Entity("e1", "PER", "سيرجي لافروف", "Sergei Lavrov", "Q80137", _mentions(text, "لافروف"))
    kerry = Entity("e2", "PER", "جون كيري", "John Kerry", "Q22316", _mentions(text, "جون كيري"))
    mosul = Entity("e3", "GPE", "الموصل", "Mosul", "Q83279", _mentions(text, "الموصل"),
                   Geo(36.34, 43.13, 99072, "IQ", "Nineveh", "PPLA", "city"))
    moscow = Entity("e4", "GPE", "موسكو", "Moscow", "Q649", _mentions(text, "موسكو"),
                    Geo(55.75, 37.62, 524901, "RU", "Moscow", "PPLC", "city"))
    pmf = Entity("e5", "ORG", "الحشد الشعبي", "Popular Mobilization Forces", None, _mentions(text, "الحشد الشعبي"))
    doc.entities = [e for e in (lavrov, kerry, mosul, moscow, pmf) if e.mentions]
    if "موسكو :”" not in text:  # a part of the seed without the quote and the event
        return doc
    open_mark = text.index("موسكو :” ") + len("موسكو :” ")
    close_mark = text.index("هاتفيا:")
    cue_start = text.index("وقال لافروف") + 1
    doc.quotes = [Quote("q1", "direct", doc.span(open_mark, close_mark + len("هاتفيا")),
                        cue=doc.span(cue_start, cue_start + 3), speaker="e1",
                        speaker_text=doc.span(cue_start + 4, cue_start + 10), addressee=None, channel="forum")]
    trigger = text.index("وقتلوا") + 1
    doc.events = [Event("v1", "ASSAULT", doc.span(trigger, trigger + 5), mode="execution", actors=["e5"],
                        location="e3", date=EventDate(published, "day", None), fatalities=5,
                        acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"})]
    return doc
