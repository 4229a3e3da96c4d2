"""Hand-made annotations for event tests: entities, dates and quotes placed by surface strings."""

from __future__ import annotations

from khabar.document import DateExpr, Document, Entity, Geo, Mention, Meta, Quote, Span


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while True:
        index = text.find(surface, start)
        if index < 0:
            return out
        out.append((index, index + len(surface)))
        start = index + len(surface)


def make_doc(text: str, entities: list[tuple], dates: list[tuple[str, str, str]] = (),
             quotes: list[tuple] = (), published: str | None = None) -> Document:
    """``entities``: (id, type, name, name_en, [surfaces], geo or None); longer surfaces win overlaps.

    ``dates``: (surface, value, precision); ``quotes``: (speaker id, content surface, kind).
    """
    doc = Document(text=text, meta=Meta(published=published))
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int, int]] = []
    flat = [(surface, index) for index, e in enumerate(entities) for surface in e[4]]
    for surface, index in sorted(flat, key=lambda p: -len(p[0])):
        for start, end in occurrences(text, surface):
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            spans.append((start, end, index))
    for index, (entity_id, type_, name, name_en, _surfaces, geo) in enumerate(entities):
        mentions = [Mention(s, e, text[s:e], type_) for s, e, i in sorted(spans) if i == index]
        doc.entities.append(Entity(entity_id, type_, name, name_en, None, mentions, geo))
    for surface, value, precision in dates:
        for start, end in occurrences(text, surface):
            doc.dates.append(DateExpr(start, end, surface, value, precision))
    for number, (speaker, surface, kind) in enumerate(quotes, start=1):
        start, end = occurrences(text, surface)[0]
        doc.quotes.append(Quote(f"Q{number}", kind, Span.of(text, start, end), speaker=speaker))
    return doc


SEED_ENTITIES: list[tuple] = [
    ("E1", "PER", "سيرجي لافروف", "Sergey Lavrov", ["سيرجي لافروف", "لافروف"], None),
    ("E2", "PER", "جون كيري", "John Kerry", ["جون كيري", "لكيري", "كيري", "وزير الخارجية الأمريكي الحالي"], None),
    ("E3", "ORG", "القوات العراقية", "Iraqi Security Forces", ["القوات العراقية", "للقوات العراقية"], None),
    ("E4", "GPE", "الموصل", "Mosul", ["الموصل", "مدينة الموصل"], Geo(36.34, 43.13, 99072, "IQ", "Nineveh", "PPLA", "city")),
    ("E5", "ORG", "القوات السورية", "Syrian Armed Forces", ["القوات السورية"], None),
    ("E6", "GPE", "حلب", "Aleppo", ["حلب", "مدينة حلب"], Geo(36.20, 37.16, 170063, "SY", "Aleppo", "PPLA", "city")),
    ("E7", "ORG", "المعارضة السورية", "Syrian opposition", ["المعارضة السورية"], None),
    ("E8", "ORG", "داعش", "Islamic State", ["تنظيم الدولة", "داعش", "لداعش"], None),
    ("E9", "ORG", "الحشد الشعبي", "Popular Mobilization Forces", ["الحشد الشعبي"], None),
    ("E10", "ORG", "وكالة الأناضول", "Anadolu Agency", ["وكالة الأناضول"], None),
    ("E11", "ORG", "الشرطة الاتحادية", "Federal Police", ["الشرطة الاتحادية"], None),
    ("E12", "LOC", "نعينيعة", "Naynaya", ["نعينيعة"], Geo(35.95, 43.20, None, "IQ", "Nineveh", "PPL", "village")),
    ("E13", "GPE", "القيارة", "Qayyarah", ["القيارة"], Geo(35.80, 43.29, 99032, "IQ", "Nineveh", "PPL", "town")),
    ("E14", "GPE", "موسكو", "Moscow", ["موسكو"], Geo(55.75, 37.62, 524901, "RU", "Moscow", "PPLC", "city")),
    ("E15", "ORG", "الأمم المتحدة", "United Nations", ["الأمم المتحدة"], None),
    ("E16", "GPE", "الولايات المتحدة الأمريكية", "United States", ["الولايات المتحدة الأمريكية"], None),
    ("E17", "ORG", "الجيش العراقي", "Iraqi Army", ["الجيش العراقي"], None),
]
SEED_DATES = [("يوم الإثنين", "2016-10-24", "day"), ("بالأمس", "2016-10-25", "day"), ("سنة 2014", "2014", "year")]


def event_runner(published: str = "2015-07-21"):
    """``run(text) -> Document``: the whole pipeline the events stage needs, quietly, with one publication
    date (for module-scoped fixtures of tests that analyze real sentences end to end)."""
    import logging

    from khabar.events.commands import pipeline_stages
    from khabar.pipeline import analyze

    stages = pipeline_stages()

    def run(text: str) -> Document:
        logging.disable(logging.CRITICAL)
        try:
            return analyze(text, Meta(published=published), stages=stages)
        finally:
            logging.disable(logging.NOTSET)
    return run


def mention_texts(doc: Document, ids: list[str]) -> list[str]:
    """The surface of every mention of the entities ``ids`` (an event's actors or targets)."""
    out = []
    for entity_id in ids:
        entity = doc.entity(entity_id)
        assert entity is not None
        out.extend(m.text for m in entity.mentions)
    return out
