"""Metric functions of ``khabar eval link``: great-circle distance, the 25 km geocoding test, B-cubed.

B-cubed (Bagga & Baldwin 1998): for every mention m, precision = |S(m) ∩ G(m)| / |S(m)| and
recall = |S(m) ∩ G(m)| / |G(m)|, where S(m) is the system cluster and G(m) the gold cluster holding m, both
restricted to the mentions being scored; the article figure averages over its mentions and the corpus figure
over all mentions (micro average), F1 is the harmonic mean of the averaged precision and recall.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
GEOCODE_KM = 25.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def within_km(point: tuple[float, float] | None, targets: Iterable[tuple[float, float]],
              limit: float = GEOCODE_KM) -> bool:
    """True when ``point`` lies within ``limit`` km of any of ``targets`` (None never does)."""
    if point is None:
        return False
    return any(haversine_km(point[0], point[1], lat, lon) <= limit for lat, lon in targets)


@dataclass
class BCubed:
    """Running sums of per-mention B-cubed precision and recall."""

    precision_sum: float = 0.0
    recall_sum: float = 0.0
    mentions: int = 0

    def add(self, gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> None:
        """One article: ``gold`` and ``system`` map each scored mention to its cluster label.

        Only the mentions in ``gold`` are scored; a mention ``system`` lacks is its own singleton.
        """
        gold_members: dict[Hashable, set[Hashable]] = {}
        system_members: dict[Hashable, set[Hashable]] = {}
        for mention, label in gold.items():
            gold_members.setdefault(label, set()).add(mention)
            system_label = system.get(mention, ("singleton", mention))
            system_members.setdefault(system_label, set()).add(mention)
        for mention, label in gold.items():
            g = gold_members[label]
            s = system_members[system.get(mention, ("singleton", mention))]
            common = len(g & s)
            self.precision_sum += common / len(s)
            self.recall_sum += common / len(g)
            self.mentions += 1

    def scores(self) -> dict[str, float | int]:
        precision = self.precision_sum / self.mentions if self.mentions else 0.0
        recall = self.recall_sum / self.mentions if self.mentions else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "mentions": self.mentions}


def bcubed(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> dict[str, float | int]:
    """B-cubed precision/recall/F1 of one clustering (see ``BCubed.add``)."""
    total = BCubed()
    total.add(gold, system)
    return total.scores()


def share(right: int, total: int) -> dict[str, float | int]:
    """A proportion with its counts."""
    return {"score": round(right / total, 4) if total else 0.0, "correct": right, "total": total}


PLACE_TYPES = frozenset({"GPE", "LOC"})
ACTOR_TYPES = frozenset({"PER", "ORG"})
Point = tuple[float, float]


def gold_cluster(item: Mapping[str, object], index: int) -> Hashable:
    """A gold mention's entity cluster: its ``cluster`` label, else its ``kb_id``, else a singleton."""
    label = item.get("cluster") or item.get("kb_id")
    return str(label) if label else ("singleton", index)


@dataclass
class IssueTally:
    """The issue's three figures over one mode's articles.

    ``add`` takes, per gold mention (in gold-file order), whether the system found it, the system entity's id
    (None: none), its kb id and its coordinates; ``points`` are the gold place coordinates (empty: unscorable).
    """

    place_right: int = 0
    place_total: int = 0
    place_found_right: int = 0
    place_found: int = 0
    place_unscorable: int = 0
    place_entity_right: int = 0
    place_entity_total: int = 0
    actor_right: int = 0
    actor_total: int = 0
    actor_found_right: int = 0
    actor_found: int = 0
    gold_mentions: int = 0
    found_mentions: int = 0
    coref: BCubed | None = None
    wrong_places: list[int] = field(default_factory=list)  # gold-mention positions of the last ``add``

    def add(self, items: list[Mapping[str, object]], found: list[bool], entity_ids: list[Hashable | None],
            kb_ids: list[str | None], geos: list[Point | None], points: list[list[Point]],
            accepted: list[set[str]]) -> None:
        if self.coref is None:
            self.coref = BCubed()
        labels = [gold_cluster(item, i) for i, item in enumerate(items)]
        self.wrong_places = []
        place_entities: dict[Hashable, bool] = {}
        for i, item in enumerate(items):
            self.gold_mentions += 1
            self.found_mentions += found[i]
            kind = item.get("type")
            if kind in PLACE_TYPES:
                if not points[i]:
                    self.place_unscorable += 1
                    continue
                right = found[i] and within_km(geos[i], points[i])
                self.place_total += 1
                self.place_right += right
                self.place_found += found[i]
                self.place_found_right += right
                if found[i] and not right:
                    self.wrong_places.append(i)
                if found[i]:  # an entity is right when every mention of it the system found is
                    place_entities[labels[i]] = place_entities.get(labels[i], True) and right
            elif kind in ACTOR_TYPES:
                right = found[i] and (kb_ids[i] in accepted[i] if accepted[i] else kb_ids[i] is None)
                self.actor_total += 1
                self.actor_right += right
                self.actor_found += found[i]
                self.actor_found_right += right
        self.place_entity_total += len(place_entities)
        self.place_entity_right += sum(place_entities.values())
        gold = {i: labels[i] for i in range(len(items)) if found[i]}
        system = {i: entity_ids[i] for i in gold if entity_ids[i] is not None}
        self.coref.add(gold, system)

    def report(self, strict: bool) -> dict[str, object]:
        """``strict``: also the figures over all gold mentions (a mention the system missed counts wrong)."""
        places: dict[str, object] = {**share(self.place_found_right, self.place_found),
                                     "unscorable_no_coordinates": self.place_unscorable}
        actors: dict[str, object] = share(self.actor_found_right, self.actor_found)
        places["entities"] = share(self.place_entity_right, self.place_entity_total)
        if strict:
            places["all_gold"] = share(self.place_right, self.place_total)
            actors["all_gold"] = share(self.actor_right, self.actor_total)
        return {
            "places_within_25km": places,
            "per_org_linked": actors,
            "coreference_bcubed": (self.coref or BCubed()).scores(),
            "gold_mentions_found": share(self.found_mentions, self.gold_mentions),
        }
