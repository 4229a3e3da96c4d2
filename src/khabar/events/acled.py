"""ACLED coding of Khabar events: event/sub-event types and the ACLED export columns.

Follows the ACLED codebook (2023) logic: the means decide Explosions/Remote violence; an armed
actor attacking unarmed people is Violence against civilians; armed actors fighting each other
is Battles; territory taken back by a state is "Government regains territory", by anyone else
"Non-state actor overtakes territory"; arrests, looting and agreements are Strategic developments.
Actor categories (inter codes) come from name words (tables below, curated from the codebook).
"""

from __future__ import annotations

from typing import Any

from khabar.document import Document, Entity, Event
from khabar.text.normalize import normalize_key

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"

# Actor categories (ACLED inter codes): 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
STATE_WORDS = frozenset(normalize_key(w) for w in (
    "الجيش", "جيش", "القوات", "قوات", "الشرطة", "شرطة", "الأمن", "الامن", "الحرس", "الحكومة", "الحكومية",
    "وزارة", "الداخلية", "الدفاع", "البيشمركة", "البيشمركه", "سلاح", "الجو", "طيران", "الطيران",
    "التحالف", "المخابرات", "الاستخبارات", "السلطات",
))
REBEL_WORDS = frozenset(normalize_key(w) for w in (
    "داعش", "تنظيم", "الدولة الإسلامية", "النصرة", "القاعدة", "المعارضة", "المتمردين", "المتمردون",
    "الحوثي", "الحوثيين", "الحوثيون", "أنصار", "حزب العمال", "الكردستاني", "طالبان", "بوكو", "الشباب",
    "المسلحين", "مسلحون", "مسلحين", "الجيش الحر", "فجر ليبيا", "المقاومة", "ولاية", "جبهة", "حركة",
))
MILITIA_WORDS = frozenset(normalize_key(w) for w in (
    "الحشد", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "الميليشيات", "المليشيات", "كتائب", "عصائب",
    "لجان", "اللجان",
))
CIVILIAN_WORDS = frozenset(normalize_key(w) for w in ("مدنيين", "المدنيين", "سكان", "أهالي", "الأهالي",
                                                       "مواطنين", "المواطنين", "مصلين", "المصلين"))
STATE_RANK_TYPES = frozenset({"GPE"})  # a country acting (تركيا تقصف) is its state forces
REGIONS = {
    "IQ": "Middle East", "SY": "Middle East", "YE": "Middle East", "SA": "Middle East", "LB": "Middle East",
    "JO": "Middle East", "PS": "Middle East", "IL": "Middle East", "TR": "Middle East", "IR": "Middle East",
    "KW": "Middle East", "BH": "Middle East", "QA": "Middle East", "AE": "Middle East", "OM": "Middle East",
    "EG": "Northern Africa", "LY": "Northern Africa", "TN": "Northern Africa", "DZ": "Northern Africa",
    "MA": "Northern Africa", "SD": "Northern Africa", "AF": "Caspian", "PK": "Southern Asia",
    "SO": "Eastern Africa", "ML": "Western Africa", "NG": "Western Africa", "FR": "Europe", "US": "North America",
}


def actor_category(entity: Entity | None) -> int:
    """The ACLED inter code of an actor entity (0 when unknown)."""
    if entity is None:
        return 0
    words = {normalize_key(w) for m in [entity.name, *(x.text for x in entity.mentions)] for w in m.split()}
    text = normalize_key(" ".join([entity.name, *(m.text for m in entity.mentions)]))
    if words & MILITIA_WORDS:
        return 3
    if words & REBEL_WORDS or any(w in text for w in REBEL_WORDS if " " in w):
        return 2
    if words & STATE_WORDS or entity.type in STATE_RANK_TYPES:
        return 1
    if words & CIVILIAN_WORDS:
        return 7
    if entity.type == "NORP":
        return 4
    return 0


def classify(event: Event, doc: Document, civilians: bool = False) -> dict[str, str] | None:
    """ACLED ``{disorder_type, event_type, sub_event_type[, civilian_targeting]}`` for ``event`` or None."""
    mode = event.mode
    actor_codes = [actor_category(doc.entity(a)) for a in event.actors]
    target_codes = [actor_category(doc.entity(t)) for t in event.targets]
    civilians = civilians or 7 in target_codes
    armed_target = any(code in (1, 2, 3, 4, 8) for code in target_codes)
    result: tuple[str, str] | None = None
    if event.type == "ASSAULT":
        if mode == "aerial":
            result = (EXPLOSIONS, "Air/drone strike")
        elif mode in ("shelling", "missile"):
            result = (EXPLOSIONS, "Shelling/artillery/missile attack")
        elif mode == "suicide":
            result = (EXPLOSIONS, "Suicide bomb")
        elif mode in ("explosives", "ied"):
            result = (EXPLOSIONS, "Remote explosive/landmine/IED")
        elif mode == "grenade":
            result = (EXPLOSIONS, "Grenade")
        elif mode == "retake":
            state = bool(actor_codes) and actor_codes[0] == 1
            result = (BATTLES, "Government regains territory" if state else "Non-state actor overtakes territory")
        elif mode == "destroy":
            result = (STRATEGIC, "Looting/property destruction") if not event.fatalities else (BATTLES, "Armed clash")
        elif civilians and not armed_target:
            result = (VAC, "Attack")
        else:
            result = (BATTLES, "Armed clash")
    elif event.type == "COERCE":
        result = {
            "arrest": (STRATEGIC, "Arrests"),
            "abduct": (VAC, "Abduction/forced disappearance"),
            "loot": (STRATEGIC, "Looting/property destruction"),
            "seize": (BATTLES, "Non-state actor overtakes territory") if not actor_codes or actor_codes[0] != 1
            else (BATTLES, "Government regains territory"),
        }.get(mode or "")
    elif event.type == "PROTEST":
        result = (RIOTS, "Violent demonstration") if mode == "riot" else (PROTESTS, "Peaceful protest")
        if event.fatalities:
            result = (PROTESTS, "Excessive force against protesters")
    elif event.type == "AGREE":
        result = (STRATEGIC, "Agreement")
    if result is None:
        return None
    event_type, sub_event_type = result
    disorder = {PROTESTS: "Demonstrations", RIOTS: "Demonstrations", STRATEGIC: "Strategic developments"}.get(
        event_type, "Political violence")
    out = {"disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_event_type}
    if civilians and event_type in (VAC, EXPLOSIONS, BATTLES) and not armed_target:
        out["civilian_targeting"] = "Civilian targeting"
    return out


def _descriptive(entity: Entity) -> bool:
    """An argument the events stage read from a description (ثلاثة أشخاص), not a named party."""
    return entity.kb_id is None and bool(entity.mentions) and all(m.source == "events" for m in entity.mentions)


def _name(entity: Entity | None) -> str:
    if entity is None:
        return ""
    return entity.name_en or entity.name


def _time_precision(event: Event) -> int:
    if event.date is None or event.date.precision in (None, "publication", "week"):
        return 2
    return {"day": 1, "month": 3, "year": 3}.get(event.date.precision, 2)


def _country(code: str | None) -> tuple[str, int | str]:
    if not code:
        return "", ""
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code.upper())
    except Exception:  # pycountry missing or broken: names stay empty
        country = None
    if country is None:
        return "", ""
    return country.name, int(country.numeric)


def to_acled_rows(doc: Document, include: tuple[str, ...] = ("happened",)) -> list[dict[str, Any]]:
    """One ACLED export row per event with an ACLED type whose status is in ``include``."""
    rows: list[dict[str, Any]] = []
    for event in doc.events:
        if event.acled is None or event.status not in include:
            continue
        actor1 = doc.entity(event.actors[0]) if event.actors else None
        actor2 = doc.entity(event.targets[0]) if event.targets else None
        civilian = event.acled.get("civilian_targeting", "")
        if actor2 is not None and civilian and _descriptive(actor2):
            actor2 = None  # خمسة أشخاص: unnamed civilians are ACLED's "Civilians (country)"
        place = doc.entity(event.location)
        geo = place.geo if place else None
        inter1 = actor_category(actor1)
        inter2 = actor_category(actor2) if actor2 else (7 if civilian else 0)
        country, iso = _country(geo.country_code if geo else None)
        date = event.date.value if event.date and event.date.value else ""
        notes = " ".join(span.text.strip() for span in event.evidence[:1]) or event.trigger.text
        rows.append({
            "event_id_cnty": f"{doc.id}-{event.id}",
            "event_date": date,
            "year": int(date[:4]) if date[:4].isdigit() else "",
            "time_precision": _time_precision(event),
            "disorder_type": event.acled.get("disorder_type", ""),
            "event_type": event.acled.get("event_type", ""),
            "sub_event_type": event.acled.get("sub_event_type", ""),
            "actor1": _name(actor1),
            "assoc_actor_1": "; ".join(_name(doc.entity(a)) for a in event.actors[1:]),
            "inter1": inter1 or "",
            "actor2": _name(actor2) or ("Civilians" + (f" ({country})" if country else "") if civilian else ""),
            "assoc_actor_2": "; ".join(_name(doc.entity(t)) for t in event.targets[1:]),
            "inter2": inter2 or "",
            "interaction": int("".join(sorted(str(c) for c in (inter1, inter2) if c))) if (inter1 or inter2) else "",
            "civilian_targeting": civilian,
            "iso": iso,
            "region": REGIONS.get((geo.country_code or "").upper(), "") if geo else "",
            "country": country,
            "admin1": (geo.admin1 or "") if geo else "",
            "admin2": "",
            "admin3": "",
            "location": _name(place),
            "latitude": geo.lat if geo else "",
            "longitude": geo.lon if geo else "",
            "geo_precision": {"city": 1, "town": 1, "village": 1, "admin2": 2, "admin1": 3}.get(
                (geo.precision or "") if geo else "", 2 if geo else ""),
            "source": _name(doc.entity(event.reported_by)) or (doc.meta.source or ""),
            "source_scale": "",
            "notes": notes,
            "fatalities": event.fatalities if event.fatalities is not None else 0,
            "tags": "",
            "timestamp": "",
        })
    return rows
