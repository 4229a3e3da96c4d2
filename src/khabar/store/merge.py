"""Cross-article event merging: the reports of one real-world event become one corpus event.

Every stored event is compared with the corpus events already formed from events of the same
PLOVER type and status (a claimed event counts as happened); it joins one when it is compatible with every report in it:

* place: both locations have coordinates within ``max_km`` (haversine), or the same corpus
  entity key (the same KB id, or the same type and normalized name when not linked); an event
  without a location never merges;
* day: within ``days`` of every report's day (the resolved event date, else the publication date);
* actors: one side names none, or they share an entity key or a normalized name (one name's
  words contained in the other's: الحشد الشعبي ~ قوات الحشد الشعبي);
* means (``mode``): unknown on one side, equal or of one family (``events.merge.COMPATIBLE_MODES``);
* fatalities: one side unknown, or within ``max(min_gap, ratio × larger figure)`` of every
  figure reported so far. The corpus event keeps the largest figure and the list of figures.

Among compatible corpus events the nearest (then the most reported) wins. Merging is rebuilt
from scratch in one transaction, so it is deterministic and can be re-run at any time.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from khabar.events.merge import COMPATIBLE_MODES, STATUS_RANK
from khabar.store.base import Store
from khabar.store.model import Filters
from khabar.store.rows import name_key

CORPUS_EVENT_COLUMNS = (
    "id", "type", "status", "day", "first_day", "last_day", "location_key", "location_name", "lat", "lon",
    "country_code", "fatalities", "fatalities_reported", "actors", "actor_keys", "targets", "n_reports",
    "n_documents", "n_sources", "sources", "acled_event_type", "acled_sub_event_type", "notes", "merged_at",
)
EARTH_KM = 6371.0088
# A claim of responsibility reports the event that happened: claimed and happened reports merge.
STATUS_GROUP = {"claimed": "happened"}


@dataclass(frozen=True)
class MergeRules:
    max_km: float = 25.0
    days: int = 2
    fatality_ratio: float = 0.3
    fatality_min_gap: int = 3


@dataclass
class Report:
    """One stored event with what merging compares."""

    doc_id: str
    event_id: str
    type: str
    mode: str | None
    status: str | None
    day: date | None
    location_key: str | None
    location_name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    fatalities: int | None
    actor_keys: set[str]
    actor_names: list[str]
    targets: list[str]
    source: str | None
    acled: tuple[str | None, str | None]
    notes: str | None


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)

    @property
    def last_day(self) -> date:
        return max(r.day for r in self.reports if r.day is not None)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def place_distance(a: Report, b: Report, rules: MergeRules) -> float | None:
    """Kilometres between two reports' places (0 for the same entity); None when not the same place."""
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        return km if km <= rules.max_km else None
    if a.location_key and a.location_key == b.location_key:
        return 0.0
    return None


def _names_overlap(a: list[str], b: list[str]) -> bool:
    for x in a:
        wx = set(x.split())
        for y in b:
            wy = set(y.split())
            if wx and wy and (wx <= wy or wy <= wx):
                return True
    return False


def actors_compatible(a: Report, b: Report) -> bool:
    if not (a.actor_keys or a.actor_names) or not (b.actor_keys or b.actor_names):
        return True
    return bool(a.actor_keys & b.actor_keys) or _names_overlap(a.actor_names, b.actor_names)


def fatalities_compatible(a: int | None, b: int | None, rules: MergeRules) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= max(rules.fatality_min_gap, rules.fatality_ratio * max(a, b))


def modes_compatible(a: str | None, b: str | None) -> bool:
    """Unknown, equal or of one family (an air strike and shelling; not an air strike and a shooting)."""
    return a is None or b is None or a == b or any(a in group and b in group for group in COMPATIBLE_MODES)


def fits(report: Report, cluster: Cluster, rules: MergeRules) -> float | None:
    """The largest distance from ``report`` to the cluster's reports; None when it does not fit."""
    worst = 0.0
    for other in cluster.reports:
        if report.day is None or other.day is None or abs((report.day - other.day).days) > rules.days:
            return None
        km = place_distance(report, other, rules)
        if km is None or not modes_compatible(report.mode, other.mode) or not actors_compatible(report, other) \
                or not fatalities_compatible(report.fatalities, other.fatalities, rules):
            return None
        worst = max(worst, km)
    return worst


def load_reports(store: Store) -> list[Report]:
    """Every stored event with its place's coordinates, actors and source, in a stable order."""
    rows = store._rows(
        "SELECT ev.doc_id, ev.event_id, ev.type, ev.mode, ev.status, ev.day, ev.location_key, ev.location_name, "
        "ev.fatalities, ev.acled_event_type, ev.acled_sub_event_type, ev.notes, d.source, d.published, "
        "e.lat, e.lon, e.country_code FROM events ev JOIN documents d ON d.id = ev.doc_id "
        "LEFT JOIN entities e ON e.key = ev.location_key ORDER BY ev.day, d.published, ev.doc_id, ev.event_id")
    arguments: dict[tuple[str, str], dict[str, list[tuple[str | None, str | None]]]] = defaultdict(dict)
    for arg in store._rows("SELECT doc_id, event_id, role, entity_key, name FROM event_arguments "
                           "WHERE role IN ('actor', 'target') ORDER BY doc_id, event_id, role, position"):
        roles = arguments[(arg["doc_id"], arg["event_id"])]
        roles.setdefault(arg["role"], []).append((arg["entity_key"], arg["name"]))
    reports = []
    for row in rows:
        roles = arguments.get((row["doc_id"], row["event_id"]), {})
        actors = roles.get("actor", [])
        reports.append(Report(
            row["doc_id"], row["event_id"], row["type"], row["mode"], row["status"], _day(row["day"] or row["published"]),
            row["location_key"], row["location_name"], row["lat"], row["lon"], row["country_code"],
            row["fatalities"], {k for k, _ in actors if k}, [name_key(n) for _, n in actors if n],
            [n for _, n in roles.get("target", []) if n], row["source"],
            (row["acled_event_type"], row["acled_sub_event_type"]), row["notes"]))
    return reports


def cluster_reports(reports: list[Report], rules: MergeRules = MergeRules()) -> list[Cluster]:
    """Group reports of one event (reports sorted by day; each joins the best fitting open cluster)."""
    clusters: list[Cluster] = []
    open_by_kind: dict[tuple[str, str | None], list[Cluster]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.day or date.max, r.doc_id, r.event_id)):
        if report.day is None or not (report.location_key or report.lat is not None):
            clusters.append(Cluster([report]))  # no day or no place: never merged
            continue
        candidates = open_by_kind[(report.type, STATUS_GROUP.get(report.status or "", report.status))]
        candidates[:] = [c for c in candidates if (report.day - c.last_day).days <= rules.days]
        best: tuple[float, int] | None = None
        chosen: Cluster | None = None
        for cluster in candidates:
            km = fits(report, cluster, rules)
            if km is not None and (best is None or (km, -len(cluster.reports)) < best):
                best, chosen = (km, -len(cluster.reports)), cluster
        if chosen is None:
            chosen = Cluster()
            clusters.append(chosen)
            candidates.append(chosen)
        chosen.reports.append(report)
    return clusters


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v not in (None, "")]
    return Counter(values).most_common(1)[0][0] if values else None


def corpus_event_row(cluster: Cluster, merged_at: str) -> dict[str, Any]:
    reports = cluster.reports
    first = reports[0]
    days = sorted(r.day for r in reports if r.day is not None)
    figures = [r.fatalities for r in reports if r.fatalities is not None]
    located = [r for r in reports if r.lat is not None and r.lon is not None]
    place = _most_common([r.location_key for r in reports])
    anchor = next((r for r in reports if r.location_key == place), first)
    actors = list(dict.fromkeys(n for r in reports for n in r.actor_names))
    sources = sorted({r.source for r in reports if r.source})
    digest = hashlib.sha1(f"{first.doc_id}/{first.event_id}".encode()).hexdigest()[:16]
    acled = _most_common([r.acled for r in reports if r.acled[0]]) or (None, None)
    return {
        "id": f"ce_{digest}", "type": first.type,
        "status": max((r.status for r in reports), key=lambda s: STATUS_RANK.get(s or "", -1)),
        "day": _most_common([d.isoformat() for d in days]) if days else None,
        "first_day": days[0].isoformat() if days else None, "last_day": days[-1].isoformat() if days else None,
        "location_key": place, "location_name": anchor.location_name,
        "lat": anchor.lat if anchor.lat is not None else (located[0].lat if located else None),
        "lon": anchor.lon if anchor.lat is not None else (located[0].lon if located else None),
        "country_code": _most_common([r.country_code for r in reports]),
        "fatalities": max(figures) if figures else None,
        "fatalities_reported": "; ".join(str(f) for f in figures) or None,
        "actors": "; ".join(actors) or None,
        "actor_keys": "; ".join(sorted({k for r in reports for k in r.actor_keys})) or None,
        "targets": "; ".join(dict.fromkeys(t for r in reports for t in r.targets)) or None,
        "n_reports": len(reports), "n_documents": len({r.doc_id for r in reports}), "n_sources": len(sources),
        "sources": "; ".join(sources) or None, "acled_event_type": acled[0], "acled_sub_event_type": acled[1],
        "notes": first.notes, "merged_at": merged_at,
    }


def merge_events(store: Store, rules: MergeRules = MergeRules()) -> dict[str, int]:
    """Rebuild the corpus events of ``store``; returns counts of events, corpus events and merged ones."""
    reports = load_reports(store)
    clusters = cluster_reports(reports, rules)
    merged_at = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [corpus_event_row(cluster, merged_at) for cluster in clusters]
    members = [(row["id"], r.doc_id, r.event_id) for row, cluster in zip(rows, clusters, strict=True)
               for r in cluster.reports]
    with store.transaction() as cursor:
        cursor.execute("DELETE FROM corpus_event_members")
        cursor.execute("DELETE FROM corpus_events")
        if rows:
            marks = ", ".join(store.placeholder for _ in CORPUS_EVENT_COLUMNS)
            cursor.executemany(f"INSERT INTO corpus_events ({', '.join(CORPUS_EVENT_COLUMNS)}) VALUES ({marks})",
                               [[row[c] for c in CORPUS_EVENT_COLUMNS] for row in rows])
            cursor.executemany(store._sql("INSERT INTO corpus_event_members (corpus_event_id, doc_id, event_id) "
                                          "VALUES (?, ?, ?)"), members)
    return {"events": len(reports), "corpus_events": len(rows),
            "merged": sum(1 for c in clusters if len(c.reports) > 1)}


def corpus_events(store: Store, filters: Filters | None = None, limit: int | None = None,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Stored corpus events, by day, each with ``reports``: its member events' document, source and URL."""
    filters = filters or Filters()
    clauses, params = store._event_kind_where("c", filters)
    if filters.since:
        clauses.append("c.last_day >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append("c.first_day <= ?")
        params.append(filters.until)
    if filters.source:
        clauses.append("c.id IN (SELECT m.corpus_event_id FROM corpus_event_members m "
                       "JOIN documents d ON d.id = m.doc_id WHERE d.source = ?)")
        params.append(filters.source)
    sql = f"SELECT c.* FROM corpus_events c WHERE {' AND '.join(clauses)} ORDER BY c.day, c.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    events = store._rows(sql, params)
    if events:
        reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
        ids = [e["id"] for e in events]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in store._rows(
                    "SELECT m.corpus_event_id, m.doc_id, m.event_id, d.source, d.url, d.published, ev.day, "
                    "ev.fatalities FROM corpus_event_members m JOIN documents d ON d.id = m.doc_id "
                    "JOIN events ev ON ev.doc_id = m.doc_id AND ev.event_id = m.event_id "
                    f"WHERE m.corpus_event_id IN ({', '.join('?' for _ in chunk)}) "
                    "ORDER BY ev.day, d.published, m.doc_id, m.event_id", chunk):
                reports[row.pop("corpus_event_id")].append(row)
        for event in events:
            event["reports"] = reports.get(event["id"], [])
    return events
