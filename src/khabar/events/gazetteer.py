"""Argument entities the events stage needs when NER did not tag them (no model, or a miss).

Events need their actors, targets and places as entities. The link stage only knows the names NER
(or a user) tagged, so without the NER model a document has little more than nationality
adjectives. This module adds, for the events stage only where no entity covers the text yet:

- organizations and armed groups of the knowledge base (داعش، الحشد الشعبي، القوات العراقية ...);
- places of the knowledge base (GeoNames with Arabic names, governorates, countries) when the
  word is introduced as a place (في/بـ/مدينة/قرية/جنوب ... X) or is a country, governorate,
  capital or large city;
- descriptive forces: a force word with a nationality adjective the link stage found
  (القوات العراقية، الجيش الليبي، مروحيتين أمريكيتين -> an ORG named by the phrase), so an actor
  is the force, not the adjective "عراقي";
- unnamed actors (مسلحون، مجهولين، متطرفون، مقاتلون إسلاميون) and state forces named by their kind
  (قوات الأمن، القوات الأمنية): an ORG without a KB id whose mention is the text span, so an event
  carries its actor's evidence even when no name is given.

Entities get ids after the document's last one; an entry already linked in the document gets the
new mention instead of a second entity. Mentions are marked with source ``gazetteer``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document, Entity, Geo, Mention
from khabar.events.cues import LOCATIVE_WORDS
from khabar.events.descriptive import Found as _Found
from khabar.events.descriptive import common as _common
from khabar.events.descriptive import forces as _forces
from khabar.events.descriptive import overlaps as _overlaps
from khabar.events.descriptive import unnamed as _unnamed
from khabar.events.descriptive import villages as _villages
from khabar.link.geo import approximate, geo_of
from khabar.link.kb import PLACE_TYPES, KBEntry, KnowledgeBase, get_kb
from khabar.link.kbscan import STOPLIST as KB_SCAN_STOPLIST
from khabar.link.keys import name_key
from khabar.link.resolve import Candidate, rank
from khabar.link.scan import _WORD as WORD_RE
from khabar.link.scan import PhraseMatch, Word, match_phrases
from khabar.link.translit import transliterate

# KB names that are ordinary words far more often than names in news prose: the link stage's KB-scan
# stoplist, except the names an event actor may really be (الحوثي), plus the locative words.
AMBIGUOUS_NAMES = (KB_SCAN_STOPLIST - frozenset(name_key(w) for w in ("المائة", "الحوثي"))) | frozenset(LOCATIVE_WORDS)
# Place features and sizes named without a locative word (a country, governorate, capital, big city).
NOTABLE_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "RGN"})
NOTABLE_POPULATION = 150_000

@dataclass(frozen=True, slots=True)
class _KeyIndex:
    """The KB keys naming a place or organization (ambiguous words left out) and their first words."""
    keys: frozenset[str]
    longest: dict[str, int]  # first word -> most words of a key starting with it


_INDEX_CACHE: dict[int, tuple[KnowledgeBase, _KeyIndex]] = {}


def _key_index(kb: KnowledgeBase) -> _KeyIndex:
    """Built once per knowledge base: phrase matching then tests set membership, not KB look-ups."""
    cached = _INDEX_CACHE.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    keys = frozenset(key for key in kb.index if key and _entries(kb, key))
    longest: dict[str, int] = {}
    for key in keys:
        parts = key.split()
        longest[parts[0]] = max(longest.get(parts[0], 0), len(parts))
    index = _KeyIndex(keys, longest)
    _INDEX_CACHE[id(kb)] = (kb, index)
    return index


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _name_key(text: str) -> str:
    return name_key(text)


def _tokens(text: str, spans: list[tuple[int, int]] | None = None) -> list[Word]:
    """The link stage's word keys (only inside ``spans`` when given), folding cached per word form."""
    out: list[Word] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        for match in WORD_RE.finditer(text, start, end):
            key = _name_key(match.group())
            if key:
                out.append(Word(match.start(), match.end(), key))
    return out


def _keyed(words: list[tuple[int, int, str]]) -> list[Word]:
    out: list[Word] = []
    for start, end, text in words:
        key = _name_key(text)
        if key:
            out.append(Word(start, end, key))
    return out


def _phrases(text: str, tokens: list[Word], index: _KeyIndex) -> Iterator[PhraseMatch]:
    """Longest KB keys over the tokens (proclitics allowed on the first word); non-overlapping."""
    return match_phrases(text, tokens, index.keys.__contains__, index.longest)



def _entries(kb: KnowledgeBase, key: str) -> list[KBEntry]:
    if key in AMBIGUOUS_NAMES or len(key.replace(" ", "")) < 3:
        return []
    return [e for e in kb.lookup(key, with_article_variants=False) if e.type in PLACE_TYPES or e.type == "ORG"]


def _introduced_as_place(tokens: list[Word], index: int, stripped: bool) -> bool:
    """في X، بـX، مدينة X، جنوب X: the word before (or a ب/في proclitic) marks a place."""
    first = tokens[index].key
    if stripped and first.startswith(("ب", "وب", "فب")):
        return True
    return index > 0 and tokens[index - 1].key in LOCATIVE_WORDS


_COUNTRY_CACHE: dict[int, tuple[KnowledgeBase, dict[str, set[str]]]] = {}


def _country_codes(kb: KnowledgeBase) -> dict[str, set[str]]:
    """kb_id of a country entry -> its country codes (built once per knowledge base)."""
    cached = _COUNTRY_CACHE.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    codes: dict[str, set[str]] = {}
    for code, position in kb.countries.items():
        kb_id = kb.entries[position].kb_id
        if kb_id:
            codes.setdefault(kb_id, set()).add(code)
    _COUNTRY_CACHE[id(kb)] = (kb, codes)
    return codes


def _context_countries(doc: Document, kb: KnowledgeBase) -> set[str]:
    countries: set[str] = set()
    codes = _country_codes(kb)
    for entity in doc.entities:
        if entity.geo and entity.geo.country_code:
            countries.add(entity.geo.country_code)
        if entity.type == "NORP" and entity.kb_id:
            countries |= codes.get(entity.kb_id, set())
    return countries


def _kb_matches(doc: Document, kb: KnowledgeBase, tokens: list[Word], taken: list[tuple[int, int]],
                countries: set[str]) -> list[_Found]:
    found: list[_Found] = []
    year = int(doc.meta.published[:4]) if doc.meta.published and doc.meta.published[:4].isdigit() else None
    for match in _phrases(doc.text, tokens, _key_index(kb)):
        start, end = match.name_start, tokens[match.last].end
        entries = _entries(kb, match.key)
        orgs = [e for e in entries if e.type == "ORG"]
        places = [e for e in entries if e.type in PLACE_TYPES]
        if orgs:
            entry = orgs[0]
        else:
            ranked = rank([Candidate(e, 0.0, match.key, (0, 0)) for e in places], countries, year)
            if not ranked:  # every reading implausible here (a far-away village of a common word)
                continue
            entry = ranked[0].entry
            notable = entry.feature in NOTABLE_FEATURES or entry.population >= NOTABLE_POPULATION
            introduced = _introduced_as_place(tokens, match.first, match.clitic_cost > 0)
            single = len(match.key.split()) == 1
            if single and entry.feature != "PCLI" and not introduced and _common(doc.text[start:end]):
                continue
            if not (notable or not single or introduced):
                continue
        if _overlaps(start, end, taken):
            continue
        found.append(_Found(start, end, entry, entry.type, entry.name_ar, entry.name_en or transliterate(entry.name_ar)))
        taken.append((start, end))
    return found



def _next_id(doc: Document) -> int:
    numbers = [int(e.id[1:]) for e in doc.entities if e.id[:1] == "E" and e.id[1:].isdigit()]
    return max(numbers, default=0) + 1


def add_argument_entities(doc: Document, kb: KnowledgeBase | None = None,
                          spans: list[tuple[int, int]] | None = None,
                          words: list[tuple[int, int, str]] | None = None) -> list[Entity]:
    """Add the KB organizations/places and descriptive forces no entity covers; return new entities.

    ``spans`` (sorted, non-overlapping character ranges: the sentences that hold a trigger) limits
    the look-up to where arguments are read; None scans the whole text. ``words`` ((start, end,
    text) in text order, inside ``spans``): the caller's words, reused instead of a second split.
    """
    if not doc.text.strip() or spans == []:
        return []
    kb = kb or get_kb()
    tokens = _tokens(doc.text, spans) if words is None else _keyed(words)
    # NORP adjectives may sit inside a longer name (القوات العراقية): they do not block a match.
    taken = [(m.start, m.end) for e in doc.entities if e.type != "NORP" for m in e.mentions]
    # the link stage scans the knowledge base over the whole text; when it ran (some entity has a KB
    # id) a second scan here finds nothing new (measured on the dev gold set), so it is skipped
    linked = any(e.kb_id for e in doc.entities)
    found = [] if linked else _kb_matches(doc, kb, tokens, taken, _context_countries(doc, kb))
    found += _forces(doc, tokens, taken)
    found += _unnamed(doc, tokens, taken)
    found += _villages(doc, tokens, taken)
    by_kb = {e.kb_id: e for e in doc.entities if e.kb_id and e.type != "NORP"}
    by_name = {name_key(e.name): e for e in doc.entities if e.type != "NORP"}
    added: list[Entity] = []
    number = _next_id(doc)
    for item in sorted(found, key=lambda f: f.start):
        mention = Mention(item.start, item.end, doc.text[item.start:item.end], item.type, "gazetteer", 0.7)
        kb_id = item.entry.kb_id if item.entry else None
        entity = by_kb.get(kb_id) if kb_id else by_name.get(name_key(item.name))
        if entity is None:
            geo = geo_of(item.entry) if item.entry and item.entry.type in PLACE_TYPES else None
            entity = Entity(f"E{number}", item.type, item.name, item.name_en, kb_id, [], geo, 0.6)
            number += 1
            doc.entities.append(entity)
            added.append(entity)
            if kb_id:
                by_kb[kb_id] = entity
            by_name[name_key(item.name)] = entity
        entity.mentions.append(mention)
        entity.mentions.sort(key=lambda m: (m.start, m.end))
        doc.mentions.append(mention)
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    for entity in added:
        if entity.type == "LOC" and entity.geo is None and entity.kb_id is None:
            entity.geo = _located_in(doc, entity.mentions[0].end)
    return added


VILLAGE_REACH = 60  # characters after a village name where its district is named (في ناحية القيارة)


def _located_in(doc: Document, end: int) -> Geo | None:
    """The place named right after a village (قرية نعينيعة في ناحية القيارة): its coordinates, approximate."""
    best: tuple[int, Entity] | None = None
    for entity in doc.entities:
        if entity.geo is None or entity.geo.lat is None or entity.type not in PLACE_TYPES:
            continue
        for mention in entity.mentions:
            if end <= mention.start <= end + VILLAGE_REACH and "." not in doc.text[end:mention.start] \
                    and (best is None or mention.start < best[0]):
                best = (mention.start, entity)
    return approximate(best[1].geo) if best is not None else None
