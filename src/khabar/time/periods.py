"""Date expressions built around a part of a year or of a month, and date ranges.

- parts of a year: "الربع الثاني من العام الجاري" (a quarter, ``2015-Q2``), "النصف الأول لعام 2015",
  "الأشهر الستة الأولى من العام الجاري" (a half, ``2015-H1``); "التسعة أشهر الأولى من عام 1436ه" (a
  count of months that is neither: the year, at year precision);
- a week of a month: "الأسبوع الثاني من شهر صفر 1437", "الأسبوع الأخير من شهر ذي الحجة" (the ISO
  week of the month's 1st, 8th, 15th or 22nd day; the last week: of its last day minus three);
- a day written as an ordinal word: "العاشر من شهر ذي القعدة المقبل", "الأول من صفر 1437ه";
- the first end of a range of days that shares the month and year of the second:
  "من 8 إلى 10-11-1436", "من 26-4 إلى 11-5-1437", "من 30/12 وحتى 2/1/1437", "من الثامن إلى
  العاشر من شهر ذي القعدة" (each end is its own date).
"""

from __future__ import annotations

import re

from khabar.time import tables as t
from khabar.time.pieces import (
    ALT_MONTH,
    DIRECTION,
    GM,
    HM,
    PRE,
    REL,
    YEAR,
    YEAR_LEAD,
    DateMatch,
    year_of,
)
from khabar.time.scan import alternation

_ORD = alternation(t.PART_ORDINALS)
_COUNT = alternation(t.MONTH_COUNTS)
_FIRST_LAST = alternation(t.FIRST_LAST)
_ORDINAL_DAY = alternation([*t.ORDINAL_DAYS, *(w[1:] for w in t.ORDINAL_DAYS)])  # "للعشرين" = ل + العشرين
# The year a part belongs to: "من العام الجاري", "من هذا العام", "لعام 2015م", "من عام 1436ه", "2015".
_OF_YEAR = (
    rf"(?:\s+(?:من|في|خلال)\s+|\s+ل|\s+)(?:(?:العام|السنه)\s+(?P<rel>{REL})(?:\s+(?P<pyear>\d{{4}})(?:\s*م(?!\w))?)?|(?P<this>هذا|هذه)\s+(?:العام|السنه)(?:\s+(?P<tyear>\d{{4}})(?:\s*م(?!\w))?)?"
    rf"|(?:(?:عام|العام|سنه|السنه)\s*)?{YEAR}"
    # "أرباح الربع الثاني من العام." : the year of publication (the noun ends the clause)
    r"|(?P<bare>العام|السنه)(?=\s*[،,.؛;:)]|\s*$))")
_PART = (rf"(?:(?P<quarter>الربع)|(?P<half>النصف))\s+(?P<ord>{_ORD})"
         rf"|(?:الاشهر|الشهور)\s+(?P<count>{_COUNT})\s+(?P<fl>{_FIRST_LAST})"
         rf"|(?P<count2>{_COUNT})\s+(?:اشهر|شهور)\s+(?P<fl2>{_FIRST_LAST})")

# Before the year of "الأسبوع الثاني من شهر صفر 1437" (and of a range's second end): ``YEAR_LEAD``
# without its optional comma.
_YEAR_LEAD_NO_COMMA = r"\s*(?:من\s+)?(?:(?:عام|سنه|العام)\s+)?"


def _in_both_calendars(kind: str, head: str, year_lead: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """``head`` + a Gregorian or a Hijri month (شهر optional) + a year or a relative word, optional:
    one pattern per calendar, named ``kind_g`` / ``kind_h`` and anchored on that calendar's months."""
    months = (("g", "greg", rf"(?P<gm>{GM}){ALT_MONTH}"), ("h", "hijri", rf"(?P<hm>{HM})"))
    return [(f"{kind}_{suffix}", anchor, re.compile(
        PRE + rf"(?P<span>{head}(?:شهر\s+)?{month}(?:{year_lead}{YEAR}|\s+(?P<rel>{REL}))?)(?!\w)"))
        for suffix, anchor, month in months]


PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    # (kind, anchor group of ``time.scan``, pattern)
    ("year_part", "part", re.compile(
        PRE + rf"(?P<span>(?:{_PART})(?:{_OF_YEAR}|(?=\s*[،,.؛;:)]|\s*$)))(?!\w)")),
    *_in_both_calendars("month_week", rf"الاسبوع\s+(?P<ord>{_ORD})\s+من\s+", _YEAR_LEAD_NO_COMMA),
    *_in_both_calendars("ordinal_day", rf"(?P<oday>{_ORDINAL_DAY})\s+من\s+", YEAR_LEAD),
]
PATTERNS += [
    # a day of the current, last or next month: "15 من الشهر الجاري", "الرابع من الشهر المقبل"
    ("day_of_month", "per", re.compile(
        PRE + rf"(?P<span>(?:(?P<day>[0-3]?\d)|(?P<oday>{_ORDINAL_DAY}))\s+من\s+الشهر\s+(?P<rel>{REL}))(?!\w)")),
    # "يوم 20 الجاري", "في 15 الحالي": a day of the publication month (Gulf press)
    ("day_of_month", "cur", re.compile(
        r"(?<![\w/.-])(?P<span>(?P<day>[0-3]?\d)\s+(?P<rel>الجاري|الحالي))(?!\w)")),
    # a part of the current period: "حتى نهاية العام", "منذ مطلع العام" (span: the period noun); not
    # "نهاية الأسبوع" (the weekend), "العام نفسه" (a year named before), "عطلة منتصف العام"
    ("period_part", "per", re.compile(
        r"(?<!عطله\s)(?<!اجازه\s)(?<!\w)[وفبل]?(?:نهايه|بدايه|مطلع|منتصف|اواخر|اوائل|مستهل)\s+"
        r"(?P<span>(?P<per>العام|السنه|الشهر))(?!\w)(?!\s+ال)(?!\s*\d)(?!\s+(?:نفسه|ذاته))")),
    # "الأسبوع الأول من الشهر الجاري"
    ("month_week_rel", "per", re.compile(
        PRE + rf"(?P<span>الاسبوع\s+(?P<ord>{_ORD})\s+من\s+الشهر\s+(?P<rel>{REL}))(?!\w)")),
]
# two months named together: "خلال شهري يونيو ويوليو 2015", "شهري رمضان وشوال"
_SECOND_YEAR = rf"(?:{_YEAR_LEAD_NO_COMMA}{YEAR}|\s+(?P<rel>{REL}))?"
PATTERNS += [
    ("two_months", "greg", re.compile(
        PRE + rf"(?P<span>شهري\s+(?P<gm>{GM}){ALT_MONTH})\s+(?:و\s*)(?P<span2>(?P<gm2>{GM}){ALT_MONTH}{_SECOND_YEAR})(?!\w)")),
    # a range of months sharing the year written after the second: "من يناير وحتى يونيو 2015م"
    ("month_range", "greg", re.compile(
        r"(?<!\w)(?:من|بين)\s+" + rf"(?P<span>(?:شهر\s+)?(?P<gm>{GM}){ALT_MONTH})\s+(?:الي|حتي|وحتي|ولغايه|و)\s*"
        rf"(?:شهر\s+)?(?P<span2>(?P<gm2>{GM}){ALT_MONTH}(?:{_YEAR_LEAD_NO_COMMA}{YEAR}|\s+(?P<rel>{REL})))(?!\w)")),
    ("two_months", "hijri", re.compile(
        PRE + rf"(?P<span>شهري\s+(?P<hm>{HM}))\s+(?:و\s*)(?P<span2>(?P<hm2>{HM}){_SECOND_YEAR})(?!\w)")),
]
KINDS = frozenset(kind for kind, _, _ in PATTERNS)


def two_months(m: re.Match[str]) -> list[DateMatch]:
    """"شهري يونيو ويوليو": two month dates sharing the year (or relative word) written after the second."""
    g = m.groupdict()
    year, calendar = (None, "gregorian")
    if g.get("year"):
        year, calendar = year_of(g["year"], g.get("era"))
    direction = DIRECTION.get(g.get("rel") or "")
    if g.get("gm"):
        months = [t.GREGORIAN_MONTHS[re.sub(r"\s+", " ", g[k])] for k in ("gm", "gm2")]
        calendar = "gregorian" if not g.get("era") else calendar
    else:
        months = [t.HIJRI_MONTHS[re.sub(r"\s+", " ", g[k])] for k in ("hm", "hm2")]
        calendar = "hijri"
    if months[0] == months[1]:
        return []
    out = []
    for span, month in zip(("span", "span2"), months, strict=True):
        first_year = year - 1 if year is not None and span == "span" and months[0] > months[1] else year
        kind = "month_relative" if direction else "absolute"
        out.append(DateMatch(*m.span(span), kind, first_year, month, None, calendar, direction=direction))
    return out

_MONTHS_PART = {(3, 1): ("quarter", 1), (3, -1): ("quarter", 4), (6, 1): ("half", 1), (6, -1): ("half", 2)}
_WEEKDAY_OR_DAY = frozenset(t.WEEKDAYS) | frozenset(t.ORDINAL_DAYS) | {"اليوم", "يوم"}


def _not_a_day(norm: str, start: int) -> bool:
    """Whether a definite noun before an ordinal makes it the ordinal of something else ("النصف
    الثاني من شهر رمضان", "الأسبوع الأول من"), not a day of the month; a weekday, اليوم or another
    ordinal day ("يوم الخميس الثامن والعشرين", "بين العشرين والخامس والعشرين") may come before."""
    if start == 0 or not norm[start - 1].isspace():
        return False
    before = norm[max(0, start - 25):start].split()
    if not before:
        return False
    word = before[-1]
    if word[:1] in "وفبل" and word[1:3] == "ال":
        word = word[1:]
    return word.startswith("ال") and len(word) >= 5 and word not in _WEEKDAY_OR_DAY


def _ordinal_day(word: str) -> int | None:
    key = re.sub(r"\s+", " ", word)
    return t.ORDINAL_DAYS.get(key) or t.ORDINAL_DAYS.get("ا" + key)


def build(kind: str, m: re.Match[str], norm: str) -> DateMatch | None:
    """The parsed expression of one match of ``PATTERNS`` (None when it is not a date)."""
    g = m.groupdict()
    start, end = m.span("span")
    year, calendar = (None, "gregorian")
    if g.get("year"):
        year, calendar = year_of(g["year"], g.get("era"))
        if calendar == "gregorian" and not 1800 <= year <= 2200:
            return None
    direction = DIRECTION.get(g.get("rel") or "") or ("current" if g.get("this") or g.get("bare") else None)
    if g.get("pyear") or g.get("tyear"):  # "النصف الأول من العام الحالي 2015": the year written out wins
        year, direction = int(g.get("pyear") or g["tyear"]), None
    if kind == "year_part":
        if g.get("count") or g.get("count2"):
            count = t.MONTH_COUNTS[g.get("count") or g["count2"]]
            first_last = t.FIRST_LAST[g.get("fl") or g["fl2"]]
            unit, index = _MONTHS_PART.get((count, first_last), ("year", 0))
        else:
            unit, index = ("quarter" if g.get("quarter") else "half"), t.PART_ORDINALS[g["ord"]]
            if index == -1:
                index = 4 if unit == "quarter" else 2
            if unit == "half" and index > 2:
                return None
        if year is None and direction is None and unit == "year":
            return None  # "الأشهر التسعة الأولى" of no year named
        if calendar == "hijri":
            unit, index = "year", 0  # quarters of a Hijri year are not reported as Gregorian quarters
        return DateMatch(start, end, "year_part", year, None, None, calendar, direction=direction,
                         offset=index, unit=unit)
    if kind == "month_week_rel":
        return DateMatch(start, end, "month_week", None, None, None, direction=direction,
                         offset=t.PART_ORDINALS[g["ord"]], unit="week")
    if kind == "day_of_month":
        if g.get("oday") and _not_a_day(norm, start):
            return None
        day = int(g["day"]) if g.get("day") else _ordinal_day(g["oday"])
        if day is None or not 1 <= day <= 31:
            return None
        shift = {"past": -1, "future": 1}.get(direction or "", 0)
        return DateMatch(start, end, "day_of_month", day=day, offset=shift, unit="day")
    if kind == "period_part":
        return DateMatch(start, end, "period", unit=t.PERIODS[g["per"]], direction="current")
    if kind.startswith("month_week"):
        month = t.GREGORIAN_MONTHS[re.sub(r"\s+", " ", g["gm"])] if g.get("gm") \
            else t.HIJRI_MONTHS[re.sub(r"\s+", " ", g["hm"])]
        if kind == "month_week_h":
            calendar = "hijri"
        return DateMatch(start, end, "month_week", year, month, None, calendar, direction=direction,
                         offset=t.PART_ORDINALS[g["ord"]], unit="week")
    # an ordinal day of a month
    if _not_a_day(norm, start):
        return None
    day = _ordinal_day(g["oday"])
    if day is None:
        return None
    if kind == "ordinal_day_g":
        month = t.GREGORIAN_MONTHS[re.sub(r"\s+", " ", g["gm"])]
    else:
        month, calendar = t.HIJRI_MONTHS[re.sub(r"\s+", " ", g["hm"])], "hijri"
    if direction is not None:
        return DateMatch(start, end, "month_relative", None, month, day, calendar, direction=direction)
    return DateMatch(start, end, "absolute", year, month, day, calendar)


# The first end of a range just before a date with a day: "من 8 إلى ", "من 26-4 إلى ", "من 30/12 وحتى ",
# "من الثامن إلى ", "اعتبارا من الأول وحتى ".
_RANGE_HEAD = re.compile(
    rf"(?<!\w)(?:من|بين|يومي)\s+(?P<d1>[0-3]?\d|{_ORDINAL_DAY})(?:\s*(?P<sep>[-/])\s*(?P<m1>[01]?\d))?"
    r"\s*(?:الي|حتي|وحتي|لغايه|ولغايه|و|-)\s*$")


def join_weekdays(taken: list[DateMatch], norm: str) -> list[DateMatch]:
    """A weekday written right before the date it names is one span with it: "يوم الخميس الثامن
    والعشرين من الشهر الجاري" (the date's value; the weekday is kept)."""
    out: list[DateMatch] = []
    skip = False
    for k, cand in enumerate(taken):
        if skip:
            skip = False
            continue
        following = taken[k + 1] if k + 1 < len(taken) else None
        gap = norm[cand.end:following.start] if following is not None else ""
        if cand.kind == "weekday" and cand.direction is None and following is not None \
                and following.day is not None and following.weekday is None \
                and following.kind in ("absolute", "month_relative", "day_of_month") \
                and not gap.strip(" ،,(") and gap.count("(") <= 1:
            if "(" in gap:  # "الثلاثاء (21 يوليو)": the closing bracket joins the span
                close = re.match(r"\s*\)", norm[following.end:])
                if close is None:
                    out.append(cand)
                    continue
                following.end += close.end()
            following.start, following.weekday = cand.start, cand.weekday
            skip = True
            out.append(following)
            continue
        out.append(cand)
    return out


def link_ranges(taken: list[DateMatch], norm: str) -> list[DateMatch]:
    """Add the first end of each range of days whose second end is a date in ``taken``."""
    added: list[DateMatch] = []
    previous_end = 0
    for cand in taken:
        if cand.day is not None and (cand.month is not None or cand.kind == "day_of_month") \
                and cand.kind in ("absolute", "month_relative", "day_of_month"):
            head = _RANGE_HEAD.search(norm, max(previous_end, cand.start - 30), cand.start)
            if head is not None:
                first = _first_end(head, cand)
                if first is not None:
                    added.append(first)
        previous_end = cand.end
    if not added:
        return taken
    return sorted([*taken, *added], key=lambda c: c.start)


def _first_end(head: re.Match[str], second: DateMatch) -> DateMatch | None:
    word = head.group("d1")
    day = int(word) if word.isdigit() else _ordinal_day(word)
    if second.kind == "day_of_month":
        if day is None or head.group("m1") or second.day is None or not 1 <= day < second.day:
            return None
        return DateMatch(*head.span("d1"), "day_of_month", day=day, offset=second.offset, unit="day")
    month = int(head.group("m1")) if head.group("m1") else second.month
    if day is None or month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if not head.group("m1") and second.day is not None and day >= second.day:
        return None  # "من 30 إلى 5 مايو": not one month's days
    year = second.year
    if year is not None and month > (second.month or 0):
        year -= 1  # "من 30/12 وحتى 2/1/1437": the range crosses a new year
    start, end = head.span("d1")
    if head.group("m1"):
        end = head.end("m1")
    return DateMatch(start, end, second.kind, year, month, day, second.calendar, direction=second.direction)
