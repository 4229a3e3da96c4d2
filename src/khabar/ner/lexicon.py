"""The shipped name lexicon: gazetteer keys (``arabic.phrase_key`` form) with type flags.

Flags: ``P`` person name token, ``L`` place, ``G`` country or large city (GPE), ``C`` country,
``O`` organisation, ``N`` nationality adjective stem, ``K:TYPE`` well-known name (rule layer).
``F``/``S`` first/last name of a curated person, ``H`` first word of a curated organisation name.
Built by :func:`build_lexicon` from redistributable gazetteers and Khabar's KB; saved as a small TSV.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from khabar.ner.arabic import phrase_key, stem_key
from khabar.ner.tables import COUNTRY_FORMS, KNOWN_NAMES
from khabar.paths import PACKAGE_DATA

MAX_PHRASE = 6
KB_DIR = PACKAGE_DATA / "kb"
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671]+")
_NON_ARABIC_LETTERS = set("پچژگکیەڭڤۆێ")


class Lexicon:
    def __init__(self, entries: dict[str, set[str]] | None = None) -> None:
        self.entries: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in (entries or {}).items()}
        self.cache: dict[str, bool] = {}  # per-token answers of the rule layer (rules.is_nisba)
        self._index()

    def _index(self) -> None:
        """First words of the well-known names (``K:`` entries), to skip sentences quickly."""
        self.known = {k: flags for k, flags in self.entries.items() if any(f.startswith("K:") for f in flags)}
        self.known_heads = frozenset(k.split(" ", 1)[0] for k in self.known)
        longest: dict[str, int] = {}
        for key in self.entries:
            if " " in key:
                head, size = key.split(" ", 1)[0], key.count(" ") + 1
                if size > longest.get(head, 1):
                    longest[head] = size
        self.phrase_heads = longest  # first word of a multi-word key -> its longest key's length

    def flags(self, key: str) -> frozenset[str]:
        return self.entries.get(key, frozenset())

    def save(self, path: Path) -> None:
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed, \
                io.TextIOWrapper(packed, encoding="utf-8") as handle:  # mtime=0: byte-identical rebuilds
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

    def matches(self, keys: list[str], alternatives: list[str | None] | None = None, min_len: int = 1,
                known_only: bool = False) -> list[tuple[int, int, frozenset[str]]]:
        """Longest matches ``(start, end, flags)`` over a sentence of stem keys; ``alternatives[i]``
        is another key for a phrase starting at ``i`` (e.g. without a bare proclitic و/ب/ل);
        ``min_len`` > 1 finds multi-word names only; ``known_only`` finds only well-known names
        (``K:`` entries), so that a longer plain lexicon entry does not hide one."""
        found: list[tuple[int, int, frozenset[str]]] = []
        entries = self.known if known_only else self.entries
        longest = self.phrase_heads
        n = len(keys)
        if min_len > 1 and not alternatives:
            return self._phrases(keys, entries, min_len) if n >= min_len else found
        known_heads = self.known_heads if known_only else None  # a well-known name starts with one
        i = 0
        while i < n:
            if known_heads is not None and keys[i] not in known_heads and not (
                    alternatives and alternatives[i] in known_heads):
                i += 1
                continue
            heads = [keys[i]]
            size = longest.get(keys[i], 1)
            if alternatives and alternatives[i]:
                heads.append(alternatives[i])
                size = max(size, longest.get(alternatives[i], 1))
            size = min(n - i, size)
            if size < min_len:
                i += 1
                continue
            matched = False
            for j in range(i + size, i + min_len - 1, -1):
                tail = keys[i + 1:j]
                for head in heads:
                    flags = entries.get(" ".join([head, *tail]) if tail else head)
                    if flags:
                        found.append((i, j, flags))
                        matched = True
                        break
                if matched:
                    i = j
                    break
            if not matched:
                i += 1
        return found

    def _phrases(self, keys: list[str], entries: dict[str, frozenset[str]],
                 min_len: int) -> list[tuple[int, int, frozenset[str]]]:
        """``matches`` for multi-word phrases only: tries only the first words of multi-word keys."""
        found: list[tuple[int, int, frozenset[str]]] = []
        longest = self.phrase_heads
        n = len(keys)
        after = 0  # matches do not overlap
        for i in [i for i, key in enumerate(keys) if key in longest]:
            if i < after:
                continue
            for j in range(min(n, i + longest[keys[i]]), i + min_len - 1, -1):
                flags = entries.get(" ".join(keys[i:j]))
                if flags:
                    found.append((i, j, flags))
                    after = j
                    break
        return found


def _arabic_ok(name: str) -> bool:
    return bool(name) and not (_NON_ARABIC_LETTERS & set(name)) and bool(_ARABIC_WORD.search(name))


def _kb_rows(path: Path) -> list[dict[str, str]]:
    """Rows of one of Khabar's curated KB tables (``#`` comment lines, then a TSV with a header)."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _kb_names(row: dict[str, str]) -> list[str]:
    return [n.strip() for n in [row.get("name_ar") or "", *(row.get("aliases_ar") or "").split("|")] if n.strip()]


# Name particles that are not a person's own name (kept out of the first/last-name flags).
_PARTICLES = frozenset(stem_key(w) for w in "بن ابن بنت ابو أبو أم عبد آل ال".split())


def _add_kb(entries: dict[str, set[str]], add: Callable[[str, str], None], kb_dir: Path) -> None:
    """Khabar's own curated KB: people (full names, first/last-name tokens ``F``/``S``), organisations
    (``O``, first word ``H``), countries and regions."""
    for path in sorted(kb_dir.glob("actors*.tsv")):
        for row in _kb_rows(path):
            kind = (row.get("type") or "").strip().upper()
            for name in _kb_names(row):
                words = [w for w in name.replace("،", " ").split() if _arabic_ok(w)]
                if not words:
                    continue
                if kind == "PER":
                    add(name, "P")
                    keys = [stem_key(w) for w in words if stem_key(w) not in _PARTICLES]
                    if keys:
                        entries[keys[0]].add("F")
                        if len(keys) > 1:
                            entries[keys[-1]].add("S")
                elif kind == "ORG":
                    add(name, "O")
                    if len(words) > 1:
                        entries[stem_key(words[0])].add("H")
    for row in _kb_rows(kb_dir / "countries.tsv"):
        for name in _kb_names(row):
            add(name, "C")
            add(name, "G")
    for row in _kb_rows(kb_dir / "admin.tsv"):
        for name in _kb_names(row):
            add(name, "L")
            add(name, "G")


def build_lexicon(data: Path, kb_dir: Path | None = None) -> Lexicon:
    """Collect names from redistributable sources only: Wikidata name tokens (CC0), Google ar2en
    transliteration pairs (Apache-2.0), GeoNames (CC BY 4.0) with pycountry country names, the Yemen
    gazetteer (MIT) and Khabar's own tables and curated KB."""
    entries: dict[str, set[str]] = defaultdict(set)

    def add(name: str, flag: str) -> None:
        words = name.replace("،", " ").split()
        if words and len(words) <= MAX_PHRASE and _arabic_ok(name):
            entries[phrase_key(words)].add(flag)

    names = data / "name-transliteration"
    for fname in ("wd_arabic_64", "wd_arabic_16", "wd_arabic_20"):
        for line in (names / "wikidata-coling2018" / fname).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2].isdigit() and int(parts[2]) >= 2:
                add(parts[1].replace(" ", ""), "P")
    for fname in ("ar2en-train.txt", "ar2en-eval.txt", "ar2en-test.txt"):
        for line in (names / "google-ar2en" / fname).read_text(encoding="utf-8").splitlines():
            arabic = line.split("\t", 1)[0].strip()
            if arabic and " " not in arabic:
                add(arabic, "P")
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
    _add_kb(entries, add, kb_dir or KB_DIR)
    for country, nisba in COUNTRY_FORMS.items():
        add(country, "C")
        add(country, "G")
        entries[stem_key(nisba)].add("N")
    for name, kind in KNOWN_NAMES.items():
        add(name, "K:" + kind)
    return Lexicon(entries)
