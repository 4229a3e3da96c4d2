"""Find Arabic date expressions (no resolution): regular expressions over the normalized text.

Every pattern runs on the normalized text (``time.scan.fast_normalize``: digits folded to ASCII, hamza/ta marbuta folded) and
reports a span that is mapped back to original offsets. A single-letter proclitic (و ف ب ل ك) in
front of the expression is left out of the span: "بالأمس" -> "الأمس", "ولعام 2014" -> "عام 2014".
Overlapping matches are resolved longest first.

This module runs the search: the patterns (``time.patterns``) in the windows around their anchors,
each match read by ``time.interpret``, overlaps resolved, then matches completed from their
neighbours (``time.neighbours``, ``time.periods``).

Speed: ``time.scan`` finds, in one regular-expression pass, where a month name, weekday, relative
day, period noun, duration unit or four-digit year occurs; each pattern runs only in the small
windows around the anchors it needs (a pattern for "12 مارس" never scans text without a month name).
"""

from __future__ import annotations

from functools import lru_cache

from khabar.time import periods
from khabar.time.interpret import build, season, year_range
from khabar.time.neighbours import coordinated_years, link_neighbours
from khabar.time.patterns import GROUPS
from khabar.time.pieces import DateMatch
from khabar.time.scan import DATE_MARGINS, Anchor, FastNormalized, scan, windows

__all__ = ["DateMatch", "find_dates", "normalized_text"]


def normalized_text(text: str) -> FastNormalized:
    """The normalized text with its offset map, cached: the numbers and dates stages share it."""
    return scan(text).normalized


def find_dates(text: str) -> list[DateMatch]:
    """All date expressions in ``text`` (original offsets), non-overlapping, in text order."""
    if not text:
        return []
    return [DateMatch(m.start, m.end, m.kind, m.year, m.month, m.day, m.calendar, m.weekday, m.direction, m.offset,
                      m.unit, m.qualifier) for m in _find_dates(text)]


_NEEDS_SEPARATOR = frozenset({"numeric_dmy", "numeric_ymd", "numeric_my", "season_g", "year_dash"})
# Patterns that cannot match without a given word in the text.
_NEEDS_WORD = {"two_months": "شهري", "month_week_g": "الاسبوع", "month_week_h": "الاسبوع"}


def _separators(chunk: str) -> str:
    """Which of the numeric-date separators / . - occur in ``chunk``."""
    return "".join(ch for ch in "/.-" if ch in chunk)


def _anchors_of(group: str, anchors: list[Anchor]) -> list[Anchor]:
    if group == "year":
        return [a for a in anchors if a.long_digits]
    return [a for a in anchors if group in a.kinds]


@lru_cache(maxsize=4)
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    scanned = scan(text)
    normalized = scanned.normalized
    norm = normalized.text
    has_event = any("event" in a.kinds for a in scanned.anchors)
    candidates: list[DateMatch] = []
    for group, patterns in GROUPS.items():
        if group == "digits" and "منه" not in norm:
            continue
        anchors = _anchors_of(group, scanned.anchors)
        if not anchors:
            continue
        for window in windows(norm, anchors, DATE_MARGINS[group]):
            separators = _separators(norm[window.start:window.end]) if group == "year" else ""
            for kind, pattern in patterns:
                if (kind == "year_event" and not has_event) or (kind in _NEEDS_SEPARATOR and not separators) \
                        or (kind == "year_dash" and "-" not in separators) \
                        or (kind in _NEEDS_WORD and _NEEDS_WORD[kind] not in norm):
                    continue
                for match in pattern.finditer(norm, window.start, window.end):
                    if kind in ("year_range", "year_dash"):
                        candidates.extend(year_range(match))
                        continue
                    if kind == "season":
                        candidates.extend(season(match))
                        continue
                    if kind == "season_g":
                        if int(match.group("year2")) - int(match.group("year")) == 1:
                            candidates.append(DateMatch(*match.span("span"), "skip"))
                        continue
                    if kind in ("two_months", "month_range"):
                        candidates.extend(periods.two_months(match))
                        continue
                    found = periods.build(kind, match, norm) if kind in periods.KINDS else build(kind, match, norm)
                    if found is not None:
                        candidates.append(found)
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[DateMatch] = []
    occupied = bytearray(len(norm) + 1)
    for cand in candidates:
        if not any(occupied[cand.start:cand.end]):
            taken.append(cand)
            occupied[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    taken.sort(key=lambda c: c.start)
    taken = coordinated_years(taken, norm)
    taken = periods.join_weekdays(periods.link_ranges(link_neighbours(taken, norm), norm), norm)
    for cand in taken:
        cand.start, cand.end = normalized.span_to_original(cand.start, cand.end)
    return tuple(taken)

