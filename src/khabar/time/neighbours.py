"""Complete date matches from their neighbours, after overlaps are resolved.

A year joined by و to a year date is a year too ("في 2012 و2014"); "19 منه" takes the month of the
date before it; a weekday joined by الموافق to a date takes that date; a word before a date that
names a part of it ("أواخر", "منتصف") becomes its qualifier. Offsets are normalized ones.
"""

from __future__ import annotations

import re

from khabar.time import tables as t
from khabar.time.interpret import AMOUNT_WORDS, WORD
from khabar.time.pieces import DateMatch

__all__ = ["coordinated_years", "link_neighbours"]


_AND_YEAR = re.compile(r"\s*و\s*(?P<year>(?:19|20)\d\d)(?!\w|[.,٫٬%٪]\d|\s*[-/]\s*\d)")


def coordinated_years(taken: list[DateMatch], norm: str) -> list[DateMatch]:
    """A year joined by و to a year date is a year too: "مونديالي 2006 و2010", "في 2012 و2014"."""
    added: list[DateMatch] = []
    for k, cand in enumerate(taken):
        if cand.kind != "absolute" or cand.year is None or cand.month is not None or cand.calendar != "gregorian":
            continue
        m = _AND_YEAR.match(norm, cand.end)
        if m is None or (k + 1 < len(taken) and taken[k + 1].start < m.end()):
            continue
        following = WORD.match(norm, m.end() + 1) if norm[m.end():m.end() + 1] == " " else None
        year = int(m.group("year"))
        if (following and following.group().lstrip("وبل") in AMOUNT_WORDS) or not cand.year < year <= cand.year + 60:
            continue
        added.append(DateMatch(*m.span("year"), "absolute", year, None, None, "gregorian"))
    return sorted([*taken, *added], key=lambda c: c.start) if added else taken


_COPIED = ("kind", "year", "month", "calendar", "direction", "offset", "unit")


def link_neighbours(taken: list[DateMatch], norm: str) -> list[DateMatch]:
    """Complete expressions that lean on a neighbour: "19 منه" takes the month of the date before
    it; a weekday joined by الموافق to a date takes that date ("يوم الخميس الموافق 20 أغسطس"); a word
    before a date that names a part of it ("أواخر", "منتصف") becomes its qualifier."""
    out: list[DateMatch] = []
    for k, cand in enumerate(taken):
        if cand.kind == "same_month":
            previous = next((p for p in reversed(out) if p.month is not None and p.kind != "skip"), None)
            if previous is None or cand.start - previous.end > 80:
                continue
            day = cand.day
            for name in _COPIED:
                setattr(cand, name, getattr(previous, name))
            cand.day = day
        elif cand.kind == "weekday" and k + 1 < len(taken):
            following = taken[k + 1]
            if following.day is not None and norm[cand.end:following.start].strip(" ،,") == "الموافق":
                for name in (*_COPIED, "day"):
                    setattr(cand, name, getattr(following, name))
        before = norm[max(0, cand.start - 12):cand.start].split()
        if before and cand.qualifier is None:
            cand.qualifier = t.PART_QUALIFIERS.get(before[-1].lstrip("وف"))
        out.append(cand)
    return out
