"""Word-level view of the text for the linker: folded word keys with original offsets.

The linker finds title phrases (وزير الخارجية الروسي), nationality adjectives (العراقية) and further
occurrences of names it already knows (لكيري after جون كيري) by matching word keys, allowing
proclitics on the first word of a phrase (see ``keys.clitic_forms``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from khabar.link.keys import clitic_forms, clitic_words, name_key

# A word: letters/digits plus Arabic diacritics and tatweel, which normalize_key removes.
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")


class Word(NamedTuple):
    """One word: original offsets and its ``name_key`` (a named tuple: built for every word, so cheap)."""

    start: int
    end: int
    key: str


def words(text: str) -> list[Word]:
    found = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        key = name_key(text[start:end])
        if key:
            found.append(Word(start, end, key))
    return found


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

    ``first_words`` holds the first word of every phrase looked for (a fast filter); as a mapping
    it also gives the most words of any phrase starting with that word, so each start tries only
    the lengths that can match.
    """
    longest = first_words if isinstance(first_words, Mapping) else None
    firsts = first_words.keys() if isinstance(first_words, Mapping) else first_words
    index = 0
    while index < len(tokens):
        best: PhraseMatch | None = None
        if firsts.isdisjoint(clitic_words(tokens[index].key)):
            index += 1
            continue
        variants = clitic_forms(tokens[index].key)
        most = max_words if longest is None else max(longest.get(v, 0) for v, _ in variants)
        for size in range(min(most, len(tokens) - index), 0, -1):
            rest = " ".join(t.key for t in tokens[index + 1:index + size])
            for variant, cost in variants:
                key = f"{variant} {rest}".strip()
                if lookup(key):
                    # لل + X stands for ل + الX: the mention then keeps the whole word.
                    whole = tokens[index].key
                    stripped = len(whole) - len(variant) if whole.endswith(variant) else 0
                    start = _skip_letters(text, tokens[index].start, max(0, stripped))
                    best = PhraseMatch(index, index + size - 1, key, cost, start)
                    break
            if best:
                break
        if best:
            yield best
            index = best.last + 1
        else:
            index += 1


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
