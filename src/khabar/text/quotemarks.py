"""Pair quotation marks in Arabic news text.

Arabic newswire uses every convention at once: “…”, reversed ”…“, the same ” opening and closing,
«…» (and reversed »…«), ASCII "…", single ‘…’, quotes opened after a colon (``قال :” ...``), quotes
nested inside quotes, and quotes that are opened and never closed. Glyphs are therefore not trusted:
each mark is classed as opening or closing from its context, in this order:

1. a colon before it (spaces allowed between) -> it opens;
2. only the right side touches text (space/punctuation/start before, text after) -> it opens;
3. only the left side touches text (text before, space/punctuation/end after) -> it closes
   (if a quote of its family is open; otherwise it is a stray mark and ignored);
4. otherwise (text or space on both sides) -> it closes an open quote of its family, else it opens.
   Single marks between two letters or digits are apostrophes (Qur’an, 90’s) and are ignored.

Quotes never cross a paragraph (newline); one still open at the end of its paragraph is ended
there with ``closed=False`` (its content stops at the last non-space character of the paragraph).
A quote closed while a quote nested in it is still open ends that inner one with ``closed=False``.
``depth`` counts the quotes enclosing a quote when it opens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from khabar.document import Quotation, Span

# Mark -> family. Marks of one family pair with each other whatever their glyph direction.
MARK_FAMILIES: dict[str, str] = {
    "\u201c": "double", "\u201d": "double", "\u201e": "double", "\u201f": "double",
    '"': "double", "\uff02": "double", "\u301d": "double", "\u301e": "double",
    "\u00ab": "guillemet", "\u00bb": "guillemet",
    "\u2018": "single", "\u2019": "single", "\u201a": "single", "\u201b": "single",
    "\u2039": "single_guillemet", "\u203a": "single_guillemet",
}
MAX_DEPTH = 6  # deeper "nesting" is noise (runs of marks); further opening marks are ignored
_PARAGRAPH_BREAK = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
_MARK_RE = re.compile("[" + re.escape("".join(MARK_FAMILIES)) + "]")
# Characters that may stand right before an opening mark besides whitespace.
_OPEN_PRECEDERS = frozenset("([{:،,؛;—–-/|")


@dataclass(slots=True)
class _Open:
    position: int
    mark: str
    family: str
    depth: int


def _is_text(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M") or ch == "\u0640"


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" and ch not in MARK_FAMILIES


def _colon_before(text: str, index: int, floor: int) -> bool:
    j = index - 1
    while j >= floor and text[j] in " \t\u00a0\u200f\u200e":
        j -= 1
    return j >= floor and text[j] in ":\ufe55\uff1a"


def _classify(text: str, index: int, floor: int, ceiling: int, family_open: bool) -> str:
    """'open', 'close', or 'skip' for the mark at ``index`` inside the paragraph [floor, ceiling)."""
    mark = text[index]
    prev = text[index - 1] if index > floor else ""
    nxt = text[index + 1] if index + 1 < ceiling else ""
    if MARK_FAMILIES[mark] == "single" and prev and nxt and _is_text(prev) and _is_text(nxt):
        return "skip"  # apostrophe inside a word
    if nxt and _colon_before(text, index, floor):
        return "open"
    prev_space = not prev or prev.isspace() or prev in _OPEN_PRECEDERS or prev in MARK_FAMILIES
    next_space = not nxt or nxt.isspace() or _is_punct(nxt) or nxt in MARK_FAMILIES
    if not nxt or (nxt.isspace() and not prev):
        return "close" if family_open else "skip"
    left_flanking = prev_space and not next_space  # opens: text follows
    right_flanking = next_space and not prev_space  # closes: text precedes
    if left_flanking:
        return "open"
    if right_flanking:
        return "close" if family_open else "skip"
    if family_open:
        return "close"
    if MARK_FAMILIES[mark] == "single" and not (prev_space and nxt and not nxt.isspace()):
        return "skip"
    return "open"


def _content_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _pair_paragraph(text: str, floor: int, ceiling: int, out: list[Quotation]) -> None:
    stack: list[_Open] = []
    open_count: dict[str, int] = {}
    for match in _MARK_RE.finditer(text, floor, ceiling):
        index = match.start()
        family = MARK_FAMILIES[text[index]]
        action = _classify(text, index, floor, ceiling, open_count.get(family, 0) > 0)
        if action == "open" and len(stack) < MAX_DEPTH:
            stack.append(_Open(index, text[index], family, len(stack)))
            open_count[family] = open_count.get(family, 0) + 1
        elif action == "close":
            # Close the innermost open quote of this family; quotes opened inside it end unclosed.
            while stack:
                item = stack.pop()
                open_count[item.family] -= 1
                if item.family == family:
                    _emit(text, item, index, index + 1, text[index], True, out)
                    break
                _emit(text, item, index, index, None, False, out)
    paragraph_end = ceiling
    while paragraph_end > floor and text[paragraph_end - 1].isspace():
        paragraph_end -= 1
    while stack:
        _emit(text, stack.pop(), paragraph_end, paragraph_end, None, False, out)


def _emit(text: str, item: _Open, content_end: int, end: int, close_mark: str | None, closed: bool,
          out: list[Quotation]) -> None:
    content = _content_span(text, item.position + 1, content_end)
    if not content.text:
        return
    if not closed:
        end = max(content.end, item.position + 1)
    out.append(Quotation(item.position, end, content, item.mark, close_mark, closed, item.depth))


def find_quotations(text: str) -> list[Quotation]:
    """All quotations of ``text`` (paired or paragraph-ended marks), sorted by start offset."""
    if not text:
        return []
    found: list[Quotation] = []
    for floor, ceiling in _paragraphs(text):
        _pair_paragraph(text, floor, ceiling, found)
    found.sort(key=lambda q: (q.start, -q.end))
    return found
