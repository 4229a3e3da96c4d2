"""Words, sentences and trigger matches over a document, with original offsets.

The events stage reads ``doc.tokens``/``doc.sentences`` when the text core filled them and falls
back to its own word and sentence split otherwise, so it also runs on hand-made documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document, Sentence
from khabar.events.lexicon import Lexicon, TriggerEntry, load_lexicon, stripped_forms
from khabar.text.normalize import normalize_key

WORD_RE = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
SENTENCE_END_RE = re.compile(r"[.!?؟\n]+")
# Negation particles that cancel a following trigger (لم يقتل، لا تستهدف، لن ...), within 2 words.
NEGATIONS = frozenset({"لم", "لن", "لا", "ليس", "ما", "دون", "بدون", "عدم"})


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    norm: str
    stem: str | None
    index: int
    sentence: int


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    entry: TriggerEntry
    first_word: int
    last_word: int
    sentence: int


def sentences_of(doc: Document) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    out: list[Sentence] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(doc.text):
        if doc.text[start:match.end()].strip():
            out.append(Sentence(start, match.end()))
        start = match.end()
    if doc.text[start:].strip():
        out.append(Sentence(start, len(doc.text)))
    return out


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _key(text: str) -> str:
    return normalize_key(text)


def words_of(doc: Document, sentences: list[Sentence]) -> list[Word]:
    """Words of the text with their matching form and (when the text core ran) stem segment."""
    stems: dict[int, str] = {}
    for token in doc.tokens:
        if len(token.segments) > 1:  # a one-segment token's stem is the word itself
            stems[token.start] = _key(token.stem.text)
    out: list[Word] = []
    sentence = 0
    for match in WORD_RE.finditer(doc.text):
        start = match.start()
        while sentence + 1 < len(sentences) and sentences[sentence].end <= start:
            sentence += 1
        text = match.group()
        out.append(Word(start, match.end(), text, _key(text), stems.get(start), len(out), sentence))
    return out


def _blocked(entry: TriggerEntry, words: list[Word], first: int, last: int) -> bool:
    if first > 0 and entry.block_prev and set(stripped_forms(words[first - 1].norm)) & entry.block_prev:
        return True
    if last + 1 < len(words) and entry.block_next and set(stripped_forms(words[last + 1].norm)) & entry.block_next:
        return True
    return False


def negated(words: list[Word], index: int) -> bool:
    """A negation particle within the two words before ``index`` in the same sentence."""
    for back in (1, 2):
        j = index - back
        if j < 0 or words[j].sentence != words[index].sentence:
            break
        if words[j].norm in NEGATIONS or (words[j].norm[:1] in "وف" and words[j].norm[1:] in NEGATIONS):
            return True
    return False


def find_triggers(words: list[Word], lexicon: Lexicon | None = None) -> list[Trigger]:
    lexicon = lexicon or load_lexicon()
    out: list[Trigger] = []
    i = 0
    while i < len(words):
        word = words[i]
        match: tuple[TriggerEntry, int] | None = None
        for form in stripped_forms(word.norm):
            for entry in lexicon.phrases.get(form, []):
                n = len(entry.words)
                if i + n <= len(words) and all(
                    entry.words[k] in stripped_forms(words[i + k].norm) for k in range(1, n)
                ) and words[i + n - 1].sentence == word.sentence:
                    match = (entry, i + n - 1)
                    break
            if match:
                break
        if match is None:
            entry = lexicon.lookup(word.norm, word.stem)
            if entry is not None:
                match = (entry, i)
        if match is not None:
            entry, last = match
            if not _blocked(entry, words, i, last):
                out.append(Trigger(word.start, words[last].end, entry, i, last, word.sentence))
            i = last + 1
            continue
        i += 1
    return out
