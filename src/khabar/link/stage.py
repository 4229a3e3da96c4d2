"""The link stage: ``doc.mentions`` -> ``doc.entities`` (coreference, knowledge base, transliteration, geo).

Works with any typed mentions (NER output or hand-made), or none. Steps:
0. mentions are repaired against the KB (``repair.py``: extended to a KB name, trimmed of a trailing common
   word, ``X المعروف بـ Y`` split into two mentions of one entity, a place inside an institution's name);
1. every mention is looked up in the KB (proclitics and descriptor words tolerated) and ranked in the
   document's context (countries it names, publication year); KB organizations and places NER left
   untagged are added (``kbscan.py``, source "kb"); bare state bodies (وزارة العدل، مجلس الوزراء), the
   kingdom (المملكة) and place nouns (المدينة) are read in the document's context (``national.py``; the bodies
   and المملكة are also scanned when NER left them untagged, and kept when resolved); short forms of an
   organization named in full and bracketed aliases take its reading (``aliases.py``);
2. mentions are merged (``clusters.py``): same KB entry; same name up to proclitics (لكيري = كيري) unless
   linked to two entries; a surname, a shorter form or the first links of the lineage of a person named in
   full (لافروف = سيرجي لافروف; فيصل بن خالد = فيصل بن خالد بن عبدالعزيز);
3. title phrases (وزير الخارجية الأمريكي الحالي, نظيره الأمريكي) are added as mentions of the
   person holding that office in the document (``title_holders.py``);
4. further occurrences of the document's names NER missed are added (source "coref", ``spread.py``);
5. nationality/group adjectives (العراقية, الروسي, الشيعي) become NORP entities whose ``kb_id`` is the
   country's id (Iraqi -> the Iraq entry): one NORP entity per nationality, separate from the country;
6. each entity gets one Arabic ``name`` (KB name, else its longest mention without proclitics), an
   English ``name_en`` (KB, else transliteration) and, for places, ``geo`` (``entity_build.py``, ``geo.py``).
Mentions this stage adds are appended to ``doc.mentions`` too (source "kb" or "coref").
This module runs the steps in order and does steps 0 and 1 (mentions, candidates, the text's countries).
"""

from __future__ import annotations

from collections import Counter

from khabar.document import Document, Entity, Mention
from khabar.link.aliases import bracketed_aliases, org_short_forms
from khabar.link.clusters import alias_items, cluster_names
from khabar.link.entity_build import build_entities
from khabar.link.items import Cluster, Item
from khabar.link.kb import KnowledgeBase, Nationality, get_kb
from khabar.link.kbscan import scan_kb_names
from khabar.link.keys import PLACE_DESCRIPTORS, clitic_forms, name_key
from khabar.link.national import resolve_national_bodies, resolve_place_nouns, scan_state_nouns
from khabar.link.repair import repair_mentions
from khabar.link.resolve import cached_candidates, rank
from khabar.link.scan import Word, words
from khabar.link.spread import add_nationalities, propagate
from khabar.link.title_holders import resolve_titles
from khabar.link.titles import find_nationalities
from khabar.link.wordplaces import CHECKED_TYPES, inside_date, word_not_town

REGION_FEATURES = frozenset({"RGN", "ADM1", "ADM2"})
MAIN_COUNTRY_MIN = 3  # place names needed before a text has a main country (its local homonyms win)


def _year(doc: Document) -> int | None:
    published = doc.meta.published or ""
    return int(published[:4]) if published[:4].isdigit() else None


class Linker:
    def __init__(self, doc: Document, kb: KnowledgeBase) -> None:
        self.doc, self.kb = doc, kb
        self.tokens: list[Word] = words(doc.text)
        self.items: list[Item] = []
        self.clusters: list[Cluster] = []
        self.year = _year(doc)
        self.aliases: list[tuple[Mention, Mention]] = []
        self._nationality_words: list[tuple[Word, Nationality]] | None = None

    def nationality_words(self) -> list[tuple[Word, Nationality]]:
        """Every nationality adjective of the text (see ``titles.find_nationalities``), found once."""
        if self._nationality_words is None:
            self._nationality_words = find_nationalities(self.tokens, self.kb)
        return self._nationality_words

    # -- 0. mention repair against the KB
    def repair(self) -> None:
        repaired = repair_mentions(self.doc, self.kb, self.tokens)
        if repaired.changed:
            self.doc.mentions = repaired.mentions
        self.aliases = repaired.aliases

    # -- 1. mentions and candidates
    def collect(self, scan: bool = True) -> None:
        seen: set[tuple[int, int]] = set()
        self._add_items(self.doc.mentions, seen)
        context = self._context_countries()
        found = scan_kb_names(self.doc, self.kb, self.tokens, context, self.year) if scan else []
        if found:  # KB names NER left untagged
            self.doc.mentions = sorted([*self.doc.mentions, *found], key=lambda m: (m.start, m.end))
            self._add_items(found, seen)
        nouns = scan_state_nouns(self.doc.text, self.tokens, [(m.start, m.end) for m in self.doc.mentions],
                                 self.kb) if scan else []
        if nouns:  # مجلس الوزراء، المملكة: kept only when the national rules below resolve them
            self._add_items(nouns, seen)
        self._drop_words()
        certain = self._certain_countries()
        context = self._context_countries(certain=certain)
        main = self._main_country(certain)
        for item in self.items:
            item.candidates = rank(item.candidates, context, self.year, main)
        resolve_national_bodies(self.items, self.kb, self.doc.text)
        resolve_place_nouns(self.items, self.kb)
        if nouns:
            scanned = {id(m) for m in nouns}
            self.items = [i for i in self.items if id(i.mention) not in scanned or i.candidates]
            kept = [i.mention for i in self.items if id(i.mention) in scanned]
            if kept:
                self.doc.mentions = sorted([*self.doc.mentions, *kept], key=lambda m: (m.start, m.end))
        self._share_alias_candidates()
        org_short_forms(self.items)
        bracketed_aliases(self.items, self.doc.text)

    def _drop_words(self) -> None:
        """لأول مرة، جائزة نوبل: ordinary words, not far-away towns (``wordplaces``); the countries the text
        names are counted without these words' own readings. A name inside a date the dates stage found
        (في مايو الماضي) is a month, never a town."""
        dates = [(d.start, d.end) for d in self.doc.dates]
        suspects = {id(i) for i in self.items if word_not_town(self.doc.text, self.tokens, i, set())
                    or (dates and i.mention.type in CHECKED_TYPES and inside_date(i.mention, dates))}
        if not suspects:
            return
        context = self._context_countries(skip=suspects)
        words = {id(i) for i in self.items if id(i) in suspects and (
            word_not_town(self.doc.text, self.tokens, i, context) or inside_date(i.mention, dates))}
        if not words:
            return
        for item in self.items:
            if id(item) in words and item.mention.type == "MISC":
                item.candidates = []
        dropped = {id(i.mention) for i in self.items if id(i) in words and i.mention.type != "MISC"}
        self.items = [i for i in self.items if id(i.mention) not in dropped]
        self.doc.mentions = [m for m in self.doc.mentions if id(m) not in dropped]

    def _add_items(self, mentions: list[Mention], seen: set[tuple[int, int]]) -> None:
        for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
            key = name_key(mention.text)
            if not key or (mention.start, mention.end) in seen or key in PLACE_DESCRIPTORS:
                continue  # a bare descriptor tagged alone (مدينة) names nothing: no entity
            seen.add((mention.start, mention.end))
            if mention.type == "NORP":
                nationality = next((self.kb.nationalities[v] for v, _ in clitic_forms(key)
                                    if v in self.kb.nationalities), None)
                self.items.append(Item(mention, key, "norp", nationality=nationality))
            else:
                self.items.append(Item(mention, key, candidates=cached_candidates(self.kb, key, mention.type)))

    def _alias_items(self) -> list[tuple[Item, Item]]:
        return alias_items(self.items, self.aliases)

    def _share_alias_candidates(self) -> None:
        """X المعروف بـ Y: the alias's KB reading wins; an unlinked alias takes the name's."""
        for name, alias in self._alias_items():
            if alias.candidates:
                name.candidates = [alias.candidates[0]]
            elif name.candidates:
                alias.candidates = [name.candidates[0]]

    def _certain_countries(self, skip: frozenset[int] | set[int] = frozenset()) -> list[str]:
        """The country of each name whose readings all lie in one country (or that names a country)."""
        countries: list[str] = []
        for item in self.items:
            if id(item) in skip:
                continue
            entries = {c.entry.id: c.entry for c in item.candidates}
            features = {e.feature for e in entries.values()}
            if len({e.country for e in entries.values()}) == 1 or (
                    "PCLI" in features and not features & REGION_FEATURES):  # الصحراء الغربية: EH or Egypt's
                best = min(item.candidates, key=lambda c: c.cost, default=None)
                if best and best.entry.country:
                    countries.append(best.entry.country)
        return countries

    @staticmethod
    def _main_country(certain: list[str]) -> str | None:
        """The country most of the text's place names lie in (its local homonyms win: المنصورة in Aden)."""
        counts = Counter(c for c in certain if len(c) == 2)
        if not counts:
            return None
        country, count = counts.most_common(1)[0]
        return country if count >= MAIN_COUNTRY_MIN and count * 2 > sum(counts.values()) else None

    def _context_countries(self, skip: frozenset[int] | set[int] = frozenset(),
                           certain: list[str] | None = None) -> set[str]:
        countries: set[str] = set(self._certain_countries(skip) if certain is None else certain)
        for item in self.items:
            if item.nationality and item.nationality.country:
                countries.add(item.nationality.country)
        for _token, nationality in self.nationality_words():
            if nationality.country:
                countries.add(nationality.country)
        return countries

    # -- 2. clusters
    def cluster_names(self) -> None:
        self.clusters = cluster_names(self.items, self._alias_items(), self.clusters)

    # -- 3. titles
    def resolve_titles(self) -> None:
        resolve_titles(self.doc.text, self.tokens, self.kb, self.year, self.items, self.clusters)

    # -- 4. more occurrences of known names; 5. nationality adjectives
    def propagate(self) -> None:
        propagate(self.doc.text, self.tokens, self.clusters)

    def add_nationalities(self) -> None:
        add_nationalities(self.doc.text, self.clusters, self.nationality_words())

    # -- 6. entities
    def entities(self) -> list[Entity]:
        return build_entities(self.doc.text, self.clusters, self.kb)


def link_entities(doc: Document, kb: KnowledgeBase | None = None) -> Document:
    """Turn ``doc.mentions`` into ``doc.entities`` (see the module docstring)."""
    if not doc.text or not doc.text.strip():
        doc.entities = []
        return doc
    linker = Linker(doc, kb or get_kb())
    linker.repair()
    linker.collect()
    linker.cluster_names()
    linker.resolve_titles()
    linker.propagate()
    linker.add_nationalities()
    doc.entities = linker.entities()
    known = {(m.start, m.end) for m in doc.mentions}
    added = [m for e in doc.entities for m in e.mentions if (m.start, m.end) not in known]
    if added:
        doc.mentions = sorted([*doc.mentions, *added], key=lambda m: (m.start, m.end))
    return doc
