"""Tokens that are not quantities although they look like numbers: figures inside a date span, names
and references ("يوروفرست 300", "المادة (126)", "الساعة 12"), phone numbers and codes, clock times,
ordinals written with the article ("للشهر الـ20"), and folded look-alikes of the dual of مئة."""

from __future__ import annotations

from khabar.numbers import tables as tb
from khabar.numbers.core import Tok
from khabar.text.normalize import normalize_key
from khabar.time.scan import FastNormalized

_TO = frozenset(normalize_key(w) for w in ("إلى", "الى", "حتى"))
# The article written before digits ("الـ20"; the tatweel is folded away): an ordinal.
_ORDINAL_ARTICLE = frozenset({"ال", "وال", "بال", "لل", "فال", "كال", "ولل"})

# Folding ئ to ي makes the dual of مئة (مئتا، مئتي، مئتين، مئتان) look like forms of ميت "dead"
# (عثر عليه ميتا): those folded forms count as 200 only when the original is written with ئ.
_HAMZA_LOOKALIKES = frozenset({"ميتا", "ميتي", "ميتين", "ميتان"})


def block_hamza_lookalikes(toks: list[Tok], text: str, normalized: FastNormalized) -> None:
    if not toks or "ميت" not in normalized.text[toks[0].start:toks[-1].end]:
        return
    for tok in toks:
        if tok.kind == "word" and any(tok.text.endswith(form) and len(tok.text) - len(form) <= 2
                                      for form in _HAMZA_LOOKALIKES):
            start, end = normalized.span_to_original(tok.start, tok.end)
            if "\u0626" not in text[start:end]:
                tok.blocked = True


def block_tokens(toks: list[Tok], blocked: list[tuple[int, int]], scoring: bool = False, norm: str = "") -> None:
    """Mark the number tokens that are not quantities; ``scoring``: the text reports goals."""
    nums = [k for k, tok in enumerate(toks) if tok.kind == "num"]
    if not nums:
        return
    k = 0
    for tok in toks:  # tokens and spans are both in text order: one sweep
        while k < len(blocked) and blocked[k][1] <= tok.start:
            k += 1
        if k == len(blocked):
            break
        if blocked[k][0] < tok.end:
            tok.blocked = True
    for k in nums:
        tok = toks[k]
        if _is_code(tok.text) or _name_before(toks, k):  # "يوروفرست 300", "الساعة 12", "المادة (126)"
            tok.blocked = True
        elif _edition(toks, k) or (scoring and _goal_minute(toks, k)) or _label(toks, k, norm):
            tok.blocked = True  # "البطولة ١٢ للمنتخبات", "كاليري (53)", «دي بي 9», ":- 1 - عملية"
        elif k > 1 and toks[k - 1].text in _ORDINAL_ARTICLE and tok.start - toks[k - 1].end <= 1 \
                and any(_strip_clitic(toks[j].text) in tb.ORDINAL_NOUNS for j in range(max(0, k - 3), k - 1)):
            tok.blocked = True  # "للشهر الـ20", "القرن الـ11", "دور الـ16": an ordinal or a name
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.text in tb.TIME_OF_DAY and _clock_like(tok.text):
            tok.blocked = True  # hours before a part of the day: "7 مساء", "من 7 إلى 8.30 مساء"
            if k >= 2 and toks[k - 1].text in _TO | {"و"} and toks[k - 2].kind == "num" \
                    and _clock_like(toks[k - 2].text):
                toks[k - 2].blocked = True
        if nxt is not None and nxt.text in (":", "/") and k + 2 < len(toks) and toks[k + 2].kind == "num" \
                and nxt.start == tok.end and toks[k + 2].start == nxt.end:
            tok.blocked = toks[k + 2].blocked = True  # clock times and slashed figures: 10:30, 3/4


_QUOTES = frozenset('"«»“”')
_ITEM_BEFORE = frozenset(".:-\n")
_AMOUNT_AFTER = frozenset(tb.CURRENCIES) | frozenset(w[0] for w in tb.MEASURES) | frozenset(
    w for w, (kind, _) in tb.NUMBER_WORDS.items() if kind in ("scale", "scale_plural"))


def _label(toks: list[Tok], k: int, norm: str) -> bool:
    """A figure that labels rather than counts: an id of nine or more bare digits ("3601129128"), a
    version after a Latin name, a reference in square brackets, the
    number of a model or a title in quotes («دي بي 9», «جوراسيك بارك 3», «إف 16»), the number of an
    item in a list (":- 1 - عملية انتحارية", ". 2 - وجود مستشفى")."""
    tok, nxt = toks[k], toks[k + 1] if k + 1 < len(toks) else None
    if len(tok.text) >= 9 and tok.text.isdigit():
        return nxt is None or nxt.text not in _AMOUNT_AFTER
    if any(0 <= j < len(toks) and toks[j].kind == "num" and len(toks[j].text) >= 9 for j in (k - 1, k + 1)):
        return True  # a shorter id in a list of ids
    if k > 0 and toks[k - 1].kind == "word" and toks[k - 1].text.isascii():
        return True  # a version or a model after a Latin name: "Flyme 4.5", "iPhone 6"
    if nxt is not None and nxt.text == "]":
        return True  # a verse or a page cited in brackets: "[الأعراف: 31]"
    if k > 1 and toks[k - 1].text == "/" and toks[k - 2].kind == "word" and len(toks[k - 2].text) == 1:
        return True  # the number of a royal order or a circular: "رقم ( أ / 14 )"
    if nxt is not None and nxt.text in _QUOTES and nxt.start - tok.end <= 1:
        j = k - 1
        while j >= 0 and k - j <= 4 and toks[j].kind == "word" and toks[j].text not in tb.NUMBER_WORDS:
            j -= 1
        if j >= 0 and j < k - 1 and toks[j].text in _QUOTES:
            return True
    if not tok.text.isdigit() or len(tok.text) > 2 or nxt is None or nxt.text not in ("-", ")"):
        return False
    after = toks[k + 2] if k + 2 < len(toks) else None
    if after is None or after.kind != "word":
        return False
    if k > 0:  # ". 2 - وجود", ":- 1 - عملية", "\n3) ..." (not "(3 - 10) آلاف")
        before = toks[k - 1].text
        return toks[k - 1].kind == "punct" and before in _ITEM_BEFORE and (before != "-" or nxt.text == "-")
    head = norm[:tok.start].rstrip(" ")
    return not head or head[-1] in _ITEM_BEFORE


_PREPOSITIONS = frozenset(normalize_key(w) for w in ("في", "من", "على", "عن", "مع", "بعد", "قبل", "خلال"))


def _edition(toks: list[Tok], k: int) -> bool:
    """A figure right after an edition, stage or rank noun, followed by a name, a preposition or a
    mark (not by a counted noun): "البطولة ١٢ للمنتخبات", "المركز 3 في الترتيب"."""
    if k == 0 or toks[k - 1].kind != "word" or toks[k - 1].text not in tb.EDITION_BEFORE_NUMBER:
        return False
    if k + 1 >= len(toks):
        return True
    nxt = toks[k + 1]
    if nxt.kind != "word":
        return nxt.kind != "pct"
    return nxt.text.startswith(("ال", "لل", "ل", "بال")) or nxt.text in _PREPOSITIONS


def _goal_minute(toks: list[Tok], k: int) -> bool:
    """A bare figure up to 130 in brackets after a name, in a report of goals: the minute of a goal
    ("بالاسيوس (27) وكاليري (53)", "كوربيلو (67 خطأ في مرمى فريقه)")."""
    if not (0 < k - 1 and toks[k - 1].text == "(" and toks[k - 2].kind == "word") or not toks[k].text.isdigit():
        return False
    if int(toks[k].text) > 130 or toks[k - 2].text in tb.NUMBER_WORDS:
        return False
    if k + 1 >= len(toks):
        return True
    nxt = toks[k + 1]
    if nxt.text == ")":
        after = toks[k + 2] if k + 2 < len(toks) else None
        return after is None or after.kind == "punct" or (after.kind == "word" and after.text.startswith("و"))
    return nxt.kind == "word" and nxt.text in _OWN_GOAL


_OWN_GOAL = frozenset(normalize_key(w) for w in ("خطأ", "خطا", "من", "عن"))


def _strip_clitic(word: str) -> str:
    for prefix in ("ولل", "لل", "وال", "بال", "فال", "و", "ف", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _is_code(digits: str) -> bool:
    """A phone number or a code, not a quantity: 5+ digits with a leading zero ("0112345678")."""
    return len(digits) >= 5 and digits[0] == "0" and digits.isdigit()


def _name_before(toks: list[Tok], k: int) -> bool:
    """Whether the words before number token ``k`` make it part of a name (an opening parenthesis
    may come between: "المادة (126)")."""
    j = k - 1
    if j >= 0 and toks[j].text == "(":
        j -= 1
    if j < 0:
        return False
    before = toks[j].text
    if before[:1] in ("و", "ف", "ب", "ل") and before[1:] in tb.NAME_BEFORE_NUMBER:
        return True  # "بالرمز (48)", "وفاكس 012"
    return before in tb.NAME_BEFORE_NUMBER or (j > 0 and f"{toks[j - 1].text} {before}" in tb.NAME_BEFORE_NUMBER)


def _clock_like(digits: str) -> bool:
    """An hour (0-24) or an hour.minutes ("8.30")."""
    hour, _, minutes = digits.replace("٫", ".").partition(".")
    return hour.isdigit() and int(hour) <= 24 and (not minutes or (len(minutes) == 2 and int(minutes) < 60))
