"""Word-level view of the text for the linker: folded word keys with original offsets.

The linker finds title phrases (وزير الخارجية الروسي), nationality adjectives (العراقية) and further
occurrences of names it already knows (لكيري after جون كيري) by matching word keys, allowing
proclitics on the first word of a phrase (see ``keys.clitic_forms``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import itemgetter, not_
from typing import NamedTuple

from khabar.link.keys import CONJUNCTIONS, PREPOSITIONS, clitic_forms, clitic_words, name_key

# A word: letters/digits plus Arabic diacritics and tatweel, which normalize_key removes.
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


class Word(NamedTuple):
    """One word: original offsets and its ``name_key`` (a named tuple: built for every word, so cheap)."""

    start: int
    end: int
    key: str


_KEY = itemgetter(2)  # ``Word.key``
_new_tuple = tuple.__new__  # builds a ``Word`` without the Python-level ``__new__`` of a named tuple


def words(text: str) -> list[Word]:
    """Every word of ``text`` with a non-empty key, in order.

    One regex split gives the words and the gaps between them; offsets are the running sums of their
    lengths (no match object per word), keys come from the cached ``name_key``, all in C-level loops.
    """
    parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    bounds = list(accumulate(map(len, parts)))  # start of word 1, its end, start of word 2, ...
    keys = list(map(name_key, parts[1::2]))
    found = list(map(_new_tuple, repeat(Word), zip(bounds[0::2], bounds[1::2], keys, strict=False)))
    return list(compress(found, keys)) if "" in keys else found


FEW_FIRST_WORDS = 300  # up to this many first words, their written forms are listed (else each word is tested)


def _written_forms(firsts: Iterable[str]) -> set[str]:
    """Every word ``clitic_forms`` may strip to one of ``firsts`` (a superset: و/ف, then ب/ل/ك, and لل for ال)."""
    forms: set[str] = set()
    for first in firsts:
        bare = [first, *(p + first for p in PREPOSITIONS)]
        if first.startswith("ال"):
            bare.append("لل" + first[2:])
        forms.update(bare)
        forms.update(c + word for c in CONJUNCTIONS for word in bare)
    return forms


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    first: int          # index of the first word
    last: int           # index of the last word (inclusive)
    key: str            # the matched (clitic-stripped) key
    clitic_cost: int
    name_start: int     # original offset where the name starts (after the stripped proclitics)


def _skip_letters(text: str, start: int, count: int) -> int:
    """Original offset after ``count`` letters from ``start`` (diacritics count as part of a letter)."""
    position, seen = start, 0
    while position < len(text) and seen < count:
        position += 1
        while position < len(text) and ("\u064b" <= text[position] <= "\u065f" or text[position] in "\u0670\u0640"):
            position += 1
        seen += 1
    return position


def match_phrases(text: str, tokens: list[Word], lookup: Callable[[str], bool],
                  first_words: set[str] | Mapping[str, int], max_words: int = 6) -> Iterator[PhraseMatch]:
    """Longest phrases (by word count) whose clitic-stripped key satisfies ``lookup``; non-overlapping.

    ``first_words`` holds the first word of every phrase looked for (a fast filter: a key whose first
    word is not there is never looked up); as a mapping it also gives the most words of any phrase
    starting with that word, so each start tries only the lengths that can match. Among phrases of
    one length, the variant with fewer stripped letters (earlier in ``clitic_forms``) wins.
    """
    longest = first_words if isinstance(first_words, Mapping) else None
    firsts = first_words.keys() if isinstance(first_words, Mapping) else first_words
    count = len(tokens)
    # the words that may begin a phrase, found in C-level loops (most words are skipped)
    keys = list(map(_KEY, tokens))
    if len(firsts) <= FEW_FIRST_WORDS:
        written = _written_forms(firsts)
        starts = compress(range(count), map(written.__contains__, keys))
    else:
        starts = compress(range(count), map(not_, map(firsts.isdisjoint, map(clitic_words, keys))))
    free = 0  # the first word no phrase so far covers
    for index in starts:
        if index < free:
            continue
        token = tokens[index]
        if firsts.isdisjoint(clitic_words(token.key)):
            continue
        variants = clitic_forms(token.key)
        most = max_words if longest is None else max(longest.get(v, 0) for v, _ in variants)
        most = min(most, count - index)
        tried = [(v, c) for v, c in variants if v.partition(" ")[0] in firsts]
        tails = [""]  # tails[k]: the keys of the k words after the first, each after a space
        for k in range(1, most):
            tails.append(f"{tails[-1]} {tokens[index + k].key}")
        best: PhraseMatch | None = None
        for size in range(most, 0, -1):
            rest = tails[size - 1]
            for variant, cost in tried:
                key = variant + rest
                if lookup(key):
                    # لل + X stands for ل + الX: the mention then keeps the whole word.
                    whole = token.key
                    stripped = len(whole) - len(variant) if whole.endswith(variant) else 0
                    start = _skip_letters(text, token.start, max(0, stripped))
                    best = PhraseMatch(index, index + size - 1, key, cost, start)
                    break
            if best:
                break
        if best:
            yield best
            free = best.last + 1


class SpanSet:
    """Spans of a text (those already named): overlap tests by a character map; empty spans kept aside."""

    def __init__(self, length: int, spans: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = []
        self.empty: list[tuple[int, int]] = []
        self.chars = bytearray(length + 1)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if start < end:
            if end > len(self.chars):
                self.chars.extend(bytes(end - len(self.chars)))
            self.chars[start:end] = b"\x01" * (end - start)
        else:
            self.empty.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start < e and s < end`` for some span ``(s, e)``."""
        if start >= end:
            return any(start < e and s < end for s, e in self.spans)
        return self.chars.find(1, start, end) >= 0 or any(start < e and s < end for s, e in self.empty)
