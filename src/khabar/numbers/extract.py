"""Find number expressions in a text: cardinals, ranges, qualifiers, units and counted nouns.

Span conventions (offsets into the original text):
- the span covers the quantity: a qualifier before it ("أكثر من 50"), the number (digits and/or
  words), and a unit after it (%, بالمئة, دولار أمريكي, كيلومتر); it leaves out a proclitic glued to
  the first word ("وخمسة" -> "خمسة") and the counted noun, which goes to ``about``;
- a range "بين X وY" covers "بين" to the end of Y, value ``[low(X), high(Y)]``; a digit range
  "10-20" likewise;
- plural magnitudes are ranges: عشرات [10, 99], مئات [100, 999], آلاف [1000, 9999], مئات الآلاف
  [100000, 999999], بضعة [3, 9] (scaled by a following scale word);
- a dual noun from a short news list (قتيلين) is the number 2 about its singular (قتيل);
- ordinals (الخامس) are not cardinals and are not reported; definite cardinals (الاثنين, which is
  also Monday) are skipped; numbers inside a date span (the dates stage's business) are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from khabar.numbers import tables as tb
from khabar.numbers.blocking import block_hamza_lookalikes, block_tokens
from khabar.numbers.core import Core, Tok, lookup, parse_core, tokenize
from khabar.numbers.measure_words import has_measure_word_range, measure_word_ranges
from khabar.numbers.tables import NUMBER_WORDS
from khabar.text.normalize import normalize_key
from khabar.time.scan import DUAL_FORMS, NUMBER_MARGINS, Anchor, FastNormalized, scan, windows

_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")
_DUALS: dict[str, str] = DUAL_FORMS
_QUALIFIER_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل")
# "مليون ونصف", "3 آلاف وربع": a fraction of the last scale added.
_AND_FRACTION = {normalize_key("ونصف"): 0.5, normalize_key("وربع"): 0.25}
_QUALIFIER_LAST_WORDS = frozenset(key[-1] for key in tb.QUALIFIERS)
_TWO = frozenset(normalize_key(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان"))
_BETWEEN = frozenset(normalize_key(w) for w in ("بين", "وبين"))
_FROM = frozenset(normalize_key(w) for w in ("من",))
_TO = frozenset(normalize_key(w) for w in ("إلى", "الى", "حتى"))
# Definite cardinals that follow a definite noun ("الصور العشر", "القوى الست"): units and ten only;
# definite tens after a noun are mostly ordinals ("القرن العشرين"), الواحد is "single".
_DEFINITE: dict[str, float] = {
    "ال" + word: value for word, (kind, value) in tb.NUMBER_WORDS.items()
    if kind in ("unit", "ten_word") and value > 1
}


class Found:
    """A number found in normalized offsets (mapped to the original by the caller)."""

    __slots__ = ("about", "end", "qualifier", "start", "unit", "value")

    def __init__(self, start: int, end: int, value: float | list[float], unit: str | None = None,
                 about: str | None = None, qualifier: str | None = None) -> None:
        self.start, self.end, self.value = start, end, value
        self.unit, self.about, self.qualifier = unit, about, qualifier


def tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 1e18 else round(value, 6)


def _low(value: float | tuple[float, float]) -> float:
    return value[0] if isinstance(value, tuple) else value


def _high(value: float | tuple[float, float]) -> float:
    return value[1] if isinstance(value, tuple) else value


def _by_first_word(phrases: object) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:  # type: ignore[attr-defined]
        index.setdefault(phrase[0], []).append(phrase)
    return index


_PERCENT_INDEX = _by_first_word(tb.PERCENT_WORDS)
_MEASURE_INDEX = _by_first_word(tb.MEASURES)
_CANDIDATES = frozenset(tb.NUMBER_WORDS) | frozenset(_DUALS)


def _maybe_number(tok: Tok) -> bool:
    """Cheap filter before parsing: digits, or a word that is (a proclitic plus) a number word."""
    if tok.kind == "num":
        return True
    text = tok.text
    return tok.kind == "word" and (text in _CANDIDATES or text[1:] in _CANDIDATES or text[2:] in _CANDIDATES)


def _match_words(toks: list[Tok], j: int, index: dict[str, list[tuple[str, ...]]]) -> tuple[int, tuple[str, ...]] | None:
    """The longest phrase of ``index`` starting at token ``j``: (next index, phrase)."""
    best = None
    for phrase in index.get(toks[j].text, ()):
        n = len(phrase)
        if j + n <= len(toks) and all(toks[j + k].text == phrase[k] for k in range(n)):
            if best is None or n > len(best):
                best = phrase
    return (j + len(best), best) if best else None


def _unit_after(toks: list[Tok], j: int, prev_end: int) -> tuple[int, str] | None:
    """A unit starting at token ``j``: (next index, unit)."""
    if j >= len(toks):
        return None
    tok = toks[j]
    if tok.kind == "pct" and tok.start - prev_end <= 1:
        return j + 1, "percent"
    found = _match_words(toks, j, _PERCENT_INDEX)
    if found:
        return found[0], tb.PERCENT_UNITS.get(found[1][0], "percent")
    if tok.kind != "word":
        return None
    generic = tb.CURRENCIES.get(tok.text)
    if generic:
        adjectives = tb.CURRENCY_ADJECTIVES.get(generic, {})
        if j + 1 < len(toks) and toks[j + 1].text in adjectives:
            return j + 2, adjectives[toks[j + 1].text]
        return j + 1, generic
    measure = _match_words(toks, j, _MEASURE_INDEX)
    if measure and (tb.MEASURES[measure[1]] != "point" or toks[j - 1].kind == "num"):
        return measure[0], tb.MEASURES[measure[1]]
    return None


def _counted(toks: list[Tok], j: int, norm_to_surface: dict[int, str], value: float) -> str | None:
    """The counted noun at token ``j`` (surface form), if any."""
    if j >= len(toks) or toks[j].kind != "word" or toks[j].blocked:
        return None
    tok = toks[j]
    if tok.text == "من":
        if j + 1 < len(toks) and toks[j + 1].kind == "word" and toks[j + 1].text not in tb.NOT_COUNTED \
                and lookup(toks[j + 1], True) is None:
            return norm_to_surface[j + 1]
        return None
    if tok.text in tb.NOT_COUNTED or tok.text.startswith("و") or lookup(tok, True) is not None or len(tok.text) < 2:
        return None
    surface = norm_to_surface[j]
    if value >= 11 and len(surface) > 3 and surface.endswith("ا"):
        surface = surface[:-1]  # accusative tamyiz: شخصا -> شخص
    return surface


def find_numbers(text: str, blocked_spans: list[tuple[int, int]] | None = None) -> list[Found]:
    """Numbers of ``text`` in original offsets; ``blocked_spans`` (original offsets) are skipped.

    Only the windows of ``time.scan`` that hold a digit or a number word are tokenized and parsed."""
    if not text:
        return []
    scanned = scan(text)
    normalized = scanned.normalized
    blocked = sorted((normalized.from_original(s), normalized.from_original(e)) for s, e in blocked_spans or [])
    anchors = [a for a in scanned.anchors if ("digits" in a.kinds or "num" in a.kinds) and not _inside(a, blocked)]
    anchor_starts = [a.start for a in anchors]
    scoring = "(" in normalized.text and any(word in normalized.text for word in tb.SCORING_WORDS)
    out: list[Found] = []
    for window in windows(normalized.text, anchors, NUMBER_MARGINS):
        toks = tokenize(normalized.text, window.start, window.end)
        if toks:
            starts = anchor_starts[bisect_left(anchor_starts, window.start):bisect_left(anchor_starts, window.end)]
            out.extend(_numbers_in(toks, starts, text, normalized, blocked, scoring))
    if has_measure_word_range(normalized.text):
        out = _with_measure_words(out, normalized.text)
    for found in out:
        found.start, found.end = normalized.span_to_original(found.start, found.end)
    return out


def _with_measure_words(out: list[Found], norm: str) -> list[Found]:
    """Add the ranges written with unit nouns alone ("من متر إلى متر ونصف") that overlap nothing found."""
    added = [Found(start, end, [tidy(v) for v in value], unit)
             for start, end, value, unit in measure_word_ranges(norm)
             if not any(f.start < end and start < f.end for f in out)]
    return sorted([*out, *added], key=lambda f: f.start) if added else out


class _Surfaces(dict[int, str]):
    """Token index -> its original surface form without diacritics (computed on demand)."""

    def __init__(self, toks: list[Tok], text: str, normalized: FastNormalized) -> None:
        super().__init__()
        self.toks, self.text, self.normalized = toks, text, normalized

    def __missing__(self, key: int) -> str:
        start, end = self.normalized.span_to_original(self.toks[key].start, self.toks[key].end)
        return _HARAKAT.sub("", self.text[start:end])


def _inside(anchor: Anchor, spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (anchor.start, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= anchor.start and anchor.end <= spans[k][1]


def _numbers_in(toks: list[Tok], anchor_starts: list[int], text: str, normalized: FastNormalized,
                blocked: list[tuple[int, int]], scoring: bool = False) -> list[Found]:
    """The numbers starting at the anchor tokens of one window (``toks``)."""
    block_tokens(toks, blocked, scoring, normalized.text)
    block_hamza_lookalikes(toks, text, normalized)
    token_starts = [tok.start for tok in toks]
    candidates = []
    for start in anchor_starts:
        k = bisect_left(token_starts, start)
        if k < len(toks) and token_starts[k] == start and _maybe_number(toks[k]):
            candidates.append(k)
    surfaces = _Surfaces(toks, text, normalized)
    out: list[Found] = []
    i = 0
    for k in candidates:
        if k < i:
            continue  # inside the number found before
        i = k
        if k > 0 and toks[k - 1].kind == "num" and toks[k - 1].blocked \
                and NUMBER_WORDS.get(toks[k].text, ("",))[0] in ("scale", "scale_plural"):
            continue  # "المادة 5 ملايين": a scale after a figure that is a name or an ordinal
        core = parse_core(toks, i)
        if core is not None and core.first == core.last and _one_of(toks, core.first, surfaces):
            continue  # "أحد أفضل الموديلات", "كل واحدة من السيدات": not a count
        if core is None or _weak(toks, core):
            dual = _dual(toks, i, surfaces) or _definite(toks, i)
            if dual:
                out.append(dual[0])
                i = dual[1]
            continue
        found, i = _expand(toks, core, surfaces)
        out.append(found)
    return out


_ONE_OF = frozenset({"احد", "احدي"})
_EACH = frozenset({"كل", "لكل", "بكل", "وكل"})


def _one_of(toks: list[Tok], k: int, surfaces: dict[int, str]) -> bool:
    """أحد/إحدى alone ("one of", "anyone") and واحد after كل ("each one") are not counts."""
    text = toks[k].text
    if text in _ONE_OF or (text[:1] in "وفبل" and text[1:] in _ONE_OF and surfaces[k][1:2] in ("أ", "إ")):
        return True
    return text in ("واحد", "واحده") and k > 0 and toks[k - 1].text in _EACH


def _definite(toks: list[Tok], i: int) -> tuple[Found, int] | None:
    """A definite cardinal agreeing with the definite noun before it: "الصور العشر" = 10."""
    tok = toks[i]
    value = _DEFINITE.get(tok.text)
    if value is None or tok.blocked or i == 0 or toks[i - 1].kind != "word" \
            or not toks[i - 1].text.startswith("ال"):
        return None
    if toks[i - 1].text in _DEFINITE or toks[i - 1].text in tb.ORDINALS:
        return None
    return Found(tok.start, tok.end, tidy(value)), i + 1


def _weak(toks: list[Tok], core: Core) -> bool:
    """A lone weak word (ست, خمس) with no word after it, or عشر after an ordinal, is not a number."""
    if core.first != core.last:
        return False
    if toks[core.first].text in ("عشر", "عشره") and core.first > 0 and toks[core.first - 1].text in tb.ORDINALS:
        return True
    if toks[core.first].text not in tb.WEAK_UNITS:
        return False
    nxt = toks[core.last + 1] if core.last + 1 < len(toks) else None
    return nxt is None or nxt.kind != "word"


def _dual(toks: list[Tok], i: int, surfaces: dict[int, str]) -> tuple[Found, int] | None:
    tok = toks[i]
    if tok.kind != "word" or tok.blocked:
        return None
    for prefix in ("", "و", "ب", "ل", "ف"):
        if tok.text.startswith(prefix) and tok.text[len(prefix):] in _DUALS:
            noun = _DUALS[tok.text[len(prefix):]]
            end, nxt = tok.end, i + 1
            if nxt < len(toks) and toks[nxt].text in _TWO:
                end, nxt = toks[nxt].end, nxt + 1
            return Found(tok.start + len(prefix), end, 2, None, noun), nxt
    return None


def _expand(toks: list[Tok], core: Core, surfaces: dict[int, str]) -> tuple[Found, int]:
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
            and toks[nxt].text in _TO and not _change_before(toks, core.first - 1):
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
            and (_unit_after(toks, second_core.last + 1, toks[second_core.last].end) is not None
                 or _plain_counted(toks, second_core.last + 1)) \
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
        found_qualifier = _qualifier_before(toks, core.first)
        if found_qualifier is not None:
            qualifier, start = found_qualifier
    unit = None
    # "%20": a percent sign typed before the number.
    if core.first > 0 and toks[core.first - 1].kind == "pct" and toks[core.first - 1].end == toks[core.first].start:
        unit, start = "percent", min(start, toks[core.first - 1].start)
        found_qualifier = _qualifier_before(toks, core.first - 1) if qualifier is None else None
        if found_qualifier is not None:  # "أكثر من %70"
            qualifier, start = found_qualifier
    found_unit = _unit_after(toks, nxt, end)
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
        if noun_first and toks[core.first].text in _ADJECTIVAL:
            about = _without_proclitic(surfaces[core.first - 1])  # "بفارق نقطة واحدة أمام", "لموسم واحد"
        else:
            about = _counted(toks, nxt, surfaces, _high(value))
            if about is None and nxt + 1 < len(toks) and toks[nxt].text in (")", '"') \
                    and toks[nxt].start == toks[nxt - 1].end:
                about = _counted(toks, nxt + 1, surfaces, _high(value))  # "(12) شخصا", «145» امرأة
            if about is None and noun_first:
                about = _without_proclitic(surfaces[core.first - 1])  # "شخص واحد": the noun comes first
    result: float | list[float] = [tidy(value[0]), tidy(value[1])] if isinstance(value, tuple) else tidy(value)
    return Found(start, end, result, unit, about, qualifier), max(nxt, core.last + 1)


# One and two written after the noun they agree with ("نقطة واحدة", "لموسم واحد").
_ADJECTIVAL = frozenset(normalize_key(w) for w in ("واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين"))


def _without_proclitic(word: str) -> str:
    """"لموسم" -> "موسم", "بالفريق" -> "الفريق": a proclitic ب/ل/و/ف taken off a long enough word."""
    if word[:3] in ("بال", "وال", "فال") or word[:2] == "لل":
        return "ال" + word[3:] if word[:2] != "لل" else "ال" + word[2:]
    if word[:1] in "بلوف" and len(word) >= 5:
        return word[1:]
    return word


def _plain_counted(toks: list[Tok], j: int) -> bool:
    """An indefinite counted noun at ``j`` ("5 - 6 أشخاص"; not "1 - 3 الهلال", a score)."""
    if j >= len(toks) or toks[j].kind != "word" or toks[j].blocked:
        return False
    word = toks[j].text
    return len(word) > 2 and not word.startswith(("ال", "و")) and word not in tb.NOT_COUNTED \
        and word not in NUMBER_WORDS


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
    found = _unit_after(toks, k, toks[k - 1].end) if k < len(toks) else None
    if found is not None:
        return value, found[1], found[0]
    return value, None, k if k > j + 1 else j


def _qualifier_before(toks: list[Tok], first: int) -> tuple[str, int] | None:
    """A qualifier ending just before token ``first`` ("أكثر من", "ما يزيد عن"), possibly glued to
    a proclitic of one or two letters ("وأكثر من", "بأكثر من", "وبما يزيد عن"), which is left out:
    (qualifier, normalized start)."""
    if first == 0:
        return None
    if toks[first - 1].text == "ال" and first > 1:  # "ما يقارب الـ100", "نحو الـ80000"
        return _qualifier_before(toks, first - 1)
    last = toks[first - 1].text
    if last not in _QUALIFIER_LAST_WORDS and not any(
            last.startswith(p) and last[len(p):] in _QUALIFIER_LAST_WORDS for p in _QUALIFIER_PROCLITICS[1:]):
        return None
    for k in range(4, 0, -1):
        if first - k < 0:
            continue
        words = tuple(t.text for t in toks[first - k:first])
        for prefix in _QUALIFIER_PROCLITICS:
            if not words[0].startswith(prefix) or len(words[0]) <= len(prefix):
                continue
            key = (words[0][len(prefix):], *words[1:])
            if key in tb.QUALIFIERS:
                return tb.QUALIFIERS[key], toks[first - k].start + len(prefix)
    return None


def _change_before(toks: list[Tok], j: int, window: int = 8) -> bool:
    """Whether a verb or noun of change (ارتفع، زيادة، رفع ...) comes shortly before token ``j``:
    then "من X إلى Y" is a change from X to Y, not a range."""
    for k in range(j - 1, max(-1, j - 1 - window), -1):
        tok = toks[k]
        if tok.kind == "punct" and tok.text in ".،,؛;:!؟?":
            return False
        word = tok.text
        for prefix in ("و", "ف", "ب", "ل"):
            if word.startswith(prefix) and len(word) > 4:
                word = word[1:]
                break
        if word.startswith("ال"):
            word = word[2:]
        if word.startswith(tb.CHANGE_STEMS):
            return True
    return False


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
