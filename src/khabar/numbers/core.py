"""Parse one cardinal number (digits, words or both) starting at a token of the normalized text.

Digits: "12,500,000", "١٬٢٥٠" and "15،000،000" (Arabic comma between 3-digit groups) are one number;
"3.5", "٣٫٥" and the agency style "5ر02" are decimals.

The grammar is the standard Arabic one: units before tens joined by و (خمسة وعشرون), teens as
unit + عشر (خمسة عشر), hundreds joined or apart (ثلاثمئة، ثلاث مئة), scales multiplying the group
before them (مئة وخمسون ألفا = 150 000), smaller groups after و (مليون و200 ألف), plural scales after
3-10 (ثلاثة آلاف, 3 ملايين) and plural magnitudes as ranges (مئات الآلاف = [100000, 999999]).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from khabar.numbers.tables import NUMBER_WORDS, WEAK_UNITS

TOKEN = re.compile(
    r"(?P<num>\d{1,3}ر\d{1,3}(?![^\W\d_])|\d+[,٬]\d{1,2}(?=\s*(?:مليون|مليار|الف|بليون))|\d{1,3}(?:[,٬]\d{3})+(?!\d)(?:[.٫]\d+)?|\d{1,3}(?:،\d{3})+(?!\d|،\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d{1,3}\.000(?![\d.])|\d+(?:[.٫]\d+)?)"
    r"|(?P<word>[^\W\d_]+)|(?P<pct>[%٪])|(?P<punct>\S)"
)
_PREFIXES = ("و", "ف", "ب", "ل", "وب", "ول", "فب")  # not ك: "كميات" is not ك + مئات


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    kind: str  # num | word | pct | punct
    blocked: bool = False  # inside a date or a clock time


@dataclass(slots=True)
class Core:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # normalized offset of the number itself (after a proclitic)
    value: float | tuple[float, float]
    has_scale: bool
    scale: float


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``norm[start:end]`` (offsets into ``norm``)."""
    found = TOKEN.finditer(norm, start, len(norm) if end is None else end)
    return [Tok(*m.span(), m.group(), m.lastgroup or "punct") for m in found]


_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000")


def parse_digits(text: str) -> float | None:
    if "ر" in text:  # agency style "8ر27" = 27.8 (fraction written first)
        fraction, whole = text.split("ر")
        return float(f"{whole}.{fraction}")
    text = text.replace("٫", ".").replace("٬", ",")
    if _DOTTED_THOUSANDS.fullmatch(text):  # "6.671.878", "100.000": dots between 3-digit groups
        return float(text.replace(".", ""))
    if "،" in text:  # Arabic comma as a thousands separator: "15،000،000" (3-digit groups only)
        text = text.replace("،", "")
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def lookup(tok: Tok, allow_prefix: bool) -> tuple[str, str, float] | None:
    """``(prefix, kind, value)`` for a number token; ``kind`` is ``digits`` for digits."""
    if tok.blocked:
        return None
    if tok.kind == "num":
        value = parse_digits(tok.text)
        return None if value is None else ("", "digits", value)
    if tok.kind != "word":
        return None
    entry = NUMBER_WORDS.get(tok.text)
    if entry is not None:
        return ("", *entry)
    if allow_prefix:
        for prefix in _PREFIXES:
            rest = tok.text[len(prefix):]
            if tok.text.startswith(prefix) and rest in NUMBER_WORDS and rest not in WEAK_UNITS:
                return (prefix, *NUMBER_WORDS[rest])
    return None


def _conj_at(toks: list[Tok], j: int) -> tuple[int, tuple[str, str, float]] | None:
    """A number joined by و at token ``j``: (index of the number token, lookup)."""
    if j >= len(toks):
        return None
    tok = toks[j]
    if tok.kind == "word" and tok.text == "و" and j + 1 < len(toks):
        found = lookup(toks[j + 1], allow_prefix=False)
        return (j + 1, found) if found else None
    found = lookup(tok, allow_prefix=True)
    if found and found[0] == "و":
        return j, found
    return None


def parse_core(toks: list[Tok], i: int, allow_prefix: bool = True) -> Core | None:
    """The longest number starting at token ``i`` (None when ``i`` starts no number)."""
    head = lookup(toks[i], allow_prefix)
    if head is None or head[0] not in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب"):
        return None
    total, current, cap = 0.0, 0.0, math.inf
    vague: tuple[float, float] | None = None
    last = ""
    has_scale, scale = False, 1.0
    j, end, info, conj = i, i, head, False
    first = True
    while True:
        _, kind, val = info
        ok = True
        if vague is not None:
            if kind in ("scale", "scale_plural", "def_scale_plural") and not conj:
                vague = (vague[0] * val, (vague[1] + 1) * val - 1)
                has_scale, scale, last = True, val, "scale"
            else:
                ok = False
        elif kind == "digits":
            ok = first or (conj and last == "scale" and val < cap)
            current, last = (val, "digits") if ok else (current, last)
        elif kind == "unit":
            ok = first or (conj and last in ("scale", "hundred") and val < min(cap, 100))
            if ok:
                current, last = current + val, "unit"
        elif kind == "teen_head":
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            ok = (first or (conj and last in ("scale", "hundred"))) and nxt is not None and \
                NUMBER_WORDS.get(nxt.text, ("",))[0] == "ten_word"
            if ok:
                current, last, j = current + val + 10, "teen", j + 1
        elif kind == "ten_word":
            if not conj and not first and last == "unit" and current % 100 < 10:
                current, last = current + 10, "teen"
            elif first or (conj and last in ("scale", "hundred") and cap > 10):
                current, last = current + 10, "teen"
            else:
                ok = False
        elif kind == "ten":
            ok = first or (conj and ((last == "unit" and current % 100 < 10) or
                                     (last in ("scale", "hundred") and val < min(cap, 100))))
            if ok:
                current, last = current + val, "ten"
        elif kind == "hundred":
            if not first and not conj and last == "unit" and 3 <= current % 100 <= 9:
                current, last = current - current % 100 + (current % 100) * 100, "hundred"
            elif first or (conj and last == "scale" and cap > 100):
                current, last = current + 100, "hundred"
            else:
                ok = False
        elif kind in ("hundred_dual", "hundred_full"):
            ok = first or (conj and last == "scale" and cap > val)
            if ok:
                current, last = current + val, "hundred"
        elif kind in ("scale", "scale_dual", "scale_plural"):
            if first:
                if kind == "scale_plural":
                    vague = (val, val * 10 - 1)
                else:
                    total += val * (2 if kind == "scale_dual" else 1)
                has_scale, scale, cap, last = True, val, val, "scale"
            elif conj:
                ok = last == "scale" and val < cap and kind != "scale_plural"
                if ok:
                    total += val * (2 if kind == "scale_dual" else 1)
                    scale, cap = val, val
            elif kind == "scale_dual" or last not in ("digits", "unit", "ten", "teen", "hundred", "fraction") \
                    or val >= cap or (kind == "scale_plural" and last != "digits" and current > 10):
                ok = False
            else:
                total += current * val
                current, has_scale, scale, cap, last = 0.0, True, val, val, "scale"
        elif kind in ("vague", "vague_few"):
            ok = first
            if ok:
                vague = (val, val * 10 - 1) if kind == "vague" else (3.0, 9.0)
                last = "vague"
        elif kind == "fraction":
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            ok = first and nxt is not None and NUMBER_WORDS.get(nxt.text, ("",))[0] == "scale"
            if ok:
                current, last = val, "fraction"
        else:
            ok = False
        if not ok:
            break
        end = j
        first = False
        nxt_index = end + 1
        if nxt_index >= len(toks):
            break
        adjacent = lookup(toks[nxt_index], allow_prefix=False)
        if adjacent is not None:
            j, info, conj = nxt_index, adjacent, False
            continue
        joined = _conj_at(toks, nxt_index)
        if joined is None:
            break
        j, info = joined
        conj = True
    if first:
        return None
    start = toks[i].start + len(head[0])
    if vague is not None:
        return Core(i, end, start, vague, has_scale, scale)
    return Core(i, end, start, total + current, has_scale, scale)
