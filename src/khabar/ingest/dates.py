"""Publication-date metadata to ISO ``YYYY-MM-DD`` (feeds, JSON exports, HTML metadata)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T|\s|$)")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_published(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD`` when it is a recognisable date, else None.

    Accepts ISO dates and datetimes ("2015-07-21 02:51:35", "2016-10-25T10:00:00Z"), day-first
    numeric dates ("25/10/2016"), RFC 822 dates used by RSS ("Tue, 25 Oct 2016 10:00:00 GMT"),
    Unix timestamps, ``date``/``datetime`` objects and, as a last resort, ``dateparser``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.translate(_ARABIC_DIGITS).strip()
    if not text or len(text) > 100:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    match = _DMY.match(text)
    if match:
        return _valid(int(match[3]), int(match[2]), int(match[1]))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if not any(ch.isdigit() for ch in text):
        return None  # a publication date always has a day or a year
    try:
        import dateparser  # slow to import: only for unusual formats
    except ImportError:
        return None
    parsed = dateparser.parse(text, settings={"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"})
    return parsed.date().isoformat() if parsed else None
