"""The words around a number: the unit after it (percent, currency, measure), the noun it
counts, the qualifier before it ("أكثر من", "نحو") and a word of change before it ("ارتفع من").

All work on the tokens of ``numbers.core`` (normalized text); ``numbers.expand`` uses them to grow
a parsed number into a full quantity.
"""

from __future__ import annotations

from khabar.numbers import tables as tb
from khabar.numbers.core import Tok, lookup
from khabar.numbers.tables import NUMBER_WORDS
from khabar.text.normalize import normalize_key

__all__ = ["ADJECTIVAL", "change_before", "counted", "plain_counted", "qualifier_before", "unit_after",
           "without_proclitic"]

_QUALIFIER_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل")
_QUALIFIER_LAST_WORDS = frozenset(key[-1] for key in tb.QUALIFIERS)


def _by_first_word(phrases: object) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:  # type: ignore[attr-defined]
        index.setdefault(phrase[0], []).append(phrase)
    return index


_PERCENT_INDEX = _by_first_word(tb.PERCENT_WORDS)
_MEASURE_INDEX = _by_first_word(tb.MEASURES)


def _match_words(toks: list[Tok], j: int, index: dict[str, list[tuple[str, ...]]]) -> tuple[int, tuple[str, ...]] | None:
    """The longest phrase of ``index`` starting at token ``j``: (next index, phrase)."""
    best = None
    for phrase in index.get(toks[j].text, ()):
        n = len(phrase)
        if j + n <= len(toks) and all(toks[j + k].text == phrase[k] for k in range(n)):
            if best is None or n > len(best):
                best = phrase
    return (j + len(best), best) if best else None


def unit_after(toks: list[Tok], j: int, prev_end: int) -> tuple[int, str] | None:
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


def counted(toks: list[Tok], j: int, norm_to_surface: dict[int, str], value: float) -> str | None:
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


# One and two written after the noun they agree with ("نقطة واحدة", "لموسم واحد").
ADJECTIVAL = frozenset(normalize_key(w) for w in ("واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين"))


def without_proclitic(word: str) -> str:
    """"لموسم" -> "موسم", "بالفريق" -> "الفريق": a proclitic ب/ل/و/ف taken off a long enough word."""
    if word[:3] in ("بال", "وال", "فال") or word[:2] == "لل":
        return "ال" + word[3:] if word[:2] != "لل" else "ال" + word[2:]
    if word[:1] in "بلوف" and len(word) >= 5:
        return word[1:]
    return word


def plain_counted(toks: list[Tok], j: int) -> bool:
    """An indefinite counted noun at ``j`` ("5 - 6 أشخاص"; not "1 - 3 الهلال", a score)."""
    if j >= len(toks) or toks[j].kind != "word" or toks[j].blocked:
        return False
    word = toks[j].text
    return len(word) > 2 and not word.startswith(("ال", "و")) and word not in tb.NOT_COUNTED \
        and word not in NUMBER_WORDS


def qualifier_before(toks: list[Tok], first: int) -> tuple[str, int] | None:
    """A qualifier ending just before token ``first`` ("أكثر من", "ما يزيد عن"), possibly glued to
    a proclitic of one or two letters ("وأكثر من", "بأكثر من", "وبما يزيد عن"), which is left out:
    (qualifier, normalized start)."""
    if first == 0:
        return None
    if toks[first - 1].text == "ال" and first > 1:  # "ما يقارب الـ100", "نحو الـ80000"
        return qualifier_before(toks, first - 1)
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


def change_before(toks: list[Tok], j: int, window: int = 8) -> bool:
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
