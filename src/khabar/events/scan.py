"""Words, sentences and trigger matches over a document, with original offsets.

The events stage reads ``doc.tokens``/``doc.sentences`` when the text core filled them and falls
back to its own word and sentence split otherwise, so it also runs on hand-made documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document, Sentence, Token
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


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _wordlike(norm: str) -> bool:
    """A token the regex split would call a word: letters or digits after folding."""
    return WORD_RE.search(norm) is not None


_STEMS: dict[str, str | None] = {}


def _stem_key(token: Token) -> str | None:
    """The folded stem segment of a multi-segment token; memoized per word form (segments depend on it)."""
    found = _STEMS.get(token.text, "")
    if found == "":
        if len(_STEMS) >= WORD_CACHE_SIZE:
            _STEMS.clear()
        found = next((_key(s.text) for s in token.segments if s.role == "stem"), None)
        _STEMS[token.text] = found
    return found


_TOKEN_TRIGGERS: dict[str, bool] = {}


def _token_may_trigger(token: Token) -> bool:
    """``_may_trigger`` of the token, or of its stem segment; memoized per word form."""
    found = _TOKEN_TRIGGERS.get(token.text)
    if found is None:
        if len(_TOKEN_TRIGGERS) >= WORD_CACHE_SIZE:
            _TOKEN_TRIGGERS.clear()
        found = _may_trigger(token.norm)
        if not found and len(token.segments) > 1 and _has_head(token.norm, _heads(load_lexicon())):
            stem = _stem_key(token)
            found = stem is not None and load_lexicon().probe(token.norm, stem)[1] is not None
        _TOKEN_TRIGGERS[token.text] = found
    return found


def _words_from_tokens(doc: Document, keep: set[int] | None = None) -> list[Word]:
    """Words from the text core's tokens: their folded form is already there (no second pass).

    ``keep``: only the words of these sentences (the others hold no trigger).
    """
    out: list[Word] = []
    append, wordlike = out.append, _wordlike
    for token in doc.tokens:
        norm = token.norm
        if (keep is not None and token.sentence not in keep) or not wordlike(norm):
            continue
        stem = _stem_key(token) if len(token.segments) > 1 else None  # one segment: the word itself
        append(Word(token.start, token.end, token.text, norm, stem, len(out), token.sentence))
    return out


def words_of(doc: Document, sentences: list[Sentence], keep: set[int] | None = None) -> list[Word]:
    """Words of the text with their matching form and (when the text core ran) stem segment.

    Reuses the text core's tokens when they and its sentences are there; otherwise splits the
    text itself (hand-made documents). ``keep``: only the words of these sentence indexes.
    """
    if doc.tokens and doc.sentences and sentences is doc.sentences:
        return _words_from_tokens(doc, keep)
    out: list[Word] = []
    sentence = 0
    for match in WORD_RE.finditer(doc.text):
        start = match.start()
        while sentence + 1 < len(sentences) and sentences[sentence].end <= start:
            sentence += 1
        if keep is not None and sentence not in keep:
            continue
        text = match.group()
        out.append(Word(start, match.end(), text, _key(text), None, len(out), sentence))
    return out


HEAD = 3  # letters of a form's head (every trigger form has at least three)
HEAD_REACH = 8  # the longest proclitic run plus a little: a form starts within this many letters


_HEADS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _heads(lexicon: Lexicon) -> frozenset[str]:
    """The first three letters of every trigger form, phrase start and operation word (once per lexicon)."""
    cached = _HEADS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    forms = [*lexicon.single, *lexicon.phrases, *OPERATION_FORMS]
    heads = frozenset(form[:HEAD] for form in forms if len(form) >= HEAD)
    _HEADS[id(lexicon)] = (lexicon, heads)
    return heads


def _has_head(norm: str, heads: frozenset[str]) -> bool:
    """Cheap necessary test: some trigger form can start inside the word's first letters."""
    for i in range(min(HEAD_REACH, len(norm) - HEAD + 1)):
        if norm[i:i + HEAD] in heads:
            return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _may_trigger(norm: str) -> bool:
    """The word (or a clitic-stripped form of it) is a trigger form, starts a phrase or is عملية."""
    lexicon = load_lexicon()
    if not _has_head(norm, _heads(lexicon)):
        return False
    has_phrase, entry = lexicon.probe(norm, None)
    return has_phrase or entry is not None or not OPERATION_FORMS.isdisjoint(stripped_forms(norm))


OPERATION_FORMS = frozenset({"عمليه", "عمليات"})


def trigger_sentences(doc: Document, sentences: list[Sentence]) -> set[int]:
    """Indexes of the sentences with a trigger candidate: one memoized look-up per word form."""
    out: set[int] = set()
    if doc.tokens and doc.sentences and sentences is doc.sentences:
        may = _token_may_trigger
        for token in doc.tokens:
            if token.sentence not in out and may(token):
                out.add(token.sentence)
        return out
    return {w.sentence for w in words_of(doc, sentences) if _may_trigger(w.norm)}


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


def _phrase_at(words: list[Word], i: int, lexicon: Lexicon) -> tuple[TriggerEntry, int] | None:
    word = words[i]
    for form in stripped_forms(word.norm):
        for entry in lexicon.phrases.get(form, ()):
            n = len(entry.words)
            if i + n <= len(words) and all(
                entry.words[k] in stripped_forms(words[i + k].norm) for k in range(1, n)
            ) and words[i + n - 1].sentence == word.sentence:
                return entry, i + n - 1
    return None


def find_triggers(words: list[Word], lexicon: Lexicon | None = None) -> list[Trigger]:
    """Trigger matches, longest phrase first; one memoized look-up per distinct word form."""
    lexicon = lexicon or load_lexicon()
    out: list[Trigger] = []
    probe = lexicon.probe
    i = 0
    while i < len(words):
        word = words[i]
        has_phrase, entry = probe(word.norm, word.stem)
        match: tuple[TriggerEntry, int] | None = None
        if has_phrase:
            match = _phrase_at(words, i, lexicon)
        if match is None and entry is not None:
            match = (entry, i)
        if match is not None:
            entry, last = match
            if not _blocked(entry, words, i, last):
                out.append(Trigger(word.start, words[last].end, entry, i, last, word.sentence))
            i = last + 1
            continue
        i += 1
    return out


def candidate_words(doc: Document, sentences: list[Sentence]) -> list[Word]:
    """The words of the sentences that hold a trigger candidate, in one pass over the tokens.

    Sentences without one (about half of a news article) are skipped: no word objects, no look-ups
    beyond one memoized test per word form.
    """
    if not (doc.tokens and doc.sentences and sentences is doc.sentences):
        keep = trigger_sentences(doc, sentences)
        return words_of(doc, sentences, keep) if keep else []
    tokens = doc.tokens
    out: list[Word] = []
    memo = _TOKEN_TRIGGERS
    may = _token_may_trigger
    start, current, flagged = 0, tokens[0].sentence if tokens else 0, False
    for index, token in enumerate(tokens):
        if token.sentence != current:
            if flagged:
                _append_words(out, tokens, start, index)
            start, current, flagged = index, token.sentence, False
        if not flagged:
            found = memo.get(token.text)
            flagged = may(token) if found is None else found
    if flagged:
        _append_words(out, tokens, start, len(tokens))
    return out


def _append_words(out: list[Word], tokens: list[Token], lo: int, hi: int) -> None:
    append, wordlike = out.append, _wordlike
    for k in range(lo, hi):
        token = tokens[k]
        norm = token.norm
        if wordlike(norm):
            stem = _stem_key(token) if len(token.segments) > 1 else None
            append(Word(token.start, token.end, token.text, norm, stem, len(out), token.sentence))

