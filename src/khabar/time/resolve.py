"""Resolve parsed date expressions to ISO values against the publication date.

Value formats: ``YYYY-MM-DD`` (precision ``day``), ``YYYY-MM`` (``month``), ``YYYY`` (``year``),
``YYYY-Www`` (``week``, the ISO week containing the referenced day), ``YYYY-Qn`` (``quarter``),
``YYYY-Hn`` (``half``).

Conventions (news reading):
- a bare weekday ("يوم الإثنين") is the most recent such day on or before the publication date
  (the publication day itself when it is that weekday); "الماضي" is strictly before it; "المقبل"/
  "القادم" strictly after it.
- "قبل/منذ N أيام|أسابيع|أشهر|سنوات" is the publication date minus N units, with the unit's precision;
  "بعد N ..." adds them. A qualifier ("منذ أكثر من أسبوع") keeps the same value: the bound it names,
  and the qualifier is reported beside the value.
- a month name without a year ("شهر أكتوبر", "26 أكتوبر", "شهر رمضان") takes the occurrence closest
  to the publication date (previous, same or next year of its calendar); "أكتوبر الماضي" is the
  latest October before the publication month, "أكتوبر المقبل" the next one after it; after منذ
  ("منذ ديسمبر") the latest one not after the publication date.
- a Hijri date converts to its Gregorian day (Umm al-Qura); a Hijri month to the Gregorian month of
  its 15th day; a Hijri year to the Gregorian year of its 1 Rajab (mid-year).
Expressions that need the publication date keep ``value=None`` when it is unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from khabar.time.hijri import (
    add_days,
    add_months,
    gregorian_to_hijri_year,
    hijri_month_to_gregorian,
    hijri_to_gregorian,
    hijri_year_to_gregorian,
)
from khabar.time.rules import DateMatch

RELATIVE_KINDS = frozenset({"weekday", "relative_day", "period", "offset", "month_relative", "weekday_dm",
                            "month_in_year", "day_of_month"})


def parse_published(value: str | None) -> date | None:
    """The publication day from an ISO date or datetime string; None when missing or malformed."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def needs_anchor(match: DateMatch) -> bool:
    """Whether the expression can only be resolved with a publication date."""
    if match.kind in ("year_part", "month_week"):
        return match.year is None
    if match.kind in RELATIVE_KINDS:
        return True
    return match.kind == "absolute" and match.year is None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _format(day: date | None, precision: str) -> str | None:
    if day is None:
        return None
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        return iso_week(day)
    return f"{day.year:04d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(match: DateMatch, anchor: date | None) -> tuple[str | None, str]:
    precision = "day" if match.day else "month" if match.month else "year"
    year = match.year
    if match.calendar == "hijri":
        if year is None:
            if anchor is None:
                return None, precision
            year = _closest_year(anchor, gregorian_to_hijri_year(anchor),
                                 lambda y: hijri_to_gregorian(y, match.month or 1, match.day or 15))
        if match.day and match.month:
            return _format(hijri_to_gregorian(year, match.month, match.day), "day"), "day"
        if match.month:
            return _format(hijri_month_to_gregorian(year, match.month), "month"), "month"
        return _format(hijri_year_to_gregorian(year), "year"), "year"
    if year is None:
        if anchor is None:
            return None, precision
        year = _yearless_year(match, anchor)
    return _format(_safe_date(year, match.month or 1, match.day or 1), precision), precision


# How far ahead of the publication date a yearless date may be read in the coming year without a
# future marker ("يبدأ في 20 أغسطس"); beyond it, news reports the past ("في 15 نوفمبر" = last November).
NEAR_FUTURE_DAYS = {"day": 45, "month": 75}


def _yearless_year(match: DateMatch, anchor: date) -> int:
    """The year of a Gregorian day or month written without one: the occurrence whose weekday agrees
    with a weekday written next to it; else the next occurrence after a future marker; else the
    latest one not after publication, unless the next one is near (``NEAR_FUTURE_DAYS``)."""
    month, day = match.month or 1, match.day
    options = [(y, d) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := _safe_date(y, month, day or 15)) is not None]
    if not options:
        return anchor.year
    if match.weekday is not None and day:
        agreeing = [option for option in options if option[1].weekday() == match.weekday]
        if agreeing:
            return min(agreeing, key=lambda o: abs((o[1] - anchor).days))[0]
    if day is None:  # a month: the publication month counts as "not after"
        options = [(y, d.replace(day=1)) for y, d in options]
        anchor = anchor.replace(day=1)
    past = [o for o in options if o[1] <= anchor]
    future = [o for o in options if o[1] > anchor]
    upcoming = [o for o in options if o[1] >= anchor]  # "ستقام من 6 إلى 15 أغسطس" published on 6 August
    if match.direction == "future" and upcoming:
        return upcoming[0][0]
    if future and (not past or (future[0][1] - anchor).days <= NEAR_FUTURE_DAYS["day" if day else "month"]):
        return future[0][0]
    return past[-1][0]


def _closest_year(anchor: date, year: int, to_date: Callable[[int], date | None]) -> int:
    """Of ``year - 1, year, year + 1``, the one whose date is closest to the publication date."""
    best, best_distance = year, None
    for candidate in (year - 1, year, year + 1):
        day = to_date(candidate)
        if day is not None and (best_distance is None or abs((day - anchor).days) < best_distance):
            best, best_distance = candidate, abs((day - anchor).days)
    return best


def _shift(anchor: date, unit: str, count: int) -> date | None:
    if unit == "day":
        return add_days(anchor, count)
    if unit == "week":
        return add_days(anchor, 7 * count)
    if unit == "month":
        return add_months(anchor, count)
    try:
        return anchor.replace(year=anchor.year + count, day=min(anchor.day, 28))
    except ValueError:
        return None


def resolve(match: DateMatch, anchor: date | None) -> tuple[str | None, str]:
    """``(value, precision)`` of one expression; value is None when it cannot be placed."""
    if match.kind == "absolute":
        return _absolute(match, anchor)
    if match.kind == "year_part":
        return _year_part(match, anchor)
    if match.kind == "month_week":
        return _month_week(match, anchor), "week"
    if match.kind == "day_of_month":  # "15 من الشهر الماضي", "يوم 20 الجاري"
        if anchor is None:
            return None, "day"
        month = add_months(anchor.replace(day=1), match.offset or 0)
        return _format(_safe_date(month.year, month.month, match.day or 1), "day"), "day"
    if match.kind == "relative_day":
        day = add_days(anchor, match.offset or 0) if anchor else None
        if day is not None and match.weekday is not None and day.weekday() != match.weekday:
            # "اليوم السبت" in an article dated Tuesday: the text was written earlier than the
            # publication date says; the named weekday wins (its latest occurrence before).
            day = day - timedelta(days=(day.weekday() - match.weekday) % 7)
        return _format(day, "day"), "day"
    if match.kind == "weekday_dm":
        return _weekday_day_month(match, anchor), "day"
    if match.kind == "weekday":
        if anchor is None or match.weekday is None:
            return None, "day"
        if match.direction == "future":
            delta = (match.weekday - anchor.weekday()) % 7 or 7
            return _format(anchor + timedelta(days=delta), "day"), "day"
        back = (anchor.weekday() - match.weekday) % 7
        if back == 0 and match.direction == "past":
            back = 7
        return _format(anchor - timedelta(days=back), "day"), "day"
    unit = match.unit or "day"
    if anchor is None:
        if match.kind == "month_relative":
            return None, "day" if match.day else "month"
        return None, unit
    if match.kind == "period":
        step = {"past": -1, "future": 1}.get(match.direction or "", 0)
        return _format(_shift(anchor, unit, step), unit), unit
    if match.kind == "offset":
        count = match.offset or 1
        return _format(_shift(anchor, unit, -count if match.direction == "past" else count), unit), unit
    if match.kind == "month_in_year" and match.month:  # "يونيو من العام الحالي"
        day = _safe_date(anchor.year + (match.offset or 0), match.month, match.day or 1)
        return _format(day, "day" if match.day else "month"), "day" if match.day else "month"
    if match.kind == "month_relative" and match.month and match.calendar == "hijri":
        if match.day and match.direction in ("future", "past"):  # "يوم الأحد 10 شوال القادم"
            base = gregorian_to_hijri_year(anchor)
            options = [d for y in (base - 1, base, base + 1)
                       if (d := hijri_to_gregorian(y, match.month, match.day)) is not None]
            if match.direction == "future":
                chosen = min((d for d in options if d > anchor), default=None)
            else:
                chosen = max((d for d in options if d < anchor), default=None)
            return _format(chosen, "day"), "day"
        if match.day:  # "العاشر من شهر ذي القعدة الجاري"
            year = _hijri_relative_year(match.month, match.direction, anchor)
            day = hijri_to_gregorian(year, match.month, match.day) if year is not None else None
            return _format(day, "day"), "day"
        return _hijri_month_relative(match.month, match.direction, anchor), "month"
    if match.kind == "month_relative" and match.month:
        year = anchor.year
        if match.day:  # "30 يونيو الماضي": the latest such day before (or next after) publication
            if match.direction == "past" and (match.month, match.day) >= (anchor.month, anchor.day):
                year -= 1
            elif match.direction == "future" and (match.month, match.day) <= (anchor.month, anchor.day):
                year += 1
            elif match.direction == "since" and (match.month, match.day) > (anchor.month, anchor.day):
                year -= 1
            return _format(_safe_date(year, match.month, match.day), "day"), "day"
        if match.direction == "past" and match.month >= anchor.month:
            year -= 1
        elif match.direction == "future" and match.month <= anchor.month:
            year += 1
        elif match.direction == "since" and match.month > anchor.month:
            year -= 1
        return _format(_safe_date(year, match.month, 1), "month"), "month"
    return None, unit


def _hijri_month_relative(month: int, direction: str | None, anchor: date) -> str | None:
    """"ذي القعدة المقبل": the next (or last, or current) occurrence of a Hijri month, as the
    Gregorian month of its 15th day."""
    year = _hijri_relative_year(month, direction, anchor)
    return _format(hijri_month_to_gregorian(year, month), "month") if year is not None else None


def _hijri_relative_year(month: int, direction: str | None, anchor: date) -> int | None:
    """The Hijri year of the occurrence of ``month`` that ``direction`` names."""
    year = gregorian_to_hijri_year(anchor)
    spans = []
    for candidate in (year - 1, year, year + 1):
        first, last = hijri_to_gregorian(candidate, month, 1), hijri_to_gregorian(candidate, month, 29)
        if first is not None and last is not None:
            spans.append((first, last, candidate))
    if not spans:
        return None
    if direction == "future":
        chosen = min((s for s in spans if s[0] > anchor), default=None, key=lambda s: s[0])
    elif direction == "past":
        chosen = max((s for s in spans if s[1] < anchor), default=None, key=lambda s: s[0])
    elif direction == "since":
        chosen = max((s for s in spans if s[0] <= anchor), default=None, key=lambda s: s[0])
    else:
        chosen = min(spans, key=lambda s: 0 if s[0] <= anchor <= s[1] else min(abs((s[0] - anchor).days),
                                                                               abs((s[1] - anchor).days)))
    return chosen[2] if chosen else None


def _year_part(match: DateMatch, anchor: date | None) -> tuple[str | None, str]:
    """"الربع الثاني من العام الجاري" -> 2015-Q2; "النصف الأول لعام 2015" -> 2015-H1; a bare quarter
    ("مقارنة بالربع الأول،") is the latest such quarter begun by the publication date."""
    unit, index = match.unit or "year", match.offset or 0
    year = match.year
    if year is not None and match.calendar == "hijri":
        start = hijri_year_to_gregorian(year)
        year = start.year if start is not None else None
    elif year is None:
        if anchor is None:
            return None, unit
        year = anchor.year + {"past": -1, "future": 1}.get(match.direction or "", 0)
        if match.direction is None and unit != "year":
            first_month = (index - 1) * (3 if unit == "quarter" else 6) + 1
            if first_month > anchor.month:
                year -= 1
    if year is None:
        return None, unit
    if unit == "quarter":
        return f"{year:04d}-Q{index}", unit
    if unit == "half":
        return f"{year:04d}-H{index}", unit
    return f"{year:04d}", "year"


def _month_week(match: DateMatch, anchor: date | None) -> str | None:
    """"الأسبوع الثاني من شهر صفر 1437": the ISO week of the month's 8th day (1st, 8th, 15th, 22nd
    for the first four weeks; the last week: the week of its last day minus three)."""
    if match.month is None:  # "الأسبوع الأول من الشهر الجاري"
        if anchor is None:
            return None
        first = add_months(anchor.replace(day=1), {"past": -1, "future": 1}.get(match.direction or "", 0))
        match = DateMatch(match.start, match.end, "month_week", first.year, first.month, None,
                          offset=match.offset)
    month = match.month or 1
    first: date | None
    if match.calendar == "hijri":
        year = match.year
        if year is None:
            if anchor is None:
                return None
            year = _hijri_relative_year(month, match.direction, anchor)
        if year is None:
            return None
        first = hijri_to_gregorian(year, month, 1)
        following = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
        last = following - timedelta(days=1) if following is not None else None
    else:
        year = match.year
        if year is None:
            if anchor is None:
                return None
            probe = DateMatch(match.start, match.end, "month_relative", None, month,
                              direction=match.direction or "current")
            value = resolve(probe, anchor)[0] if match.direction else None
            year = int(value[:4]) if value else _yearless_year(probe, anchor)
        first = _safe_date(year, month, 1)
        last = _safe_date(year + (month == 12), month % 12 + 1, 1)
        last = last - timedelta(days=1) if last is not None else None
    if first is None or last is None:
        return None
    index = match.offset or 1
    day = last - timedelta(days=3) if index == -1 else first + timedelta(days=7 * (index - 1))
    return iso_week(day)


def _weekday_day_month(match: DateMatch, anchor: date | None) -> str | None:
    """"يوم الأحد 16/12" (no year): the Gregorian or Hijri reading nearest the publication date whose
    weekday agrees; when neither or both agree, the calendar the article uses (Hijri when it names a
    Hijri month or writes هـ)."""
    if anchor is None or match.month is None or match.day is None:
        return None
    month, day = match.month, match.day
    readings: dict[str, date] = {}
    year = _closest_year(anchor, anchor.year, lambda y: _safe_date(y, month, day))
    greg = _safe_date(year, month, day)
    if greg is not None:
        readings["gregorian"] = greg
    hijri_year = _closest_year(anchor, gregorian_to_hijri_year(anchor), lambda y: hijri_to_gregorian(y, month, day))
    hijri = hijri_to_gregorian(hijri_year, month, day)
    if hijri is not None:
        readings["hijri"] = hijri
    agreeing = [name for name, value in readings.items() if value.weekday() == match.weekday]
    name = agreeing[0] if len(agreeing) == 1 else match.calendar
    return _format(readings.get(name) or next(iter(readings.values()), None), "day")
