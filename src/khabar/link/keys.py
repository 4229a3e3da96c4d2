"""Matching keys for names: Arabic folding, clitic stripping, descriptor words.

``name_key`` folds a name for dictionary lookup; ``clitic_variants`` lists the forms a token-attached
name can stand for (بالموصل -> الموصل, لكيري -> كيري, للقوات -> القوات), each with how many
letters were stripped so exact forms win.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.text.normalize import normalize_key

_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
# "عبدالعزيز" and "عبد العزيز" are the same name: split the compound before matching (also the
# compounds without an article that news text glues: عبدربه = عبد ربه).
_ABD_COMPOUND = re.compile(r"(?<!\S)عبد(?=ال\S|ربه(?!\S))")
# Anything ``name_key`` would change after folding (a folded key without any of these is already a key).
_NEEDS_CLEANING = re.compile(r"[^\w ]|_|  |^ | $|(?<!\S)عبد(?=ال\S|ربه(?!\S))")

# Proclitics as written before names in news text (conjunctions, then prepositions).
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")

# Words that introduce a place or an organization without being part of its name
# (source: common Arabic news usage; compiled for Khabar).
PLACE_DESCRIPTORS = frozenset(normalize_key(w) for w in (
    "مدينة", "محافظة", "ناحية", "قضاء", "قرية", "بلدة", "منطقة", "العاصمة", "مخيم", "حي", "ولاية",
    "إقليم", "دولة", "جمهورية", "مملكة", "إمارة", "بلدية", "مركز", "ريف", "جزيرة", "ميناء", "مطار",
))
ORG_DESCRIPTORS = frozenset(normalize_key(w) for w in (
    "تنظيم", "حركة", "جماعة", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "قوات", "وكالة", "صحيفة",
    "قناة", "منظمة", "حزب", "شبكة", "موقع", "جريدة", "مجلة", "فصائل", "فصيل", "عناصر", "مسلحي", "مقاتلي",
))
# Heads of institutions named after a place (أمانة الرياض، جوازات منطقة مكة المكرمة، شرطة دبي): the place
# there is part of an organization's name, not a place mention. Source: Saudi and Gulf news usage.
INSTITUTION_HEADS = frozenset(normalize_key(w) for w in (
    "أمانة", "بأمانة", "لأمانة", "وأمانة", "جوازات", "بجوازات", "لجوازات", "شرطة", "بشرطة", "لشرطة", "بلدية",
    "ببلدية", "لبلدية", "جامعة", "بجامعة", "لجامعة", "محكمة", "بمحكمة", "غرفة", "بغرفة", "فرع", "بفرع",
    "نادي", "بنادي", "لنادي", "مستشفى", "بمستشفى", "مرور", "بمرور", "هيئة", "بهيئة",
    "بلديات",
))
# Prayer times that are also place names (صلاة المغرب is the sunset prayer, not Morocco).
PRAYER_WORDS = frozenset(normalize_key(w) for w in ("صلاة", "لصلاة", "بصلاة", "وصلاة", "أذان", "آذان", "لأذان"))
PRAYER_TIMES = frozenset(normalize_key(w) for w in ("المغرب", "العشاء", "الفجر", "الظهر", "العصر"))
PERSON_TITLES = frozenset(normalize_key(w) for w in (
    "الرئيس", "رئيس", "الملك", "الأمير", "أمير", "الشيخ", "الشيخة", "السيد", "السيدة", "الدكتور", "د",
    "الجنرال", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير", "الوزير",
    "وزير", "النائب", "السفير", "المتحدث", "الناطق", "المستشار", "القاضي", "الإمام", "آية", "الله",
    "حجة", "الإسلام", "السلطان", "العاهل", "البابا", "المرشد", "زعيم", "قائد", "الزعيم", "القائد",
))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def name_key(text: str) -> str:
    """Folded, punctuation-free, single-spaced form of a name (cached: news text repeats its words)."""
    folded = normalize_key(text)
    if not _NEEDS_CLEANING.search(folded):
        return folded
    folded = _NON_WORD.sub(" ", folded)
    folded = _ABD_COMPOUND.sub("عبد ", folded)
    return _SPACES.sub(" ", folded).strip()


def strip_article(key: str) -> str:
    """``الموصل`` -> ``موصل`` (only when a real stem of 3+ letters stays)."""
    first, _, rest = key.partition(" ")
    if first.startswith("ال") and len(first) >= 5:
        first = first[2:]
    return f"{first} {rest}".strip()


def clitic_variants(key: str) -> list[tuple[str, int]]:
    """See ``clitic_forms`` (returns a fresh list)."""
    return list(clitic_forms(key))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def clitic_words(key: str) -> tuple[str, ...]:
    """The keys of ``clitic_forms`` alone (for set tests: ``first_words.isdisjoint(clitic_words(key))``)."""
    return tuple(variant for variant, _cost in clitic_forms(key))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def clitic_forms(key: str) -> tuple[tuple[str, int], ...]:
    """Possible names behind a key whose first word may carry proclitics, with a strip cost.

    ``وبالموصل`` -> [(وبالموصل, 0), (بالموصل, 1), (الموصل, 2), ...]. Never strips below a 2-letter stem.
    A word starting ``ل`` + non-article letter may also be the second half of ``لل`` + X: ``لجامعة`` -> ``الجامعة``.
    Order: the word itself, without its conjunction, then each of those without a preposition.
    """
    if key[:1] not in _CLITIC_LETTERS:  # most words: nothing to strip
        return ((key, 0),)
    first, space, rest = key.partition(" ")
    tail = f"{space}{rest}" if space else ""
    seen: dict[str, int] = {first: 0}
    frontier = [(first, 0)]
    if first[0] in CONJUNCTIONS and len(first) >= 3:
        seen[first[1:]] = 1
        frontier.append((first[1:], 1))
    for word, cost in frontier:
        if word[0] in PREPOSITIONS and len(word) >= 3:
            stem = word[1:]
            if word[0] == "ل" and stem[0] == "ل" and len(stem) >= 3 and "ا" + stem not in seen:
                seen["ا" + stem] = cost + 1  # لل + X = ل + الX
            if stem not in seen:
                seen[stem] = cost + 1
    if first[0] == "ل" and len(first) >= 4 and first[1] != "ل":
        seen.setdefault("ا" + first, 1)  # a span cut after the first ل of لل + X (the NER's convention): لجامعة
    return tuple((word + tail, cost) for word, cost in seen.items())


_CLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)
