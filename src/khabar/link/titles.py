"""Title phrases (وزير الخارجية الروسي، نظيره الأمريكي) and nationality adjectives found in the text.

NER does not tag these; the linker adds them as mentions (source "kb") and resolves a title to the
person who holds that office in the document (introduced by apposition, or known in the KB and
named in the text, or in office at the publication year).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.link.kb import KnowledgeBase, Nationality
from khabar.link.keys import clitic_words, name_key
from khabar.link.scan import Word

# Office titles as written in Arabic news (folded by name_key), and the KB role they denote.
# "counterpart" (نظيره) means: the person of that nationality holding an office in the document.
TITLE_HEADS: tuple[tuple[str, str], ...] = tuple((name_key(words), role) for words, role in (
    ("وزير الخارجية", "foreign_minister"),
    ("وزيرة الخارجية", "foreign_minister"),
    ("وزير خارجية", "foreign_minister"),
    ("وزير الدفاع", "defence_minister"),
    ("وزيرة الدفاع", "defence_minister"),
    ("وزير الداخلية", "interior_minister"),
    ("وزيرة الداخلية", "interior_minister"),
    ("وزير داخلية", "interior_minister"),
    ("وزير دفاع", "defence_minister"),
    ("رئيس البرلمان", "speaker"),
    ("رئيس مجلس النواب", "speaker"),
    ("نائب الرئيس", "vice_president"),
    ("رئيس الوزراء", "head_of_government"),
    ("رئيسة الوزراء", "head_of_government"),
    ("رئيس الحكومة", "head_of_government"),
    ("المستشارة", "head_of_government"),
    ("الرئيس", "head_of_state"),
    ("الملك", "head_of_state"),
    ("العاهل", "head_of_state"),
    ("السلطان", "head_of_state"),
    ("أمير", "head_of_state"),
    ("ولي العهد", "crown_prince"),
    ("نظيره", "counterpart"),
    ("نظيرها", "counterpart"),
    ("نظيرهما", "counterpart"),
    ("نظيريه", "counterpart"),
    ("نظير", "counterpart"),
))
HEAD_FIRST_WORDS = frozenset(head.split()[0] for head, _ in TITLE_HEADS)
QUALIFIER_WORDS = frozenset(name_key(w) for w in ("الحالي", "السابق", "الجديد", "الأسبق"))
FORMER = frozenset(name_key(w) for w in ("السابق", "الأسبق"))


@dataclass(slots=True)
class TitlePhrase:
    start: int
    end: int
    role: str
    country: str
    former: bool
    first_word: int


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _head_words(key: str) -> frozenset[str]:
    """The first words of title heads a word stands for (proclitics allowed: ووزير -> وزير)."""
    return frozenset(HEAD_FIRST_WORDS.intersection(clitic_words(key)))


def _head_at(tokens: list[Word], index: int, first_variants: frozenset[str]) -> tuple[str, int] | None:
    """The title role starting at word ``index`` (whose head first words are ``first_variants``) and its size."""
    for head, role in TITLE_HEADS:
        parts = head.split()
        if index + len(parts) > len(tokens):
            continue
        if parts[0] not in first_variants:
            continue
        if all(tokens[index + k].key == parts[k] for k in range(1, len(parts))):
            return role, len(parts)
    return None


def find_titles(tokens: list[Word], kb: KnowledgeBase) -> list[TitlePhrase]:
    found: list[TitlePhrase] = []
    heads = [(i, variants) for i, variants in enumerate(map(_head_words, [t.key for t in tokens])) if variants]
    index = 0  # the first word a title may still start at (titles never overlap)
    for at, variants in heads:  # most words start no title head: only these are tried
        if at < index:
            continue
        index = at
        head = _head_at(tokens, index, variants)
        if head:
            role, size = head
            adjective_at = index + size
            if adjective_at < len(tokens):
                nationality = kb.nationalities.get(tokens[adjective_at].key)
                if nationality and nationality.country:
                    last = adjective_at
                    former = False
                    if last + 1 < len(tokens) and tokens[last + 1].key in QUALIFIER_WORDS:
                        last += 1
                        former = tokens[last].key in FORMER
                    found.append(TitlePhrase(tokens[index].start, tokens[last].end, role, nationality.country,
                                             former, index))
                    index = last + 1
                    continue
        index += 1
    return found


def find_nationalities(tokens: list[Word], kb: KnowledgeBase) -> list[tuple[Word, Nationality]]:
    """Every word that is a nationality/group adjective (proclitics allowed: والعراقية)."""
    found = []
    memo = kb.nationality_memo()
    endings = kb.derived("nationality_endings", _nationality_endings)
    for token in tokens:
        key = token.key
        if key[-2:] not in endings:  # proclitics change only a word's start: most words are ruled out here
            continue
        nationality = memo[key] if key in memo else kb.nationality_of(key)
        if nationality is not None:
            found.append((token, nationality))
    return found


def _nationality_endings(kb: KnowledgeBase) -> frozenset[str]:
    """The last two letters of every nationality key (a word ending otherwise names none)."""
    return frozenset(key[-2:] for key in kb.nationalities)
