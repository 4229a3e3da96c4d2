"""Ranges of lengths written with the unit noun alone, as in the Saudi weather bulletin ("ارتفاع
الموج من متر إلى متر ونصف", "من نصف متر إلى متر"): the singular noun is one unit, the dual two,
"ونصف" adds a half. Only ranges are read (a lone "متر" is rarely a quantity: "كل متر مربع")."""

from __future__ import annotations

import re

from khabar.text.normalize import normalize_key

# Unit nouns (normalized) -> (unit code, value of the singular); the dual is singular + "ين".
_UNITS = {normalize_key("متر"): "m", normalize_key("كيلومتر"): "km", normalize_key("ميل"): "mile"}
_NOUN = "(?:" + "|".join(_UNITS) + ")"
_END = rf"(?:نصف\s+{_NOUN}|{_NOUN}(?:ين)?(?:\s+و(?:نصف|ربع))?)"
_RANGE = re.compile(
    rf"(?<!\w)[وفب]?(?P<span>(?:من|بين)\s+(?P<a>{_END})\s+(?:الي|حتي|و)\s*(?P<b>{_END}))(?!\w)")


_HEADS = tuple(f"{head} {noun}" for head in ("من", "بين") for noun in (*_UNITS, "نصف"))


def has_measure_word_range(norm: str) -> bool:
    """A cheap test before the regular expression: "من متر", "بين نصف" ... occur in the text."""
    return ("متر" in norm or "ميل" in norm) and any(head in norm for head in _HEADS)


def _value(words: str) -> tuple[float, str]:
    parts = words.split()
    if parts[0] == "نصف":
        return 0.5, _UNITS[parts[1]]
    noun = parts[0]
    value = 1.0
    if noun not in _UNITS and noun.endswith("ين") and noun[:-2] in _UNITS:
        noun, value = noun[:-2], 2.0
    if len(parts) > 1:
        value += 0.5 if parts[1] == "ونصف" else 0.25
    return value, _UNITS[noun]


def measure_word_ranges(norm: str) -> list[tuple[int, int, list[float], str]]:
    """``(start, end, [low, high], unit)`` in normalized offsets for each range of unit nouns."""
    out = []
    for m in _RANGE.finditer(norm):
        (low, unit), (high, unit2) = _value(m.group("a")), _value(m.group("b"))
        if unit == unit2 and low < high:
            out.append((m.start("span"), m.end("span"), [low, high], unit))
    return out
