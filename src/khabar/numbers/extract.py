"""Find number expressions in a text: cardinals, ranges, qualifiers, units and counted nouns.

Span conventions (offsets into the original text):
- the span covers the quantity: a qualifier before it ("أكثر من 50"), the number (digits and/or
  words), and a unit after it (%, بالمئة, دولار أمريكي, كيلومتر); it leaves out a proclitic glued to
  the first word ("وخمسة" -> "خمسة") and the counted noun, which goes to ``about``;
- a range "بين X وY" covers "بين" to the end of Y, value ``[low(X), high(Y)]``; a digit range
  "10-20" likewise;
- plural magnitudes are ranges: عشرات [10, 99], مئات [100, 999], آلاف [1000, 9999], مئات الآلاف
  [100000, 999999], بضعة [3, 9] (scaled by a following scale word);
- a dual noun from a short news list (قتيلين) is the number 2 about its singular (قتيل);
- ordinals (الخامس) are not cardinals and are not reported; definite cardinals (الاثنين, which is
  also Monday) are skipped; numbers inside a date span (the dates stage's business) are skipped.

This module finds where numbers start (in the windows of ``time.scan`` around digits and number
words, skipping blocked tokens), reads duals and definite cardinals, and hands every other parsed
number to ``numbers.expand``, which grows it into the full quantity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from khabar.numbers import tables as tb
from khabar.numbers.blocking import block_hamza_lookalikes, block_tokens
from khabar.numbers.core import Core, Tok, parse_core, tokenize
from khabar.numbers.expand import expand
from khabar.numbers.found import Found, tidy
from khabar.numbers.measure_words import has_measure_word_range, measure_word_ranges
from khabar.numbers.tables import NUMBER_WORDS
from khabar.text.normalize import normalize_key
from khabar.time.scan import DUAL_FORMS, NUMBER_MARGINS, Anchor, FastNormalized, scan, windows

__all__ = ["Found", "find_numbers", "tidy"]

_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")
_DUALS: dict[str, str] = DUAL_FORMS
_TWO = frozenset(normalize_key(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان"))
# Definite cardinals that follow a definite noun ("الصور العشر", "القوى الست"): units and ten only;
# definite tens after a noun are mostly ordinals ("القرن العشرين"), الواحد is "single".
_DEFINITE: dict[str, float] = {
    "ال" + word: value for word, (kind, value) in tb.NUMBER_WORDS.items()
    if kind in ("unit", "ten_word") and value > 1
}
_CANDIDATES = frozenset(tb.NUMBER_WORDS) | frozenset(_DUALS)


def _maybe_number(tok: Tok) -> bool:
    """Cheap filter before parsing: digits, or a word that is (a proclitic plus) a number word."""
    if tok.kind == "num":
        return True
    text = tok.text
    return tok.kind == "word" and (text in _CANDIDATES or text[1:] in _CANDIDATES or text[2:] in _CANDIDATES)


def find_numbers(text: str, blocked_spans: list[tuple[int, int]] | None = None) -> list[Found]:
    """Numbers of ``text`` in original offsets; ``blocked_spans`` (original offsets) are skipped.

    Only the windows of ``time.scan`` that hold a digit or a number word are tokenized and parsed."""
    if not text:
        return []
    scanned = scan(text)
    normalized = scanned.normalized
    blocked = sorted((normalized.from_original(s), normalized.from_original(e)) for s, e in blocked_spans or [])
    anchors = [a for a in scanned.anchors if ("digits" in a.kinds or "num" in a.kinds) and not _inside(a, blocked)]
    anchor_starts = [a.start for a in anchors]
    scoring = "(" in normalized.text and any(word in normalized.text for word in tb.SCORING_WORDS)
    out: list[Found] = []
    for window in windows(normalized.text, anchors, NUMBER_MARGINS):
        toks = tokenize(normalized.text, window.start, window.end)
        if toks:
            starts = anchor_starts[bisect_left(anchor_starts, window.start):bisect_left(anchor_starts, window.end)]
            out.extend(_numbers_in(toks, starts, text, normalized, blocked, scoring))
    if has_measure_word_range(normalized.text):
        out = _with_measure_words(out, normalized.text)
    for found in out:
        found.start, found.end = normalized.span_to_original(found.start, found.end)
    return out


def _with_measure_words(out: list[Found], norm: str) -> list[Found]:
    """Add the ranges written with unit nouns alone ("من متر إلى متر ونصف") that overlap nothing found."""
    added = [Found(start, end, [tidy(v) for v in value], unit)
             for start, end, value, unit in measure_word_ranges(norm)
             if not any(f.start < end and start < f.end for f in out)]
    return sorted([*out, *added], key=lambda f: f.start) if added else out


class _Surfaces(dict[int, str]):
    """Token index -> its original surface form without diacritics (computed on demand)."""

    def __init__(self, toks: list[Tok], text: str, normalized: FastNormalized) -> None:
        super().__init__()
        self.toks, self.text, self.normalized = toks, text, normalized

    def __missing__(self, key: int) -> str:
        start, end = self.normalized.span_to_original(self.toks[key].start, self.toks[key].end)
        return _HARAKAT.sub("", self.text[start:end])


def _inside(anchor: Anchor, spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (anchor.start, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= anchor.start and anchor.end <= spans[k][1]


def _numbers_in(toks: list[Tok], anchor_starts: list[int], text: str, normalized: FastNormalized,
                blocked: list[tuple[int, int]], scoring: bool = False) -> list[Found]:
    """The numbers starting at the anchor tokens of one window (``toks``)."""
    block_tokens(toks, blocked, scoring, normalized.text)
    block_hamza_lookalikes(toks, text, normalized)
    token_starts = [tok.start for tok in toks]
    candidates = []
    for start in anchor_starts:
        k = bisect_left(token_starts, start)
        if k < len(toks) and token_starts[k] == start and _maybe_number(toks[k]):
            candidates.append(k)
    surfaces = _Surfaces(toks, text, normalized)
    out: list[Found] = []
    i = 0
    for k in candidates:
        if k < i:
            continue  # inside the number found before
        i = k
        if k > 0 and toks[k - 1].kind == "num" and toks[k - 1].blocked \
                and NUMBER_WORDS.get(toks[k].text, ("",))[0] in ("scale", "scale_plural"):
            continue  # "المادة 5 ملايين": a scale after a figure that is a name or an ordinal
        core = parse_core(toks, i)
        if core is not None and core.first == core.last and _one_of(toks, core.first, surfaces):
            continue  # "أحد أفضل الموديلات", "كل واحدة من السيدات": not a count
        if core is None or _weak(toks, core):
            dual = _dual(toks, i, surfaces) or _definite(toks, i)
            if dual:
                out.append(dual[0])
                i = dual[1]
            continue
        found, i = expand(toks, core, surfaces)
        out.append(found)
    return out


_ONE_OF = frozenset({"احد", "احدي"})
_EACH = frozenset({"كل", "لكل", "بكل", "وكل"})


def _one_of(toks: list[Tok], k: int, surfaces: dict[int, str]) -> bool:
    """أحد/إحدى alone ("one of", "anyone") and واحد after كل ("each one") are not counts."""
    text = toks[k].text
    if text in _ONE_OF or (text[:1] in "وفبل" and text[1:] in _ONE_OF and surfaces[k][1:2] in ("أ", "إ")):
        return True
    return text in ("واحد", "واحده") and k > 0 and toks[k - 1].text in _EACH


def _definite(toks: list[Tok], i: int) -> tuple[Found, int] | None:
    """A definite cardinal agreeing with the definite noun before it: "الصور العشر" = 10."""
    tok = toks[i]
    value = _DEFINITE.get(tok.text)
    if value is None or tok.blocked or i == 0 or toks[i - 1].kind != "word" \
            or not toks[i - 1].text.startswith("ال"):
        return None
    if toks[i - 1].text in _DEFINITE or toks[i - 1].text in tb.ORDINALS:
        return None
    return Found(tok.start, tok.end, tidy(value)), i + 1


def _weak(toks: list[Tok], core: Core) -> bool:
    """A lone weak word (ست, خمس) with no word after it, or عشر after an ordinal, is not a number."""
    if core.first != core.last:
        return False
    if toks[core.first].text in ("عشر", "عشره") and core.first > 0 and toks[core.first - 1].text in tb.ORDINALS:
        return True
    if toks[core.first].text not in tb.WEAK_UNITS:
        return False
    nxt = toks[core.last + 1] if core.last + 1 < len(toks) else None
    return nxt is None or nxt.kind != "word"


def _dual(toks: list[Tok], i: int, surfaces: dict[int, str]) -> tuple[Found, int] | None:
    tok = toks[i]
    if tok.kind != "word" or tok.blocked:
        return None
    for prefix in ("", "و", "ب", "ل", "ف"):
        if tok.text.startswith(prefix) and tok.text[len(prefix):] in _DUALS:
            noun = _DUALS[tok.text[len(prefix):]]
            end, nxt = tok.end, i + 1
            if nxt < len(toks) and toks[nxt].text in _TWO:
                end, nxt = toks[nxt].end, nxt + 1
            return Found(tok.start + len(prefix), end, 2, None, noun), nxt
    return None
