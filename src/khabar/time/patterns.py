"""The regular expressions of Arabic date expressions, grouped by the anchor each one needs.

Every pattern runs on the normalized text (``time.scan.fast_normalize``: digits folded to ASCII,
hamza/ta marbuta folded). A single-letter proclitic (و ف ب ل ك) in front of an expression is left
out of its ``span`` group. ``GROUPS`` maps an anchor kind of ``time.scan`` (a month name, weekday,
relative day, period noun, duration unit, four-digit year ...) to the patterns that can only match
around such an anchor, in the order they run; ``time.rules`` runs them, ``time.interpret`` reads
their matches.
"""

from __future__ import annotations

import re

from khabar.time import periods
from khabar.time import tables as t
from khabar.time.pieces import (
    ALT_MONTH,
    DAY,
    ERA,
    GM,
    HM,
    PRE,
    REL,
    WD,
    WD_LEAD,
    YEAR,
    YEAR_LEAD,
)
from khabar.time.scan import alternation

__all__ = ["GROUPS"]


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
GROUPS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern in _PATTERNS:
    GROUPS.setdefault(_ANCHOR_OF[_kind], []).append((_kind, _pattern))
for _kind, _group, _pattern in periods.PATTERNS:
    GROUPS.setdefault(_group, []).append((_kind, _pattern))
