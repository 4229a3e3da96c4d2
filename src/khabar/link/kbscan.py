"""Names of the knowledge base that NER left untagged, found by scanning the text (mention source "kb").

Without the NER model, or where it misses a name, the link stage still finds:
- organizations and armed groups of the KB (داعش، الحشد الشعبي، الميليشيات الحوثية ...);
- places of the KB when the word is introduced as a place (في/بـ/مدينة/قرية/جنوب ... X) or is a
  country, governorate/region, capital or large city; a single word that is also a frequent Arabic word
  (Zipf >= ``COMMON_WORD_ZIPF`` in wordfreq) only when introduced as a place.
KB names that are ordinary words far more often than names in news prose are never taken (``STOPLIST``).
Matches never overlap a name mention already there (a nationality adjective inside a longer name may:
القوات العراقية). Found mentions go through the normal linking (ranking, clustering) afterwards.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from khabar.document import Document, Mention
from khabar.link.kb import ARAB_LEAGUE, MEMO_SIZE, PLACE_TYPES, KBEntry, KnowledgeBase
from khabar.link.keys import INSTITUTION_HEADS, PRAYER_TIMES, PRAYER_WORDS, clitic_forms, name_key
from khabar.link.repair import in_idiom
from khabar.link.resolve import Candidate, rank
from khabar.link.scan import PhraseMatch, SpanSet, Word, _skip_letters

# KB names that are ordinary words far more often than names in news prose (فتح "opening", النهضة
# "renaissance", الحشد "the crowd"). Source: reading SaudiNewsNet articles (the events stage's list, shared).
STOPLIST = frozenset(name_key(w) for w in (
    "فتح", "النهضة", "الحشد", "الاتحاد الوطني", "البعث", "الجمهوريون", "الديمقراطيون", "العصائب",
    "الجمعية العامة", "الإخوان", "المعارضة", "الدولة", "الشام", "القدس", "الأمن", "النصر", "الوطن",
    "الخليج", "الجنوب", "الشمال", "الشرق", "الغرب", "الوسط", "البلاد", "المدينة", "العاصمة", "المنطقة",
    "الحدود", "المركز", "الساحل", "الجبل", "السلام", "الأمل", "الثورة", "الحرية", "التحرير", "الشهداء",
    "الجامعة", "السوق", "المطار", "الميناء", "القصر", "الصحة", "الداخلية", "الخارجية", "الدفاع",
    "النور", "الفجر", "العهد", "الحق", "الخير", "الرحمة", "مصدر", "عين", "باب", "قرية", "عدة", "وادي",
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "اليوم", "عام",
    "الحرب", "المقاومة", "الشعبية", "الإسلامية", "مئات", "عشرات", "آلاف", "الله", "محمد", "علي",
    "مسلحة", "حرب", "بين", "قرب", "جنوب", "شمال", "شرق", "غرب", "الخبر", "خبر", "بيان", "ليل", "ان", "وان",
    "الجزيرة", "جزيرة", "العربية", "المصادر", "مصادر", "الموقع", "موقع", "الشرطة", "القوات", "الجيش",
    "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الوسطى", "العليا", "الكبرى", "الصغرى", "الجديدة",
    "المائة", "الحوثي",
))
# Words that introduce a place (في X، مدينة X، جنوب X). Source: Arabic news usage (as the events stage's cues).
LOCATIVE_WORDS = frozenset(name_key(w) for w in (
    "في", "فى", "قرب", "بالقرب", "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط",
    "مدينة", "بمدينة", "قرية", "بقرية", "بلدة", "ببلدة", "محافظة", "بمحافظة", "محافظتي", "ناحية", "بناحية",
    "قضاء", "حي", "بحي", "منطقة", "بمنطقة", "مناطق", "ريف", "بريف", "داخل", "أطراف", "محيط", "ضواحي",
    "مديرية", "بمديرية", "ولاية", "بولاية", "إقليم", "عاصمة", "العاصمة", "بالعاصمة", "أنحاء", "مخيم",
    "بمخيم", "مطار", "بمطار", "جبل", "بجبل", "حدود", "مدن", "قرى", "مدينتي", "محافظات", "مديريات",
    "ميناء", "بميناء", "مينائي",  # ميناء المخاء (audit of issue 4)
))
COMMON_WORD_ZIPF = 5.0
FUNCTION_WORD_ZIPF = 5.5    # never a one-word place, even after في (أنه، التي)
# Place features and sizes named without a locative word (a country, governorate, capital, big city).
NOTABLE_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "PPLC", "RGN"})
NOTABLE_POPULATION = 150_000
REGION_FEATURES = frozenset({"RGN", "SEA", "STM"})


@lru_cache(maxsize=50_000)
def word_zipf(word: str) -> float:
    """How common ``word`` is in Arabic (wordfreq Zipf scale; 0 without wordfreq), memoized."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: without it every notable place name is taken
        return 0.0
    return float(zipf_frequency(word, "ar"))


class ScanIndex(NamedTuple):
    keys: frozenset[str]            # KB keys naming an organization or place (stoplist out)
    longest: dict[str, int]         # first word -> the most words of such a key starting with it
    prefixes: frozenset[str]        # every shorter word prefix of a key ("a", "a b" of "a b c")


def _index(kb: KnowledgeBase) -> ScanIndex:
    """The scanned KB keys, their first words and word prefixes (built once per KB)."""
    return kb.derived("kbscan_keys", _build_index)


def _build_index(kb: KnowledgeBase) -> ScanIndex:
    entries = kb.entries
    keys = frozenset(key for key, positions in kb.index.items()  # the keys ``_entries`` finds entries for
                     if key not in STOPLIST and len(key.replace(" ", "")) >= 3
                     and any(entries[i].type in PLACE_TYPES or entries[i].type == "ORG" for i in positions))
    longest: dict[str, int] = {}
    prefixes: set[str] = set()
    for key in keys:
        words_ = key.split()
        first, size = words_[0], len(words_)
        longest[first] = max(longest.get(first, 0), size)
        prefixes.update(" ".join(words_[:count]) for count in range(1, size))
    return ScanIndex(keys, longest, frozenset(prefixes))


def _first_variants(kb: KnowledgeBase, longest: dict[str, int], key: str) -> tuple[tuple[str, int], ...]:
    """A token's clitic variants that are the first word of a scanned KB key (memoized per word)."""
    memo: dict[str, tuple[tuple[str, int], ...]] = kb.derived("kbscan_first", _new_memo)
    found = memo.get(key)
    if found is None:
        if len(memo) > MEMO_SIZE:
            memo.clear()
        found = memo[key] = tuple((v, c) for v, c in clitic_forms(key) if v in longest)
    return found


def _new_memo(_kb: KnowledgeBase) -> dict[str, tuple[tuple[str, int], ...]]:
    return {}


def _entries(kb: KnowledgeBase, key: str) -> tuple[KBEntry, ...]:
    """The organizations and places a scanned key names (memoized per key; read-only)."""
    memo: dict[str, tuple[KBEntry, ...]] = kb.derived("kbscan_entries", _new_entries_memo)
    found = memo.get(key)
    if found is None:
        if len(memo) > MEMO_SIZE:
            memo.clear()
        found = memo[key] = () if key in STOPLIST or len(key.replace(" ", "")) < 3 else tuple(
            e for e in kb.lookup(key, with_article_variants=False) if e.type in PLACE_TYPES or e.type == "ORG")
    return found


def _new_entries_memo(_kb: KnowledgeBase) -> dict[str, tuple[KBEntry, ...]]:
    return {}


def _phrases(text: str, tokens: list[Word], kb: KnowledgeBase) -> list[PhraseMatch]:
    """Longest KB keys over the tokens (proclitics allowed on the first word); non-overlapping.

    At each token the longest key wins, the earlier clitic variant among keys of that length; a variant is
    extended word by word while it is the prefix of some key. Only tokens that begin a key are visited.
    """
    keys, longest, prefixes = _index(kb)
    memo: dict[str, tuple[tuple[str, int], ...]] = kb.derived("kbscan_first", _new_memo)
    firsts = list(map(memo.get, [token.key for token in tokens]))
    found: list[PhraseMatch] = []
    count = len(tokens)
    free = 0  # the first token no match so far covers
    for position, variants in enumerate(firsts):
        if variants is None:
            variants = _first_variants(kb, longest, tokens[position].key)
        if not variants or position < free:
            continue
        best_size, best_key, best_variant, best_cost = 0, "", "", 0
        for variant, cost in variants:
            key, size = variant, 1
            while True:
                if size > best_size and key in keys:
                    best_size, best_key, best_variant, best_cost = size, key, variant, cost
                if position + size >= count or key not in prefixes:
                    break
                key = f"{key} {tokens[position + size].key}"
                size += 1
        if best_size:
            token = tokens[position]
            start = _skip_letters(text, token.start, len(token.key) - len(best_variant))
            found.append(PhraseMatch(position, position + best_size - 1, best_key, best_cost, start))
            free = position + best_size
    return found


def _introduced(tokens: list[Word], match: PhraseMatch, places: set[int]) -> bool:
    """في X، بـX، مدينة X، جنوب X: the word before (or a ب proclitic) marks a place; so does a place
    right before a coordinated وX (عسير والباحة)."""
    first = tokens[match.first].key
    if match.clitic_cost > 0 and first.startswith(("ب", "وب", "فب")):
        return True
    if match.clitic_cost > 0 and first.startswith("و") and match.first - 1 in places:
        return True
    return match.first > 0 and tokens[match.first - 1].key in LOCATIVE_WORDS


def _word_itself(doc: Document, token: Word, start: int) -> bool:
    """A clitic-stripped match inside a word that is more frequent whole (كريم -> ريم، وكيل -> كيل)."""
    return start > token.start and word_zipf(doc.text[token.start:token.end]) >= word_zipf(doc.text[start:token.end])


def _accept(doc: Document, tokens: list[Word], match: PhraseMatch, entries: tuple[KBEntry, ...],
            countries: set[str], year: int | None, places: set[int]) -> KBEntry | None:
    orgs = [e for e in entries if e.type == "ORG"]
    single = len(match.key.split()) == 1
    if single and _word_itself(doc, tokens[match.first], match.name_start):
        return None
    if orgs:
        return orgs[0]
    before = tokens[match.first - 1].key if match.first > 0 else ""
    if before in INSTITUTION_HEADS or (before in PRAYER_WORDS and match.key in PRAYER_TIMES):
        return None  # أمانة الرياض (an institution), صلاة المغرب (a prayer)
    ranked = rank([Candidate(e, 0.0, match.key, (0, 0)) for e in entries], countries, year)
    if not ranked:  # every reading implausible here (a far-away village named like a common word)
        return None
    entry = ranked[0].entry
    introduced = _introduced(tokens, match, places)
    surface = doc.text[match.name_start:tokens[match.last].end]
    if single and entry.feature != "PCLI" and (word_zipf(surface) >= FUNCTION_WORD_ZIPF or (not introduced and (
            word_zipf(surface) >= COMMON_WORD_ZIPF or (entry.id.startswith("geonames:") and match.key != name_key(entry.name_ar))))):
        return None  # a function word, or a frequent word / a GeoNames alternate name not introduced as a place
    notable = entry.feature in NOTABLE_FEATURES or entry.population >= NOTABLE_POPULATION
    if notable or not single:
        return entry
    # a small place named by one word: introduced as a place, in a country the text is about
    return entry if introduced and (entry.country in countries or entry.country in ARAB_LEAGUE) else None


def _overlapped(tokens: list[Word], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens (in text order, not overlapping) that overlap any of ``spans``."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    found: set[int] = set()
    for start, end in spans:
        found.update(range(bisect_right(ends, start), bisect_left(starts, end)))
    return found


def scan_kb_names(doc: Document, kb: KnowledgeBase, tokens: list[Word], countries: set[str],
                  year: int | None) -> list[Mention]:
    """KB organizations and places no name mention covers (see the module doc), as new mentions."""
    taken = SpanSet(len(doc.text), [(m.start, m.end) for m in doc.mentions if m.type != "NORP"])
    place_spans = [(m.start, m.end) for m in doc.mentions if m.type in PLACE_TYPES]
    places = _overlapped(tokens, place_spans)
    found: list[Mention] = []
    for match in _phrases(doc.text, tokens, kb):
        start, end = match.name_start, tokens[match.last].end
        if taken.overlaps(start, end) or in_idiom(tokens, match.first, match.last):
            continue  # an idiom (باليمن والبركات) names no place: the repair step drops it, so must the scan
        entry = _accept(doc, tokens, match, _entries(kb, match.key), countries, year, places)
        if entry is None:
            continue
        if entry.type in PLACE_TYPES:
            places.update(range(match.first, match.last + 1))
        kind = "ORG" if entry.type == "ORG" else ("LOC" if entry.feature in REGION_FEATURES else "GPE")
        found.append(Mention(start, end, doc.text[start:end], kind, "kb", 0.7))
        taken.add(start, end)
    return found
