"""Read one date-pattern match: turn a regular-expression match of ``time.patterns`` into a
``DateMatch`` (or reject it), using the words around it in the normalized text.

``build`` checks what the pattern alone cannot (day and month in range, a year that is an amount,
"الاثنين" after a dual noun, a future or "since" marker before the date) and picks the kind of
match; ``year_range`` and ``season`` read the patterns that yield two years or a season.
"""

from __future__ import annotations

import re

from khabar.numbers.tables import CHANGE_STEMS, CURRENCIES, MEASURES, PERCENT_WORDS
from khabar.time import tables as t
from khabar.time.pieces import DIRECTION, HM, DateMatch, year_of

__all__ = ["AMOUNT_WORDS", "WORD", "build", "season", "year_range"]

_DIRECTION = DIRECTION
WORD = re.compile(r"\w+")
# Words after a number that make it an amount, not a year: currencies, measures, percent.
AMOUNT_WORDS = frozenset(CURRENCIES) | {w[0] for w in MEASURES} | {w[0] for w in PERCENT_WORDS} | {
    "شخص", "شخصا", "الف", "مليون", "مليار", "نقطه", "نسمه"}


_year_of = year_of


def build(kind: str, m: re.Match[str], norm: str) -> DateMatch | None:
    g = m.groupdict()
    start, end = m.span("span")
    year, calendar = (None, "gregorian")
    if g.get("year"):
        year, calendar = _year_of(g["year"], g.get("era"))
    if kind.startswith("greg_"):
        month = t.GREGORIAN_MONTHS[re.sub(r"\s+", " ", g["gm"])]
        if kind == "greg_month_pair":
            second = g.get("gm2") or g.get("gm3") or g.get("gm4") or ""
            if t.GREGORIAN_MONTHS[re.sub(r"\s+", " ", second)] != month:
                return None
            if year is not None:  # "مارس - آذار 2014"
                return DateMatch(start, end, "absolute", year, month, None, calendar)
            direction = "since" if _since_before(norm, start) else "current"
            return DateMatch(start, end, "month_relative", None, month, None, direction=direction)
        if re.sub(r"\s+", " ", g["gm"]) in t.AMBIGUOUS_MONTHS and kind in ("greg_month_bare", "greg_month_prep"):
            return None
        if kind == "greg_day":
            day = int(g["day"])
            if not 1 <= day <= 31:
                return None
            if g.get("rel"):  # "30 يونيو الماضي": the year follows from the publication date
                return DateMatch(start, end, "month_relative", None, month, day,
                                 direction=_DIRECTION.get(g["rel"], "current"))
            if year is None and _since_before(norm, start):
                return DateMatch(start, end, "month_relative", None, month, day, direction="since")
            weekday = t.WEEKDAYS[g["wd"]] if g.get("wd") else None
            direction = "future" if year is None and _future_before(norm, start) else None
            return DateMatch(start, end, "absolute", year, month, day, calendar, weekday, direction)
        if kind == "greg_month":
            return DateMatch(start, end, "absolute", year, month, None, calendar)
        direction = _DIRECTION.get(g.get("rel") or "", "current")
        if direction == "current" and _since_before(norm, start):
            direction = "since"  # "منذ ديسمبر": the latest December not after publication
        return DateMatch(start, end, "month_relative", None, month, None, direction=direction)
    if kind == "hijri_month_rel":
        month = t.HIJRI_MONTHS[re.sub(r"\s+", " ", g["hm"])]
        return DateMatch(start, end, "month_relative", None, month, None, "hijri",
                         direction=_DIRECTION.get(g["rel"], "current"))
    if kind == "weekday_dm":
        day, month = int(g["day"]), int(g["month"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        hijri_context = bool(_GATES["hijri"].search(norm)) or bool(_HIJRI_ERA.search(norm))
        return DateMatch(start, end, "weekday_dm", None, month, day, "hijri" if hijri_context else "gregorian",
                         weekday=t.WEEKDAYS[g["wd"]])
    if kind == "year_bare":
        before = norm[max(0, start - 30):start].split()
        if not before or before[-1] in t.NOT_YEAR_BEFORE or before[-1].startswith("ال"):
            return None
        return DateMatch(start, end, "absolute", int(g["year"]), None, None, "gregorian")
    if kind in ("hijri_day", "hijri_month", "hijri_month_bare"):
        if year is not None and not (g.get("era") in t.HIJRI_ERAS or 1300 <= year <= 1600):
            return None
        month = t.HIJRI_MONTHS[re.sub(r"\s+", " ", g["hm"])]
        day = int(g["day"]) if g.get("day") else None
        if day is not None and not 1 <= day <= 30:
            return None
        if year is None and day is None and _since_before(norm, start):
            return DateMatch(start, end, "month_relative", None, month, None, "hijri", direction="since")
        if g.get("rel"):  # "28 شعبان الجاري", "5 ذي القعدة المقبل"
            return DateMatch(start, end, "month_relative", None, month, day, "hijri",
                             weekday=t.WEEKDAYS[g["wd"]] if g.get("wd") else None,
                             direction=_DIRECTION.get(g["rel"], "current"))
        return DateMatch(start, end, "absolute", year, month, day, "hijri")
    if kind == "numeric_my":
        year, calendar = _year_of(g["year"], g.get("era"))
        return DateMatch(start, end, "absolute", year, int(g["month"]), None, calendar)
    if kind in ("numeric_dmy", "numeric_ymd"):
        day, month = int(g["day"]), int(g["month"])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if calendar == "gregorian" and not 1800 <= (year or 0) <= 2200:
            return None
        return DateMatch(start, end, "absolute", year, month, day, calendar)
    if kind == "year_event":
        following = WORD.match(norm, end + 1) if norm[end:end + 1] == " " else None
        before = norm[max(0, start - 20):start].split()
        if (following and following.group().lstrip("وبل") in AMOUNT_WORDS) or \
                (before and before[-1] in t.NOT_YEAR_BEFORE):
            return None
        return DateMatch(start, end, "absolute", int(g["year"]), None, None, "gregorian")
    if kind == "year_of_period":
        following = WORD.match(norm, end + 1) if norm[end:end + 1] == " " else None
        if following and following.group().lstrip("وبل") in AMOUNT_WORDS:
            return None
    if kind in ("year_noun", "year_prep", "year_hijri", "year_gregorian", "year_heading", "year_prep_old", "year_of_period"):
        if calendar == "gregorian" and not 1000 <= (year or 0) <= 2200:
            return None
        return DateMatch(start, end, "absolute", year, None, None, calendar)
    if kind == "weekday":
        if not g.get("yawm") and not g.get("rel") and _looks_like_dual(norm, start, g["wd"]):
            return None
        direction = _DIRECTION.get(g.get("rel") or "") or ("future" if _future_before(norm, start) else None)
        return DateMatch(start, end, "weekday", weekday=t.WEEKDAYS[g["wd"]], direction=direction)
    if kind == "relative_day":
        rd = re.sub(r"\s+", " ", g["rd"])
        if rd == "امس" and norm[m.start():start][-1:] in ("ل", "ك"):
            return None  # "لامس" (touched), "كامس": a verb or a name, not ل + أمس
        before = norm[max(0, start - 20):start].split()
        quoted = (start > 0 and norm[start - 1] in "«\"") or (end < len(norm) and norm[end] in "»\"")
        if rd == "اليوم" and (quoted or (bool(before) and before[-1].lstrip("وفبل") in t.NOT_TODAY_BEFORE)):
            return None  # the outlet "عين اليوم", the paper «اليوم», "هذا اليوم"
        if rd == "اليوم" and not (g.get("wd") or g.get("wd2")):
            following = WORD.match(norm, end + 1) if end + 1 < len(norm) and norm[end] == " " else None
            if following and following.group().startswith("ال"):
                return None  # "اليوم التالي", "اليوم الوطني": not the publication day
        weekday = g.get("wd") or g.get("wd2")
        return DateMatch(start, end, "relative_day", offset=t.RELATIVE_DAYS[rd],
                         weekday=t.WEEKDAYS[weekday] if weekday else None)
    if kind == "period":
        per = g.get("per") or g.get("per2") or ""
        direction = _DIRECTION.get(g.get("rel") or "", "current")
        if g.get("pyear"):
            if t.PERIODS[per] == "year":  # "العام الماضي 2014": the year written out wins
                return DateMatch(start, end, "absolute", int(g["pyear"]), None, None, "gregorian")
            end = m.start("pyear")
            end = len(norm[:end].rstrip()) if norm[:end].endswith(" ") else end
        return DateMatch(start, end, "period", unit=t.PERIODS[per], direction=direction)
    if kind == "month_yrel":  # "يونيو من العام الحالي": that month of the year named
        month = t.GREGORIAN_MONTHS[re.sub(r"\s+", " ", g["gm"])]
        day = int(g["day"]) if g.get("day") else None
        if day is not None and not 1 <= day <= 31:
            return None
        shift = {"past": -1, "future": 1}.get(_DIRECTION.get(g["rel"], "current"), 0)
        return DateMatch(start, end, "month_in_year", None, month, day, offset=shift)
    if kind == "same_month":  # "منذ 17 يوليو حتى 19 منه": completed from the date before it
        return DateMatch(start, end, "same_month", day=int(g["day"]))
    if kind == "hijri_month_prep":
        if re.sub(r"\s+", " ", g["hm"]) in t.AMBIGUOUS_HIJRI_MONTHS:
            return None
        month = t.HIJRI_MONTHS[re.sub(r"\s+", " ", g["hm"])]
        if _since_before(norm, start):
            return DateMatch(start, end, "month_relative", None, month, None, "hijri", direction="since")
        return DateMatch(start, end, "absolute", None, month, None, "hijri")
    if kind == "offset":
        unit, implied = t.DURATION_UNITS[g["unit"]]
        count: int | None = implied
        if g.get("cnt"):
            count = int(g["cnt"]) if g["cnt"].isdigit() else t.SMALL_NUMBERS[g["cnt"]]
        elif count is None:
            singular = g["unit"] in ("يوم", "اسبوع", "شهر", "عام", "سنه")
            if not singular:
                return None  # "قبل أيام": too vague to place
            count = 1
        direction = "future" if g["dir"] == "بعد" else "past"
        if g["dir"] != "منذ" and _EVENT_RELATIVE.match(norm, end):
            return None  # "بعد سبعة أشهر على انتهاء المهمة": counted from an event, not from publication
        qualifier = t.QUALIFIERS.get(re.sub(r"\s+", " ", g["q"])) if g.get("q") else None
        return DateMatch(start, end, "offset", offset=count, unit=unit, direction=direction, qualifier=qualifier)
    return None


def _since_before(norm: str, start: int) -> bool:
    """Whether the word before ``start`` is منذ ("since": the date is not after publication)."""
    before = norm[max(0, start - 12):start].split()
    return bool(before) and before[-1].lstrip("وف") == "منذ"


def year_range(m: re.Match[str]) -> list[DateMatch]:
    """"من 2007 إلى 2013": two years (a span of years, not a range of counts)."""
    first, second = int(m.group("year")), int(m.group("year2"))
    if not first < second <= first + 100:
        return []
    following = WORD.match(m.string, m.end() + 1) if m.string[m.end():m.end() + 1] == " " else None
    if following and following.group().lstrip("وبل") in AMOUNT_WORDS:
        return []  # "من 2000 إلى 2013 ريال": amounts
    head = m.string[max(0, m.start() - 40):m.start()].split()[-3:]
    if any(w.lstrip("وفبل").removeprefix("ال").startswith(CHANGE_STEMS) for w in head):
        return []  # "ارتفع من 2000 إلى 2013": a change of a quantity
    return [DateMatch(*m.span("span"), "absolute", first, None, None, "gregorian"),
            DateMatch(*m.span("span2"), "absolute", second, None, None, "gregorian")]


def season(m: re.Match[str]) -> list[DateMatch]:
    """"1435هـ - 1436هـ", "1437/1436هـ": a season, not a date (kept as ``skip``: no number either);
    "1437ـ1441هـ": two Hijri years."""
    first, second = int(m.group("year")), int(m.group("year2"))
    if abs(first - second) == 1:
        return [DateMatch(*m.span("span"), "skip")]
    if not first < second <= first + 30:
        return []
    return [DateMatch(*m.span("year"), "absolute", first, None, None, "hijri"),
            DateMatch(*m.span("span2"), "absolute", second, None, None, "hijri")]


_EVENT_RELATIVE = re.compile(r"\s+(?:علي|من)\s+(?!الان(?!\w))")
_HIJRI_ERA = re.compile(r"\d\s*ه(?!\w)")
_CLAUSE_END = re.compile(r"[.!?؟؛;:\n]")


def _future_before(norm: str, start: int, window: int = 6) -> bool:
    """Whether the clause before a weekday has a future marker: a verb with the prefix س
    ("ستعقد", "سيبدأ"), سوف, يعتزم, من المقرر ... ("ستعقد يوم الخميس" is the next Thursday)."""
    head = norm[max(0, start - 80):start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    for word in head[cut:].split()[-window:]:
        word = word.strip("\"'«»()،,")
        if word[:1] in ("و", "ف") and len(word) > 4 and word[1:2] == "س":
            word = word[1:]
        if word in t.FUTURE_MARKERS or word.lstrip("وف") in t.FUTURE_MARKERS:
            return True
        if len(word) >= 5 and word[0] == "س" and word[1] in "يتنا" and word not in t.NOT_FUTURE_VERBS:
            return True
    return False


def _looks_like_dual(norm: str, start: int, weekday: str) -> bool:
    """'البلدين الاثنين' ('the two countries'): الاثنين after a definite dual noun is not Monday."""
    if weekday != "الاثنين":
        return False
    before = norm[max(0, start - 30):start].split()
    return bool(before) and before[-1].startswith("ال") and before[-1].endswith(("ين", "ان")) \
        and before[-1] not in t.NOT_DUAL_NAMES


# A Hijri month name anywhere in the text: day/month digits after a weekday are then Hijri.
_GATES: dict[str, re.Pattern[str]] = {"hijri": re.compile(HM)}
