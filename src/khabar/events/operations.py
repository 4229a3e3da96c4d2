"""Military operations named by their place or kind ("عملية الموصل", "عملية عسكرية") as ASSAULT triggers.

The lexicon does not list عملية (most operations in news are not attacks); these rules add it where the
word is followed by a place entity or a military adjective.
"""

from __future__ import annotations

from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.events.lexicon import TriggerEntry, stripped_forms
from khabar.events.roles import MentionRef
from khabar.events.scan import Trigger, Word

OPERATION_WORDS = frozenset({"عمليه", "عمليات"})
MILITARY_WORDS = frozenset({"عسكريه", "العسكريه", "عسكريا"})


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_operation(norm: str) -> bool:
    return not OPERATION_WORDS.isdisjoint(stripped_forms(norm))


OPERATION_ENTRY = TriggerEntry("عمليه", "N", "ASSAULT", None, False, frozenset(), frozenset())


def operation_triggers(words: list[Word], mentions: list[MentionRef], taken: set[int],
                       candidates: set[int]) -> list[Trigger]:
    """"عملية الموصل" / "عملية عسكرية": a military operation named by its place or kind.

    ``candidates``: indexes of the words that are عملية/عمليات (with clitics).
    """
    place_starts = {m.first_word for m in mentions if m.type in ("GPE", "LOC")}
    out: list[Trigger] = []
    for i in sorted(candidates):
        word = words[i]
        if i in taken or i + 1 >= len(words):
            continue
        nxt = words[i + 1]
        if word.norm.endswith(("ياته", "ياتها", "ياتهم")):
            continue  # صعد الجيش من عملياته العسكرية: its operations in general, no one happening
        if nxt.sentence == word.sentence and (i + 1 in place_starts or nxt.norm in MILITARY_WORDS):
            out.append(Trigger(word.start, word.end, OPERATION_ENTRY, i, i, word.sentence))
    return out
