"""Tokenization with clitic segmentation.

``tokenize(text)`` returns ANERcorp-like tokens (words, numbers, punctuation marks one per token,
Latin words, URLs, e-mails, dotted initials), each with its matching form ``norm``
(``normalize_key(text)``), the index of its sentence, and its clitic ``segments`` (see
``khabar.text.clitics``). Offsets are code-point offsets into the unchanged text; diacritics and
tatweel inside a word stay inside its token and its segments.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Segment, Sentence, Token
from khabar.text.clitics import segment_word
from khabar.text.lexer import RawToken, lex
from khabar.text.normalize import normalize_key
from khabar.text.sentences import split_sentences


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_pieces(word: str) -> tuple[tuple[int, int, str, str], ...]:
    """Cached segmentation of one word as ``(start, end, text, role)`` relative to the word."""
    return tuple((s.start, s.end, s.text, s.role) for s in segment_word(word))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word(word: str) -> tuple[str, tuple[tuple[int, int, str, str], ...] | None]:
    """One word's matching form and its clitic pieces (None when it is a single stem): one cache
    lookup per token."""
    pieces = _word_pieces(word)
    return normalize_key(word), (pieces if len(pieces) > 1 else None)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _norm(word: str) -> str:
    return normalize_key(word)


def tokenize(text: str, sentences: list[Sentence] | None = None, raw: list[RawToken] | None = None) -> list[Token]:
    """Tokens of ``text`` with segments and sentence indexes (sentences split here if not given).

    A token belongs to the sentence its first character is in (the closest earlier one when it
    falls between given sentences). ``raw`` may pass ``lex(text)`` when the caller has it already.
    """
    if not text:
        return []
    if raw is None:
        raw = lex(text)
    if sentences is None:
        sentences = split_sentences(text, raw=raw)
    # Creating hundreds of thousands of small objects triggers the cyclic garbage collector again
    # and again although none of them can form a cycle; pausing it roughly halves the time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _tokens(text, sentences, raw)
    finally:
        if was_enabled:
            gc.enable()


def _tokens(text: str, sentences: list[Sentence], raw: list[RawToken]) -> list[Token]:
    starts = [s.start for s in sentences]
    tokens: list[Token] = []
    append, norm, word_of = tokens.append, _norm, _word
    index, next_start = 0, (starts[1] if len(starts) > 1 else None)
    for start, end, kind in raw:
        if next_start is not None and start >= next_start:
            index = bisect_right(starts, start) - 1
            next_start = starts[index + 1] if index + 1 < len(starts) else None
        word = text[start:end]
        if kind == "word":
            key, pieces = word_of(word)
        else:
            key, pieces = norm(word), None
        if pieces is None:
            segments = [Segment(start, end, word, "stem")]
        else:
            segments = [Segment(start + s, start + e, piece, role)  # type: ignore[arg-type]
                        for s, e, piece, role in pieces]
        append(Token(start, end, word, key, segments, index))
    return tokens
