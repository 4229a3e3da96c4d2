"""Knowledge-base candidates for one mention, and their ranking in the document's context.

A mention's text is tried as written, then without proclitics (بالموصل -> الموصل), then as a
shorter span when the dropped words are only descriptors, titles or adjectives
(مدينة الموصل -> الموصل, الحشد الشعبي الشيعي -> الحشد الشعبي, الرئيس الروسي فلاديمير بوتين -> ...).
Places are ranked by population, feature (country > region > capital > town), an Arab-world prior
for Arabic news, and the countries the document mentions (Mosul + Iraq -> Mosul, Iraq).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from khabar.link.kb import ARAB_LEAGUE, MEMO_SIZE, PLACE_TYPES, KBEntry, KnowledgeBase
from khabar.link.keys import ORG_DESCRIPTORS, PERSON_TITLES, PLACE_DESCRIPTORS, clitic_forms, name_key
from khabar.text.normalize import normalize_key

# Which KB types a mention of a given NER type may link to; the second tuple is a fallback with a penalty.
COMPATIBLE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "PER": (frozenset({"PER"}), frozenset()),
    "ORG": (frozenset({"ORG"}), PLACE_TYPES),
    "LOC": (PLACE_TYPES, frozenset({"ORG"})),
    "GPE": (PLACE_TYPES, frozenset({"ORG"})),
    "MISC": (frozenset({"PER", "ORG", "GPE", "LOC"}), frozenset()),
}
QUALIFIERS = frozenset({"الحالي", "السابق", "الجديد", "الاسبق", "المقبل"})
FEATURE_BONUS = {"PCLI": 3.0, "ADM1": 2.0, "ADM2": 1.0, "PPLC": 1.0, "RGN": 2.0, "SEA": 2.0, "STM": 1.0}
CONTEXT_BONUS = 4.0
ARAB_BONUS = 1.5
# A small town abroad (not in a country the text names, not Arab) is more likely a homonym the KB lacks
# (ميلو in Mali is not Melo, Uruguay): such candidates are dropped when the text names countries. Tuned on dev.
MINOR_TOWN_POPULATION = 100_000
# An Arab-world town outside the countries the text names is more often a homonym (الجديدة، الحمراء،
# المنصورة repeat across Arab countries) than the town meant: dropped below this size. Tuned on dev.
ARAB_MINOR_TOWN_POPULATION = 200_000
# A small town in a country the text names does not beat a famous homonym (روما in Georgia, US, vs Rome):
# its context bonus is reduced when a capital or a city of this size is among the candidates.
FAMOUS_POPULATION = 1_000_000
MINOR_CONTEXT_BONUS = 2.0
# A town in the country most of the text's places lie in beats a bigger homonym in another named country
# (المنصورة in an article on Aden is Aden's district, not the Egyptian city). Audit of unseen articles.
MAIN_COUNTRY_BONUS = 1.5
# Patronymic links (عبداللطيف بن راشد الزياني -> عبداللطيف الزياني). Source: Arabic naming.
NASAB_WORDS = frozenset(normalize_key(w) for w in ("بن", "ابن", "بنت"))
COMPOUND_HEADS = frozenset(normalize_key(w) for w in ("عبد", "أبو", "ابو"))
FAMILY_WORD = normalize_key("آل")  # آل سعود, آل خليفة: the family name of a lineage
# An ORG mention falls back to a place only when it is a country acting as a state: the country name alone
# (إيران as an actor) or after one of these heads (حكومة العراق). A club or company named after a city
# (ليفربول، روما) stays an unlinked ORG. Source: Arabic news usage.
STATE_HEADS = frozenset(normalize_key(w) for w in (
    "حكومة", "الحكومة", "حكومات", "سلطات", "السلطات", "نظام", "النظام", "دولة", "الدولة",
))
STATE_FEATURES = frozenset({"PCLI"})


@dataclass(slots=True)
class Candidate:
    entry: KBEntry
    cost: float          # how far the mention text had to be changed to match (0 = as written)
    key: str             # the key that matched
    words: tuple[int, int]  # which words of the mention matched (first, last inclusive)
    score: float = 0.0


def _droppable(word: str, kb: KnowledgeBase) -> bool:
    if word in PLACE_DESCRIPTORS or word in ORG_DESCRIPTORS or word in PERSON_TITLES or word in QUALIFIERS:
        return True
    return word in kb.nationalities


def _types_for(mention_type: str) -> list[tuple[frozenset[str], float]]:
    primary, fallback = COMPATIBLE.get(mention_type, COMPATIBLE["MISC"])
    return [(primary, 0.0), (fallback, 1.5)] if fallback else [(primary, 0.0)]


def _spans(words: list[str], kb: KnowledgeBase, extra: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Word ranges to look up: the whole mention, then shorter ranges dropping only descriptor-like words."""
    spans = [(0, len(words) - 1)]
    for size in range(len(words) - 1, 0, -1):
        for first in range(0, len(words) - size + 1):
            last = first + size - 1
            dropped = words[:first] + words[last + 1:]
            if all(w in extra or _droppable(w, kb) for w in dropped):
                spans.append((first, last))
    return spans


def _state_reading(entry: KBEntry, mention_type: str, fallback: bool) -> bool:
    """Whether an entry may be a reading of the mention in this pass (an ORG falls back to countries only)."""
    return not (fallback and mention_type == "ORG" and entry.feature not in STATE_FEATURES)


def _lookup_words(kb: KnowledgeBase, words: list[str], first: int, last: int) -> list[tuple[KBEntry, int, str]]:
    rest = " ".join(words[first + 1:last + 1])
    found: list[tuple[KBEntry, int, str]] = []
    best_cost: int | None = None
    for variant, cost in clitic_forms(words[first]):
        if best_cost is not None and cost > best_cost:
            break
        key = f"{variant} {rest}".strip()
        entries = kb.lookup(key, with_article_variants=len(key) >= 5)
        if entries:
            best_cost = cost
            found.extend((entry, cost, key) for entry in entries)
    return found


def candidates(kb: KnowledgeBase, key: str, mention_type: str) -> list[Candidate]:
    """KB entries a mention (folded ``key``) may refer to, most literal match first.

    A person's name not found as written is tried without its patronymic links (X بن Y Z -> X Z).
    """
    found = _candidates(kb, key, mention_type)
    if found or mention_type != "PER":
        return found
    lineage = lineage_head(key)
    for short, cost in person_variants(key):
        found = [c for c in _candidates(kb, short, mention_type)
                 if short != lineage or _same_lineage(c.entry, short, key)]
        if found:
            return [Candidate(c.entry, c.cost + cost, c.key, c.words) for c in found]
    words = key.split()
    if len(words) >= 2:  # a foreign name spelled with other long vowels (سامنثا باور = سامانثا باور)
        same = kb.derived("person_skeletons", _person_skeletons).get(skeleton(key), ())
        if len(same) == 1 and _foreign_spelling(key, same[0]):
            return [Candidate(same[0], 1.0, key, (0, len(words) - 1))]
    return []


def _foreign_spelling(key: str, entry: KBEntry) -> bool:
    """Every word that differs from the KB's spelling is rare in Arabic text (a transliterated foreign name,
    not محمد for محمود or سعد for سعود)."""
    words = key.split()
    for name in entry.names():
        other = name_key(name).split()
        if len(other) == len(words) and skeleton(" ".join(other)) == skeleton(key):
            return all(a == b or _zipf(a) < RARE_WORD_ZIPF for a, b in zip(words, other, strict=True))
    return False


# Long vowels and hamza seats that transliterations of foreign names add or leave out (قاديروف/قديروف).
_VOWEL_LETTERS = str.maketrans("", "", "اويىءأإآؤئ")


def skeleton(key: str) -> str:
    """A name's consonant skeleton: each word's first letter, then its letters without long vowels."""
    return " ".join(word[:1] + word[1:].translate(_VOWEL_LETTERS) for word in key.split())


def _person_skeletons(kb: KnowledgeBase) -> dict[str, tuple[KBEntry, ...]]:
    table: dict[str, dict[str, KBEntry]] = {}
    for entry in kb.entries:
        if entry.type != "PER" or entry.source == "places":
            continue
        for name in entry.names():
            key = name_key(name)
            if len(key.split()) >= 2 and len(key.replace(" ", "")) >= 7:
                table.setdefault(skeleton(key), {})[entry.id] = entry
    return {k: tuple(v.values()) for k, v in table.items()}


def _same_lineage(entry: KBEntry, short: str, key: str) -> bool:
    """A lineage may stand for the KB's short name ``X بن Y`` when the entry's own longer lineage agrees with it
    (فيصل بن مشعل بن سعود ...), or, when the KB gives none, when it is the founder's (بن عبد العزيز: the
    princes Saudi news names by their grandfather); فيصل بن بندر بن خالد is not فيصل بن بندر بن عبد العزيز."""
    prefix = f"{short} "
    longer = [n for n in map(name_key, entry.names())
              if n.startswith(prefix) and NASAB_WORDS.intersection(n[len(prefix):].split()[:1])]
    if longer:
        return any(key.startswith(n) or n.startswith(key) for n in longer)
    rest = key[len(prefix):].split() if key.startswith(prefix) else []
    return rest[:1] != [] and rest[0] in NASAB_WORDS and rest[1:3] == FOUNDER


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency  # loaded on first use (a rare path)
    except ImportError:  # without word statistics no spelling variant is accepted
        return 10.0
    return float(zipf_frequency(word, "ar"))


FOUNDER = name_key("عبد العزيز").split()
RARE_WORD_ZIPF = 2.5  # wordfreq Zipf below which a word is rare in Arabic text (a transliterated name)


def person_variants(key: str) -> list[tuple[str, float]]:
    """Shorter forms of a person's name to try when the full form is not in the KB, with their cost:
    - without the patronymic links between first and last name (X بن Y Z -> X Z);
    - the first two links of a lineage (محمد بن سلمان بن عبدالعزيز آل سعود -> محمد بن سلمان: royal and
      tribal names are written with the grandfather and the family, the KB keys the short form);
    - first and last name without a middle (father's) name (رمضان أحمد قاديروف -> رمضان قاديروف).
    """
    variants: list[tuple[str, float]] = []
    lineage = lineage_head(key)
    if lineage:
        variants.append((lineage, 0.5))
    short = without_nasab(key)
    if short != key and not NASAB_WORDS.intersection(short.split()) and FAMILY_WORD not in short.split():
        variants.append((short, 0.5))
    words = key.split()
    if (len(words) == 3 and not NASAB_WORDS.intersection(words) and words[1] not in COMPOUND_HEADS
            and words[0] not in COMPOUND_HEADS and words[1] != FAMILY_WORD):
        variants.append((f"{words[0]} {words[2]}", 0.7))
    return variants


def lineage_head(key: str) -> str:
    """``X بن Y`` of a name with two or more links (``X بن Y بن Z ...``, ``X بن Y آل Z``), else ''."""
    words = key.split()
    if len(words) < 4 or words[1] not in NASAB_WORDS:
        return ""
    size = 3 if words[2] in COMPOUND_HEADS else 2  # بن عبد الله: one name
    head = words[:1 + size]
    rest = words[1 + size:]
    if len(rest) >= 2 and (rest[0] in NASAB_WORDS or rest[0] == FAMILY_WORD):
        return " ".join(head)
    return ""


CandidateMemo = dict[tuple[str, str], tuple[tuple[KBEntry, float, str, tuple[int, int], float], ...]]


def cached_candidates(kb: KnowledgeBase, key: str, mention_type: str) -> list[Candidate]:
    """``candidates`` memoized per (key, type) (names recur across articles); fresh objects each time."""
    memo: CandidateMemo = kb.derived("link_candidates", _new_candidate_memo)
    found = memo.get((key, mention_type))
    if found is None:
        if len(memo) > MEMO_SIZE:
            memo.clear()
        found = memo[(key, mention_type)] = tuple(
            (c.entry, c.cost, c.key, c.words, c.score) for c in candidates(kb, key, mention_type))
    return [Candidate(*fields) for fields in found]


def _new_candidate_memo(_kb: KnowledgeBase) -> CandidateMemo:
    return {}


def without_nasab(key: str) -> str:
    """The name without "بن X" links after the first name (the first and last names kept)."""
    words = key.split()
    kept: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        if 0 < position < len(words) - 2 and word in NASAB_WORDS:
            size = 3 if words[position + 1] in COMPOUND_HEADS else 2  # بن عبد العزيز: one name
            if position + size < len(words):
                position += size
                continue
        kept.append(word)
        position += 1
    return " ".join(kept)


def _candidates(kb: KnowledgeBase, key: str, mention_type: str) -> list[Candidate]:
    words = key.split()
    if not words:
        return []
    for types, penalty in _types_for(mention_type):
        fallback = penalty > 0
        spans = _spans(words, kb, STATE_HEADS if fallback and mention_type == "ORG" else frozenset())
        for first, last in spans:
            found = [Candidate(entry, cost + penalty + (len(words) - 1 - last + first) * 0.5, matched, (first, last))
                     for entry, cost, matched in _lookup_words(kb, words, first, last)
                     if entry.type in types and _state_reading(entry, mention_type, fallback)]
            if found:
                return _dedupe(found)
    return []


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for candidate in found:
        current = best.get(candidate.entry.id)
        if current is None or candidate.cost < current.cost:
            best[candidate.entry.id] = candidate
    return list(best.values())


def prior(entry: KBEntry) -> float:
    if entry.type in PLACE_TYPES:
        score = math.log10(entry.population + 10) + FEATURE_BONUS.get(entry.feature, 0.0)
        if entry.source != "places" or entry.feature in ("ADM1", "RGN", "SEA", "STM"):
            score += 1.0  # curated entries
        if entry.country in ARAB_LEAGUE:
            score += ARAB_BONUS
        return score
    return 5.0 + (1.0 if entry.source == "curated" else 0.5)


def plausible(candidate: Candidate, context_countries: set[str]) -> bool:
    entry = candidate.entry
    if not context_countries or entry.type not in PLACE_TYPES or entry.feature != "PPL":
        return True
    if entry.country in context_countries:
        return True
    limit = ARAB_MINOR_TOWN_POPULATION if entry.country in ARAB_LEAGUE else MINOR_TOWN_POPULATION
    if entry.country in ARAB_LEAGUE and not context_countries & ARAB_LEAGUE:
        return True  # a text naming no Arab country: Arab towns are not weighed against it
    return entry.population >= limit


def rank(found: list[Candidate], context_countries: set[str], year: int | None = None,
         main_country: str | None = None) -> list[Candidate]:
    """Score candidates: prior, clitic/shortening cost, document countries (more for the country most of the
    text's places lie in), role at the publication year."""
    found = [c for c in found if plausible(c, context_countries)]
    famous = any(c.entry.type in PLACE_TYPES and (c.entry.feature == "PPLC" or c.entry.population >= FAMOUS_POPULATION)
                 for c in found)
    for candidate in found:
        entry = candidate.entry
        score = prior(entry) - 2.0 * candidate.cost
        if entry.country and entry.country in context_countries:
            minor = famous and entry.feature == "PPL" and entry.population < MINOR_TOWN_POPULATION
            score += (MINOR_CONTEXT_BONUS if minor else CONTEXT_BONUS) if entry.type in PLACE_TYPES else 1.0
            if entry.country == main_country and entry.type in PLACE_TYPES and not minor:
                score += MAIN_COUNTRY_BONUS
        if year is not None and entry.roles and any(r.covers(year) for r in entry.roles):
            score += 1.0
        candidate.score = score
    return sorted(found, key=lambda c: -c.score)
