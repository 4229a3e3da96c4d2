"""Offset-preserving Arabic normalization for matching.

The stored text is never changed. ``normalize(text)`` returns a ``NormalizedText`` whose
``text`` is the matching form and whose ``to_original`` maps any offset in it back to the
original string; ``normalize_key(s)`` is the same folding for dictionary keys (no map).

Foldings (standard Arabic IR practice, as in Larkey et al. light stemming and CAMeL Tools'
``normalize_*`` helpers): diacritics (harakat, tanwin, shadda, sukun, dagger alef) and tatweel
removed; alef with hamza/madda and alef wasla -> bare alef; alef maqsura -> ya; ta marbuta -> ha;
hamza on waw/ya -> waw/ya; Arabic-Indic and Persian digits -> ASCII; Persian kaf/ya -> Arabic;
quotation-mark and dash variants -> ASCII; zero-width and bidi controls removed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

# Characters removed entirely (diacritics U+064B..U+065F, superscript alef U+0670, tatweel U+0640,
# Quranic marks U+06D6..U+06ED, zero-width and bidi controls).
_REMOVED: frozenset[str] = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
       "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"]
)

# One-to-one character foldings (public: the date scanner folds with the same table).
FOLD: dict[str, str] = {
    "\u0622": "\u0627",  # alef madda -> alef
    "\u0623": "\u0627",  # alef hamza above -> alef
    "\u0625": "\u0627",  # alef hamza below -> alef
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0649": "\u064a",  # alef maqsura -> ya
    "\u0629": "\u0647",  # ta marbuta -> ha
    "\u0624": "\u0648",  # waw hamza -> waw
    "\u0626": "\u064a",  # ya hamza -> ya
    "\u06cc": "\u064a",  # Persian ya -> ya
    "\u06d2": "\u064a",  # yeh barree -> ya
    "\u06a9": "\u0643",  # Persian keheh -> kaf
    "\u06c1": "\u0647",  # heh goal -> ha
    "\u06d5": "\u0647",  # ae -> ha
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
for _i in range(10):
    FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian (extended Arabic-Indic) digits

_TABLE = str.maketrans({**FOLD, **{ch: None for ch in _REMOVED}})


def normalize_key(value: str) -> str:
    """Fold ``value`` to its matching form (no offset map): for lexicons and gazetteer keys."""
    return value.translate(_TABLE)


def key_set(*words: str) -> frozenset[str]:
    """The matching forms of ``words`` (``normalize_key`` of each): for word-list tables."""
    return frozenset(normalize_key(w) for w in words)


def fold_char(ch: str) -> str:
    """The matching form of one character ('' when it is removed)."""
    if ch in _REMOVED:
        return ""
    return FOLD.get(ch, ch)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized string plus the offset of each of its characters in the original."""

    text: str
    original_offsets: Sequence[int]
    original_length: int

    def to_original(self, offset: int) -> int:
        """Map an offset in the normalized text (0..len) to the original text.

        A start offset maps to its character's position; the end offset ``len(text)`` maps to the
        original length. Use ``span_to_original`` for ``[start, end)`` spans.
        """
        if offset >= len(self.original_offsets):
            return self.original_length
        return self.original_offsets[offset]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` span to the original, keeping removed marks inside it."""
        if end <= start:
            position = self.to_original(start)
            return position, position
        original_start = self.original_offsets[start]
        if end < len(self.original_offsets):
            # Removed marks (diacritics) between the span's last letter and the next kept
            # character belong to that last letter, so the span extends over them.
            original_end = self.original_offsets[end]
        else:
            original_end = self.original_length
        return original_start, original_end

    def from_original(self, offset: int) -> int:
        """The normalized offset of the first kept character at or after original ``offset``."""
        return bisect_right(self.original_offsets, offset - 1)


REMOVED_RE = re.compile("[" + "".join(sorted(_REMOVED)) + "]")


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching, keeping an exact map back to original offsets.

    Every folding is one character to one character, so offsets only shift where characters are
    removed; text without removed characters maps by identity (a ``range``, no per-character work).
    """
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return NormalizedText(folded, range(len(text)), len(text))
    removed = {match.start() for match in REMOVED_RE.finditer(text)}
    offsets = tuple(index for index in range(len(text)) if index not in removed)
    return NormalizedText(folded, offsets, len(text))


ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("\u0671\u067e\u0686\u06a4\u06af\u06cc\u06a9")


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic-script letters (0.0 for text with no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"
                 or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff")
    return arabic / len(letters)
