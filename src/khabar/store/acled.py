"""Stored events as ACLED export rows (the column list of ACLED's data export).

Fields Khabar cannot know (interaction codes, source scale, region) are left empty rather than
guessed; ``notes`` is the sentence that reports the event; ``tags`` carries Khabar's status and id.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# ACLED's disorder types by event type (ACLED Codebook 2023, section "Disorder types").
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED time_precision: 1 = the exact day, 2 = within a week, 3 = within a month or longer.
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "quarter": 3, "half": 3, "year": 3}
# ACLED geo_precision: 1 = the town itself, 2 = a part of a region near the town, 3 = a larger region.
GEO_PRECISION: dict[str, int] = {"city": 1, "town": 1, "village": 1, "point": 1, "admin2": 2, "district": 2,
                                 "admin1": 3, "region": 3, "country": 3}


def _country(code: str | None) -> tuple[str, str, str]:
    """(alpha-3, numeric ISO, English name) for an ISO 3166 alpha-2 code."""
    if not code:
        return "", "", ""
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code.upper())
    except (ImportError, LookupError, KeyError):
        country = None
    if country is None:
        return code.upper(), "", ""
    return country.alpha_3, str(int(country.numeric)), country.name


def _geo_precision(feature: str | None) -> int | str:
    if not feature:
        return ""
    if feature.startswith("PPL"):
        return 1
    if feature in ("ADM2", "ADM3"):
        return 2
    if feature in ("ADM1", "PCLI"):
        return 3
    return GEO_PRECISION.get(feature.lower(), 2)


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One stored event (as returned by ``Store.events``) as an ACLED export row."""
    alpha3, numeric, country = _country(event.get("country_code"))
    day = event.get("day") or ""
    event_type = event.get("acled_event_type") or ""
    actors, targets = event.get("actors") or [], event.get("targets") or []
    added = event.get("added_at")
    try:
        timestamp: int | str = int(datetime.fromisoformat(added).timestamp()) if added else ""
    except ValueError:
        timestamp = ""
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}-{event['doc_id']}-{event['event_id']}",
        "event_date": day,
        "year": day[:4] if len(day) >= 4 else "",
        "time_precision": TIME_PRECISION.get(event.get("date_precision") or "", 1 if day else ""),
        "disorder_type": DISORDER_TYPES.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": event.get("acled_sub_event_type") or "",
        "actor1": actors[0] if actors else "",
        "assoc_actor_1": "; ".join(actors[1:]),
        "inter1": "",
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "inter2": "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": numeric,
        "region": "",
        "country": country,
        "admin1": event.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": event.get("location_name_en") or event.get("location_name") or "",
        "latitude": event.get("lat") if event.get("lat") is not None else "",
        "longitude": event.get("lon") if event.get("lon") is not None else "",
        "geo_precision": _geo_precision(event.get("feature")),
        "source": event.get("source") or "",
        "source_scale": "",
        "notes": event.get("notes") or "",
        "fatalities": event.get("fatalities") or 0,
        "tags": f"khabar:{event.get('type')}; status={event.get('status')}; url={event.get('url') or ''}",
        "timestamp": timestamp,
    }
