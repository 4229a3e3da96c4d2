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


def block_tokens(toks: list[Tok], blocked: list[tuple[int, int]]) -> None:
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
    if before[:1] in ("و", "ف") and before[1:] in tb.NAME_BEFORE_NUMBER:
        return True
    return before in tb.NAME_BEFORE_NUMBER or (j > 0 and f"{toks[j - 1].text} {before}" in tb.NAME_BEFORE_NUMBER)


def _clock_like(digits: str) -> bool:
    """An hour (0-24) or an hour.minutes ("8.30")."""
    hour, _, minutes = digits.replace("٫", ".").partition(".")
    return hour.isdigit() and int(hour) <= 24 and (not minutes or (len(minutes) == 2 and int(minutes) < 60))
