"""Readable admin-1 names for GeoNames admin-1 codes, built offline (``khabar kb build``).

GeoNames' own code->name table is not in the shared data, so names come from two sources:
1. the hand-written ``admin.tsv`` governorates/regions: the anchor (capital) place's admin-1 code takes the
   region's English name (Iraq, Syria, Saudi Arabia: "Nineveh Governorate", "Asir Region");
2. pycountry's ISO 3166-2 top-level subdivisions (iso-codes, LGPL-2.1), for the Arab world, Iran, Turkey and
   Israel only (governorates named after their capital): a subdivision named like the most populous place
   of an admin-1 code (name or Latin alternate name, accents and articles folded) names that code
   ("Ḩalab" -> Aleppo's code). A code claimed by two subdivisions stays unnamed;
3. United States: GeoNames uses the ISO 3166-2 state suffix as the admin-1 code (IL -> Illinois).
Codes no source names keep an empty name (the code itself stays in the ``admin1`` column).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

_ARTICLES = frozenset({"al", "ar", "as", "ad", "an", "az", "ash", "at", "ath", "adh", "el", "ad-"})
_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
CAPITAL_NAMED = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR TR IL".split())


def fold_latin(name: str) -> str:
    """``Şalāḩ ad Dīn`` -> ``salah din`` (accents, apostrophes, articles and spacing folded)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    plain = _NON_ALNUM.sub(" ", plain.replace("'", "").replace("-", " "))
    return " ".join(word for word in plain.split() if word not in _ARTICLES)


def subdivision_names(country_codes: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Top-level ISO 3166-2 subdivisions per country: ``cc -> [(folded, display name)]``."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - declared dependency
        return {}
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code in country_codes:
        try:
            items = pycountry.subdivisions.get(country_code=code) or []
        except KeyError:
            continue
        for item in items:
            if getattr(item, "parent_code", None) is None:
                found[code].append((fold_latin(item.name), item.name))
    return found


def admin1_names(places: list[dict[str, str]], latin_names: dict[str, list[str]],
                 curated: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """``(cc, admin1 code) -> readable name`` from the curated regions, then ISO subdivisions matched to places.

    ``places`` are place rows (``geonames_id``, ``cc``, ``admin1``, ``name_en``, ``population``);
    ``latin_names`` maps a GeoNames id to its Latin alternate names.
    """
    names = dict(curated)
    largest: dict[tuple[str, str], dict[str, str]] = {}
    for place in places:
        key = (place["cc"], place["admin1"])
        if place["cc"] in CAPITAL_NAMED and place["admin1"] and (
                key not in largest or int(largest[key].get("population") or 0) < int(place.get("population") or 0)):
            largest[key] = place
    by_name: dict[tuple[str, str], str] = {}
    for (code, admin1), place in largest.items():
        for name in [place["name_en"], *latin_names.get(place.get("geonames_id") or "", [])]:
            if fold_latin(name):
                by_name.setdefault((code, fold_latin(name)), admin1)
    _us_states(names)
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, subdivisions in subdivision_names(sorted(CAPITAL_NAMED)).items():
        for folded, display in subdivisions:
            hit = by_name.get((code, folded))
            if hit:
                claims[(code, hit)].add(display)
    for key, displays in claims.items():
        if key not in names and len(displays) == 1:
            names[key] = next(iter(displays))
    return names


def _us_states(names: dict[tuple[str, str], str]) -> None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - declared dependency
        return
    for item in pycountry.subdivisions.get(country_code="US") or []:
        names.setdefault(("US", item.code.split("-", 1)[1]), item.name)
