"""Coordinates for place entities.

Precision values: ``country`` (approximate centroid of a country), ``admin`` (governorate/district, at its
capital), ``city`` (a GeoNames populated place), ``region`` (sea, river, named area: a representative point),
``approximate`` (a place the KB lacks, given the point of the place it is said to be in or near:
نعينيعة "في ناحية القيارة، جنوب مدينة الموصل" -> Qayyarah's point, no GeoNames id).
"""

from __future__ import annotations

from khabar.document import Geo
from khabar.link.kb import KBEntry

# ``Geo.admin1`` carries the readable admin-1 name (``KBEntry.admin1_name``: "Nineveh Governorate",
# "Ḩalab"); None where the build could not name the GeoNames admin-1 code (the code stays in the KB).

PRECISION = {"PCLI": "country", "ADM1": "admin", "ADM2": "admin", "PPL": "city", "PPLC": "city",
             "RGN": "region", "SEA": "region", "STM": "region"}
ENCLOSING_WINDOW = 80  # characters after an unknown place where its enclosing place may be named


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
