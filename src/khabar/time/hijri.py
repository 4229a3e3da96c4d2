"""Hijri <-> Gregorian conversion.

Uses ``hijridate`` (Umm al-Qura calendar, the official Saudi calendar, valid 1343-1500 AH /
1924-2077 CE). Outside that range, or when the package is missing, falls back to the arithmetic
(tabular) Islamic calendar, which can be off by a day or two from the observed calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

try:  # declared dependency; the fallback keeps the stage working without it
    from hijridate import Gregorian as _Gregorian
    from hijridate import Hijri as _Hijri
except ImportError:  # pragma: no cover
    _Gregorian = None
    _Hijri = None

_EPOCH = date(622, 7, 19).toordinal()  # 1 Muharram 1 AH (16 July 622 Julian) as proleptic Gregorian


def _tabular_to_ordinal(year: int, month: int, day: int) -> int:
    return (day + (29 * (month - 1) + (month // 2)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH - 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri date, or None when the date is impossible."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 3000):
        return None
    if _Hijri is not None:
        try:
            return _Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            if 1343 <= year <= 1500:
                return None  # in range but impossible (day 30 of a 29-day month)
    try:
        return date.fromordinal(_tabular_to_ordinal(year, month, day))
    except (ValueError, OverflowError):
        return None


def gregorian_to_hijri_year(day: date) -> int:
    """The Hijri year that contains ``day``."""
    if _Gregorian is not None:
        try:
            return _Gregorian(day.year, day.month, day.day).to_hijri().year
        except (ValueError, OverflowError):
            pass
    return int((day.toordinal() - _EPOCH) / 354.367) + 1


def hijri_year_to_gregorian(year: int) -> date | None:
    """A representative Gregorian date for a whole Hijri year: 1 Rajab (mid-year)."""
    return hijri_to_gregorian(year, 7, 1)


def hijri_month_to_gregorian(year: int, month: int) -> date | None:
    """A representative Gregorian date for a Hijri month: its 15th day."""
    return hijri_to_gregorian(year, month, 15)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return date(max(1, year), month + 1, 1)


def add_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None
