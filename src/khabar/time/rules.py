"""Find Arabic date expressions (no resolution): regular expressions over the normalized text.

Every pattern runs on the normalized text (``time.scan.fast_normalize``: digits folded to ASCII, hamza/ta marbuta folded) and
reports a span that is mapped back to original offsets. A single-letter proclitic (و ف ب ل ك) in
front of the expression is left out of the span: "بالأمس" -> "الأمس", "ولعام 2014" -> "عام 2014".
Overlapping matches are resolved longest first.

Speed: ``time.scan`` finds, in one regular-expression pass, where a month name, weekday, relative
day, period noun, duration unit or four-digit year occurs; each pattern runs only in the small
windows around the anchors it needs (a pattern for "12 مارس" never scans text without a month name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.numbers.tables import CHANGE_STEMS, CURRENCIES, MEASURES, PERCENT_WORDS
from khabar.time import periods
from khabar.time import tables as t
from khabar.time.pieces import (
    ALT_MONTH,
    DAY,
    DIRECTION,
    ERA,
    GM,
    HM,
    PRE,
    REL,
    WD,
    WD_LEAD,
    YEAR,
    YEAR_LEAD,
    DateMatch,
    year_of,
)
from khabar.time.scan import DATE_MARGINS, Anchor, FastNormalized, alternation, scan, windows

__all__ = ["DateMatch", "find_dates", "normalized_text"]


_alt = alternation
_GM, _HM, _WD, _REL, _ERA, _YEAR, _YEAR_LEAD = GM, HM, WD, REL, ERA, YEAR, YEAR_LEAD
_ALT_MONTH, _DAY, _PRE, _WD_LEAD = ALT_MONTH, DAY, PRE, WD_LEAD

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("greg_day", re.compile(
        _PRE + rf"(?P<span>{_WD_LEAD}{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<gm>{_GM}){_ALT_MONTH}"
        rf"(?:{_YEAR_LEAD}{_YEAR}|\s+(?P<rel>{_REL}))?)(?!\w)")),
    ("greg_month", re.compile(
        _PRE + rf"(?P<span>(?:شهر\s+)?(?P<gm>{_GM}){_ALT_MONTH}{_YEAR_LEAD}{_YEAR})(?!\w)")),
    ("greg_month_rel", re.compile(
        _PRE + rf"(?P<span>(?:شهر\s+)?(?P<gm>{_GM}){_ALT_MONTH}\s+(?P<rel>{_REL}))(?!\w)")),
    ("greg_month_bare", re.compile(_PRE + rf"(?P<span>شهر\s+(?P<gm>{_GM}))(?!\w)")),
    ("greg_month_prep", re.compile(
        r"(?<!\w)(?:[وف])?" + _alt(t.MONTH_PREPOSITIONS) + rf"\s+(?P<span>(?P<gm>{_GM}){_ALT_MONTH})(?!\w)(?!\s*\d{{1,4}}(?![\d.,٫٬]))")),
    # two names of one month without a day or year: "أيار (مايو)", Reuters' "أغسطس آب"
    ("greg_month_pair", re.compile(
        _PRE + rf"(?P<span>(?:شهر\s+)?(?P<gm>{_GM})(?:\s*[(/]\s*(?P<gm2>{_GM})\s*\)|\s*[/-]\s*(?P<gm3>{_GM})|\s+(?P<gm4>{_GM}))(?:{_YEAR_LEAD}{_YEAR})?)(?!\w)")),
    ("hijri_month_rel", re.compile(_PRE + rf"(?P<span>(?:شهر\s+)?(?P<hm>{_HM})\s+(?P<rel>{_REL}))(?!\w)")),
    ("weekday_dm", re.compile(
        _PRE + rf"(?P<span>(?:يوم\s+)?(?P<wd>{_WD})\s*[,،]?\s*(?P<day>\d{{1,2}})\s?/\s?(?P<month>\d{{1,2}}))"
        r"(?!\d|\s?/)")),
    ("year_bare", re.compile(
        r"(?<=[\u0621-\u064a]\s)(?P<span>(?P<year>(?:199|20[0-3])\d))(?=\s*(?:[.،,:;؛)»\"]|$))")),
    ("hijri_month_bare", re.compile(_PRE + rf"(?P<span>شهر\s+(?P<hm>{_HM}))(?!\w)(?!\s*\d{{4}}(?![\d.,]))")),
    ("hijri_day", re.compile(
        _PRE + rf"(?P<span>{_WD_LEAD}{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{_HM})(?:{_YEAR_LEAD}{_YEAR}|\s+(?P<rel>{_REL}))?)"
        r"(?!\w)")),
    ("hijri_month", re.compile(_PRE + rf"(?P<span>(?:شهر\s+)?(?P<hm>{_HM}){_YEAR_LEAD}{_YEAR})(?!\w)")),
    ("numeric_dmy", re.compile(
        r"(?<![\d./A-Za-z-])(?P<span>" + _WD_LEAD + r"(?P<day>\d{1,2})\s{0,3}(?P<sep>[/.-])\s{0,3}(?P<month>\d{1,2})"
        r"\s{0,3}(?P=sep)\s{0,3}"
        + _YEAR + r")(?![\w/-])")),
    ("numeric_ymd", re.compile(
        r"(?<![\d./A-Za-z-])(?P<span>" + _WD_LEAD + r"(?P<year>\d{4})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<day>\d{1,2})(?:\s*(?P<era>" + _ERA + r"))?)(?![\w/-])")),
    # a Gregorian year marked by its era: "مواليد ١٩٩٧م", "عام 2015 ميلادية"
    ("year_gregorian", re.compile(
        r"(?<![\w/.-])(?P<span>(?P<year>(?:1[89]|20)\d\d)\s*(?P<era>" + _alt(t.GREGORIAN_ERAS) + r"))(?!\w)")),
    ("year_hijri", re.compile(
        r"(?<![\w/.-])(?P<span>(?P<year>1[34]\d\d)\s*(?P<era>" + _alt(t.HIJRI_ERAS) + r"))(?!\w)")),
    ("year_range", re.compile(
        r"(?<!\w)[وفل]?(?:(?:من|بين)\s+(?:(?:عامي|سنتي|العامين|عام|سنه)\s+)?|(?:عامي|سنتي|العامين)\s+)"
        r"(?P<span>(?P<year>(?:19|20)\d\d))(?:\s*م)?\s+(?:الي|حتي|و)\s*(?:(?:عام|سنه)\s+)?"
        r"(?P<span2>(?P<year2>(?:19|20)\d\d)(?:\s*م(?!\w))?)(?![\w%٪]|[.,٫٬]\d)")),
    # "عام 2014", "عام1435هـ" (no space), "عام .1998" (a full stop misplaced by right-to-left editing)
    ("year_noun", re.compile(_PRE + r"(?P<span>(?:سنه|عام|العام|السنه)\s*(?:\.\s*)?" + _YEAR + r")(?!\w)")),
    # a chronology line opening with its year: "1909 - استقالة رئيس الحكومة ..."
    ("year_heading", re.compile(
        r"(?:(?<=[.:؛!؟\n])|(?<=[.:؛!؟\n]\s)|^)(?P<span>(?P<year>1[5-9]\d\d|20[0-4]\d))\s*-\s+(?=[^\W\d])")),
    # an old year after a preposition, before a closing mark: "(ولد في 1871)"
    ("year_prep_old", re.compile(
        r"(?<!\w)(?:[وف])?(?:في|منذ|عام|سنه)\s+(?P<span>(?P<year>1[5-8]\d\d))(?=\s*[).،,؛:]|\s*$)")),
    # "بنفس الشهر من 2014", "الفترة نفسها من 2014": the year of a period named before
    ("year_of_period", re.compile(
        r"(?<!\w)[وفبل]?" + _alt(t.PERIOD_OF_YEAR_NOUNS) + r"(?:\s+[^\s\d]+)?\s+من\s+(?P<span>(?P<year>(?:19|20)\d\d)"
        r"(?:\s*(?P<era>" + _ERA + r")(?!\w))?)(?![\d%٪]|[.,٫٬]\d)")),
    ("year_prep", re.compile(
        r"(?<!\w)(?:[وف])?" + _alt(t.YEAR_PREPOSITIONS) + r"\s+(?P<span>(?P<year>(?:19|20)\d\d)"
        r"(?:\s*(?P<era>" + _ERA + r")(?!\w))?)(?![\d%٪]|[.,٫٬]\d)")),
    ("year_event", re.compile(
        r"(?<!\w)[وفبلك]?" + _alt(t.EVENT_NAMES) + r"(?:\s+[^\s\d.,،:;؛()]+){0,4}?\s+(?P<span>(?P<year>(?:19|20)\d\d))"
        r"(?![\w%٪]|[.,٫٬]\d|\s*[-/]\s*\d)")),
    ("weekday", re.compile(
        _PRE + rf"(?P<span>(?:(?P<yawm>يوم)\s+)?(?P<wd>{_WD})(?:\s+(?P<rel>{_REL}))?)(?!\w)")),
    ("relative_day", re.compile(
        _PRE + rf"(?P<span>(?P<rd>{_alt(t.RELATIVE_DAYS)})(?:\s*\(\s*(?P<wd>{_WD})\s*\)|\s+(?P<wd2>{_WD}))?)(?!\w)")),
    ("period", re.compile(
        _PRE + rf"(?P<span>(?:(?P<per>{_alt(t.PERIODS)})\s+(?P<rel>{_REL})|(?:هذا|هذه)\s+(?P<per2>{_alt(t.PERIODS)}))"
        r"(?:\s+(?P<pyear>(?:19|20)\d\d)(?:\s*م)?)?)(?!\w)(?![.,٫٬]\d)")),
    ("month_yrel", re.compile(
        _PRE + rf"(?P<span>(?:(?P<day>[0-3]?\d)\s+)?(?:شهر\s+)?(?P<gm>{_GM}){_ALT_MONTH}\s+(?:من\s+)?(?:العام|السنه)\s+"
        rf"(?P<rel>{_REL}))(?!\w)")),
    ("same_month", re.compile(r"(?<!\w)(?:حتي|الي|و|لغايه|ولغايه)\s*(?P<span>(?P<day>[0-3]?\d)\s+منه)(?!\w)")),
    ("season", re.compile(
        r"(?<![\w/.-])(?P<span>(?P<year>1[34]\d\d)\s*ه?\s*[-/]?\s*(?P<span2>(?P<year2>1[34]\d\d)\s*ه))(?!\w)")),
    # a fiscal or academic year of two Gregorian years: "عام 2013/2014" (neither a date nor numbers)
    ("season_g", re.compile(
        r"(?<![\w/.-])(?P<span>(?:(?:عام|العام|موسم|الموسم|للعام|لعام)\s+)?(?P<year>(?:19|20)\d\d)\s*/\s*"
        r"(?P<span2>(?P<year2>(?:19|20)\d\d)))(?![\w/%٪-]|[.,٫٬]\d)")),
    # a month and a year in digits: "تاريخ الإصدار: 05 / 2015", "3/2015م", "10/1436هـ"
    ("numeric_my", re.compile(
        r"(?<![\d./A-Za-z-])(?P<span>(?P<month>0?[1-9]|1[0-2])\s{0,2}/\s{0,2}"
        r"(?P<year>(?:19|20)\d\d|1[34]\d\d(?=\s*(?P<era>" + _alt(t.HIJRI_ERAS) + r")))"
        r"(?:\s*(?:" + _ERA + r")(?!\w))?)(?![\w/%٪-]|[.,٫٬]\d)")),
    ("year_dash", re.compile(
        r"(?<![\w/.-])(?P<span>(?P<year>(?:19|20)\d\d))\s*-\s*(?P<span2>(?P<year2>(?:19|20)\d\d))(?![\w%٪/-]|[.,٫٬]\d)")),
    ("hijri_month_prep", re.compile(
        r"(?<!\w)(?:[وف])?" + _alt(t.HIJRI_MONTH_PREPOSITIONS) + rf"\s+(?P<span>(?P<hm>{_HM}))(?!\w)(?!\s*\d)")),
    ("offset", re.compile(
        _PRE + rf"(?P<span>(?P<dir>قبل|منذ|بعد)\s+(?:(?P<q>{_alt(t.QUALIFIERS)})\s+)?"
        rf"(?:(?P<cnt>\d{{1,3}}|{_alt(t.SMALL_NUMBERS)})\s+)?(?P<unit>{_alt(t.DURATION_UNITS)})(?:\s+واحده?)?)(?!\w)(?!\s*\d)"
        r"(?!\s+(?:امس|الامس)(?!\w))")),  # "منذ يوم أمس": يوم belongs to أمس
]

_DIRECTION = DIRECTION
_WORD = re.compile(r"\w+")
# Words after a number that make it an amount, not a year: currencies, measures, percent.
_AMOUNT_WORDS = frozenset(CURRENCIES) | {w[0] for w in MEASURES} | {w[0] for w in PERCENT_WORDS} | {
    "شخص", "شخصا", "الف", "مليون", "مليار", "نقطه", "نسمه"}


_year_of = year_of


def _build(kind: str, m: re.Match[str], norm: str) -> DateMatch | None:
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
        following = _WORD.match(norm, end + 1) if norm[end:end + 1] == " " else None
        before = norm[max(0, start - 20):start].split()
        if (following and following.group().lstrip("وبل") in _AMOUNT_WORDS) or \
                (before and before[-1] in t.NOT_YEAR_BEFORE):
            return None
        return DateMatch(start, end, "absolute", int(g["year"]), None, None, "gregorian")
    if kind == "year_of_period":
        following = _WORD.match(norm, end + 1) if norm[end:end + 1] == " " else None
        if following and following.group().lstrip("وبل") in _AMOUNT_WORDS:
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
            following = _WORD.match(norm, end + 1) if end + 1 < len(norm) and norm[end] == " " else None
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


def _year_range(m: re.Match[str]) -> list[DateMatch]:
    """"من 2007 إلى 2013": two years (a span of years, not a range of counts)."""
    first, second = int(m.group("year")), int(m.group("year2"))
    if not first < second <= first + 100:
        return []
    following = _WORD.match(m.string, m.end() + 1) if m.string[m.end():m.end() + 1] == " " else None
    if following and following.group().lstrip("وبل") in _AMOUNT_WORDS:
        return []  # "من 2000 إلى 2013 ريال": amounts
    head = m.string[max(0, m.start() - 40):m.start()].split()[-3:]
    if any(w.lstrip("وفبل").removeprefix("ال").startswith(CHANGE_STEMS) for w in head):
        return []  # "ارتفع من 2000 إلى 2013": a change of a quantity
    return [DateMatch(*m.span("span"), "absolute", first, None, None, "gregorian"),
            DateMatch(*m.span("span2"), "absolute", second, None, None, "gregorian")]


def _season(m: re.Match[str]) -> list[DateMatch]:
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


def normalized_text(text: str) -> FastNormalized:
    """The normalized text with its offset map, cached: the numbers and dates stages share it."""
    return scan(text).normalized


_GATES: dict[str, re.Pattern[str]] = {"hijri": re.compile(_HM)}
# The anchor (see ``time.scan``) every match of a pattern contains: a pattern runs only in the
# windows around its own anchors. "year" is a run of four digits.
_ANCHOR_OF: dict[str, str] = {
    "greg_day": "greg", "greg_month": "greg", "greg_month_rel": "greg", "greg_month_bare": "greg",
    "greg_month_prep": "greg", "greg_month_pair": "greg", "month_yrel": "greg", "hijri_month_rel": "hijri", "hijri_month_bare": "hijri",
    "hijri_day": "hijri", "hijri_month": "hijri", "hijri_month_prep": "hijri", "weekday_dm": "wd", "weekday": "wd",
    "year_bare": "year", "numeric_dmy": "year", "numeric_ymd": "year", "numeric_my": "year", "year_hijri": "year", "year_gregorian": "year", "year_range": "year",
    "year_noun": "year", "year_prep": "year", "season": "year", "season_g": "year", "year_dash": "year", "year_event": "year",
    "year_heading": "year", "year_prep_old": "year", "year_of_period": "year",
    "same_month": "digits", "relative_day": "rel", "period": "per", "offset": "unit",
}
_GROUPS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern in _PATTERNS:
    _GROUPS.setdefault(_ANCHOR_OF[_kind], []).append((_kind, _pattern))
for _kind, _group, _pattern in periods.PATTERNS:
    _GROUPS.setdefault(_group, []).append((_kind, _pattern))


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
    for group, patterns in _GROUPS.items():
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
                        candidates.extend(_year_range(match))
                        continue
                    if kind == "season":
                        candidates.extend(_season(match))
                        continue
                    if kind == "season_g":
                        if int(match.group("year2")) - int(match.group("year")) == 1:
                            candidates.append(DateMatch(*match.span("span"), "skip"))
                        continue
                    if kind in ("two_months", "month_range"):
                        candidates.extend(periods.two_months(match))
                        continue
                    found = periods.build(kind, match, norm) if kind in periods.KINDS else _build(kind, match, norm)
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
    taken = _coordinated_years(taken, norm)
    taken = periods.join_weekdays(periods.link_ranges(_link_neighbours(taken, norm), norm), norm)
    for cand in taken:
        cand.start, cand.end = normalized.span_to_original(cand.start, cand.end)
    return tuple(taken)


_AND_YEAR = re.compile(r"\s*و\s*(?P<year>(?:19|20)\d\d)(?!\w|[.,٫٬%٪]\d|\s*[-/]\s*\d)")


def _coordinated_years(taken: list[DateMatch], norm: str) -> list[DateMatch]:
    """A year joined by و to a year date is a year too: "مونديالي 2006 و2010", "في 2012 و2014"."""
    added: list[DateMatch] = []
    for k, cand in enumerate(taken):
        if cand.kind != "absolute" or cand.year is None or cand.month is not None or cand.calendar != "gregorian":
            continue
        m = _AND_YEAR.match(norm, cand.end)
        if m is None or (k + 1 < len(taken) and taken[k + 1].start < m.end()):
            continue
        following = _WORD.match(norm, m.end() + 1) if norm[m.end():m.end() + 1] == " " else None
        year = int(m.group("year"))
        if (following and following.group().lstrip("وبل") in _AMOUNT_WORDS) or not cand.year < year <= cand.year + 60:
            continue
        added.append(DateMatch(*m.span("year"), "absolute", year, None, None, "gregorian"))
    return sorted([*taken, *added], key=lambda c: c.start) if added else taken


_COPIED = ("kind", "year", "month", "calendar", "direction", "offset", "unit")


def _link_neighbours(taken: list[DateMatch], norm: str) -> list[DateMatch]:
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
