"""An event's place when its own clause names none, or only a country: the evidence sentences.

The argument rules take a place from the trigger's clause (في/قرب/مدينة X). A merged event often
has its place in another of its sentences (the headline names the town, the body only "the attack"),
or only a country in the clause while the town is named beside it. After merging, an event without
a place takes the nearest geocoded place named in its evidence sentences, and an event placed at a
country, governorate or region takes a town of that country named there.
"""

from __future__ import annotations

from khabar.document import Document, Entity
from khabar.events.merge import BROAD_FEATURES, Candidate, Place
from khabar.events.roles import dateline, generic_place

PLACE_TYPES = frozenset({"GPE", "LOC"})
# Event types placed where they happened; a call or a meeting is not "at" a place named in its sentence.
PLACED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CRIME", "RETREAT"})


def _broad(entity: Entity) -> bool:
    return entity.geo is not None and entity.geo.feature in BROAD_FEATURES


def settle_location(doc: Document, candidate: Candidate) -> None:
    """Fill or narrow ``candidate.location`` from the places named in its evidence sentences."""
    if candidate.type not in PLACED_TYPES:
        return
    if candidate.location is not None and not (candidate.place is not None and candidate.place.broad):
        return
    spans = [(span.start, span.end) for span in candidate.evidence]
    taken = set(candidate.actors) | set(candidate.targets)
    best: tuple[int, Entity] | None = None
    for entity in doc.entities:
        geo = entity.geo
        if entity.type not in PLACE_TYPES or geo is None or geo.lat is None or geo.lon is None \
                or entity.id in taken or entity.id == candidate.location:
            continue
        if candidate.location is not None:  # narrowing a country/region: a town inside it only
            if candidate.place is None or geo.country_code != candidate.place.country \
                    or (_broad(entity) and not _finer_region(candidate.place, entity)) \
                    or not _inside(doc.entity(candidate.location), entity):
                continue
        for mention in entity.mentions:
            if not any(s <= mention.start and mention.end <= e for s, e in spans) or generic_place(mention.text) \
                    or dateline(doc.text, mention.start):
                continue  # "رويترز- القاهرة:": the desk's city is not where it happened
            distance = abs(mention.start - candidate.trigger.start) + _level_penalty(entity)
            if best is None or distance < best[0]:
                best = (distance, entity)
    if best is not None:
        geo = best[1].geo
        assert geo is not None and geo.lat is not None and geo.lon is not None
        candidate.location = best[1].id
        candidate.place = Place(geo.lat, geo.lon, geo.country_code, geo.feature)


COUNTRY_FEATURES = frozenset({"PCLI", "PCLD", "PCLS", "PCLIX", "PCL"})


def _level_penalty(entity: Entity) -> int:
    """Towns first, then governorates and regions, countries last."""
    feature = entity.geo.feature if entity.geo else None
    return 20_000 if feature in COUNTRY_FEATURES else 10_000 if _broad(entity) else 0


def _finer_region(place: Place, entity: Entity) -> bool:
    """A governorate or district narrows a country (في اليمن ... بمحافظة إب)."""
    return place.feature in COUNTRY_FEATURES and entity.geo is not None and entity.geo.feature in ("ADM1", "ADM2")


def _inside(region: Entity | None, town: Entity) -> bool:
    """A town lies in a governorate (same admin-1 code or name where both are known); a country holds all."""
    if region is None or region.geo is None or region.geo.feature != "ADM1" or town.geo is None:
        return True
    a, b = region.geo.admin1_code or region.geo.admin1, town.geo.admin1_code or town.geo.admin1
    return a is None or b is None or a == b
