"""The shipped name lexicon: gazetteer keys (``arabic.phrase_key`` form) with type flags.

Flags: ``P`` person name token, ``L`` place, ``G`` country or large city (GPE), ``C`` country,
``O`` organisation, ``N`` nationality adjective stem, ``K:TYPE`` well-known name (rule layer).
Built by :func:`build_lexicon` from the shared gazetteers; saved as a small TSV.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import defaultdict
from pathlib import Path

from khabar.ner.arabic import phrase_key, stem_key
from khabar.ner.tables import COUNTRY_FORMS, KNOWN_NAMES

MAX_PHRASE = 6
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671]+")
_NON_ARABIC_LETTERS = set("پچژگکیەڭڤۆێ")


class Lexicon:
    def __init__(self, entries: dict[str, set[str]] | None = None) -> None:
        self.entries: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in (entries or {}).items()}
        self._index()

    def _index(self) -> None:
        """First words of the well-known names (``K:`` entries), to skip sentences quickly."""
        self.known_heads = frozenset(k.split(" ", 1)[0] for k, flags in self.entries.items()
                                     if any(f.startswith("K:") for f in flags))

    def flags(self, key: str) -> frozenset[str]:
        return self.entries.get(key, frozenset())

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
            for key in sorted(self.entries):
                handle.write(f"{key}\t{','.join(sorted(self.entries[key]))}\n")

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        lexicon = cls()
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lexicon.entries = {key: frozenset(flags.split(",")) for key, _, flags in
                               (line.rstrip("\n").partition("\t") for line in handle)}
        lexicon._index()
        return lexicon

    def matches(self, keys: list[str], alternatives: list[str | None] | None = None
                ) -> list[tuple[int, int, frozenset[str]]]:
        """Longest matches ``(start, end, flags)`` over a sentence of stem keys; ``alternatives[i]``
        is another key for a phrase starting at ``i`` (e.g. without a bare proclitic و/ب/ل)."""
        found = []
        i = 0
        while i < len(keys):
            heads = [keys[i]]
            if alternatives and alternatives[i]:
                heads.append(alternatives[i])
            for j in range(min(len(keys), i + MAX_PHRASE), i, -1):
                tail = keys[i + 1:j]
                flags = next((f for f in (self.entries.get(" ".join([h, *tail])) for h in heads) if f), None)
                if flags:
                    found.append((i, j, flags))
                    i = j
                    break
            else:
                i += 1
        return found


def _arabic_ok(name: str) -> bool:
    return bool(name) and not (_NON_ARABIC_LETTERS & set(name)) and bool(_ARABIC_WORD.search(name))


def build_lexicon(data: Path) -> Lexicon:
    """Collect names from ANERGazet, ANETAC, Wikidata name tokens, GeoNames and the Yemen gazetteer."""
    entries: dict[str, set[str]] = defaultdict(set)

    def add(name: str, flag: str) -> None:
        words = name.replace("،", " ").split()
        if words and len(words) <= MAX_PHRASE and _arabic_ok(name):
            entries[phrase_key(words)].add(flag)

    gazet = data / "anergazet"
    for fname, flag in (("AlignedPersGazetteer.txt", "P"), ("AlignedLocGazetteer.txt", "L"),
                        ("AlignedOrgGazetteer.txt", "O")):
        for line in (gazet / fname).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("====", "****")):
                add(line.strip(), flag)
    anetac = data / "name-transliteration" / "anetac" / "EN-AR_Named-entities.txt"
    for line in anetac.read_text(encoding="utf-8").splitlines():
        kind, _, rest = line.partition(" ")
        arabic = " ".join(_ARABIC_WORD.findall(rest))
        flag = {"PERSON": "P", "LOCATION": "L", "ORGANIZATION": "O"}.get(kind)
        if flag and arabic:
            add(arabic, flag)
    wikidata = data / "name-transliteration" / "wikidata-coling2018" / "wd_arabic_64"
    for line in wikidata.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2].isdigit() and int(parts[2]) >= 2:
            add(parts[1].replace(" ", ""), "P")
    geo = data / "geonames-arabic"
    with open(geo / "countries_arabic_names.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for name in (row["name_ar"], row["official_name_ar"]):
                if name:
                    add(name, "C")
                    add(name, "G")
    with open(geo / "places_arabic_names_cities500.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            population = int(row["population"] or 0)
            for name in row["arabic_script_names"].split("|"):
                if population >= 1000:
                    add(name, "L")
                if population >= 50_000:
                    add(name, "G")
    yemen = data / "yemen-admin-gazetteer"
    for fname in ("governorates.tsv", "districts.tsv"):
        with open(yemen / fname, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                add(row["name_ar"], "L")
                add(row["name_ar"], "G")
    for country, nisba in COUNTRY_FORMS.items():
        add(country, "C")
        add(country, "G")
        entries[stem_key(nisba)].add("N")
    for name, kind in KNOWN_NAMES.items():
        add(name, "K:" + kind)
    return Lexicon(entries)
