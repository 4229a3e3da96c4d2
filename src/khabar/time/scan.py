"""One pass over a document that finds where numbers and dates can be, so the detailed rules of
``time.rules`` and ``numbers.extract`` run only on those regions.

``fast_normalize`` folds the text like ``khabar.text.normalize.normalize`` (same table, same
offset map semantics) but keeps the map as the sorted list of removed positions instead of one
offset per character. ``scan`` then runs one compiled regular expression over the normalized text:
digit runs and the words that can start or anchor a number or a date (number words, duals, month
names, weekdays, relative days, period nouns, duration units), each with an optional proclitic.
Every hit opens a window of text around it (wide enough for the qualifiers, prepositions and
units the rules look at); overlapping windows are merged. The result is cached per text, since the
numbers and dates stages both read it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from khabar.numbers import tables as nt
from khabar.text.normalize import FOLD, REMOVED_RE, normalize_key
from khabar.time import tables as t

_FOLD_PAIRS = tuple(FOLD.items())
_DIGIT_TATWEEL = re.compile(r"(?<=[0-9\u0660-\u0669\u06f0-\u06f9])\u0640(?=[0-9\u0660-\u0669\u06f0-\u06f9])")


class FastNormalized:
    """The normalized text and its map back to the original (the ``NormalizedText`` interface)."""

    __slots__ = ("_keys", "_removed", "original_length", "text")

    def __init__(self, text: str) -> None:
        self.original_length = len(text)
        self._removed: list[int] = [m.start() for m in REMOVED_RE.finditer(text)]
        self._keys: list[int] = []
        if "\u0640" in text:  # a tatweel between digits is a dash ("1437ـ1441هـ"), not a removable stretch
            text = _DIGIT_TATWEEL.sub("-", text)
            self._removed = [m.start() for m in REMOVED_RE.finditer(text)]
        folded = REMOVED_RE.sub("", text) if self._removed else text
        for char, replacement in _FOLD_PAIRS:  # a few C-level passes: much faster than str.translate
            if char in folded:
                folded = folded.replace(char, replacement)
        self.text = folded
        if self._removed:
            # A normalized offset n maps to n plus the number of removed characters before it:
            # removed position r_k "sits" at normalized index r_k - k.
            self._keys = [r - k for k, r in enumerate(self._removed)]

    def to_original(self, offset: int) -> int:
        if offset >= len(self.text):
            return self.original_length
        return offset + bisect_right(self._keys, offset) if self._keys else offset

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            position = self.to_original(start)
            return position, position
        return self.to_original(start), self.to_original(end)

    def from_original(self, offset: int) -> int:
        return offset - bisect_left(self._removed, offset) if self._removed else offset


def fast_normalize(text: str) -> FastNormalized:
    return FastNormalized(text)


def _dual_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for noun in nt.DUAL_NOUNS:
        key = normalize_key(noun)
        stem = key[:-1] + "ت" if key.endswith("ه") else key
        for suffix in ("ين", "ان"):
            if stem + suffix not in nt.NOT_DUALS:
                forms[stem + suffix] = noun
    return forms


DUAL_FORMS: dict[str, str] = _dual_forms()

# Anchor kinds: "num" (a number word or dual), "greg", "hijri" (month names, first word), "wd"
# (weekday), "rel" (relative day), "per" (period noun), "unit" (duration unit).
_ANCHOR_WORDS: dict[str, set[str]] = {}
for _word in [*nt.NUMBER_WORDS, *DUAL_FORMS]:
    _ANCHOR_WORDS.setdefault(_word, set()).add("num")
for _word, (_kind, _value) in nt.NUMBER_WORDS.items():
    if _kind in ("unit", "ten_word"):  # definite cardinals: "القوى الست", "الصور العشر"
        _ANCHOR_WORDS.setdefault("ال" + _word, set()).add("num")
for _table, _kind in ((t.GREGORIAN_MONTHS, "greg"), (t.HIJRI_MONTHS, "hijri"), (t.WEEKDAYS, "wd"),
                      (t.RELATIVE_DAYS, "rel"), (t.PERIODS, "per"), (t.DURATION_UNITS, "unit")):
    for _phrase in _table:
        _first = _phrase.split()[-1] if _kind == "rel" else _phrase.split()[0]
        _ANCHOR_WORDS.setdefault(_first, set()).add(_kind)
        if _kind in ("greg", "hijri"):  # "ربيع الأول", "كانون الثاني": the second word too
            for _extra in _phrase.split()[1:]:
                _ANCHOR_WORDS.setdefault(_extra, set()).add(_kind)
for _word in (*t.MONTH_COUNTS, "الربع", "النصف", "الاشهر", "الشهور"):  # parts of a year: "الربع الثاني"
    _ANCHOR_WORDS.setdefault(normalize_key(_word), set()).add("part")
for _word in ("الجاري", "الحالي"):  # "يوم 20 الجاري"
    _ANCHOR_WORDS.setdefault(normalize_key(_word), set()).add("cur")
for _word in t.EVENT_NAMES:
    _ANCHOR_WORDS.setdefault(_word, set()).add("event")
_ANCHOR_WORDS.setdefault("غد", set()).add("rel")
_ANCHOR_KINDS: dict[str, frozenset[str]] = {word: frozenset(kinds) for word, kinds in _ANCHOR_WORDS.items()}
_DIGITS = frozenset({"digits"})


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """A regex for the words of a character trie: shared prefixes are factored out, so a failing
    position costs one character test instead of one test per word."""
    branches = []
    for ch in sorted(node, key=lambda c: (c == "", c)):
        if ch == "":
            continue
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def alternation(words: object) -> str:
    """One regex matching any of ``words`` (longest first; a space matches any whitespace)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):  # type: ignore[call-overload]
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(root) + ")"


# A word anchor may touch digits ("26يوليو", "الأحد10شوال": news text often drops the space).
_ANCHOR = re.compile(r"(?P<d>\d+)|(?<![^\W\d])(?:[وفبلك]{1,2})?(?P<w>" + alternation(list(_ANCHOR_WORDS))
                     + r")(?![^\W\d])")

# How far around an anchor the rules look. Dates: a weekday and a day before a month name, an era
# or a second month name after it. Numbers: qualifiers, "بين", verbs of change before; the end of
# a range, units, counted nouns, parts of the day after.
# (characters before, after) per anchor kind; e.g. a month name: "يوم الاثنين 19 من شهر" before it,
# "(كانون الثاني) من عام 2015م" after it; a duration unit: "منذ ما يزيد على ثلاثة" before it.
DATE_MARGINS: dict[str, tuple[int, int]] = {
    "greg": (40, 40), "hijri": (40, 40), "wd": (12, 35), "year": (45, 20), "digits": (15, 12),
    "rel": (15, 20), "per": (22, 25), "unit": (40, 8), "part": (20, 50), "cur": (12, 2),
}
NUMBER_MARGINS = (32, 28)


@dataclass(slots=True)
class Anchor:
    start: int
    end: int
    kinds: frozenset[str]
    long_digits: bool  # a run of 4+ digits (a year, a numeric date)


@dataclass(slots=True)
class Window:
    start: int
    end: int
    kinds: set[str]
    long_digits: bool = False


@dataclass(slots=True)
class Scan:
    normalized: FastNormalized
    anchors: list[Anchor]


def _snap_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    cut = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position))
    return cut + 1 if cut >= 0 else 0


def _snap_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    cuts = [c for c in (text.find(" ", position), text.find("\n", position)) if c >= 0]
    return min(cuts) if cuts else len(text)


@lru_cache(maxsize=4)
def scan(text: str) -> Scan:
    """The normalized text and the anchors of ``text`` (in text order)."""
    normalized = fast_normalize(text)
    anchors = []
    for match in _ANCHOR.finditer(normalized.text):
        digits = match.group("d")
        if digits is not None:
            anchors.append(Anchor(match.start(), match.end(), _DIGITS, len(digits) >= 4))
        else:
            anchors.append(Anchor(match.start(), match.end(), _ANCHOR_KINDS[match.group("w")], False))
    return Scan(normalized, anchors)


def windows(norm: str, anchors: list[Anchor], margins: tuple[int, int]) -> list[Window]:
    """The regions of ``norm`` around ``anchors`` (merged, cut at whitespace)."""
    before, after = margins
    out: list[Window] = []
    current: Window | None = None
    for anchor in anchors:
        if current is not None and anchor.start - before <= current.end:
            current.end = max(current.end, anchor.end + after)
            current.kinds |= anchor.kinds
            current.long_digits = current.long_digits or anchor.long_digits
            continue
        current = Window(anchor.start - before, anchor.end + after, set(anchor.kinds), anchor.long_digits)
        out.append(current)
    merged: list[Window] = []
    for window in out:  # snapping can make neighbours touch
        window.start, window.end = _snap_start(norm, window.start), _snap_end(norm, window.end)
        if merged and window.start <= merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, window.end)
            last.kinds |= window.kinds
            last.long_digits = last.long_digits or window.long_digits
        else:
            merged.append(window)
    return merged
