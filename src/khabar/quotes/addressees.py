"""Addressee and channel of a statement: the pronoun or phrase a cue addresses, the channel
phrase before the cue, and both read from the start of a reported clause."""

from __future__ import annotations

from khabar.document import Document, Quote, Span
from khabar.quotes.context import Context
from khabar.quotes.cuehit import CueHit
from khabar.quotes.phrases import match_channel
from khabar.quotes.speakers import Speaker, first_tok_at
from khabar.quotes.words import (
    ADDRESSEE_PRONOUNS,
    COMMUNICATION_VERBS,
    strip_conj,
)


class AddresseeRules:
    """Mixin for the builder: needs ``ctx``, ``doc`` and ``last_addressee``."""

    ctx: Context
    doc: Document
    last_addressee: Speaker | None

    def resolve_pronoun(self, reply_prev: Quote | None) -> Speaker | None:
        if reply_prev is not None:
            return Speaker(reply_prev.speaker, reply_prev.speaker_text)
        return self.last_addressee

    def addressee_token(self, k: int, hit: CueHit, reply_prev: Quote | None) -> Speaker | None:
        tok = self.ctx.toks[k]
        if k == hit.tok or tok.norm in ADDRESSEE_PRONOUNS:
            return self.resolve_pronoun(reply_prev)
        entity = self.ctx.entity_at(tok.start + 1, tok.end) if self.doc.entities else None
        skip = 0 if tok.norm.startswith("لل") else 1  # للصحفيين = ل + الصحفيين: keep the whole word
        return Speaker(entity.id if entity else None, self.doc.span(tok.start + skip, tok.end))

    def channel_before(self, hit: CueHit) -> str | None:
        sid = self.ctx.sent[hit.tok]
        for k in range(max(0, hit.tok - 6), hit.tok):
            if self.ctx.sent[k] != sid:
                continue
            found = match_channel(self.ctx, k)
            if found and k + found[1] <= hit.tok:
                return found[0]
        return None

    def scan_content_start(self, content: Span, hit: CueHit, addressee: Speaker | None,
                           channel: str | None) -> tuple[Speaker | None, str | None]:
        toks = self.ctx.toks
        i = first_tok_at(toks, content.start)
        window = [t for t in toks[i:i + 3] if t.end <= content.end]
        if not any(strip_conj(t.norm) in COMMUNICATION_VERBS or (t.norm.startswith("ه") and t.norm[1:] in
                   COMMUNICATION_VERBS) for t in window):
            return addressee, channel
        k = i
        while k < len(toks) and k < i + 10 and toks[k].end <= content.end:
            tok = toks[k]
            if channel is None:
                found = match_channel(self.ctx, k)
                if found:
                    channel = found[0]
            after_verb = k > 0 and strip_conj(toks[k - 1].norm) in COMMUNICATION_VERBS
            if addressee is None and tok.norm.startswith("ل") and not tok.norm.startswith("ال") and (
                    tok.norm in ADDRESSEE_PRONOUNS or tok.norm.startswith("لل") or after_verb or (
                    self.doc.entities and self.ctx.entity_at(tok.start + 1, tok.end))):
                addressee = self.addressee_token(k, hit, None)
            k += 1
        return addressee, channel
