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
2. mentions are merged: same KB entry; same name up to proclitics (لكيري = كيري) unless linked to two
   entries; a surname, a shorter form or the first links of the lineage of a person named in full
   (لافروف = سيرجي لافروف; فيصل بن خالد = فيصل بن خالد بن عبدالعزيز);
3. title phrases (وزير الخارجية الأمريكي الحالي, نظيره الأمريكي) are added as mentions of the
   person holding that office in the document;
4. further occurrences of the document's names NER missed are added (source "coref");
5. nationality/group adjectives (العراقية, الروسي, الشيعي) become NORP entities whose ``kb_id`` is the
   country's id (Iraqi -> the Iraq entry): one NORP entity per nationality, separate from the country;
6. each entity gets one Arabic ``name`` (KB name, else its longest mention without proclitics), an
   English ``name_en`` (KB, else transliteration) and, for places, ``geo`` (see ``geo.py``).
Mentions this stage adds are appended to ``doc.mentions`` too (source "kb" or "coref").
"""

from __future__ import annotations

from collections import Counter

from khabar.document import Document, Entity, Mention
from khabar.link.aliases import GENERIC_HEADS, bracketed_aliases, org_short_forms
from khabar.link.geo import geo_of, place_unlocated
from khabar.link.items import Cluster, Item
from khabar.link.kb import PLACE_TYPES, KnowledgeBase, Nationality, get_kb
from khabar.link.kbscan import scan_kb_names
from khabar.link.keys import INSTITUTION_HEADS, PLACE_DESCRIPTORS, clitic_forms, name_key
from khabar.link.national import resolve_national_bodies, resolve_place_nouns, scan_state_nouns
from khabar.link.repair import repair_mentions
from khabar.link.resolve import NASAB_WORDS, cached_candidates, rank
from khabar.link.scan import SpanSet, Word, match_phrases, words
from khabar.link.titles import TitlePhrase, find_nationalities, find_titles
from khabar.link.translit import transliterate
from khabar.link.wordplaces import CHECKED_TYPES, inside_date, word_not_town

GENERIC = GENERIC_HEADS  # single words never spread to other occurrences (see ``aliases.py``)
REGION_FEATURES = frozenset({"RGN", "ADM1", "ADM2"})
MAIN_COUNTRY_MIN = 3  # place names needed before a text has a main country (its local homonyms win)
APPOSITION_GAP = frozenset(" \t\n،,:-–")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _year(doc: Document) -> int | None:
    published = doc.meta.published or ""
    return int(published[:4]) if published[:4].isdigit() else None


def _display(item: Item) -> str:
    """The mention's name without proclitics when its key was matched in a stripped form."""
    text = item.mention.text.strip()
    if item.candidates:
        matched = item.candidates[0].key.split()[0]
        first = text.split()[0] if text.split() else text
        folded = name_key(first)
        if folded != matched and folded.endswith(matched):
            letters = len(folded) - len(matched)
            kept = [i for i, ch in enumerate(first) if name_key(ch)]
            if letters < len(kept):
                return text[kept[letters]:]
    return text


def _lineage_prefix(short: list[str], full: list[str]) -> bool:
    """فيصل بن خالد after فيصل بن خالد بن عبدالعزيز: the first links of a longer lineage in the text."""
    return 3 <= len(short) < len(full) and full[:len(short)] == short and full[len(short)] in NASAB_WORDS


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
        by_span = {(i.mention.start, i.mention.end): i for i in self.items if i.kind == "name"}
        pairs = [(by_span.get((n.start, n.end)), by_span.get((a.start, a.end))) for n, a in self.aliases]
        return [(n, a) for n, a in pairs if n is not None and a is not None]

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
        by_entry: dict[str, Cluster] = {}
        by_key: dict[str, Cluster] = {}
        persons = sorted((i for i in self.items if i.kind == "name" and i.mention.type == "PER"),
                         key=lambda i: -len(i.key.split()))
        full_names = [i for i in persons if len(i.key.split()) > 1]
        ordered = [i for i in self.items if i.kind == "name"]
        ordered.sort(key=lambda i: (-len(i.key.split()), i.mention.start))
        for item in ordered:
            cluster = self._person_by_surname(item, full_names, by_key) if item.mention.type == "PER" else None
            entry = item.candidates[0].entry if item.candidates and cluster is None else None
            if cluster is None and entry is not None:
                cluster = by_entry.get(entry.id)
            if cluster is None:  # same name, unless both are linked to different entries (مجلس الوزراء of two states)
                cluster = next((by_key[v] for v, _ in clitic_forms(item.key) if v in by_key
                                and (entry is None or by_key[v].entry is None or by_key[v].entry is entry)), None)
            if cluster is None:
                cluster = Cluster([], entry)
                self.clusters.append(cluster)
            cluster.items.append(item)
            if cluster.entry is None and entry is not None:
                cluster.entry = entry
            if cluster.entry is not None:
                by_entry.setdefault(cluster.entry.id, cluster)
            for variant, _ in clitic_forms(item.key)[:1]:
                by_key.setdefault(variant, cluster)
        self._merge_aliases()
        by_group: dict[str, Cluster] = {}
        for item in self.items:
            if item.kind == "norp":
                group = item.nationality.group_id if item.nationality else item.key
                if group not in by_group:
                    by_group[group] = Cluster([], norp=item.nationality)
                    self.clusters.append(by_group[group])
                by_group[group].items.append(item)

    def _merge_aliases(self) -> None:
        """Put each alias pair in one cluster (both unlinked: clustering alone would keep them apart)."""
        for name, alias in self._alias_items():
            home = next((c for c in self.clusters if any(i is name for i in c.items)), None)
            other = next((c for c in self.clusters if any(i is alias for i in c.items)), None)
            if home is None or other is None or home is other:
                continue
            home.items.extend(other.items)
            home.entry = home.entry or other.entry
            other.items = []
        self.clusters = [c for c in self.clusters if c.items]

    def _person_by_surname(self, item: Item, full_names: list[Item], by_key: dict[str, Cluster]) -> Cluster | None:
        """A shorter person mention (لافروف, لكيري) joins the one full name in the text ending like it."""
        words_ = item.key.split()
        if len(words_) > 1 and any(item is f for f in full_names):
            if item.candidates:
                return None
            longer = {id(by_key[f.key]): by_key[f.key] for f in full_names
                      if f.key in by_key and _lineage_prefix(words_, f.key.split())}
            return next(iter(longer.values())) if len(longer) == 1 else None
        variants = {v for v, _ in clitic_forms(item.key)}
        matches = {id(by_key[f.key]): by_key[f.key] for f in full_names
                   if f.key in by_key and f is not item and (" ".join(f.key.split()[-len(words_):]) in variants
                                                             or f.key.split()[0] in variants
                                                             or _lineage_prefix(words_, f.key.split()))}
        return next(iter(matches.values())) if len(matches) == 1 else None

    # -- 3. titles
    def resolve_titles(self) -> None:
        existing = [(i.mention.start, i.mention.end) for i in self.items if i.mention.type == "PER"]
        registry: dict[tuple[str, str], Cluster] = {}
        for title in find_titles(self.tokens, self.kb):
            if _overlaps(title.start, title.end, existing):
                continue
            cluster = self._title_holder(title, registry)
            if cluster is None:
                continue
            mention = Mention(title.start, title.end, self.doc.text[title.start:title.end], "PER", "kb", 0.8)
            cluster.items.append(Item(mention, name_key(mention.text), "title", title=title))
            if title.role != "counterpart":
                registry.setdefault((title.role, title.country), cluster)

    def _persons(self) -> list[Cluster]:
        def is_person(cluster: Cluster) -> bool:
            if cluster.entry is not None:
                return cluster.entry.type == "PER"
            return cluster.norp is None and any(i.mention.type == "PER" for i in cluster.items)

        return [c for c in self.clusters if is_person(c)]

    def _title_holder(self, title: TitlePhrase, registry: dict[tuple[str, str], Cluster]) -> Cluster | None:
        persons = self._persons()
        if title.role == "counterpart":
            same = [c for c in persons if (c.entry and c.entry.country == title.country) or c.country == title.country]
            return same[0] if len(same) == 1 else None
        for cluster in persons:  # apposition: "سيرجي لافروف، وزير الخارجية الروسي"
            for item in cluster.items:
                gap = self.doc.text[item.mention.end:title.start]
                if item.mention.end <= title.start and len(gap) <= 3 and set(gap) <= APPOSITION_GAP:
                    cluster.country = cluster.country or title.country
                    return cluster
        if (title.role, title.country) in registry:
            return registry[(title.role, title.country)]
        holders = {e.id for e in self.kb.by_role(title.role, title.country)}
        named = [c for c in persons if c.entry is not None and c.entry.id in holders]
        if len(named) == 1:
            return named[0]
        if self.year is not None and not title.former:
            current = [e for e in self.kb.by_role(title.role, title.country)
                       if any(r.name == title.role and r.covers(self.year) for r in e.roles)]
            if len(current) == 1:
                cluster = Cluster([], current[0])
                self.clusters.append(cluster)
                return cluster
        return None

    # -- 4. more occurrences of known names; 5. nationality adjectives
    def propagate(self) -> None:
        surfaces: dict[str, Cluster | None] = {}
        for cluster in self.clusters:
            if cluster.norp:
                continue
            keys = {i.candidates[0].key if i.candidates else i.key for i in cluster.items if i.kind == "name"}
            if cluster.entry is not None:
                keys |= {name_key(n) for n in cluster.entry.names() if len(n.split()) > 1}
            for key in keys:
                if len(key.replace(" ", "")) < 3 or key in GENERIC:
                    continue
                surfaces[key] = None if key in surfaces and surfaces[key] is not cluster else cluster
        taken = SpanSet(len(self.doc.text), [(i.mention.start, i.mention.end) for c in self.clusters for i in c.items])
        first_words = {key.split()[0] for key in surfaces}
        longest = max((len(key.split()) for key in surfaces), default=1)
        for match in match_phrases(self.doc.text, self.tokens, lambda k: surfaces.get(k) is not None,
                                   first_words, longest):
            start, end = match.name_start, self.tokens[match.last].end
            if taken.overlaps(start, end) or (match.first > 0 and self.tokens[match.first - 1].key in INSTITUTION_HEADS):
                continue  # أمانة العاصمة المقدسة: the place is part of an institution's name
            cluster = surfaces[match.key]
            assert cluster is not None
            mention_type = cluster.entry.type if cluster.entry else cluster.items[0].mention.type
            mention = Mention(start, end, self.doc.text[start:end], mention_type, "coref", 0.7)
            cluster.items.append(Item(mention, match.key))
            taken.add(start, end)

    def add_nationalities(self) -> None:
        # a KB-scanned organisation may hold an adjective (القوات العراقية): both are kept, as when NER tags
        # the adjective; a person's name never does (محمد شياع السوداني is not "Sudanese")
        taken = SpanSet(len(self.doc.text), [(i.mention.start, i.mention.end) for c in self.clusters for i in c.items
                                             if i.mention.source != "kb" or i.kind != "name"
                                             or i.mention.type == "PER"])
        by_group = {c.norp.group_id: c for c in self.clusters if c.norp}
        for token, nationality in self.nationality_words():
            if taken.overlaps(token.start, token.end):
                continue
            mention = Mention(token.start, token.end, self.doc.text[token.start:token.end], "NORP", "kb", 0.8)
            cluster = by_group.get(nationality.group_id)
            if cluster is None:
                cluster = by_group[nationality.group_id] = Cluster([], norp=nationality)
                self.clusters.append(cluster)
            cluster.items.append(Item(mention, token.key, "norp", nationality=nationality))

    # -- 6. entities
    def entities(self) -> list[Entity]:
        clusters = sorted((c for c in self.clusters if c.items), key=lambda c: c.start)
        built: list[tuple[Cluster, Entity]] = []
        for number, cluster in enumerate(clusters, 1):
            built.append((cluster, self._entity(f"E{number}", cluster)))
        place_unlocated(self.doc.text, [entity for _, entity in built], self.kb)
        return [entity for _, entity in built]

    def _entity(self, entity_id: str, cluster: Cluster) -> Entity:
        mentions = sorted((i.mention for i in cluster.items), key=lambda m: (m.start, m.end))
        if cluster.norp is not None or all(i.kind == "norp" for i in cluster.items):
            norp = cluster.norp
            country = self.kb.country(norp.country) if norp and norp.country else None
            kb_id = country.kb_id if country else (f"khabar:group-{norp.group_id}" if norp else None)
            name = norp.adjective if norp else mentions[0].text
            name_en = norp.name_en if norp else transliterate(name)
            return Entity(entity_id, "NORP", name, name_en, kb_id, mentions, None, 0.8 if norp else 0.5)
        entry = cluster.entry
        names = [i for i in cluster.items if i.kind == "name"]
        if entry is not None:
            best = min((i.candidates[0].cost for i in names if i.candidates), default=0.0)
            confidence = max(0.5, 0.95 - 0.1 * best - (0.1 if len(entry.name_ar.split()) > 1 and all(
                len(i.key.split()) == 1 for i in names) else 0.0))
            return Entity(entity_id, entry.type, entry.name_ar, entry.name_en or transliterate(entry.name_ar),
                          entry.kb_id, mentions, geo_of(entry) if entry.type in PLACE_TYPES else None,
                          round(confidence, 3))
        types = [i.mention.type for i in names] or ["PER"]
        entity_type = max(sorted(set(types)), key=types.count)  # ties: a fixed order, not hash order
        display = max((_display(i) for i in names), key=len, default=mentions[0].text)
        confidence = sum(i.mention.confidence for i in names) / max(1, len(names)) * 0.7
        return Entity(entity_id, entity_type, display, transliterate(display), None, mentions, None,
                      round(confidence, 3))


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
