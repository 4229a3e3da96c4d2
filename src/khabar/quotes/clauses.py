"""Where a statement's content ends: the clause and sentence limits of the builder (the next cue,
a full stop, a new statement of the reporter) and the trimming of a content span."""

from __future__ import annotations

from bisect import bisect_left

from khabar.document import Document, Span
from khabar.quotes.context import Context
from khabar.quotes.cuehit import CueHit
from khabar.quotes.speakers import first_tok_at
from khabar.quotes.words import (
    CLAUSE_PARTICIPLES,
    CLAUSE_PUNCT,
    CONNECTORS,
    QUOTE_MARKS,
    SENTENCE_END,
)

_COMMENT_HEADS = frozenset(("الامر", "وهو", "وهي", "ما"))
_RELATIVES = frozenset(("الذي", "التي", "يعني", "يشير", "اثار", "دفع"))


class ClauseRules:
    """Mixin for the builder: needs ``ctx``, ``doc`` and the sorted cue ``boundaries``."""

    ctx: Context
    doc: Document
    boundaries: list[int]

    def _boundary(self, hit: CueHit) -> int:
        toks = self.ctx.toks
        k = hit.tok
        if hit.intro == "back":
            return toks[hit.tok].start if hit.tok < len(toks) else len(self.doc.text)
        while k > 0 and (toks[k - 1].norm in CONNECTORS or toks[k - 1].text in CLAUSE_PUNCT):
            k -= 1
        return toks[k].start

    def clause_end(self, start: int, limit: int, sentence_only: bool = False, paragraph: bool = False) -> int:
        toks, text, nl = self.ctx.toks, self.doc.text, self.ctx.nl
        stop = limit
        if not sentence_only:
            for b in self.boundaries[bisect_left(self.boundaries, start):]:  # a cue right at start ends it
                if any(q.closed and start <= q.start < b < q.end for q in self.ctx.quotations):
                    continue  # a cue quoted inside the content belongs to it
                stop = min(stop, b)
                break
        end = start
        i = first_tok_at(toks, start)
        skip_until = -1
        while i < len(toks) and toks[i].start < stop:
            tok = toks[i]
            if i > 0 and tok.start > start and nl[i] and end > start:
                break
            if tok.start < skip_until:
                end = max(end, tok.end)
                i += 1
                continue
            if tok.text in QUOTE_MARKS and tok.start in self.ctx.open_at:
                q = self.ctx.open_at[tok.start]
                if q.end <= stop:
                    skip_until = q.end
                    end = max(end, q.end)
                    i += 1
                    continue
            if tok.text in SENTENCE_END and not _decimal_point(text, tok.start) and not (
                    paragraph and tok.text != "؟" and not self.reporter_resumes(i + 1)):
                end = tok.end if tok.text in "?؟!" else end
                break
            if tok.start > start and (tok.text in CLAUSE_PUNCT or tok.norm[:1] in "وف") and self.new_statement(i):
                break
            if tok.text not in CLAUSE_PUNCT:
                end = tok.end
            i += 1
        return max(end, start)

    def reporter_resumes(self, i: int) -> bool:
        """After a full stop inside unmarked colon speech, token ``i`` opens the reporter's next
        sentence: a circumstantial participle (مبدية اعتزازها، مضيفا) or a new cue verb (وأضاف)."""
        toks, ctx = self.ctx.toks, self.ctx
        if i >= len(toks) or not toks[i].is_word:
            return False
        tok = toks[i]
        if tok.norm in CLAUSE_PARTICIPLES or any(f.type == "participle" for f in ctx.cue_forms(tok)[0]):
            return True
        k = bisect_left(self.boundaries, tok.start)
        if k < len(self.boundaries):  # …. وعن الاتفاق النووي، رأى كرم «…»: a new statement in this sentence
            j = first_tok_at(toks, self.boundaries[k])
            if j < len(toks) and ctx.sent[j] == ctx.sent[i]:
                return True
        return self.new_statement(i)

    def new_statement(self, i: int) -> bool:
        """Token ``i`` opens a new statement of the reporter: ، مشيرا/داعيا …، وطالبت/ودعا …،
        ، ولكن الرئيس قال …"""
        toks, ctx = self.ctx.toks, self.ctx
        tok = toks[i]
        if tok.text in CLAUSE_PUNCT and i + 1 < len(toks):
            nxt = toks[i + 1]
            if any(f.type == "participle" for f in ctx.cue_forms(nxt)[0]) or nxt.norm in CLAUSE_PARTICIPLES:
                return True
            if nxt.norm in ("وهو", "وهي") and i + 3 < len(toks) and toks[i + 2].norm == "الامر" \
                    and toks[i + 3].norm in _RELATIVES:
                return True  # …، وهو الأمر الذي قد يدفع …: the reporter's comment
            if nxt.norm in _COMMENT_HEADS and i + 2 < len(toks) and toks[i + 2].norm in _RELATIVES:
                return True  # …، الأمر الذي ندد به معارضوه: the reporter's comment
            if nxt.norm in ("لكن", "ولكن"):
                return any(ctx.is_speech_verb(toks[k]) for k in range(i + 2, min(i + 7, len(toks))) if ctx.sent[k] == ctx.sent[i])
            return False
        if tok.norm[:1] in ("و", "ف"):
            forms, conj, suffix = ctx.cue_forms(tok)
            return bool(conj) and not suffix and any(f.type == "verb" and f.person == 3 for f in forms) \
                and all(f.person == 3 for f in forms)
        return False

    def sentence_start(self, k: int) -> int:
        sid = self.ctx.sent[k]
        toks = self.ctx.toks
        j = k
        while j > 0 and self.ctx.sent[j - 1] == sid:
            j -= 1
        while j < k and (toks[j].norm in CONNECTORS or not toks[j].is_word):
            j += 1
        return toks[j].start


def _decimal_point(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _opens_inside(text: str, start: int, end: int) -> bool:
    """Whether an odd number of quote marks in ``text[start:end]`` leaves one open (keep its close)."""
    return sum(1 for ch in text[start:end] if ch in QUOTE_MARKS) % 2 == 1


def trim_span(doc: Document, span: Span) -> Span:
    start, end = span.start, span.end
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in "،,:؛;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:؛;." or (
            text[end - 1] in QUOTE_MARKS and end - 1 > start and not _opens_inside(text, start, end - 1))):
        end -= 1
    return doc.span(start, end)
