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
from khabar.link.geo import geo_of
from khabar.link.kb import PLACE_TYPES, KBEntry, KnowledgeBase, get_kb
from khabar.link.kbscan import STOPLIST as KB_SCAN_STOPLIST
from khabar.link.keys import clitic_variants, name_key
from khabar.link.resolve import Candidate, rank
from khabar.link.scan import _WORD as WORD_RE
from khabar.link.scan import PhraseMatch, Word, _skip_letters, match_phrases
from khabar.link.translit import transliterate

# KB names that are ordinary words far more often than names in news prose: the link stage's KB-scan
# stoplist, except the names an event actor may really be (الحوثي), plus the locative words.
AMBIGUOUS_NAMES = (KB_SCAN_STOPLIST - frozenset(name_key(w) for w in ("المائة", "الحوثي"))) | frozenset(LOCATIVE_WORDS)
# A single-word place name this frequent in Arabic text is taken only after a locative word
# (المدينة "the city", أمس ...); Zipf scale of the wordfreq package.
COMMON_WORD_ZIPF = 5.0
# Place features and sizes named without a locative word (a country, governorate, capital, big city).
NOTABLE_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "RGN"})
NOTABLE_POPULATION = 150_000
# Force words that, with a nationality adjective after them, name an armed force or authority.
# English heads for the descriptive name; source: ACLED actor naming ("Military Forces of Iraq").
FORCE_WORDS: dict[str, str] = {name_key(ar): en for ar, en in (
    ("القوات", "forces"), ("قوات", "forces"), ("الجيش", "army"), ("جيش", "army"), ("الشرطة", "police"),
    ("شرطة", "police"), ("الطيران", "air force"), ("طيران", "air force"), ("طائرات", "aircraft"),
    ("الطائرات", "aircraft"), ("مروحيات", "helicopters"), ("مروحيتين", "helicopters"), ("مقاتلات", "jets"),
    ("السلطات", "authorities"), ("الحكومة", "government"), ("الاستخبارات", "intelligence"),
    ("الميليشيات", "militias"), ("ميليشيات", "militias"), ("المليشيات", "militias"), ("مليشيات", "militias"),
    ("الميليشيا", "militia"), ("ميليشيا", "militia"), ("مليشيا", "militia"), ("البحرية", "navy"),
    ("الأجهزة", "services"), ("أجهزة", "services"), ("القوة", "force"), ("قوة", "force"),
    ("جنود", "soldiers"), ("الجنود", "soldiers"), ("عناصر", "members"), ("مسلحي", "gunmen"),
)}
# Words allowed between the force word and the adjective: قوات الأمن العراقية، القوات المسلحة المصرية.
FORCE_MODIFIERS = frozenset(name_key(w) for w in (
    "الأمن", "الامن", "الأمنية", "الامنية", "المسلحة", "الحكومية", "النظامية", "الخاصة", "الجوية",
    "البرية", "الموالية", "العسكرية", "الشعبية",
))


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    entry: KBEntry | None
    type: str
    name: str
    name_en: str


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


def _common(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: without it every notable place name is taken
        return False
    return zipf_frequency(word, "ar") >= COMMON_WORD_ZIPF


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


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


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _force_word(key: str) -> str | None:
    return next((v for v, _ in clitic_variants(key) if v in FORCE_WORDS), None)


def _forces(doc: Document, tokens: list[Word], taken: list[tuple[int, int]]) -> list[_Found]:
    """A force word followed (maybe through a modifier) by a NORP mention: القوات العراقية."""
    norp: dict[int, Entity] = {}
    for entity in doc.entities:
        if entity.type == "NORP":
            for mention in entity.mentions:
                norp[mention.start] = entity
    found: list[_Found] = []
    if not norp:
        return []  # a force is named by its nationality adjective: none in the document
    for index, token in enumerate(tokens):
        variant = _force_word(token.key)
        if variant is None:
            continue
        last = index + 1
        while last < len(tokens) and last <= index + 2 and tokens[last].key in FORCE_MODIFIERS:
            last += 1
        if last >= len(tokens) or tokens[last].start not in norp:
            continue
        if any(ch in "،,.:؛\n" for ch in doc.text[token.end:tokens[last].start]):
            continue
        stripped = len(token.key) - len(variant)
        start = _skip_letters(doc.text, token.start, stripped) if stripped > 0 else token.start
        end = tokens[last].end
        name = doc.text[start:end]
        if stripped == 0 and variant != token.key:  # للقوات = ل + القوات
            name = "ا" + name[1:]
        adjective = norp[tokens[last].start]
        found.append(_Found(start, end, None, "ORG", name, f"{adjective.name_en or adjective.name} {FORCE_WORDS[variant]}"))
        taken.append((start, end))
    return found


# Unnamed actors (ACLED "Unidentified Armed Group" and kin): they are no names, so NER leaves them,
# yet they are who acted (مسلحون، مجهولون، متطرفون). English gloss for ``name_en``.
UNNAMED_ACTORS: dict[str, str] = {name_key(ar): en for ar, en in (
    ("مسلحون", "gunmen"), ("مسلحين", "gunmen"), ("مسلح", "gunman"), ("مسلحا", "gunman"), ("المسلحون", "gunmen"),
    ("المسلحين", "gunmen"), ("المسلح", "gunman"), ("مجهولون", "unidentified persons"),
    ("مجهولين", "unidentified persons"), ("المجهولين", "unidentified persons"), ("متطرفون", "extremists"),
    ("متطرفين", "extremists"), ("المتطرفين", "extremists"), ("إسلاميون", "Islamists"), ("إسلاميين", "Islamists"),
    ("الإسلاميين", "Islamists"), ("مقاتلون", "fighters"), ("مقاتلين", "fighters"), ("المقاتلين", "fighters"),
    ("المقاتلون", "fighters"), ("متمردون", "rebels"), ("متمردين", "rebels"), ("المتمردين", "rebels"),
    ("المتمردون", "rebels"), ("انتحاري", "suicide attacker"), ("الانتحاري", "suicide attacker"),
    ("ملثمون", "masked men"), ("ملثمين", "masked men"), ("إرهابيون", "terrorists"), ("إرهابيين", "terrorists"),
    ("الإرهابيين", "terrorists"), ("جماعات", "groups"), ("جماعة", "group"), ("مستوطنون", "settlers"),
    ("مستوطنين", "settlers"),
)}
# Words that, after an unnamed actor, belong to its description (مقاتلون إسلاميون، جماعات مسلحة).
UNNAMED_MODIFIERS = frozenset(name_key(w) for w in (
    "إسلاميون", "إسلاميين", "إسلامية", "الإسلامية", "مسلحون", "مسلحين", "مسلحة", "المسلحة", "مجهولون", "مجهولين",
    "ملثمون", "ملثمين", "محليون", "محليين", "متطرفون", "متطرفين", "متطرفة", "المتطرفة", "الموالين", "الموالون",
    "المعارضة", "معارضة", "منافسة", "إرهابية", "الإرهابية", "متشددة", "متشددون", "متشددين",
))
# A bare group word is a description only with a modifier (جماعة منافسة), never alone (جماعة = a name's head).
NEEDS_MODIFIER = frozenset(name_key(w) for w in ("جماعات", "جماعة"))
# Force words that name a state force without a nationality (قوات الأمن، القوات الأمنية، قوات عسكرية).
STATE_FORCE_MODIFIERS = frozenset(name_key(w) for w in (
    "الأمن", "الأمنية", "الامنية", "أمنية", "عسكرية", "العسكرية", "الحكومية", "حكومية", "النظامية", "الخاصة",
))


def _unnamed(doc: Document, tokens: list[Word], taken: list[tuple[int, int]]) -> list[_Found]:
    """Unnamed actors (مسلحون، مجهولين، مقاتلون إسلاميون) and state forces named by their kind (قوات الأمن)."""
    found: list[_Found] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        head, gloss, stripped = _unnamed_head(token.key)
        last = index
        if head is not None:
            while last + 1 < len(tokens) and last < index + 2 and tokens[last + 1].key in UNNAMED_MODIFIERS:
                last += 1
            if head in NEEDS_MODIFIER and last == index:
                head = None
        else:
            variant = _force_word(token.key)
            if variant is not None and index + 1 < len(tokens) and tokens[index + 1].key in STATE_FORCE_MODIFIERS:
                head, gloss, last = variant, f"{FORCE_WORDS[variant]} (state)", index + 1
                stripped = len(token.key) - len(variant)
        if head is None or any(ch in "،,.:؛\n" for ch in doc.text[token.end:tokens[last].start]):
            index += 1
            continue
        start = _skip_letters(doc.text, token.start, stripped) if stripped > 0 else token.start
        end = tokens[last].end
        if _overlaps(start, end, taken):
            index += 1
            continue
        name = doc.text[start:end]
        found.append(_Found(start, end, None, "ORG", name, gloss or name))
        taken.append((start, end))
        index = last + 1
    return found


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _unnamed_head(key: str) -> tuple[str | None, str | None, int]:
    """(the unnamed-actor word behind ``key``, its gloss, letters of proclitics stripped) or Nones."""
    for variant, _cost in clitic_variants(key):
        if variant in UNNAMED_ACTORS:
            return variant, UNNAMED_ACTORS[variant], len(key) - len(variant)
    return None, None, 0


# Heads that introduce a village or town by its name: قرية نعينيعة، بلدة فوتوكول.
VILLAGE_HEADS = frozenset(name_key(w) for w in (
    "قرية", "بقرية", "وقرية", "لقرية", "بلدة", "ببلدة", "وبلدة", "لبلدة", "قريتي", "بلدتي", "قرى", "بلدات",
))
# Words a village head is followed by that are no names (قرية واحدة، بلدة صغيرة، القرية المجاورة).
NOT_NAMES = frozenset(name_key(w) for w in (
    "واحدة", "صغيرة", "كبيرة", "مجاورة", "نائية", "حدودية", "سورية", "عراقية", "تركية", "أخرى", "اخرى", "في",
    "على", "قرب", "من", "الى", "إلى", "عن", "شمال", "جنوب", "شرق", "غرب", "بريف", "ريف", "تابعة", "تقع",
))


def _villages(doc: Document, tokens: list[Word], taken: list[tuple[int, int]]) -> list[_Found]:
    """"قرية X" / "بلدة X": X, a rare word no entity covers, names a place the KB does not know."""
    found: list[_Found] = []
    for index, token in enumerate(tokens[:-1]):
        if token.key not in VILLAGE_HEADS:
            continue
        name = tokens[index + 1]
        if name.key in NOT_NAMES or len(name.key) < 3 or name.key.startswith("ال") or _overlaps(name.start, name.end, taken):
            continue
        if any(ch in "،,.:؛\n" for ch in doc.text[token.end:name.start]) or _common(doc.text[name.start:name.end]):
            continue
        text = doc.text[name.start:name.end]
        found.append(_Found(name.start, name.end, None, "LOC", text, transliterate(text)))
        taken.append((name.start, name.end))
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
    if best is None:
        return None
    geo = best[1].geo
    return Geo(geo.lat, geo.lon, None, geo.country_code, geo.admin1, None, "approximate", geo.admin1_code)
