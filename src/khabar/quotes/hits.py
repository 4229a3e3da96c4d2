"""Pass 1 driver: every speech cue of the text with its syntax read, and the cues that another
cue's lead-in or clause absorbs marked as consumed."""

from __future__ import annotations

from bisect import bisect_left

from khabar.quotes.context import Context
from khabar.quotes.cues import CueHit, analyse_cue
from khabar.quotes.lexicon import CueForm


def _named(ctx: Context, start: int, end: int) -> bool:
    return any(e.type in ("PER", "ORG") and any(start <= m.start < end for m in e.mentions) for e in ctx.doc.entities)


def _form_order(form: CueForm) -> tuple[bool, bool]:
    return form.person != 3, form.type != "verb"


_FORM_ORDER = _form_order


def _quoted_tokens(ctx: Context) -> set[int]:
    """Indexes of the tokens that start inside some quotation's content."""
    inside: set[int] = set()
    for q in ctx.quotations:
        lo = bisect_left(ctx.starts, q.content.start)
        hi = bisect_left(ctx.starts, q.content.end, lo)
        inside.update(range(lo, hi))
    return inside


def find_hits(ctx: Context) -> list[CueHit]:
    hits: list[CueHit] = []
    quoted = _quoted_tokens(ctx) if ctx.quotations and ctx.cue_at else set()
    for index, (forms, conj, suffix) in sorted(ctx.cue_at.items()):
        ordered = sorted(forms, key=_FORM_ORDER)
        hit = CueHit(index, index, ordered[0], tuple(ordered), conj, suffix)
        analyse_cue(ctx, hit, index in quoted)
        hits.append(hit)
    # وتابع قائلا: / وختم قائلا: two cues share one opener; the first one speaks.
    seen: set[tuple[str, int]] = set()
    for hit in hits:
        if hit.intro in ("colon", "quote", "comp") and hit.intro_tok >= 0:
            key = (hit.intro, hit.intro_tok)
            if key in seen:
                hit.consumed = True
            seen.add(key)
    # أعلن أن العناصر الأولى للتحقيق تفيد بأن ...: a cue whose subject opens another cue's clause
    # and names no person or organisation belongs to that clause.
    comp_at = {h.intro_tok: h for h in hits if h.intro == "comp" and not h.pronoun}
    for hit in hits:
        if hit.intro != "comp" or hit.subject is not None or hit.conj or hit.form.type != "verb":
            continue
        k = hit.tok - 1
        while k >= 0 and hit.tok - k <= 6 and ctx.toks[k].is_word and k not in comp_at:
            k -= 1
        if k >= 0 and k in comp_at and k < hit.tok - 1 and not _named(ctx, ctx.toks[k + 1].start, ctx.toks[hit.tok].start):
            hit.consumed = True
    # A source phrase inside another cue's lead-in (وأفاد مقدم ... حسب ذات المصدر إن) is part of it.
    for hit in hits:
        if hit.intro in ("comp", "colon", "quote") and hit.source_ref is not None:
            for other in hits:
                if other.form.type == "source" and hit.tok < other.tok < max(hit.intro_tok, hit.tok + 1):
                    other.consumed = True
    return hits

