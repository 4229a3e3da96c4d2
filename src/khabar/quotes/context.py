"""The document context the quote rules read: the text stage's tokens with sentence ids and line
breaks, the speech-cue lookup of every word (memoized across documents), entity mentions indexed
for overlap queries, and the repaired quotation-mark pairs."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, compress
from operator import attrgetter

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document, Entity, Quotation, Token
from khabar.quotes.lexicon import CueForm, Lexicon
from khabar.quotes.marks import repair_quotations
from khabar.quotes.words import OBJECT_PRONOUN_SUFFIXES, SENTENCE_END, Tok

# Cue lookups by folded word, shared across documents (the lexicon is loaded once): the words
# that hold a cue, and a bounded set of the candidate words found to hold none.
_CUE_TABLES: dict[int, tuple[dict[str, tuple[tuple[CueForm, ...], str, str]], set[str]]] = {}
_CACHE_MAX = WORD_CACHE_SIZE
_CUE_PREFIXES = ("", "و", "ف", "ل", "ول", "فل")
TOKEN_START, _NORM = attrgetter("start"), attrgetter("norm")  # keys for bisection and maps
_LINE_OR_STOP = re.compile(r"[\n.!?؟]")
_QUOTATION_ORDER = attrgetter("start")
_NO_CUE: tuple[tuple[CueForm, ...], str, str] = ((), "", "")


class Context:
    """The tokens, sentences and quotations of one document with the lookups the rules need."""

    def __init__(self, doc: Document, source: Sequence[Tok | Token], quotations: list[Quotation], lexicon: Lexicon):
        """``source``: the text stage's tokens (or tokens from ``words.tokenize_words``)."""
        self.doc, self.lex = doc, lexicon
        self._stops: list[int] = []
        self.text = text = doc.text
        # Column-wise, in C-level maps where possible: line breaks before each token, sentence ids
        # (a new one after . ! ? or a line break) and the cue lookups of the words, memoized by
        # folded form across documents.
        self.toks = toks = source if isinstance(source, list) else list(source)
        n = len(toks)
        self.nl = nl = [False] * n
        breaks = [False] * n
        self.starts = starts = list(map(TOKEN_START, toks))
        for match in _LINE_OR_STOP.finditer(text):
            pos = match.start()
            k = bisect_left(starts, pos)
            if text[pos] == "\n":
                if 0 < k < n:
                    nl[k] = breaks[k] = True
            elif k + 1 < n and starts[k] == pos and toks[k].text in SENTENCE_END:
                breaks[k + 1] = True
        self.sent = list(accumulate(breaks))
        norms = list(map(_NORM, toks))
        words = set(norms)
        positive, negative = _cue_tables(lexicon)
        # Only the words that may hold a cue (a C-level set intersection) are looked up, once.
        candidates = words.intersection(_surface_forms(lexicon))
        missing = candidates.difference(positive).difference(negative)
        if missing:
            if len(negative) > _CACHE_MAX:
                negative.clear()
            for norm in missing:
                found = self._lookup_cue(norm)
                if found[0]:
                    positive[norm] = found
                else:
                    negative.add(norm)
        cue_norms = candidates.intersection(positive)
        self.cue_at = {k: positive[norms[k]] for k in compress(range(n), map(cue_norms.__contains__, norms))}
        # Entity mentions sorted by start, for overlap queries by bisection.
        self._mentions = sorted((m.start, m.end, ei, mi, e) for ei, e in enumerate(doc.entities)
                                for mi, m in enumerate(e.mentions))
        self._m_starts = [m[0] for m in self._mentions]
        self._m_maxend = list(accumulate((m[1] for m in self._mentions), max))
        self.quotations = repair_quotations(doc, toks, quotations, self.is_speech_verb)
        self.quotations.sort(key=_QUOTATION_ORDER)  # stable: the text core's order is kept on ties
        self.quote_starts = [q.start for q in self.quotations]
        self.open_at = {q.start: q for q in self.quotations}
        self.close_at = {q.end: q for q in self.quotations if q.closed}

    def is_speech_verb(self, tok: Tok) -> bool:
        forms = self.cue_forms(tok)[0]  # third person only: a quoted speaker may narrate (سألت كيري:)
        return any(f.type in ("verb", "participle") for f in forms) and all(f.person == 3 for f in forms)

    def newline_between(self, a: int, b: int) -> bool:
        if b == a + 1:
            return self.nl[b]
        return "\n" in self.text[self.toks[a].end:self.toks[b].start]

    def mention_in(self, start: int, end: int) -> bool:
        """Some entity mention overlaps [start, end)."""
        hi = bisect_left(self._m_starts, end)
        return hi > 0 and self._m_maxend[hi - 1] > start

    def entity_at(self, start: int, end: int) -> Entity | None:
        """As ``Document.entity_at`` (the entity whose mention overlaps [start, end) the most, the
        first in document order on a tie), by bisection over the sorted mentions."""
        best: tuple[int, int, int] | None = None
        found: Entity | None = None
        k = bisect_left(self._m_starts, end) - 1
        while k >= 0 and self._m_maxend[k] > start:
            m_start, m_end, ei, mi, entity = self._mentions[k]
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or (-overlap, ei, mi) < best):
                best, found = (-overlap, ei, mi), entity
            k -= 1
        return found

    def mentions_starting_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) of the mentions starting in [start, end), in document order."""
        lo, hi = bisect_left(self._m_starts, start), bisect_left(self._m_starts, end)
        return [(m[0], m[1], m[4]) for m in sorted(self._mentions[lo:hi], key=lambda m: (m[2], m[3]))]

    def mention_starting_in(self, start: int, end: int) -> bool:
        lo = bisect_left(self._m_starts, start)
        return lo < len(self._m_starts) and self._m_starts[lo] < end

    def cue_forms(self, tok: Tok) -> tuple[tuple[CueForm, ...], str, str]:
        return _cue_tables(self.lex)[0].get(tok.norm, _NO_CUE)

    def _lookup_cue(self, norm: str) -> tuple[tuple[CueForm, ...], str, str]:
        for prefix in _CUE_PREFIXES:
            if not norm.startswith(prefix):
                continue
            rest = norm[len(prefix):]
            forms = self.lex.lookup(rest)
            if prefix.endswith("ل"):
                forms = tuple(f for f in forms if f.person == 1 or f.reply)
            if forms:
                return forms, prefix, ""
            for suffix in OBJECT_PRONOUN_SUFFIXES:
                if rest.endswith(suffix) and len(rest) > len(suffix) + 2:
                    forms = tuple(f for f in self.lex.lookup(rest[: -len(suffix)]) if f.takes_object)
                    if forms:
                        return forms, prefix, suffix
        return (), "", ""


def _cue_tables(lexicon: Lexicon) -> tuple[dict[str, tuple[tuple[CueForm, ...], str, str]], set[str]]:
    tables = _CUE_TABLES.get(id(lexicon))
    if tables is None:
        tables = _CUE_TABLES[id(lexicon)] = ({}, set())
    return tables


_SURFACE: dict[int, frozenset[str]] = {}


def _surface_forms(lexicon: Lexicon) -> frozenset[str]:
    """Every folded word that may hold a cue (clitic + form + object pronoun): a quick reject."""
    found = _SURFACE.get(id(lexicon))
    if found is None:
        found = _SURFACE[id(lexicon)] = frozenset(
            prefix + form + suffix for form in lexicon.cues for prefix in _CUE_PREFIXES
            for suffix in ("", *OBJECT_PRONOUN_SUFFIXES))
    return found
