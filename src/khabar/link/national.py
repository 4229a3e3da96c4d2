"""Document-level readings of generic mentions: the text's main country, bare national bodies, place nouns.

- a bare ministry (وزارة العدل) is that of the country the text is mostly about (tuned on dev);
- a definite place noun (المدينة، البلاد، العاصمة، المنطقة) corefers with the last place of its kind named
  before it (المدينة = Mosul after "الموصل"; المنطقة = the region last named: منطقة جازان، الشرق الأوسط;
  البلاد = the country of the last place named: شرق البلاد after دونيتسك = Ukraine); an epithet may follow
  (المدينة المقدسة = Mecca after مكة المكرمة); without an antecedent it stays unlinked, except المدينة in a
  text about Saudi Arabia (Medina).
"""

from __future__ import annotations

from khabar.link.items import Item
from khabar.link.kb import KnowledgeBase
from khabar.link.keys import clitic_forms, name_key
from khabar.link.resolve import Candidate

MINISTRY = name_key("وزارة") + " "
# Definite place nouns a text uses for a place it named before, with the GeoNames features of the
# antecedent they can take. Source: Arabic news usage.
CITY_FEATURES = frozenset({"PPL", "PPLC"})
PLACE_NOUNS: dict[str, frozenset[str]] = {name_key(w): kinds for w, kinds in (
    ("المدينة", CITY_FEATURES), ("البلدة", CITY_FEATURES), ("القرية", CITY_FEATURES),
    ("العاصمة", frozenset({"PPLC"})), ("البلاد", frozenset({"PCLI"})),
    ("المنطقة", frozenset({"ADM1", "ADM2", "RGN"})), ("المحافظة", frozenset({"ADM1", "ADM2"})),
)}
COUNTRY = frozenset({"PCLI"})
# Epithets a place noun may carry without naming another place (هذه المدينة المقدسة). Source: news usage.
EPITHETS = frozenset(name_key(w) for w in (
    "المقدسة", "الساحلية", "الحدودية", "الصناعية", "الساحلي", "الحدودي", "الشمالية", "الجنوبية",
))
MEDINA_SHORT = name_key("المدينة")


def main_country(items: list[Item]) -> str:
    """The country most of the linked names belong to ('' on a tie or without any)."""
    votes: dict[str, int] = {}
    for item in items:
        country = item.nationality.country if item.nationality else (
            item.candidates[0].entry.country if item.candidates else "")
        if len(country) == 2:
            votes[country] = votes.get(country, 0) + 1
    ranked = sorted(votes.items(), key=lambda pair: -pair[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


def resolve_national_bodies(items: list[Item], kb: KnowledgeBase) -> None:
    """A bare ministry ORG without candidates gets the main country's ministry of that name."""
    main = main_country(items)
    if not main:
        return
    adjectives = {n.adjective for n in kb.nationalities.values() if n.country == main}
    for item in items:
        if item.candidates or item.kind != "name" or item.mention.type != "ORG":
            continue
        item.candidates = _ministry(item.key, adjectives, kb)


def _ministry(key: str, adjectives: set[str], kb: KnowledgeBase) -> list[Candidate]:
    for variant, cost in clitic_forms(key):
        if not variant.startswith(MINISTRY):
            continue
        for adjective in sorted(adjectives):
            full = f"{variant} {name_key('ال' + adjective + 'ة')}"
            found = [e for e in kb.lookup(full, with_article_variants=False) if e.type == "ORG"]
            if found:
                return [Candidate(found[0], cost + 1.0, full, (0, len(key.split()) - 1))]
    return []


def place_noun(item: Item, kb: KnowledgeBase) -> frozenset[str] | None:
    """The antecedent features when the mention is a definite place noun (المدينة, بالمدينة, المدينة السنية)."""
    first, _, rest = item.key.partition(" ")
    if any(word not in kb.nationalities and word not in EPITHETS for word in rest.split()):
        return None
    return next((PLACE_NOUNS[v] for v, _ in clitic_forms(first) if v in PLACE_NOUNS), None)


def resolve_place_nouns(items: list[Item], kb: KnowledgeBase) -> None:
    """A tagged definite place noun takes the last place of its kind named before it (see the module doc)."""
    ordered = sorted(items, key=lambda i: i.mention.start)
    main: str | None = None
    nouns = [place_noun(item, kb) for item in ordered]
    for position, item in enumerate(ordered):
        kinds = nouns[position]
        if kinds is None or item.kind != "name" or item.mention.type == "PER":
            continue
        before = list(zip(reversed(nouns[:position]), reversed(ordered[:position]), strict=True))
        antecedent = (_country_antecedent(before, kb) if kinds == COUNTRY else None) or next(
            (i.candidates[0] for k, i in before if k is None and i.candidates and i.candidates[0].entry.feature in kinds),
            None)
        if antecedent is not None:
            item.candidates = [Candidate(antecedent.entry, 0.5, item.key, (0, 0))]
            continue
        if main is None:
            main = main_country(items)
        if not (main == "SA" and any(v == MEDINA_SHORT for v, _ in clitic_forms(item.key))):
            item.candidates = []


def _country_antecedent(before: list[tuple[frozenset[str] | None, Item]], kb: KnowledgeBase) -> Candidate | None:
    """البلاد: the country of the last place named before it (a country, or a city's or region's country)."""
    for kinds, item in before:
        if kinds is not None or not item.candidates or item.candidates[0].entry.type not in ("GPE", "LOC"):
            continue
        entry = item.candidates[0].entry
        country = entry if entry.feature in COUNTRY else (kb.country(entry.country) if entry.country else None)
        if country is not None:
            return Candidate(country, 0.5, item.key, (0, 0))
    return None
