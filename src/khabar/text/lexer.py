"""Raw lexing: the token spans of a text, before clitic segmentation.

One compiled regular expression splits text into ANERcorp-like tokens: URLs and e-mail addresses,
dotted Latin initials (``U.S.``), numbers with decimal/thousands separators (ASCII, Arabic-Indic and
Persian digits), words (letters with their diacritics, tatweel and joiners kept inside), and every
other non-space character as a token of its own (punctuation, symbols, stray marks).

Whitespace is never part of a token, and every non-whitespace character belongs to exactly one token.
"""

from __future__ import annotations

import re
from typing import Literal

TokenKind = Literal["url", "email", "abbrev", "number", "word", "latin", "punct"]

# Combining marks that stay inside a word: Arabic harakat/tanwin/shadda/sukun (U+064B..U+065F),
# Quranic annotation signs (U+0610..U+061A, U+06D6..U+06ED), superscript alef (U+0670), tatweel
# (U+0640), Latin combining diacritics (U+0300..U+036F), zero-width (non-)joiners.
MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"

# Decimal and thousands separators that may sit between digits inside one number token:
# ASCII dot/comma, Arabic decimal separator U+066B and thousands separator U+066C, and "/" is NOT one
# (dates such as 12/10/2016 stay separate tokens so the date stage sees the parts).
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*"
_URL = r"(?:https?://|www\.)[^\s<>\"«»“”]+[^\s<>\"«»“”.,;:!?؟،؛)\]]"
_EMAIL = r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
_ABBREV = r"(?:[A-Za-z]\.){2,}"
_LATIN = r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f\u0300-\u036f]*(?:['’\-][A-Za-z0-9\u00c0-\u024f]+)*"
_WORD = rf"[{MARKS}]*[^\W\d_](?:[^\W\d_]+|[{MARKS}]+)*"

_LEXER = re.compile(
    rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<abbrev>{_ABBREV})|(?P<number>{_NUMBER})"
    rf"|(?P<latin>{_LATIN})|(?P<word>{_WORD})|(?P<punct>\S)"
)


RawToken = tuple[int, int, str]


def lex(text: str, start: int = 0, end: int | None = None) -> list[RawToken]:
    """``(start, end, kind)`` of every raw token of ``text[start:end]`` (offsets into ``text``)."""
    stop = len(text) if end is None else end
    # every alternative is a named group, so ``lastgroup`` is always set
    return [(*m.span(), m.lastgroup) for m in _LEXER.finditer(text, start, stop)]  # type: ignore[misc]
