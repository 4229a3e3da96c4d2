"""Sentence segmentation for Arabic (and mixed Latin) news text.

Every paragraph (newline-separated) is split after sentence-final punctuation: . ! ? ؟ ؛ … (runs
such as ?! or ... count once, and closing quotation marks/brackets right after them stay in the
sentence). The Arabic comma ، never ends a sentence. A terminator does not end a sentence when:

- it lies inside the content of a closed quotation (quotations never cross paragraphs);
- the dot follows a single-letter abbreviation (د. for doctor, م. and هـ. after years, أ.د, U.N)
  or a listed Latin abbreviation (Mr., Dr., Inc. ...);
- the dot is part of a number (3.5, 12.10.2016), a URL, an e-mail address or dotted initials (U.S.),
  which the lexer keeps as single tokens.

Sentence spans never start or end with whitespace, and together they cover every non-space character.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from khabar.document import Quotation, Sentence
from khabar.text.lexer import RawToken, lex
from khabar.text.quotemarks import find_quotations

TERMINATORS = frozenset(".!?؟؛…\u06d4\u3002\uff01\uff1f")  # incl. Urdu full stop U+06D4, CJK/fullwidth
CLOSING_BRACKETS = frozenset(")]}\u00bb\u203a")
# Latin abbreviations written with a final dot (source: common English/French newswire style).
LATIN_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "gen", "col",
    "lt", "sgt", "capt", "gov", "sen", "rep", "no", "vol", "pp", "jan", "feb", "aug", "sept", "oct",
    "nov", "dec", "mt", "ft", "mme", "mlle", "cf", "al", "fig",
})
_PARAGRAPH_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
_PARAGRAPH_RE = re.compile("[" + "".join(sorted(_PARAGRAPH_BREAKS)) + "]+")


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha() and ch != "\u0640")


def _is_abbreviation_dot(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the '.' token ``tokens[index]`` ends an abbreviation."""
    if index == 0:
        return False
    prev_start, prev_end, prev_kind = tokens[index - 1]
    if prev_end != tokens[index][0]:
        return False  # a space before the dot: not an abbreviation
    word = text[prev_start:prev_end]
    if prev_kind in ("word", "latin") and _letters(word) == 1:
        return True
    if prev_kind == "latin" and word.lower() in LATIN_ABBREVIATIONS:
        return True
    # A lowercase Latin word right after the dot means the sentence goes on ("etc. and").
    if index + 1 < len(tokens):
        nxt_start, _, nxt_kind = tokens[index + 1]
        if nxt_kind == "latin" and text[nxt_start].islower():
            return True
    return False


def _protected(quotations: list[Quotation]) -> tuple[list[int], list[int]]:
    """Merged content spans of closed one-paragraph quotations, as (starts, ends) lists."""
    spans = sorted(
        (q.content.start, q.content.end) for q in quotations
        if q.closed and not any(ch in _PARAGRAPH_BREAKS for ch in q.content.text)
    )
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(protected: tuple[list[int], list[int]], position: int) -> bool:
    starts, ends = protected
    index = bisect_left(starts, position) - 1  # the last span starting strictly before position
    return index >= 0 and position < ends[index]


def _extend(text: str, end: int, limit: int, close_marks: set[int]) -> int:
    """Extend a boundary over adjacent terminators and closing quote marks/brackets."""
    while end < limit:
        ch = text[end]
        if ch in TERMINATORS or ch in CLOSING_BRACKETS or end in close_marks:
            end += 1
            continue
        if ch.isspace() and ch not in _PARAGRAPH_BREAKS:
            probe = end
            while probe < limit and text[probe].isspace() and text[probe] not in _PARAGRAPH_BREAKS:
                probe += 1
            if probe < limit and probe in close_marks:
                end = probe
                continue
        break
    return end


def _split_paragraph(text: str, end: int, tokens: list[RawToken], protected: tuple[list[int], list[int]],
                     close_marks: set[int], out: list[Sentence]) -> None:
    """Sentences of one paragraph ending at ``end``, whose raw tokens are ``tokens``."""
    if not tokens:
        return
    sentence_start = tokens[0][0]
    index = 0
    while index < len(tokens):
        tok_start, tok_end, kind = tokens[index]
        ch = text[tok_start]
        if kind == "punct" and ch in TERMINATORS and not (ch == "." and _is_abbreviation_dot(text, tokens, index)):
            boundary = _extend(text, tok_end, end, close_marks)
            if not _inside(protected, tok_start):
                out.append(Sentence(sentence_start, boundary))
                while index < len(tokens) and tokens[index][0] < boundary:
                    index += 1
                if index < len(tokens):
                    sentence_start = tokens[index][0]
                else:
                    sentence_start = -1
                continue
        index += 1
    if sentence_start >= 0:
        out.append(Sentence(sentence_start, tokens[-1][1]))


def split_sentences(text: str, quotations: list[Quotation] | None = None,
                    raw: list[RawToken] | None = None) -> list[Sentence]:
    """Sentence spans of ``text`` in order (quotations found with ``find_quotations`` if not given).

    ``raw`` may pass ``lex(text)`` when the caller has it already: no token crosses a paragraph break
    (breaks are whitespace, which no token holds), so a paragraph's tokens are those between its bounds.
    """
    if not text or text.isspace():
        return []
    if quotations is None:
        quotations = find_quotations(text)
    if raw is None:
        raw = lex(text)
    protected = _protected(quotations)
    close_marks = {q.end - 1 for q in quotations if q.closed and q.close_mark}
    sentences: list[Sentence] = []
    bounds = [0]
    for match in _PARAGRAPH_RE.finditer(text):
        bounds += [match.start(), match.end()]
    bounds.append(len(text))
    first = 0
    for index in range(0, len(bounds), 2):
        start, end = bounds[index], bounds[index + 1]
        if end <= start:
            continue
        last = first
        while last < len(raw) and raw[last][0] < end:
            last += 1
        while first < last and raw[first][0] < start:
            first += 1
        _split_paragraph(text, end, raw[first:last], protected, close_marks, sentences)
        first = last
    return sentences
