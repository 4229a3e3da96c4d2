"""Repair of quotation-mark pairs before attribution.

Newspaper copy often leaves a quote open (« without ») or uses » as an opener (بـ»قادة»), so the
text core pairs marks across a new statement: ``«… تطهير محافظة تعز.\\nوأضاف: «برغم …`` or
``من «تفكيك خلية …، وأضافت وزارة الداخلية: إن …بـ»قادة»``. A pair that is unclosed, or whose
closing mark is glued to the next word, and that holds a speech cue followed by a colon is cut
before that cue; a pair left empty is dropped. A quote left open at the end of a paragraph whose
closing mark ends the next paragraph (``قائلا: «لقد شعرت …\n عندما … خاطرك».``) is carried over
to that mark. Nesting depth is then recomputed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from khabar.document import Document, Quotation
from khabar.quotes.words import CLAUSE_PUNCT, CONNECTORS, QUOTE_MARKS, Tok

_START = attrgetter("start")
_CUE_WINDOW = 4  # words between a cue and its colon (وأضافت وزارة الداخلية:)
# Closing marks that may end a quote opened by each mark (reversed “ ” usage included).
_CLOSERS = {"\u00ab": "\u00bb", "\u201c": "\u201d\u201c", "\u201d": "\u201c\u201d", "\u201e": "\u201c\u201d",
            '"': '"', "\uff02": "\uff02"}
_CARRY_MAX = 1200  # characters a quote may be carried over into the next paragraph


def _suspicious(text: str, q: Quotation) -> bool:
    if not q.closed:
        return True
    return q.end < len(text) and text[q.end].isalpha()


def _cut_point(toks: list[Tok], q: Quotation, is_cue: Callable[[Tok], bool]) -> int | None:
    """Start of the first ``cue … :`` lead-in inside the quotation's content, or None."""
    lo = bisect_left(toks, q.content.start, key=_START)
    hi = bisect_left(toks, q.content.end, key=_START)
    inside = toks[lo:hi]
    for pos, tok in enumerate(inside):
        if tok.text not in (":", "\uff1a"):
            continue
        words = 0
        for k in range(pos - 1, -1, -1):
            prev = inside[k]
            if prev.text in QUOTE_MARKS or prev.text in CLAUSE_PUNCT or prev.text in ".!?؟":
                break
            if not prev.is_word:
                continue
            words += 1
            if is_cue(prev):
                while k > 0 and (inside[k - 1].norm in CONNECTORS or inside[k - 1].text in CLAUSE_PUNCT):
                    k -= 1
                return inside[k].start
            if words >= _CUE_WINDOW:
                break
    return None


def _carried_end(text: str, q: Quotation, next_start: int) -> int | None:
    """The offset of the closing mark that ends the paragraph after an unclosed quote, when that
    paragraph holds no other mark of the pair (a quote spanning two paragraphs), else None."""
    closers = _CLOSERS.get(q.open_mark)
    if q.closed or not closers:
        return None
    pos = q.end
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    if text[pos:pos + 1] not in ("\n", "\r"):
        return None
    while pos < len(text) and text[pos] in "\n\r \t\u00a0":
        pos += 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - pos > _CARRY_MAX or next_start < line_end:
        return None
    para = text[pos:line_end].rstrip(" \t\u00a0.")
    if not para or para[-1] not in closers or any(ch in QUOTE_MARKS for ch in para[:-1]):
        return None
    return pos + len(para)


def repair_quotations(doc: Document, toks: list[Tok], quotations: list[Quotation],
                      is_cue: Callable[[Tok], bool]) -> list[Quotation]:
    text = doc.text
    kept: list[Quotation] = []
    changed = False
    for index, q in enumerate(quotations):
        if not q.closed:
            following = quotations[index + 1].start if index + 1 < len(quotations) else len(text)
            carried = _carried_end(text, q, following)
            if carried is not None:
                changed = True
                q = replace(q, end=carried, content=doc.span(q.content.start, carried - 1),
                            close_mark=text[carried - 1], closed=True)
        cut = _cut_point(toks, q, is_cue) if _suspicious(text, q) else None
        if cut is None:
            kept.append(q)
            continue
        changed = True
        end = cut
        while end > q.content.start and (text[end - 1].isspace() or text[end - 1] in "،,؛;" or
                                         text[end - 1] in QUOTE_MARKS):
            end -= 1
        if len(text[q.content.start:end].split()) < 2:
            continue  # «وأضاف باركي: «…: a stray mark before the lead-in
        kept.append(replace(q, end=end, content=doc.span(q.content.start, end), close_mark=None, closed=False))
    if not changed:
        return kept  # no pair changed: the text core's nesting depths hold
    out: list[Quotation] = []
    for q in kept:
        depth = sum(1 for o in kept if o is not q and o.content.start <= q.start and q.end <= o.content.end)
        out.append(q if depth == q.depth else replace(q, depth=depth))
    return out
