"""The knowledge base: people, organizations, places and nationalities, looked up by folded name.

Shipped files (``data/kb/``, see its README): ``actors.tsv`` + ``actors_*.tsv`` (curated people/organizations),
``countries.tsv`` + ``groups.tsv`` + ``nationality_plurals.tsv`` (nationality adjectives),
``places.tsv.gz`` (built by ``khabar kb build`` from GeoNames, the curated country and region
tables and the Yemen gazetteer). User additions: every ``*.tsv`` in ``~/.khabar/kb/`` (or in
``$KHABAR_KB_DIR``) in the ``actors.tsv`` format; ``khabar kb add`` writes there.

The KB is loaded once per process (``get_kb()``) and indexed by ``keys.name_key``.
"""

from __future__ import annotations

import csv
import gc
import gzip
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from khabar.caches import WORD_CACHE_SIZE
from khabar.link.keys import clitic_forms, name_key, strip_article
from khabar.paths import PACKAGE_DATA

log = logging.getLogger(__name__)
KB_DIR = PACKAGE_DATA / "kb"
PLACES_FILE = KB_DIR / "places.tsv.gz"
ACTOR_COLUMNS = ("id", "type", "name_ar", "aliases_ar", "name_en", "country", "roles", "wikidata")
PLACE_COLUMNS = ("id", "type", "feature", "name_ar", "aliases_ar", "name_en", "cc", "admin1", "lat", "lon",
                 "population", "geonames_id", "admin1_name")
PLACE_TYPES = frozenset({"GPE", "LOC"})
MEMO_SIZE = WORD_CACHE_SIZE  # words remembered per memo table before it starts over
T = TypeVar("T")
ARAB_LEAGUE = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    start: int | None
    end: int | None

    def covers(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str
    name_ar: str
    name_en: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    roles: tuple[Role, ...] = ()
    wikidata: str = ""
    feature: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1: str = ""                    # GeoNames admin-1 code
    geonames_id: int | None = None
    admin1_name: str = ""               # readable admin-1 name (Nineveh Governorate), where known
    source: str = "kb"

    @property
    def kb_id(self) -> str:
        """Stable public id: the Wikidata id when known, else ``geonames:N`` for places, else ``khabar:slug``."""
        if self.wikidata:
            return self.wikidata
        if ":" in self.id:
            return self.id
        return f"khabar:{self.id}"

    def names(self) -> list[str]:
        return [self.name_ar, *self.aliases]


@dataclass(slots=True)
class Nationality:
    """A nationality/group adjective: ``country`` is an ISO code (linked to the country entry) or ''."""

    key: str
    adjective: str
    name_en: str
    country: str
    group_id: str


@dataclass
class KnowledgeBase:
    entries: list[KBEntry] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    article_index: dict[str, list[int]] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    nationalities: dict[str, Nationality] = field(default_factory=dict)
    roles: dict[tuple[str, str], list[KBEntry]] = field(default_factory=dict)
    load_seconds: float = 0.0
    # Indexes and memo tables that other modules derive from this KB, built on first use (``derived``).
    # ``add`` clears them; code that edits ``index`` or ``nationalities`` directly calls ``changed()``.
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, name: str, build: Callable[[KnowledgeBase], T]) -> T:
        """The table ``name`` derived from this KB, built with ``build(kb)`` once (until it changes)."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[no-any-return]

    def changed(self) -> None:
        """Forget every derived table (after the KB was edited)."""
        self._derived.clear()

    def nationality_of(self, key: str) -> Nationality | None:
        """The nationality a word key names, proclitics allowed (والعراقية -> Iraqi); memoized per word."""
        memo = self.nationality_memo()
        if key in memo:
            return memo[key]
        if len(memo) > MEMO_SIZE:
            memo.clear()
        found = None
        for variant, _cost in clitic_forms(key):
            found = self.nationalities.get(variant)
            if found:
                break
        memo[key] = found
        return found

    def nationality_memo(self) -> dict[str, Nationality | None]:
        """``nationality_of`` answers so far (read it directly in a loop over many words)."""
        return self.derived("nationality_of", lambda _kb: {})

    def add(self, entry: KBEntry) -> None:
        self._derived.clear()
        position = len(self.entries)
        self.entries.append(entry)
        for name in entry.names():
            key = name_key(name)
            if not key:
                continue
            bucket = self.index.setdefault(key, [])
            if position not in bucket:
                bucket.append(position)
            if entry.type in PLACE_TYPES:
                bare = strip_article(key)
                if bare != key:
                    self.article_index.setdefault(bare, []).append(position)
        if entry.feature == "PCLI" and entry.country:
            self.countries[entry.country] = position

    def lookup(self, key: str, with_article_variants: bool = True) -> list[KBEntry]:
        """Entries whose name or alias folds to ``key`` (a ``name_key``)."""
        positions = self.index.get(key)
        if not positions and with_article_variants:
            positions = self.article_index.get(strip_article(key))
        if not positions:
            return []
        return list(map(self.entries.__getitem__, positions))

    def country(self, code: str) -> KBEntry | None:
        position = self.countries.get(code)
        return self.entries[position] if position is not None else None

    def by_role(self, role: str, country: str) -> list[KBEntry]:
        """People who held ``role`` for ``country`` (any time)."""
        if not self.roles:
            for entry in self.entries:
                for item in entry.roles:
                    bucket = self.roles.setdefault((item.name, entry.country), [])
                    if entry not in bucket:
                        bucket.append(entry)
        return list(self.roles.get((role, country), ()))

    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for entry in self.entries:
            totals[entry.type] = totals.get(entry.type, 0) + 1
        totals["NORP forms"] = len(self.nationalities)
        return totals


def _lines(path: Path) -> Iterator[str]:
    """The lines of a TSV file (gzipped or not) without blank and comment lines."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        yield from (line for line in handle if line.strip() and not line.startswith("#"))


def _rows(path: Path) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(_lines(path), delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def parse_roles(value: str | None) -> tuple[Role, ...]:
    roles = []
    for item in (value or "").split(";"):
        name, _, span = item.strip().partition(":")
        if not name:
            continue
        start, _, end = span.partition("-")
        roles.append(Role(name, int(start) if start.isdigit() else None, int(end) if end.isdigit() else None))
    return tuple(roles)


def actor_from_row(row: dict[str, str], source: str) -> KBEntry:
    entry_type = (row.get("type") or "MISC").strip().upper()
    return KBEntry(
        id=row["id"].strip(), type=entry_type, name_ar=row["name_ar"].strip(),
        name_en=(row.get("name_en") or "").strip(), aliases=_split(row.get("aliases_ar")),
        country=(row.get("country") or "").strip(), roles=parse_roles(row.get("roles")),
        wikidata=(row.get("wikidata") or "").strip(), source=source,
    )


def place_from_row(row: dict[str, str]) -> KBEntry:
    def number(name: str) -> float | None:
        value = row.get(name) or ""
        return float(value) if value else None

    geonames = row.get("geonames_id") or ""
    return KBEntry(
        id=row["id"], type=row["type"], name_ar=row["name_ar"], name_en=row["name_en"],
        aliases=_split(row.get("aliases_ar")), country=row.get("cc") or "", feature=row.get("feature") or "",
        lat=number("lat"), lon=number("lon"), population=int(row.get("population") or 0),
        admin1=row.get("admin1") or "", geonames_id=int(geonames) if geonames.isdigit() else None,
        admin1_name=row.get("admin1_name") or "", source="places",
    )


def place_entries(path: Path = PLACES_FILE) -> Iterator[KBEntry]:
    """``place_from_row`` of every row of the places file, read without a dict per row.

    The file is what ``write_places`` writes (tab-separated, never quoted), so a line's fields are its
    tab-separated parts, as the ``csv`` reader of ``_rows`` finds them; a file or line of another shape
    is read through ``_rows``.
    """
    lines = _lines(path)
    header = next(lines, "").rstrip("\r\n").split("\t")
    if tuple(header) != PLACE_COLUMNS:
        yield from (place_from_row(row) for row in _rows(path))
        return
    width = len(PLACE_COLUMNS)
    for line in lines:
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) != width or "\r" in line.rstrip("\r\n"):
            yield from (place_from_row(row) for row in csv.DictReader([line], header, delimiter="\t",
                                                                     quoting=csv.QUOTE_NONE))
            continue
        (id_, type_, feature, name_ar, aliases, name_en, country, admin1, lat, lon, population, geonames,
         admin1_name) = fields
        yield KBEntry(
            id=id_, type=type_, name_ar=name_ar, name_en=name_en, aliases=_split(aliases), country=country,
            feature=feature, lat=float(lat) if lat else None, lon=float(lon) if lon else None,
            population=int(population or 0), admin1=admin1,
            geonames_id=int(geonames) if geonames.isdigit() else None, admin1_name=admin1_name, source="places",
        )


def adjective_forms(adjective: str) -> set[str]:
    """Inflected forms of a masculine singular nisba adjective (عراقي -> العراقية، العراقيون ...)."""
    words = adjective.split()
    if len(words) > 1:
        return {" ".join(parts) for parts in zip(*(sorted(adjective_forms(w)) for w in words), strict=False)}
    base = adjective
    stems = {base + "ة", base + "ون", base + "ين", base + "ان"}
    if base.endswith("ي"):
        stems |= {base[:-1] + "ين", base[:-1] + "ون"}  # common news spellings (الأمريكين)
    forms = {base} | stems
    return forms | {"ال" + form for form in forms}


# Generated adjective forms that are common words with another meaning (سنين = years, عربون = deposit).
NOT_NATIONALITY = frozenset(name_key(w) for w in ("سنين", "السنين", "سنون", "عربون", "العربون", "عربان"))


def _load_nationalities(kb: KnowledgeBase) -> None:
    def register(form: str, adjective: str, name_en: str, country: str, group: str) -> None:
        key = name_key(form)
        if key and key not in kb.nationalities and key not in NOT_NATIONALITY:
            kb.nationalities[key] = Nationality(key, adjective, name_en, country, group)

    for row in _rows(KB_DIR / "countries.tsv"):
        for adjective in _split(row.get("adjective_ar")):
            for form in adjective_forms(adjective):
                register(form, adjective, row["adjective_en"], row["cc"], row["cc"])
    for row in _rows(KB_DIR / "groups.tsv"):
        adjectives = _split(row.get("adjective_ar"))
        for adjective in adjectives:
            for form in adjective_forms(adjective):
                register(form, adjectives[0], row["name_en"], "", row["id"])
        for plural in _split(row.get("plurals_ar")):
            for form in (plural, "ال" + plural):
                register(form, adjectives[0], row["name_en"], "", row["id"])
    adjectives_by_cc = {row["cc"]: row for row in _rows(KB_DIR / "countries.tsv")}
    for row in _rows(KB_DIR / "nationality_plurals.tsv"):
        country = adjectives_by_cc.get(row["cc"])
        if country:
            adjective = _split(country.get("adjective_ar"))[0]
            for form in (row["plural_ar"], "ال" + row["plural_ar"]):
                register(form, adjective, country["adjective_en"], row["cc"], row["cc"])


def actor_files() -> list[Path]:
    """The shipped curated tables: ``actors.tsv`` and every ``actors_*.tsv`` (people, organizations, state bodies)."""
    return sorted(KB_DIR.glob("actors*.tsv"))


def user_kb_dir() -> Path:
    return Path(os.environ.get("KHABAR_KB_DIR") or Path.home() / ".khabar" / "kb")


def user_files() -> list[Path]:
    folder = user_kb_dir()
    return sorted(folder.glob("*.tsv")) if folder.is_dir() else []


def load_kb(extra_files: Iterable[Path] = (), include_user: bool = True) -> KnowledgeBase:
    started = time.perf_counter()
    kb = KnowledgeBase()
    if PLACES_FILE.is_file():
        for entry in place_entries(PLACES_FILE):
            kb.add(entry)
    else:
        log.warning("%s is missing: run `khabar kb build`; places will not be linked", PLACES_FILE.name)
    for path in actor_files():
        for row in _rows(path):
            kb.add(actor_from_row(row, "curated"))
    files = [*(user_files() if include_user else []), *extra_files]
    for path in files:
        try:
            for row in _rows(path):
                if row.get("id") and row.get("name_ar"):
                    kb.add(actor_from_row(row, f"user:{path.name}"))
        except (OSError, KeyError, ValueError) as error:
            log.warning("skipping knowledge-base file %s: %s", path, error)
    _load_nationalities(kb)
    kb.changed()
    kb.load_seconds = time.perf_counter() - started
    return kb


@lru_cache(maxsize=1)
def get_kb() -> KnowledgeBase:
    """The process-wide knowledge base (shipped data plus the user's files), loaded on first use.

    Its many objects live as long as the process: they are moved out of the cyclic garbage collector's
    reach (``gc.freeze``, with whatever else is loaded by then), or every full collection, which the many
    small objects of each article trigger, walks them all again (about a quarter of the link stage's time).
    """
    kb = load_kb()
    gc.freeze()
    return kb
