"""Coordinates for place entities.

Precision values: ``country`` (approximate centroid of a country), ``admin`` (governorate/district, at its
capital), ``city`` (a GeoNames populated place), ``region`` (sea, river, named area: a representative point),
``site`` (a building or holy site), ``approximate`` (a place the KB lacks, given the point of the place it is
said to be in or near: نعينيعة "في ناحية القيارة، جنوب مدينة الموصل" -> Qayyarah's point, no GeoNames id).

Every place entity gets a point (``place_unlocated``): a place the KB lacks takes the point of the known place it
is described relative to (في، بـ، جنوب، قرب، التابعة لـ ... X), never that of a neighbour in a list
(الشميسي والطائف); failing that, the point of the one town the text names when it names a single town in its main
country (a local text: مقبرة الفيصلية in a text on Jeddah; precision "approximate"), else the point of the country
the text's places are mostly in (else the country of its nationality adjectives; precision "country"); a KB place
without coordinates takes its own country's point.
"""

from __future__ import annotations

from collections import Counter

from khabar.document import Entity, Geo
from khabar.link.kb import PLACE_TYPES, KBEntry, KnowledgeBase
from khabar.link.keys import clitic_forms, name_key

# ``Geo.admin1`` carries the readable admin-1 name (``KBEntry.admin1_name``: "Nineveh Governorate",
# "Ḩalab"); None where the build could not name the GeoNames admin-1 code (the code stays in the KB).

PRECISION = {"PCLI": "country", "ADM1": "admin", "ADM2": "admin", "PPL": "city", "PPLC": "city",
             "RGN": "region", "SEA": "region", "STM": "region", "BLDG": "site"}
ENCLOSING_WINDOW = 80  # characters after an unknown place where its enclosing place may be named
# Words that put a place inside or near the next one (قرية X في ناحية Y، X جنوب Y، X التابعة لمحافظة Y);
# a gap of only "و" or "،" is a list, never an enclosing relation. Source: Arabic news usage.
RELATION_WORDS = frozenset(name_key(w) for w in (
    "في", "فى", "ب", "من", "قرب", "بالقرب", "قبالة", "داخل", "وسط", "ضواحي", "أطراف", "محيط", "ريف",
    "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "جنوب شرق", "شمال غرب",
    "التابعة", "التابع", "الواقعة", "الواقع", "مدينة", "محافظة", "منطقة", "ناحية", "قضاء", "مديرية",
    "ولاية", "إقليم", "بلدة", "قرية", "حي", "مركز", "كم", "كيلومتر", "كيلومترات", "كيلومترا",
))
LIST_BREAKS = frozenset(".؛;!؟?\n()")


def geo_of(entry: KBEntry) -> Geo | None:
    if entry.lat is None or entry.lon is None:
        return None
    return Geo(lat=round(entry.lat, 5), lon=round(entry.lon, 5), geonames_id=entry.geonames_id,
               country_code=entry.country or None, admin1=entry.admin1_name or None,
               feature=entry.feature or None, precision=PRECISION.get(entry.feature, "city"),
               admin1_code=entry.admin1 or None)


def approximate(enclosing: Geo) -> Geo:
    return Geo(lat=enclosing.lat, lon=enclosing.lon, geonames_id=None, country_code=enclosing.country_code,
               admin1=enclosing.admin1, feature=None, precision="approximate", admin1_code=enclosing.admin1_code)


def coarse(geo: Geo, precision: str = "country") -> Geo:
    """A country's point standing for a place inside it (no GeoNames id, no admin-1)."""
    return Geo(lat=geo.lat, lon=geo.lon, geonames_id=None, country_code=geo.country_code, admin1=None,
               feature=None, precision=precision)


def relation_gap(gap: str) -> bool:
    """Whether the text between an unknown place and a known one relates them (في ناحية، جنوب، بـ)."""
    if any(ch in LIST_BREAKS for ch in gap):
        return False
    words = gap.replace("،", " ").replace(",", " ").replace("-", " ").split()
    keys = [name_key(w) for w in words]
    return any(k in RELATION_WORDS or any(v in RELATION_WORDS for v, _ in clitic_forms(k)) for k in keys if k)


def _kb_by_id(kb: KnowledgeBase) -> dict[str, KBEntry]:
    return {entry.kb_id: entry for entry in kb.entries if entry.type in PLACE_TYPES}


def _country_geo(kb: KnowledgeBase, code: str | None) -> Geo | None:
    country = kb.country(code) if code else None
    geo = geo_of(country) if country is not None else None
    return coarse(geo) if geo is not None else None


def place_unlocated(text: str, entities: list[Entity], kb: KnowledgeBase) -> None:
    """Give every place entity a point (see the module doc); entities that have one are left as they are."""
    places = [e for e in entities if e.type in PLACE_TYPES]
    if not places:
        return
    by_id: dict[str, KBEntry] | None = None
    for entity in places:  # a KB place without coordinates: its country's point
        if entity.geo is None and entity.kb_id:
            by_id = by_id if by_id is not None else kb.derived("place_by_kb_id", _kb_by_id)
            entry = by_id.get(entity.kb_id)
            if entry is not None:
                entity.geo = _country_geo(kb, entry.country)
    located = sorted(((m.start, m.end, e.geo) for e in places if e.geo is not None and e.geo.precision != "country"
                      for m in e.mentions), key=lambda item: item[0])
    for entity in places:
        if entity.geo is not None or entity.kb_id:
            continue
        for mention in entity.mentions:
            after = [(start, geo) for start, _end, geo in located
                     if mention.end <= start <= mention.end + ENCLOSING_WINDOW and geo is not None]
            if after and relation_gap(text[mention.end:after[0][0]]):
                entity.geo = approximate(after[0][1])
                break
    main = _main_country(places) or _main_nationality(entities, kb)
    towns = {e.kb_id: e.geo for e in places if e.kb_id and e.geo is not None and e.geo.precision == "city"}
    town = next(iter(towns.values())) if len(towns) == 1 else None
    if town is not None and town.country_code == main:
        fallback: Geo | None = approximate(town)  # a local text about one town: its facilities and districts
    else:
        fallback = _country_geo(kb, main) if main else None
    if fallback is None:
        return
    for entity in places:
        if entity.geo is None:
            entity.geo = fallback


def _main_nationality(entities: list[Entity], kb: KnowledgeBase) -> str | None:
    """Without any located place: the country of the nationality adjectives the text uses most (NORP kb ids)."""
    by_id = kb.derived("place_by_kb_id", _kb_by_id)
    votes: Counter[str] = Counter()
    for entity in entities:
        entry = by_id.get(entity.kb_id or "") if entity.type == "NORP" else None
        if entry is not None and entry.country:
            votes[entry.country] += len(entity.mentions)
    return min(votes, key=lambda code: (-votes[code], code)) if votes else None


def _main_country(places: list[Entity]) -> str | None:
    """The country most place mentions of the text are in (None without any located place)."""
    votes: Counter[str] = Counter()
    for entity in places:
        if entity.geo is not None and entity.geo.country_code:
            votes[entity.geo.country_code] += len(entity.mentions)
    if not votes:
        return None
    return min(votes, key=lambda code: (-votes[code], code))  # ties: a fixed order
