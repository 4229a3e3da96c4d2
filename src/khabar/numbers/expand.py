"""Grow a parsed number (a ``numbers.core.Core``) into a full quantity: a range ("بين X وY",
"من X إلى Y", "10-20"), a fraction ("مليون ونصف"), a qualifier before it, a unit or a scale after
it (also after a closing parenthesis) and the noun it counts. The span conventions are those of
``numbers.extract``.
"""

from __future__ import annotations

from khabar.numbers import tables as tb
from khabar.numbers.context import (
    ADJECTIVAL,
    change_before,
    counted,
    plain_counted,
    qualifier_before,
    unit_after,
    without_proclitic,
)
from khabar.numbers.core import Core, Tok, parse_core
from khabar.numbers.found import Found, tidy
from khabar.numbers.tables import NUMBER_WORDS
from khabar.text.normalize import normalize_key

__all__ = ["expand"]

# "مليون ونصف", "3 آلاف وربع": a fraction of the last scale added.
_AND_FRACTION = {normalize_key("ونصف"): 0.5, normalize_key("وربع"): 0.25}
_BETWEEN = frozenset(normalize_key(w) for w in ("بين", "وبين"))
_FROM = frozenset(normalize_key(w) for w in ("من",))
_TO = frozenset(normalize_key(w) for w in ("إلى", "الى", "حتى"))


def _low(value: float | tuple[float, float]) -> float:
    return value[0] if isinstance(value, tuple) else value


def _high(value: float | tuple[float, float]) -> float:
    return value[1] if isinstance(value, tuple) else value


def expand(toks: list[Tok], core: Core, surfaces: dict[int, str]) -> tuple[Found, int]:
    start, end, value, nxt = core.start, toks[core.last].end, core.value, core.last + 1
    if toks[core.first].text == "واحد" and core.last > core.first and surfaces[core.first][1:2] in ("أ", "إ"):
        start += 1  # "وأحد عشر": و + أحد (folded to واحد)
    qualifier = None
    # A range: "بين X وY" or digits "X-Y".
    ranged = False
    if core.first > 0 and toks[core.first - 1].text in _BETWEEN:
        joined = _range_end(toks, nxt)
        if joined is not None:
            second, nxt = joined
            low = _low(value)
            if not core.has_scale and second.has_scale and low * second.scale <= _high(second.value):
                low *= second.scale
            value = (low, _high(second.value))
            start = toks[core.first - 1].start + (1 if toks[core.first - 1].text.startswith("و") else 0)
            if core.first > 1 and toks[core.first - 2].text == "ما":
                start = toks[core.first - 2].start
            end, ranged = toks[second.last].end, True
    if not ranged and core.first > 0 and toks[core.first - 1].text in _FROM and nxt + 1 < len(toks) \
            and toks[nxt].text in _TO and not change_before(toks, core.first - 1):
        second = parse_core(toks, nxt + 1, allow_prefix=False)
        if second is not None and _high(second.value) > _low(value):
            low = _low(value)
            if not core.has_scale and second.has_scale and low * second.scale <= _high(second.value):
                low *= second.scale
            value, ranged = (low, _high(second.value)), True
            start, end, nxt = toks[core.first - 1].start, toks[second.last].end, second.last + 1
    if not ranged and nxt + 1 < len(toks) and toks[nxt].text == "-" and toks[core.last].kind == "num":
        second_core = parse_core(toks, nxt + 1, allow_prefix=False)
        # "10-20", or spaced inside brackets: "(3 - 10) آلاف ريال"
        bracketed = core.first > 0 and toks[core.first - 1].text == "(" and second_core is not None \
            and second_core.last + 1 < len(toks) and toks[second_core.last + 1].text == ")" \
            and not (_year_like(value) and _year_like(second_core.value))  # "(1180 - 1225)": life years
        # "15 - 35 كم/ساعة": spaced, with a unit after the second end (a spaced score has none)
        spaced_unit = second_core is not None and toks[nxt + 1].kind == "num" and toks[core.first].kind == "num" \
            and (unit_after(toks, second_core.last + 1, toks[second_core.last].end) is not None
                 or plain_counted(toks, second_core.last + 1)) \
            and not (_year_like(value) or _year_like(second_core.value))
        if second_core and toks[nxt + 1].kind == "num" and _high(second_core.value) > _low(value) \
                and (toks[nxt].start == end or bracketed or spaced_unit):
            low = _low(value)  # "20-30 ألف ريال": the scale of the second end applies to the first
            if not core.has_scale and second_core.has_scale and low * second_core.scale <= _high(second_core.value):
                low *= second_core.scale
            value, end, nxt = (low, _high(second_core.value)), toks[second_core.last].end, second_core.last + 1
    if not ranged and nxt < len(toks) and toks[nxt].text in _AND_FRACTION and not isinstance(value, tuple):
        value += _AND_FRACTION[toks[nxt].text] * (core.scale if core.has_scale else 1)
        end, nxt = toks[nxt].end, nxt + 1
        if core.has_scale and nxt < len(toks) and NUMBER_WORDS.get(toks[nxt].text[2:], ("",))[0] == "scale" \
                and toks[nxt].text.startswith("ال"):
            end, nxt = toks[nxt].end, nxt + 1  # "مليون ونصف المليون"
    if not ranged:
        found_qualifier = qualifier_before(toks, core.first)
        if found_qualifier is not None:
            qualifier, start = found_qualifier
    unit = None
    # "%20": a percent sign typed before the number.
    if core.first > 0 and toks[core.first - 1].kind == "pct" and toks[core.first - 1].end == toks[core.first].start:
        unit, start = "percent", min(start, toks[core.first - 1].start)
        found_qualifier = qualifier_before(toks, core.first - 1) if qualifier is None else None
        if found_qualifier is not None:  # "أكثر من %70"
            qualifier, start = found_qualifier
    found_unit = unit_after(toks, nxt, end)
    if found_unit and unit is None:
        nxt, unit = found_unit
        end = toks[nxt - 1].end
    elif unit is None and nxt < len(toks) and (toks[nxt].text == ")" or (
            toks[nxt].text == '"' and core.first > 0 and toks[core.first - 1].text == '"')):  # «12» ألف موظف
        if isinstance(value, tuple):  # "(3 - 10) آلاف ريال": both ends take the scale
            low, unit, _ = _after_parenthesis(toks, nxt, value[0], core.has_scale)
            high, unit, nxt = _after_parenthesis(toks, nxt, value[1], core.has_scale)
            value = (low, high)
        else:
            value, unit, nxt = _after_parenthesis(toks, nxt, value, core.has_scale)
    if qualifier is None and nxt < len(toks) and toks[nxt].text == "تقريبا":
        qualifier, end, nxt = "about", toks[nxt].end, nxt + 1
    about = None
    if unit is None:
        noun_first = core.first == core.last and _low(value) in (1, 2) and core.first > 0 \
            and toks[core.first - 1].kind == "word" and not isinstance(value, tuple) \
            and toks[core.first - 1].text not in tb.NOT_COUNTED and toks[core.first].kind == "word" \
            and toks[core.first - 1].text not in NUMBER_WORDS
        if noun_first and toks[core.first].text in ADJECTIVAL:
            about = without_proclitic(surfaces[core.first - 1])  # "بفارق نقطة واحدة أمام", "لموسم واحد"
        else:
            about = counted(toks, nxt, surfaces, _high(value))
            if about is None and nxt + 1 < len(toks) and toks[nxt].text in (")", '"') \
                    and toks[nxt].start == toks[nxt - 1].end:
                about = counted(toks, nxt + 1, surfaces, _high(value))  # "(12) شخصا", «145» امرأة
            if about is None and noun_first:
                about = without_proclitic(surfaces[core.first - 1])  # "شخص واحد": the noun comes first
    result: float | list[float] = [tidy(value[0]), tidy(value[1])] if isinstance(value, tuple) else tidy(value)
    return Found(start, end, result, unit, about, qualifier), max(nxt, core.last + 1)


def _year_like(value: float | tuple[float, float]) -> bool:
    return not isinstance(value, tuple) and float(value).is_integer() and 1000 <= value <= 2100


def _after_parenthesis(toks: list[Tok], j: int, value: float, has_scale: bool) -> tuple[float, str | None, int]:
    """A scale or a unit after the closing parenthesis of a bracketed figure: "(237.273) ألف راكب"
    (value times the scale), "(5.969.428) مليون" (the figure is already complete: the scale word is
    redundant), "(100.000)ريال" (the unit). The span stays on the figure. Returns (value, unit, next)."""
    k = j + 1
    if k < len(toks) and not has_scale:
        entry = NUMBER_WORDS.get(toks[k].text)
        if entry is not None and entry[0] in ("scale", "scale_plural"):
            if value < entry[1]:
                value *= entry[1]
            k += 1
    found = unit_after(toks, k, toks[k - 1].end) if k < len(toks) else None
    if found is not None:
        return value, found[1], found[0]
    return value, None, k if k > j + 1 else j


def _range_end(toks: list[Tok], j: int) -> tuple[Core, int] | None:
    if j >= len(toks):
        return None
    if toks[j].text == "و" and j + 1 < len(toks):
        second = parse_core(toks, j + 1, allow_prefix=False)
    elif toks[j].text.startswith("و"):
        second = parse_core(toks, j, allow_prefix=True)
    else:
        return None
    if second is None:
        return None
    return second, second.last + 1
