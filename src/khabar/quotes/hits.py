"""Pass 1 driver: every speech cue of the text with its syntax read, and the cues that another
cue's lead-in or clause absorbs marked as consumed."""

from __future__ import annotations

from bisect import bisect_left

from khabar.quotes.context import Context
from khabar.quotes.cues import CueHit, analyse_cue
from khabar.quotes.lexicon import CueForm
from khabar.quotes.words import (
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    PREPOSITIONS,
    QUOTE_MARKS,
    ROLE_NOUNS,
    strip_conj,
)


def _named(ctx: Context, start: int, end: int) -> bool:
    """A person or organisation is named in the span, or a role noun opens it (رئيس الحزب)."""
    k = bisect_left(ctx.starts, start)
    if k < len(ctx.toks) and ctx.toks[k].start < end and strip_conj(ctx.toks[k].norm) in ROLE_NOUNS:
        return True
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
    _mark_embedded(ctx, hits)
    # A source phrase inside another cue's lead-in (وأفاد مقدم ... حسب ذات المصدر إن) is part of it,
    # and so is one right after a cue's subject (وشدد السفير وفقا لما نقلته الوكالة على ضرورة …).
    starts = {h.tok: h for h in hits if h.form.type == "source"}
    for source in starts.values():  # وطبقا لما أعلنته القيادة فإن …: the verb belongs to the phrase
        if source.via_verb and source.subject is not None:
            for hit in hits:
                if source.tok < hit.tok < source.subject[0]:
                    hit.consumed = True
    for hit in hits:
        if hit.form.type == "verb" and hit.subject is not None and hit.subject[1] in starts:
            starts[hit.subject[1]].consumed = True
    for hit in hits:
        if hit.intro in ("comp", "colon", "quote") and hit.source_ref is not None:
            for other in hits:
                if other.form.type == "source" and hit.tok < other.tok < max(hit.intro_tok, hit.tok + 1):
                    other.consumed = True
    return hits



_EMBED_WINDOW = 6  # tokens between a complementizer and the verb of its clause


def _mark_embedded(ctx: Context, hits: list[CueHit]) -> None:
    """قال علوش إن قيادة «جيش الإسلام» دعت …، أشار إلى أن زعيم التنظيم اعتبر أن …: a cue verb whose
    subject opens another cue's reported clause is part of that clause: it does not end it, and the
    phrase between the complementizer and the verb is its subject."""
    toks = ctx.toks
    by_tok = {h.tok: h for h in hits}
    for hit in hits:
        if hit.intro != "comp" or hit.consumed:
            continue
        words = 0
        for k in range(hit.intro_tok + 1, min(len(toks), hit.intro_tok + 1 + _EMBED_WINDOW)):
            tok = toks[k]
            inner = by_tok.get(k)
            if inner is not None:
                if words and not inner.conj and inner.form.type == "verb" and not inner.consumed:
                    inner.embedded = True
                break
            if tok.is_word:
                if strip_conj(tok.norm) in PREPOSITIONS or tok.norm in FUNCTION_WORDS or tok.norm in COMPLEMENTIZERS \
                        or tok.norm.startswith(("لكن", "ولكن")):
                    break  # إنه عازم على العودة لكنه أقر بأن …: a clause of the same speaker, no subject
                words += 1
            elif tok.text not in QUOTE_MARKS:
                break
