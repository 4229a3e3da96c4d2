"""Shared pieces of the date rules: the parsed-match type and the regular-expression fragments
(month names, weekdays, eras, years) that ``time.rules`` and ``time.periods`` build on. All
fragments match the normalized text (``time.scan.fast_normalize``)."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.time import tables as t
from khabar.time.scan import alternation


@dataclass(slots=True)
class DateMatch:
    """One date expression found in the text, parsed but not yet resolved."""

    start: int
    end: int
    kind: str  # absolute | weekday | relative_day | period | offset | month_relative | month_in_year |
    # year_part | month_week | skip
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"
    weekday: int | None = None
    direction: str | None = None  # past | future | current | since
    offset: int | None = None  # days for relative_day, count for offset, index for year_part/month_week
    unit: str | None = None  # day | week | month | year | quarter | half
    qualifier: str | None = None


GM = alternation(t.GREGORIAN_MONTHS)
HM = alternation(t.HIJRI_MONTHS)
WD = alternation(t.WEEKDAYS)
REL = alternation(t.PAST | t.FUTURE | t.CURRENT - {"هذا", "هذه"})
ERA = alternation(t.HIJRI_ERAS | t.GREGORIAN_ERAS)
YEAR = rf"(?P<year>\d{{4}})(?:\s*(?P<era>{ERA})(?!\w))?(?!\d)"
YEAR_LEAD = r"\s*[,،]?\s*(?:من\s+)?(?:(?:عام|سنه|العام)\s+)?"
# A second name for the same month: "يوليو (تموز)", "تموز/يوليو", Reuters' "فبراير شباط".
ALT_MONTH = rf"(?:\s*[(/]\s*{GM}\s*\)?|\s+{GM}(?!\w))?"
DAY = r"(?P<day>[0-3]?\d)(?!\d)"
PRE = r"(?<!\w)(?:[وفبلك]{1,2})?"
# A weekday written just before a full date is part of its span: "يوم الاثنين 19/9/1436هـ" (the
# word يوم alone is not: "يوم 8-11-1436" -> "8-11-1436").
WD_LEAD = rf"(?:(?:يوم\s+)?(?P<wd>{WD})\s*[,،]?\s*)?"

DIRECTION: dict[str, str] = {**{w: "past" for w in t.PAST}, **{w: "future" for w in t.FUTURE},
                             **{w: "current" for w in t.CURRENT}}


def year_of(year: str, era: str | None) -> tuple[int, str]:
    """The year and its calendar: an era decides; without one, 1380-1470 is read as a Hijri year
    (Gulf papers write "عام 1436" for 2015)."""
    value = int(year)
    if era in t.HIJRI_ERAS:
        return value, "hijri"
    if era in t.GREGORIAN_ERAS:
        return value, "gregorian"
    return value, ("hijri" if 1380 <= value <= 1470 else "gregorian")
