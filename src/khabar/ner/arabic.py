"""Small Arabic helpers for NER features: conservative clitic stripping and word shape."""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.text.normalize import normalize_key

_CONJ = "وف"
_PREP = "بكل"


@lru_cache(maxsize=WORD_CACHE_SIZE)
def split_proclitics(norm: str) -> tuple[str, str]:
    """``(proclitics, rest)`` of a normalized word, stripping only unambiguous proclitics:
    و/ف + ب/ك/ل before the article, the article itself, and لل (ل + ال). A bare و/ف/ب without an
    article is left alone (وزير، فرنسا، بغداد)."""
    i = 0
    if len(norm) > 4 and norm[0] in _CONJ and (norm[1:3] == "ال" or norm[1:3] == "لل" or
                                               (norm[1] in _PREP and norm[2:4] == "ال")):
        i = 1
    if norm[i:i + 2] == "لل" and len(norm) - i >= 5:
        return norm[: i + 2], norm[i + 2:]
    if norm[i:i + 1] in ("ب", "ك", "ل") and norm[i + 1:i + 3] == "ال" and len(norm) - i >= 5:
        i += 1
    if norm[i:i + 2] == "ال" and len(norm) - i >= 5:
        i += 2
    return norm[:i], norm[i:]


def stem_key(word: str) -> str:
    """The gazetteer form of a word: normalized, conservative proclitics stripped."""
    return split_proclitics(normalize_key(word))[1]


def phrase_key(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(stem_key(w) for w in words)


_HAS_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_ALNUM = re.compile(r"[^\W_]")


def shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if _HAS_DIGIT.search(token):
        return "hasdigit"
    if _LATIN.search(token):
        return "latin"
    if not _ALNUM.search(token):
        return "punct"
    return "arabic"
